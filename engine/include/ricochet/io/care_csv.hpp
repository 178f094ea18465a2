#pragma once
// care.csv: every care function with patients at every accounting step, for charts and spreadsheets.
#include <string>
#include <vector>

#include "ricochet/core/local_time.hpp"
#include "ricochet/model/region.hpp"
#include "ricochet/sim/event.hpp"

namespace ricochet::io {

/** Header: time_s,local,function,org,kind,demand,capacity,served,diverted_out,diverted_in,backlog,capacity_fraction
 *  (patients per step; capacity_fraction of nominal). */
[[nodiscard]] std::string care_csv(const std::vector<sim::CareSample>& samples, const model::Region& region,
                                   const core::LocalClock& clock);

} // namespace ricochet::io
