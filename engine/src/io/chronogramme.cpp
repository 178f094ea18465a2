#include "ricochet/io/chronogramme.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <cstdio>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "ricochet/core/suggest.hpp"
#include "ricochet/core/units.hpp"
#include "ricochet/scenario/loader.hpp"

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

} // namespace

double parse_t_plus(const std::string& input)
{
  std::string text = input.rfind("T+", 0) == 0 ? input.substr(2) : input;
  int d = 0, h = 0, m = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%dd %d:%d%c", &d, &h, &m, &tail) == 3)
    return d * 86400.0 + h * 3600.0 + m * 60.0;
  if (std::sscanf(text.c_str(), "%dh%d%c", &h, &m, &tail) == 2)
    return h * 3600.0 + m * 60.0;
  if (std::sscanf(text.c_str(), "%d:%d%c", &h, &m, &tail) == 2)
    return h * 3600.0 + m * 60.0;
  return core::parse_duration(text); // "90min", "5400s"
}

std::vector<scenario::Inject> injects_from_table(const Table& table, const std::string& file,
                                                 const core::LocalClock& clock, const std::string& lang,
                                                 core::Diagnostics& diags)
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
    col.emplace(it->second, c);
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
    if (!get(Col::TPLUS).empty()) {
      try {
        inj.at.at_s = parse_t_plus(get(Col::TPLUS));
      } catch (const std::invalid_argument&) {
        diags.error(file, pos(Col::TPLUS),
                    fmt::format("'{}' is not a time since the start (expected e.g. 'T+2h10', 'T+1d 02:30' or "
                                "'T+90min')",
                                get(Col::TPLUS)));
        ok = false;
      }
    } else {
      int day = 0, month = 0, hour = 0, minute = 0;
      char tail = 0;
      std::string t = get(Col::TIME);
      if (std::sscanf(t.c_str(), "%d/%d %d:%d%c", &day, &month, &hour, &minute, &tail) == 4) {
        // The year of the start, or the next one for a day before the start's (an exercise over the new year).
        int year = start.year + (month < start.month || (month == start.month && day < start.day) ? 1 : 0);
        try {
          inj.at.at_s =
              clock.offset_of(fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", year, month, day, hour, minute));
        } catch (const core::SkippedLocalTime& e) { // daylight saving: core's rule and message
          diags.error(file, pos(Col::TIME), fmt::format("'{}': {}", t, e.what()));
          ok = false;
        } catch (const std::invalid_argument&) {
          diags.error(file, pos(Col::TIME), fmt::format("'{}' is not a date and time (expected 'DD/MM HH:MM')", t));
          ok = false;
        }
      } else if (std::sscanf(t.c_str(), "%d:%d%c", &hour, &minute, &tail) == 2 && hour >= 0 && hour < 24 &&
                 minute >= 0 && minute < 60) {
        // The first such local time from the start, across a daylight-saving change if there is one.
        inj.at.at_s = clock.until_time_of_day(0, hour * 60 + minute);
      } else {
        diags.error(file, pos(Col::TIME),
                    fmt::format("'{}' is not a time (expected 'HH:MM' or 'DD/MM HH:MM')", t));
        ok = false;
      }
    }
    if (ok && inj.at.at_s < 0) {
      diags.error(file, pos(col.count(Col::TPLUS) != 0 ? Col::TPLUS : Col::TIME), "this time is before the start");
      ok = false;
    }
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
  return out;
}

} // namespace ricochet::io
