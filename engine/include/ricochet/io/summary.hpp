#pragma once
// summary.json: the key figures of a run, computed from its events.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ricochet/core/local_time.hpp"
#include "ricochet/model/region.hpp"
#include "ricochet/sim/event.hpp"

namespace ricochet::io {

/** Times to first compromise, detection, domain admin and encryption; assets and organisations impacted; the
 *  most organisations impacted at once; per-asset downtime against RTO; the attack steps played.
 *  The shape is documented in docs/journal.md. */
[[nodiscard]] nlohmann::ordered_json summarize(const std::vector<sim::Event>& events, const model::Region& region,
                                               const core::LocalClock& clock);

} // namespace ricochet::io
