// Static exposure analysis on a hand-made region whose answers are worked out below.
#include <catch2/catch.hpp>

#include "../test_region.hpp"
#include "ricochet/io/analysis.hpp"
#include "ricochet/model/exposure.hpp"

#include <limits>

using namespace ricochet;
using Ids = std::vector<std::string>;

namespace {
// A: dmz (vpn, exposed), servers (dc, app), users (ws), vault (offline backup).
// B: lan (b-dc, b-app). Links: internet->dmz (vpn); l1 dmz->servers (rdp); l2 users<->servers (rdp, smb);
// l3 servers<->B (rdp); l4 users<->B (smb); l5 servers<->vault (backup only). Trust ad-a -> ad-b.
const char* const REGION = R"(
name: exposure test
organisations:
  - id: a
    kind: hospital
    domain: ad-a
    zones: [dmz, servers, users, vault]
    assets:
      - {id: vpn, kind: remote_access, zone: dmz}
      - {id: dc, kind: directory, zone: servers}
      - {id: app, kind: application, zone: servers, depends_on: [dc]}
      - {id: ws, kind: workstations, zone: users}
      - {id: bkp, kind: backup, zone: vault, mode: offline, protects: [app]}
    care_functions:
      - {kind: emergency, needs: [app]}
  - id: b
    kind: hospital
    domain: ad-b
    assets:
      - {id: b-dc, kind: directory}
      - {id: b-app, kind: application, depends_on: [b-dc]}
    care_functions:
      - {kind: consultations, needs: [b-app, app]}
links:
  - {id: exposure, from: internet, to: a/dmz, two_way: false, flows: [vpn]}
  - {id: l1, from: a/dmz, to: a/servers, two_way: false, flows: [rdp]}
  - {id: l2, from: a/users, to: a/servers, flows: [rdp, smb]}
  - {id: l3, from: a/servers, to: b, flows: [rdp]}
  - {id: l4, from: a/users, to: b, flows: [smb]}
  - {id: l5, from: a/servers, to: a/vault, flows: [backup]}
identity:
  domains:
    - {id: ad-a, owner: a}
    - {id: ad-b, owner: b}
  trusts:
    - {from: ad-a, to: ad-b, two_way: false}
)";
} // namespace

TEST_CASE("analysis: blast radius through network, credentials and trusts", "[model]")
{
  const model::Region region = test::load_region_or_fail(REGION);
  SECTION("from the VPN: everything but the offline backup, in both organisations") {
    auto b = model::blast_radius(region, "vpn");
    REQUIRE(b.assets == Ids{"app", "b-app", "b-dc", "dc", "vpn", "ws"});
    REQUIRE(b.domains == Ids{"ad-a", "ad-b"});
    REQUIRE(b.care_at_risk == Ids{"a/emergency", "b/consultations"});
    REQUIRE(b.organisations == Ids{"a", "b"});
  }
  SECTION("MFA on the trust keeps B out") {
    model::Region r = region;
    r.trusts[0].mfa = true;
    r.reindex();
    auto b = model::blast_radius(r, "vpn");
    REQUIRE(b.assets == Ids{"app", "dc", "vpn", "ws"});
    REQUIRE(b.care_at_risk == Ids{"a/emergency", "b/consultations"}); // b needs a's app all the same
  }
  SECTION("MFA on the servers protects them, not what lies beyond: zones route through each other") {
    model::Region r = region;
    for (auto& a : r.assets)
      if (a.id == "dc" || a.id == "app")
        a.controls.add(model::Control::MFA);
    r.reindex();
    REQUIRE(model::blast_radius(r, "vpn").assets == Ids{"b-app", "b-dc", "vpn", "ws"});
  }
  SECTION("entry points: what the Internet reaches, and workstation pools") {
    REQUIRE(model::entry_points(region) == Ids{"vpn", "ws"});
  }
}

TEST_CASE("analysis: single points of failure", "[model]")
{
  const model::Region region = test::load_region_or_fail(REGION);
  auto spofs = model::single_points(region);
  REQUIRE(spofs.size() == 2);
  REQUIRE(spofs[0].care == "a/emergency");
  REQUIRE(spofs[0].assets == Ids{"app", "dc"});
  REQUIRE(spofs[0].links.empty());
  REQUIRE(spofs[1].assets == Ids{"app", "b-app", "b-dc", "dc"});
  REQUIRE(spofs[1].links.empty()); // two paths to a's servers: l3, or l4 then l2
  auto shared = model::shared_single_points(region);
  REQUIRE(shared.size() == 2);
  REQUIRE(shared.at("app") == Ids{"a", "b"});
  REQUIRE(shared.at("dc") == Ids{"a", "b"});
}

TEST_CASE("analysis: minimum cut with its exact edge set", "[model]")
{
  const model::Region region = test::load_region_or_fail(REGION);
  SECTION("unit weights: the single link out of the DMZ") {
    auto c = model::minimum_cut(region, "vpn", "b-dc", {});
    REQUIRE(c.network == "cut");
    REQUIRE(c.links == Ids{"l1"});
    REQUIRE(c.weight == 1.0);
    REQUIRE(c.identity == "cut");
    REQUIRE(c.trusts == Ids{"ad-a->ad-b"});
  }
  SECTION("when l1 is costly (a clinical flow) and l2 too, the cheapest cut is both links into B") {
    auto c = model::minimum_cut(region, "vpn", "b-dc", {{"l1", 10.0}, {"l2", 3.0}});
    REQUIRE(c.links == Ids{"l3", "l4"});
    REQUIRE(c.weight == 2.0);
  }
  SECTION("nothing to cut inside a zone, and nothing where no path exists") {
    REQUIRE(model::minimum_cut(region, "dc", "app", {}).network == "same zone");
    REQUIRE(model::minimum_cut(region, "b-dc", "vpn", {}).network == "separated");
    REQUIRE(model::minimum_cut(region, "dc", "app", {}).identity == "same domain");
  }
}

TEST_CASE("analysis: link weights must be positive finite numbers", "[model]")
{
  const model::Region region = test::load_region_or_fail(REGION);
  SECTION("--weight arguments: inf and nan are refused with a clear message") {
    for (const char* bad : {"l1=inf", "l1=nan", "l1=-inf", "l1=0", "l1=-2", "l1=", "l1=3x", "l1"}) {
      INFO(bad);
      REQUIRE_THROWS_WITH(io::parse_link_weights({bad}, region),
                          Catch::Contains("--weight: expected") && Catch::Contains("positive finite number"));
    }
    REQUIRE_THROWS_WITH(io::parse_link_weights({"nope=2"}, region), Catch::StartsWith("--weight: no link 'nope'"));
    auto w = io::parse_link_weights({"l1=10", "l2=0.5"}, region);
    REQUIRE(w == std::map<std::string, double>{{"l1", 10.0}, {"l2", 0.5}});
  }
  SECTION("the max-flow refuses them too (an infinite capacity would never saturate)") {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (double bad : {inf, nan, 0.0}) {
      INFO(bad);
      REQUIRE_THROWS_AS(model::minimum_cut(region, "vpn", "b-dc", {{"l1", bad}}), std::invalid_argument);
    }
  }
}

TEST_CASE("analysis: changes ranked by how much care they take out of reach", "[model]")
{
  const model::Region region = test::load_region_or_fail(REGION);
  auto ranked = model::rank_changes(region, {"vpn"});
  REQUIRE_FALSE(ranked.empty());
  // Filtering l1 (the only way out of the DMZ) leaves the VPN alone: no care at risk.
  REQUIRE(ranked.front().description == "remove rdp, smb and ssh from link l1");
  REQUIRE(ranked.front().care_after == 0);
  REQUIRE(ranked.front().assets_after == 1);
  for (std::size_t i = 1; i < ranked.size(); ++i)
    REQUIRE(ranked[i - 1].care_before - ranked[i - 1].care_after >= ranked[i].care_before - ranked[i].care_after);
}
