#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "ricochet/model/region_graph.hpp"
#include "ricochet/scenario/loader.hpp"
#include "ricochet/scenario/region_generator.hpp"

using namespace ricochet;

namespace {

/** Loads generated text; the diagnostics' lines when it does not load. */
std::optional<model::Region> load(const std::string& yaml, std::string& messages)
{
  core::Diagnostics diags;
  auto region = scenario::load_region_text(yaml, "generated.yaml", diags);
  std::ostringstream out;
  diags.print(out);
  messages = out.str();
  return region;
}

std::size_t count_kind(const model::Region& r, model::OrgKind kind)
{
  std::size_t n = 0;
  for (const auto& o : r.organisations)
    n += o.kind == kind ? 1U : 0U;
  return n;
}

} // namespace

TEST_CASE("scenario: generated regions load without errors or warnings at several sizes", "[scenario][generator]")
{
  for (std::size_t orgs : {std::size_t{10}, std::size_t{37}, std::size_t{150}, std::size_t{700}}) {
    CAPTURE(orgs);
    scenario::GeneratedRegion g = scenario::generate_region({orgs, 3, 16});
    std::string messages;
    auto region = load(g.yaml, messages);
    INFO(messages);
    REQUIRE(region);
    CHECK(messages.empty());
    CHECK(region->organisations.size() == orgs);
    CHECK(g.organisations == orgs);
    CHECK(region->assets.size() == 16 * orgs);
    CHECK(g.assets == 16 * orgs);
  }
}

TEST_CASE("scenario: generated region has the shape of a territory", "[scenario][generator]")
{
  scenario::GeneratedRegion g = scenario::generate_region({300, 11, 16});
  std::string messages;
  auto region = load(g.yaml, messages);
  REQUIRE(region);
  SECTION("every kind of organisation is there")
  {
    for (auto kind : {model::OrgKind::HOSPITAL, model::OrgKind::LABORATORY, model::OrgKind::IMAGING_CENTRE,
                      model::OrgKind::EHPAD, model::OrgKind::GP_PRACTICE, model::OrgKind::PHARMACY,
                      model::OrgKind::SAMU, model::OrgKind::ARS, model::OrgKind::SOFTWARE_VENDOR})
      CHECK(count_kind(*region, kind) > 0);
  }
  SECTION("one pivot per GHT, hosting its partners' records")
  {
    std::set<std::string> ghts, pivots;
    for (const auto& o : region->organisations) {
      if (!o.ght.empty())
        ghts.insert(o.ght);
      if (o.role == model::OrgRole::GHT_PIVOT)
        pivots.insert(o.ght);
    }
    CHECK(ghts == pivots);
    CHECK(ghts.size() == g.departements);
    const model::Asset* hosted = region->find_asset(g.member + "-dpi");
    REQUIRE(hosted != nullptr);
    const model::Asset* host = region->find_asset(hosted->runs_on);
    REQUIRE(host != nullptr);
    CHECK(host->org == g.pivot);
  }
  SECTION("a LIS serves several laboratory sites")
  {
    std::size_t users = 0;
    for (const auto& c : region->care_functions)
      users += std::count(c.needs.begin(), c.needs.end(), g.lab_lis) > 0 ? 1U : 0U;
    CHECK(users >= 3); // the laboratory, at least one site, the pivot's emergency and ICU
  }
  SECTION("backups of every mode, trusts between domains")
  {
    std::set<model::BackupMode> modes;
    for (const auto& a : region->assets)
      if (a.backup)
        modes.insert(a.backup->mode);
    CHECK(modes.size() == 3);
    CHECK(!region->trusts.empty());
  }
}

TEST_CASE("scenario: generation is deterministic", "[scenario][generator]")
{
  std::string a = scenario::generate_region({200, 5, 16}).yaml;
  SECTION("same size and seed, same bytes") { CHECK(scenario::generate_region({200, 5, 16}).yaml == a); }
  SECTION("another seed, another region of the same size")
  {
    scenario::GeneratedRegion other = scenario::generate_region({200, 6, 16});
    CHECK(other.yaml != a);
    CHECK(other.organisations == 200);
  }
}

TEST_CASE("scenario: assets per organisation as asked", "[scenario][generator]")
{
  scenario::GeneratedRegion g = scenario::generate_region({120, 2, 9.5});
  std::string messages;
  auto region = load(g.yaml, messages);
  REQUIRE(region);
  CHECK(region->assets.size() == 1140);
  SECTION("fewer than the structure needs is refused with the minimum")
  {
    REQUIRE_THROWS_WITH(scenario::generate_region({120, 2, 1}),
                        Catch::Matchers::Contains("fewer than the") && Catch::Matchers::Contains("per organisation"));
  }
  SECTION("too few organisations is refused")
  {
    REQUIRE_THROWS_WITH(scenario::generate_region({9, 2, 16}), Catch::Matchers::Contains("at least 10"));
  }
}

TEST_CASE("scenario: the generated scenario loads on its region", "[scenario][generator]")
{
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("ricochet-generator-" + std::to_string(::getpid()));
  fs::create_directories(dir / "regions");
  for (std::size_t orgs : {std::size_t{10}, std::size_t{150}}) {
    CAPTURE(orgs);
    scenario::GeneratedRegion g = scenario::generate_region({orgs, 4, 16});
    std::ofstream(dir / "regions" / "r.yaml") << g.yaml;
    std::ofstream(dir / "s.yaml") << scenario::generate_scenario(g, "regions/r.yaml", 4);
    core::Diagnostics diags;
    auto loaded = scenario::load_file((dir / "s.yaml").string(), diags);
    std::ostringstream out;
    diags.print(out);
    INFO(out.str());
    REQUIRE(loaded);
    REQUIRE(loaded->scenario);
    CHECK(diags.error_count() == 0);
    CHECK(loaded->scenario->region.organisations.size() == orgs);
  }
  fs::remove_all(dir);
}
