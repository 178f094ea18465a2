#pragma once
// The control cell's injects, played by their own actor: scripted ones at their times, conditional ones once when
// their condition holds (after their delay), generated ones for every significant event. All go to the journal.
#include <optional>
#include <string>
#include <vector>

#include "agenda.hpp"
#include "governance.hpp"
#include "random_streams.hpp"
#include "ricochet/scenario/injects.hpp"
#include "world.hpp"

namespace ricochet::sim {

class InjectPlayer {
public:
  InjectPlayer(World& world, const scenario::Injects& injects, const Governance& governance, RandomStreams& random,
               Wakeups& wakeups);
  void start(simgrid::s4u::Host* host);
  void on_event(const Event& e);
  void request_evaluation();
  /** A trainer sends a scripted or conditional inject now; it will not be sent again at its own time. */
  void fire_now(const std::string& id, std::uint64_t cause);
  /** A trainer moves a scripted or conditional inject not yet sent to time `when`. */
  void retime(const std::string& id, double when, std::uint64_t cause);

private:
  void send(const scenario::Inject& inject, const char* type, std::uint64_t cause, const std::string& trigger);
  void evaluate();
  /** The inject with this id, and whether it was already sent or taken over by the trainer (then marks it so). */
  const scenario::Inject* take(const std::string& id);
  /** Index of a scripted (first) or conditional inject; none for a generated one. */
  [[nodiscard]] std::optional<std::size_t> slot_of(const scenario::Inject& inject) const;
  /** Sends inject at `when` unless it is sent, fired or re-timed before then. */
  void schedule_send(const scenario::Inject& inject, double when, const char* type, std::uint64_t cause,
                     std::string trigger);

  World& world_;
  const scenario::Injects& injects_;
  const Governance& governance_;
  RandomStreams& random_;
  Agenda agenda_;
  std::vector<char> fired_;
  std::vector<char> sent_;           ///< per slot: scripted injects, then conditional ones
  std::vector<unsigned> generation_; ///< per slot: a send scheduled under an older generation was cancelled
  bool pending_ = false;
  std::uint64_t last_event_ = 0; ///< the latest event that is not an inject: what made a condition true
};

} // namespace ricochet::sim
