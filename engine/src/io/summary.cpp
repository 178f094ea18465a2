#include "ricochet/io/summary.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace ricochet::io {

using nlohmann::ordered_json;

namespace {

double rounded(double t) { return std::round(t * 1e6) / 1e6; }

ordered_json time_or_null(const std::optional<double>& t) { return t ? ordered_json(rounded(*t)) : ordered_json(nullptr); }

} // namespace

ordered_json summarize(const std::vector<sim::Event>& events, const model::Region& region, const core::LocalClock& clock)
{
  ordered_json out;
  const sim::Event* start = nullptr;
  double end              = 0;
  for (const auto& e : events) {
    if (e.kind == "simulation.start" && start == nullptr)
      start = &e;
    end = std::max(end, e.time);
  }
  out["format"]  = "ricochet-summary";
  out["version"] = 1;
  if (start != nullptr) {
    out["scenario"]   = start->details.value("scenario", "");
    out["variant"]    = start->details.contains("variant") ? ordered_json(start->details["variant"]) : ordered_json(nullptr);
    out["seed"]       = start->details.value("seed", 0);
    out["start"]      = start->details.value("start", "");
    out["timezone"]   = start->details.value("timezone", "");
    out["duration_s"] = start->details.value("duration_s", 0.0);
    end               = start->details.value("duration_s", end);
  }

  std::optional<double> first_compromise, first_detection, domain_admin, first_encryption, first_impact;
  auto first = [](std::optional<double>& slot, double t) {
    if (!slot)
      slot = t;
  };
  std::set<std::string> assets_hit, orgs_hit;
  std::map<std::string, bool> org_impacted;
  std::size_t max_orgs = 0;
  double max_orgs_at   = 0;

  struct Down {
    double total = 0;
    std::optional<double> since, first, last_up;
    std::string recovery;
    bool data_lost = false;
  };
  std::map<std::string, Down> downs;
  ordered_json steps = ordered_json::array();
  const sim::Event* care_totals = nullptr;
  ordered_json ladders = ordered_json::array();
  std::optional<double> craps_at;
  std::size_t notifications = 0, injects = 0;
  std::set<std::string> overloaded;

  for (const auto& e : events) {
    if (e.kind == "asset.compromised") {
      first(first_compromise, e.time);
      assets_hit.insert(e.subject);
    } else if (e.kind == "detection") {
      first(first_detection, e.time);
    } else if (e.kind == "domain.admin") {
      first(domain_admin, e.time);
    } else if (e.kind == "asset.encrypted") {
      first(first_encryption, e.time);
    } else if (e.kind == "org.state") {
      org_impacted[e.subject] = e.state == "impacted";
      if (e.state == "impacted") {
        orgs_hit.insert(e.subject);
        first(first_impact, e.time);
      }
      std::size_t now_impacted = static_cast<std::size_t>(
          std::count_if(org_impacted.begin(), org_impacted.end(), [](const auto& kv) { return kv.second; }));
      if (now_impacted > max_orgs) {
        max_orgs    = now_impacted;
        max_orgs_at = e.time;
      }
    } else if (e.kind == "asset.state") {
      Down& d = downs[e.subject];
      if (e.state == "down") {
        assets_hit.insert(e.subject);
        if (!d.since)
          d.since = e.time;
        first(d.first, e.time);
      } else if (d.since) {
        d.total += e.time - *d.since;
        d.since.reset();
        d.last_up = e.time;
      }
    } else if (e.kind == "asset.restored") {
      Down& d    = downs[e.subject];
      d.recovery = e.details.value("method", "");
      if (e.details.contains("backup"))
        d.recovery += " from " + e.details["backup"].get<std::string>();
      d.data_lost = d.data_lost || e.details.value("data_lost", false);
    } else if (e.kind == "ladder.level") {
      ladders.push_back({{"ladder", e.subject}, {"level", e.state}, {"at_s", rounded(e.time)},
                         {"rule", e.details.value("rule", "")}});
    } else if (e.kind == "craps.activated") {
      first(craps_at, e.time);
    } else if (e.kind == "notification.sent") {
      ++notifications;
    } else if (e.kind == "inject") {
      ++injects;
    } else if (e.kind == "care.totals") {
      care_totals = &e;
    } else if (e.kind == "org.load" && e.state == "overloaded") {
      overloaded.insert(e.subject);
    } else if (e.kind == "attack.step") {
      steps.push_back({{"id", e.subject},
                       {"technique", e.details.value("technique", "")},
                       {"action", e.details.value("action", "")},
                       {"state", e.state},
                       {"at_s", rounded(e.time)}});
    }
  }

  ordered_json times;
  times["first_compromise"] = time_or_null(first_compromise);
  times["first_detection"]  = time_or_null(first_detection);
  times["domain_admin"]     = time_or_null(domain_admin);
  times["first_encryption"] = time_or_null(first_encryption);
  times["first_impact"]     = time_or_null(first_impact);
  times["craps_activation"] = time_or_null(craps_at);
  out["times_s"] = times;
  ordered_json local;
  for (const auto& [key, value] : times.items())
    local[key] = value.is_null() ? ordered_json(nullptr) : ordered_json(clock.iso(value.get<double>()));
  out["times_local"] = local;

  auto in_region_order = [](const std::set<std::string>& ids, const auto& items) {
    ordered_json list = ordered_json::array();
    for (const auto& item : items)
      if (ids.count(item.id) != 0)
        list.push_back(item.id);
    return list;
  };
  out["assets_impacted"] = {{"count", assets_hit.size()}, {"ids", in_region_order(assets_hit, region.assets)}};
  out["organisations_impacted"] = {{"count", orgs_hit.size()}, {"ids", in_region_order(orgs_hit, region.organisations)}};
  out["max_simultaneous_organisations_impacted"] = {{"count", max_orgs},
                                                    {"at_s", max_orgs == 0 ? ordered_json(nullptr) : ordered_json(rounded(max_orgs_at))}};

  ordered_json assets = ordered_json::array();
  std::size_t met = 0, missed = 0, pending = 0, no_target = 0;
  for (const auto& a : region.assets) {
    auto it = downs.find(a.id);
    if (it == downs.end() || !it->second.first)
      continue;
    const Down& d     = it->second;
    bool down_at_end  = d.since.has_value();
    double downtime   = d.total + (down_at_end ? end - *d.since : 0.0);
    ordered_json rto_met = nullptr;
    if (!a.rto_s)
      ++no_target;
    else if (downtime > *a.rto_s + 1e-9) {
      rto_met = false;
      ++missed;
    } else if (!down_at_end) {
      rto_met = true;
      ++met;
    } else {
      ++pending;
    }
    assets.push_back({{"id", a.id},
                      {"org", a.org},
                      {"kind", core::enum_name(a.kind)},
                      {"first_down_s", rounded(*d.first)},
                      {"downtime_s", rounded(downtime)},
                      {"down_at_end", down_at_end},
                      {"back_up_s", down_at_end ? ordered_json(nullptr) : time_or_null(d.last_up)},
                      {"rto_s", a.rto_s ? ordered_json(*a.rto_s) : ordered_json(nullptr)},
                      {"rto_met", rto_met},
                      {"recovery", d.recovery.empty() ? ordered_json(nullptr) : ordered_json(d.recovery)},
                      {"data_lost", d.data_lost}});
  }
  out["rto"]    = {{"met", met}, {"missed", missed}, {"still_down_within_rto", pending}, {"no_target", no_target}};
  out["assets"] = assets;
  out["attack"] = steps;
  out["governance"] = {{"craps_activated_s", time_or_null(craps_at)},
                       {"ladder_changes", ladders},
                       {"notifications", notifications},
                       {"injects", injects}};
  if (care_totals != nullptr) {
    double diverted = 0, degraded_hours = 0, function_hours = 0, backlog = 0, backlog_hours = 0, demand = 0;
    for (const auto& f : care_totals->details["functions"]) {
      degraded_hours += f.value("degraded_patient_hours", 0.0);
      function_hours += f.value("degraded_hours", 0.0);
      backlog += f.value("backlog", 0.0);
      backlog_hours += f.value("backlog_patient_hours", 0.0);
      demand += f.value("demand", 0.0);
    }
    for (const auto& fl : care_totals->details["flows"])
      diverted += fl.value("patients", 0.0);
    ordered_json care;
    care["patients"]               = rounded(demand);
    care["patients_diverted"]      = rounded(diverted);
    care["patient_hours_degraded"] = rounded(degraded_hours);
    care["function_hours_degraded"] = rounded(function_hours);
    care["backlog_at_end"]         = rounded(backlog);
    care["backlog_patient_hours"]  = rounded(backlog_hours);
    care["overloaded_organisations"] = in_region_order(overloaded, region.organisations);
    care["functions"]              = care_totals->details["functions"];
    care["flows"]                  = care_totals->details["flows"];
    out["care"] = care;
  }
  out["events"] = events.size();
  return out;
}

} // namespace ricochet::io
