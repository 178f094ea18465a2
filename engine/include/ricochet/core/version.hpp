#pragma once
// What this build of ricochet is: the project's version and the commit it was compiled from.
#include <string>

namespace ricochet::core {

/// The release version, e.g. "0.1.0" (CMake's project version).
const char* version();

/// The commit the sources came from: 12 hex digits, "-dirty" when tracked files had changes, "unknown" for a
/// build outside git without -DRICOCHET_COMMIT.
const char* commit();

/// "NAME VERSION (commit COMMIT)", the answer of --version.
std::string version_line(const char* program);

} // namespace ricochet::core
