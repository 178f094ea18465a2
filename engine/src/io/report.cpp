#include "ricochet/io/report.hpp"
#include "ricochet/io/run_dir.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <string_view>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "ricochet/core/units.hpp"
#include "ricochet/io/html.hpp"
#include "report_template.hpp"
#include "ricochet/io/journal.hpp"
#include "ricochet/io/why.hpp"
#include "ricochet/scenario/error.hpp"

namespace ricochet::io {

namespace {

using nlohmann::json;

json parse_json_text(const std::string& text, const std::string& path)
{
  try {
    return json::parse(text);
  } catch (const json::exception& e) {
    throw scenario::ScenarioError(path + ": error: not valid JSON (" + e.what() + ")");
  }
}

constexpr double WIDTH = 900, LEFT = 200;

/** x of time t on a chart spanning [0, end]. */
double x_of(double t, double end) { return LEFT + (WIDTH - LEFT - 10) * std::clamp(t / end, 0.0, 1.0); }

void time_axis(Svg& svg, double end, double y, const core::LocalClock& clock)
{
  svg.line(LEFT, y, WIDTH - 10, y, "#999");
  double step = end <= 2 * 86400 ? 6 * 3600 : 86400;
  for (double t = 0; t <= end + 1; t += step) {
    svg.line(x_of(t, end), y, x_of(t, end), y + 4, "#999");
    core::LocalTime lt = clock.at(t);
    svg.text(x_of(t, end), y + 15, fmt::format("{:02}/{:02} {:02}h", lt.day, lt.month, lt.hour), 9, "middle", "#555");
  }
}

/** Intervals [from, to) during which an event stream says "state" for each subject. */
std::map<std::string, std::vector<std::pair<double, double>>> intervals(const std::vector<sim::Event>& events,
                                                                        const std::string& kind,
                                                                        const std::string& state, double end)
{
  std::map<std::string, std::vector<std::pair<double, double>>> out;
  std::map<std::string, double> open;
  for (const auto& e : events) {
    if (e.kind != kind)
      continue;
    bool on = e.state == state;
    auto it = open.find(e.subject);
    if (on && it == open.end())
      open[e.subject] = e.time;
    else if (!on && it != open.end()) {
      out[e.subject].emplace_back(it->second, e.time);
      open.erase(it);
    }
  }
  for (const auto& [subject, from] : open)
    out[subject].emplace_back(from, end);
  return out;
}

std::string human(const core::LocalClock& clock, double t, const std::string& lang)
{
  return format_local(clock, t, lang);
}

std::string when(const json& value, const core::LocalClock& clock, const std::string& lang)
{
  if (value.is_null())
    return label("never", lang);
  double t = value.get<double>();
  return human(clock, t, lang) + " (" + format_t_plus(t) + ")";
}

std::string figure(const json& summary, const char* section, const char* key)
{
  if (!summary.contains(section) || !summary[section].contains(key))
    return "—";
  const json& v = summary[section][key];
  if (v.is_number())
    return fmt::format("{:g}", std::round(v.get<double>() * 10) / 10);
  return v.dump();
}

struct Context {
  const RunOutputs& run;
  const std::string& lang;
  core::LocalClock clock;
  double end;
};

// The page as data; report_template.hpp renders it (kainjow mustache escapes every text; SVG comes from Svg).
struct Row {
  std::string css;
  std::vector<std::string> head, cells;
};
struct TableData {
  std::string caption;
  std::vector<std::string> header;
  std::vector<Row> rows;
};
struct Section {
  std::string id, heading;
  std::vector<std::string> notes;
  std::vector<TableData> tables;
  std::vector<std::string> figures; ///< SVG markup built by Svg
  std::vector<std::pair<std::string, std::string>> explanations;
};

TableData key_figures(const Context& c, const RunOutputs& run)
{
  const json& s   = run.summary;
  const json& t   = s["times_s"];
  double plan_blanc = -1;
  for (const auto& e : run.events)
    if (e.kind == "ladder.level" && e.state == "plan_blanc") {
      plan_blanc = e.time;
      break;
    }
  std::vector<std::pair<std::string, std::string>> rows{
      {label("first_compromise", c.lang), when(t["first_compromise"], c.clock, c.lang)},
      {label("first_detection", c.lang), when(t["first_detection"], c.clock, c.lang)},
      {label("domain_admin", c.lang), when(t["domain_admin"], c.clock, c.lang)},
      {label("first_encryption", c.lang), when(t["first_encryption"], c.clock, c.lang)},
      {label("plan_blanc", c.lang), plan_blanc < 0 ? label("never", c.lang) : when(json(plan_blanc), c.clock, c.lang)},
      {label("craps_activation", c.lang), when(t.value("craps_activation", json(nullptr)), c.clock, c.lang)},
      {label("orgs_impacted", c.lang), figure(s, "organisations_impacted", "count")},
      {label("max_simultaneous", c.lang), figure(s, "max_simultaneous_organisations_impacted", "count")},
      {label("patients_diverted", c.lang), figure(s, "care", "patients_diverted")},
      {label("patient_hours_degraded", c.lang), figure(s, "care", "patient_hours_degraded")},
      {label("backlog_patient_hours", c.lang), figure(s, "care", "backlog_patient_hours")},
      {label("rto", c.lang), figure(s, "rto", "met") + " / " + figure(s, "rto", "missed")}};
  TableData table;
  for (const auto& [k, v] : rows)
    table.rows.push_back({"figure", {k}, {v}});
  return table;
}

std::string gantt(const Context& c)
{
  const auto& events = c.run.events;
  auto impacted      = intervals(events, "org.state", "impacted", c.end);
  auto down          = intervals(events, "asset.state", "down", c.end);
  auto degraded      = intervals(events, "asset.state", "degraded", c.end);
  std::map<std::string, std::vector<std::pair<double, double>>> recovering;
  std::map<std::string, double> started;
  for (const auto& e : events) {
    if (e.kind == "recovery.started")
      started[e.subject] = e.time;
    else if (e.kind == "asset.restored" && started.count(e.subject) != 0) {
      recovering[e.subject].emplace_back(started[e.subject], e.time);
      started.erase(e.subject);
    }
  }
  for (const auto& [id, from] : started)
    recovering[id].emplace_back(from, c.end);
  // Rows: each impacted organisation, then its assets that went down, in region order.
  std::vector<std::pair<std::string, bool>> rows; // id, is organisation
  for (const auto& node : c.run.region["nodes"]) {
    if (node["type"] != "organisation" || impacted.count(node["id"]) == 0)
      continue;
    rows.emplace_back(node["id"], true);
    for (const auto& a : c.run.region["nodes"])
      if (a["type"] == "asset" && a.value("org", "") == node["id"] && down.count(a["id"]) != 0)
        rows.emplace_back(a["id"], false);
  }
  if (rows.size() > 60)
    rows.resize(60);
  const double row_h = 16;
  Svg svg(WIDTH, 60 + row_h * static_cast<double>(rows.size()), label("timeline", c.lang));
  double y = 10;
  for (const auto& [id, is_org] : rows) {
    svg.text(is_org ? 4 : 16, y + 11, id, is_org ? 11 : 10, "start", is_org ? "#000" : "#444");
    auto draw = [&](const std::vector<std::pair<double, double>>& spans, const char* colour, const std::string& what,
                    double inset) {
      for (const auto& [a, b] : spans)
        svg.rect(x_of(a, c.end), y + inset, std::max(1.0, x_of(b, c.end) - x_of(a, c.end)), row_h - 2 * inset - 2,
                 colour, id + ": " + what + " " + format_t_plus(a) + " → " + format_t_plus(b));
    };
    if (is_org) {
      draw(impacted[id], "#d94a4a", label("legend_impacted", c.lang), 2);
    } else {
      draw(down[id], "#e06666", label("legend_down", c.lang), 1);
      draw(degraded[id], "#f6b26b", label("legend_degraded", c.lang), 1);
      draw(recovering[id], "#6fa8dc", label("legend_recovering", c.lang), 4);
    }
    y += row_h;
  }
  time_axis(svg, c.end, y + 4, c.clock);
  double lx = LEFT;
  for (const auto& [colour, key] : std::vector<std::pair<std::string, std::string>>{
           {"#d94a4a", "legend_impacted"}, {"#e06666", "legend_down"}, {"#f6b26b", "legend_degraded"},
           {"#6fa8dc", "legend_recovering"}}) {
    svg.rect(lx, y + 26, 12, 10, colour);
    svg.text(lx + 16, y + 35, label(key, c.lang), 10);
    lx += 160;
  }
  return svg.str();
}

std::string capacity_chart(const Context& c)
{
  // care.csv: time_s,local,function,org,kind,demand,capacity,served,diverted_out,diverted_in,backlog,capacity_fraction
  std::map<std::string, std::vector<std::pair<double, double>>> series;
  std::map<std::string, double> lowest;
  for (std::size_t i = 1; i < c.run.care.size(); ++i) {
    const auto& row = c.run.care[i];
    if (row.size() < 12)
      continue;
    double t = std::stod(row[0]), f = std::stod(row[11]);
    series[row[2]].emplace_back(t, f);
    lowest[row[2]] = std::min(lowest.count(row[2]) != 0 ? lowest[row[2]] : 1.0, f);
  }
  std::vector<std::pair<double, std::string>> hit;
  for (const auto& [id, low] : lowest)
    if (low < 1.0)
      hit.emplace_back(low, id);
  std::sort(hit.begin(), hit.end());
  if (hit.empty())
    return "";
  if (hit.size() > 10)
    hit.resize(10);
  static const char* colours[] = {"#cc0000", "#e69138", "#6aa84f", "#3d85c6", "#674ea7",
                                  "#a64d79", "#bf9000", "#45818e", "#999999", "#000000"};
  const double h = 220;
  Svg svg(WIDTH, h + 50 + 16 * static_cast<double>(hit.size()), label("care", c.lang));
  for (double f : {0.0, 0.25, 0.5, 0.75, 1.0}) {
    double y = 10 + h * (1 - f);
    svg.line(LEFT, y, WIDTH - 10, y, "#eee");
    svg.text(LEFT - 6, y + 4, fmt::format("{:.0f} %", f * 100), 9, "end", "#555");
  }
  for (std::size_t i = 0; i < hit.size(); ++i) {
    std::vector<std::pair<double, double>> pts;
    for (const auto& [t, f] : series[hit[i].second])
      pts.emplace_back(x_of(t, c.end), 10 + h * (1 - f));
    svg.polyline(pts, colours[i]);
    double ly = h + 40 + 16 * static_cast<double>(i);
    svg.rect(LEFT, ly - 9, 12, 10, colours[i]);
    svg.text(LEFT + 16, ly, hit[i].second + fmt::format(" (min {:.0f} %)", hit[i].first * 100), 10);
  }
  time_axis(svg, c.end, 10 + h + 2, c.clock);
  return svg.str();
}

std::string ladder_chart(const Context& c)
{
  std::map<std::string, std::vector<std::pair<double, std::string>>> steps;
  for (const auto& e : c.run.events)
    if (e.kind == "ladder.level")
      steps[e.subject].emplace_back(e.time, e.state);
  if (steps.empty())
    return "";
  std::map<std::string, std::string> colour{{"mobilisation", "#f6b26b"}, {"plan_blanc", "#cc0000"},
                                            {"crisis", "#cc0000"},       {"n1", "#ffe599"},
                                            {"n2", "#f6b26b"},           {"n3", "#cc0000"}};
  const double row_h = 20;
  Svg svg(WIDTH, 40 + row_h * static_cast<double>(steps.size()), label("ladders", c.lang));
  double y = 8;
  for (const auto& [key, changes] : steps) {
    svg.text(4, y + 13, key, 10);
    for (std::size_t i = 0; i < changes.size(); ++i) {
      double from = changes[i].first, to = i + 1 < changes.size() ? changes[i + 1].first : c.end;
      svg.rect(x_of(from, c.end), y + 2, std::max(1.0, x_of(to, c.end) - x_of(from, c.end)), row_h - 4,
               colour.count(changes[i].second) != 0 ? colour[changes[i].second] : "#999",
               key + ": " + changes[i].second + " " + format_t_plus(from));
      svg.text(x_of(from, c.end) + 3, y + 14, changes[i].second, 9, "start", "#000");
    }
    y += row_h;
  }
  time_axis(svg, c.end, y + 2, c.clock);
  return svg.str();
}

TableData attack_table(const Context& c)
{
  TableData table;
  table.header = {label("time", c.lang),    label("step", c.lang),    label("technique", c.lang),
                  label("action", c.lang),  label("outcome", c.lang), label("targets", c.lang)};
  for (const auto& e : c.run.events) {
    if (e.kind != "attack.step")
      continue;
    std::string targets;
    if (e.details.contains("succeeded"))
      for (const auto& id : e.details["succeeded"])
        targets += (targets.empty() ? "" : ", ") + id.get<std::string>();
    for (const char* key : {"blocked", "failed"})
      if (e.details.contains(key))
        for (const auto& [id, why] : e.details[key].items())
          targets += (targets.empty() ? "" : ", ") + id + " (" + why.get<std::string>() + ")";
    if (e.details.contains("domain"))
      targets += e.details["domain"].get<std::string>();
    table.rows.push_back({e.state,
                          {},
                          {human(c.clock, e.time, c.lang), e.subject, e.details.value("technique", ""),
                           e.details.value("action", ""), e.state, targets}});
  }
  return table;
}

std::string region_map(const Context& c, std::vector<std::string>& outside)
{
  // Organisations by location (equirectangular), coloured by their state at the worst moment.
  const json& worst = c.run.summary["max_simultaneous_organisations_impacted"];
  double at         = worst.value("at_s", json(nullptr)).is_null() ? c.end : worst["at_s"].get<double>();
  std::map<std::string, bool> impacted;
  for (const auto& e : c.run.events)
    if (e.kind == "org.state" && e.time <= at + 1e-9)
      impacted[e.subject] = e.state == "impacted";
  struct Place {
    std::string id, name;
    double lat, lon;
  };
  std::vector<Place> places;
  std::map<std::string, std::string> zone_org;
  for (const auto& n : c.run.region["nodes"]) {
    if (n["type"] == "zone")
      zone_org[n["key"]] = n.value("org", "");
    if (n["type"] == "organisation" && n.contains("location") && !n["location"].is_null())
      places.push_back({n["id"], n.value("name", ""), n["location"]["lat"], n["location"]["lon"]});
  }
  if (places.empty())
    return "";
  // Far-away organisations (a national SaaS vendor) would shrink the territory to a dot: they are listed instead.
  std::vector<double> lats, lons;
  for (const auto& p : places) {
    lats.push_back(p.lat);
    lons.push_back(p.lon);
  }
  std::nth_element(lats.begin(), lats.begin() + static_cast<std::ptrdiff_t>(lats.size() / 2), lats.end());
  std::nth_element(lons.begin(), lons.begin() + static_cast<std::ptrdiff_t>(lons.size() / 2), lons.end());
  const double mid_lat = lats[lats.size() / 2], mid_lon = lons[lons.size() / 2];
  places.erase(std::remove_if(places.begin(), places.end(),
                              [&](const Place& p) {
                                bool far = std::fabs(p.lat - mid_lat) > 2.5 || std::fabs(p.lon - mid_lon) > 3.5;
                                if (far)
                                  outside.push_back(p.id);
                                return far;
                              }),
               places.end());
  double lat0 = 90, lat1 = -90, lon0 = 180, lon1 = -180;
  for (const auto& p : places) {
    lat0 = std::min(lat0, p.lat), lat1 = std::max(lat1, p.lat), lon0 = std::min(lon0, p.lon), lon1 = std::max(lon1, p.lon);
  }
  const double w = WIDTH, h = 520, pad = 60;
  double kx = std::cos((lat0 + lat1) / 2 * M_PI / 180); // keep distances right at this latitude
  double sx = (w - 2 * pad) / std::max(1e-6, (lon1 - lon0) * kx), sy = (h - 2 * pad) / std::max(1e-6, lat1 - lat0);
  double s  = std::min(sx, sy);
  std::map<std::string, std::pair<double, double>> xy;
  for (const auto& p : places)
    xy[p.id] = {pad + (p.lon - lon0) * kx * s, h - pad - (p.lat - lat0) * s};
  Svg svg(w, h, label("map", c.lang));
  std::set<std::pair<std::string, std::string>> drawn;
  for (const auto& e : c.run.region["edges"]) {
    if (e["type"] != "link")
      continue;
    std::string a = zone_org[e["from"]], b = zone_org[e["to"]];
    if (a.empty() || b.empty() || a == b || xy.count(a) == 0 || xy.count(b) == 0 || !drawn.insert({a, b}).second)
      continue;
    svg.line(xy[a].first, xy[a].second, xy[b].first, xy[b].second, "#bbb", 1.5);
  }
  for (const auto& p : places) {
    bool hit = impacted[p.id];
    svg.circle(xy[p.id].first, xy[p.id].second, hit ? 9 : 6, hit ? "#d94a4a" : "#93c47d", p.name);
    svg.text(xy[p.id].first + 11, xy[p.id].second + 4, p.id, 10);
  }
  svg.text(10, 18, human(c.clock, at, c.lang) + " (" + format_t_plus(at) + ")", 12, "start", "#000");
  for (auto& id : outside)
    id += impacted[id] ? " (!)" : "";
  return svg.str();
}

std::vector<std::pair<std::string, std::string>> why_section(const Context& c)
{
  std::vector<std::pair<std::string, std::string>> out;
  std::vector<std::pair<double, std::string>> first;
  std::set<std::string> seen;
  for (const auto& e : c.run.events)
    if (e.kind == "org.state" && e.state == "impacted" && seen.insert(e.subject).second)
      first.emplace_back(e.time, e.subject);
  if (first.size() > 6)
    first.resize(6);
  for (const auto& [t, org] : first) {
    std::string chain = explain(c.run.events, org, t, c.clock);
    chain             = chain.substr(chain.find('\n') + 1); // our own heading, in the report's language
    out.emplace_back(org + " — " + label("impacted_at", c.lang) + " " + human(c.clock, t, c.lang), chain);
  }
  return out;
}

TableData injects_table(const Context& c)
{
  TableData table;
  table.header = {label("time", c.lang), label("channel", c.lang), label("recipient", c.lang),
                  label("stimulus", c.lang)};
  for (const auto& e : c.run.events) {
    if (e.kind != "inject")
      continue;
    const json stim  = e.details.value("stimulus", json::object());
    std::string text = stim.value(c.lang, "");
    if (text.empty())
      text = stim.value(c.lang == "fr" ? "en" : "fr", "");
    table.rows.push_back({"", {}, {human(c.clock, e.time, c.lang), e.details.value("channel", ""), e.details.value("to", ""), text}});
  }
  return table;
}

std::vector<TableData> after_action(const Context& c)
{
  TableData rto;
  rto.header = {label("asset", c.lang), label("target_rto", c.lang), label("downtime", c.lang), label("outcome", c.lang)};
  for (const auto& a : c.run.summary["assets"]) {
    std::string target = a["rto_s"].is_null() ? label("none", c.lang) : core::format_duration(a["rto_s"].get<double>());
    std::string verdict = a["rto_met"].is_null() ? (a["rto_s"].is_null() ? label("none", c.lang) : label("pending", c.lang))
                          : a["rto_met"].get<bool>() ? label("met", c.lang)
                                                      : label("missed", c.lang);
    rto.rows.push_back({"", {}, {a.value("id", ""), target, core::format_duration(a["downtime_s"].get<double>()), verdict}});
  }
  std::vector<TableData> out{rto};
  const json& t = c.run.summary["times_s"];
  if (!t["first_detection"].is_null()) { // reaction delays from the first detection
    double detection = t["first_detection"].get<double>(), cell = -1;
    for (const auto& e : c.run.events)
      if (e.kind == "crisis_cell.activated") {
        cell = e.time;
        break;
      }
    json craps = t.value("craps_activation", json(nullptr));
    TableData delays;
    delays.caption = label("delays", c.lang);
    delays.rows.push_back({"", {label("detection_to_cell", c.lang)},
                           {cell < 0 ? label("never", c.lang) : core::format_duration(cell - detection)}});
    delays.rows.push_back({"", {label("detection_to_craps", c.lang)},
                           {craps.is_null() ? label("never", c.lang) : core::format_duration(craps.get<double>() - detection)}});
    out.push_back(delays);
  }
  return out;
}

Section comparison(const Context& c, const RunOutputs& other)
{
  std::vector<std::tuple<std::string, const char*, const char*>> figures{
      {"orgs_impacted", "organisations_impacted", "count"},
      {"max_simultaneous", "max_simultaneous_organisations_impacted", "count"},
      {"patients_diverted", "care", "patients_diverted"},
      {"patient_hours_degraded", "care", "patient_hours_degraded"},
      {"backlog_patient_hours", "care", "backlog_patient_hours"},
      {"first_detection", "times_s", "first_detection"},
      {"craps_activation", "times_s", "craps_activation"}};
  std::string variant = other.summary.value("variant", json(nullptr)).is_null()
                            ? label("base", c.lang)
                            : other.summary["variant"].get<std::string>();
  Section sec{"comparison", label("comparison", c.lang), {label("other_run", c.lang) + " : " + variant}, {}, {}, {}};
  TableData table;
  table.header = {label("figure", c.lang), label("this_run", c.lang), label("other_run", c.lang),
                  label("difference", c.lang)};
  for (const auto& [key, group, field] : figures) {
    auto value = [&, &g = group, &f = field](const json& s) -> std::optional<double> {
      if (!s.contains(g) || !s[g].contains(f) || !s[g][f].is_number())
        return std::nullopt;
      return s[g][f].get<double>();
    };
    auto a = value(c.run.summary), b = value(other.summary);
    auto show = [](const std::optional<double>& v) { return v ? fmt::format("{:g}", std::round(*v * 10) / 10) : "—"; };
    table.rows.push_back({"", {label(key, c.lang)}, {show(a), show(b), a && b ? fmt::format("{:+g}", std::round((*a - *b) * 10) / 10) : "—"}});
  }
  sec.tables.push_back(table);
  return sec;
}

const char* STYLE = R"(
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px;color:#222;max-width:960px}
h1{font-size:24px;margin-bottom:4px}h2{font-size:18px;border-bottom:2px solid #ccc;padding-bottom:3px;margin-top:28px}
table{border-collapse:collapse;margin:8px 0;font-size:12px}th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3}tr.figure td,tr.significant td{font-weight:bold}tr.blocked td,tr.failed td{color:#777}
pre{background:#f7f7f7;border:1px solid #e3e3e3;padding:6px;font-size:11px;white-space:pre-wrap}
svg{display:block;margin:6px 0;font-family:"DejaVu Sans",Arial,sans-serif}
section{page-break-inside:avoid}footer{margin-top:30px;font-size:11px;color:#777}
@media print{body{margin:0}h2{page-break-after:avoid}}
)";

} // namespace

RunOutputs run_outputs(const std::string& dir, const std::string& journal, const std::string& summary,
                       const std::string& region, const std::string& care)
{
  RunOutputs r;
  r.dir     = dir;
  r.events  = parse_journal(journal, dir + "/journal.jsonl");
  r.summary = parse_json_text(summary, dir + "/summary.json");
  r.region  = parse_json_text(region, dir + "/region.json");
  // Split in place: care.csv is the largest output (tens of MB for a region), not worth a second copy.
  std::string_view rest(care);
  while (!rest.empty()) {
    std::string_view line = rest.substr(0, rest.find('\n'));
    rest.remove_prefix(std::min(rest.size(), line.size() + 1));
    std::vector<std::string> cells;
    while (!line.empty()) {
      std::string_view cell = line.substr(0, line.find(','));
      cells.emplace_back(cell);
      line.remove_prefix(std::min(line.size(), cell.size() + 1));
    }
    r.care.push_back(std::move(cells));
  }
  return r;
}

RunOutputs read_run(const std::string& dir)
{
  RunDir run = RunDir::open(dir, {"journal.jsonl", "summary.json", "region.json", "care.csv"});
  return run_outputs(dir, run.text("journal.jsonl"), run.text("summary.json"), run.text("region.json"),
                     run.text("care.csv"));
}

std::string report_html(const RunOutputs& run, const std::string& lang, const std::optional<RunOutputs>& compare,
                        const std::optional<json>& batch_comparison)
{
  core::LocalClock clock = journal_clock(run.events, run.dir + "/journal.jsonl");
  const json& s          = run.summary;
  Context c{run, lang, clock, s.value("duration_s", 86400.0)};
  std::string variant = s.value("variant", json(nullptr)).is_null() ? label("base", lang) : s["variant"].get<std::string>();
  TableData glance;
  glance.rows = {{"", {label("scenario", lang)}, {s.value("scenario", "")}},
                 {"", {label("region", lang)}, {run.region.value("region", "")}},
                 {"", {label("variant", lang)}, {variant}},
                 {"", {label("seed", lang)}, {std::to_string(s.value("seed", 0))}},
                 {"", {label("start", lang)}, {human(clock, 0, lang) + " (" + s.value("timezone", "") + ")"}},
                 {"", {label("duration", lang)}, {core::format_duration(c.end)}}};
  auto figure_or = [](std::string svg, const std::string& empty) {
    return svg.empty() ? Section{"", "", {empty}, {}, {}, {}} : Section{"", "", {}, {}, {std::move(svg)}, {}};
  };
  std::vector<Section> sections;
  sections.push_back({"glance", label("glance", lang), {}, {glance}, {}, {}});
  sections.push_back({"figures", label("key_figures", lang), {}, {key_figures(c, run)}, {}, {}});
  sections.push_back({"timeline", label("timeline", lang), {}, {}, {gantt(c)}, {}});
  Section care = figure_or(capacity_chart(c), label("no_care", lang));
  care.id = "care", care.heading = label("care", lang);
  sections.push_back(care);
  Section ladders = figure_or(ladder_chart(c), label("no_ladder", lang));
  ladders.id = "ladders", ladders.heading = label("ladders", lang);
  sections.push_back(ladders);
  sections.push_back({"attack", label("attack_path", lang), {}, {attack_table(c)}, {}, {}});
  std::vector<std::string> outside;
  std::string map = region_map(c, outside);
  Section map_section{"map", label("map", lang), {}, {}, {}, {}};
  if (!map.empty())
    map_section.figures.push_back(map);
  if (!outside.empty()) {
    std::string list;
    for (const auto& id : outside)
      list += (list.empty() ? "" : ", ") + id;
    map_section.notes.push_back(label("outside_map", lang) + " " + list);
  }
  sections.push_back(map_section);
  sections.push_back({"why", label("why", lang), {}, {}, {}, why_section(c)});
  TableData injects = injects_table(c);
  sections.push_back(injects.rows.empty() ? Section{"injects", label("injects", lang), {label("no_inject", lang)}, {}, {}, {}}
                                          : Section{"injects", label("injects", lang), {}, {injects}, {}, {}});
  sections.push_back({"after-action", label("after_action", lang), {}, after_action(c), {}, {}});
  if (compare)
    sections.push_back(comparison(c, *compare));
  if (batch_comparison) { // ricochet batch: every variant against the baseline, with significance
    Section whatif{"what-if", label("what_if", lang), {}, {}, {}, {}};
    for (const auto& v : (*batch_comparison)["variants"]) {
      TableData t;
      t.caption = v["variant"].get<std::string>() + " / " + (*batch_comparison)["baseline"].get<std::string>();
      t.header  = {label("figure", lang), label("baseline_mean", lang), label("variant_mean", lang),
                   label("difference", lang), "± 95 %", label("significant", lang)};
      auto show = [](const json& x) {
        return x.is_null() ? std::string("—") : fmt::format("{:.3g}", std::fabs(x.get<double>()) < 1e-9 ? 0.0 : x.get<double>());
      };
      for (const auto& [kpi, d] : v["kpis"].items())
        t.rows.push_back({d["significant"].get<bool>() ? "significant" : "",
                          {kpi},
                          {show(d["baseline_mean"]), show(d["variant_mean"]), show(d["difference"]), show(d["ci95"]),
                           d["significant"].get<bool>() ? label("yes", lang) : label("no", lang)}});
      whatif.tables.push_back(t);
    }
    sections.push_back(whatif);
  }

  using kainjow::mustache::data;
  auto strings = [](const std::vector<std::string>& items) {
    data list{data::type::list};
    for (const auto& item : items)
      list << data(item);
    return list;
  };
  data page;
  page.set("lang", lang == "en" ? "en" : "fr");
  page.set("title", label("title", lang));
  page.set("scenario", s.value("scenario", ""));
  page.set("style", STYLE);
  page.set("footer", label("generated_by", lang));
  data section_list{data::type::list};
  for (const auto& sec : sections) {
    data d;
    d.set("id", sec.id);
    d.set("heading", sec.heading);
    d.set("notes", strings(sec.notes));
    d.set("figures", strings(sec.figures));
    data tables{data::type::list};
    for (const auto& t : sec.tables) {
      data td;
      td.set("caption", t.caption);
      td.set("has_caption", t.caption.empty() ? data(data::type::bool_false) : data(data::type::bool_true));
      td.set("header", strings(t.header));
      td.set("has_header", t.header.empty() ? data(data::type::bool_false) : data(data::type::bool_true));
      data rows{data::type::list};
      for (const auto& r : t.rows) {
        data rd;
        rd.set("css", r.css);
        rd.set("head", strings(r.head));
        rd.set("cells", strings(r.cells));
        rows << rd;
      }
      td.set("rows", rows);
      tables << td;
    }
    d.set("tables", tables);
    data explanations{data::type::list};
    for (const auto& [title, text] : sec.explanations) {
      data e;
      e.set("title", title);
      e.set("text", text);
      explanations << e;
    }
    d.set("explanations", explanations);
    section_list << d;
  }
  page.set("sections", section_list);
  kainjow::mustache::mustache tmpl{REPORT_TEMPLATE};
  std::string html = tmpl.render(page);
  if (!tmpl.is_valid())
    throw std::logic_error("report template: " + tmpl.error_message());
  return html;
}

} // namespace ricochet::io
