#include <catch2/catch.hpp>

#include "ricochet/core/suggest.hpp"

using namespace ricochet::core;

TEST_CASE("core: edit distance", "[core]")
{
  REQUIRE(edit_distance("kitten", "sitting") == 3);
  REQUIRE(edit_distance("", "abc") == 3);
  REQUIRE(edit_distance("same", "same") == 0);
}

TEST_CASE("core: did you mean", "[core]")
{
  std::vector<std::string> keys{"id", "kind", "zone", "domain", "runs_on"};
  SECTION("a typo finds its word") { REQUIRE(did_you_mean("knd", keys) == "; did you mean 'kind'?"); }
  SECTION("an unrelated word finds nothing") { REQUIRE(did_you_mean("colour", keys).empty()); }
  SECTION("closest ids are named whatever their distance, nearest first") {
    REQUIRE(closest_known("pivot-hv2", {"lab-lis", "pivot-hv", "pivot-ad"}) == " (closest: pivot-hv, pivot-ad, lab-lis)");
    REQUIRE(closest_known("x", {}) == " (none defined)");
  }
}
