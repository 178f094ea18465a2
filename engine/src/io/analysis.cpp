#include "ricochet/io/analysis.hpp"

#include <cmath>
#include <cstdlib>
#include <utility>

#include <fmt/format.h>

#include "ricochet/core/suggest.hpp"
#include "ricochet/model/exposure.hpp"

namespace ricochet::io {

using nlohmann::ordered_json;

namespace {

template <typename... Fs> struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <typename... Fs> Overloaded(Fs...) -> Overloaded<Fs...>;

/** The variant line that makes the change. */
std::string variant_line(const model::Change& change)
{
  return std::visit(
      Overloaded{
          [](const model::RemoveFlows& c) {
            return fmt::format("- remove_flows: {{link: {}, flows: [rdp, smb, ssh]}}", c.link);
          },
          [](const model::SetTrust& c) { return fmt::format("- set_trust: {{from: {}, to: {}, mfa: true}}", c.from, c.to); },
          [](const model::SetDomain& c) { return fmt::format("- set_domain: {{domain: {}, tiering: true}}", c.domain); },
          [](const model::AddControls& c) { return fmt::format("- add_controls: {{asset: {}, controls: [mfa]}}", c.target.asset); },
          [](const auto&) { return std::string(); }},
      change);
}

} // namespace

std::map<std::string, double> parse_link_weights(const std::vector<std::string>& args, const model::Region& region)
{
  std::map<std::string, double> weights;
  for (const auto& w : args) {
    auto eq = w.find('=');
    if (eq == std::string::npos || eq == 0)
      throw std::invalid_argument("--weight: expected LINK=COST with a link of the region and a positive finite "
                                  "number, found '" + w + "'");
    std::string link = w.substr(0, eq);
    std::string cost = w.substr(eq + 1);
    char* end    = nullptr;
    double value = std::strtod(cost.c_str(), &end);
    // inf would make the max-flow never end, nan compares false to everything: both are refused.
    if (cost.empty() || *end != '\0' || !std::isfinite(value) || value <= 0)
      throw std::invalid_argument("--weight: expected a positive finite number as the cost of '" + link +
                                  "', found '" + cost + "'");
    if (region.find_link(link) == nullptr)
      throw std::invalid_argument("--weight: no link '" + link + "' in the region" +
                                  core::closest_known(link, region.link_ids()));
    weights[link] = value;
  }
  return weights;
}

ordered_json analyze(const model::Region& region, std::vector<std::string> entries, std::vector<std::string> targets,
                     const std::map<std::string, double>& weights)
{
  // Asked about named entries or targets, the user gets every pair; by default (every entry point to every directory,
  // hundreds of thousands of pairs on a national region) the pairs with neither a lateral nor a trust path between
  // them, where there is nothing to cut, are counted instead of listed.
  const bool every_pair = !entries.empty() || !targets.empty();
  if (entries.empty())
    entries = model::entry_points(region);
  if (targets.empty())
    for (const auto& a : region.assets)
      if (a.kind == model::AssetKind::DIRECTORY)
        targets.push_back(a.id);
  for (const auto* list : {&entries, &targets})
    for (const auto& id : *list)
      if (region.find_asset(id) == nullptr)
        throw std::invalid_argument("no asset '" + id + "'" + core::closest_known(id, region.asset_ids()));
  // One analysis for every question: its indexes are built once (per call, at national scale, they were the cost).
  model::ExposureAnalysis exposure(region);
  ordered_json out;
  out["format"]  = "ricochet-analysis";
  out["version"] = 1;
  out["region"]  = region.name;
  ordered_json radii = ordered_json::array();
  for (const auto& e : entries) {
    auto b = exposure.blast_radius(e);
    radii.push_back({{"entry", e},
                     {"footholds", b.assets},
                     {"credentials", b.domains},
                     {"can_be_taken_down", b.down},
                     {"care_at_risk", b.care_at_risk},
                     {"organisations_at_risk", b.organisations}});
  }
  out["blast_radius"] = std::move(radii);
  ordered_json spofs = ordered_json::array();
  for (const auto& sp : model::single_points(region))
    spofs.push_back({{"care", sp.care}, {"assets", sp.assets}, {"links", sp.links}});
  out["single_points"] = std::move(spofs);
  ordered_json shared;
  for (const auto& [asset, orgs] : model::shared_single_points(region))
    shared[asset] = orgs;
  out["shared_single_points"] = shared;
  ordered_json cuts = ordered_json::array();
  std::size_t left_out = 0;
  for (const auto& e : entries)
    for (const auto& t : targets) {
      if (e == t)
        continue;
      auto c = exposure.minimum_cut(e, t, weights);
      if (!every_pair && c.network == "separated" && (c.identity == "separated" || c.identity == "no domain")) {
        ++left_out;
        continue;
      }
      cuts.push_back({{"from", e},         {"to", t},           {"network", c.network}, {"links", c.links},
                      {"weight", c.weight}, {"identity", c.identity}, {"trusts", c.trusts}});
    }
  out["minimum_cuts"]          = std::move(cuts);
  out["minimum_cuts_left_out"] = left_out;
  ordered_json ranking = ordered_json::array();
  for (const auto& c : exposure.rank_changes(entries))
    ranking.push_back({{"change", c.description},
                       {"variant", variant_line(c.change)},
                       {"footholds_before", c.assets_before},
                       {"footholds_after", c.assets_after},
                       {"care_at_risk_before", c.care_before},
                       {"care_at_risk_after", c.care_after}});
  out["ranking"] = std::move(ranking);
  return out;
}

std::string analysis_text(const ordered_json& a)
{
  std::string out = "Blast radius (lateral movement over rdp/smb/ssh with valid credentials)\n";
  out += fmt::format("  {:<24} {:>9} {:>12} {:>13}  {}\n", "entry", "footholds", "care at risk", "organisations",
                     "credentials");
  for (const auto& b : a["blast_radius"])
    out += fmt::format("  {:<24} {:>9} {:>12} {:>13}  {}\n", b["entry"].get<std::string>(), b["footholds"].size(),
                       b["care_at_risk"].size(), b["organisations_at_risk"].size(),
                       core::join(b["credentials"].get<std::vector<std::string>>()));
  out += "\nShared single points of failure (their loss alone hits care in several organisations)\n";
  for (const auto& [asset, orgs] : a["shared_single_points"].items())
    out += fmt::format("  {:<24} {}\n", asset, core::join(orgs.get<std::vector<std::string>>()));
  out += "\nLinks whose loss alone cuts a care function from what it needs\n";
  for (const auto& sp : a["single_points"])
    if (!sp["links"].empty())
      out += fmt::format("  {:<32} {}\n", sp["care"].get<std::string>(), core::join(sp["links"].get<std::vector<std::string>>()));
  out += "\nMinimum cuts (network: links to cut or filter for rdp/smb/ssh; identity: trusts to remove or put MFA on)\n";
  for (const auto& c : a["minimum_cuts"]) {
    std::string network = c["network"] == "cut" ? fmt::format("cut [{}] (weight {:g})",
                                                              core::join(c["links"].get<std::vector<std::string>>()),
                                                              c["weight"].get<double>())
                                                : c["network"].get<std::string>();
    std::string identity = c["identity"] == "cut" ? "cut [" + core::join(c["trusts"].get<std::vector<std::string>>()) + "]"
                                                  : c["identity"].get<std::string>();
    out += fmt::format("  {} -> {}: network {}; identity {}\n", c["from"].get<std::string>(), c["to"].get<std::string>(),
                       network, identity);
  }
  if (auto left_out = a["minimum_cuts_left_out"].get<std::size_t>(); left_out > 0)
    out += fmt::format("  ({} other pair{} of entry and target, with neither a lateral nor a trust path between them, "
                       "{} nothing to cut: name --from or --target to list them)\n",
                       left_out, left_out == 1 ? "" : "s", left_out == 1 ? "has" : "have");
  out += "\nChanges ranked by care functions taken out of reach (summed over the entries)\n";
  for (const auto& r : a["ranking"])
    out += fmt::format("  {:<52} care at risk {} -> {}, footholds {} -> {}\n      {}\n", r["change"].get<std::string>(),
                       r["care_at_risk_before"].get<std::size_t>(), r["care_at_risk_after"].get<std::size_t>(),
                       r["footholds_before"].get<std::size_t>(), r["footholds_after"].get<std::size_t>(),
                       r["variant"].get<std::string>());
  return out;
}

} // namespace ricochet::io
