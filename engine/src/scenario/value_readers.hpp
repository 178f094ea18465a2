#pragma once
// Readers for composite values shared by several sections: distributions, asset selectors, local times.
#include <optional>
#include <string>

#include "ricochet/core/local_time.hpp"
#include "ricochet/core/random.hpp"
#include "ricochet/model/region.hpp"
#include "ricochet/scenario/attack.hpp"
#include "yaml_reader.hpp"

namespace ricochet::scenario::detail {

/** A duration distribution: a plain duration ("2h", fixed) or {dist: exponential|lognormal|uniform|triangular,
 *  ...parameters as durations}. */
std::optional<core::Distribution> read_distribution(const MapReader& r, std::string_view key);

/** An asset selector: an asset id, or {asset | assets | org, zone, kind, domain}. Checks references against
 *  region (when given) and that it selects at least one asset unless allow_empty. */
std::optional<TargetSelector> read_selector(const Context& ctx, const YAML::Node& node, const std::string& what,
                                            const model::Region* region, bool allow_domain_only);

/** "HH:MM" -> minutes since midnight, or std::nullopt. */
std::optional<int> parse_time_of_day(const std::string& text);

} // namespace ricochet::scenario::detail
