#include "ricochet/sim/subprocess.hpp"

#include "ricochet/sim/parallel.hpp"

namespace ricochet::sim {

// One child is a batch of one: the forking, the pipe and the error reporting are run_parallel's.
std::string run_in_child(const std::function<std::string()>& work)
{
  std::string result;
  run_parallel({0}, 1, [&work](std::size_t) { return work(); },
               [&result](std::size_t, const std::string& out) { result = out; });
  return result;
}

} // namespace ricochet::sim
