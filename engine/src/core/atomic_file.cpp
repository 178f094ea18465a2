#include "ricochet/core/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ricochet::core {

AtomicFile::AtomicFile(std::string path) : path_(std::move(path))
{
  namespace fs = std::filesystem;
  fs::path target(path_);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  temporary_   = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  fd_          = ::mkstemp(temporary_.data());
  if (fd_ < 0)
    throw std::runtime_error("cannot create a temporary file beside '" + path_ + "': " + std::strerror(errno));
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
  throw std::runtime_error(what + " '" + path_ + "': " + std::strerror(err));
}

void AtomicFile::write(std::string_view text)
{
  if (fd_ < 0)
    throw std::logic_error("AtomicFile: write after commit or after a failure");
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
    throw std::runtime_error("cannot write '" + path_ + "': " + std::strerror(err));
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
    throw std::runtime_error("cannot replace '" + path_ + "': " + std::strerror(err));
  }
}

void write_file_atomically(const std::string& path, const std::string& content)
{
  write_file_atomically(path, content, {});
}

void write_file_atomically(const std::string& path, const std::string& content,
                           const std::function<void(const std::string& written)>& check)
{
  AtomicFile file(path);
  file.write(content);
  file.commit(check);
}

} // namespace ricochet::core
