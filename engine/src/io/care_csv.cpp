#include "ricochet/io/care_csv.hpp"

#include <fmt/format.h>

namespace ricochet::io {

std::string care_csv(const std::vector<sim::CareSample>& samples, const model::Region& region,
                     const core::LocalClock& clock)
{
  std::string out =
      "time_s,local,function,org,kind,demand,capacity,served,diverted_out,diverted_in,backlog,capacity_fraction\n";
  for (const auto& s : samples) {
    const model::CareFunction& cf = region.care_functions[s.care];
    out += fmt::format("{:.0f},{},{},{},{},{:.3f},{:.3f},{:.3f},{:.3f},{:.3f},{:.3f},{:.3f}\n", s.time, clock.iso(s.time),
                       cf.id, cf.org, core::enum_name(cf.kind), s.demand, s.capacity, s.served, s.diverted_out,
                       s.diverted_in, s.backlog, s.factor);
  }
  return out;
}

} // namespace ricochet::io
