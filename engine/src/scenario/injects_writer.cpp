#include "ricochet/scenario/injects_writer.hpp"

#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace ricochet::scenario {

namespace {

void text_field(YAML::Emitter& out, const char* key, const Text& text)
{
  if (text.fr.empty() && text.en.empty())
    return;
  out << YAML::Key << key << YAML::Value << YAML::BeginMap;
  if (!text.fr.empty())
    out << YAML::Key << "fr" << YAML::Value << YAML::DoubleQuoted << text.fr;
  if (!text.en.empty())
    out << YAML::Key << "en" << YAML::Value << YAML::DoubleQuoted << text.en;
  out << YAML::EndMap;
}

void string_field(YAML::Emitter& out, const char* key, const std::string& value)
{
  if (!value.empty())
    out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value;
}

} // namespace

std::string injects_yaml(const Injects& injects)
{
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "injects" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "generated" << YAML::Value << injects.generated;
  out << YAML::Key << "scripted" << YAML::Value << YAML::BeginSeq;
  for (const auto& inj : injects.scripted) {
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value << YAML::DoubleQuoted << inj.id;
    out << YAML::Key << "at" << YAML::Value << fmt::format("T+{:.0f}s", inj.at.at_s);
    string_field(out, "phase", inj.phase);
    out << YAML::Key << "channel" << YAML::Value << std::string(core::enum_name(inj.channel));
    string_field(out, "from", inj.sender);
    string_field(out, "to", inj.recipient);
    text_field(out, "stimulus", inj.stimulus);
    text_field(out, "expected", inj.expected);
    string_field(out, "deliverable", inj.deliverable);
    string_field(out, "note", inj.note);
    string_field(out, "trigger", inj.trigger);
    string_field(out, "cause", inj.cause);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

std::string replace_injects_block(const std::string& scenario_text, const std::string& block)
{
  std::istringstream in(scenario_text);
  std::string line, before, after;
  bool inside = false, found = false;
  while (std::getline(in, line)) {
    bool top_level = !line.empty() && line[0] != ' ' && line[0] != '#' && line[0] != '-';
    if (top_level && line.rfind("injects:", 0) == 0) {
      inside = found = true;
      continue;
    }
    if (inside && top_level)
      inside = false;
    if (inside)
      continue;
    (found ? after : before) += line + "\n";
  }
  if (!found)
    return before + (before.empty() || before.back() == '\n' ? "" : "\n") + "\n" + block;
  return before + block + after;
}

} // namespace ricochet::scenario
