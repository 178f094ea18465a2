#include "ricochet/io/describe.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "ricochet/core/local_time.hpp"
#include "ricochet/core/suggest.hpp"
#include "ricochet/core/units.hpp"
#include "ricochet/model/region_graph.hpp"

namespace ricochet::io {
namespace {

using namespace ricochet::model;

template <typename E, typename T, typename KindOf>
std::string count_by_kind(const std::vector<T>& items, KindOf kind_of)
{
  std::map<std::string, int> counts;
  for (const auto& item : items)
    ++counts[std::string(core::enum_name<E>(kind_of(item)))];
  std::vector<std::string> parts;
  for (const auto& [name, n] : counts)
    parts.push_back(fmt::format("{} {}", name, n));
  return core::join(parts);
}

std::string yes_no(bool b) { return b ? "yes" : "no"; }

std::string org_facts(const Organisation& o)
{
  std::vector<std::string> facts{std::string(core::enum_name(o.kind))};
  if (o.role == OrgRole::GHT_PIVOT)
    facts.push_back("GHT pivot of " + o.ght);
  else if (!o.ght.empty())
    facts.push_back("GHT " + o.ght);
  if (o.role == OrgRole::UNIVERSITY_HOSPITAL)
    facts.emplace_back("university hospital");
  if (o.role == OrgRole::CYBER_SUPPORT)
    facts.emplace_back("regional cyber support");
  facts.push_back("continuity plan " + std::string(core::enum_name(o.continuity)));
  if (o.beds)
    facts.push_back(fmt::format("{} beds", *o.beds));
  if (o.patients_per_day)
    facts.push_back(fmt::format("{:g} patients/day", *o.patients_per_day));
  if (o.location)
    facts.push_back(fmt::format("at {:.4f}, {:.4f}", o.location->lat, o.location->lon));
  return core::join(facts);
}

std::string asset_facts(const Asset& a)
{
  std::vector<std::string> facts{std::string(core::enum_name(a.kind))};
  if (a.kind == AssetKind::WORKSTATIONS)
    facts.push_back(fmt::format("{} machines", a.count));
  if (a.data_bytes > 0)
    facts.push_back(core::format_size(a.data_bytes));
  if (a.backup)
    facts.push_back(std::string(core::enum_name(a.backup->mode)) + ", protects " + core::join(a.backup->protects));
  std::vector<std::string> controls;
  for (auto c : {Control::EDR, Control::SOC, Control::MFA})
    if (a.controls.contains(c))
      controls.emplace_back(core::enum_name(c));
  if (!controls.empty())
    facts.push_back(core::join(controls, "+"));
  if (a.rto_s)
    facts.push_back("RTO " + core::format_duration(*a.rto_s));
  return core::join(facts);
}

std::string zone_name(const std::string& zone_id, const std::string& org)
{
  return zone_id.rfind(org + "/", 0) == 0 ? zone_id.substr(org.size() + 1) : zone_id;
}

} // namespace

std::string describe_region(const Region& region, const std::string& file)
{
  RegionGraph graph(region);
  std::string out;
  auto line = [&out](const std::string& s) { out += s + "\n"; };

  line(fmt::format("Region: {} ({})", region.name.empty() ? "(unnamed)" : region.name, file));
  if (!region.description.empty())
    line("  " + region.description);
  line("");
  line("Counts");
  line(fmt::format("  organisations: {} ({})", region.organisations.size(),
                   count_by_kind<OrgKind>(region.organisations, [](const Organisation& o) { return o.kind; })));
  line(fmt::format("  assets: {} ({})", region.assets.size(),
                   count_by_kind<AssetKind>(region.assets, [](const Asset& a) { return a.kind; })));
  line(fmt::format("  care functions: {} ({})", region.care_functions.size(),
                   count_by_kind<CareKind>(region.care_functions, [](const CareFunction& c) { return c.kind; })));
  line(fmt::format("  zones: {}, links: {}, identity domains: {}, trusts: {}", region.zones.size(),
                   region.links.size(), region.domains.size(), region.trusts.size()));

  line("");
  line("Organisations");
  for (const auto& o : region.organisations) {
    line(fmt::format("  {} - {}", o.id, o.name));
    line("    " + org_facts(o));
    std::vector<std::string> zones;
    for (const auto& z : o.zones)
      zones.push_back(zone_name(z, o.id));
    line("    zones: " + core::join(zones));
    for (const auto& a : region.assets) {
      if (a.org != o.id)
        continue;
      std::string where = a.runs_on.empty() ? "" : " on " + a.runs_on;
      const Asset* host = a.runs_on.empty() ? nullptr : region.find_asset(a.runs_on);
      if (host != nullptr && host->org != o.id)
        where += " (hosted by " + host->org + ")";
      else if (const Zone* z = region.find_zone(a.zone); z != nullptr && z->org != o.id)
        where += " in " + a.zone;
      line(fmt::format("    - {} ({}){}", a.id, asset_facts(a), where));
    }
    std::vector<std::string> hosted_for_others;
    for (const auto& a : region.assets) {
      if (a.org == o.id || a.runs_on.empty())
        continue;
      const Asset* host = region.find_asset(a.runs_on);
      if (host != nullptr && host->org == o.id)
        hosted_for_others.push_back(fmt::format("{} of {} on {}", a.id, a.org, a.runs_on));
    }
    if (!hosted_for_others.empty())
      line("    hosts for others: " + core::join(hosted_for_others));
  }

  line("");
  line("Identity");
  if (region.domains.empty())
    line("  (no identity domains)");
  for (const auto& d : region.domains) {
    std::size_t joined = 0;
    for (const auto& a : region.assets)
      joined += a.domain == d.id ? 1U : 0U;
    line(fmt::format("  {} (owner {}, forest {}): {} assets; tiering {}, bastion {}, admin MFA {}", d.id, d.owner,
                     d.forest, joined, yes_no(d.tiering), yes_no(d.bastion), yes_no(d.admin_mfa)));
  }
  for (const auto& t : region.trusts)
    line(fmt::format("  trust {} {} {} ({}, {})", t.from, t.two_way ? "<->" : "->", t.to,
                     t.two_way ? "two-way" : "one-way", t.mfa ? "MFA required" : "no MFA"));

  line("");
  line("Network");
  for (const auto& l : region.links) {
    std::vector<std::string> flows;
    for (const auto& name : core::enum_names<Flow>())
      if (l.flows.contains(*core::enum_from_name<Flow>(name)))
        flows.push_back(name);
    line(fmt::format("  {}: {} {} {} ({}, {}; {})", l.id, l.from, l.two_way ? "<->" : "->", l.to,
                     core::format_bandwidth(l.bandwidth_Bps), core::format_duration(l.latency_s), core::join(flows)));
  }

  line("");
  line("Care functions");
  for (const auto& c : region.care_functions) {
    std::string patients;
    if (c.profile.demand_per_h > 0) {
      const Organisation* org = region.find_organisation(c.org);
      double floor = c.profile.floor.value_or(default_floor(c.kind, org != nullptr ? org->continuity : Continuity::NONE));
      patients     = fmt::format(": {:g} patients/h, capacity {:g}/h, paper mode {:.0f} %", c.profile.demand_per_h,
                                 c.nominal_capacity_per_h(), floor * 100);
    }
    line(fmt::format("  {} ({}){}", c.id, core::enum_name(c.kind), patients));
    auto with_buffers = [](const std::vector<std::string>& ids, const std::vector<double>& buffers) {
      std::vector<std::string> items;
      for (std::size_t i = 0; i < ids.size(); ++i)
        items.push_back(buffers[i] > 0 ? ids[i] + " (copes " + core::format_duration(buffers[i]) + " without)" : ids[i]);
      return core::join(items);
    };
    line("    needs: " + (c.needs.empty() ? std::string("nothing") : with_buffers(c.needs, c.need_buffer_s)));
    if (!c.uses.empty())
      line("    uses: " + with_buffers(c.uses, c.use_buffer_s));
    std::vector<std::string> through;
    for (const auto& n : c.needs)
      for (const auto& req : graph.requirements(n))
        if (std::find(c.needs.begin(), c.needs.end(), req) == c.needs.end() &&
            std::find(through.begin(), through.end(), req) == through.end())
          through.push_back(req);
    std::sort(through.begin(), through.end());
    if (!through.empty())
      line("    and through them: " + core::join(through));
  }
  return out;
}

std::string describe_scenario(const scenario::Scenario& s)
{
  std::string out;
  core::LocalClock clock(s.timezone, s.start_local);
  out += fmt::format("Scenario: {} ({})\n", s.name.empty() ? "(unnamed)" : s.name, s.file);
  if (!s.description.empty())
    out += "  " + s.description + "\n";
  out += fmt::format("  region: {}\n", s.region_file);
  out += fmt::format("  start: {} ({}, {}), duration {}, seed {}\n", s.start_local, s.timezone, clock.iso(0),
                     core::format_duration(s.duration_s), s.seed);
  if (s.variants.empty())
    out += "  variants: none\n";
  for (const auto& v : s.variants)
    out += fmt::format("  variant {}: {} ({} change{})\n", v.id, v.description.empty() ? "-" : v.description,
                       v.changes.size(), v.changes.size() == 1 ? "" : "s");
  out += "\n";
  return out + describe_region(s.region, s.region_file);
}

} // namespace ricochet::io
