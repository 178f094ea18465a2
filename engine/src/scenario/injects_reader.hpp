#pragma once
// Reads the `injects` section: scripted chronogramme lines, conditional injects, generation switch.
#include <yaml-cpp/yaml.h>

#include "ricochet/core/local_time.hpp"
#include "ricochet/model/region.hpp"
#include "ricochet/scenario/injects.hpp"
#include "yaml_reader.hpp"

namespace ricochet::scenario::detail {

/** region and clock may be null when they failed to load. */
Injects read_injects(const Context& ctx, const YAML::Node& node, const model::Region* region,
                     const core::LocalClock* clock);

} // namespace ricochet::scenario::detail
