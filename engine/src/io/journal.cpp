#include "ricochet/io/journal.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ricochet/scenario/error.hpp"

namespace ricochet::io {

namespace {
double rounded(double t) { return std::round(t * 1e6) / 1e6; }
} // namespace

std::string journal_line(const sim::Event& e, const core::LocalClock& clock)
{
  nlohmann::ordered_json j;
  j["id"]      = e.id;
  j["t"]       = rounded(e.time);
  j["local"]   = clock.iso(e.time);
  j["kind"]    = e.kind;
  j["subject"] = e.subject;
  j["state"]   = e.state;
  j["cause"]   = e.cause == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(e.cause);
  j["details"] = e.details;
  return j.dump();
}

std::string journal_text(const std::vector<sim::Event>& events, const core::LocalClock& clock)
{
  std::string out;
  for (const auto& e : events)
    out += journal_line(e, clock) + "\n";
  return out;
}

std::vector<sim::Event> read_journal(const std::string& path)
{
  std::ifstream in(path);
  if (!in)
    throw scenario::ScenarioError(path + ": error: cannot read the journal (expected DIR/journal.jsonl written by "
                                         "'ricochet run')");
  std::stringstream text;
  text << in.rdbuf();
  return parse_journal(text.str(), path);
}

std::vector<sim::Event> parse_journal(const std::string& text, const std::string& path)
{
  std::istringstream in(text);
  std::vector<sim::Event> events;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty())
      continue;
    try {
      auto j = nlohmann::json::parse(line);
      sim::Event e;
      e.id      = j.at("id").get<std::uint64_t>();
      e.time    = j.at("t").get<double>();
      e.kind    = j.at("kind").get<std::string>();
      e.subject = j.at("subject").get<std::string>();
      e.state   = j.at("state").get<std::string>();
      e.cause   = j.at("cause").is_null() ? 0 : j.at("cause").get<std::uint64_t>();
      e.details = j.value("details", nlohmann::json::object());
      events.push_back(std::move(e));
    } catch (const nlohmann::json::exception& ex) {
      throw scenario::ScenarioError(fmt::format("{}:{}:1: error: not a journal event ({})", path, number, ex.what()));
    }
  }
  return events;
}

core::LocalClock journal_clock(const std::vector<sim::Event>& events, const std::string& path)
{
  for (const auto& e : events)
    if (e.kind == "simulation.start")
      return core::LocalClock(e.details.value("timezone", "Europe/Paris"), e.details.value("start_local", ""));
  throw scenario::ScenarioError(path + ": error: the journal has no simulation.start event");
}

std::string format_local(const core::LocalClock& clock, double t, const std::string& lang)
{
  if (lang != "fr")
    return clock.human(t);
  static const char* const days[]   = {"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."};
  static const char* const months[] = {"janv.", "févr.", "mars", "avr.", "mai", "juin",
                                       "juil.", "août", "sept.", "oct.", "nov.", "déc."};
  core::LocalTime lt = clock.at(t);
  return fmt::format("{} {} {} {:02}:{:02}", days[lt.weekday], lt.day, months[lt.month - 1], lt.hour, lt.minute);
}

std::string format_t_plus(double seconds)
{
  auto total = static_cast<long long>(std::floor(seconds / 60.0 + 1e-9));
  long long d = total / 1440, h = total % 1440 / 60, m = total % 60;
  if (d > 0)
    return fmt::format("T+{}d {:02}:{:02}", d, h, m);
  return fmt::format("T+{}h{:02}", h, m);
}

namespace {

std::string short_details(const sim::Event& e)
{
  const auto& d = e.details;
  std::vector<std::string> parts;
  auto text = [&](const char* key) {
    if (d.contains(key) && d[key].is_string())
      parts.push_back(d[key].get<std::string>());
  };
  if (e.kind == "attack.step") {
    parts.push_back(d.value("technique", "") + " " + d.value("action", ""));
    if (d.contains("succeeded") && !d["succeeded"].empty()) {
      std::vector<std::string> ids = d["succeeded"].get<std::vector<std::string>>();
      parts.push_back("on " + fmt::format("{}", fmt::join(ids, ", ")));
    }
    for (const char* key : {"blocked", "failed"})
      if (d.contains(key))
        for (const auto& [id, why] : d[key].items())
          parts.push_back(fmt::format("{} {} ({})", key, id, why.get<std::string>()));
    text("reason");
  } else if (e.kind == "detection") {
    parts.push_back("by " + d.value("control", "?") + ", " + d.value("step", "") + " (" + d.value("staffing", "") + ")");
  } else if (e.kind == "recovery.started" || e.kind == "asset.restored") {
    std::string how = d.value("method", "");
    if (d.contains("backup"))
      how += " from " + d["backup"].get<std::string>();
    parts.push_back(how);
  } else if (e.kind == "incident.declared") {
    parts.push_back("to " + fmt::format("{}", fmt::join(d.value("to", std::vector<std::string>{}), ", ")));
  } else if (d.contains("with_host")) {
    parts.push_back("with its host " + d["with_host"].get<std::string>());
  } else {
    text("reason");
    text("scope");
  }
  std::string out = fmt::format("{}", fmt::join(parts, "; "));
  return out.empty() ? "" : "  (" + out + ")";
}

} // namespace

std::string timeline_line(const sim::Event& e, const core::LocalClock& clock)
{
  return fmt::format("{}  {:<11} {:<26} {} {}{}", clock.human(e.time), format_t_plus(e.time), e.kind, e.subject,
                     e.state, short_details(e));
}

} // namespace ricochet::io
