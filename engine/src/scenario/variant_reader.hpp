#pragma once
// Reads the `variants` section of a scenario and checks every change against the region.
#include <vector>

#include <yaml-cpp/yaml.h>

#include "ricochet/model/region.hpp"
#include "ricochet/model/variant.hpp"
#include "yaml_reader.hpp"

namespace ricochet::scenario::detail {

/** Reads variants; region may be null when it failed to load (references are then not checked). */
/** rule_ids: the governance rules a variant may disable. */
std::vector<model::Variant> read_variants(const Context& ctx, const YAML::Node& node, const model::Region* region,
                                          const std::vector<std::string>& rule_ids);

} // namespace ricochet::scenario::detail
