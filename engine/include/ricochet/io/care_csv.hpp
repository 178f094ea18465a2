#pragma once
// care.csv: every care function with patients at every accounting step, for charts and spreadsheets.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ricochet/core/local_time.hpp"
#include "ricochet/model/region.hpp"
#include "ricochet/sim/event.hpp"

namespace ricochet::io {

/** Header: time_s,local,function,org,kind,demand,capacity,served,diverted_out,diverted_in,backlog,capacity_fraction
 *  (patients per step; capacity_fraction of nominal). */
[[nodiscard]] std::string care_csv(const std::vector<sim::CareSample>& samples, const model::Region& region,
                                   const core::LocalClock& clock);

/** The same text, handed to SINK a piece at a time (a regional run's series is tens of megabytes, a national one
 *  hundreds: written as it is formatted, it is never held whole). */
void write_care_csv(const std::vector<sim::CareSample>& samples, const model::Region& region,
                    const core::LocalClock& clock, const std::function<void(std::string_view)>& sink);

} // namespace ricochet::io
