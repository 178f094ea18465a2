#pragma once
// SFML aborts the process when it cannot open an X display; ask X first so that the viewer can say what to do.

namespace ricochet::viz {

/** Whether an X display can be opened (DISPLAY set and answering). The connection is then kept for the life of
 *  the process: an X server such as Xvfb resets when its last client leaves, and a connection attempted during the
 *  reset fails (SFML opens and closes its own connection as windows and textures come and go). */
[[nodiscard]] bool hold_x_display();

/** In AddressSanitizer builds, keeps the GL driver of the current context loaded until exit (does nothing
 *  otherwise; call it once a context exists). Mesa unloads its driver when the last context closes, and the leak
 *  check at exit then reports what the driver's globals held as leaks of an unnamed module, which no suppression
 *  can name (docs/sanitizers.md). */
void keep_gl_driver_loaded();

} // namespace ricochet::viz
