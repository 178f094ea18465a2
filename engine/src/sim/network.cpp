#include "network.hpp"

#include <stdexcept>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>

namespace ricochet::sim {
namespace {

bool carries(model::FlowSet link_flows, model::FlowSet wanted)
{
  if (wanted.empty() || link_flows.contains(model::Flow::ANY))
    return true;
  return (link_flows.bits() & wanted.bits()) != 0;
}

} // namespace

Network::Network(const model::Region& region) : region_(region), graph_(region.zones.size() + 1)
{
  for (std::size_t i = 0; i < region.zones.size(); ++i)
    index_.emplace(region.zones[i].id, static_cast<int>(i));
  internet_ = static_cast<int>(region.zones.size());
  index_.emplace(model::INTERNET_ENDPOINT, internet_);
  links_of_zone_.resize(zone_count());
  cut_.assign(region.links.size(), 0);
  for (std::size_t l = 0; l < region.links.size(); ++l) {
    const model::Link& link = region.links[l];
    int from = zone_index(link.from), to = zone_index(link.to);
    ends_.emplace_back(from, to);
    boost::add_edge(static_cast<std::size_t>(from), static_cast<std::size_t>(to), Arc{l}, graph_);
    if (link.two_way)
      boost::add_edge(static_cast<std::size_t>(to), static_cast<std::size_t>(from), Arc{l}, graph_);
    links_of_zone_[static_cast<std::size_t>(from)].push_back(l);
    links_of_zone_[static_cast<std::size_t>(to)].push_back(l);
  }
}

int Network::zone_index(const std::string& id) const
{
  auto it = index_.find(id);
  if (it == index_.end())
    throw std::out_of_range("no zone '" + id + "'");
  return it->second;
}

void Network::set_cut(std::size_t link, bool cut)
{
  if ((cut_[link] != 0) == cut)
    return;
  cut_[link] = cut ? 1 : 0;
  any_cache_.clear();
}

namespace {
struct Marker : boost::default_bfs_visitor {
  std::vector<char>* seen;
  explicit Marker(std::vector<char>* s) : seen(s) {}
  template <typename G> void discover_vertex(std::size_t v, const G&) const { (*seen)[v] = 1; }
};
} // namespace

/** Arcs of links not cut that carry one of the flows. A plain type, not a std::function: the search calls it for
 *  every arc it looks at, and searches are most of setting up and simulating a national region. */
struct Network::OpenArc {
  const Network* network = nullptr;
  model::FlowSet flows;
  bool operator()(const Graph::edge_descriptor& e) const
  {
    std::size_t l = network->graph_[e].link;
    return network->cut_[l] == 0 && carries(network->region_.links[l].flows, flows);
  }
};

void Network::search(int from, model::FlowSet flows, std::vector<char>& seen) const
{
  boost::filtered_graph<Graph, OpenArc> view(graph_, OpenArc{this, flows});
  seen.assign(zone_count(), 0);
  std::vector<boost::default_color_type> colors(zone_count());
  boost::breadth_first_search(view, static_cast<std::size_t>(from),
                              boost::visitor(Marker(&seen))
                                  .color_map(boost::make_iterator_property_map(colors.begin(),
                                                                               boost::get(boost::vertex_index, graph_))));
}

bool Network::reachable(int from, int to, model::FlowSet flows) const
{
  if (from == to)
    return true;
  if (!flows.empty()) {
    std::vector<char> seen;
    search(from, flows, seen);
    return seen[static_cast<std::size_t>(to)] != 0;
  }
  if (any_cache_.empty())
    any_cache_.resize(zone_count());
  auto& seen = any_cache_[static_cast<std::size_t>(from)];
  if (seen.empty())
    search(from, flows, seen);
  return seen[static_cast<std::size_t>(to)] != 0;
}

} // namespace ricochet::sim
