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
