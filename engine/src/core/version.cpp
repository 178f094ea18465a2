#include "ricochet/core/version.hpp"

#include "ricochet_commit.hpp" // generated in the build tree by cmake/commit.cmake

namespace ricochet::core {

const char* version() { return RICOCHET_VERSION; }

const char* commit() { return RICOCHET_COMMIT; }

std::string version_line(const char* program)
{
  return std::string(program) + " " + version() + " (commit " + commit() + ")";
}

} // namespace ricochet::core
