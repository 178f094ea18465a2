#include "yaml_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include <fmt/format.h>

#include "ricochet/core/units.hpp"

namespace ricochet::scenario::detail {

SourcePos pos_of(const YAML::Node& node)
{
  if (!node.IsDefined())
    return {};
  const YAML::Mark m = node.Mark();
  if (m.line < 0)
    return {};
  return {m.line + 1, m.column + 1};
}

std::string describe_found(const YAML::Node& node)
{
  if (!node.IsDefined() || node.IsNull())
    return "nothing";
  if (node.IsMap())
    return "a mapping";
  if (node.IsSequence())
    return "a list";
  return "'" + node.Scalar() + "'";
}

std::optional<double> finite_number(const YAML::Node& node)
{
  if (!node.IsScalar())
    return std::nullopt;
  const std::string& text = node.Scalar();
  char* end               = nullptr;
  errno                   = 0;
  double value            = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || errno != 0 || !std::isfinite(value))
    return std::nullopt;
  return value;
}

namespace {
bool is_reference(std::string_view text)
{
  if (text.empty() || text.front() == '/' || text.back() == '/')
    return false;
  for (char c : text)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.' && c != '/')
      return false;
  return true;
}
} // namespace

MapReader::MapReader(const Context& ctx, const YAML::Node& node, std::string label,
                     std::initializer_list<std::string_view> allowed)
    : ctx_(ctx), node_(node), what_(std::move(label))
{
  if (!node.IsMap()) {
    ctx_.error(pos_of(node), "expected a mapping for " + what_ + ", found " + describe_found(node));
    return;
  }
  is_map_ = true;
  for (const auto& kv : node) // the id first, so that every message names the thing
    if (kv.first.IsScalar() && kv.first.Scalar() == "id" && kv.second.IsScalar()) {
      what_ += " '" + kv.second.Scalar() + "'";
      break;
    }
  std::vector<std::string> allowed_names(allowed.begin(), allowed.end());
  for (const auto& kv : node) {
    const YAML::Node& k = kv.first;
    if (!k.IsScalar()) {
      ctx_.error(pos_of(k), "keys of " + what_ + " must be plain names, found " + describe_found(k));
      continue;
    }
    const std::string& name = k.Scalar();
    if (auto prev = values_.find(name); prev != values_.end()) {
      ctx_.error(pos_of(k), fmt::format("duplicate key '{}' in {} (first given at line {})", name, what_,
                                        pos_of(prev->second).line));
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string hint = core::did_you_mean(name, allowed_names);
      if (hint.empty())
        hint = " (allowed: " + core::join(allowed_names) + ")";
      ctx_.error(pos_of(k), "unknown key '" + name + "' in " + what_ + hint);
      continue;
    }
    values_.emplace(name, kv.second);
  }
}

bool MapReader::has(std::string_view key) const { return values_.find(key) != values_.end(); }

YAML::Node MapReader::get(std::string_view key) const
{
  auto it = values_.find(key);
  return it == values_.end() ? YAML::Node(YAML::NodeType::Undefined) : it->second;
}

SourcePos MapReader::pos_of_value(std::string_view key) const
{
  auto it = values_.find(key);
  return it == values_.end() ? pos() : pos_of(it->second);
}

bool MapReader::require(std::string_view key) const
{
  if (has(key))
    return true;
  if (is_map_)
    ctx_.error(pos(), fmt::format("missing required key '{}' in {}", key, what_));
  return false;
}

std::optional<std::string> MapReader::scalar(std::string_view key, bool required, const std::string& expected) const
{
  if (!has(key)) {
    if (required)
      require(key);
    return std::nullopt;
  }
  YAML::Node v = get(key);
  if (!v.IsScalar()) {
    ctx_.error(pos_of(v), fmt::format("'{}' of {} must be {}, found {}", key, what_, expected, describe_found(v)));
    return std::nullopt;
  }
  return v.Scalar();
}

std::optional<std::string> MapReader::string(std::string_view key, bool required) const
{
  return scalar(key, required, "a text");
}

std::optional<std::string> MapReader::id(std::string_view key, bool required) const
{
  auto text = scalar(key, required, "an identifier");
  if (!text)
    return std::nullopt;
  if (!is_identifier(*text)) {
    ctx_.error(pos_of_value(key), fmt::format("'{}' of {} must be an identifier (letters, digits, '_', '-', '.'; "
                                              "not only dots), found '{}'",
                                              key, what_, *text));
    return std::nullopt;
  }
  return text;
}

std::optional<Located> MapReader::located_id(std::string_view key, bool required) const
{
  auto text = scalar(key, required, "an identifier");
  if (!text)
    return std::nullopt;
  if (!is_reference(*text)) {
    ctx_.error(pos_of_value(key), fmt::format("'{}' of {} must be an identifier, found '{}'", key, what_, *text));
    return std::nullopt;
  }
  return Located{*text, pos_of_value(key)};
}

std::optional<double> MapReader::number(std::string_view key, double min, double max, bool required) const
{
  auto text = scalar(key, required, "a number");
  if (!text)
    return std::nullopt;
  auto parsed = finite_number(get(key));
  if (!parsed) {
    ctx_.error(pos_of_value(key), fmt::format("'{}' of {} must be a number, found '{}'", key, what_, *text));
    return std::nullopt;
  }
  double value = *parsed;
  if (value < min || value > max) {
    ctx_.error(pos_of_value(key),
               fmt::format("'{}' of {} must be between {:g} and {:g}, found {}", key, what_, min, max, *text));
    return std::nullopt;
  }
  return value;
}

std::optional<long> MapReader::integer(std::string_view key, long min, long max, bool required) const
{
  auto text = scalar(key, required, "an integer");
  if (!text)
    return std::nullopt;
  char* end  = nullptr;
  errno      = 0;
  long value = std::strtol(text->c_str(), &end, 10);
  if (!text->empty() && end == text->c_str() + text->size() && errno == ERANGE) { // 30 digits: out of range
    ctx_.error(pos_of_value(key),
               fmt::format("'{}' of {} must be between {} and {}, found {}", key, what_, min, max, *text));
    return std::nullopt;
  }
  if (text->empty() || end != text->c_str() + text->size() || errno != 0) {
    ctx_.error(pos_of_value(key), fmt::format("'{}' of {} must be an integer, found '{}'", key, what_, *text));
    return std::nullopt;
  }
  if (value < min || value > max) {
    ctx_.error(pos_of_value(key),
               fmt::format("'{}' of {} must be between {} and {}, found {}", key, what_, min, max, *text));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> MapReader::boolean(std::string_view key, bool required) const
{
  auto text = scalar(key, required, "true or false");
  if (!text)
    return std::nullopt;
  if (*text == "true" || *text == "True" || *text == "TRUE")
    return true;
  if (*text == "false" || *text == "False" || *text == "FALSE")
    return false;
  ctx_.error(pos_of_value(key), fmt::format("'{}' of {} must be true or false, found '{}'", key, what_, *text));
  return std::nullopt;
}

std::optional<double> MapReader::with_unit(std::string_view key, bool required, double (*parse)(std::string_view),
                                           const char* example) const
{
  auto text = scalar(key, required, example);
  if (!text)
    return std::nullopt;
  try {
    return parse(*text);
  } catch (const std::invalid_argument& e) {
    ctx_.error(pos_of_value(key), fmt::format("'{}' of {} must be {}, found '{}'", key, what_, e.what(), *text));
    return std::nullopt;
  }
}

std::optional<double> MapReader::duration(std::string_view key, bool required) const
{
  return with_unit(key, required, core::parse_duration, "a duration such as '90min'");
}
std::optional<double> MapReader::size(std::string_view key, bool required) const
{
  return with_unit(key, required, core::parse_size, "a size such as '40TB'");
}
std::optional<double> MapReader::bandwidth(std::string_view key, bool required) const
{
  return with_unit(key, required, core::parse_bandwidth, "a bandwidth such as '1Gbps'");
}
std::optional<double> MapReader::rate(std::string_view key, bool required) const
{
  return with_unit(key, required, core::parse_rate, "a rate such as '6/h'");
}

std::optional<double> MapReader::distance_km(std::string_view key, bool required) const
{
  return with_unit(key, required, core::parse_distance_km, "a distance such as '60km'");
}

std::optional<std::vector<Located>> MapReader::id_list(std::string_view key, bool required) const
{
  if (!has(key)) {
    if (required)
      require(key);
    return std::nullopt;
  }
  YAML::Node v = get(key);
  if (!v.IsSequence()) {
    ctx_.error(pos_of(v), fmt::format("'{}' of {} must be a list such as [a, b], found {}", key, what_,
                                      describe_found(v)));
    return std::nullopt;
  }
  std::vector<Located> out;
  bool ok = true;
  for (const auto& item : v) {
    if (!item.IsScalar() || !is_reference(item.Scalar())) {
      ctx_.error(pos_of(item), fmt::format("items of '{}' in {} must be identifiers, found {}", key, what_,
                                           describe_found(item)));
      ok = false;
      continue;
    }
    out.push_back({item.Scalar(), pos_of(item)});
  }
  return ok ? std::optional<std::vector<Located>>(std::move(out)) : std::nullopt;
}

void MapReader::report_bad_enum(std::string_view key, const std::string& value,
                                const std::vector<std::string>& allowed) const
{
  ctx_.error(pos_of_value(key), fmt::format("unknown value '{}' for '{}' in {}{} (allowed: {})", value, key, what_,
                                            core::did_you_mean(value, allowed), core::join(allowed)));
}

void MapReader::report_bad_enum_at(std::string_view key, const Located& value,
                                   const std::vector<std::string>& allowed) const
{
  ctx_.error(value.pos, fmt::format("unknown value '{}' in '{}' of {}{} (allowed: {})", value.value, key, what_,
                                    core::did_you_mean(value.value, allowed), core::join(allowed)));
}

} // namespace ricochet::scenario::detail

namespace ricochet::scenario {

bool is_identifier(std::string_view text)
{
  // Not empty and not only dots: ids also name directories (a batch's runs/VARIANT/), where '.' and '..' are not.
  if (text.find_first_not_of('.') == std::string_view::npos)
    return false;
  for (char c : text)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.')
      return false;
  return true;
}

} // namespace ricochet::scenario
