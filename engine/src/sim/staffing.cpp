#include "staffing.hpp"

namespace ricochet::sim {

Period period_at(const scenario::Staffing& staffing, const core::LocalClock& clock, double t)
{
  core::LocalTime lt = clock.at(t);
  if (!staffing.workdays[static_cast<std::size_t>(lt.weekday)])
    return Period::WEEKEND;
  int minute = lt.hour * 60 + lt.minute;
  return minute >= staffing.office_start_min && minute < staffing.office_end_min ? Period::OFFICE : Period::NIGHT;
}

double staffed_delay(const scenario::Staffing& staffing, const core::LocalClock& clock, double t, double delay)
{
  switch (period_at(staffing, clock, t)) {
    case Period::OFFICE: return delay;
    case Period::NIGHT: return delay * staffing.night.factor + staffing.night.extra_s;
    case Period::WEEKEND: return delay * staffing.weekend.factor + staffing.weekend.extra_s;
  }
  return delay;
}

const char* to_string(Period p)
{
  switch (p) {
    case Period::OFFICE: return "office hours";
    case Period::NIGHT: return "night";
    case Period::WEEKEND: return "weekend";
  }
  return "?";
}

} // namespace ricochet::sim
