#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../test_region.hpp"
#include "ricochet/io/describe.hpp"
#include "ricochet/io/graph_export.hpp"

using namespace ricochet;

TEST_CASE("io: describe names hosting across organisations", "[io]")
{
  std::string text = io::describe_region(test::load_region_or_fail(test::PIVOT_REGION), "r.yaml");
  REQUIRE_THAT(text, Catch::Contains("hosts for others: partner-dpi of partner on hv"));
  REQUIRE_THAT(text, Catch::Contains("- partner-dpi (dpi, 1 TB) on hv (hosted by pivot)"));
  REQUIRE_THAT(text, Catch::Contains("trust ad-ght <-> ad-lab (two-way, no MFA)"));
  REQUIRE_THAT(text, Catch::Contains("  partner/inpatient (inpatient)\n    needs: partner-dpi, mail\n"
                                     "    and through them: ad, hv, storage\n"));
}

TEST_CASE("io: graph exports", "[io]")
{
  model::RegionGraph graph(test::load_region_or_fail(test::PIVOT_REGION));
  SECTION("JSON has every vertex and the documented edge fields") {
    auto doc = nlohmann::json::parse(io::graph_to_json(graph, ""));
    REQUIRE(doc["format"] == "ricochet-graph");
    REQUIRE(doc["version"] == 1);
    REQUIRE(doc["nodes"].size() == boost::num_vertices(graph.graph()));
    bool found = false;
    for (const auto& e : doc["edges"])
      if (e["type"] == "runs_on" && e["from"] == "asset:partner-dpi" && e["to"] == "asset:hv")
        found = true;
    REQUIRE(found);
    for (const auto& e : doc["edges"])
      if (e["type"] == "depends_on" && e["from"] == "asset:mail") {
        REQUIRE(e["hard"] == false);
        REQUIRE(e["buffer_s"] == 7200.0);
      }
  }
  SECTION("DOT clusters organisations and zones and escapes names") {
    std::string dot = io::graph_to_dot(graph, "");
    REQUIRE_THAT(dot, Catch::StartsWith("digraph \"test region\" {"));
    REQUIRE_THAT(dot, Catch::Contains("subgraph \"cluster_org_pivot\""));
    REQUIRE_THAT(dot, Catch::Contains("subgraph \"cluster_zone_pivot/servers\""));
    REQUIRE_THAT(dot, Catch::Contains("\"asset:partner-dpi\" -> \"asset:hv\" [style=bold"));
  }
}
