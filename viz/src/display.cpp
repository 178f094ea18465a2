#include "display.hpp"

#include <X11/Xlib.h> // kept out of every other file: its macros (None, Bool, Status) clash with SFML's names

namespace ricochet::viz {

bool x_display_available()
{
  Display* display = XOpenDisplay(nullptr);
  if (display == nullptr)
    return false;
  XCloseDisplay(display);
  return true;
}

} // namespace ricochet::viz
