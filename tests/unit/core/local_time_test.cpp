#include <stdexcept>

#include <catch2/catch.hpp>

#include "ricochet/core/local_time.hpp"

using namespace ricochet::core;

TEST_CASE("core: local clock", "[core]")
{
  SECTION("start in summer time, crossing the end of daylight saving") {
    // 2026-10-24 22:00 CEST; clocks go back at 03:00 CEST on Sunday 25 October 2026.
    LocalClock clock("Europe/Paris", "2026-10-24 22:00");
    REQUIRE(clock.iso(0) == "2026-10-24T22:00:00+02:00");
    REQUIRE(clock.at(0).weekday == 5); // Saturday
    REQUIRE(clock.iso(5 * 3600) == "2026-10-25T02:00:00+01:00");
    REQUIRE(clock.human(5 * 3600) == "Sun 25 Oct 02:00");
  }
  SECTION("the 'T' form and seconds") {
    LocalClock clock("Europe/Paris", "2026-02-10T09:30:15");
    REQUIRE(clock.iso(0) == "2026-02-10T09:30:15+01:00");
    REQUIRE(clock.at(0).weekday == 1); // Tuesday
  }
  SECTION("bad input") {
    REQUIRE_THROWS_WITH(LocalClock("Europe/Pariss", "2026-10-24 22:00"), Catch::Contains("unknown time zone"));
    REQUIRE_THROWS_WITH(LocalClock("Europe/Paris", "24/10/2026 22:00"), Catch::Contains("YYYY-MM-DD HH:MM"));
    REQUIRE_THROWS_WITH(LocalClock("Europe/Paris", "2026-02-30 10:00"), Catch::Contains("no such date"));
    REQUIRE_THROWS_WITH(LocalClock("Europe/Paris", "2026-02-10 10:00").offset_of("2026-02-30 10:00"),
                        Catch::Contains("no such date"));
    REQUIRE(LocalClock("Europe/Paris", "2026-02-10 10:00").offset_of("2026-02-11 10:00") == 86400.0);
    REQUIRE_THROWS_AS(LocalClock("Europe/Paris", "2026-10-24 25:00"), std::invalid_argument);
    REQUIRE_FALSE(is_known_timezone("../../etc/passwd"));
  }
}

TEST_CASE("core: one daylight-saving rule for every local time", "[core]")
{
  // Europe/Paris 2026: clocks go from 02:00 to 03:00 on Sunday 29 March, from 03:00 back to 02:00 on 25 October.
  SECTION("an absolute date-time that clocks skip is an error naming the real times around it") {
    const char* message = "'2026-03-29 02:30' does not exist in Europe/Paris (clocks go from 02:00 straight to 03:00 "
                          "that day); did you mean 03:30 or 01:30?";
    REQUIRE_THROWS_MATCHES(LocalClock("Europe/Paris", "2026-03-29 02:30"), SkippedLocalTime,
                           Catch::Message(message));
    LocalClock clock("Europe/Paris", "2026-03-28 22:00");
    REQUIRE_THROWS_MATCHES(clock.offset_of("2026-03-29 02:30"), SkippedLocalTime, Catch::Message(message));
    REQUIRE_THROWS_AS(clock.offset_of("2026-03-29 02:00"), SkippedLocalTime);
    REQUIRE(clock.offset_of("2026-03-29 01:59") == 3 * 3600 + 59 * 60);
    REQUIRE(clock.offset_of("2026-03-29 03:00") == 4 * 3600); // 02:00 CET is 03:00 CEST: one instant
  }
  SECTION("a repeated date-time is its first occurrence, in summer time") {
    LocalClock start("Europe/Paris", "2026-10-25 02:30");
    REQUIRE(start.iso(0) == "2026-10-25T02:30:00+02:00");
    LocalClock clock("Europe/Paris", "2026-10-24 22:00");
    REQUIRE(clock.offset_of("2026-10-25 02:30") == 4.5 * 3600);
    REQUIRE(clock.offset_of("2026-10-25 03:00") == 6 * 3600);
  }
  SECTION("a time of day that clocks skip is the first instant after the gap") {
    LocalClock clock("Europe/Paris", "2026-03-28 22:00");
    double wait = clock.until_time_of_day(0, 2 * 60 + 30); // before: 01:30, an hour early
    REQUIRE(wait == 4 * 3600);
    REQUIRE(clock.iso(wait) == "2026-03-29T03:00:00+02:00");
    REQUIRE(clock.iso(clock.until_time_of_day(0, 3 * 60 + 30)) == "2026-03-29T03:30:00+02:00");
    REQUIRE(clock.iso(clock.until_time_of_day(0, 1 * 60 + 30)) == "2026-03-29T01:30:00+01:00");
    REQUIRE(clock.iso(wait + 1 + clock.until_time_of_day(wait + 1, 2 * 60 + 30)) == "2026-03-30T02:30:00+02:00");
  }
  SECTION("a repeated time of day is its first occurrence") {
    LocalClock clock("Europe/Paris", "2026-10-24 22:00");
    double wait = clock.until_time_of_day(0, 2 * 60 + 30);
    REQUIRE(clock.iso(wait) == "2026-10-25T02:30:00+02:00");
    REQUIRE(clock.iso(wait + 1 + clock.until_time_of_day(wait + 1, 2 * 60 + 30)) == "2026-10-26T02:30:00+01:00");
    REQUIRE(clock.iso(clock.until_time_of_day(0, 22 * 60)) == "2026-10-24T22:00:00+02:00"); // now counts
    REQUIRE(clock.iso(1 + clock.until_time_of_day(1, 22 * 60)) == "2026-10-25T22:00:00+01:00");
  }
}

TEST_CASE("core: only the zones tzdata lists are time zones", "[core]")
{
  for (const char* zone : {"Europe/Paris", "UTC", "Europe/Kiev", "America/New_York", "Etc/GMT-2"})
    REQUIRE(is_known_timezone(zone));
  // Files of the zoneinfo directory that are not zones: before, they were accepted and the run used UTC.
  for (const char* file : {"zone.tab", "iso3166.tab", "zone1970.tab", "tzdata.zi", "leap-seconds.list", "localtime",
                           "right/Europe/Paris", "Europe", "", "/etc/localtime", "../../etc/passwd"})
    REQUIRE_FALSE(is_known_timezone(file));
  REQUIRE(timezone_hint("Europe/Pariss") == "; did you mean 'Europe/Paris'?");
  REQUIRE_THROWS_WITH(LocalClock("zone.tab", "2026-10-24 22:00"), Catch::Contains("unknown time zone 'zone.tab'"));
}
