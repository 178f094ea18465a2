#pragma once
// SimGrid allows one engine per process: each run happens in a forked child that sends its result back.
#include <functional>
#include <string>

namespace ricochet::sim {

/** Runs work in a forked child and returns the string it produced. The child ends with _exit (no atexit
 *  handlers, no static destructors). @throw std::runtime_error if the child fails (its stderr is kept in the
 *  message), or ScenarioError-like text if work threw (the message is passed through) */
[[nodiscard]] std::string run_in_child(const std::function<std::string()>& work);

} // namespace ricochet::sim
