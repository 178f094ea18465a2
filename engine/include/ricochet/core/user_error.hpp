#pragma once
#include <stdexcept>
#include <string>

namespace ricochet::core {

/** A failure the user can fix where ricochet reads or writes (a path that is a file, a read-only or full disk, an
 *  unusable TMPDIR): the program prints what() and exits with status 2, as for bad input. what() says what to
 *  change. Anything else thrown is an internal error. */
class UserError : public std::runtime_error {
public:
  explicit UserError(const std::string& message) : std::runtime_error(message) {}
};

/** Throws UserError "PATH: error: WHAT: strerror(err) (what to do)" when err comes from the environment (rights,
 *  space, a missing or wrong kind of path); std::runtime_error for anything else (a bug). */
[[noreturn]] void throw_file_error(const std::string& path, const std::string& what, int err);

} // namespace ricochet::core
