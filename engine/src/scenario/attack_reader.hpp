#pragma once
// Reads the `attack` section of a scenario and checks it against the region.
#include <optional>

#include <yaml-cpp/yaml.h>

#include "ricochet/core/local_time.hpp"
#include "ricochet/model/region.hpp"
#include "ricochet/scenario/attack.hpp"
#include "yaml_reader.hpp"

namespace ricochet::scenario::detail {

/** region and clock may be null when they failed to load (references and dates are then not checked). */
std::optional<Attack> read_attack(const Context& ctx, const YAML::Node& node, const model::Region* region,
                                  const core::LocalClock* clock);

/** Flows a step's technique needs when the step does not say. */
model::FlowSet default_flows(AttackAction action, std::optional<EntryVector> vector);

} // namespace ricochet::scenario::detail
