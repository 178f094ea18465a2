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
