#pragma once
// Recovery teams: each organisation's technicians (actors) restore what runs in its zones, clean core first
// (directories, storage, hypervisors, backups, then applications by RTO); from the best surviving backup over the
// network (a SimGrid transfer, so restores sharing a link slow each other down) or rebuilt from scratch.
// Regional support adds technicians shared by the organisations that asked for it.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <simgrid/s4u.hpp>

#include "platform.hpp"
#include "ricochet/scenario/defence.hpp"
#include "wakeups.hpp"
#include "world.hpp"

namespace ricochet::sim {

class Recovery {
public:
  Recovery(World& world, const Platform& platform, const scenario::Recovery& config, Wakeups& wakeups);

  /** Creates, before the run, the technicians of the organisations that may recover (and the regional ones): they
   *  wait until called, so that no actor is created in the middle of a response (ADR 0002). */
  void spawn(const std::vector<std::size_t>& teams, bool regional);
  /** The organisation starts recovering what runs in its zones. */
  void start(std::size_t org, std::uint64_t cause);
  /** The organisation asks for regional support: technicians arrive after the configured delay. */
  void request_regional(std::size_t org, std::uint64_t cause);
  /** Wakes idle technicians: something they wait for may have changed. */
  void on_event(const Event& e);

private:
  struct Plan {
    enum class Method { RESTORE, REBUILD } method = Method::REBUILD;
    std::size_t backup = NONE;
    double prepare_s   = 0; ///< technician work before the transfer (or the whole rebuild)
  };

  void technician(std::size_t team, bool regional);
  /** The most urgent job of these teams that can start now. */
  std::optional<std::size_t> pick(const std::vector<std::size_t>& teams) const;
  bool needs_recovery(std::size_t asset) const;
  bool ready(std::size_t asset) const;
  /** How to bring the asset back, or std::nullopt if a surviving backup exists but cannot be used yet. */
  std::optional<Plan> plan(std::size_t asset) const;
  void recover(std::size_t asset, const Plan& plan, std::uint64_t cause, const std::string& who);
  /** A directory of a domain the attacker administered, not yet rebuilt since. */
  bool untrusted(std::size_t asset) const;
  void wake();

  World& world_;
  const Platform& platform_;
  const scenario::Recovery& config_;
  Wakeups& wakeups_;
  std::vector<char> team_started_;
  std::vector<std::uint64_t> ordered_by_; ///< per organisation: its recovery order event
  std::vector<char> taken_;
  std::vector<char> cleaned_;            ///< directories rebuilt since their domain was lost
  std::vector<std::uint64_t> requested_; ///< per organisation: its regional support request
  std::vector<std::size_t> regional_teams_;
  bool regional_requested_ = false;
  bool regional_arrived_   = false;
  std::uint64_t regional_cause_ = 0;
  simgrid::s4u::MutexPtr mutex_;
  simgrid::s4u::ConditionVariablePtr cv_;
  // Indexes of what does not change during a run (zones, domains, hosting, backups): choosing a job used to scan
  // every asset of the region for each candidate, quadratic in its size.
  std::vector<std::vector<std::size_t>> operated_;    ///< per organisation: the assets it operates, ascending
  std::vector<std::vector<std::size_t>> directories_; ///< per domain: its directory assets
  std::vector<std::vector<std::size_t>> backups_of_;  ///< per asset: the backups that protect it, ascending
  std::vector<char> hosts_directory_;                 ///< per asset: a directory runs on it, directly or not
};

} // namespace ricochet::sim
