#include "controller.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "ricochet/core/suggest.hpp"
#include "ricochet/core/units.hpp"
#include "ricochet/io/why.hpp"

namespace ricochet::viz {

const std::vector<double>& speeds()
{
  static const std::vector<double> table{1, 10, 60, 600, 3600, 14400};
  return table;
}

Effect apply_command(Session& session, const std::string& raw)
{
  std::string line = raw.substr(0, raw.find('#'));
  std::istringstream in(line);
  std::string verb, rest;
  in >> verb;
  std::getline(in, rest);
  rest.erase(0, std::min(rest.size(), rest.find_first_not_of(' ')));
  auto need = [&](const char* what) {
    if (rest.empty())
      throw std::invalid_argument("'" + verb + "' needs " + what);
  };
  Effect effect;
  const auto& sp = speeds();
  if (verb.empty())
    return effect;
  if (verb == "pause")
    session.set_paused(true);
  else if (verb == "play")
    session.set_paused(false);
  else if (verb == "toggle")
    session.set_paused(!session.paused());
  else if (verb == "speed") {
    need("a factor (e.g. 'speed 600')");
    double f = 0;
    try {
      f = std::stod(rest);
    } catch (const std::exception&) {
    }
    if (!(f > 0))
      throw std::invalid_argument("'speed' needs a positive factor, found '" + rest + "'");
    session.set_speed(f);
  } else if (verb == "faster" || verb == "slower") {
    auto it = std::lower_bound(sp.begin(), sp.end(), session.speed());
    std::size_t i = static_cast<std::size_t>(it - sp.begin());
    if (verb == "faster" && it == sp.end())
      return effect; // already above the table's top speed: stays as it is
    if (verb == "faster")
      i = std::min(i + (*it == session.speed() ? 1 : 0), sp.size() - 1);
    else
      i = i == 0 ? 0 : i - 1;
    session.set_speed(sp[i]);
  } else if (verb == "step")
    session.step();
  else if (verb == "jump") {
    need("a time ('2026-10-18 05:00', 'T+7h' or '7h')");
    session.jump(io::parse_instant(rest, session.clock()));
  } else if (verb == "advance") {
    need("a duration of simulated time (e.g. 'advance 2h')");
    session.jump(session.now() + core::parse_duration(rest));
  } else if (verb == "select") {
    need("an organisation id (or '-')");
    effect.select = rest;
  } else if (verb == "decide") {
    need("a decision (e.g. 'decide isolate org pivot')");
    session.decide(rest);
  } else if (verb == "save") {
    need("a directory");
    effect.save = rest;
  } else if (verb == "screenshot") {
    need("a file name (.png)");
    effect.screenshot = rest;
  } else {
    static const std::vector<std::string> verbs{"pause", "play",   "toggle", "speed", "faster", "slower", "step",
                                                "jump",  "advance", "select", "decide", "save",   "screenshot"};
    throw std::invalid_argument("unknown command '" + verb + "'" + core::did_you_mean(verb, verbs) +
                                "; expected one of " + core::join(verbs));
  }
  return effect;
}

} // namespace ricochet::viz
