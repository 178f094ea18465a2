#pragma once
// Reads the `governance` section: rules (conditions, hold times, delays), CRAPS actions, communications.
#include <yaml-cpp/yaml.h>

#include "ricochet/model/region.hpp"
#include "ricochet/scenario/governance.hpp"
#include "yaml_reader.hpp"

namespace ricochet::scenario::detail {

/** region may be null when it failed to load (references are then not checked). */
Governance read_governance(const Context& ctx, const YAML::Node& node, const model::Region* region);

/** One condition (the syntax of governance rules), for other sections that fire on the model state. */
std::optional<Condition> read_condition(const Context& ctx, const YAML::Node& node, const std::string& where,
                                        const model::Region* region);

} // namespace ricochet::scenario::detail
