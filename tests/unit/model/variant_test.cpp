#include <catch2/catch.hpp>

#include "../test_region.hpp"
#include "ricochet/model/region_graph.hpp"
#include "ricochet/model/variant.hpp"

using namespace ricochet;
using namespace ricochet::model;

namespace {
Variant one(Change c) { return Variant{"v", "", {{std::move(c), {}}}, {}}; }
} // namespace

TEST_CASE("model: variant overlays", "[model]")
{
  const Region base = test::load_region_or_fail(test::PIVOT_REGION);

  SECTION("cut a link") {
    Region r = apply_variant(base, one(CutLink{"wan"}));
    REQUIRE(r.find_link("wan") == nullptr);
    REQUIRE(r.links.size() == base.links.size() - 1);
  }
  SECTION("remove flows from a link") {
    FlowSet rdp;
    rdp.add(Flow::RDP);
    Region r = apply_variant(base, one(RemoveFlows{"wan", rdp}));
    REQUIRE_FALSE(r.find_link("wan")->flows.contains(Flow::RDP));
    REQUIRE(r.find_link("wan")->flows.contains(Flow::HTTPS));
  }
  SECTION("remove a trust, or require MFA on it") {
    REQUIRE(apply_variant(base, one(RemoveTrust{"ad-ght", "ad-lab"})).trusts.empty());
    Region r = apply_variant(base, one(SetTrust{"ad-ght", "ad-lab", true, std::nullopt}));
    REQUIRE(r.trusts.front().mfa);
    REQUIRE(r.trusts.front().two_way); // untouched
  }
  SECTION("tiering on a domain") {
    Region r = apply_variant(base, one(SetDomain{"ad-ght", true, std::nullopt, std::nullopt}));
    REQUIRE(r.find_domain("ad-ght")->tiering);
    REQUIRE_FALSE(r.find_domain("ad-ght")->bastion);
  }
  SECTION("add MFA to every asset of an organisation, or remove it") {
    ControlSet mfa;
    mfa.add(Control::MFA);
    Region r = apply_variant(base, one(AddControls{{"", "pivot", std::nullopt}, mfa}));
    for (const auto& a : r.assets)
      REQUIRE(a.controls.contains(Control::MFA) == (a.org == "pivot"));
    Region back = apply_variant(r, one(RemoveControls{{"dpi", "", std::nullopt}, mfa}));
    REQUIRE_FALSE(back.find_asset("dpi")->controls.contains(Control::MFA));
    REQUIRE(back.find_asset("hv")->controls.contains(Control::MFA));
  }
  SECTION("make a backup offline") {
    Region r = apply_variant(base, one(SetBackupMode{"bkp", BackupMode::OFFLINE}));
    REQUIRE(r.find_asset("bkp")->backup->mode == BackupMode::OFFLINE);
  }
  SECTION("removing a hard dependency shrinks the failure closure") {
    Region r = apply_variant(base, one(RemoveDependency{"partner-dpi", "ad"}));
    REQUIRE(RegionGraph(r).failure_closure("ad") == std::vector<std::string>{"dpi"});
  }
  SECTION("an asset leaves its domain: a separate admin plane") {
    REQUIRE_FALSE(base.find_asset("hv")->domain.empty());
    Region r = apply_variant(base, one(LeaveDomain{"hv"}));
    REQUIRE(r.find_asset("hv")->domain.empty());
    REQUIRE(r.find_asset("dpi")->domain == base.find_asset("dpi")->domain);
  }
  SECTION("the base region is not modified") { REQUIRE(base.find_link("wan") != nullptr); }
  SECTION("unknown targets throw (the loader reports them to users first)") {
    REQUIRE_THROWS_WITH(apply_variant(base, one(CutLink{"nope"})), Catch::Contains("unknown link 'nope'"));
    REQUIRE_THROWS_AS(apply_variant(base, one(SetBackupMode{"dpi", BackupMode::OFFLINE})), std::invalid_argument);
  }
}
