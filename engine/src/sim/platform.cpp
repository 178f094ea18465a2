#include "platform.hpp"

#include <functional>
#include <set>
#include <unordered_map>

namespace ricochet::sim {

namespace sg4 = simgrid::s4u;

Platform::Platform(const model::Region& region, double host_speed, double attacker_bandwidth_Bps)
{
  auto* zone = sg4::create_dijkstra_zone("region", true);
  std::unordered_map<std::string, simgrid::kernel::routing::NetPoint*> routers;
  for (const auto& z : region.zones)
    routers[z.id] = zone->create_router("zone:" + z.id);
  routers[model::INTERNET_ENDPOINT] = zone->create_router("ricochet:internet");

  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t a = 0; a < region.assets.size(); ++a)
    index.emplace(region.assets[a].id, a);
  std::function<std::size_t(std::size_t)> root = [&](std::size_t a) {
    const auto& host = region.assets[a].runs_on;
    return host.empty() ? a : root(index.at(host));
  };

  std::vector<sg4::Host*> root_hosts(region.assets.size(), nullptr);
  for (std::size_t a = 0; a < region.assets.size(); ++a) {
    const model::Asset& asset = region.assets[a];
    if (!asset.runs_on.empty())
      continue;
    sg4::Host* host  = zone->create_host("asset:" + asset.id, host_speed); // prefixed: no clash with our own
    sg4::Link* nic   = zone->create_link("nic:" + asset.id, asset.bandwidth_Bps)->set_latency(0)->seal();
    zone->add_route(host->get_netpoint(), routers.at(asset.zone), nullptr, nullptr, {sg4::LinkInRoute(nic)}, true);
    root_hosts[a] = host;
  }
  hosts_.resize(region.assets.size());
  for (std::size_t a = 0; a < region.assets.size(); ++a)
    hosts_[a] = root_hosts[root(a)];

  // One route per pair of zones: a second link between the same two zones adds no SimGrid route (parallel links
  // are rare in health territories and would need multipath routing).
  std::set<std::pair<std::string, std::string>> joined;
  for (const auto& l : region.links) {
    auto key = l.from < l.to ? std::make_pair(l.from, l.to) : std::make_pair(l.to, l.from);
    if (!joined.insert(key).second)
      continue;
    sg4::Link* link = zone->create_link("link:" + l.id, l.bandwidth_Bps)->set_latency(l.latency_s)->seal();
    zone->add_route(routers.at(l.from), routers.at(l.to), nullptr, nullptr, {sg4::LinkInRoute(link)}, true);
  }

  attacker_           = zone->create_host("ricochet:attacker", host_speed);
  sg4::Link* uplink   = zone->create_link("ricochet:attacker-uplink", attacker_bandwidth_Bps)->set_latency(0.02)->seal();
  zone->add_route(attacker_->get_netpoint(), routers.at(model::INTERNET_ENDPOINT), nullptr, nullptr,
                  {sg4::LinkInRoute(uplink)}, true);
  control_ = zone->create_host("ricochet:exercise-control", 1e9);
  zone->seal();
}

} // namespace ricochet::sim
