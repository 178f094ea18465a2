#pragma once
// SimGrid allows one engine per process: each run happens in a forked child that sends its result back.
#include <functional>
#include <string>

namespace ricochet::sim {

/** Runs work in a forked child and returns the string it produced. The child ends with _exit (no atexit
 *  handlers, no static destructors). @throw std::runtime_error with work's message if it threw, or naming the
 *  signal or exit status if the child died */
[[nodiscard]] std::string run_in_child(const std::function<std::string()>& work);

} // namespace ricochet::sim
