#pragma once
// The region as one Boost.Graph multigraph: organisations, zones, assets, identity domains and care functions are
// vertices; containment, hosting, dependencies, needs, backups, network links and trusts are typed edges.
// Edges point from the dependant to what it relies on (asset -> host, asset -> dependency, care -> asset),
// so "what fails if X fails" walks edges backwards.
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "ricochet/model/region.hpp"

namespace ricochet::model {

enum class NodeType { ORGANISATION, ZONE, ASSET, DOMAIN, CARE_FUNCTION, INTERNET };

enum class EdgeType {
  ZONE_OF,    ///< zone -> organisation
  LOCATED_IN, ///< asset -> zone
  RUNS_ON,    ///< asset -> hosting asset
  DEPENDS_ON, ///< asset -> asset it depends on
  NEEDS,      ///< care function -> asset it cannot run without
  USES,       ///< care function -> asset whose loss degrades it
  PROTECTS,   ///< backup -> protected asset
  JOINED_TO,  ///< asset -> identity domain
  LINK,       ///< zone -> zone (or internet); one edge per direction the link allows
  TRUST       ///< domain -> domain: identities of the source are accepted in the target (one edge per direction)
};

struct Node {
  NodeType type = NodeType::ASSET;
  std::size_t index = 0; ///< into the matching Region vector (unused for INTERNET)
  std::string id;
};

struct Edge {
  EdgeType type = EdgeType::DEPENDS_ON;
  std::size_t index = 0; ///< link or trust index for LINK/TRUST; dependency index within the asset for DEPENDS_ON
  bool hard         = true;  ///< DEPENDS_ON only
  double buffer_s   = 0;     ///< DEPENDS_ON only
  bool reverse      = false; ///< LINK/TRUST: the reverse direction of a two-way relation
};

/** The region's graph with id lookups. Holds a copy of the region it was built from. */
class RegionGraph {
public:
  using Graph  = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;
  using Vertex = Graph::vertex_descriptor;

  /** Builds the graph. @throw std::invalid_argument if the region has a dangling reference (the loader checks
   *  references first, so this signals an unchecked region) */
  explicit RegionGraph(Region region);

  [[nodiscard]] const Graph& graph() const noexcept { return graph_; }
  [[nodiscard]] const Region& region() const noexcept { return region_; }

  /** The vertex of an asset. @throw std::out_of_range if there is none */
  [[nodiscard]] Vertex asset_vertex(const std::string& id) const;
  /** The vertex of an asset, or std::nullopt. */
  [[nodiscard]] std::optional<Vertex> find_vertex(NodeType type, const std::string& id) const;
  [[nodiscard]] const Node& node(Vertex v) const { return graph_[v]; }

  /** Hosts of an asset, nearest first (its host, its host's host, ...). */
  [[nodiscard]] std::vector<std::string> hosting_chain(const std::string& asset) const;
  /** Assets running on host, directly or (if transitive) through other hosted assets; sorted by id. */
  [[nodiscard]] std::vector<std::string> hosted_on(const std::string& host, bool transitive) const;
  /** Everything an asset needs to be up: its hosts and hard dependencies, transitively; sorted by id. */
  [[nodiscard]] std::vector<std::string> requirements(const std::string& asset) const;
  /** Assets that go down (hosting and hard dependencies, transitively) if this one does; sorted by id. */
  [[nodiscard]] std::vector<std::string> failure_closure(const std::string& asset) const;
  /** Care functions that need the asset directly or through its failure closure; sorted by id. */
  [[nodiscard]] std::vector<std::string> care_functions_at_risk(const std::string& asset) const;
  /** Assets with a direct dependency (hard or soft) on this one; sorted by id. */
  [[nodiscard]] std::vector<std::string> dependants(const std::string& asset) const;

  /** True if a connection can be opened from one zone to another over the region's links (any flow, in the
   *  directions the links allow). A zone reaches itself. */
  [[nodiscard]] bool zone_reaches(const std::string& from_zone, const std::string& to_zone) const;

  /** A cycle through edges of the given type (hard ones only for DEPENDS_ON), as ids "a, b, ..., a", or empty. */
  [[nodiscard]] std::vector<std::string> find_cycle(EdgeType type) const;

private:
  Vertex add_node(NodeType type, std::size_t index, const std::string& id);
  Vertex vertex_of(NodeType type, const std::string& id) const;

  /** Which zones (by index; the Internet last) a zone reaches over links, computed once per zone: the loader asks
   *  for every care function's needs, and a BFS each time made loading quadratic in the size of the region. */
  const std::vector<bool>& zones_reached_from(Vertex zone) const;

  Region region_;
  Graph graph_;
  std::unordered_map<std::string, Vertex> by_key_; ///< "<type>:<id>"
  mutable std::unordered_map<Vertex, std::vector<bool>> zones_reached_; ///< cache of zones_reached_from
};

} // namespace ricochet::model
