#pragma once
// An ATT&CK Navigator layer (layer format 4.5) of the techniques a run played.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ricochet/sim/event.hpp"

namespace ricochet::io {

/** One technique per step that fired: score = hours from the start to the step (blocked and failed steps score
 *  0), colour by outcome (succeeded and detected, succeeded undetected, blocked or failed), comment naming the
 *  targets and outcomes. */
[[nodiscard]] nlohmann::ordered_json attack_layer(const std::vector<sim::Event>& events, const std::string& name);

} // namespace ricochet::io
