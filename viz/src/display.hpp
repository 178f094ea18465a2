#pragma once
// SFML aborts the process when it cannot open an X display; ask X first so that the viewer can say what to do.

namespace ricochet::viz {

/** Whether an X display can be opened (DISPLAY set and answering). */
[[nodiscard]] bool x_display_available();

} // namespace ricochet::viz
