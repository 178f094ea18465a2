#pragma once
// SFML aborts the process when it cannot open an X display; ask X first so that the viewer can say what to do.

namespace ricochet::viz {

/** Whether an X display can be opened (DISPLAY set and answering). The connection is then kept for the life of
 *  the process: an X server such as Xvfb resets when its last client leaves, and a connection attempted during the
 *  reset fails (SFML opens and closes its own connection as windows and textures come and go). */
[[nodiscard]] bool hold_x_display();

} // namespace ricochet::viz
