#include "ricochet/core/local_time.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "ricochet/core/suggest.hpp"

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

namespace {

const char* const ZONEINFO = "/usr/share/zoneinfo";

// The zones and links tzdata lists ("Z Europe/Paris ...", "L Europe/Kyiv Europe/Kiev"): the directory also holds
// tables (zone.tab, iso3166.tab), the machine's own zone (localtime) and leap-second variants (right/...), which
// the C library would read as UTC or as another clock.
const std::vector<std::string>& tzdata_names()
{
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    std::ifstream in(std::string(ZONEINFO) + "/tzdata.zi");
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream words(line);
      std::string kind, first, second;
      words >> kind >> first >> second;
      if (kind == "Z" && !first.empty())
        out.push_back(first);
      else if (kind == "L" && !second.empty())
        out.push_back(second);
    }
    std::sort(out.begin(), out.end());
    return out;
  }();
  return names;
}

bool is_tzif(const std::string& name)
{
  std::ifstream in(std::string(ZONEINFO) + "/" + name, std::ios::binary);
  char magic[4] = {};
  return in.read(magic, 4) && std::string_view(magic, 4) == "TZif";
}

} // namespace

bool is_known_timezone(const std::string& name)
{
  const auto& names = tzdata_names();
  return std::binary_search(names.begin(), names.end(), name) && is_tzif(name);
}

std::string timezone_hint(const std::string& name)
{
  if (tzdata_names().empty())
    return fmt::format(" (tzdata's list of zones, {}/tzdata.zi, cannot be read: is the tzdata package installed?)",
                       ZONEINFO);
  return did_you_mean(name, tzdata_names());
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
  // Before 1970 zones keep local mean times with seconds in their offsets, which ISO 8601 outputs cannot write; past
  // 2199 is no exercise, and a year's run from there still has a 4-digit year.
  if (tm.tm_year < MIN_YEAR || tm.tm_year > MAX_YEAR)
    throw std::invalid_argument(fmt::format("expected a local date-time in the years {} to {}, found '{}'", MIN_YEAR,
                                            MAX_YEAR, text));
  tm.tm_sec = sec;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  tm.tm_isdst = -1;
  return out;
}

// A wall-clock time read as if it were UTC: seconds since 1970-01-01 00:00 of that calendar.
std::int64_t wall_seconds(const std::tm& wall)
{
  std::tm copy = wall;
  return static_cast<std::int64_t>(::timegm(&copy));
}

std::tm wall_of(std::int64_t seconds)
{
  auto t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  return tm;
}

// The zone's offset from UTC at an instant (use_zone first).
long offset_at(std::int64_t epoch)
{
  auto t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  ::localtime_r(&t, &tm);
  return tm.tm_gmtoff;
}

// Where a local wall-clock time falls in the zone: at one instant, at two (the hour clocks go back: `epoch` is the
// first, in summer time), or at none (the hour clocks skip: `epoch` is the first instant after the gap).
struct Resolved {
  enum class Kind { ONE, TWO, NONE } kind = Kind::ONE;
  std::int64_t epoch = 0;
  long before = 0, after = 0; ///< offsets either side of the gap (NONE)
};

Resolved resolve(const std::tm& wall)
{
  const std::int64_t local = wall_seconds(wall);
  // A day either side is beyond any offset: the offsets in force before and after a change near this time.
  const long before = offset_at(local - 86400), after = offset_at(local + 86400);
  std::vector<std::int64_t> hits;
  for (long offset : {before, after})
    if (offset_at(local - offset) == offset)
      hits.push_back(local - offset);
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  if (!hits.empty())
    return {hits.size() == 1 ? Resolved::Kind::ONE : Resolved::Kind::TWO, hits.front(), before, after};
  // In the gap: local - after is before the change, local - before after it. The change is the first instant
  // that has the new offset.
  std::int64_t lo = local - after, hi = local - before;
  while (hi - lo > 1) {
    std::int64_t mid = lo + (hi - lo) / 2;
    (offset_at(mid) == before ? lo : hi) = mid;
  }
  return {Resolved::Kind::NONE, hi, before, after};
}

std::string hhmm(const std::tm& tm)
{
  return tm.tm_sec == 0 ? fmt::format("{:02}:{:02}", tm.tm_hour, tm.tm_min)
                        : fmt::format("{:02}:{:02}:{:02}", tm.tm_hour, tm.tm_min, tm.tm_sec);
}

// The rule for an absolute local date-time: one that clocks skip is an error with the two nearest real times; one
// they repeat is its first occurrence. The date is checked too (30 February is not 2 March).
std::int64_t epoch_of(const std::string& tz, std::string_view text)
{
  std::tm wall = parse_local_datetime(text).tm;
  std::tm norm = wall_of(wall_seconds(wall));
  if (norm.tm_mday != wall.tm_mday || norm.tm_mon != wall.tm_mon)
    throw std::invalid_argument("no such date: '" + std::string(text) + "'");
  use_zone(tz);
  Resolved r = resolve(wall);
  if (r.kind != Resolved::Kind::NONE)
    return r.epoch;
  std::int64_t local = wall_seconds(wall), skipped = r.after - r.before;
  throw SkippedLocalTime(fmt::format(
      "'{}' does not exist in {} (clocks go from {} straight to {} that day); did you mean {} or {}?", text, tz,
      hhmm(wall_of(r.epoch + r.before)), hhmm(wall_of(r.epoch + r.after)), hhmm(wall_of(local + skipped)),
      hhmm(wall_of(local - skipped))));
}

} // namespace

void check_local_datetime(std::string_view text) { (void)parse_local_datetime(text); }

LocalClock::LocalClock(std::string tz, std::string_view start_local) : tz_(std::move(tz))
{
  if (!is_known_timezone(tz_))
    throw std::invalid_argument("unknown time zone '" + tz_ + "' (expected an IANA name such as 'Europe/Paris')");
  start_epoch_ = epoch_of(tz_, start_local);
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
  return static_cast<double>(epoch_of(tz_, local) - start_epoch_);
}

double LocalClock::until_time_of_day(double sim_seconds, int minute_of_day) const
{
  // The time of day on the current local day, else the next one's (a day later, two across a change of date
  // arithmetic at midnight). On the night clocks skip it, it is the first instant after the gap (03:00 for 02:30
  // in Europe/Paris); on the night they repeat it, its first occurrence.
  LocalTime now = at(sim_seconds);
  std::tm wall{};
  wall.tm_year = now.year - 1900;
  wall.tm_mon  = now.month - 1;
  wall.tm_hour = minute_of_day / 60;
  wall.tm_min  = minute_of_day % 60;
  for (int day = 0; day < 3; ++day) {
    wall.tm_mday = now.day + day;
    std::tm date = wall_of(wall_seconds(wall)); // normalised: 32 October is 1 November
    use_zone(tz_);
    double t = static_cast<double>(resolve(date).epoch - start_epoch_);
    if (t >= sim_seconds)
      return t - sim_seconds;
  }
  throw std::logic_error("until_time_of_day: no such time within two days"); // unreachable: a day has every time
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
