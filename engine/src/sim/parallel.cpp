#include "ricochet/sim/parallel.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <map>
#include <stdexcept>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ricochet::sim {

namespace {

struct Child {
  pid_t pid = -1;
  int fd    = -1;
  std::size_t job = 0;
  std::string out;
};

void write_all(int fd, const std::string& data)
{
  const char* p = data.data();
  std::size_t left = data.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

Child spawn(std::size_t job, const std::function<std::string(std::size_t)>& work)
{
  std::fflush(nullptr);
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
      out = "R" + work(job);
    } catch (const std::exception& e) {
      out    = std::string("E") + e.what();
      status = 3;
    }
    write_all(fds[1], out);
    ::close(fds[1]);
    ::_exit(status); // no atexit handlers, no static destructors: the parent's state is not ours
  }
  ::close(fds[1]);
  return Child{pid, fds[0], job, {}};
}

} // namespace

void run_parallel(const std::vector<std::size_t>& jobs, std::size_t parallel,
                  const std::function<std::string(std::size_t)>& work,
                  const std::function<void(std::size_t, const std::string&)>& done)
{
  if (parallel == 0)
    parallel = 1;
  std::size_t next = 0;
  std::vector<Child> running;
  std::string failure;
  while (next < jobs.size() || !running.empty()) {
    while (failure.empty() && next < jobs.size() && running.size() < parallel)
      running.push_back(spawn(jobs[next++], work));
    if (running.empty())
      break;
    std::vector<pollfd> fds;
    for (const auto& c : running)
      fds.push_back({c.fd, POLLIN, 0});
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR)
        continue;
      throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
    }
    for (std::size_t i = running.size(); i-- > 0;) {
      if (fds[i].revents == 0)
        continue;
      char buf[65536];
      ssize_t n = ::read(running[i].fd, buf, sizeof buf);
      if (n > 0) {
        running[i].out.append(buf, static_cast<std::size_t>(n));
        continue;
      }
      if (n < 0 && errno == EINTR)
        continue;
      Child c = running[i]; // end of its output: collect it
      running.erase(running.begin() + static_cast<std::ptrdiff_t>(i));
      ::close(c.fd);
      int status = 0;
      while (::waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
      }
      if (!c.out.empty() && c.out[0] == 'R' && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        if (failure.empty())
          done(c.job, c.out.substr(1));
      } else if (failure.empty()) {
        failure = !c.out.empty() && c.out[0] == 'E'
                      ? c.out.substr(1)
                      : "run " + std::to_string(c.job) +
                            (WIFSIGNALED(status) ? " crashed with signal " + std::to_string(WTERMSIG(status))
                                                 : " failed with status " + std::to_string(WEXITSTATUS(status)));
      }
    }
  }
  if (!failure.empty())
    throw std::runtime_error(failure);
}

} // namespace ricochet::sim
