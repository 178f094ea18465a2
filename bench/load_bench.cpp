// In-process costs that repeat within one process, at several generated sizes: generating, loading (YAML and
// every check), the region graph and the static analysis. Whole runs are measured per process (run_phases.cpp).
#include <filesystem>
#include <fstream>
#include <map>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include "ricochet/core/diagnostics.hpp"
#include "ricochet/io/analysis.hpp"
#include "ricochet/model/exposure.hpp"
#include "ricochet/model/region_graph.hpp"
#include "ricochet/scenario/loader.hpp"
#include "ricochet/scenario/region_generator.hpp"

namespace {

using namespace ricochet;
namespace fs = std::filesystem;

constexpr std::uint64_t SEED = 1;

const fs::path& work_dir()
{
  static const fs::path dir = fs::temp_directory_path() / ("ricochet-bench-" + std::to_string(::getpid()));
  return dir;
}

/** The generated region and scenario of this size, written once per process. */
const fs::path& files_for(std::size_t orgs)
{
  static std::map<std::size_t, fs::path> dirs;
  auto it = dirs.find(orgs);
  if (it != dirs.end())
    return it->second;
  fs::path dir = work_dir() / std::to_string(orgs);
  fs::create_directories(dir);
  scenario::GeneratedRegion g = scenario::generate_region({orgs, SEED, 16});
  std::ofstream(dir / "region.yaml") << g.yaml;
  std::ofstream(dir / "scenario.yaml") << scenario::generate_scenario(g, "region.yaml", SEED);
  return dirs.emplace(orgs, dir).first->second;
}

const model::Region& region_for(std::size_t orgs)
{
  static std::map<std::size_t, model::Region> regions;
  auto it = regions.find(orgs);
  if (it == regions.end())
    it = regions.emplace(orgs, scenario::load_region((files_for(orgs) / "region.yaml").string())).first;
  return it->second;
}

void sizes(benchmark::internal::Benchmark* b)
{
  for (int n : {100, 300, 1000, 3000})
    b->Arg(n);
  b->Unit(benchmark::kMillisecond);
}

void count(benchmark::State& state, std::size_t orgs)
{
  const model::Region& r = region_for(orgs);
  state.counters["orgs"]   = static_cast<double>(r.organisations.size());
  state.counters["assets"] = static_cast<double>(r.assets.size());
}

void BM_Generate(benchmark::State& state)
{
  auto orgs = static_cast<std::size_t>(state.range(0));
  for (auto _ : state)
    benchmark::DoNotOptimize(scenario::generate_region({orgs, SEED, 16}));
  count(state, orgs);
}
BENCHMARK(BM_Generate)->Apply(sizes);

void BM_LoadRegion(benchmark::State& state)
{
  auto orgs        = static_cast<std::size_t>(state.range(0));
  std::string path = (files_for(orgs) / "region.yaml").string();
  for (auto _ : state)
    benchmark::DoNotOptimize(scenario::load_region(path));
  count(state, orgs);
}
BENCHMARK(BM_LoadRegion)->Apply(sizes);

void BM_LoadScenario(benchmark::State& state)
{
  auto orgs        = static_cast<std::size_t>(state.range(0));
  std::string path = (files_for(orgs) / "scenario.yaml").string();
  for (auto _ : state)
    benchmark::DoNotOptimize(scenario::load_scenario(path));
  count(state, orgs);
}
BENCHMARK(BM_LoadScenario)->Apply(sizes);

void BM_RegionGraph(benchmark::State& state)
{
  auto orgs                = static_cast<std::size_t>(state.range(0));
  const model::Region& r   = region_for(orgs);
  for (auto _ : state)
    benchmark::DoNotOptimize(model::RegionGraph(r));
  count(state, orgs);
}
BENCHMARK(BM_RegionGraph)->Apply(sizes);

// `ricochet analyze` as it is, JSON included: every entry point, every directory.
void BM_Analyze(benchmark::State& state)
{
  auto orgs              = static_cast<std::size_t>(state.range(0));
  const model::Region& r = region_for(orgs);
  for (auto _ : state)
    benchmark::DoNotOptimize(io::analyze(r, {}, {}, {}));
  count(state, orgs);
}
BENCHMARK(BM_Analyze)->Apply(sizes);

// The same questions on one model::ExposureAnalysis, without the JSON: the model's share of analyze.
void BM_ExposureAnalysis(benchmark::State& state)
{
  auto orgs              = static_cast<std::size_t>(state.range(0));
  const model::Region& r = region_for(orgs);
  std::vector<std::string> entries = model::entry_points(r), targets;
  for (const auto& a : r.assets)
    if (a.kind == model::AssetKind::DIRECTORY)
      targets.push_back(a.id);
  std::size_t pairs = 0;
  for (auto _ : state) {
    model::ExposureAnalysis exposure(r);
    for (const auto& e : entries)
      benchmark::DoNotOptimize(exposure.blast_radius(e));
    benchmark::DoNotOptimize(model::single_points(r));
    benchmark::DoNotOptimize(model::shared_single_points(r));
    pairs = 0;
    for (const auto& e : entries)
      for (const auto& t : targets)
        if (e != t) {
          benchmark::DoNotOptimize(exposure.minimum_cut(e, t, {}));
          ++pairs;
        }
    benchmark::DoNotOptimize(exposure.rank_changes(entries));
  }
  count(state, orgs);
  state.counters["entries"] = static_cast<double>(entries.size());
  state.counters["pairs"]   = static_cast<double>(pairs);
}
BENCHMARK(BM_ExposureAnalysis)->Apply(sizes);

void BM_LoadReferenceRegion(benchmark::State& state)
{
  std::string path = std::string(RICOCHET_SOURCE_DIR) + "/scenarios/regions/bourgogne-franche-comte.yaml";
  if (!fs::exists(path)) {
    state.SkipWithError("no reference region");
    return;
  }
  std::size_t orgs = 0, assets = 0;
  for (auto _ : state) {
    model::Region r = scenario::load_region(path);
    orgs = r.organisations.size(), assets = r.assets.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["orgs"]   = static_cast<double>(orgs);
  state.counters["assets"] = static_cast<double>(assets);
}
BENCHMARK(BM_LoadReferenceRegion)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  fs::remove_all(work_dir());
  return 0;
}
