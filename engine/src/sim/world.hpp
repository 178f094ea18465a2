#pragma once
// The state of a run and its direct propagation: asset conditions, availability cascading along hosting and
// dependencies (after their buffers), reachability through cut links, care functions and impacted organisations.
// Every change is an Event naming its cause. No SimGrid here: time and delayed re-evaluations come from outside.
#include <cstdint>
#include <functional>
#include <limits>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "network.hpp"
#include "ricochet/core/local_time.hpp"
#include "ricochet/model/region.hpp"
#include "ricochet/sim/event.hpp"

namespace ricochet::sim {

inline constexpr std::size_t NONE = std::numeric_limits<std::size_t>::max();

/** What happened to the asset itself. */
enum class Condition { OK, ENCRYPTED, DESTROYED, SHUT_DOWN, RECOVERING };
/** Whether it can be used, given its condition, its host, its dependencies and the network. */
enum class Service { UP, DEGRADED, DOWN };

[[nodiscard]] const char* to_string(Condition c);
[[nodiscard]] const char* to_string(Service s);

struct AssetRuntime {
  Condition condition = Condition::OK;
  std::uint64_t condition_event = 0;
  bool compromised = false;
  bool isolated    = false;
  std::uint64_t isolated_event = 0;
  bool copies_lost = false; ///< a backup whose copies were destroyed or encrypted
  Service service  = Service::UP;
  std::uint64_t service_event = 0;
  std::vector<double> lost_since; ///< per dependency; NaN while the dependency is available
  std::vector<std::uint64_t> lost_cause; ///< per dependency: what made it lost, when it was
  std::size_t zone = 0;           ///< network zone index
  std::size_t host = NONE;        ///< hosting asset
  std::size_t org  = 0;
  std::size_t domain = NONE;
};

struct CareRuntime {
  Service state = Service::UP;
  std::uint64_t event = 0;
  std::size_t org = 0;
  std::vector<std::size_t> required; ///< asset index of each need then use
  std::vector<double> lost_since; ///< per need then use; NaN while available
  std::vector<std::uint64_t> lost_cause;
};

struct OrgRuntime {
  bool impacted = false;
  std::uint64_t event = 0;
  std::vector<std::size_t> zones;
};

class World {
public:
  using Clock     = std::function<double()>;
  using Scheduler = std::function<void(double when, std::function<void()> task)>;
  using Listener  = std::function<void(const Event&)>;

  World(const model::Region& region, const core::LocalClock& clock, Clock now);

  /** Where delayed re-evaluations (dependency buffers) go. */
  void set_scheduler(Scheduler s) { schedule_ = std::move(s); }
  /** Called for every event, synchronously; listeners schedule work rather than change the world. */
  void subscribe(Listener l) { listeners_.push_back(std::move(l)); }

  [[nodiscard]] double now() const { return now_(); }
  [[nodiscard]] const model::Region& region() const { return region_; }
  [[nodiscard]] const core::LocalClock& clock() const { return clock_; }
  [[nodiscard]] Network& network() { return network_; }
  [[nodiscard]] const Network& network() const { return network_; }
  [[nodiscard]] const std::vector<Event>& events() const { return events_; }

  [[nodiscard]] std::size_t asset_index(const std::string& id) const;
  [[nodiscard]] std::size_t org_index(const std::string& id) const;
  [[nodiscard]] std::size_t domain_index(const std::string& id) const;
  [[nodiscard]] const AssetRuntime& asset(std::size_t i) const { return assets_[i]; }
  [[nodiscard]] const OrgRuntime& org(std::size_t i) const { return orgs_[i]; }
  [[nodiscard]] const CareRuntime& care(std::size_t i) const { return care_[i]; }
  [[nodiscard]] std::size_t asset_count() const { return assets_.size(); }
  /** Assets the organisation owns, in region order. */
  [[nodiscard]] const std::vector<std::size_t>& assets_of_org(std::size_t org) const { return assets_of_org_[org]; }
  /** Assets running on host, transitively, in region order. */
  [[nodiscard]] std::vector<std::size_t> hosted_closure(std::size_t host) const;
  /** Organisation that runs the zone the asset is in (its IT team restores it). */
  [[nodiscard]] std::size_t operator_of(std::size_t asset) const;

  /** Appends an event (time = now) and tells the listeners. Returns its id. */
  std::uint64_t emit(const std::string& kind, const std::string& subject, const std::string& state,
                     std::uint64_t cause, nlohmann::json details = nlohmann::json::object());

  /** The attacker now controls the asset. */
  std::uint64_t compromise(std::size_t asset, std::uint64_t cause, nlohmann::json details);
  /** Changes what happened to an asset (kind: the event kind to emit, e.g. "asset.encrypted"); cascades. */
  std::uint64_t set_condition(std::size_t asset, Condition c, const std::string& kind, std::uint64_t cause,
                              nlohmann::json details = nlohmann::json::object());
  void set_compromised(std::size_t asset, bool compromised) { assets_[asset].compromised = compromised; }
  void set_copies_lost(std::size_t asset) { assets_[asset].copies_lost = true; }
  /** The attacker holds administrator rights over the domain: its directory must be rebuilt before reuse. */
  void mark_domain_lost(std::size_t domain) { domains_lost_.insert(domain); }
  [[nodiscard]] bool domain_lost(std::size_t domain) const { return domains_lost_.count(domain) != 0; }
  /** Its directory was rebuilt: the domain can be trusted again. */
  void clear_domain_lost(std::size_t domain) { domains_lost_.erase(domain); }
  /** Disconnects (or reconnects) an asset from the network; cascades. */
  std::uint64_t set_isolated(std::size_t asset, bool isolated, std::uint64_t cause);
  /** An isolation holds these links cut (hold) or lets go of them (release). A link is cut while any isolation
   *  holds it: one reconnection does not undo another's isolation. One event per link that changed; cascades once. */
  void hold_links(const std::vector<std::size_t>& links, bool hold, std::uint64_t cause);

  /** Re-evaluates everything (initial state, after topology changes). */
  void reevaluate_all();

private:
  struct Verdict {
    Service service = Service::UP;
    std::uint64_t cause = 0;
    std::string reason;
  };

  Verdict evaluate_asset(std::size_t a);
  Verdict evaluate_care(std::size_t c);
  /** The dependency target is unusable from `from`'s zone: down, isolated or unreachable. */
  bool lost_for(std::size_t from_zone, std::size_t target, std::uint64_t& cause, std::string& why) const;
  void propagate(const std::vector<std::size_t>& seeds, bool all_care);
  void update_care_and_orgs(const std::vector<char>& touched_assets, bool all);

  const model::Region& region_;
  const core::LocalClock& clock_;
  Clock now_;
  Scheduler schedule_;
  std::vector<Listener> listeners_;
  Network network_;
  std::vector<AssetRuntime> assets_;
  std::vector<CareRuntime> care_;
  std::vector<OrgRuntime> orgs_;
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> dependants_; ///< target -> (asset, dep index)
  std::vector<std::vector<std::size_t>> hosted_;                             ///< host -> hosted assets
  std::vector<std::vector<std::size_t>> care_of_asset_;                      ///< asset -> care functions
  std::vector<std::vector<std::size_t>> assets_of_org_, care_of_org_;
  std::unordered_map<std::string, std::size_t> asset_index_, org_index_, domain_index_;
  std::vector<Event> events_;
  std::set<std::size_t> domains_lost_;
  std::vector<std::size_t> check_care_; ///< care functions whose need buffer ran out
  std::vector<int> link_holds_;
  std::uint64_t topology_event_ = 0; ///< last link cut or isolation: the cause of unreachability
};

} // namespace ricochet::sim
