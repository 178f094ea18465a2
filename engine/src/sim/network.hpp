#pragma once
// Who can open a connection to whom: the region's zones joined by links (a directed edge per allowed direction),
// links that can be cut at run time, and flows filtering what may cross. Boost.Graph breadth-first searches.
#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "ricochet/model/region.hpp"

namespace ricochet::sim {

class Network {
public:
  explicit Network(const model::Region& region);

  /** Index of a zone id, or internet() for "internet". @throw std::out_of_range if unknown */
  [[nodiscard]] int zone_index(const std::string& id) const;
  [[nodiscard]] int internet() const noexcept { return internet_; }
  [[nodiscard]] std::size_t zone_count() const noexcept { return static_cast<std::size_t>(internet_) + 1; }

  /** True if a connection can be opened from zone `from` to zone `to` over links that are not cut and that carry
   *  one of flows (any link if flows is empty). A zone reaches itself. */
  [[nodiscard]] bool reachable(int from, int to, model::FlowSet flows = {}) const;

  void set_cut(std::size_t link, bool cut);
  [[nodiscard]] bool is_cut(std::size_t link) const { return cut_[link]; }
  /** Links with an end in zone z. */
  [[nodiscard]] const std::vector<std::size_t>& links_of_zone(int z) const { return links_of_zone_[static_cast<std::size_t>(z)]; }
  [[nodiscard]] int link_end(std::size_t link, bool to_end) const { return to_end ? ends_[link].second : ends_[link].first; }

private:
  struct Arc {
    std::size_t link = 0;
  };
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, Arc>;

  struct OpenArc; ///< the arcs a search may cross (network.cpp)
  void search(int from, model::FlowSet flows, std::vector<char>& seen) const;

  const model::Region& region_;
  std::unordered_map<std::string, int> index_;
  int internet_ = 0;
  Graph graph_;
  std::vector<char> cut_;
  std::vector<std::pair<int, int>> ends_;
  std::vector<std::vector<std::size_t>> links_of_zone_;
  mutable std::vector<std::vector<char>> any_cache_; ///< per source zone, for flow-less queries
};

} // namespace ricochet::sim
