#pragma once
// Local civil time of the exercise: the scenario starts at a local date-time in an IANA time zone and the
// simulation counts seconds from there. Daylight-saving changes are honoured (tzdata), by one rule that every
// caller shares (docs/scenario-format.md, "Local time and daylight saving"):
//  - an absolute local date-time that clocks skip (02:30 on the night they go from 02:00 to 03:00) is an error
//    naming the nearest real times; one they repeat (02:30 on the night they go back) is its first occurrence
//    (summer time);
//  - a time of day ("every night at 02:30") that clocks skip is the first instant after the gap (03:00); one they
//    repeat is its first occurrence.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ricochet::core {

/** Thrown for a local date-time that clocks skip in the zone; what() says so and names the nearest real times
 *  ("'2026-03-29 02:30' does not exist in Europe/Paris (clocks go from 02:00 straight to 03:00 that day); did you
 *  mean 03:30 or 01:30?"). */
class SkippedLocalTime : public std::invalid_argument {
public:
  using std::invalid_argument::invalid_argument;
};

/** A broken-down local time. weekday: 0 = Monday ... 6 = Sunday. */
struct LocalTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int weekday    = 0;
  long utc_offset_s = 0;
  std::string zone_abbrev;
};

/** Years a local date-time may name. */
inline constexpr int MIN_YEAR = 1970, MAX_YEAR = 2199;

/** Checks the shape of a local date-time ("YYYY-MM-DD HH:MM", "YYYY-MM-DDTHH:MM[:SS]", years MIN_YEAR..MAX_YEAR).
 *  @throw std::invalid_argument saying what was expected */
void check_local_datetime(std::string_view text);

/** True if name is a zone or link that this machine's tzdata lists (/usr/share/zoneinfo/tzdata.zi) and whose
 *  file is a TZif zone (e.g. "Europe/Paris", "UTC"); false for the other files of the zoneinfo directory
 *  (zone.tab, iso3166.tab, localtime, right/...). */
[[nodiscard]] bool is_known_timezone(const std::string& name);

/** For an unknown zone: "; did you mean 'Europe/Paris'?", or "" when nothing is close, or why no zone is known. */
[[nodiscard]] std::string timezone_hint(const std::string& name);

/** Maps simulated seconds to local civil time and back. */
class LocalClock {
public:
  /** @param start_local "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM[:SS]" in zone tz
   *  @throw std::invalid_argument if the zone is unknown, the date-time is malformed, is no date (30 February) or
   *  does not exist in the zone (SkippedLocalTime) */
  LocalClock(std::string tz, std::string_view start_local);

  [[nodiscard]] const std::string& timezone() const noexcept { return tz_; }
  /** Seconds since the Unix epoch (UTC) of simulated time 0. */
  [[nodiscard]] std::int64_t start_epoch() const noexcept { return start_epoch_; }
  /** Local time at a simulated instant (seconds since start). */
  [[nodiscard]] LocalTime at(double sim_seconds) const;
  /** Simulated seconds at a local date-time (may be negative: before the start); a repeated one is its first
   *  occurrence. @throw std::invalid_argument if the text is not a local date-time, SkippedLocalTime if clocks
   *  skip it */
  [[nodiscard]] double offset_of(std::string_view local) const;
  /** Seconds from sim_seconds to the next instant (later or equal) whose local time of day is minute_of_day; on
   *  the night clocks skip it, the first instant after the gap; on the night they repeat it, its first occurrence. */
  [[nodiscard]] double until_time_of_day(double sim_seconds, int minute_of_day) const;
  /** "2026-10-19T03:00:00+02:00", for machine-readable outputs. */
  [[nodiscard]] std::string iso(double sim_seconds) const;
  /** "Sun 19 Oct 03:00", for timelines read by people. */
  [[nodiscard]] std::string human(double sim_seconds) const;

private:
  std::string tz_;
  std::int64_t start_epoch_ = 0;
};

} // namespace ricochet::core
