#include "trainer.hpp"

namespace ricochet::sim {

using scenario::ResponseAction;

const char* trainer_verb(TrainerAction::Kind kind)
{
  switch (kind) {
    case TrainerAction::Kind::ISOLATE: return "isolate";
    case TrainerAction::Kind::RECONNECT: return "reconnect";
    case TrainerAction::Kind::SHUT_DOWN: return "shut_down";
    case TrainerAction::Kind::RESTART: return "restart";
    case TrainerAction::Kind::RECOVER: return "recover";
    case TrainerAction::Kind::ACTIVATE_CRAPS: return "activate_craps";
    case TrainerAction::Kind::FIRE_INJECT: return "fire";
    case TrainerAction::Kind::RETIME_INJECT: return "retime";
  }
  return "?";
}

TrainerDesk::TrainerDesk(World& world, Defenders& defenders, Governance& governance, Recovery& recovery,
                         InjectPlayer& injects, Wakeups& wakeups)
    : world_(world), defenders_(defenders), governance_(governance), recovery_(recovery), injects_(injects),
      agenda_("trainer", wakeups)
{
}

void TrainerDesk::start(simgrid::s4u::Host* host, const std::vector<TrainerAction>& actions)
{
  for (const auto& action : actions)
    agenda_.schedule(action.time, [this, action] { carry_out(action); });
  agenda_.start(host);
}

void TrainerDesk::carry_out(const TrainerAction& action)
{
  using K             = TrainerAction::Kind;
  std::string subject = action.kind == K::ACTIVATE_CRAPS ? "ars" : action.target;
  nlohmann::json details{{"action", trainer_verb(action.kind)}, {"scope", action.scope}, {"by", "trainer"}};
  if (action.kind == K::RETIME_INJECT)
    details["new_time_s"] = action.new_time;
  std::uint64_t id = world_.emit("trainer.action", subject, trainer_verb(action.kind), 0, details);
  switch (action.kind) {
    case K::ISOLATE:
    case K::RECONNECT: {
      ResponseAction r;
      r.kind = action.kind == K::ISOLATE ? ResponseAction::Kind::ISOLATE : ResponseAction::Kind::RECONNECT;
      if (action.scope == "asset")
        r.asset = action.target;
      else if (action.scope == "link")
        r.link = action.target;
      else if (action.scope == "zone")
        r.zone = action.target;
      else
        r.org = action.target; // every link from its zones to the outside
      defenders_.act(r, id);
      break;
    }
    case K::SHUT_DOWN: {
      ResponseAction r;
      r.kind = ResponseAction::Kind::SHUT_DOWN;
      if (action.scope == "asset")
        r.assets.assets.push_back(action.target);
      else
        r.assets.org = action.target;
      defenders_.act(r, id);
      break;
    }
    case K::RESTART: {
      std::size_t a = world_.asset_index(action.target);
      if (world_.asset(a).condition == Condition::SHUT_DOWN)
        world_.set_condition(a, Condition::OK, "asset.restarted", id);
      break;
    }
    case K::RECOVER: {
      std::uint64_t ordered = world_.emit("recovery.ordered", action.target, "ordered", id);
      recovery_.start(world_.org_index(action.target), ordered);
      break;
    }
    case K::ACTIVATE_CRAPS: governance_.activate_craps_now(id); break;
    case K::FIRE_INJECT: injects_.fire_now(action.target, id); break;
    case K::RETIME_INJECT: injects_.retime(action.target, action.new_time, id); break;
  }
}

} // namespace ricochet::sim
