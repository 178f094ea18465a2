#pragma once
// The region as a SimGrid platform, built in code: one host per infrastructure root (an asset that runs on no
// other), connected to its zone's router by its network interface; one router per zone; region links between
// routers; the Internet's router and the attacker's host behind it. Shortest routes (Dijkstra, cached).
#include <string>
#include <vector>

#include <simgrid/s4u.hpp>

#include "ricochet/model/region.hpp"

namespace ricochet::sim {

class Platform {
public:
  /** host_speed: bytes per second an attacker encrypts on one host. */
  Platform(const model::Region& region, double host_speed, double attacker_bandwidth_Bps);

  /** The host an asset's work runs on (its hosting root). */
  [[nodiscard]] simgrid::s4u::Host* host_of(std::size_t asset) const { return hosts_[asset]; }
  [[nodiscard]] simgrid::s4u::Host* attacker() const { return attacker_; }
  /** Where the parties' actors live; it is connected to nothing. */
  [[nodiscard]] simgrid::s4u::Host* control() const { return control_; }

private:
  std::vector<simgrid::s4u::Host*> hosts_;
  simgrid::s4u::Host* attacker_ = nullptr;
  simgrid::s4u::Host* control_  = nullptr;
};

} // namespace ricochet::sim
