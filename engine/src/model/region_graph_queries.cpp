// Graph queries over RegionGraph, using Boost.Graph traversals on filtered views.
#include <algorithm>
#include <functional>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/property_map/property_map.hpp>

#include "ricochet/model/region_graph.hpp"

namespace ricochet::model {
namespace {

using Graph  = RegionGraph::Graph;
using Vertex = RegionGraph::Vertex;

/** Edges along which unavailability travels: hosting and hard dependencies. */
bool carries_failure(const Edge& e) { return e.type == EdgeType::RUNS_ON || (e.type == EdgeType::DEPENDS_ON && e.hard); }

struct EdgePredicate {
  const Graph* g = nullptr;
  std::function<bool(const Edge&)> keep;
  bool operator()(const Graph::edge_descriptor& e) const { return keep((*g)[e]); }
  bool operator()(const boost::detail::reverse_graph_edge_descriptor<Graph::edge_descriptor>& e) const
  {
    return keep((*g)[e.underlying_descx]);
  }
};

// Records every vertex reached by a BFS.
struct Collector : boost::default_bfs_visitor {
  std::vector<Vertex>* reached;
  explicit Collector(std::vector<Vertex>* out) : reached(out) {}
  template <typename G> void discover_vertex(Vertex v, const G&) const { reached->push_back(v); }
};

template <typename G> std::vector<Vertex> reach(const G& g, Vertex start, std::size_t n)
{
  std::vector<Vertex> reached;
  std::vector<boost::default_color_type> colors(n);
  auto color_map = boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g));
  boost::breadth_first_search(g, start, boost::visitor(Collector(&reached)).color_map(color_map));
  return reached;
}

std::vector<std::string> sorted_ids(const Graph& g, const std::vector<Vertex>& vs, Vertex skip, NodeType type)
{
  std::vector<std::string> out;
  for (Vertex v : vs)
    if (v != skip && g[v].type == type)
      out.push_back(g[v].id);
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

std::vector<std::string> RegionGraph::hosting_chain(const std::string& asset) const
{
  std::vector<std::string> chain;
  const Asset* a = region_.find_asset(asset);
  while (a != nullptr && !a->runs_on.empty() && chain.size() <= region_.assets.size()) {
    chain.push_back(a->runs_on);
    a = region_.find_asset(a->runs_on);
  }
  return chain;
}

std::vector<std::string> RegionGraph::hosted_on(const std::string& host, bool transitive) const
{
  Vertex h = asset_vertex(host);
  if (!transitive) {
    std::vector<std::string> out;
    for (auto e : boost::make_iterator_range(boost::in_edges(h, graph_)))
      if (graph_[e].type == EdgeType::RUNS_ON)
        out.push_back(graph_[boost::source(e, graph_)].id);
    std::sort(out.begin(), out.end());
    return out;
  }
  boost::reverse_graph<Graph> rev(graph_);
  EdgePredicate pred{&graph_, [](const Edge& e) { return e.type == EdgeType::RUNS_ON; }};
  boost::filtered_graph<boost::reverse_graph<Graph>, EdgePredicate> view(rev, pred);
  return sorted_ids(graph_, reach(view, h, boost::num_vertices(graph_)), h, NodeType::ASSET);
}

std::vector<std::string> RegionGraph::requirements(const std::string& asset) const
{
  Vertex a = asset_vertex(asset);
  EdgePredicate pred{&graph_, carries_failure};
  boost::filtered_graph<Graph, EdgePredicate> view(graph_, pred);
  return sorted_ids(graph_, reach(view, a, boost::num_vertices(graph_)), a, NodeType::ASSET);
}

std::vector<std::string> RegionGraph::failure_closure(const std::string& asset) const
{
  Vertex a = asset_vertex(asset);
  boost::reverse_graph<Graph> rev(graph_);
  EdgePredicate pred{&graph_, carries_failure};
  boost::filtered_graph<boost::reverse_graph<Graph>, EdgePredicate> view(rev, pred);
  return sorted_ids(graph_, reach(view, a, boost::num_vertices(graph_)), a, NodeType::ASSET);
}

std::vector<std::string> RegionGraph::care_functions_at_risk(const std::string& asset) const
{
  Vertex a = asset_vertex(asset);
  boost::reverse_graph<Graph> rev(graph_);
  EdgePredicate pred{&graph_, [](const Edge& e) { return carries_failure(e) || e.type == EdgeType::NEEDS; }};
  boost::filtered_graph<boost::reverse_graph<Graph>, EdgePredicate> view(rev, pred);
  return sorted_ids(graph_, reach(view, a, boost::num_vertices(graph_)), a, NodeType::CARE_FUNCTION);
}

bool RegionGraph::zone_reaches(const std::string& from_zone, const std::string& to_zone) const
{
  if (from_zone == to_zone)
    return true;
  auto from = find_vertex(NodeType::ZONE, from_zone);
  auto to   = find_vertex(NodeType::ZONE, to_zone);
  if (!from || !to)
    return false;
  return zones_reached_from(*from)[graph_[*to].index];
}

const std::vector<bool>& RegionGraph::zones_reached_from(Vertex zone) const
{
  auto cached = zones_reached_.find(zone);
  if (cached != zones_reached_.end())
    return cached->second;
  // Links join only zones and the Internet: a BFS over them, marking zones by index (the Internet after them).
  const std::size_t internet = region_.zones.size();
  auto slot = [&](Vertex v) { return graph_[v].type == NodeType::ZONE ? graph_[v].index : internet; };
  std::vector<bool> reached(internet + 1, false);
  std::vector<Vertex> queue{zone};
  reached[slot(zone)] = true;
  for (std::size_t head = 0; head < queue.size(); ++head)
    for (auto e : boost::make_iterator_range(boost::out_edges(queue[head], graph_))) {
      if (graph_[e].type != EdgeType::LINK)
        continue;
      Vertex next = boost::target(e, graph_);
      if (!reached[slot(next)]) {
        reached[slot(next)] = true;
        queue.push_back(next);
      }
    }
  return zones_reached_.emplace(zone, std::move(reached)).first->second;
}

std::vector<std::string> RegionGraph::dependants(const std::string& asset) const
{
  Vertex a = asset_vertex(asset);
  std::vector<std::string> out;
  for (auto e : boost::make_iterator_range(boost::in_edges(a, graph_)))
    if (graph_[e].type == EdgeType::DEPENDS_ON)
      out.push_back(graph_[boost::source(e, graph_)].id);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

struct CycleFound {};

// Remembers the DFS tree; on the first back edge rebuilds the cycle and stops the search.
struct CycleRecorder : boost::default_dfs_visitor {
  std::vector<Vertex>* parent;
  std::vector<Vertex>* cycle;
  CycleRecorder(std::vector<Vertex>* p, std::vector<Vertex>* c) : parent(p), cycle(c) {}
  template <typename E, typename G> void tree_edge(E e, const G& g) const { (*parent)[boost::target(e, g)] = boost::source(e, g); }
  template <typename E, typename G> void back_edge(E e, const G& g) const
  {
    Vertex from = boost::source(e, g), to = boost::target(e, g);
    std::vector<Vertex> path{from};
    for (Vertex v = from; v != to; v = (*parent)[v])
      path.push_back((*parent)[v]);
    std::reverse(path.begin(), path.end()); // to ... from
    path.push_back(to);
    *cycle = path;
    throw CycleFound{};
  }
};

} // namespace

std::vector<std::string> RegionGraph::find_cycle(EdgeType type) const
{
  EdgePredicate pred{&graph_, [type](const Edge& e) {
                       return e.type == type && (type != EdgeType::DEPENDS_ON || e.hard);
                     }};
  boost::filtered_graph<Graph, EdgePredicate> view(graph_, pred);
  const std::size_t n = boost::num_vertices(graph_);
  std::vector<Vertex> parent(n), cycle;
  for (std::size_t i = 0; i < n; ++i)
    parent[i] = i;
  std::vector<boost::default_color_type> colors(n);
  auto color_map = boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, graph_));
  try {
    boost::depth_first_search(view, boost::visitor(CycleRecorder(&parent, &cycle)).color_map(color_map));
  } catch (const CycleFound&) {
    std::vector<std::string> ids;
    for (Vertex v : cycle)
      ids.push_back(graph_[v].id);
    return ids;
  }
  return {};
}

} // namespace ricochet::model
