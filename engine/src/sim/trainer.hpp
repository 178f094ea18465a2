#pragma once
// The trainer's desk: decisions taken during a live session, carried out at their simulated time by their own
// actor through the same code paths as the playbooks (isolation, shutdown, recovery) or the governance (CRAPS).
#include <simgrid/s4u.hpp>

#include "agenda.hpp"
#include "defenders.hpp"
#include "governance.hpp"
#include "injects.hpp"
#include "recovery.hpp"
#include "ricochet/sim/event.hpp"
#include "world.hpp"

namespace ricochet::sim {

class TrainerDesk {
public:
  TrainerDesk(World& world, Defenders& defenders, Governance& governance, Recovery& recovery, InjectPlayer& injects,
              Wakeups& wakeups);
  /** Schedules the decisions (before the run starts) and creates the desk's actor. */
  void start(simgrid::s4u::Host* host, const std::vector<TrainerAction>& actions);

private:
  void carry_out(const TrainerAction& action);

  World& world_;
  Defenders& defenders_;
  Governance& governance_;
  Recovery& recovery_;
  InjectPlayer& injects_;
  Agenda agenda_;
};

/** "isolate", "reconnect", "shut_down", "restart", "recover", "activate_craps", "fire", "retime". */
[[nodiscard]] const char* trainer_verb(TrainerAction::Kind kind);

} // namespace ricochet::sim
