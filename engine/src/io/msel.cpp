#include "ricochet/io/msel.hpp"

#include <map>

#include <fmt/format.h>

#include "ricochet/core/atomic_file.hpp"
#include "ricochet/io/cell_text.hpp"
#include "ricochet/io/journal.hpp"
#include "ricochet/io/spreadsheet.hpp"
#include "ricochet/scenario/error.hpp"

#include "excerpt.hpp"

namespace ricochet::io {

namespace {

/** A CSV cell: guarded against formulas (guard_formula), then quoted when it holds a separator, a quote, a line
 *  break or edge spaces. */
std::string cell(const std::string& raw)
{
  const std::string text = guard_formula(raw);
  bool quote = text.find_first_of(";\"\r\n") != std::string::npos ||
               (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote)
    return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + "\"";
}

std::string localised(const nlohmann::json& text, const std::string& lang)
{
  if (!text.is_object())
    return "";
  std::string mine  = text.value(lang, "");
  std::string other = text.value(lang == "fr" ? "en" : "fr", "");
  return mine.empty() ? other : mine;
}

} // namespace

Table msel_table(const std::vector<sim::Event>& events, const core::LocalClock& clock, const std::string& lang)
{
  const bool fr = lang != "en";
  static const std::map<std::string, std::string> channels_fr{
      {"mail", "mail"},       {"phone", "téléphone"}, {"sms", "SMS"},     {"mssante", "MSSanté"},
      {"press", "presse"},    {"social", "réseaux sociaux"}, {"field", "terrain"}};
  Table out;
  out.push_back(fr ? std::vector<std::string>{"id", "horaire", "T+", "phase", "canal", "émetteur", "destinataire",
                                              "stimulus", "réaction attendue", "livrable", "commentaire animateur",
                                              "déclenchement", "cause"}
                   : std::vector<std::string>{"id", "time", "T+", "phase", "channel", "sender", "recipient",
                                              "stimulus", "expected reaction", "deliverable", "facilitator note",
                                              "trigger", "cause"});
  std::map<std::uint64_t, const sim::Event*> by_id;
  for (const auto& e : events)
    by_id[e.id] = &e;
  for (const auto& e : events) {
    if (e.kind != "inject")
      continue;
    const auto& d       = e.details;
    std::string channel = d.value("channel", "");
    if (fr && channels_fr.count(channel) != 0)
      channel = channels_fr.at(channel);
    std::string type    = d.value("type", "");
    std::string trigger = d.value("trigger", "");
    if (type == "conditional" && trigger == "condition")
      trigger = fr ? "condition du modèle" : "model condition";
    else if (type == "generated")
      trigger = (fr ? "événement " : "event ") + trigger;
    std::string cause = d.value("cause_text", "");
    if (auto it = by_id.find(e.cause); cause.empty() && e.cause != 0 && it != by_id.end())
      cause = it->second->kind + " " + it->second->subject + " " + it->second->state;
    core::LocalTime lt = clock.at(e.time);
    std::vector<std::string> cells{e.subject,
                                   fmt::format("{:02}/{:02} {:02}:{:02}", lt.day, lt.month, lt.hour, lt.minute),
                                   format_t_plus(e.time),
                                   d.value("phase", ""),
                                   channel,
                                   d.value("from", ""),
                                   d.value("to", ""),
                                   localised(d.value("stimulus", nlohmann::json::object()), fr ? "fr" : "en"),
                                   localised(d.value("expected", nlohmann::json::object()), fr ? "fr" : "en"),
                                   d.value("deliverable", ""),
                                   d.value("note", ""),
                                   trigger,
                                   cause};
    out.push_back(std::move(cells));
  }
  return out;
}

std::string table_csv(const Table& table)
{
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : table) {
    for (std::size_t i = 0; i < row.size(); ++i)
      out += (i == 0 ? "" : ";") + cell(row[i]);
    out += "\r\n";
  }
  return out;
}

void write_table(const std::string& path, const Table& table)
{
  if (table_format(path) == TableFormat::XLSX) {
    write_xlsx(path, table);
    return;
  }
  // A NUL byte would make a CSV that spreadsheets, and the import, refuse: say so now rather than then.
  for (std::size_t r = 1; r < table.size(); ++r)
    for (std::size_t c = 0; c < table[r].size(); ++c)
      if (table[r][c].find('\0') != std::string::npos)
        throw scenario::ScenarioError(fmt::format("{}: error: cannot write inject '{}' to a CSV file: its {} holds a "
                                                  "NUL character, which spreadsheets cannot read: remove it",
                                                  path, detail::excerpt(table[r][0]),
                                                  c < table[0].size() ? table[0][c] : fmt::format("column {}", c + 1)));
  core::write_file_atomically(path, table_csv(table));
}

std::string msel_csv(const std::vector<sim::Event>& events, const core::LocalClock& clock, const std::string& lang)
{
  return table_csv(msel_table(events, clock, lang));
}

} // namespace ricochet::io
