// SimGrid's raw throughput on this machine: the yardstick of the engine's overhead (docs/performance.md).
//   ricochet_bench_simgrid sleep N   one actor doing sleep_for N times (one event per sleep)
//   ricochet_bench_simgrid timer N   N kernel timers, each callback setting the next (no actor at all)
// Prints: mode=... events=N wall_ms=X events_per_s=X
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u.hpp>

namespace {

long remaining = 0;

void next_timer()
{
  if (--remaining > 0)
    simgrid::kernel::timer::Timer::set(simgrid::s4u::Engine::get_clock() + 0.001, next_timer);
}

} // namespace

int main(int argc, char** argv)
{
  simgrid::s4u::Engine engine(&argc, argv);
  if (argc != 3 || (std::string(argv[1]) != "sleep" && std::string(argv[1]) != "timer")) {
    std::cerr << "usage: ricochet_bench_simgrid sleep|timer N\n";
    return 2;
  }
  std::string mode = argv[1];
  long n           = std::atol(argv[2]);
  auto* zone       = simgrid::s4u::create_full_zone("zone");
  auto* host       = zone->create_host("host", 1e9);
  zone->seal();
  if (mode == "sleep")
    simgrid::s4u::Actor::create("sleeper", host, [n] {
      for (long i = 0; i < n; ++i)
        simgrid::s4u::this_actor::sleep_for(0.001);
    });
  else {
    remaining = n;
    simgrid::kernel::timer::Timer::set(0.001, next_timer);
  }
  auto t0 = std::chrono::steady_clock::now();
  engine.run();
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "mode=" << mode << " events=" << n << " wall_ms=" << s * 1000
            << " events_per_s=" << static_cast<long>(static_cast<double>(n) / s) << '\n';
  return 0;
}
