#pragma once
// People are slower at night and at weekends: a delay decided at time t becomes delay * factor + extra.
#include "ricochet/core/local_time.hpp"
#include "ricochet/scenario/defence.hpp"

namespace ricochet::sim {

/** Which staffing period a simulated instant falls in. */
enum class Period { OFFICE, NIGHT, WEEKEND };

[[nodiscard]] Period period_at(const scenario::Staffing& staffing, const core::LocalClock& clock, double t);

/** The delay as people staffed at time t achieve it. */
[[nodiscard]] double staffed_delay(const scenario::Staffing& staffing, const core::LocalClock& clock, double t,
                                   double delay);

[[nodiscard]] const char* to_string(Period p);

} // namespace ricochet::sim
