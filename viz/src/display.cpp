#include "display.hpp"

#include <X11/Xlib.h> // kept out of every other file: its macros (None, Bool, Status) clash with SFML's names

namespace ricochet::viz {

bool hold_x_display()
{
  static Display* held = XOpenDisplay(nullptr); // never closed: see the header
  return held != nullptr;
}

} // namespace ricochet::viz
