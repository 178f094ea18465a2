#pragma once
// What the engine publishes: one plain record per change, with the id of the event that caused it.
// The kinds and their fields are documented in docs/journal.md.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace ricochet::sim {

struct Event {
  std::uint64_t id    = 0; ///< 1-based, in emission order
  double time         = 0; ///< simulated seconds since the start
  std::string kind;        ///< e.g. "asset.state", "attack.step"
  std::string subject;     ///< id of what changed (asset, organisation, step, link...)
  std::string state;       ///< its new state
  std::uint64_t cause = 0; ///< the event that produced this one, 0 if none
  nlohmann::json details = nlohmann::json::object();
};

/** A decision a trainer takes during a live session, applied at `time` like a playbook action would be, and
 *  journaled as a `trainer.action` event (its cause) so that the branch can be told apart and replayed. */
struct TrainerAction {
  enum class Kind { ISOLATE, RECONNECT, SHUT_DOWN, RESTART, RECOVER, ACTIVATE_CRAPS, FIRE_INJECT, RETIME_INJECT };
  double time = 0;      ///< simulated seconds since the start
  double new_time = 0;  ///< RETIME_INJECT: when the inject is now due
  Kind kind   = Kind::ISOLATE;
  std::string scope;    ///< what target names: "org", "zone", "link", "asset", "inject" (empty for the CRAPS)
  std::string target;   ///< its id
};

} // namespace ricochet::sim

namespace ricochet::sim {

/** One care function over one accounting step (patients; rates are per step). */
struct CareSample {
  double time = 0;        ///< start of the step
  std::size_t care = 0;   ///< index into region.care_functions
  double demand = 0, capacity = 0, served = 0, diverted_out = 0, diverted_in = 0, backlog = 0;
  double factor = 1;      ///< capacity as a fraction of nominal
};

} // namespace ricochet::sim
