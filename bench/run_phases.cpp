// One whole run, phase by phase: loading, setting up the engine, simulating, building the outputs (not writing
// them). One line of results on standard output:
//   orgs=N assets=N load_ms=X setup_ms=X run_ms=X outputs_ms=X events=N events_per_s=X clock_advances=N
//   advances_per_s=X output_bytes=N   (events: journal events; clock_advances: moves of SimGrid's clock)
// A process per run: SimGrid allows one engine per process (bench/run.sh starts it several times).
#include <chrono>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ricochet/core/allocator.hpp"

#include "ricochet/core/local_time.hpp"
#include "ricochet/io/care_csv.hpp"
#include "ricochet/io/graph_export.hpp"
#include "ricochet/io/journal.hpp"
#include "ricochet/io/summary.hpp"
#include "ricochet/model/region_graph.hpp"
#include "ricochet/scenario/loader.hpp"
#include "ricochet/sim/simulation.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

} // namespace

int main(int argc, char** argv)
{
  ricochet::core::tune_allocator(); // as the ricochet program does
  if (argc < 2) {
    std::cerr << "usage: ricochet_bench_run SCENARIO [--cfg=... --log=...]\n";
    return 2;
  }
  using namespace ricochet;
  try {
    std::string path = argv[1];
    std::vector<char*> engine_argv{argv[0]};
    for (int i = 2; i < argc; ++i)
      engine_argv.push_back(argv[i]);
    engine_argv.push_back(nullptr);
    int engine_argc = static_cast<int>(engine_argv.size()) - 1;

    auto t0            = Clock::now();
    scenario::Scenario s = scenario::load_scenario(path);
    double load_ms     = ms_since(t0);

    t0 = Clock::now();
    sim::Simulation simulation(&engine_argc, engine_argv.data());
    simulation.setup(s, sim::RunOptions{});
    double setup_ms = ms_since(t0);

    t0 = Clock::now();
    simulation.run();
    double run_ms = ms_since(t0);

    t0 = Clock::now();
    core::LocalClock clock(s.timezone, s.start_local);
    const auto& events = simulation.events();
    std::size_t bytes  = io::journal_text(events, clock).size();
    bytes += io::care_csv(simulation.care_samples(), simulation.region(), clock).size();
    bytes += io::graph_to_json(model::RegionGraph(simulation.region()), "").size();
    bytes += io::summarize(events, simulation.region(), clock).dump(2).size();
    double outputs_ms = ms_since(t0);

    std::cout << fmt::format("orgs={} assets={} load_ms={:.1f} setup_ms={:.1f} run_ms={:.1f} outputs_ms={:.1f} "
                             "events={} events_per_s={:.0f} clock_advances={} advances_per_s={:.0f} output_bytes={}\n",
                             s.region.organisations.size(), s.region.assets.size(), load_ms, setup_ms, run_ms,
                             outputs_ms, events.size(), static_cast<double>(events.size()) / (run_ms / 1000),
                             simulation.clock_advances(),
                             static_cast<double>(simulation.clock_advances()) / (run_ms / 1000), bytes);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "ricochet_bench_run: " << e.what() << '\n';
    return 1;
  }
}
