#pragma once
// Runs many independent jobs in forked children, a few at a time (SimGrid allows one engine per process).
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace ricochet::sim {

/** Runs work(i) for each i in jobs, each in a forked child, at most `parallel` at once; calls done(i, output) in
 *  this process as each child finishes (in completion order). The parent never runs work itself.
 *  @throw std::runtime_error if a child fails (after the running children have ended) */
void run_parallel(const std::vector<std::size_t>& jobs, std::size_t parallel,
                  const std::function<std::string(std::size_t)>& work,
                  const std::function<void(std::size_t, const std::string&)>& done);

} // namespace ricochet::sim
