#pragma once
// Deferred wake-ups. Any SimGrid call that talks to the kernel (notify, start, create) lets other actors run
// before it returns; if that happened inside World::emit or a cascade, they would see the world half-changed.
// So the model only *requests* wake-ups, and each actor flushes them just before it blocks.
#include <algorithm>
#include <vector>

#include <simgrid/s4u.hpp>

namespace ricochet::sim {

class Wakeups {
public:
  /** Remembers that cv's waiters must be woken. */
  void request(const simgrid::s4u::ConditionVariablePtr& cv)
  {
    if (std::find(pending_.begin(), pending_.end(), cv) == pending_.end())
      pending_.push_back(cv);
  }
  /** Wakes them; call from an actor, outside any world change. */
  void flush()
  {
    while (!pending_.empty()) {
      auto batch = std::move(pending_);
      pending_.clear();
      for (auto& cv : batch)
        cv->notify_all();
    }
  }

private:
  std::vector<simgrid::s4u::ConditionVariablePtr> pending_;
};

} // namespace ricochet::sim
