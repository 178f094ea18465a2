#include "world.hpp"

#include <cmath>
#include <deque>
#include <stdexcept>

namespace ricochet::sim {

const char* to_string(Condition c)
{
  switch (c) {
    case Condition::OK: return "ok";
    case Condition::ENCRYPTED: return "encrypted";
    case Condition::DESTROYED: return "destroyed";
    case Condition::SHUT_DOWN: return "shut_down";
    case Condition::RECOVERING: return "recovering";
  }
  return "?";
}

const char* to_string(Service s)
{
  switch (s) {
    case Service::UP: return "up";
    case Service::DEGRADED: return "degraded";
    case Service::DOWN: return "down";
  }
  return "?";
}

namespace {
constexpr double NOT_LOST = std::numeric_limits<double>::quiet_NaN();
constexpr double EPSILON  = 1e-9;

template <typename T> std::unordered_map<std::string, std::size_t> index_of(const std::vector<T>& items)
{
  std::unordered_map<std::string, std::size_t> out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out.emplace(items[i].id, i);
  return out;
}
} // namespace

World::World(const model::Region& region, const core::LocalClock& clock, Clock now)
    : region_(region), clock_(clock), now_(std::move(now)), network_(region)
{
  asset_index_  = index_of(region.assets);
  org_index_    = index_of(region.organisations);
  domain_index_ = index_of(region.domains);
  const std::size_t n = region.assets.size();
  assets_.resize(n);
  dependants_.resize(n);
  hosted_.resize(n);
  care_of_asset_.resize(n);
  assets_of_org_.resize(region.organisations.size());
  care_of_org_.resize(region.organisations.size());
  orgs_.resize(region.organisations.size());
  for (std::size_t o = 0; o < region.organisations.size(); ++o)
    for (const auto& z : region.organisations[o].zones)
      orgs_[o].zones.push_back(static_cast<std::size_t>(network_.zone_index(z)));
  for (std::size_t a = 0; a < n; ++a) {
    const model::Asset& asset = region.assets[a];
    AssetRuntime& rt          = assets_[a];
    rt.zone                   = static_cast<std::size_t>(network_.zone_index(asset.zone));
    rt.org                    = org_index(asset.org);
    rt.domain                 = asset.domain.empty() ? NONE : domain_index(asset.domain);
    rt.lost_since.assign(asset.depends_on.size(), NOT_LOST);
    rt.lost_cause.assign(asset.depends_on.size(), 0);
    if (!asset.runs_on.empty()) {
      rt.host = asset_index(asset.runs_on);
      hosted_[rt.host].push_back(a);
    }
    for (std::size_t d = 0; d < asset.depends_on.size(); ++d)
      dependants_[asset_index(asset.depends_on[d].target)].emplace_back(a, d);
    assets_of_org_[rt.org].push_back(a);
  }
  care_.resize(region.care_functions.size());
  for (std::size_t c = 0; c < region.care_functions.size(); ++c) {
    const model::CareFunction& cf = region.care_functions[c];
    care_[c].org                  = org_index(cf.org);
    care_[c].lost_since.assign(cf.needs.size() + cf.uses.size(), NOT_LOST);
    care_[c].lost_cause.assign(cf.needs.size() + cf.uses.size(), 0);
    care_of_org_[care_[c].org].push_back(c);
    for (const auto* list : {&cf.needs, &cf.uses})
      for (const auto& id : *list) {
        care_[c].required.push_back(asset_index(id));
        care_of_asset_[care_[c].required.back()].push_back(c);
      }
  }
}

std::size_t World::asset_index(const std::string& id) const
{
  auto it = asset_index_.find(id);
  if (it == asset_index_.end())
    throw std::out_of_range("no asset '" + id + "'");
  return it->second;
}

std::size_t World::org_index(const std::string& id) const
{
  auto it = org_index_.find(id);
  if (it == org_index_.end())
    throw std::out_of_range("no organisation '" + id + "'");
  return it->second;
}

std::size_t World::domain_index(const std::string& id) const
{
  auto it = domain_index_.find(id);
  if (it == domain_index_.end())
    throw std::out_of_range("no domain '" + id + "'");
  return it->second;
}

std::vector<std::size_t> World::hosted_closure(std::size_t host) const
{
  std::vector<char> seen(assets_.size(), 0);
  std::deque<std::size_t> todo(hosted_[host].begin(), hosted_[host].end());
  while (!todo.empty()) {
    std::size_t a = todo.front();
    todo.pop_front();
    if (seen[a] != 0)
      continue;
    seen[a] = 1;
    todo.insert(todo.end(), hosted_[a].begin(), hosted_[a].end());
  }
  std::vector<std::size_t> out;
  for (std::size_t a = 0; a < seen.size(); ++a)
    if (seen[a] != 0)
      out.push_back(a);
  return out;
}

std::size_t World::operator_of(std::size_t asset) const
{
  const model::Zone& zone = region_.zones[assets_[asset].zone];
  return org_index(zone.org);
}

std::uint64_t World::emit(const std::string& kind, const std::string& subject, const std::string& state,
                          std::uint64_t cause, nlohmann::json details)
{
  Event e;
  e.id      = events_.size() + 1;
  e.time    = now();
  e.kind    = kind;
  e.subject = subject;
  e.state   = state;
  e.cause   = cause;
  e.details = std::move(details);
  events_.push_back(e);
  for (const auto& l : listeners_) // a copy: listeners may emit, which grows events_
    l(e);
  return e.id;
}

std::uint64_t World::compromise(std::size_t asset, std::uint64_t cause, nlohmann::json details)
{
  assets_[asset].compromised = true;
  return emit("asset.compromised", region_.assets[asset].id, "compromised", cause, std::move(details));
}

std::uint64_t World::set_condition(std::size_t asset, Condition c, const std::string& kind, std::uint64_t cause,
                                   nlohmann::json details)
{
  AssetRuntime& rt    = assets_[asset];
  rt.condition        = c;
  rt.condition_event  = emit(kind, region_.assets[asset].id, to_string(c), cause, std::move(details));
  propagate({asset}, false);
  return rt.condition_event;
}

std::uint64_t World::set_isolated(std::size_t asset, bool isolated, std::uint64_t cause)
{
  AssetRuntime& rt = assets_[asset];
  rt.isolated      = isolated;
  rt.isolated_event =
      emit(isolated ? "asset.isolated" : "asset.reconnected", region_.assets[asset].id, isolated ? "isolated" : "connected", cause);
  topology_event_ = rt.isolated_event;
  propagate({asset}, false);
  return rt.isolated_event;
}

void World::hold_links(const std::vector<std::size_t>& links, bool hold, std::uint64_t cause)
{
  if (link_holds_.empty())
    link_holds_.assign(region_.links.size(), 0);
  bool changed = false;
  for (std::size_t l : links) {
    link_holds_[l] += hold ? 1 : -1;
    bool cut = link_holds_[l] > 0;
    if (network_.is_cut(l) == cut)
      continue;
    network_.set_cut(l, cut);
    topology_event_ = emit("link.state", region_.links[l].id, cut ? "cut" : "connected", cause);
    changed         = true;
  }
  if (changed)
    reevaluate_all();
}

void World::reevaluate_all()
{
  std::vector<std::size_t> all(assets_.size());
  for (std::size_t a = 0; a < all.size(); ++a)
    all[a] = a;
  propagate(all, true);
}

bool World::lost_for(std::size_t from_zone, std::size_t target, std::uint64_t& cause, std::string& why) const
{
  const AssetRuntime& t = assets_[target];
  if (t.service == Service::DOWN) {
    cause = t.service_event;
    why   = "down";
    return true;
  }
  if (!network_.reachable(static_cast<int>(from_zone), static_cast<int>(t.zone))) {
    cause = topology_event_;
    why   = "unreachable";
    return true;
  }
  return false;
}

World::Verdict World::evaluate_asset(std::size_t a)
{
  AssetRuntime& rt          = assets_[a];
  const model::Asset& asset = region_.assets[a];
  if (rt.condition != Condition::OK)
    return {Service::DOWN, rt.condition_event, to_string(rt.condition)};
  if (rt.isolated)
    return {Service::DOWN, rt.isolated_event, "isolated"};
  Verdict verdict;
  if (rt.host != NONE) {
    const AssetRuntime& host = assets_[rt.host];
    if (host.service == Service::DOWN)
      return {Service::DOWN, host.service_event, "host " + region_.assets[rt.host].id + " is down"};
    if (host.service == Service::DEGRADED)
      verdict = {Service::DEGRADED, host.service_event, "host " + region_.assets[rt.host].id + " is degraded"};
  }
  const double t = now();
  for (std::size_t i = 0; i < asset.depends_on.size(); ++i) {
    const model::Dependency& dep = asset.depends_on[i];
    std::size_t target           = asset_index(dep.target);
    std::uint64_t cause          = 0;
    std::string why;
    if (!lost_for(rt.zone, target, cause, why)) {
      rt.lost_since[i] = NOT_LOST;
      if (dep.hard && assets_[target].service == Service::DEGRADED && verdict.service == Service::UP)
        verdict = {Service::DEGRADED, assets_[target].service_event, dep.target + " is degraded"};
      continue;
    }
    if (std::isnan(rt.lost_since[i])) {
      rt.lost_since[i] = t;
      rt.lost_cause[i] = cause; // the change that made it lost, not whatever happens later
      if (dep.buffer_s > 0 && schedule_) // look again when the buffer runs out
        schedule_(t + dep.buffer_s, [this, a] { propagate({a}, false); });
    }
    if (t - rt.lost_since[i] + EPSILON < dep.buffer_s)
      continue; // still running on its buffer
    if (dep.buffer_s > 0)
      cause = rt.lost_cause[i];
    std::string reason = (dep.hard ? "needs " : "uses ") + dep.target + " (" + why + ")";
    if (dep.hard)
      return {Service::DOWN, cause, reason};
    if (verdict.service == Service::UP)
      verdict = {Service::DEGRADED, cause, reason};
  }
  return verdict;
}

World::Verdict World::evaluate_care(std::size_t c)
{
  const model::CareFunction& cf = region_.care_functions[c];
  const OrgRuntime& org         = orgs_[care_[c].org];
  auto lost = [&](std::size_t asset, std::uint64_t& cause, std::string& why) {
    const AssetRuntime& t = assets_[asset];
    if (t.service == Service::DOWN) {
      cause = t.service_event;
      why   = "down";
      return true;
    }
    for (std::size_t z : org.zones)
      if (network_.reachable(static_cast<int>(z), static_cast<int>(t.zone)))
        return false;
    cause = topology_event_;
    why   = "unreachable";
    return true;
  };
  // A lost asset counts once the function has run out of its buffer: then a need sends it to paper mode (down),
  // a use slows it (degraded).
  Verdict verdict;
  const double now_s = now();
  const std::size_t n_needs = cf.needs.size();
  for (std::size_t i = 0; i < n_needs + cf.uses.size(); ++i) {
    const bool need       = i < n_needs;
    const std::string& id = need ? cf.needs[i] : cf.uses[i - n_needs];
    const double buffer   = need ? cf.need_buffer_s[i] : cf.use_buffer_s[i - n_needs];
    double& since         = care_[c].lost_since[i];
    std::uint64_t cause   = 0;
    std::string why;
    if (!lost(care_[c].required[i], cause, why)) {
      since                 = NOT_LOST;
      const AssetRuntime& a = assets_[care_[c].required[i]];
      if (need && a.service == Service::DEGRADED && verdict.service == Service::UP)
        verdict = {Service::DEGRADED, a.service_event, id + " is degraded"};
      continue;
    }
    if (std::isnan(since)) {
      since                      = now_s;
      care_[c].lost_cause[i]     = cause;
      if (buffer > 0 && schedule_) // look again when the buffer runs out
        schedule_(now_s + buffer, [this, c] {
          check_care_.push_back(c);
          update_care_and_orgs(std::vector<char>(assets_.size(), 0), false);
        });
    }
    if (now_s - since + EPSILON < buffer)
      continue;
    if (buffer > 0)
      cause = care_[c].lost_cause[i];
    std::string reason = (need ? "needs " : "uses ") + id + " (" + why + ")";
    if (need)
      return {Service::DOWN, cause, reason};
    if (verdict.service == Service::UP)
      verdict = {Service::DEGRADED, cause, reason};
  }
  return verdict;
}

void World::propagate(const std::vector<std::size_t>& seeds, bool all_care)
{
  std::deque<std::size_t> queue;
  std::vector<char> queued(assets_.size(), 0), touched(assets_.size(), 0);
  for (std::size_t s : seeds)
    if (queued[s] == 0) {
      queued[s] = 1;
      queue.push_back(s);
    }
  while (!queue.empty()) {
    std::size_t a = queue.front();
    queue.pop_front();
    queued[a]       = 0;
    Verdict verdict = evaluate_asset(a);
    if (verdict.service == assets_[a].service)
      continue;
    assets_[a].service       = verdict.service;
    assets_[a].service_event = emit("asset.state", region_.assets[a].id, to_string(verdict.service), verdict.cause,
                                    {{"reason", verdict.reason}});
    touched[a] = 1;
    auto push  = [&](std::size_t next) {
      if (queued[next] == 0) {
        queued[next] = 1;
        queue.push_back(next);
      }
    };
    for (const auto& [dependant, dep] : dependants_[a])
      push(dependant);
    for (std::size_t h : hosted_[a])
      push(h);
  }
  update_care_and_orgs(touched, all_care);
}

void World::update_care_and_orgs(const std::vector<char>& touched_assets, bool all)
{
  std::vector<char> check(care_.size(), all ? 1 : 0);
  std::vector<char> org_check(orgs_.size(), all ? 1 : 0);
  for (std::size_t c : check_care_)
    check[c] = 1;
  check_care_.clear();
  for (std::size_t a = 0; a < touched_assets.size(); ++a) {
    if (touched_assets[a] == 0)
      continue;
    org_check[assets_[a].org] = 1;
    for (std::size_t c : care_of_asset_[a])
      check[c] = 1;
  }
  for (std::size_t c = 0; c < care_.size(); ++c) {
    if (check[c] == 0)
      continue;
    Verdict verdict = evaluate_care(c);
    if (verdict.service == care_[c].state)
      continue;
    care_[c].state = verdict.service;
    care_[c].event = emit("care.state", region_.care_functions[c].id, to_string(verdict.service), verdict.cause,
                          {{"reason", verdict.reason}, {"org", region_.care_functions[c].org}});
    org_check[care_[c].org] = 1;
  }
  for (std::size_t o = 0; o < orgs_.size(); ++o) {
    if (org_check[o] == 0)
      continue;
    std::uint64_t cause = 0;
    std::string reason;
    for (std::size_t a : assets_of_org_[o])
      if (assets_[a].service == Service::DOWN) {
        cause  = assets_[a].service_event;
        reason = region_.assets[a].id + " is down";
        break;
      }
    if (cause == 0)
      for (std::size_t c : care_of_org_[o])
        if (care_[c].state != Service::UP) {
          cause  = care_[c].event;
          reason = region_.care_functions[c].id + " is " + to_string(care_[c].state);
          break;
        }
    bool impacted = cause != 0;
    if (impacted == orgs_[o].impacted)
      continue;
    orgs_[o].impacted = impacted;
    orgs_[o].event    = emit("org.state", region_.organisations[o].id, impacted ? "impacted" : "nominal", cause,
                             impacted ? nlohmann::json{{"reason", reason}} : nlohmann::json::object());
  }
}

} // namespace ricochet::sim
