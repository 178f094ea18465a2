#include "ricochet/io/attack_layer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

namespace ricochet::io {

namespace {

using nlohmann::ordered_json;

// Navigator colours: a step that got through unseen is the worst case.
constexpr const char* UNDETECTED = "#e60000";
constexpr const char* DETECTED   = "#ff9900";
constexpr const char* STOPPED    = "#66b266";

/** ATT&CK tactic of our actions (the Navigator places the technique under it). */
const char* tactic_of(const std::string& action)
{
  static const std::map<std::string, const char*> tactics{{"initial_access", "initial-access"},
                                                          {"lateral_movement", "lateral-movement"},
                                                          {"steal_credentials", "credential-access"},
                                                          {"domain_admin", "privilege-escalation"},
                                                          {"destroy_backups", "impact"},
                                                          {"encrypt", "impact"},
                                                          {"exfiltrate", "exfiltration"}};
  auto it = tactics.find(action);
  return it == tactics.end() ? "impact" : it->second;
}

} // namespace

ordered_json attack_layer(const std::vector<sim::Event>& events, const std::string& name)
{
  std::set<std::string> detected_steps;
  for (const auto& e : events)
    if (e.kind == "detection")
      detected_steps.insert(e.details.value("step", ""));

  ordered_json techniques = ordered_json::array();
  for (const auto& e : events) {
    if (e.kind != "attack.step" || e.state == "abandoned")
      continue;
    const auto& d          = e.details;
    const bool succeeded   = e.state == "succeeded";
    const bool detected    = detected_steps.count(e.subject) != 0;
    std::vector<std::string> parts;
    if (d.contains("succeeded") && !d["succeeded"].empty())
      parts.push_back("on " + fmt::format("{}", fmt::join(d["succeeded"].get<std::vector<std::string>>(), ", ")));
    for (const char* key : {"blocked", "failed"})
      if (d.contains(key))
        for (const auto& [id, why] : d[key].items())
          parts.push_back(fmt::format("{} {} ({})", key, id, why.get<std::string>()));
    if (d.contains("domain"))
      parts.push_back("domain " + d["domain"].get<std::string>());
    if (d.contains("reason"))
      parts.push_back(d["reason"].get<std::string>());
    ordered_json t;
    t["techniqueID"] = d.value("technique", "");
    t["tactic"]      = tactic_of(d.value("action", ""));
    t["score"]       = succeeded ? std::round(e.time / 3600.0 * 100) / 100 : 0.0;
    t["color"]       = !succeeded ? STOPPED : detected ? DETECTED : UNDETECTED;
    t["comment"]     = fmt::format("step {}: {} at T+{:.2f} h; {}", e.subject, e.state, e.time / 3600.0,
                                   fmt::format("{}", fmt::join(parts, "; ")));
    t["enabled"]     = true;
    t["metadata"]    = ordered_json::array({{{"name", "step"}, {"value", e.subject}},
                                         {{"name", "outcome"}, {"value", e.state}},
                                         {{"name", "detected"}, {"value", detected ? "yes" : "no"}}});
    t["links"]             = ordered_json::array();
    t["showSubtechniques"] = false;
    // The Navigator shows one cell per technique and tactic: steps playing the same one are merged.
    auto same = std::find_if(techniques.begin(), techniques.end(), [&](const ordered_json& other) {
      return other["techniqueID"] == t["techniqueID"] && other["tactic"] == t["tactic"];
    });
    if (same == techniques.end()) {
      techniques.push_back(t);
      continue;
    }
    auto rank = [](const std::string& colour) { return colour == UNDETECTED ? 2 : colour == DETECTED ? 1 : 0; };
    if (rank(t["color"]) > rank((*same)["color"]))
      (*same)["color"] = t["color"];
    if (succeeded && ((*same)["score"].get<double>() == 0.0 || t["score"].get<double>() < (*same)["score"].get<double>()))
      (*same)["score"] = t["score"];
    (*same)["comment"] = (*same)["comment"].get<std::string>() + " | " + t["comment"].get<std::string>();
    for (const auto& m : t["metadata"])
      (*same)["metadata"].push_back(m);
  }

  ordered_json layer;
  layer["name"]        = name;
  layer["versions"]    = {{"attack", "14"}, {"navigator", "4.9.1"}, {"layer", "4.5"}};
  layer["domain"]      = "enterprise-attack";
  layer["description"] = "Techniques played by a ricochet run. Score: hours from the start of the exercise to the "
                         "step; red: succeeded undetected, orange: succeeded and detected, green: blocked or failed.";
  layer["filters"]     = {{"platforms", {"Windows", "Linux", "macOS", "Network", "PRE", "Containers", "Office 365",
                                         "SaaS", "Google Workspace", "IaaS", "Azure AD"}}};
  layer["sorting"]     = 0;
  layer["layout"]      = {{"layout", "side"},           {"aggregateFunction", "average"}, {"showID", true},
                     {"showName", true},           {"showAggregateScores", false},  {"countUnscored", false},
                     {"expandedSubtechniques", "none"}};
  layer["hideDisabled"] = false;
  layer["techniques"]   = techniques;
  layer["gradient"]     = {{"colors", {"#ffffffff", "#ff6666ff"}}, {"minValue", 0}, {"maxValue", 168}};
  layer["legendItems"]  = ordered_json::array({{{"label", "succeeded, undetected"}, {"color", UNDETECTED}},
                                              {{"label", "succeeded, detected"}, {"color", DETECTED}},
                                              {{"label", "blocked or failed"}, {"color", STOPPED}}});
  layer["metadata"]                     = ordered_json::array();
  layer["links"]                        = ordered_json::array();
  layer["showTacticRowBackground"]      = false;
  layer["tacticRowBackground"]          = "#dddddd";
  layer["selectTechniquesAcrossTactics"] = true;
  layer["selectSubtechniquesWithParent"] = false;
  layer["selectVisibleTechniques"]       = false;
  return layer;
}

} // namespace ricochet::io
