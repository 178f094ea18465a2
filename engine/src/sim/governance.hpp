#pragma once
// Crisis governance, played by its own actor: planners' rules watch the model state; when a rule's condition has
// held for its hold time, the decision follows after its delay (staffed, slowed by lost communications) and moves a
// ladder up; recipients are notified; when the ARS reaches N3 the CRAPS activates and acts on the model
// (regional diversion, recovery support, equipment loans).
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "agenda.hpp"
#include "care.hpp"
#include "random_streams.hpp"
#include "recovery.hpp"
#include "ricochet/scenario/defence.hpp"
#include "ricochet/scenario/governance.hpp"
#include "world.hpp"

namespace ricochet::sim {

class Governance {
public:
  Governance(World& world, const scenario::Governance& config, const scenario::Staffing& staffing,
             RandomStreams& random, Care& care, Recovery& recovery, Wakeups& wakeups);
  void start(simgrid::s4u::Host* host);
  void on_event(const Event& e);
  /** Re-evaluates the rules now (after the event being handled). */
  void request_evaluation();
  /** How much slower an organisation coordinates given its telephony: 1, voice_fallback or no_voice. */
  [[nodiscard]] double communications_factor(std::size_t org) const;

  /** Whether a condition holds now (also used by conditional injects). */
  [[nodiscard]] bool holds(const scenario::Condition& c) const;
  /** A trainer activates the CRAPS now (no-op if it is already active). */
  void activate_craps_now(std::uint64_t cause);

private:
  [[nodiscard]] int level(scenario::Ladder ladder, const std::string& scope) const;
  [[nodiscard]] static std::string ladder_key(scenario::Ladder ladder, const std::string& scope);
  void evaluate();
  void decide(std::size_t rule);
  void activate_craps(std::uint64_t cause);

  World& world_;
  const scenario::Governance& config_;
  const scenario::Staffing& staffing_;
  RandomStreams& random_;
  Care& care_;
  Recovery& recovery_;
  Agenda agenda_;
  std::map<std::string, int> levels_;
  std::vector<double> since_;
  std::vector<std::uint64_t> cause_;
  /** Per rule: the state event after which its condition began to hold (0 while it does not), so that the cause
   *  is that event and not whatever was emitted last before the evaluation. */
  std::vector<std::uint64_t> holding_since_event_;
  std::vector<char> fired_;
  std::set<std::string> happened_; ///< "kind|subject"
  std::uint64_t last_state_event_ = 0; ///< the last event that may change what conditions test
  bool pending_             = false;
  bool craps_active_        = false;
};

} // namespace ricochet::sim
