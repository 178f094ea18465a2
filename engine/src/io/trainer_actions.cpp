#include "ricochet/io/trainer_actions.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "ricochet/core/suggest.hpp"
#include "ricochet/io/why.hpp"
#include "ricochet/scenario/error.hpp"

namespace ricochet::io {

using Kind = sim::TrainerAction::Kind;

namespace {

struct Verb {
  const char* name;
  Kind kind;
  std::vector<std::string> scopes; ///< empty: no target
};

const std::vector<Verb>& verbs()
{
  static const std::vector<Verb> table{
      {"isolate", Kind::ISOLATE, {"org", "zone", "link", "asset"}},
      {"reconnect", Kind::RECONNECT, {"org", "zone", "link", "asset"}},
      {"shut_down", Kind::SHUT_DOWN, {"org", "asset"}},
      {"restart", Kind::RESTART, {"asset"}},
      {"recover", Kind::RECOVER, {"org"}},
      {"activate_craps", Kind::ACTIVATE_CRAPS, {}},
      {"fire", Kind::FIRE_INJECT, {"inject"}},
      {"retime", Kind::RETIME_INJECT, {"inject"}},
  };
  return table;
}

std::vector<std::string> ids_of(const model::Region& region, const std::vector<std::string>& inject_ids,
                                const std::string& scope)
{
  if (scope == "inject")
    return inject_ids;
  if (scope == "org")
    return region.organisation_ids();
  if (scope == "zone")
    return region.zone_ids();
  if (scope == "link")
    return region.link_ids();
  return region.asset_ids();
}

std::vector<std::string> words(const std::string& text)
{
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;)
    out.push_back(w);
  return out;
}

} // namespace

sim::TrainerAction parse_trainer_action(const std::string& text, const core::LocalClock& clock,
                                        const model::Region& region, const std::vector<std::string>& inject_ids)
{
  std::vector<std::string> w = words(text);
  std::size_t at             = 0;
  while (at < w.size() && w[at] != "at")
    ++at;
  if (w.empty() || at == w.size() || at + 1 == w.size())
    throw std::invalid_argument("expected 'VERB [SCOPE ID] at WHEN' (e.g. 'isolate org pivot at T+5h'), found '" +
                                text + "'");
  std::vector<std::string> names;
  const Verb* verb = nullptr;
  for (const auto& v : verbs()) {
    names.emplace_back(v.name);
    if (w[0] == v.name)
      verb = &v;
  }
  if (verb == nullptr)
    throw std::invalid_argument("unknown decision '" + w[0] + "'" + core::did_you_mean(w[0], names) +
                                "; expected one of " + core::join(names));
  sim::TrainerAction action;
  action.kind = verb->kind;
  if (verb->scopes.empty() && at != 1)
    throw std::invalid_argument(std::string("'") + verb->name + "' takes no target: expected '" + verb->name +
                                " at WHEN'");
  std::size_t target_words = at;
  if (verb->kind == Kind::RETIME_INJECT) {
    if (at < 5 || w[3] != "to")
      throw std::invalid_argument("expected 'retime inject ID to NEW_TIME at WHEN'");
    std::string when_new;
    for (std::size_t i = 4; i < at; ++i)
      when_new += (i > 4 ? " " : "") + w[i];
    action.new_time = parse_instant(when_new, clock);
    target_words    = 3;
  }
  if (!verb->scopes.empty()) {
    if (target_words != 3)
      throw std::invalid_argument(std::string("expected '") + verb->name + " SCOPE ID at WHEN' with SCOPE one of " +
                                  core::join(verb->scopes));
    action.scope  = w[1];
    action.target = w[2];
    if (std::find(verb->scopes.begin(), verb->scopes.end(), action.scope) == verb->scopes.end())
      throw std::invalid_argument(std::string("'") + verb->name + "' applies to " + core::join(verb->scopes, " or ") +
                                  ", not '" + action.scope + "'");
    std::vector<std::string> known = ids_of(region, inject_ids, action.scope);
    if (std::find(known.begin(), known.end(), action.target) == known.end())
      throw std::invalid_argument("unknown " + action.scope + " '" + action.target + "'" +
                                  core::closest_known(action.target, known));
  }
  std::string when;
  for (std::size_t i = at + 1; i < w.size(); ++i)
    when += (i > at + 1 ? " " : "") + w[i];
  action.time = parse_instant(when, clock);
  if (action.time < 0)
    throw std::invalid_argument("'" + when + "' is before the start of the scenario");
  if (action.kind == Kind::RETIME_INJECT && action.new_time < action.time)
    throw std::invalid_argument("an inject can only be re-timed to a time after the decision (use 'fire' to send it "
                                "now)");
  return action;
}

std::string format_trainer_action(const sim::TrainerAction& action)
{
  std::string out;
  for (const auto& v : verbs())
    if (v.kind == action.kind)
      out = v.name;
  if (!action.scope.empty())
    out += " " + action.scope + " " + action.target;
  if (action.kind == Kind::RETIME_INJECT)
    out += fmt::format(" to T+{}s", action.new_time);
  return out + fmt::format(" at T+{}s", action.time); // shortest text that reads back to the same double
}

std::vector<sim::TrainerAction> read_trainer_actions(const std::string& path, const core::LocalClock& clock,
                                                     const model::Region& region,
                                                     const std::vector<std::string>& inject_ids)
{
  std::ifstream in(path);
  if (!in)
    throw scenario::ScenarioError(path + ": error: cannot read the trainer actions file");
  std::vector<sim::TrainerAction> out;
  std::string errors;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    std::string text = line.substr(0, line.find('#'));
    std::size_t col  = text.find_first_not_of(" \t\r");
    if (col == std::string::npos)
      continue;
    try {
      out.push_back(parse_trainer_action(text, clock, region, inject_ids));
    } catch (const std::invalid_argument& e) {
      errors += fmt::format("{}:{}:{}: error: {}\n", path, n, col + 1, e.what());
    }
  }
  if (!errors.empty()) {
    errors.pop_back();
    throw scenario::ScenarioError(errors);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.time < b.time; });
  return out;
}

std::string trainer_actions_text(const std::vector<sim::TrainerAction>& actions, const std::string& scenario_path)
{
  std::string out = "# Trainer decisions of a live session; replay with:\n#   ricochet run " + scenario_path +
                    " --actions THIS_FILE\n";
  for (const auto& a : actions)
    out += format_trainer_action(a) + "\n";
  return out;
}

} // namespace ricochet::io
