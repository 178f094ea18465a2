#include "territory.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>
#include <stdexcept>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/circle_layout.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/topology.hpp>

namespace ricochet::viz {

namespace {

std::string after_colon(const std::string& key) { return key.substr(key.find(':') + 1); }

/** Scales places into [margin, 1 - margin] keeping the aspect ratio. */
void fit(std::vector<OrgNode>& orgs, double margin)
{
  if (orgs.empty())
    return;
  double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
  for (const auto& o : orgs) {
    x0 = std::min(x0, o.at.x), x1 = std::max(x1, o.at.x);
    y0 = std::min(y0, o.at.y), y1 = std::max(y1, o.at.y);
  }
  double span = std::max({x1 - x0, y1 - y0, 1e-9});
  double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  for (auto& o : orgs) {
    o.at.x = 0.5 + (o.at.x - cx) / span * (1 - 2 * margin);
    o.at.y = 0.5 + (o.at.y - cy) / span * (1 - 2 * margin);
  }
}

/** Equirectangular projection around the territory's mean latitude (a département is small: good enough). */
void project(std::vector<OrgNode>& orgs, const std::vector<std::pair<double, double>>& latlon)
{
  double mean = 0;
  for (const auto& [lat, lon] : latlon)
    mean += lat / static_cast<double>(latlon.size());
  const double k = std::cos(mean * M_PI / 180);
  for (std::size_t i = 0; i < orgs.size(); ++i)
    orgs[i].at = {latlon[i].second * k, -latlon[i].first};
}

void force_layout(std::vector<OrgNode>& orgs, const std::vector<OrgEdge>& edges)
{
  using Topology = boost::square_topology<>;
  using Graph    = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                      boost::property<boost::vertex_index_t, std::size_t>>;
  Graph g(orgs.size());
  for (const auto& e : edges)
    boost::add_edge(e.a, e.b, g);
  std::vector<Topology::point_type> pos(orgs.size());
  auto map = boost::make_iterator_property_map(pos.begin(), boost::get(boost::vertex_index, g));
  boost::circle_graph_layout(g, map, 100.0); // deterministic start: the same picture every time
  Topology topology(200.0);
  boost::fruchterman_reingold_force_directed_layout(g, map, topology);
  for (std::size_t i = 0; i < orgs.size(); ++i)
    orgs[i].at = {pos[i][0], pos[i][1]};
}

} // namespace

Territory territory_from_graph(const nlohmann::json& graph)
{
  if (graph.value("format", "") != "ricochet-graph")
    throw std::runtime_error("not a region graph (expected \"format\": \"ricochet-graph\")");
  Territory t;
  t.region = graph.value("region", "");
  std::map<std::string, std::size_t> org_index;
  std::map<std::string, std::size_t> zone_org;
  std::vector<std::pair<double, double>> latlon;
  t.geographic = true;
  for (const auto& n : graph.at("nodes")) {
    std::string type = n.at("type");
    if (type == "organisation") {
      org_index[n.at("id")] = t.orgs.size();
      t.orgs.push_back({n.at("id"), n.value("name", ""), n.value("kind", ""), {}, {}, {}});
      const auto& loc = n.value("location", nlohmann::json());
      if (loc.is_object())
        latlon.emplace_back(loc.at("lat").get<double>(), loc.at("lon").get<double>());
      else
        t.geographic = false;
    }
  }
  for (const auto& n : graph.at("nodes")) {
    std::string type = n.at("type");
    if (type == "zone")
      zone_org[n.at("id")] = org_index.at(n.at("org"));
    else if (type == "asset") {
      std::size_t o = org_index.at(n.at("org"));
      t.orgs[o].assets.push_back(n.at("id"));
      t.org_of_asset[n.at("id")] = o;
    } else if (type == "care_function")
      t.orgs[org_index.at(n.at("org"))].care.push_back(n.at("id"));
  }
  std::set<std::tuple<std::size_t, std::size_t, bool>> seen;
  for (const auto& e : graph.at("edges")) {
    std::string type = e.at("type");
    std::string from = e.at("from"), to = e.at("to");
    std::size_t a = 0, b = 0;
    bool hosting  = false;
    if (type == "link" && from.rfind("zone:", 0) == 0 && to.rfind("zone:", 0) == 0) {
      a = zone_org.at(after_colon(from));
      b = zone_org.at(after_colon(to));
    } else if (type == "runs_on" || type == "depends_on") {
      a       = t.org_of_asset.at(after_colon(to)); // the host / the provider
      b       = t.org_of_asset.at(after_colon(from));
      hosting = type == "runs_on";
    } else
      continue;
    if (a == b || !seen.insert({std::min(a, b), std::max(a, b), hosting}).second)
      continue;
    t.edges.push_back({a, b, hosting});
  }
  if (t.geographic && !t.orgs.empty())
    project(t.orgs, latlon);
  else
    force_layout(t.orgs, t.edges);
  fit(t.orgs, 0.08);
  return t;
}

} // namespace ricochet::viz
