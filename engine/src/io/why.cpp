#include "ricochet/io/why.hpp"

#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "ricochet/core/suggest.hpp"
#include "ricochet/core/units.hpp"
#include "ricochet/io/journal.hpp"
#include "ricochet/scenario/error.hpp"

#include "excerpt.hpp"

namespace ricochet::io {

double parse_instant(const std::string& text, const core::LocalClock& clock)
{
  static const char* expected = "a local date-time ('2026-10-18 05:00'), 'T+7h' or a duration since the start ('7h')";
  double seconds = 0;
  try {
    core::check_local_datetime(text);
    seconds = clock.offset_of(text);
  } catch (const core::SkippedLocalTime&) {
    throw; // a date-time that daylight saving skips: core's message suggests the real times around it
  } catch (const std::invalid_argument&) {
    std::string duration = text.rfind("T+", 0) == 0 ? text.substr(2) : text;
    try {
      seconds = core::parse_duration(duration);
    } catch (const core::AboveBound&) {
      seconds = HUGE_VAL; // past the bound below
    } catch (const std::invalid_argument&) {
      throw std::invalid_argument(fmt::format("expected {}, found '{}'", expected, detail::excerpt(text)));
    }
  }
  // No scenario lasts more than a year (core::MAX_DURATION_S): a time farther from the start means nothing.
  if (!(std::fabs(seconds) <= MAX_INSTANT_S))
    throw InstantTooFar(fmt::format("'{}' is more than a year from the start; expected {} within a year of the "
                                    "start",
                                    detail::excerpt(text), expected));
  return seconds;
}

std::string explain(const std::vector<sim::Event>& events, const std::string& subject, std::optional<double> at,
                    const core::LocalClock& clock)
{
  std::map<std::uint64_t, const sim::Event*> by_id;
  std::set<std::string> subjects;
  const sim::Event* latest = nullptr;
  for (const auto& e : events) {
    by_id[e.id] = &e;
    subjects.insert(e.subject);
    bool availability = e.kind.size() > 6 && e.kind.compare(e.kind.size() - 6, 6, ".state") == 0;
    // At equal times an availability change (asset.state, care.state...) is the better answer than its side events.
    if (e.subject == subject && (!at || e.time <= *at + 1e-9) && e.kind != "simulation.start" &&
        e.kind != "simulation.end" &&
        (latest == nullptr || e.time > latest->time + 1e-9 || availability ||
         latest->kind.compare(latest->kind.size() >= 6 ? latest->kind.size() - 6 : 0, 6, ".state") != 0))
      latest = &e;
  }
  if (subjects.count(subject) == 0)
    throw scenario::ScenarioError(fmt::format("error: the journal never mentions '{}'{}", subject,
                                              core::closest_known(subject, {subjects.begin(), subjects.end()})));
  double when = at ? *at : (events.empty() ? 0.0 : events.back().time);
  std::string out = fmt::format("Why is {} as it is at {} ({})?\n", subject, clock.human(when), format_t_plus(when));
  if (latest == nullptr)
    return out + fmt::format("  Nothing had happened to {} yet: it was in its initial state.\n", subject);
  const sim::Event* e = latest;
  std::set<std::uint64_t> seen;
  std::string indent = "  ";
  while (e != nullptr && seen.insert(e->id).second) {
    out += indent + timeline_line(*e, clock) + "\n";
    auto it = e->cause == 0 ? by_id.end() : by_id.find(e->cause);
    e       = it == by_id.end() ? nullptr : it->second;
    indent  = "  <- ";
  }
  return out;
}

} // namespace ricochet::io
