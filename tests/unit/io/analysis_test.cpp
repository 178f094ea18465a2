#include <string>

#include <catch2/catch.hpp>

#include "ricochet/io/analysis.hpp"
#include "ricochet/scenario/loader.hpp"

using namespace ricochet;

namespace {

bool fully_separated(const nlohmann::ordered_json& cut)
{
  return cut["network"] == "separated" && (cut["identity"] == "separated" || cut["identity"] == "no domain");
}

} // namespace

TEST_CASE("analyze: by default the pairs with nothing between them are counted, named pairs are all listed", "[io]")
{
  const model::Region region =
      scenario::load_region(std::string(RICOCHET_SOURCE_DIR) + "/scenarios/regions/bourgogne-franche-comte.yaml");
  auto by_default = io::analyze(region, {}, {}, {});
  const auto& entries = by_default["blast_radius"];
  std::vector<std::string> entry_ids, directories;
  for (const auto& b : entries)
    entry_ids.push_back(b["entry"].get<std::string>());
  for (const auto& a : region.assets)
    if (a.kind == model::AssetKind::DIRECTORY)
      directories.push_back(a.id);
  // The same question with every entry and target named: the full list of pairs.
  auto named = io::analyze(region, entry_ids, directories, {});
  REQUIRE(named["minimum_cuts_left_out"] == 0);

  std::size_t separated = 0;
  for (const auto& c : named["minimum_cuts"])
    separated += fully_separated(c) ? 1U : 0U;
  REQUIRE(separated > 1000); // most pairs of a region have nothing between them
  REQUIRE(by_default["minimum_cuts_left_out"] == separated);
  REQUIRE(by_default["minimum_cuts"].size() + separated == named["minimum_cuts"].size());
  // What is listed is what the full list says for those pairs, in the same order.
  std::size_t k = 0;
  for (const auto& c : named["minimum_cuts"])
    if (!fully_separated(c))
      REQUIRE(by_default["minimum_cuts"][k++] == c);
  REQUIRE(k == by_default["minimum_cuts"].size());
  // The rest of the analysis does not depend on it.
  for (const char* key : {"blast_radius", "single_points", "shared_single_points", "ranking"})
    REQUIRE(by_default[key] == named[key]);

  std::string text = io::analysis_text(by_default);
  REQUIRE(text.find("(" + std::to_string(separated) +
                    " other pairs of entry and target, with neither a lateral nor a trust path between them, have "
                    "nothing to cut: name --from or --target to list them)") != std::string::npos);
  REQUIRE(io::analysis_text(named).find("other pair") == std::string::npos);
}
