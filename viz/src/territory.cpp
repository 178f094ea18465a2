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

/** Scales places into [margin, 1 - margin] keeping the aspect ratio. The frame is the box of the places within
 *  Tukey's fences (1.5 interquartile ranges beyond the quartiles), so that far-away organisations (a vendor's head
 *  office in Paris) do not squeeze the territory into a corner; those beyond are held at the border. */
void fit(std::vector<OrgNode>& orgs, double margin)
{
  if (orgs.empty())
    return;
  std::vector<double> xs, ys;
  for (const auto& o : orgs)
    xs.push_back(o.at.x), ys.push_back(o.at.y);
  std::sort(xs.begin(), xs.end());
  std::sort(ys.begin(), ys.end());
  auto inliers = [](const std::vector<double>& v) {
    auto q       = [&](double p) { return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))]; };
    double iqr   = q(0.75) - q(0.25);
    double lo    = q(0.25) - 1.5 * iqr, hi = q(0.75) + 1.5 * iqr;
    auto first   = std::lower_bound(v.begin(), v.end(), lo);
    auto last    = std::upper_bound(v.begin(), v.end(), hi);
    return first < last ? std::make_pair(*first, *(last - 1)) : std::make_pair(q(0.5), q(0.5));
  };
  auto [x0, x1] = inliers(xs);
  auto [y0, y1] = inliers(ys);
  double span = std::max({x1 - x0, y1 - y0, 1e-9});
  double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  for (auto& o : orgs) {
    o.at.x = std::clamp(0.5 + (o.at.x - cx) / span * (1 - 2 * margin), margin, 1 - margin);
    o.at.y = std::clamp(0.5 + (o.at.y - cy) / span * (1 - 2 * margin), margin, 1 - margin);
  }
}

/** Pushes apart organisations closer than min_gap (co-located ones share a town: the room must see each), keeping
 *  the geography's overall shape. Deterministic: a fixed number of passes in index order. */
void spread(std::vector<OrgNode>& orgs, double min_gap)
{
  // Pairs clearly farther apart than min_gap are skipped on their squared distance: hypot for every pair of a
  // national territory took seconds at start-up. The margin keeps the decisions exactly those of hypot.
  const double apart_sq = min_gap * min_gap * (1 + 1e-9);
  for (int pass = 0; pass < 400; ++pass) {
    bool moved = false;
    for (std::size_t i = 0; i < orgs.size(); ++i)
      for (std::size_t j = i + 1; j < orgs.size(); ++j) {
        double dx = orgs[j].at.x - orgs[i].at.x, dy = orgs[j].at.y - orgs[i].at.y;
        if (dx * dx + dy * dy > apart_sq)
          continue;
        double d = std::hypot(dx, dy);
        if (d >= min_gap)
          continue;
        if (d < 1e-9) { // same place: part them along a direction given by their indices
          double a = 2.399963 * static_cast<double>(i + j); // golden angle
          dx = std::cos(a), dy = std::sin(a), d = 1;
        }
        double push = (min_gap - std::min(d, min_gap)) / 2 + 1e-4;
        orgs[i].at.x -= dx / d * push, orgs[i].at.y -= dy / d * push;
        orgs[j].at.x += dx / d * push, orgs[j].at.y += dy / d * push;
        moved = true;
      }
    if (!moved)
      break;
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
  t.node_scale = std::clamp(std::sqrt(20.0 / static_cast<double>(std::max<std::size_t>(t.orgs.size(), 1))), 0.3, 1.0);
  fit(t.orgs, 0.08);
  spread(t.orgs, 0.15 * t.node_scale);
  for (auto& o : t.orgs) // spreading may have pushed some past the border
    o.at.x = std::clamp(o.at.x, 0.04, 0.96), o.at.y = std::clamp(o.at.y, 0.04, 0.96);
  return t;
}

} // namespace ricochet::viz
