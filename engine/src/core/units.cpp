#include "ricochet/core/units.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>
#include <cmath>
#include <stdexcept>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace ricochet::core {
namespace {

struct Unit {
  std::string_view name;
  double factor;
};

// A leading unsigned decimal number ("12", "0.5", "3."); returns the number of characters consumed (0 if none).
// Read with std::from_chars: a number too large for a double (400 digits) is infinite here, and refused by the
// caller's bound, rather than an std::out_of_range from std::stod; one too small to be told from 0 is not a number.
std::size_t read_number(std::string_view text, double& value)
{
  std::size_t i = 0;
  bool digits   = false;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    ++i;
    digits = true;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      digits = true;
    }
  }
  if (!digits)
    return 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + i, value, std::chars_format::fixed);
  if (ec == std::errc::result_out_of_range) {
    std::string_view whole = text.substr(0, std::min(i, text.find('.')));
    if (whole.find_first_not_of('0') == std::string_view::npos)
      return 0; // so small that it reads as 0: not a number we can honour
    value = std::numeric_limits<double>::infinity(); // above every bound
    return i;
  }
  if (ec != std::errc() || end != text.data() + i)
    return 0;
  return i;
}

// Longest unit name that prefixes text, or nullptr.
const Unit* match_unit(std::string_view text, const std::vector<Unit>& units)
{
  const Unit* best = nullptr;
  for (const auto& u : units)
    if (text.substr(0, u.name.size()) == u.name && (best == nullptr || u.name.size() > best->name.size()))
      best = &u;
  return best;
}

// The quantity's grammar and its upper bound, for messages.
struct Kind {
  const std::vector<Unit>& units;
  const char* expected; ///< "a size such as ..."
  double max;           ///< in base units
  const char* bounded;  ///< "a size of at most 1EB (10^18 bytes)"
};

double check_bound(double value, const Kind& kind)
{
  if (!(value <= kind.max)) // also refuses NaN
    throw AboveBound(kind.bounded);
  return value;
}

// "<number><unit>" exactly once, no spaces.
double parse_single(std::string_view text, const Kind& kind)
{
  double value  = 0;
  std::size_t n = read_number(text, value);
  if (n == 0)
    throw std::invalid_argument(kind.expected);
  const Unit* u = match_unit(text.substr(n), kind.units);
  if (u == nullptr || n + u->name.size() != text.size())
    throw std::invalid_argument(kind.expected);
  return check_bound(value * u->factor, kind);
}

const std::vector<Unit>& duration_units()
{
  static const std::vector<Unit> units{{"ms", 1e-3}, {"s", 1},        {"min", 60},
                                       {"h", 3600},  {"d", 86400}, {"w", 7 * 86400}};
  return units;
}

} // namespace

double parse_duration(std::string_view text)
{
  static const Kind kind{duration_units(),
                         "a duration such as '90min', '3h', '2d' or '1h30min' (units: ms, s, min, h, d, w)",
                         MAX_DURATION_S, "a duration of at most 365d (one year)"};
  if (text.empty())
    throw std::invalid_argument(kind.expected);
  double total = 0;
  while (!text.empty()) { // compound form: 1h30min
    double value  = 0;
    std::size_t n = read_number(text, value);
    if (n == 0)
      throw std::invalid_argument(kind.expected);
    const Unit* u = match_unit(text.substr(n), duration_units());
    if (u == nullptr)
      throw std::invalid_argument(kind.expected);
    total += value * u->factor;
    text.remove_prefix(n + u->name.size());
  }
  return check_bound(total, kind);
}

double parse_size(std::string_view text)
{
  static const std::vector<Unit> units{
      {"B", 1},           {"kB", 1e3},           {"KB", 1e3},           {"MB", 1e6},
      {"GB", 1e9},        {"TB", 1e12},          {"PB", 1e15},          {"KiB", 1024.0},
      {"MiB", 1048576.0}, {"GiB", 1073741824.0}, {"TiB", 1099511627776.0}, {"PiB", 1125899906842624.0}};
  static const Kind kind{units, "a size such as '40TB', '500GB' or '2TiB' (units: B, kB, MB, GB, TB, PB, KiB..PiB)",
                         MAX_SIZE_B, "a size of at most 1000PB"};
  return parse_single(text, kind);
}

double parse_bandwidth(std::string_view text)
{
  static const std::vector<Unit> units{{"bps", 1 / 8.0},  {"kbps", 1e3 / 8},  {"Kbps", 1e3 / 8}, {"Mbps", 1e6 / 8},
                                       {"Gbps", 1e9 / 8}, {"Tbps", 1e12 / 8}, {"B/s", 1},         {"kB/s", 1e3},
                                       {"KB/s", 1e3},     {"MB/s", 1e6},      {"GB/s", 1e9},     {"TB/s", 1e12}};
  static const Kind kind{units, "a bandwidth such as '1Gbps', '100Mbps' or '125MB/s'", MAX_BANDWIDTH_BPS,
                         "a bandwidth of at most 100Tbps"};
  return parse_single(text, kind);
}

double parse_rate(std::string_view text)
{
  static const std::vector<Unit> units{{"/s", 1}, {"/min", 1 / 60.0}, {"/h", 1 / 3600.0}, {"/d", 1 / 86400.0},
                                       {"/w", 1 / (7 * 86400.0)}};
  static const Kind kind{units, "a rate such as '6/h', '120/d' or '0.5/min'", MAX_RATE_PER_S,
                         "a rate of at most 100/s (360000/h)"};
  return parse_single(text, kind);
}

double parse_distance_km(std::string_view text)
{
  static const std::vector<Unit> units{{"m", 1e-3}, {"km", 1.0}};
  static const Kind kind{units, "a distance such as '60km' or '500m'", MAX_DISTANCE_KM,
                         "a distance of at most 20000km"};
  return parse_single(text, kind);
}

std::string format_duration(double seconds)
{
  if (seconds < 0)
    return "-" + format_duration(-seconds);
  if (seconds > 0 && seconds < 1)
    return fmt::format("{:g}ms", std::round(seconds * 1e6) / 1e3);
  if (seconds < 60)
    return fmt::format("{:g}s", std::round(seconds * 1000) / 1000);
  auto total = static_cast<long long>(std::llround(seconds));
  long long d = total / 86400, h = total % 86400 / 3600, m = total % 3600 / 60, s = total % 60;
  std::string out;
  auto add = [&out](long long v, const char* unit) {
    if (v == 0)
      return;
    if (!out.empty())
      out += ' ';
    out += fmt::format("{}{}", v, unit);
  };
  add(d, "d");
  add(h, "h");
  add(m, "min");
  if (d == 0)
    add(s, "s");
  return out;
}

namespace {
std::string format_scaled(double value, const std::vector<std::pair<double, const char*>>& steps)
{
  for (const auto& [factor, name] : steps)
    if (value >= factor)
      return fmt::format("{:g} {}", std::round(value / factor * 100) / 100, name);
  return fmt::format("{:g} {}", value, steps.back().second);
}
} // namespace

std::string format_size(double bytes)
{
  return format_scaled(bytes, {{1e15, "PB"}, {1e12, "TB"}, {1e9, "GB"}, {1e6, "MB"}, {1e3, "kB"}, {1, "B"}});
}

std::string format_bandwidth(double bytes_per_second)
{
  return format_scaled(bytes_per_second * 8,
                       {{1e12, "Tbps"}, {1e9, "Gbps"}, {1e6, "Mbps"}, {1e3, "kbps"}, {1, "bps"}});
}

} // namespace ricochet::core
