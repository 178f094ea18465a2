#include "ricochet/core/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ricochet/core/user_error.hpp"

namespace ricochet::core {

void throw_file_error(const std::string& path, const std::string& what, int err)
{
  std::string advice;
  switch (err) {
  case EACCES:
  case EPERM:
  case EROFS: advice = "choose a place you can write to"; break;
  case ENOSPC:
  case EDQUOT: advice = "free some space or choose another place"; break;
  case ENOENT: advice = "its directory does not exist"; break;
  case ENOTDIR: advice = "a part of the path is a file, not a directory"; break;
  case EISDIR: advice = "it is a directory: name a file"; break;
  case ENAMETOOLONG: advice = "choose a shorter path"; break;
  case ELOOP: advice = "the path loops through symbolic links"; break;
  case EFBIG: advice = "the file system does not take a file this large"; break;
  case EIO: advice = "the disk failed: check it or choose another place"; break;
  default: throw std::runtime_error(path + ": " + what + ": " + std::strerror(err));
  }
  throw UserError(path + ": error: " + what + ": " + std::strerror(err) + " (" + advice + ")");
}

AtomicFile::AtomicFile(std::string path) : path_(std::move(path))
{
  namespace fs = std::filesystem;
  fs::path target(path_);
  if (path_.empty() || !target.has_filename())
    throw UserError("error: no file name in '" + path_ + "': name the file to write");
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  temporary_   = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  fd_          = ::mkstemp(temporary_.data());
  if (fd_ < 0)
    throw_file_error(path_, "cannot write", errno);
}

AtomicFile::~AtomicFile()
{
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(temporary_.c_str());
  }
}

void AtomicFile::fail(const std::string& what, int err)
{
  ::close(fd_);
  fd_ = -1;
  ::unlink(temporary_.c_str());
  throw_file_error(path_, what, err);
}

void AtomicFile::write(std::string_view text)
{
  if (fd_ < 0)
    throw std::logic_error("AtomicFile: write after commit or after a failure");
  digest_.update(text);
  while (!text.empty()) {
    ssize_t n = ::write(fd_, text.data(), text.size());
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      fail("cannot write", errno);
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

void AtomicFile::commit(const std::function<void(const std::string& written)>& check)
{
  if (fd_ < 0)
    throw std::logic_error("AtomicFile: commit after commit or after a failure");
  ::fchmod(fd_, 0644);
  if (::fsync(fd_) != 0)
    fail("cannot write", errno);
  int closed = ::close(fd_);
  fd_        = -1;
  if (closed != 0) {
    int err = errno;
    ::unlink(temporary_.c_str());
    throw_file_error(path_, "cannot write", err);
  }
  if (check) {
    try {
      check(temporary_);
    } catch (...) {
      ::unlink(temporary_.c_str());
      throw;
    }
  }
  if (::rename(temporary_.c_str(), path_.c_str()) != 0) {
    int err = errno;
    ::unlink(temporary_.c_str());
    throw_file_error(path_, "cannot replace", err);
  }
}

FileDigest write_file_atomically(const std::string& path, const std::string& content)
{
  return write_file_atomically(path, content, {});
}

FileDigest write_file_atomically(const std::string& path, const std::string& content,
                                 const std::function<void(const std::string& written)>& check)
{
  AtomicFile file(path);
  file.write(content);
  file.commit(check);
  return file.written();
}

} // namespace ricochet::core
