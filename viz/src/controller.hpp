#pragma once
// Trainer commands, typed by keys in the window or read from a --script file, applied to a session. The same
// words in both places so that a script replays what a trainer did.
#include <string>
#include <vector>

#include "session.hpp"

namespace ricochet::viz {

/** What the caller must do after a command that the session cannot do alone. */
struct Effect {
  std::string screenshot; ///< write the current frame here
  std::string save;       ///< save the branch here
  std::string select;     ///< select this organisation ("-" to clear)
};

/** The speeds + and - step through. */
[[nodiscard]] const std::vector<double>& speeds();

/** Applies one command: pause, play, toggle, speed X, faster, slower, step, jump WHEN, advance DURATION,
 *  select ORG or ASSET, decide VERB [SCOPE ID], save DIR, screenshot FILE. Blank lines and '#' comments do nothing.
 *  @throw std::invalid_argument saying what is wrong and what is expected */
Effect apply_command(Session& session, const std::string& line);

} // namespace ricochet::viz
