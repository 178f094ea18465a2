#include "scene_state.hpp"

#include <algorithm>

namespace ricochet::viz {

const char* look_name(Look look)
{
  switch (look) {
    case Look::ENCRYPTED: return "encrypted";
    case Look::RESTORING: return "restoring";
    case Look::COMPROMISED: return "compromised";
    case Look::DEGRADED: return "degraded";
    case Look::SHUT_DOWN: return "shut_down";
    case Look::ISOLATED: return "isolated";
    case Look::RESTORED: return "restored";
    case Look::NOMINAL: return "nominal";
  }
  return "?";
}

Look AssetLook::look() const
{
  if (restoring)
    return Look::RESTORING;
  if (encrypted)
    return Look::ENCRYPTED;
  if (shut_down)
    return Look::SHUT_DOWN;
  if (compromised)
    return Look::COMPROMISED;
  if (availability != "up")
    return Look::DEGRADED;
  if (isolated)
    return Look::ISOLATED;
  if (restored)
    return Look::RESTORED;
  return Look::NOMINAL;
}

namespace {

/** Events worth a line in the feed (the rest is bookkeeping a room does not need to read). */
bool notable(const sim::Event& e)
{
  static const std::vector<std::string> kinds{
      "attack.step",     "asset.encrypted",   "data.exfiltrated",      "detection",         "response.playbook",
      "response.isolate", "crisis_cell.activated", "ladder.level", "craps.activated", "inject",
      "trainer.action",  "care.state",        "asset.restored",        "patients.diverted", "backup.destroyed",
      "domain.admin",    "regional_support.arrived"};
  return std::find(kinds.begin(), kinds.end(), e.kind) != kinds.end();
}

} // namespace

SceneState fold(const std::vector<sim::Event>& events, double t, std::size_t feed_size)
{
  SceneState s;
  s.time = t;
  std::map<std::uint64_t, const sim::Event*> by_id;
  for (const auto& e : events) {
    if (e.time > t + 1e-9)
      break;
    ++s.applied;
    by_id[e.id] = &e;
    const std::string& k = e.kind;
    if (k == "asset.compromised") {
      s.assets[e.subject].compromised = true;
      // The step that gained it came after the step that gained the asset it started from.
      auto cause = by_id.find(e.cause);
      if (cause != by_id.end()) {
        auto prev = by_id.find(cause->second->cause);
        if (prev != by_id.end() && prev->second->kind == "attack.step")
          for (const auto& from : prev->second->details.value("succeeded", nlohmann::json::array()))
            s.propagation.push_back({from.get<std::string>(), e.subject, e.time});
      }
    } else if (k == "asset.encrypted") {
      s.assets[e.subject].encrypted = true;
      s.assets[e.subject].restored  = false;
    } else if (k == "asset.isolated")
      s.assets[e.subject].isolated = true;
    else if (k == "asset.reconnected")
      s.assets[e.subject].isolated = false;
    else if (k == "asset.shut_down")
      s.assets[e.subject].shut_down = true;
    else if (k == "asset.restarted")
      s.assets[e.subject].shut_down = false;
    else if (k == "asset.state")
      s.assets[e.subject].availability = e.state;
    else if (k == "recovery.started")
      s.assets[e.subject].restoring = true;
    else if (k == "asset.restored") {
      AssetLook& a = s.assets[e.subject];
      a.restoring = a.encrypted = a.compromised = a.shut_down = false;
      a.restored = true;
    } else if (k == "care.state")
      s.care[e.subject] = e.state;
    else if (k == "care.capacity")
      s.capacity[e.subject] = e.details.value("factor", 1.0);
    else if (k == "org.state")
      s.org_state[e.subject] = e.state;
    else if (k == "response.isolate" || k == "response.reconnect") {
      std::string scope = e.details.value("scope", "");
      if (scope == "external" || scope == "internet")
        s.org_isolated[e.subject] = k == "response.isolate";
    } else if (k == "ladder.level")
      s.ladders[e.subject] = e.state;
    else if (k == "craps.activated") {
      s.craps    = true;
      s.craps_at = e.time;
    } else if (k == "trainer.action")
      ++s.trainer_actions;
    if (notable(e)) {
      s.feed.push_back(&e);
      if (s.feed.size() > feed_size)
        s.feed.erase(s.feed.begin());
    }
  }
  return s;
}

std::string describe(const SceneState& s)
{
  std::string out = "t=" + std::to_string(s.time) + " applied=" + std::to_string(s.applied) +
                    " craps=" + (s.craps ? std::to_string(s.craps_at) : "no") + "\n";
  for (const auto& [id, a] : s.assets)
    out += "asset " + id + " " + look_name(a.look()) + " " + a.availability + "\n";
  for (const auto& [id, v] : s.care)
    out += "care " + id + " " + v + "\n";
  for (const auto& [id, v] : s.capacity)
    out += "capacity " + id + " " + std::to_string(v) + "\n";
  for (const auto& [id, v] : s.org_state)
    out += "org " + id + " " + v + "\n";
  for (const auto& [id, v] : s.org_isolated)
    out += "isolated " + id + " " + (v ? "yes" : "no") + "\n";
  for (const auto& [id, v] : s.ladders)
    out += "ladder " + id + " " + v + "\n";
  for (const auto* e : s.feed)
    out += "feed " + std::to_string(e->id) + "\n";
  for (const auto& p : s.propagation)
    out += "propagation " + p.from_asset + " " + p.to_asset + "\n";
  return out;
}

double next_event_time(const std::vector<sim::Event>& events, double t)
{
  auto it = std::upper_bound(events.begin(), events.end(), t + 1e-9,
                             [](double v, const sim::Event& e) { return v < e.time; });
  return it == events.end() ? -1 : it->time;
}

} // namespace ricochet::viz
