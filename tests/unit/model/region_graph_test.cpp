#include <catch2/catch.hpp>

#include "../test_region.hpp"
#include "ricochet/model/region_graph.hpp"

using namespace ricochet;
using Ids = std::vector<std::string>;

TEST_CASE("model: graph building", "[model]")
{
  model::RegionGraph graph(test::load_region_or_fail(test::PIVOT_REGION));
  const auto& g = graph.graph();
  // 3 organisations, 4 zones (pivot/servers, pivot/users, partner/lan, lab/lan), internet, 2 domains,
  // 8 assets, 3 care functions.
  REQUIRE(boost::num_vertices(g) == 3 + 4 + 1 + 2 + 8 + 3);
  SECTION("every asset is located in its zone, hosted assets in their host's zone") {
    const auto& region = graph.region();
    REQUIRE(region.find_asset("partner-dpi")->zone == "pivot/servers");
    REQUIRE(region.find_asset("lis")->zone == "lab/lan");
  }
  SECTION("two-way links and trusts get an edge each way") {
    int link_edges = 0, trust_edges = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
      link_edges += g[e].type == model::EdgeType::LINK ? 1 : 0;
      trust_edges += g[e].type == model::EdgeType::TRUST ? 1 : 0;
    }
    REQUIRE(link_edges == 4);
    REQUIRE(trust_edges == 2);
  }
  SECTION("lookups") {
    REQUIRE(graph.node(graph.asset_vertex("dpi")).id == "dpi");
    REQUIRE_THROWS_AS(graph.asset_vertex("nope"), std::out_of_range);
    REQUIRE_FALSE(graph.find_vertex(model::NodeType::ASSET, "pivot").has_value());
    REQUIRE(graph.find_vertex(model::NodeType::ORGANISATION, "pivot").has_value());
  }
}

TEST_CASE("model: hosting and dependency queries", "[model]")
{
  model::RegionGraph graph(test::load_region_or_fail(test::PIVOT_REGION));
  SECTION("hosting chain, nearest host first") { REQUIRE(graph.hosting_chain("partner-dpi") == Ids{"hv", "storage"}); }
  SECTION("what runs on a host") {
    REQUIRE(graph.hosted_on("hv", false) == Ids{"dpi", "mail", "partner-dpi"});
    REQUIRE(graph.hosted_on("storage", false) == Ids{"hv"});
    REQUIRE(graph.hosted_on("storage", true) == Ids{"dpi", "hv", "mail", "partner-dpi"});
  }
  SECTION("requirements follow hosting and hard dependencies, not soft ones") {
    REQUIRE(graph.requirements("partner-dpi") == Ids{"ad", "hv", "storage"});
    REQUIRE(graph.requirements("mail") == Ids{"hv", "storage"});
  }
  SECTION("failure closure: the hypervisor takes the partner's DPI with it") {
    REQUIRE(graph.failure_closure("hv") == Ids{"dpi", "mail", "partner-dpi"});
    REQUIRE(graph.failure_closure("ad") == Ids{"dpi", "partner-dpi"});
    REQUIRE(graph.failure_closure("lis").empty());
  }
  SECTION("care functions at risk cross organisations") {
    REQUIRE(graph.care_functions_at_risk("hv") == Ids{"partner/inpatient", "pivot/emergency"});
    REQUIRE(graph.care_functions_at_risk("lis") == Ids{"lab/biology", "pivot/emergency"});
  }
  SECTION("direct dependants include soft ones") { REQUIRE(graph.dependants("dpi") == Ids{"mail"}); }
  SECTION("derived data volumes: hosts sum what they run, backups what they protect") {
    const auto& r = graph.region();
    REQUIRE(r.find_asset("bkp")->data_bytes == 5e12);
    REQUIRE(r.find_asset("hv")->data_bytes == 4e12 + 1e12 + 2e12); // dpi, partner-dpi, mail (messaging default 2TB)
    REQUIRE(r.find_asset("storage")->data_bytes == 100e12);         // given explicitly
  }
  SECTION("no cycle in a sane region") {
    REQUIRE(graph.find_cycle(model::EdgeType::RUNS_ON).empty());
    REQUIRE(graph.find_cycle(model::EdgeType::DEPENDS_ON).empty());
  }
}

TEST_CASE("model: cycle detection prints the cycle", "[model]")
{
  model::Region region = test::load_region_or_fail(test::PIVOT_REGION);
  // Make the directory depend on the DPI: ad -> dpi -> ad.
  for (auto& a : region.assets)
    if (a.id == "ad")
      a.depends_on.push_back({"dpi", true, 0, {}});
  model::RegionGraph graph(region);
  REQUIRE(graph.find_cycle(model::EdgeType::DEPENDS_ON) == Ids{"ad", "dpi", "ad"});
  REQUIRE(graph.find_cycle(model::EdgeType::RUNS_ON).empty());
}
