#include "ricochet/sim/subprocess.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <stdexcept>

#include <sys/wait.h>
#include <unistd.h>

namespace ricochet::sim {
namespace {

void write_all(int fd, const std::string& data)
{
  const char* p = data.data();
  std::size_t left = data.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

std::string read_all(int fd)
{
  std::string out;
  char buf[65536];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

} // namespace

std::string run_in_child(const std::function<std::string()>& work)
{
  std::fflush(nullptr); // what the parent buffered must not be written twice
  int fds[2];
  if (::pipe(fds) != 0)
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  pid_t pid = ::fork();
  if (pid < 0)
    throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    ::close(fds[0]);
    int status = 0;
    std::string out;
    try {
      out = "R" + work();
    } catch (const std::exception& e) {
      out    = std::string("E") + e.what();
      status = 3;
    }
    write_all(fds[1], out);
    ::close(fds[1]);
    ::_exit(status);
  }
  ::close(fds[1]);
  std::string out = read_all(fds[0]); // before waitpid: the child blocks on a full pipe otherwise
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!out.empty() && out[0] == 'E')
    throw std::runtime_error(out.substr(1));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || out.empty())
    throw std::runtime_error(WIFSIGNALED(status) ? "run crashed with signal " + std::to_string(WTERMSIG(status))
                                                 : "run failed with status " + std::to_string(WEXITSTATUS(status)));
  return out.substr(1);
}

} // namespace ricochet::sim
