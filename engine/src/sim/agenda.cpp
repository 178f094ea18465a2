#include "agenda.hpp"

#include <mutex>

#include "daemon_lock.hpp"

namespace ricochet::sim {

void Agenda::start(simgrid::s4u::Host* host)
{
  mutex_ = simgrid::s4u::Mutex::create();
  cv_    = simgrid::s4u::ConditionVariable::create();
  simgrid::s4u::Actor::create(name_, host, [this] { loop(); })->daemonize();
}

void Agenda::schedule(double when, std::function<void()> task)
{
  queue_.push(Entry{when, next_seq_++, std::move(task)});
  if (cv_) // before the run, the loop finds the task when it starts
    wakeups_.request(cv_);
}

void Agenda::loop()
{
  std::unique_lock<simgrid::s4u::Mutex> lock(*mutex_);
  until_killed(lock, [&] {
    while (true) {
      wakeups_.flush();
      if (queue_.empty()) {
        cv_->wait(lock);
        continue;
      }
      double next = queue_.top().when;
      if (next > simgrid::s4u::Engine::get_clock()) {
        cv_->wait_until(lock, next);
        continue; // woken early by a new task, or on time: look again
      }
      Entry entry = queue_.top();
      queue_.pop();
      entry.task();
    }
  });
}

} // namespace ricochet::sim
