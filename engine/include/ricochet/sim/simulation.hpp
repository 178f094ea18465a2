#pragma once
// The simulation facade: SimGrid stays behind it (only engine/src/sim includes SimGrid).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ricochet/model/region.hpp"
#include "ricochet/scenario/scenario.hpp"
#include "ricochet/sim/event.hpp"

namespace ricochet::sim {

struct RunOptions {
  std::string variant;               ///< empty: the base region
  std::optional<std::uint64_t> seed; ///< overrides the scenario's seed
  std::vector<TrainerAction> actions; ///< trainer decisions (a branch of the scenario), checked by the caller
  /** Keep every function's sample at every step (care_samples(), care.csv). A batch needs only the totals, and the
      series of a regional run is tens of megabytes. */
  bool care_series = true;
};

/** One simulated run. SimGrid allows one engine per process: create one Simulation per process (fork for more). */
class Simulation {
public:
  /** Creates the engine; consumes SimGrid's --cfg=/--log= arguments from argv. */
  Simulation(int* argc, char** argv);
  ~Simulation();
  Simulation(const Simulation&)            = delete;
  Simulation& operator=(const Simulation&) = delete;

  /** Builds the platform and the actors. @throw std::invalid_argument for an unknown variant */
  void setup(const scenario::Scenario& scenario, const RunOptions& options);
  /** Runs to the end of the scenario. */
  void run();
  /** Runs until simulated time t (no-op if t <= now), for live stepping. */
  void run_until(double t);
  [[nodiscard]] double now() const;
  [[nodiscard]] double end_time() const;
  [[nodiscard]] bool finished() const;

  /** Called synchronously for every event, in order (recorders). */
  void on_event_cb(std::function<void(const Event&)> cb);
  /** Events emitted since the previous call (viewers poll this once per frame). */
  [[nodiscard]] std::vector<Event> drain_events();
  /** Every event so far. */
  [[nodiscard]] const std::vector<Event>& events() const;
  /** The region played (variant applied). */
  [[nodiscard]] const model::Region& region() const;
  [[nodiscard]] std::uint64_t seed() const;
  /** Every care function with patients, every accounting step so far. */
  [[nodiscard]] const std::vector<CareSample>& care_samples() const;
  /** How many times SimGrid's clock has moved forward (what SimGrid's raw timer benchmark counts, one timer per
      move: the yardstick of the engine's overhead, docs/performance.md). */
  [[nodiscard]] std::size_t clock_advances() const;

private:
  struct Impl;
  std::unique_ptr<Impl> pimpl_;
};

} // namespace ricochet::sim
