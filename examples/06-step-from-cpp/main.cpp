// Example 06: the engine inside your own program. Loads a scenario, advances it one simulated hour at a time and
// prints what changed during each hour, as a viewer or a serious game would between two frames.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "ricochet/core/local_time.hpp"
#include "ricochet/io/journal.hpp"
#include "ricochet/scenario/error.hpp"
#include "ricochet/scenario/loader.hpp"
#include "ricochet/sim/simulation.hpp"

namespace {

int step_hour_by_hour(ricochet::sim::Simulation& simulation, const char* path)
{
  using namespace ricochet;
  const scenario::Scenario exercise = scenario::load_scenario(path); // throws ScenarioError: file:line:col
  const core::LocalClock clock(exercise.timezone, exercise.start_local);
  simulation.setup(exercise, sim::RunOptions{}); // the base region, the scenario's seed, no trainer decision
  std::cout << exercise.name << ": " << simulation.end_time() / 3600 << " h from " << clock.human(0)
            << ", stepped hour by hour\n";
  for (int hour = 1; !simulation.finished(); ++hour) {
    const double from = simulation.now();
    simulation.run_until(from + 3600); // events at from + 3600 itself included; stops at the scenario's end
    const std::vector<sim::Event> changes = simulation.drain_events();
    std::cout << "\nHour " << hour << ", " << clock.human(from) << " to " << clock.human(simulation.now()) << ": "
              << (changes.empty() ? "nothing changed" : std::to_string(changes.size()) + " events") << '\n';
    for (const sim::Event& e : changes)
      std::cout << "  " << io::timeline_line(e, clock) << '\n';
  }
  return 0;
}

} // namespace

int main(int argc, char* argv[])
{
  // First, so that it takes SimGrid's own --cfg=... and --log=... options out of argv.
  ricochet::sim::Simulation simulation(&argc, argv);
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " SCENARIO.yaml\n";
    return 2;
  }
  try {
    return step_hour_by_hour(simulation, argv[1]);
  } catch (const ricochet::scenario::ScenarioError& e) { // bad input: the messages say where and what
    std::cerr << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) { // anything else is a bug
    std::cerr << "internal error: " << e.what() << '\n';
    return 1;
  }
}
