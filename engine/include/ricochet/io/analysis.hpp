#pragma once
// `ricochet analyze`: the static exposure analysis as JSON and as text tables.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ricochet/model/region.hpp"

namespace ricochet::io {

/** Blast radius of each entry (all entry points if none given), single points of failure, minimum cuts from
 *  each entry to each target (every directory if none given), and the ranked changes with the variant lines to
 *  write. With neither entries nor targets given, the pairs with no lateral and no trust path between them are
 *  counted in "minimum_cuts_left_out" rather than listed. @throw std::invalid_argument for an unknown entry or
 *  target */
[[nodiscard]] nlohmann::ordered_json analyze(const model::Region& region, std::vector<std::string> entries,
                                             std::vector<std::string> targets,
                                             const std::map<std::string, double>& weights);

/** The `--weight LINK=COST` arguments: each LINK a link of the region, each COST a positive finite number.
 *  @throw std::invalid_argument with a message starting with "--weight: " */
[[nodiscard]] std::map<std::string, double> parse_link_weights(const std::vector<std::string>& args,
                                                               const model::Region& region);

[[nodiscard]] std::string analysis_text(const nlohmann::ordered_json& analysis);

} // namespace ricochet::io
