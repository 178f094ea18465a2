#pragma once
// The attacker's campaign, played by one actor: steps fire when their preconditions have succeeded and their time
// has come; each is checked against the model (network paths and flows, identity and trusts, MFA, tiering, EDR)
// on every target; encryption and exfiltration are SimGrid activities whose ends become events.
#include <cstdint>
#include <functional>
#include <set>
#include <vector>

#include <simgrid/s4u.hpp>

#include "platform.hpp"
#include "random_streams.hpp"
#include "ricochet/scenario/attack.hpp"
#include "ricochet/scenario/defence.hpp"
#include "wakeups.hpp"
#include "world.hpp"

namespace ricochet::sim {

class Attacker {
public:
  /** @param end the scenario's end: the actor never waits past it (see loop()) */
  Attacker(World& world, const Platform& platform, const scenario::Attack& attack, const scenario::Defence& defence,
           RandomStreams& random, Wakeups& wakeups, double end);
  /** Creates the campaign's daemon actor. */
  void start(simgrid::s4u::Host* host);
  /** At the end of the run: one `attack.effect` `unfinished` event per encryption or exfiltration still under
   *  way, with how far it got. Called by the run's director, before `simulation.end`. */
  void record_unfinished();

private:
  enum class StepState { PENDING, SCHEDULED, DONE, ABANDONED };
  struct StepRun {
    StepState state = StepState::PENDING;
    double due      = 0;
    bool succeeded  = false;
    std::uint64_t event   = 0; ///< its attack.step event
    std::uint64_t trigger = 0; ///< the event that let it run
  };
  /** What one target did: success, or why not. */
  struct Outcome {
    enum class Kind { SUCCEEDED, BLOCKED, FAILED } kind = Kind::SUCCEEDED;
    std::string reason;
  };

  void loop();
  void schedule_ready();
  void attempt(std::size_t step);
  std::vector<std::size_t> targets_of(const scenario::AttackStep& step) const;
  Outcome check(const scenario::AttackStep& step, std::size_t target);
  Outcome roll(const scenario::AttackStep& step, std::size_t target, const std::string& key);
  void apply(const scenario::AttackStep& step, std::size_t target, std::uint64_t cause);
  void start_encryption(const scenario::AttackStep& step, std::size_t target, std::uint64_t cause);
  void start_exfiltration(const scenario::AttackStep& step, std::size_t target, std::uint64_t cause);

  /** Zones the attacker can act from, for the given step. */
  std::vector<std::size_t> source_zones(const scenario::AttackStep& step) const;
  bool reaches(const std::vector<std::size_t>& sources, std::size_t zone, model::FlowSet flows) const;
  /** Identities valid in domain (through trusts without MFA) are held. */
  bool has_identity(std::size_t domain) const;
  /** Credentials that open the asset: its domain's (through trusts), or administrator rights over it. */
  bool has_access(std::size_t asset) const;
  bool is_admin_over(std::size_t asset) const;
  nlohmann::json effect_details(const scenario::AttackStep& step, std::size_t asset) const;

  World& world_;
  const Platform& platform_;
  const scenario::Attack& attack_;
  const scenario::Defence& defence_;
  RandomStreams& random_;
  Wakeups& wakeups_;
  std::vector<StepRun> runs_;
  std::set<std::size_t> credentials_, admin_, partner_orgs_, encrypting_;
  std::vector<simgrid::s4u::ActivityPtr> inflight_;
  std::vector<std::function<void()>> on_done_;
  /** Per in-flight activity: what record_unfinished() needs. */
  struct Underway {
    const scenario::AttackStep* step;
    std::size_t target;
    std::uint64_t started; ///< its asset.encrypting or data.exfiltrating event
    double bytes, t0;
    double remaining; ///< bytes left, once measured at the end
  };
  /** Reads the progress of what is under way, once, at the end. */
  void measure_underway();
  std::vector<Underway> underway_;
  bool measured_ = false;
  double end_;
};

} // namespace ricochet::sim
