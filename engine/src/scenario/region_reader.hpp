#pragma once
// Reads and checks a region document (organisations, zones, assets, care functions, links, identity).
#include <optional>

#include <yaml-cpp/yaml.h>

#include "ricochet/model/region.hpp"
#include "yaml_reader.hpp"

namespace ricochet::scenario::detail {

/** Reads the region at root; every problem goes to ctx. Returns std::nullopt if there was any error. */
std::optional<model::Region> read_region(const Context& ctx, const YAML::Node& root);

} // namespace ricochet::scenario::detail
