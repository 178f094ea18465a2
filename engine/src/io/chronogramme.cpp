#include "ricochet/io/chronogramme.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "ricochet/core/local_time.hpp"
#include "ricochet/core/suggest.hpp"
#include "ricochet/core/units.hpp"
#include "ricochet/io/journal.hpp"
#include "ricochet/scenario/loader.hpp"

#include "excerpt.hpp"

namespace ricochet::io {

namespace {

/** Lower case, without accents, spaces, '_', '-', '.', '°'. */
std::string normalise(const std::string& text)
{
  static const std::map<std::string, char> accents{{"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"à", 'a'},
                                                   {"â", 'a'}, {"î", 'i'}, {"ï", 'i'}, {"ô", 'o'}, {"ù", 'u'},
                                                   {"û", 'u'}, {"ç", 'c'}, {"É", 'e'}, {"È", 'e'}};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    for (const auto& [from, to] : accents)
      if (text.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    if (replaced)
      continue;
    unsigned char c = static_cast<unsigned char>(text[i++]);
    if (std::isalnum(c) || c == '+')
      out += static_cast<char>(std::tolower(c));
  }
  return out;
}

enum class Col { ID, TIME, TPLUS, PHASE, CHANNEL, SENDER, RECIPIENT, STIMULUS, EXPECTED, DELIVERABLE, NOTE, TRIGGER, CAUSE };

const std::map<std::string, Col>& synonyms()
{
  static const std::map<std::string, Col> s{
      {"id", Col::ID},                   {"n", Col::ID},
      {"numero", Col::ID},               {"no", Col::ID},
      {"ref", Col::ID},                  {"horaire", Col::TIME},
      {"heure", Col::TIME},              {"time", Col::TIME},
      {"hour", Col::TIME},               {"date", Col::TIME},
      {"t+", Col::TPLUS},                {"tplus", Col::TPLUS},
      {"offset", Col::TPLUS},            {"phase", Col::PHASE},
      {"canal", Col::CHANNEL},           {"channel", Col::CHANNEL},
      {"modedetransmission", Col::CHANNEL}, {"mode", Col::CHANNEL},
      {"type", Col::CHANNEL},            {"emetteur", Col::SENDER},
      {"emetteursimule", Col::SENDER},   {"sender", Col::SENDER},
      {"from", Col::SENDER},             {"destinataire", Col::RECIPIENT},
      {"recipient", Col::RECIPIENT},     {"to", Col::RECIPIENT},
      {"cellule", Col::RECIPIENT},       {"stimulus", Col::STIMULUS},
      {"stimuli", Col::STIMULUS},        {"message", Col::STIMULUS},
      {"contenu", Col::STIMULUS},        {"reactionattendue", Col::EXPECTED},
      {"expectedreaction", Col::EXPECTED}, {"expected", Col::EXPECTED},
      {"livrable", Col::DELIVERABLE},    {"deliverable", Col::DELIVERABLE},
      {"commentaireanimateur", Col::NOTE}, {"commentaire", Col::NOTE},
      {"facilitatornote", Col::NOTE},    {"note", Col::NOTE},
      {"comment", Col::NOTE},            {"declenchement", Col::TRIGGER},
      {"conditiondedeclenchement", Col::TRIGGER}, {"trigger", Col::TRIGGER},
      {"cause", Col::CAUSE}};
  return s;
}

std::optional<scenario::Channel> parse_channel(const std::string& text)
{
  static const std::map<std::string, scenario::Channel> names{
      {"mail", scenario::Channel::MAIL},      {"email", scenario::Channel::MAIL},
      {"courriel", scenario::Channel::MAIL},  {"message", scenario::Channel::MAIL},
      {"phone", scenario::Channel::PHONE},    {"telephone", scenario::Channel::PHONE},
      {"tel", scenario::Channel::PHONE},      {"sms", scenario::Channel::SMS},
      {"mssante", scenario::Channel::MSSANTE}, {"press", scenario::Channel::PRESS},
      {"presse", scenario::Channel::PRESS},   {"social", scenario::Channel::SOCIAL},
      {"reseauxsociaux", scenario::Channel::SOCIAL}, {"tweet", scenario::Channel::SOCIAL},
      {"field", scenario::Channel::FIELD},    {"terrain", scenario::Channel::FIELD}};
  auto it = names.find(normalise(text));
  if (it == names.end())
    return std::nullopt;
  return it->second;
}

/** Reads 1 to max_digits decimal digits at text[i], moving i past them; nullopt (i unmoved) if there are none or
 *  more. */
std::optional<long> digits_at(const std::string& text, std::size_t& i, std::size_t max_digits)
{
  std::size_t end = i;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0)
    ++end;
  if (end == i || end - i > max_digits)
    return std::nullopt;
  long value = std::stol(text.substr(i, end - i));
  i          = end;
  return value;
}

/** "H:MM" (or "HhMM" with sep 'h') at text[i] to its end: hours (up to 9 digits), then 1 or 2 digits of minutes.
 *  nullopt if text is not of that shape. */
std::optional<std::pair<long, long>> hours_minutes(const std::string& text, std::size_t i, char sep)
{
  auto h = digits_at(text, i, 9);
  if (!h || i >= text.size() || text[i] != sep)
    return std::nullopt;
  ++i;
  auto m = digits_at(text, i, 2);
  if (!m || i != text.size())
    return std::nullopt;
  return std::make_pair(*h, *m);
}

/** "DD/MM HH:MM" as day, month, hour and minute (hours 0 to 23, minutes 0 to 59), or nullopt. */
std::optional<std::array<int, 4>> day_and_time(const std::string& text)
{
  std::size_t i = 0;
  auto day      = digits_at(text, i, 2);
  if (!day || i >= text.size() || text[i++] != '/')
    return std::nullopt;
  auto month = digits_at(text, i, 2);
  if (!month || i >= text.size() || text[i] != ' ')
    return std::nullopt;
  auto hm = hours_minutes(text, text.find_first_not_of(' ', i), ':');
  if (!hm || hm->first > 23 || hm->second > 59)
    return std::nullopt;
  return std::array<int, 4>{static_cast<int>(*day), static_cast<int>(*month), static_cast<int>(hm->first),
                            static_cast<int>(hm->second)};
}

/** text without its leading and trailing spaces and tabs (a planner's cell may have them). */
std::string trimmed(const std::string& text)
{
  std::size_t from = text.find_first_not_of(" \t");
  if (from == std::string::npos)
    return "";
  return text.substr(from, text.find_last_not_of(" \t") - from + 1);
}

} // namespace

double parse_t_plus(const std::string& input)
{
  const std::string all  = trimmed(input);
  const std::string text = all.rfind("T+", 0) == 0 ? all.substr(2) : all;
  std::size_t i          = 0;
  if (auto d = digits_at(text, i, 9); d && i < text.size() && text[i] == 'd' && i + 1 < text.size() &&
                                      (text[i + 1] == ' ' || text[i + 1] == '\t')) {
    // "1d 02:30": a day, then a time of day
    std::size_t j = text.find_first_not_of(" \t", i + 1);
    auto hm       = j == std::string::npos ? std::nullopt : hours_minutes(text, j, ':');
    if (!hm)
      throw std::invalid_argument("expected 'T+1d 02:30' (days, then the time of that day)");
    if (hm->first > 23 || hm->second > 59)
      throw std::invalid_argument("in 'T+Nd HH:MM' the hours are 0 to 23 and the minutes 0 to 59");
    return static_cast<double>(*d) * 86400.0 + static_cast<double>(hm->first) * 3600.0 +
           static_cast<double>(hm->second) * 60.0;
  }
  for (char sep : {'h', ':'}) // "2h10", "26:30": hours (any number), then minutes
    if (auto hm = hours_minutes(text, 0, sep)) {
      if (hm->second > 59)
        throw std::invalid_argument(fmt::format("in 'T+H{}MM' the minutes are 0 to 59", sep));
      return static_cast<double>(hm->first) * 3600.0 + static_cast<double>(hm->second) * 60.0;
    }
  try {
    return core::parse_duration(text); // "90min", "5400s", "1h30min"
  } catch (const core::AboveBound&) {
    throw std::out_of_range("past a year"); // refused by the caller with the scenario's bounds
  } catch (const std::invalid_argument&) {
    throw std::invalid_argument("expected e.g. 'T+2h10', 'T+1d 02:30' or 'T+90min'");
  }
}

std::vector<scenario::Inject> injects_from_table(const Table& table, const std::string& file,
                                                 const core::LocalClock& clock, double duration_s,
                                                 const std::string& lang, core::Diagnostics& diags)
{
  std::vector<scenario::Inject> out;
  if (table.empty()) {
    diags.error(file, {}, "the chronogramme is empty (expected a header row, then one row per inject)");
    return out;
  }
  std::map<Col, std::size_t> col;
  std::vector<std::string> known;
  for (const auto& [name, c] : synonyms())
    known.push_back(name);
  for (std::size_t c = 0; c < table[0].size(); ++c) {
    std::string key = normalise(table[0][c]);
    if (key.empty())
      continue;
    auto it = synonyms().find(key);
    if (it == synonyms().end()) {
      diags.warning(file, {1, static_cast<int>(c + 1)},
                    fmt::format("column '{}' is not read{}", table[0][c], core::did_you_mean(key, known)));
      continue;
    }
    if (auto [first, added] = col.emplace(it->second, c); !added)
      diags.warning(file, {1, static_cast<int>(c + 1)},
                    fmt::format("column '{}' is not read: column {} ('{}') is read for the same field", table[0][c],
                                first->second + 1, table[0][first->second]));
  }
  for (Col required : {Col::STIMULUS, Col::RECIPIENT})
    if (col.count(required) == 0)
      diags.error(file, {1, 1}, fmt::format("no {} column (expected e.g. {})",
                                            required == Col::STIMULUS ? "stimulus" : "recipient",
                                            required == Col::STIMULUS ? "'stimulus' or 'message'"
                                                                      : "'destinataire' or 'recipient'"));
  if (col.count(Col::TPLUS) == 0 && col.count(Col::TIME) == 0)
    diags.error(file, {1, 1}, "no time column (expected 'T+' or 'horaire'/'time')");
  if (diags.has_errors())
    return out;
  const core::LocalTime start = clock.at(0);
  std::map<std::string, std::size_t> row_of_id; // inject id -> its row (1-based), for duplicates
  std::size_t rows = 0;                         // rows that are not blank
  for (std::size_t r = 1; r < table.size(); ++r) {
    const auto& row = table[r];
    auto get        = [&](Col c) -> std::string {
      auto it = col.find(c);
      return it == col.end() || it->second >= row.size() ? std::string() : row[it->second];
    };
    auto pos = [&](Col c) {
      return core::SourcePos{static_cast<int>(r + 1), static_cast<int>(col.count(c) != 0 ? col.at(c) + 1 : 1)};
    };
    bool blank = std::all_of(row.begin(), row.end(), [](const std::string& s) { return s.empty(); });
    if (blank)
      continue;
    ++rows;
    scenario::Inject inj;
    inj.pos     = pos(Col::ID);
    inj.id      = get(Col::ID).empty() ? fmt::format("row-{}", r + 1) : get(Col::ID);
    inj.at.kind = scenario::StepTime::Kind::AT;
    bool ok     = true;
    if (!scenario::is_identifier(inj.id)) {
      diags.error(file, pos(Col::ID),
                  fmt::format("'{}' is not an inject id (letters, digits, '_', '-', '.'; not only dots)", inj.id));
      ok = false;
    } else if (auto [it, added] = row_of_id.emplace(inj.id, r + 1); !added) {
      diags.error(file, pos(Col::ID), fmt::format("duplicate inject id '{}' (first at row {})", inj.id, it->second));
      ok = false;
    }
    const Col time_col = !get(Col::TPLUS).empty() ? Col::TPLUS : Col::TIME;
    const std::string t = trimmed(get(time_col));
    auto bad_time       = [&](const std::string& what) {
      diags.error(file, pos(time_col), fmt::format("'{}' is not {}", detail::excerpt(t), what));
      ok = false;
    };
    if (time_col == Col::TPLUS) {
      try {
        inj.at.at_s = parse_t_plus(t);
      } catch (const std::invalid_argument& e) {
        bad_time(fmt::format("a time since the start ({})", e.what()));
      } catch (const std::out_of_range&) {
        inj.at.at_s = HUGE_VAL; // refused below with the scenario's bounds
      }
    } else if (auto when = day_and_time(t)) {
      // The year of the start, or the next one for a day before the start's (an exercise over the new year).
      const auto [day, month, hour, minute] = *when;
      int year = start.year + (month < start.month || (month == start.month && day < start.day) ? 1 : 0);
      try {
        inj.at.at_s = clock.offset_of(fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", year, month, day, hour, minute));
      } catch (const core::SkippedLocalTime& e) { // daylight saving: core's rule and message
        diags.error(file, pos(time_col), fmt::format("'{}': {}", detail::excerpt(t), e.what()));
        ok = false;
      } catch (const std::invalid_argument&) {
        bad_time("a date and time (expected 'DD/MM HH:MM')");
      }
    } else if (auto hm = hours_minutes(t, 0, ':'); hm && hm->first < 24 && hm->second < 60) {
      // The first such local time from the start, across a daylight-saving change if there is one.
      inj.at.at_s = clock.until_time_of_day(0, static_cast<int>(hm->first * 60 + hm->second));
    } else {
      bad_time("a time (expected 'HH:MM', hours 0 to 23 and minutes 0 to 59, or 'DD/MM HH:MM')");
    }
    if (ok && inj.at.at_s < 0) {
      diags.error(file, pos(time_col), "this time is before the start");
      ok = false;
    } else if (ok && !(inj.at.at_s < duration_s)) // also not finite; at the end, it would never be sent
      bad_time(fmt::format("a time within the scenario: expected a time from T+0 to before its end, T+{} ({})",
                           core::format_duration(duration_s), clock.human(duration_s)));
    if (!get(Col::CHANNEL).empty()) {
      if (auto ch = parse_channel(get(Col::CHANNEL)))
        inj.channel = *ch;
      else {
        diags.error(file, pos(Col::CHANNEL),
                    fmt::format("unknown channel '{}' (expected mail, téléphone/phone, SMS, MSSanté, presse/press, "
                                "réseaux sociaux/social, terrain/field)",
                                get(Col::CHANNEL)));
        ok = false;
      }
    }
    if (get(Col::STIMULUS).empty()) {
      diags.error(file, pos(Col::STIMULUS), "empty stimulus");
      ok = false;
    }
    if (get(Col::RECIPIENT).empty()) {
      diags.error(file, pos(Col::RECIPIENT), "empty recipient");
      ok = false;
    }
    if (!ok)
      continue;
    auto text = [&](const std::string& value) {
      return lang == "en" ? scenario::Text{"", value} : scenario::Text{value, ""};
    };
    inj.phase       = get(Col::PHASE);
    inj.sender      = get(Col::SENDER);
    inj.recipient   = get(Col::RECIPIENT);
    inj.stimulus    = text(get(Col::STIMULUS));
    inj.expected    = text(get(Col::EXPECTED));
    inj.deliverable = get(Col::DELIVERABLE);
    inj.note        = get(Col::NOTE);
    inj.trigger     = get(Col::TRIGGER);
    inj.cause       = get(Col::CAUSE);
    out.push_back(std::move(inj));
  }
  // A header alone would import as no injects at all and wipe the scenario's chronogramme: surely not meant.
  if (rows == 0)
    diags.error(file, {}, "the chronogramme has a header but no inject rows (expected one row per inject after "
                          "the header; to remove every scripted inject, edit the scenario's 'injects' block)");
  return out;
}

} // namespace ricochet::io
