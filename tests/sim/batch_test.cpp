// Monte Carlo batches: statistics against known distributions, independence from parallelism and sharding.
#include <filesystem>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "ricochet/io/batch.hpp"
#include "ricochet/io/run_dir.hpp"
#include "ricochet/io/stats.hpp"
#include "ricochet/scenario/loader.hpp"
#include "run_helpers.hpp"

using namespace ricochet;
namespace fs = std::filesystem;

namespace {
/** The batch directories of this process, removed when it exits (forked runs leave with _exit: not by them). */
struct TempDirs {
  std::vector<fs::path> dirs;
  TempDirs()                           = default;
  TempDirs(const TempDirs&)            = delete;
  TempDirs& operator=(const TempDirs&) = delete;
  ~TempDirs()
  {
    std::error_code ignored;
    for (const auto& d : dirs)
      fs::remove_all(d, ignored);
  }
};

std::string fresh_dir(const std::string& name)
{
  static TempDirs created;
  // Per process: two test runs on one machine must not share (and remove) each other's batches.
  fs::path dir = fs::temp_directory_path() / ("ricochet-batch-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  created.dirs.push_back(dir);
  return dir.string();
}
} // namespace

TEST_CASE("batch: statistics match the analytic values of an exponential step", "[batch]")
{
  const std::string path = test::sim_data("exponential.yaml");
  scenario::Scenario s   = scenario::load_scenario(path);
  io::BatchSpec spec{path, {io::BASE_VARIANT}, 10000, s.seed, 0, 1, io::inputs_identity(s).digest};
  std::string dir = fresh_dir("exponential");
  REQUIRE(io::run_batch(spec, s, 2, false, dir, {}) == 10000);
  auto agg = io::aggregate({dir});
  const auto& k = agg["variants"][0]["kpis"]["hours_to_first_compromise"];
  REQUIRE(k["n"] == 10000);
  REQUIRE(k["probability"] == 1.0);
  // Standard error of the mean: 2 / sqrt(10000) = 0.02 h; quantiles within a few percent.
  REQUIRE(k["mean"].get<double>() == Approx(2.0).margin(0.06));
  REQUIRE(k["ci95"].get<double>() == Approx(1.96 * 2.0 / 100).epsilon(0.1));
  REQUIRE(k["p10"].get<double>() == Approx(2 * std::log(10.0 / 9)).epsilon(0.05));
  REQUIRE(k["p50"].get<double>() == Approx(2 * std::log(2.0)).epsilon(0.03));
  REQUIRE(k["p90"].get<double>() == Approx(2 * std::log(10.0)).epsilon(0.03));
  REQUIRE(agg["variants"][0]["kpis"]["hours_to_domain_admin"]["probability"] == 0.0);
}

TEST_CASE("batch: aggregates do not depend on the number of jobs nor on sharding", "[batch]")
{
  const std::string path = test::sim_data("exponential.yaml");
  scenario::Scenario s   = scenario::load_scenario(path);
  io::BatchSpec spec{path, {io::BASE_VARIANT, "same"}, 300, 7, 0, 1, io::inputs_identity(s).digest};
  std::string one = fresh_dir("j1"), two = fresh_dir("j2"), shard1 = fresh_dir("shard1"), shard2 = fresh_dir("shard2");
  io::run_batch(spec, s, 1, false, one, {});
  io::run_batch(spec, s, 2, false, two, {});
  io::BatchSpec first = spec, second = spec;
  first.shards = second.shards = 2;
  second.shard                 = 1;
  io::run_batch(first, s, 2, false, shard1, {});
  io::run_batch(second, s, 2, false, shard2, {});
  auto a1 = io::aggregate({one}).dump(), a2 = io::aggregate({two}).dump();
  auto merged = io::aggregate({shard1, shard2}).dump();
  REQUIRE(a1 == a2);
  // The same runs, whatever the manifest says about shards.
  REQUIRE(nlohmann::json::parse(merged)["variants"] == nlohmann::json::parse(a1)["variants"]);
  SECTION("a variant that changes nothing relevant differs by exactly nothing, on common random numbers") {
    auto cmp = io::compare(io::aggregate({two}), {two});
    const auto& d = cmp["variants"][0]["kpis"]["hours_to_first_compromise"];
    REQUIRE(d["difference"] == 0.0);
    REQUIRE(d["significant"] == false);
    REQUIRE(d["pairs"] == 300);
  }
  SECTION("an incomplete batch is refused, naming what is missing") {
    REQUIRE_THROWS_WITH(io::aggregate({shard1}), Catch::Contains("incomplete batch: variant 'base' has 150 of 300 runs") &&
                                                     Catch::Contains("missing runs 1, 3, 5") &&
                                                     Catch::Contains("shard 2/2 missing"));
    fs::remove(fs::path(one) / "runs" / "same" / "000042.json");
    REQUIRE_THROWS_WITH(io::aggregate({one}), Catch::Contains("variant 'same' has 299 of 300 runs (missing run 42)") &&
                                                  Catch::Contains("--resume"));
    REQUIRE_THROWS_WITH(io::compare(io::aggregate({two}), {one}), Catch::Contains("missing run 42"));
  }
  SECTION("a batch directory is not reused by mistake") {
    REQUIRE_THROWS_WITH(io::run_batch(spec, s, 1, false, one, {}), Catch::Contains("add --resume"));
    REQUIRE(io::run_batch(spec, s, 1, true, one, {}) == 0); // nothing left to do
  }
}

TEST_CASE("batch: the reference segmentation variants move the KPIs the expected way", "[batch]")
{
  const std::string path = std::string(RICOCHET_SOURCE_DIR) + "/scenarios/exercises/exercise-2026.yaml";
  scenario::Scenario s   = scenario::load_scenario(path);
  io::BatchSpec spec{path, {io::BASE_VARIANT, "hardened-identity", "offline-backups", "no-craps"}, 20, s.seed, 0, 1,
                     io::inputs_identity(s).digest};
  std::string dir = fresh_dir("reference");
  io::run_batch(spec, s, 2, false, dir, {});
  auto cmp = io::compare(io::aggregate({dir}), {dir});
  auto of  = [&](const std::string& variant, const std::string& kpi) {
    for (const auto& v : cmp["variants"])
      if (v["variant"] == variant)
        return v["kpis"][kpi];
    return nlohmann::ordered_json();
  };
  // Hardened identity (MFA on the VPN, tiering, bastion): the attack does not get in; nobody is impacted.
  REQUIRE(of("hardened-identity", "organisations_impacted")["difference"].get<double>() < 0);
  REQUIRE(of("hardened-identity", "organisations_impacted")["significant"] == true);
  REQUIRE(of("hardened-identity", "hours_to_domain_admin")["probability_difference"] == -1.0);
  REQUIRE(of("hardened-identity", "hours_to_domain_admin")["probability_significant"] == true);
  // Offline backups survive: restores instead of rebuilds, less degraded care.
  REQUIRE(of("offline-backups", "patient_hours_degraded")["difference"].get<double>() < 0);
  REQUIRE(of("offline-backups", "patient_hours_degraded")["significant"] == true);
  // Without the CRAPS (no regional technicians): slower recovery, more patient-hours in degraded care.
  REQUIRE(of("no-craps", "patient_hours_degraded")["difference"].get<double>() > 0);
  REQUIRE(of("no-craps", "patient_hours_degraded")["significant"] == true);
}
