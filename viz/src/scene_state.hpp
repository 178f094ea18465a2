#pragma once
// What the viewer shows at one simulated instant, folded from the journal's events (no SFML here: testable alone).
// Rewinding is folding again from the start: the journal of a seeded run is the same whatever the path to t.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "ricochet/sim/event.hpp"

namespace ricochet::viz {

/** Display states, worst first (an organisation shows its worst asset). */
enum class Look { ENCRYPTED, RESTORING, COMPROMISED, DEGRADED, SHUT_DOWN, ISOLATED, RESTORED, NOMINAL };

[[nodiscard]] const char* look_name(Look look);

struct AssetLook {
  bool compromised = false, encrypted = false, isolated = false, restoring = false, restored = false;
  bool shut_down   = false;
  std::string availability = "up"; ///< asset.state: up, degraded, down
  [[nodiscard]] Look look() const;
};

struct Propagation {
  std::string from_asset, to_asset; ///< a foothold gained on to_asset by the step that came from from_asset's
  double time = 0;
};

struct SceneState {
  double time = 0;
  std::map<std::string, AssetLook> assets;            ///< by asset id (only those an event touched)
  std::map<std::string, std::string> care;            ///< care function -> up/degraded/down
  std::map<std::string, double> capacity;             ///< care function -> fraction of nominal
  std::map<std::string, std::string> org_state;       ///< organisation -> impacted/nominal
  std::map<std::string, bool> org_isolated;           ///< organisation cut from the outside
  std::map<std::string, std::string> ladders;         ///< ladder subject -> level
  bool craps      = false;
  double craps_at = 0;
  std::vector<const sim::Event*> feed;                ///< the latest notable events, newest last
  std::vector<Propagation> propagation;               ///< footholds, in order
  std::size_t applied = 0;                            ///< events folded
  std::size_t trainer_actions = 0;
};

/** Folds events with time <= t (events must be in journal order). feed keeps at most feed_size entries. */
[[nodiscard]] SceneState fold(const std::vector<sim::Event>& events, double t, std::size_t feed_size = 14);

/** A canonical text of everything a frame shows from the state (tests compare states with it). */
[[nodiscard]] std::string describe(const SceneState& state);

/** Time of the first event strictly after t, or -1 if none. */
[[nodiscard]] double next_event_time(const std::vector<sim::Event>& events, double t);

} // namespace ricochet::viz
