#pragma once
// Importing a chronogramme written by planners (CSV or XLSX, French or English column names, matched leniently).
#include <string>
#include <vector>

#include "ricochet/core/diagnostics.hpp"
#include "ricochet/core/local_time.hpp"
#include "ricochet/io/msel.hpp"
#include "ricochet/scenario/injects.hpp"

namespace ricochet::io {

/** "T+1d 02:30" (hours 0 to 23, minutes 0 to 59), "T+2h10", "T+26:30", "T+90min", "T+5400s" -> seconds.
 *  @throw std::invalid_argument saying what is expected; std::out_of_range for a number too large to be a time */
[[nodiscard]] double parse_t_plus(const std::string& text);

/** Turns rows (the header first) into scripted injects; texts go to the language lang ("fr" or "en"). Every time
 *  must lie within the scenario, from 0 to before duration_s (an inject timed at the end is never sent); a header
 *  without rows is an error. Problems are reported as FILE:ROW:COL (1-based, the header is row 1) into diags. */
[[nodiscard]] std::vector<scenario::Inject> injects_from_table(const Table& table, const std::string& file,
                                                               const core::LocalClock& clock, double duration_s,
                                                               const std::string& lang, core::Diagnostics& diags);

} // namespace ricochet::io
