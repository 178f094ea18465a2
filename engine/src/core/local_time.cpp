#include "ricochet/core/local_time.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

namespace ricochet::core {
namespace {

// The C library converts in the zone named by $TZ; we are single-threaded where this is used.
void use_zone(const std::string& tz)
{
  static std::string current;
  if (current == tz)
    return;
  ::setenv("TZ", (":" + tz).c_str(), 1);
  ::tzset();
  current = tz;
}

const char* const WEEKDAYS[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char* const MONTHS[]   = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

} // namespace

bool is_known_timezone(const std::string& name)
{
  if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos)
    return false;
  std::error_code ec;
  return std::filesystem::is_regular_file(std::filesystem::path("/usr/share/zoneinfo") / name, ec);
}

namespace {

struct ParsedDateTime {
  std::tm tm{};
};

ParsedDateTime parse_local_datetime(std::string_view start_local)
{
  ParsedDateTime out;
  std::tm& tm = out.tm;
  int sec     = 0;
  char sep    = 0;
  std::string text(start_local);
  int n = std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &sep,
                      &tm.tm_hour, &tm.tm_min, &sec);
  bool shape_ok = (n == 6 || n == 7) && (sep == ' ' || sep == 'T') && text.size() == (n == 6 ? 16u : 19u);
  if (!shape_ok || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
      tm.tm_min > 59 || sec > 59)
    throw std::invalid_argument("expected a local date-time 'YYYY-MM-DD HH:MM' (e.g. '2026-10-18 22:00'), found '" +
                                text + "'");
  tm.tm_sec = sec;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  tm.tm_isdst = -1;
  return out;
}

} // namespace

void check_local_datetime(std::string_view text) { (void)parse_local_datetime(text); }

LocalClock::LocalClock(std::string tz, std::string_view start_local) : tz_(std::move(tz))
{
  if (!is_known_timezone(tz_))
    throw std::invalid_argument("unknown time zone '" + tz_ + "' (expected an IANA name such as 'Europe/Paris')");
  std::tm tm   = parse_local_datetime(start_local).tm;
  int want_day = tm.tm_mday;
  use_zone(tz_);
  std::time_t t = std::mktime(&tm);
  if (t == static_cast<std::time_t>(-1) || tm.tm_mday != want_day)
    throw std::invalid_argument("no such date: '" + std::string(start_local) + "'");
  start_epoch_ = static_cast<std::int64_t>(t);
}

LocalTime LocalClock::at(double sim_seconds) const
{
  use_zone(tz_);
  auto t = static_cast<std::time_t>(start_epoch_ + static_cast<std::int64_t>(std::floor(sim_seconds)));
  std::tm tm{};
  ::localtime_r(&t, &tm);
  LocalTime out;
  out.year         = tm.tm_year + 1900;
  out.month        = tm.tm_mon + 1;
  out.day          = tm.tm_mday;
  out.hour         = tm.tm_hour;
  out.minute       = tm.tm_min;
  out.second       = tm.tm_sec;
  out.weekday      = (tm.tm_wday + 6) % 7;
  out.utc_offset_s = tm.tm_gmtoff;
  out.zone_abbrev  = tm.tm_zone != nullptr ? tm.tm_zone : "";
  return out;
}

double LocalClock::offset_of(std::string_view local) const
{
  std::tm tm   = parse_local_datetime(local).tm;
  int want_day = tm.tm_mday;
  use_zone(tz_);
  std::time_t t = std::mktime(&tm);
  if (t == static_cast<std::time_t>(-1) || tm.tm_mday != want_day) // 30 February is not 2 March
    throw std::invalid_argument("no such date: '" + std::string(local) + "'");
  return static_cast<double>(static_cast<std::int64_t>(t) - start_epoch_);
}

double LocalClock::until_time_of_day(double sim_seconds, int minute_of_day) const
{
  // Walk minute by minute is too slow; step through the next two days by local-day arithmetic instead.
  LocalTime now = at(sim_seconds);
  double now_s  = now.hour * 3600.0 + now.minute * 60.0 + now.second + (sim_seconds - std::floor(sim_seconds));
  double target = minute_of_day * 60.0;
  double wait   = target - now_s;
  if (wait < 0)
    wait += 86400.0;
  // A daylight-saving change in between shifts the civil clock by its offset difference.
  LocalTime then = at(sim_seconds + wait);
  wait += static_cast<double>(now.utc_offset_s - then.utc_offset_s);
  return wait < 0 ? wait + 86400.0 : wait;
}

std::string LocalClock::iso(double sim_seconds) const
{
  LocalTime lt = at(sim_seconds);
  long off     = lt.utc_offset_s;
  char sign    = off < 0 ? '-' : '+';
  off          = std::labs(off);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", lt.year, lt.month, lt.day, lt.hour, lt.minute,
                     lt.second, sign, off / 3600, off % 3600 / 60);
}

std::string LocalClock::human(double sim_seconds) const
{
  LocalTime lt = at(sim_seconds);
  return fmt::format("{} {:02} {} {:02}:{:02}", WEEKDAYS[lt.weekday], lt.day, MONTHS[lt.month - 1], lt.hour, lt.minute);
}

} // namespace ricochet::core
