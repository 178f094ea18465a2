#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "ricochet/core/digest.hpp"

namespace ricochet::core {

/** A file written so that readers see either the old file or the complete new one: the text goes to a temporary file
 *  beside PATH, which commit() flushes to disk and renames over PATH. Destroyed without commit() (an error on the
 *  way), the temporary file is removed and PATH is left as it was. For outputs too large to hold whole in memory;
 *  write_file_atomically() does it in one call. The size and digest of what was written come free (for manifests).
 *  @throw core::UserError when the place cannot be written for a reason the user can fix (rights, space, a path
 *  that is not a directory), std::runtime_error on other I/O failures (the temporary file is then removed);
 *  std::logic_error for a use after commit() or after a failure */
class AtomicFile {
public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&)            = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view text);
  /** Flushes, calls CHECK(temporary path) if given (it may throw to abandon the file), then renames. */
  void commit(const std::function<void(const std::string& written)>& check = {});
  /** The size and digest of what was written so far. */
  [[nodiscard]] FileDigest written() const { return digest_.result(); }

private:
  [[noreturn]] void fail(const std::string& what, int err);

  std::string path_;
  std::string temporary_;
  int fd_ = -1;
  Digest digest_;
};

/** Writes content to path atomically (see AtomicFile); returns its size and digest. @throw as AtomicFile */
FileDigest write_file_atomically(const std::string& path, const std::string& content);

/** The same, with check(temporary_path) called on the complete temporary file before the rename (e.g. to load it):
 *  if check throws, the temporary file is removed, path is left as it was and the exception propagates. */
FileDigest write_file_atomically(const std::string& path, const std::string& content,
                                 const std::function<void(const std::string& written)>& check);

} // namespace ricochet::core
