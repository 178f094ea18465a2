#pragma once
// Stimuli generated from significant simulated events, in French and English, for the control cell to send.
#include <optional>
#include <string>

#include "ricochet/core/local_time.hpp"
#include "ricochet/model/region.hpp"
#include "ricochet/scenario/injects.hpp"
#include "ricochet/sim/event.hpp"

namespace ricochet::sim {

struct GeneratedInject {
  scenario::Channel channel = scenario::Channel::PHONE;
  std::string recipient;
  scenario::Text stimulus;
};

/** The stimulus an event deserves, or std::nullopt if it is not significant for players. */
[[nodiscard]] std::optional<GeneratedInject> generate_inject(const Event& e, const model::Region& region,
                                                             const core::LocalClock& clock);

} // namespace ricochet::sim
