#pragma once
// A viewing session: the events of a run and a clock over them. Replay reads a journal; live plays a scenario
// and, on each trainer decision, simulates the branch again from the start with the same seed (SimGrid allows one
// engine per process, so every simulation runs in a forked child). Rewinding is folding the journal again.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ricochet/core/local_time.hpp"
#include "ricochet/io/run_dir.hpp"
#include "ricochet/sim/event.hpp"
#include "territory.hpp"

namespace ricochet::scenario {
struct Scenario;
}

namespace ricochet::viz {

struct LiveSpec {
  std::string scenario, variant;
  std::optional<std::uint64_t> seed;
};

class Session {
public:
  /** Replays DIR/journal.jsonl over DIR/region.json, once they match DIR's manifest.
   *  @throw scenario::ScenarioError when DIR is not a complete run or on unreadable input */
  static Session replay(const std::string& dir);
  /** Plays a scenario live. @throw scenario::ScenarioError on bad input */
  static Session live(const LiveSpec& spec);

  [[nodiscard]] const std::vector<sim::Event>& events() const { return events_; }
  [[nodiscard]] const Territory& territory() const { return territory_; }
  [[nodiscard]] const core::LocalClock& clock() const { return clock_; }
  [[nodiscard]] bool is_live() const { return live_.has_value(); }
  /** The end of the scenario, or of the journal if it ended early. */
  [[nodiscard]] double end() const { return end_; }
  /** Set when a replayed journal has no simulation.end: it ended early. */
  [[nodiscard]] const std::string& warning() const { return warning_; }

  // The clock.
  [[nodiscard]] double now() const { return now_; }
  [[nodiscard]] bool paused() const { return paused_; }
  [[nodiscard]] double speed() const { return speed_; }
  void set_paused(bool p) { paused_ = p; }
  void set_speed(double s) { speed_ = s; }
  /** Moves the clock to t (clamped to [0, end]): forwards or backwards alike. */
  void jump(double t);
  /** Advances by wall seconds times the speed, unless paused. */
  void tick(double wall_seconds);
  /** Jumps to the next event after now (stays if none). */
  void step();

  /** Live only: applies a decision at the current time and simulates the branch.
   *  @throw std::invalid_argument if it names nothing known or in replay mode */
  void decide(const std::string& decision_without_time);
  [[nodiscard]] const std::vector<sim::TrainerAction>& actions() const { return actions_; }
  /** Writes the branch: DIR/journal.jsonl, DIR/region.json, DIR/actions.txt (replayable with ricochet run) and the
   *  manifest (a run directory: --replay takes it). @throw core::UserError if DIR cannot be written */
  void save(const std::string& dir) const;

private:
  Session(std::vector<sim::Event> events, nlohmann::json graph, core::LocalClock clock);
  void simulate();

  std::vector<sim::Event> events_;
  nlohmann::json graph_;
  Territory territory_;
  core::LocalClock clock_;
  std::optional<LiveSpec> live_;
  std::optional<io::RunIdentity> replayed_; ///< what made the replayed run, for saving it again
  std::shared_ptr<const scenario::Scenario> scenario_;
  std::vector<sim::TrainerAction> actions_;
  double end_ = 0, now_ = 0, speed_ = 600;
  bool paused_ = false;
  std::string warning_;
};

} // namespace ricochet::viz
