#include "ricochet/model/region_graph.hpp"

#include <stdexcept>

namespace ricochet::model {
namespace {

std::string key(NodeType type, const std::string& id)
{
  return std::to_string(static_cast<int>(type)) + ":" + id;
}

} // namespace

RegionGraph::Vertex RegionGraph::add_node(NodeType type, std::size_t index, const std::string& id)
{
  Vertex v = boost::add_vertex(Node{type, index, id}, graph_);
  by_key_.emplace(key(type, id), v);
  return v;
}

RegionGraph::Vertex RegionGraph::vertex_of(NodeType type, const std::string& id) const
{
  auto it = by_key_.find(key(type, id));
  if (it == by_key_.end())
    throw std::invalid_argument("region graph: unknown reference '" + id + "'");
  return it->second;
}

std::optional<RegionGraph::Vertex> RegionGraph::find_vertex(NodeType type, const std::string& id) const
{
  auto it = by_key_.find(key(type, id));
  if (it == by_key_.end())
    return std::nullopt;
  return it->second;
}

RegionGraph::Vertex RegionGraph::asset_vertex(const std::string& id) const
{
  auto v = find_vertex(NodeType::ASSET, id);
  if (!v)
    throw std::out_of_range("no asset '" + id + "'");
  return *v;
}

RegionGraph::RegionGraph(Region region) : region_(std::move(region))
{
  region_.reindex();
  const Region& r = region_;
  for (std::size_t i = 0; i < r.organisations.size(); ++i)
    add_node(NodeType::ORGANISATION, i, r.organisations[i].id);
  for (std::size_t i = 0; i < r.zones.size(); ++i)
    add_node(NodeType::ZONE, i, r.zones[i].id);
  add_node(NodeType::INTERNET, 0, INTERNET_ENDPOINT);
  for (std::size_t i = 0; i < r.domains.size(); ++i)
    add_node(NodeType::DOMAIN, i, r.domains[i].id);
  for (std::size_t i = 0; i < r.assets.size(); ++i)
    add_node(NodeType::ASSET, i, r.assets[i].id);
  for (std::size_t i = 0; i < r.care_functions.size(); ++i)
    add_node(NodeType::CARE_FUNCTION, i, r.care_functions[i].id);

  auto edge = [this](Vertex from, Vertex to, Edge e) { boost::add_edge(from, to, e, graph_); };
  auto endpoint = [this](const std::string& id) {
    return id == INTERNET_ENDPOINT ? vertex_of(NodeType::INTERNET, id) : vertex_of(NodeType::ZONE, id);
  };

  for (const auto& z : r.zones)
    edge(vertex_of(NodeType::ZONE, z.id), vertex_of(NodeType::ORGANISATION, z.org), {EdgeType::ZONE_OF});
  for (std::size_t i = 0; i < r.links.size(); ++i) {
    const Link& l = r.links[i];
    Edge e{EdgeType::LINK, i};
    edge(endpoint(l.from), endpoint(l.to), e);
    if (l.two_way) {
      e.reverse = true;
      edge(endpoint(l.to), endpoint(l.from), e);
    }
  }
  for (std::size_t i = 0; i < r.trusts.size(); ++i) {
    const Trust& t = r.trusts[i];
    Edge e{EdgeType::TRUST, i};
    edge(vertex_of(NodeType::DOMAIN, t.from), vertex_of(NodeType::DOMAIN, t.to), e);
    if (t.two_way) {
      e.reverse = true;
      edge(vertex_of(NodeType::DOMAIN, t.to), vertex_of(NodeType::DOMAIN, t.from), e);
    }
  }
  for (const auto& a : r.assets) {
    Vertex v = vertex_of(NodeType::ASSET, a.id);
    edge(v, vertex_of(NodeType::ZONE, a.zone), {EdgeType::LOCATED_IN});
    if (!a.domain.empty())
      edge(v, vertex_of(NodeType::DOMAIN, a.domain), {EdgeType::JOINED_TO});
    if (!a.runs_on.empty())
      edge(v, vertex_of(NodeType::ASSET, a.runs_on), {EdgeType::RUNS_ON});
    for (std::size_t d = 0; d < a.depends_on.size(); ++d) {
      const Dependency& dep = a.depends_on[d];
      edge(v, vertex_of(NodeType::ASSET, dep.target), {EdgeType::DEPENDS_ON, d, dep.hard, dep.buffer_s});
    }
    if (a.backup)
      for (const auto& p : a.backup->protects)
        edge(v, vertex_of(NodeType::ASSET, p), {EdgeType::PROTECTS});
  }
  for (const auto& c : r.care_functions) {
    Vertex v = vertex_of(NodeType::CARE_FUNCTION, c.id);
    for (const auto& n : c.needs)
      edge(v, vertex_of(NodeType::ASSET, n), {EdgeType::NEEDS});
    for (const auto& u : c.uses)
      edge(v, vertex_of(NodeType::ASSET, u), {EdgeType::USES});
  }
}

} // namespace ricochet::model
