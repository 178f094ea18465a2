#include "ricochet/io/care_csv.hpp"

#include "ricochet/core/fixed_point.hpp"

namespace ricochet::io {

void write_care_csv(const std::vector<sim::CareSample>& samples, const model::Region& region,
                    const core::LocalClock& clock, const std::function<void(std::string_view)>& sink)
{
  // Hundreds of thousands of rows on a regional run: the columns that repeat (the step's times, the function's
  // names) are formatted once each and copied, the numbers by append_fixed.
  constexpr std::size_t PIECE = std::size_t{1} << 20;
  std::vector<std::string> function_columns;
  function_columns.reserve(region.care_functions.size());
  for (const auto& cf : region.care_functions)
    function_columns.push_back(cf.id + ',' + cf.org + ',' + std::string(core::enum_name(cf.kind)) + ',');
  std::string out =
      "time_s,local,function,org,kind,demand,capacity,served,diverted_out,diverted_in,backlog,capacity_fraction\n";
  out.reserve(PIECE + 4096);
  std::string time_columns;
  double time_of_columns = -1;
  for (const auto& s : samples) {
    if (s.time != time_of_columns || time_columns.empty()) {
      time_columns.clear();
      core::append_fixed(time_columns, s.time, 0);
      time_columns += ',' + clock.iso(s.time) + ',';
      time_of_columns = s.time;
    }
    out += time_columns;
    out += function_columns[s.care];
    for (double v : {s.demand, s.capacity, s.served, s.diverted_out, s.diverted_in, s.backlog, s.factor}) {
      core::append_fixed(out, v, 3);
      out += ',';
    }
    out.back() = '\n';
    if (out.size() >= PIECE) {
      sink(out);
      out.clear();
    }
  }
  if (!out.empty())
    sink(out);
}

std::string care_csv(const std::vector<sim::CareSample>& samples, const model::Region& region,
                     const core::LocalClock& clock)
{
  std::string text;
  write_care_csv(samples, region, clock, [&text](std::string_view piece) { text += piece; });
  return text;
}

} // namespace ricochet::io
