#pragma once
// `ricochet why`: the chain of causes behind a state, read from a run's journal.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ricochet/core/local_time.hpp"
#include "ricochet/core/units.hpp"
#include "ricochet/sim/event.hpp"

namespace ricochet::io {

/** The farthest instant parse_instant accepts either side of the start: the longest scenario, a year. */
inline constexpr double MAX_INSTANT_S = core::MAX_DURATION_S;

/** A time that reads well but lies farther than MAX_INSTANT_S from the start (or is infinite). */
class InstantTooFar : public std::invalid_argument {
public:
  using std::invalid_argument::invalid_argument;
};

/** Parses --at: a local date-time ("2026-10-18 05:00"), "T+7h" or a duration since the start ("7h"), within
 *  MAX_INSTANT_S of the start. @throw std::invalid_argument saying what is expected (InstantTooFar past the bound) */
[[nodiscard]] double parse_instant(const std::string& text, const core::LocalClock& clock);

/** The explanation of subject's state at time `at` (the end of the journal if absent): its latest event up to
 *  then, and each cause back to the origin, one line each.
 *  @throw scenario::ScenarioError if the journal never mentions subject (naming the closest subjects) */
[[nodiscard]] std::string explain(const std::vector<sim::Event>& events, const std::string& subject,
                                  std::optional<double> at, const core::LocalClock& clock);

} // namespace ricochet::io
