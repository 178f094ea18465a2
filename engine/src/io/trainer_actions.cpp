#include "ricochet/io/trainer_actions.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "ricochet/core/diagnostics.hpp"
#include "ricochet/core/suggest.hpp"
#include "ricochet/core/units.hpp"
#include "ricochet/io/why.hpp"
#include "ricochet/scenario/error.hpp"

#include "excerpt.hpp"

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

/** A word of a decision and where it starts in the line (0-based). */
struct Word {
  std::string text;
  std::size_t at = 0;
};

std::vector<Word> words(const std::string& text)
{
  std::vector<Word> out;
  for (std::size_t i = 0; i < text.size();) {
    i = text.find_first_not_of(" \t\r\n\v\f", i);
    if (i == std::string::npos)
      break;
    std::size_t end = std::min(text.find_first_of(" \t\r\n\v\f", i), text.size());
    out.push_back({text.substr(i, end - i), i});
    i = end;
  }
  return out;
}

std::string joined(const std::vector<Word>& w, std::size_t from, std::size_t to)
{
  std::string out;
  for (std::size_t i = from; i < to; ++i)
    out += (i > from ? " " : "") + w[i].text;
  return out;
}

/** A bad decision, and where in its line the problem is (0-based). */
class BadAction : public std::invalid_argument {
public:
  BadAction(std::size_t at, const std::string& what) : std::invalid_argument(what), at_(at) {}
  [[nodiscard]] std::size_t at() const noexcept { return at_; }

private:
  std::size_t at_;
};

/** The bounds of a scenario ending at end_s, for messages: "from T+0 to T+1d (Wed 21 Oct 08:00)". */
std::string within(const core::LocalClock& clock, double end_s)
{
  return fmt::format("from T+0 to T+{} ({})", core::format_duration(end_s), clock.human(end_s));
}

/** parse_instant on words [from, to), with its error placed at the time's first word; a time after end_s (the end
 *  of the scenario), if given, is refused. */
double instant_at(const std::vector<Word>& w, std::size_t from, std::size_t to, const core::LocalClock& clock,
                  std::optional<double> end_s)
{
  const std::string when = joined(w, from, to);
  const std::size_t at   = w[from].at;
  double t               = 0;
  try {
    t = parse_instant(when, clock);
  } catch (const InstantTooFar& e) {
    if (!end_s)
      throw BadAction(at, e.what());
    throw BadAction(at, fmt::format("'{}' is not a time within the scenario: expected a time {}",
                                    detail::excerpt(when), within(clock, *end_s)));
  } catch (const std::invalid_argument& e) {
    if (!end_s)
      throw BadAction(at, e.what());
    throw BadAction(at, fmt::format("{}; it must lie within the scenario, {}", e.what(), within(clock, *end_s)));
  }
  if (t < 0)
    throw BadAction(at, "'" + detail::excerpt(when) + "' is before the start of the scenario");
  if (end_s && t > *end_s)
    throw BadAction(at, fmt::format("'{}' is after the end of the scenario: expected a time within the scenario, {}",
                                    detail::excerpt(when), within(clock, *end_s)));
  return t;
}

/** The decision of a line; a time past end_s (the end of the scenario), if given, is refused. */
sim::TrainerAction parse_action(const std::string& text, const core::LocalClock& clock, std::optional<double> end_s,
                                const model::Region& region, const std::vector<std::string>& inject_ids)
{
  std::vector<Word> w = words(text);
  const std::size_t start = w.empty() ? 0 : w[0].at;
  auto fail               = [start](const std::string& what) { throw BadAction(start, what); };
  std::size_t at          = 0;
  while (at < w.size() && w[at].text != "at")
    ++at;
  if (w.empty() || at == w.size() || at + 1 == w.size())
    fail("expected 'VERB [SCOPE ID] at WHEN' (e.g. 'isolate org pivot at T+5h'), found '" + detail::excerpt(text) +
         "'");
  std::vector<std::string> names;
  const Verb* verb = nullptr;
  for (const auto& v : verbs()) {
    names.emplace_back(v.name);
    if (w[0].text == v.name)
      verb = &v;
  }
  if (verb == nullptr)
    fail("unknown decision '" + detail::excerpt(w[0].text) + "'" + core::did_you_mean(w[0].text, names) +
         "; expected one of " + core::join(names));
  sim::TrainerAction action;
  action.kind = verb->kind;
  if (verb->scopes.empty() && at != 1)
    fail(std::string("'") + verb->name + "' takes no target: expected '" + verb->name + " at WHEN'");
  std::size_t target_words = at;
  if (verb->kind == Kind::RETIME_INJECT) {
    if (at < 5 || w[3].text != "to")
      fail("expected 'retime inject ID to NEW_TIME at WHEN'");
    action.new_time = instant_at(w, 4, at, clock, end_s);
    target_words    = 3;
  }
  if (!verb->scopes.empty()) {
    if (target_words != 3)
      fail(std::string("expected '") + verb->name + " SCOPE ID at WHEN' with SCOPE one of " +
           core::join(verb->scopes));
    action.scope  = w[1].text;
    action.target = w[2].text;
    if (std::find(verb->scopes.begin(), verb->scopes.end(), action.scope) == verb->scopes.end())
      fail(std::string("'") + verb->name + "' applies to " + core::join(verb->scopes, " or ") + ", not '" +
           detail::excerpt(action.scope) + "'");
    std::vector<std::string> known = ids_of(region, inject_ids, action.scope);
    if (std::find(known.begin(), known.end(), action.target) == known.end())
      fail("unknown " + action.scope + " '" + detail::excerpt(action.target) + "'" +
           core::closest_known(action.target, known));
  }
  action.time = instant_at(w, at + 1, w.size(), clock, end_s);
  if (action.kind == Kind::RETIME_INJECT && action.new_time < action.time)
    fail("an inject can only be re-timed to a time after the decision (use 'fire' to send it now)");
  return action;
}

/** The text of a file of decisions, refused if it is not a regular file or is larger than MAX_ACTIONS_BYTES. */
std::string read_actions_text(const std::string& path)
{
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st))
    throw scenario::ScenarioError(path + ": error: cannot read the trainer actions file: " +
                                  (ec ? ec.message() : std::string("no such file")));
  if (fs::is_directory(st))
    throw scenario::ScenarioError(path + ": error: this is a directory; expected a file of trainer decisions, one "
                                         "per line (e.g. the actions.txt of a saved branch)");
  if (!fs::is_regular_file(st))
    throw scenario::ScenarioError(path + ": error: this is not a regular file (a device, a pipe or a socket); "
                                         "expected a file of trainer decisions, one per line");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw scenario::ScenarioError(path + ": error: cannot read the trainer actions file");
  // At most one byte past the limit is read: the file may grow while it is read.
  std::string text(MAX_ACTIONS_BYTES + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad())
    throw scenario::ScenarioError(path + ": error: cannot read the trainer actions file");
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > MAX_ACTIONS_BYTES)
    throw scenario::ScenarioError(fmt::format("{}: error: the trainer actions file is larger than {} KiB; at most "
                                              "{} KiB are read (a session's decisions take a few kilobytes)",
                                              path, MAX_ACTIONS_BYTES >> 10, MAX_ACTIONS_BYTES >> 10));
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) // the UTF-8 byte order mark Windows editors write
    text.erase(0, 3);
  return text;
}

} // namespace

sim::TrainerAction parse_trainer_action(const std::string& text, const core::LocalClock& clock,
                                        const model::Region& region, const std::vector<std::string>& inject_ids)
{
  return parse_action(text, clock, std::nullopt, region, inject_ids);
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
                                                     double duration_s, const model::Region& region,
                                                     const std::vector<std::string>& inject_ids)
{
  const std::string text = read_actions_text(path);
  std::vector<sim::TrainerAction> out;
  core::Diagnostics diags;
  std::size_t n = 0;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end  = std::min(text.find('\n', begin), text.size());
    const int line   = static_cast<int>(++n);
    std::string full = text.substr(begin, end - begin);
    begin            = end + 1;
    if (full.size() > MAX_ACTION_LINE_BYTES) {
      diags.error(path, {line, static_cast<int>(MAX_ACTION_LINE_BYTES) + 1},
                  fmt::format("this line is longer than {} bytes; at most {} are read", MAX_ACTION_LINE_BYTES,
                              MAX_ACTION_LINE_BYTES));
      continue;
    }
    std::string decision = full.substr(0, full.find('#'));
    if (decision.find_first_not_of(" \t\r\v\f") == std::string::npos)
      continue;
    try {
      out.push_back(parse_action(decision, clock, duration_s, region, inject_ids));
    } catch (const BadAction& e) {
      diags.error(path, {line, static_cast<int>(e.at()) + 1}, e.what());
    }
  }
  if (diags.has_errors())
    throw scenario::ScenarioError::from(diags);
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
