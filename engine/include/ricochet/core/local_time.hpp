#pragma once
// Local civil time of the exercise: the scenario starts at a local date-time in an IANA time zone and the
// simulation counts seconds from there. Daylight-saving changes are honoured (tzdata).
#include <cstdint>
#include <string>
#include <string_view>

namespace ricochet::core {

/** A broken-down local time. weekday: 0 = Monday ... 6 = Sunday. */
struct LocalTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int weekday    = 0;
  long utc_offset_s = 0;
  std::string zone_abbrev;
};

/** Checks the shape of a local date-time ("YYYY-MM-DD HH:MM", "YYYY-MM-DDTHH:MM[:SS]").
 *  @throw std::invalid_argument saying what was expected */
void check_local_datetime(std::string_view text);

/** True if name is an IANA zone known to this machine's tzdata (e.g. "Europe/Paris"). */
[[nodiscard]] bool is_known_timezone(const std::string& name);

/** Maps simulated seconds to local civil time and back. */
class LocalClock {
public:
  /** @param start_local "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM[:SS]" in zone tz
   *  @throw std::invalid_argument if the zone is unknown or the date-time is malformed */
  LocalClock(std::string tz, std::string_view start_local);

  [[nodiscard]] const std::string& timezone() const noexcept { return tz_; }
  /** Seconds since the Unix epoch (UTC) of simulated time 0. */
  [[nodiscard]] std::int64_t start_epoch() const noexcept { return start_epoch_; }
  /** Local time at a simulated instant (seconds since start). */
  [[nodiscard]] LocalTime at(double sim_seconds) const;
  /** Simulated seconds at a local date-time (may be negative: before the start).
   *  @throw std::invalid_argument if the text is not a local date-time */
  [[nodiscard]] double offset_of(std::string_view local) const;
  /** Seconds from sim_seconds to the next instant (strictly later or equal) whose local time of day is
   *  minute_of_day, honouring daylight-saving changes. */
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
