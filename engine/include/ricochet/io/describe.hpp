#pragma once
// Human-readable summaries of regions and scenarios (`ricochet describe`).
#include <string>

#include "ricochet/model/region.hpp"
#include "ricochet/scenario/scenario.hpp"

namespace ricochet::io {

/** Counts per kind, organisations with what they host and where their services are hosted, identity and trusts,
 *  care functions with what they need (directly and through hosting and hard dependencies). */
[[nodiscard]] std::string describe_region(const model::Region& region, const std::string& file);

/** The scenario header (region, start, duration, seed, variants) followed by its region's description. */
[[nodiscard]] std::string describe_scenario(const scenario::Scenario& scenario);

} // namespace ricochet::io
