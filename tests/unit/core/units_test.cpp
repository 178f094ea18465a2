#include <stdexcept>

#include <catch2/catch.hpp>

#include "ricochet/core/units.hpp"

using namespace ricochet::core;

TEST_CASE("core: duration parsing", "[core]")
{
  SECTION("single units") {
    REQUIRE(parse_duration("90min") == 5400.0);
    REQUIRE(parse_duration("3h") == 10800.0);
    REQUIRE(parse_duration("2d") == 172800.0);
    REQUIRE(parse_duration("1w") == 604800.0);
    REQUIRE(parse_duration("45s") == 45.0);
    REQUIRE(parse_duration("250ms") == Approx(0.25));
  }
  SECTION("decimals and compound forms") {
    REQUIRE(parse_duration("1.5h") == 5400.0);
    REQUIRE(parse_duration("1h30min") == 5400.0);
    REQUIRE(parse_duration("2d12h") == 216000.0);
    REQUIRE(parse_duration("0s") == 0.0);
  }
  SECTION("no unit, unknown unit, spaces and signs are errors") {
    for (const char* bad : {"90", "", "3 h", "3hours", "h", "-3h", "3h ", "1.h2", "3H"})
      REQUIRE_THROWS_AS(parse_duration(bad), std::invalid_argument);
  }
  SECTION("the message says what is expected") {
    REQUIRE_THROWS_WITH(parse_duration("90"), Catch::Contains("'90min'") && Catch::Contains("units: ms, s, min, h, d, w"));
  }
}

TEST_CASE("core: size parsing", "[core]")
{
  REQUIRE(parse_size("40TB") == 40e12);
  REQUIRE(parse_size("500GB") == 500e9);
  REQUIRE(parse_size("1.5kB") == 1500.0);
  REQUIRE(parse_size("2TiB") == 2.0 * 1099511627776.0);
  REQUIRE(parse_size("12B") == 12.0);
  for (const char* bad : {"40", "40 TB", "40tb", "40Tb", "TB", "4e3GB"})
    REQUIRE_THROWS_AS(parse_size(bad), std::invalid_argument);
}

TEST_CASE("core: bandwidth parsing", "[core]")
{
  SECTION("bits per second") {
    REQUIRE(parse_bandwidth("1Gbps") == 125e6);
    REQUIRE(parse_bandwidth("100Mbps") == 12.5e6);
    REQUIRE(parse_bandwidth("64kbps") == 8000.0);
  }
  SECTION("bytes per second") { REQUIRE(parse_bandwidth("125MB/s") == 125e6); }
  SECTION("a size is not a bandwidth") {
    REQUIRE_THROWS_AS(parse_bandwidth("1GB"), std::invalid_argument);
    REQUIRE_THROWS_AS(parse_bandwidth("1G"), std::invalid_argument);
  }
}

TEST_CASE("core: rate parsing", "[core]")
{
  REQUIRE(parse_rate("6/h") == Approx(6.0 / 3600));
  REQUIRE(parse_rate("120/d") == Approx(120.0 / 86400));
  REQUIRE(parse_rate("0.5/min") == Approx(0.5 / 60));
  REQUIRE(parse_rate("2/s") == 2.0);
  for (const char* bad : {"6", "6/hour", "/h", "6 /h"})
    REQUIRE_THROWS_AS(parse_rate(bad), std::invalid_argument);
}

TEST_CASE("core: every quantity has an upper bound and a number of 400 digits is an input error", "[core]")
{
  // Before: std::stod threw std::out_of_range ("internal error: stod"), and 100000w or 1e308s were accepted.
  const std::string huge = "1" + std::string(400, '0');
  const std::string tiny = "0." + std::string(400, '0') + "1";
  SECTION("at the bound is accepted, past it is refused with the bound in the message") {
    REQUIRE(parse_duration("365d") == MAX_DURATION_S);
    REQUIRE(parse_duration("52w1d") == MAX_DURATION_S);
    REQUIRE_THROWS_WITH(parse_duration("366d"), "a duration of at most 365d (one year)");
    REQUIRE_THROWS_WITH(parse_duration("100000w"), "a duration of at most 365d (one year)");
    REQUIRE_THROWS_WITH(parse_duration("365d1ms"), "a duration of at most 365d (one year)");
    REQUIRE(parse_size("1000PB") == MAX_SIZE_B);
    REQUIRE_THROWS_WITH(parse_size("1001PB"), "a size of at most 1000PB");
    REQUIRE(parse_bandwidth("100Tbps") == MAX_BANDWIDTH_BPS);
    REQUIRE_THROWS_WITH(parse_bandwidth("13TB/s"), "a bandwidth of at most 100Tbps");
    REQUIRE(parse_rate("100/s") == MAX_RATE_PER_S);
    REQUIRE_THROWS_WITH(parse_rate("360001/h"), "a rate of at most 100/s (360000/h)");
    REQUIRE(parse_distance_km("20000km") == MAX_DISTANCE_KM);
    REQUIRE_THROWS_WITH(parse_distance_km("20000001m"), "a distance of at most 20000km");
  }
  SECTION("400 digits: std::invalid_argument naming the bound, in every kind") {
    REQUIRE_THROWS_WITH(parse_duration(huge + "s"), "a duration of at most 365d (one year)");
    REQUIRE_THROWS_WITH(parse_duration("1h" + huge + "min"), "a duration of at most 365d (one year)");
    REQUIRE_THROWS_WITH(parse_size(huge + "B"), "a size of at most 1000PB");
    REQUIRE_THROWS_WITH(parse_bandwidth(huge + "bps"), "a bandwidth of at most 100Tbps");
    REQUIRE_THROWS_WITH(parse_rate(huge + "/w"), "a rate of at most 100/s (360000/h)");
    REQUIRE_THROWS_WITH(parse_distance_km(huge + "m"), "a distance of at most 20000km");
  }
  SECTION("a number too small to be told from 0 is not a number") {
    REQUIRE_THROWS_WITH(parse_duration(tiny + "s"), Catch::Contains("a duration such as"));
    REQUIRE_THROWS_WITH(parse_size(tiny + "B"), Catch::Contains("a size such as"));
  }
  SECTION("not finite, signs and exponents are not numbers") {
    for (const char* bad : {"infs", "inf", "nans", "-1s", "+1s", "1e3s", "0x10s"})
      REQUIRE_THROWS_WITH(parse_duration(bad), Catch::Contains("a duration such as"));
  }
}

TEST_CASE("core: formatting for people", "[core]")
{
  REQUIRE(format_duration(5400) == "1h 30min");
  REQUIRE(format_duration(86400 + 3 * 3600) == "1d 3h");
  REQUIRE(format_duration(42) == "42s");
  REQUIRE(format_duration(0.004) == "4ms");
  REQUIRE(format_duration(0) == "0s");
  REQUIRE(format_size(40e12) == "40 TB");
  REQUIRE(format_size(7.5e12) == "7.5 TB");
  REQUIRE(format_bandwidth(125e6) == "1 Gbps");
  REQUIRE(format_bandwidth(12.5e6) == "100 Mbps");
}
