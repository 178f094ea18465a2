#pragma once
// Reads the `defence` section: staffing, control effects, detection rules, playbooks, recovery.
#include <yaml-cpp/yaml.h>

#include "ricochet/model/region.hpp"
#include "ricochet/scenario/attack.hpp"
#include "ricochet/scenario/defence.hpp"
#include "yaml_reader.hpp"

namespace ricochet::scenario::detail {

/** region and attack may be null when they failed to load (references are then not checked). */
Defence read_defence(const Context& ctx, const YAML::Node& node, const model::Region* region, const Attack* attack);

} // namespace ricochet::scenario::detail
