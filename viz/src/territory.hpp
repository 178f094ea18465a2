#pragma once
// The territory as the viewer draws it, read from the region graph JSON that `ricochet run` writes (region.json):
// organisations placed by their location (projected), or by a Boost.Graph force-directed layout when any lacks one.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ricochet::viz {

struct Place {
  double x = 0, y = 0; ///< in [0, 1] x [0, 1], y downwards
};

struct OrgNode {
  std::string id, name, kind;
  Place at;
  std::vector<std::string> assets; ///< its assets, in region order
  std::vector<std::string> care;   ///< its care functions ("org/name")
};

/** An organisation-level relation: a network link between their zones, or one hosting the other's IT. */
struct OrgEdge {
  std::size_t a = 0, b = 0;
  bool hosting = false; ///< a hosts assets of b
};

struct Territory {
  std::string region;
  std::vector<OrgNode> orgs;
  std::vector<OrgEdge> edges;
  std::map<std::string, std::size_t> org_of_asset; ///< asset id -> index in orgs
  bool geographic = false; ///< placed by lat/lon
  /** Size of a node relative to a small territory's (1 up to about 20 organisations, smaller beyond so that a
   *  region of 150 stays readable); spacing, asset marks and labels follow it. */
  double node_scale = 1;
};

/** @throw std::runtime_error if the document is not a ricochet-graph */
[[nodiscard]] Territory territory_from_graph(const nlohmann::json& graph);

} // namespace ricochet::viz
