#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "ricochet/scenario/error.hpp"
#include "ricochet/scenario/loader.hpp"

using namespace ricochet;

namespace {
std::string load_errors(const std::string& text)
{
  core::Diagnostics diags;
  auto region = scenario::load_region_text(text, "t.yaml", diags);
  std::ostringstream out;
  diags.print(out);
  return out.str();
}
} // namespace

TEST_CASE("scenario: region defaults", "[scenario]")
{
  core::Diagnostics diags;
  auto region = scenario::load_region_text(R"(
organisations:
  - id: clinic
    kind: hospital
    controls: [edr, soc]
    assets:
      - {id: app, kind: application}
      - {id: ws, kind: workstations, count: 10, controls: []}
    care_functions:
      - {kind: consultations, needs: [app]}
links:
  - {id: out, from: clinic, to: internet, flows: [https]}
)",
                                           "t.yaml", diags);
  REQUIRE(region);
  const model::Asset* app = region->find_asset("app");
  SECTION("an organisation without zones has one, 'lan', where its assets run") {
    REQUIRE(region->find_organisation("clinic")->zones == std::vector<std::string>{"clinic/lan"});
    REQUIRE(app->zone == "clinic/lan");
  }
  SECTION("an organisation named as a link end stands for its default zone") {
    REQUIRE(region->find_link("out")->from == "clinic/lan");
  }
  SECTION("links: 1 Gbps, 1 ms, two-way unless told") {
    REQUIRE(region->find_link("out")->bandwidth_Bps == 125e6);
    REQUIRE(region->find_link("out")->latency_s == 1e-3);
    REQUIRE(region->find_link("out")->two_way);
  }
  SECTION("organisation controls apply to assets that do not list their own") {
    REQUIRE(app->controls.contains(model::Control::EDR));
    REQUIRE(region->find_asset("ws")->controls.empty());
  }
  SECTION("data volumes from kind defaults; workstation pools per machine") {
    REQUIRE(app->data_bytes == 500e9);
    REQUIRE(region->find_asset("ws")->data_bytes == 10 * 50e9);
  }
  SECTION("care function ids are org/kind") { REQUIRE(region->find_care_function("clinic/consultations")); }
  SECTION("a clean file has no diagnostics") { REQUIRE(diags.sorted().empty()); }
}

TEST_CASE("scenario: errors point at file line and column", "[scenario]")
{
  SECTION("several problems in one pass") {
    std::string errors = load_errors("organisations:\n  - {id: a, kind: hospitl, beds: -3}\n");
    REQUIRE_THAT(errors, Catch::Contains("t.yaml:2:19: error: unknown value 'hospitl' for 'kind' in organisation 'a'; did you "
                                         "mean 'hospital'?"));
    REQUIRE_THAT(errors, Catch::Contains("t.yaml:2:34: error: 'beds' of organisation 'a' must be between 0 and 100000, "
                                         "found -3"));
  }
  SECTION("syntax errors name the place") {
    REQUIRE(load_errors("organisations: [\n") == "t.yaml:2:1: error: YAML syntax: end of sequence flow not found\n");
  }
  SECTION("an empty file") { REQUIRE(load_errors("") == "t.yaml: error: the file is empty (expected a region or a scenario)\n"); }
}

TEST_CASE("scenario: scenario files", "[scenario]")
{
  const std::string dir = std::string(RICOCHET_TEST_DATA_DIR) + "/invalid/support";
  SECTION("a scenario loads its region relative to itself and checks its variants") {
    std::filesystem::path tmp = std::filesystem::temp_directory_path() / "ricochet-loader-test";
    std::filesystem::create_directories(tmp);
    std::string file = (tmp / "s.yaml").string();
    std::ofstream(file) << "name: t\nregion: " << dir << "/region.yaml\nstart: 2026-10-18 22:00\nduration: 3d\nseed: 7\n"
                        << "variants:\n  - id: no-trust\n    changes:\n      - remove_trust: {from: ad-a, to: ad-b}\n";
    scenario::Scenario s = scenario::load_scenario(file);
    REQUIRE(s.duration_s == 3 * 86400.0);
    REQUIRE(s.seed == 7);
    REQUIRE(s.timezone == "Europe/Paris");
    REQUIRE(s.region.trusts.size() == 1);
    REQUIRE(s.region_for("no-trust").trusts.empty());
    REQUIRE_THROWS_AS(s.region_for("nope"), std::invalid_argument);
    std::filesystem::remove_all(tmp);
  }
  SECTION("load_scenario on a region file explains itself") {
    REQUIRE_THROWS_WITH(scenario::load_scenario(dir + "/region.yaml"), Catch::Contains("this is a region file"));
  }
  SECTION("a missing file") {
    REQUIRE_THROWS_AS(scenario::load_scenario(dir + "/nope.yaml"), scenario::ScenarioError);
  }
}
