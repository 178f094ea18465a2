#include "display.hpp"

#include <string>
#include <vector>

#include <X11/Xlib.h> // kept out of every other file: its macros (None, Bool, Status) clash with SFML's names
#include <dlfcn.h>
#include <link.h>

#include "ricochet/core/sanitizers.hpp"

namespace ricochet::viz {

bool hold_x_display()
{
  static Display* held = XOpenDisplay(nullptr); // never closed: see the header
  return held != nullptr;
}

void keep_gl_driver_loaded()
{
#ifdef RICOCHET_ASAN
  static bool done = false;
  if (done)
    return;
  done = true;
  std::vector<std::string> drivers; // Mesa's DRI drivers: swrast_dri.so under Xvfb, radeonsi_dri.so, iris_dri.so...
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* out) {
        std::string name = info->dlpi_name;
        const std::string suffix = "_dri.so";
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
          static_cast<std::vector<std::string>*>(out)->push_back(name);
        return 0;
      },
      &drivers);
  for (const auto& driver : drivers) // the handle stays open on purpose: RTLD_NODELETE keeps the driver until exit
    dlopen(driver.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
#endif
}

} // namespace ricochet::viz
