#pragma once
// The journal of a run (journal.jsonl): one event per line, and the readable timeline printed while it runs.
#include <string>
#include <vector>

#include "ricochet/core/local_time.hpp"
#include "ricochet/sim/event.hpp"

namespace ricochet::io {

/** One journal line (no newline): {"id","t","local","kind","subject","state","cause","details"}. */
[[nodiscard]] std::string journal_line(const sim::Event& e, const core::LocalClock& clock);

/** The whole journal, one line per event. */
[[nodiscard]] std::string journal_text(const std::vector<sim::Event>& events, const core::LocalClock& clock);

/** Reads a journal written by journal_text. @throw scenario::ScenarioError naming the file and line if it is not one */
[[nodiscard]] std::vector<sim::Event> read_journal(const std::string& path);

/** Parses journal text; name is used in messages. @throw scenario::ScenarioError on a malformed line */
[[nodiscard]] std::vector<sim::Event> parse_journal(const std::string& text, const std::string& name);

/** The clock of a journal, from its simulation.start event. @throw scenario::ScenarioError if there is none */
[[nodiscard]] core::LocalClock journal_clock(const std::vector<sim::Event>& events, const std::string& path);

/** "Sun 18 Oct 03:00  T+5h00  kind  subject state  (details)" for people following a run. */
[[nodiscard]] std::string timeline_line(const sim::Event& e, const core::LocalClock& clock);

/** "sam. 17 oct. 23:10" (lang "fr") or "Sat 17 Oct 23:10" (otherwise): a local time for people. */
[[nodiscard]] std::string format_local(const core::LocalClock& clock, double t, const std::string& lang);

/** "T+1d 02:30" */
[[nodiscard]] std::string format_t_plus(double seconds);

} // namespace ricochet::io
