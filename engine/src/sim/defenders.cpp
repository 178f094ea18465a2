#include "defenders.hpp"

#include <algorithm>

#include "staffing.hpp"

namespace ricochet::sim {

using scenario::ResponseAction;
using scenario::Trigger;

Defenders::Defenders(World& world, const scenario::Defence& defence, RandomStreams& random, Recovery& recovery,
                     Wakeups& wakeups)
    : world_(world), defence_(defence), random_(random), recovery_(recovery), wakeups_(wakeups),
      soc_("soc", wakeups), fired_(defence.playbooks.size(), 0)
{
  for (const auto& pb : defence.playbooks) {
    std::size_t org = world.org_index(pb.org);
    if (teams_.count(org) == 0)
      teams_.emplace(org, std::make_unique<Agenda>("response:" + pb.org, wakeups_));
  }
}

void Defenders::start(simgrid::s4u::Host* host)
{
  soc_.start(host);
  for (auto& [org, agenda] : teams_)
    agenda->start(host);
}

Agenda& Defenders::team(std::size_t org) { return *teams_.at(org); }

void Defenders::on_event(const Event& e)
{
  static const std::vector<std::string> effects{"asset.compromised", "credentials.stolen", "domain.admin",
                                                "backup.destroyed",  "asset.encrypted",    "data.exfiltrated"};
  bool primary = e.kind != "asset.encrypted" || e.details.value("primary", false);
  if (primary && std::find(effects.begin(), effects.end(), e.kind) != effects.end())
    detect(e);
  if (e.kind == "detection" || e.kind == "asset.encrypted") {
    std::size_t asset = world_.asset_index(e.kind == "detection" ? e.subject : e.details.value("asset", e.subject));
    Trigger when      = e.kind == "detection" ? Trigger::DETECTED : Trigger::ASSET_ENCRYPTED;
    std::size_t owner = world_.asset(asset).org, op = world_.operator_of(asset);
    trigger(when, owner, e.id);
    if (op != owner)
      trigger(when, op, e.id);
  }
  if (e.kind == "org.state" && e.state == "impacted")
    trigger(Trigger::IMPACTED, world_.org_index(e.subject), e.id);
}

void Defenders::detect(const Event& effect)
{
  const std::string asset_id = effect.details.value("asset", effect.subject);
  const std::string step     = effect.details.value("step", "");
  const std::string action   = effect.details.value("action", "");
  std::size_t asset          = world_.asset_index(asset_id);
  const model::Asset& a      = world_.region().assets[asset];
  for (std::size_t r = 0; r < defence_.detection.size(); ++r) {
    const scenario::DetectionRule& rule = defence_.detection[r];
    if (rule.control && !a.controls.contains(*rule.control))
      continue;
    if (!rule.actions.empty() &&
        std::none_of(rule.actions.begin(), rule.actions.end(),
                     [&](scenario::AttackAction act) { return core::enum_name(act) == action; }))
      continue;
    if (!rule.steps.empty() && std::find(rule.steps.begin(), rule.steps.end(), step) == rule.steps.end())
      continue;
    auto& stream = random_.get("detect:" + std::to_string(r + 1) + ":" + step + ":" + asset_id + ":" + effect.kind);
    if (!stream.bernoulli(rule.probability))
      continue;
    double now    = world_.now();
    double delay  = staffed_delay(defence_.staffing, world_.clock(), now, stream.sample(rule.delay));
    std::string control = rule.control ? std::string(core::enum_name(*rule.control)) : "people";
    nlohmann::json details{{"step", step},
                           {"action", action},
                           {"control", control},
                           {"rule", r + 1},
                           {"org", a.org},
                           {"staffing", to_string(period_at(defence_.staffing, world_.clock(), now))},
                           {"delay_s", delay}};
    std::uint64_t cause = effect.id;
    soc_.schedule(now + delay, [this, asset_id, cause, details] {
      world_.emit("detection", asset_id, "detected", cause, details);
    });
  }
}

void Defenders::trigger(Trigger when, std::size_t org, std::uint64_t cause)
{
  const std::string& org_id = world_.region().organisations[org].id;
  for (std::size_t p = 0; p < defence_.playbooks.size(); ++p) {
    const scenario::Playbook& pb = defence_.playbooks[p];
    if (fired_[p] != 0 || pb.when != when || pb.org != org_id)
      continue;
    fired_[p] = 1;
    // The team takes note once the change that triggered it has settled (its telephony may just have gone down).
    team(org).schedule(world_.now(), [this, &pb, org, cause] {
      double now   = world_.now();
      double delay = random_.get("playbook:" + pb.id).sample(pb.delay);
      if (pb.staffed)
        delay = staffed_delay(defence_.staffing, world_.clock(), now, delay);
      if (communications_)
        delay *= communications_(org);
      team(org).schedule(now + delay, [this, &pb, cause] { execute(pb, cause); });
    });
  }
}

void Defenders::execute(const scenario::Playbook& pb, std::uint64_t cause)
{
  std::uint64_t id = world_.emit("response.playbook", pb.id, "executed", cause,
                                 {{"org", pb.org}, {"when", core::enum_name(pb.when)}});
  for (const auto& action : pb.actions)
    act(action, id);
}

std::vector<std::size_t> Defenders::links_to_cut(const ResponseAction& action) const
{
  const Network& net          = world_.network();
  const model::Region& region = world_.region();
  std::vector<std::size_t> out;
  if (!action.link.empty()) {
    for (std::size_t l = 0; l < region.links.size(); ++l)
      if (region.links[l].id == action.link)
        out.push_back(l);
    return out;
  }
  if (!action.zone.empty())
    return net.links_of_zone(net.zone_index(action.zone));
  const auto& zones = world_.org(world_.org_index(action.org)).zones;
  auto inside       = [&](int z) { return std::find(zones.begin(), zones.end(), static_cast<std::size_t>(z)) != zones.end(); };
  for (std::size_t z : zones)
    for (std::size_t l : net.links_of_zone(static_cast<int>(z))) {
      int other = inside(net.link_end(l, false)) ? net.link_end(l, true) : net.link_end(l, false);
      bool cut  = action.scope == ResponseAction::Scope::INTERNET ? other == net.internet() : !inside(other);
      if (cut && std::find(out.begin(), out.end(), l) == out.end())
        out.push_back(l);
    }
  std::sort(out.begin(), out.end());
  return out;
}

void Defenders::act(const ResponseAction& action, std::uint64_t cause)
{
  using K = ResponseAction::Kind;
  switch (action.kind) {
    case K::ISOLATE:
    case K::RECONNECT: {
      bool isolate        = action.kind == K::ISOLATE;
      std::string subject = !action.asset.empty()  ? action.asset
                            : !action.link.empty() ? action.link
                            : !action.zone.empty() ? action.zone
                                                   : action.org;
      nlohmann::json details{{"scope", !action.asset.empty()  ? "asset"
                                       : !action.link.empty() ? "link"
                                       : !action.zone.empty() ? "zone"
                                       : action.scope == ResponseAction::Scope::INTERNET ? "internet"
                                                                                         : "external"}};
      std::uint64_t id = world_.emit(isolate ? "response.isolate" : "response.reconnect", subject,
                                     isolate ? "isolated" : "connected", cause, details);
      if (!action.asset.empty()) {
        world_.set_isolated(world_.asset_index(action.asset), isolate, id);
        break;
      }
      const std::string key = subject + "|" + details["scope"].get<std::string>();
      auto held             = held_.find(key);
      if (isolate && held == held_.end()) {
        auto links = links_to_cut(action);
        world_.hold_links(links, true, id);
        held_.emplace(key, std::move(links));
      } else if (!isolate && held != held_.end()) { // let go of what this isolation cut, not of others'
        world_.hold_links(held->second, false, id);
        held_.erase(held);
      }
      break;
    }
    case K::SHUT_DOWN: {
      std::uint64_t id = world_.emit("response.shut_down", action.assets.org.empty() ? "assets" : action.assets.org,
                                     "ordered", cause);
      for (const auto& asset_id : scenario::select_targets(world_.region(), action.assets)) {
        std::size_t a = world_.asset_index(asset_id);
        if (world_.asset(a).condition == Condition::OK)
          world_.set_condition(a, Condition::SHUT_DOWN, "asset.shut_down", id);
      }
      break;
    }
    case K::ACTIVATE_CRISIS_CELL:
      world_.emit("crisis_cell.activated", action.org, "active", cause);
      break;
    case K::DECLARE_INCIDENT:
      world_.emit("incident.declared", action.org, "declared", cause, {{"to", action.recipients}});
      break;
    case K::RECOVER: {
      std::uint64_t id = world_.emit("recovery.ordered", action.org, "ordered", cause);
      recovery_.start(world_.org_index(action.org), id);
      break;
    }
    case K::REQUEST_REGIONAL_SUPPORT: {
      std::uint64_t id = world_.emit("regional_support.requested", action.org, "requested", cause);
      recovery_.request_regional(world_.org_index(action.org), id);
      break;
    }
  }
}

} // namespace ricochet::sim
