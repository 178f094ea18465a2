#pragma once
// Trainer decisions as text, one per line: "isolate org partner-hospital at T+5h30". The viewer writes them (a
// branch of a live session) and `ricochet run --actions FILE` replays them.
#include <cstddef>
#include <string>
#include <vector>

#include "ricochet/core/local_time.hpp"
#include "ricochet/model/region.hpp"
#include "ricochet/sim/event.hpp"

namespace ricochet::io {

/** Parses "VERB [SCOPE ID] at WHEN": verbs isolate|reconnect (org, zone, link, asset), shut_down (org, asset),
 *  restart (asset), recover (org), activate_craps (no target), fire (inject), and "retime inject ID to NEW at
 *  WHEN"; WHEN and NEW as for `why --at`. Checks the ids against region and the scenario's inject ids.
 *  @throw std::invalid_argument saying what is wrong and what is expected */
[[nodiscard]] sim::TrainerAction parse_trainer_action(const std::string& text, const core::LocalClock& clock,
                                                      const model::Region& region,
                                                      const std::vector<std::string>& inject_ids);

/** The line that parses back to the same action (the time exactly, in seconds). */
[[nodiscard]] std::string format_trainer_action(const sim::TrainerAction& action);

/** Limits on a file of decisions: a session's decisions take a few kilobytes. */
inline constexpr std::size_t MAX_ACTIONS_BYTES     = 1u << 20; ///< the whole file
inline constexpr std::size_t MAX_ACTION_LINE_BYTES = 4096;     ///< one line, comment included

/** Reads a file of actions ('#' starts a comment; a UTF-8 byte order mark is skipped), in time order. Every time
 *  must lie within the scenario, from 0 to duration_s.
 *  @throw scenario::ScenarioError with "file:line:col: error: ..." for every bad line, or "file: error: ..." for a
 *  file that is not a regular file or is larger than MAX_ACTIONS_BYTES */
[[nodiscard]] std::vector<sim::TrainerAction> read_trainer_actions(const std::string& path,
                                                                   const core::LocalClock& clock, double duration_s,
                                                                   const model::Region& region,
                                                                   const std::vector<std::string>& inject_ids);

/** The whole file for these actions, with a header saying how to replay it. */
[[nodiscard]] std::string trainer_actions_text(const std::vector<sim::TrainerAction>& actions,
                                               const std::string& scenario_path);

} // namespace ricochet::io
