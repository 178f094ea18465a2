#include "region_checks.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "ricochet/core/suggest.hpp"
#include "ricochet/model/region_graph.hpp"

namespace ricochet::scenario::detail {

using namespace ricochet::model;

void RegionChecker::run()
{
  bool refs_ok = check_references();
  resolve_link_endpoints();
  derive_zones();
  derive_data();
  check_consistency();
  if (refs_ok)
    check_cycles();
  if (!ctx_.diags->has_errors()) // legal-but-suspicious matters once the input is legal
    warn_suspicious();
  region_.reindex();
}

bool RegionChecker::check_references()
{
  bool ok = true;
  auto report = [&](const PendingRef& ref, const char* kind, const std::vector<std::string>& known) {
    ctx_.error(ref.pos, fmt::format("unknown {} '{}' in {}{}", kind, ref.id, ref.context, core::closest_known(ref.id, known)));
    ok = false;
  };
  for (const auto& ref : refs_) {
    switch (ref.kind) {
      case RefKind::ASSET:
        if (region_.find_asset(ref.id) == nullptr)
          report(ref, "asset", region_.asset_ids());
        break;
      case RefKind::ZONE:
        if (region_.find_zone(ref.id) == nullptr)
          report(ref, "zone", region_.zone_ids());
        break;
      case RefKind::DOMAIN:
        if (region_.find_domain(ref.id) == nullptr)
          report(ref, "domain", region_.domain_ids());
        break;
      case RefKind::ORGANISATION:
        if (region_.find_organisation(ref.id) == nullptr)
          report(ref, "organisation", region_.organisation_ids());
        break;
      case RefKind::ENDPOINT:
        if (ref.id != INTERNET_ENDPOINT && region_.find_zone(ref.id) == nullptr &&
            region_.find_organisation(ref.id) == nullptr) {
          auto known = region_.zone_ids();
          auto orgs  = region_.organisation_ids();
          known.insert(known.end(), orgs.begin(), orgs.end());
          known.emplace_back(INTERNET_ENDPOINT);
          report(ref, "zone or organisation", known);
        }
        break;
    }
  }
  return ok;
}

void RegionChecker::resolve_link_endpoints()
{
  // An organisation named as a link end stands for its first (default) zone.
  for (auto& link : region_.links) {
    for (std::string* end : {&link.from, &link.to})
      if (const Organisation* org = region_.find_organisation(*end); org != nullptr && region_.find_zone(*end) == nullptr)
        *end = org->zones.front();
    if (!link.from.empty() && link.from == link.to)
      ctx_.error(link.pos, fmt::format("link '{}' connects '{}' to itself", link.id, link.from));
  }
}

void RegionChecker::derive_zones()
{
  // A hosted asset runs where its host runs, unless the file says otherwise.
  std::function<std::string(const Asset&, std::size_t)> zone_of = [&](const Asset& a, std::size_t depth) -> std::string {
    if (!a.zone.empty())
      return a.zone;
    const Asset* host = a.runs_on.empty() ? nullptr : region_.find_asset(a.runs_on);
    if (host != nullptr && depth < region_.assets.size())
      return zone_of(*host, depth + 1);
    const Organisation* org = region_.find_organisation(a.org);
    return org != nullptr && !org->zones.empty() ? org->zones.front() : "";
  };
  std::vector<std::string> zones;
  for (const auto& a : region_.assets)
    zones.push_back(zone_of(a, 0));
  for (std::size_t i = 0; i < region_.assets.size(); ++i)
    region_.assets[i].zone = zones[i];
}

void RegionChecker::derive_data()
{
  std::map<std::string, double> memo;
  std::set<std::string> in_progress;
  std::function<double(const Asset&)> data_of = [&](const Asset& a) -> double {
    if (data_given_.count(a.id) != 0)
      return a.data_bytes;
    if (auto it = memo.find(a.id); it != memo.end())
      return it->second;
    if (!in_progress.insert(a.id).second)
      return 0; // a cycle, reported elsewhere
    double total = 0;
    if (a.kind == AssetKind::HYPERVISOR || a.kind == AssetKind::STORAGE) {
      bool hosts_any = false;
      for (const auto& other : region_.assets)
        if (other.runs_on == a.id) {
          total += data_of(other);
          hosts_any = true;
        }
      if (!hosts_any)
        total = 1e12;
    } else if (a.kind == AssetKind::BACKUP) {
      for (const auto& p : a.backup->protects)
        if (const Asset* protectee = region_.find_asset(p))
          total += data_of(*protectee);
    } else if (a.kind == AssetKind::WORKSTATIONS) {
      total = default_data_bytes(a.kind) * static_cast<double>(a.count);
    } else {
      total = default_data_bytes(a.kind);
    }
    in_progress.erase(a.id);
    memo[a.id] = total;
    return total;
  };
  std::vector<double> data;
  for (const auto& a : region_.assets)
    data.push_back(data_of(a));
  for (std::size_t i = 0; i < region_.assets.size(); ++i)
    region_.assets[i].data_bytes = data[i];
}

void RegionChecker::check_cycles()
{
  try {
    graph_.emplace(region_);
  } catch (const std::invalid_argument&) {
    // The graph needs every reference resolved: one left empty (a link without 'from', found by fuzzing) was
    // reported as missing or invalid when it was read, and leaves no cycle to look for.
    if (ctx_.diags->has_errors())
      return;
    throw;
  }
  const RegionGraph& graph = *graph_;
  auto report = [&](EdgeType type, const char* what) {
    auto cycle = graph.find_cycle(type);
    if (cycle.empty())
      return;
    const Asset* first = region_.find_asset(cycle.front());
    ctx_.error(first != nullptr ? first->pos : SourcePos{}, fmt::format("{}: {}", what, core::join(cycle, " -> ")));
  };
  report(EdgeType::RUNS_ON, "hosting cycle");
  report(EdgeType::DEPENDS_ON, "cycle in hard dependencies");
}

void RegionChecker::check_consistency()
{
  for (const auto& a : region_.assets) {
    std::set<std::string> targets;
    for (const auto& d : a.depends_on) {
      if (!targets.insert(d.target).second)
        ctx_.error(d.pos, fmt::format("asset '{}' depends on '{}' twice", a.id, d.target));
      else if (d.target == a.id && !d.hard)
        ctx_.error(d.pos, fmt::format("asset '{}' depends on itself", a.id));
    }
    if (a.backup)
      for (const auto& p : a.backup->protects)
        if (p == a.id)
          ctx_.error(a.pos, fmt::format("backup '{}' protects itself", a.id));
  }
  std::map<std::string, const Organisation*> pivots;
  for (const auto& org : region_.organisations) {
    if ((org.role == OrgRole::GHT_PIVOT || org.role == OrgRole::GHT_MEMBER) && org.ght.empty())
      ctx_.error(org.pos, fmt::format("organisation '{}' has role '{}' but no 'ght'", org.id, core::enum_name(org.role)));
    if (org.role != OrgRole::GHT_PIVOT || org.ght.empty())
      continue;
    auto [it, inserted] = pivots.emplace(org.ght, &org);
    if (!inserted)
      ctx_.error(org.pos, fmt::format("GHT '{}' has two pivots: '{}' (line {}) and '{}'", org.ght, it->second->id,
                                      it->second->pos.line, org.id));
  }
  std::set<std::string> warned_ght;
  for (const auto& org : region_.organisations)
    if (!org.ght.empty() && pivots.count(org.ght) == 0 && warned_ght.insert(org.ght).second)
      ctx_.warning(org.pos, fmt::format("GHT '{}' has no organisation with role 'ght_pivot'", org.ght));
}

void RegionChecker::warn_suspicious()
{
  std::set<std::string> used;
  for (const auto& a : region_.assets) {
    if (!a.runs_on.empty())
      used.insert(a.runs_on);
    for (const auto& d : a.depends_on)
      used.insert(d.target);
  }
  for (const auto& c : region_.care_functions) {
    used.insert(c.needs.begin(), c.needs.end());
    used.insert(c.uses.begin(), c.uses.end());
  }
  for (const auto& a : region_.assets) {
    bool standalone_kind = a.kind == AssetKind::WORKSTATIONS || a.kind == AssetKind::BACKUP ||
                           a.kind == AssetKind::REMOTE_ACCESS || a.kind == AssetKind::INTERNET_GATEWAY ||
                           a.kind == AssetKind::ANALOG_TELEPHONY; // a fallback, used when the rest fails
    if (!standalone_kind && used.count(a.id) == 0)
      ctx_.warning(a.pos, fmt::format("asset '{}' is not needed by any care function or other asset", a.id));
    if (a.backup)
      for (const auto& p : a.backup->protects)
        if (const Asset* protectee = region_.find_asset(p); p != a.id && protectee != nullptr && protectee->zone == a.zone)
          ctx_.warning(a.pos, fmt::format("backup '{}' is in the same zone '{}' as '{}', which it protects", a.id,
                                          a.zone, p));
  }
  std::set<std::string> with_care;
  for (const auto& c : region_.care_functions)
    with_care.insert(c.org);
  for (const auto& org : region_.organisations)
    if (delivers_care(org.kind) && with_care.count(org.id) == 0)
      ctx_.warning(org.pos, fmt::format("organisation '{}' ({}) has no care function", org.id, core::enum_name(org.kind)));
  // A care function that cannot reach what it needs is cut off from the start: a link is probably missing.
  const RegionGraph& graph = graph_ ? *graph_ : graph_.emplace(region_);
  for (const auto& c : region_.care_functions) {
    const Organisation* org = region_.find_organisation(c.org);
    for (const auto* list : {&c.needs, &c.uses})
      for (const auto& id : *list) {
        const Asset* a = region_.find_asset(id);
        if (org == nullptr || a == nullptr)
          continue;
        bool reachable = std::any_of(org->zones.begin(), org->zones.end(),
                                     [&](const std::string& z) { return graph.zone_reaches(z, a->zone); });
        if (!reachable)
          ctx_.warning(c.pos, fmt::format("care function '{}' {} '{}', which runs in '{}': no link leads there from "
                                          "'{}'",
                                          c.id, list == &c.needs ? "needs" : "uses", id, a->zone, c.org));
      }
  }
  std::set<std::string> with_directory;
  for (const auto& a : region_.assets)
    if (a.kind == AssetKind::DIRECTORY && !a.domain.empty())
      with_directory.insert(a.domain);
  for (const auto& d : region_.domains)
    if (with_directory.count(d.id) == 0)
      ctx_.warning(d.pos, fmt::format("domain '{}' has no directory asset", d.id));
}

} // namespace ricochet::scenario::detail
