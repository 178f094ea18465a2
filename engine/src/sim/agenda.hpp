#pragma once
// A party's to-do list run by its own SimGrid actor: tasks at given simulated times, run in (time, insertion)
// order, so ties keep the order in which they were decided.
#include <cstdint>
#include <functional>
#include <queue>
#include <string>
#include <vector>

#include <simgrid/s4u.hpp>

#include "wakeups.hpp"

namespace ricochet::sim {

class Agenda {
public:
  Agenda(std::string name, Wakeups& wakeups) : name_(std::move(name)), wakeups_(wakeups) {}
  Agenda(const Agenda&)            = delete;
  Agenda& operator=(const Agenda&) = delete;

  /** Creates the daemon actor that runs the tasks, on host. */
  void start(simgrid::s4u::Host* host);
  /** Adds a task; a time in the past means "now". May be called from any actor (or before the run). */
  void schedule(double when, std::function<void()> task);
  [[nodiscard]] const std::string& name() const { return name_; }

private:
  struct Entry {
    double when;
    std::uint64_t seq;
    std::function<void()> task;
  };
  struct Later {
    bool operator()(const Entry& a, const Entry& b) const
    {
      return a.when != b.when ? a.when > b.when : a.seq > b.seq;
    }
  };
  void loop();

  std::string name_;
  Wakeups& wakeups_;
  std::priority_queue<Entry, std::vector<Entry>, Later> queue_;
  std::uint64_t next_seq_ = 0;
  simgrid::s4u::MutexPtr mutex_;
  simgrid::s4u::ConditionVariablePtr cv_;
};

} // namespace ricochet::sim
