#pragma once
// Whole-region checks once every section is read: references, derived defaults, cycles, consistency, warnings.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ricochet/model/region.hpp"
#include "ricochet/model/region_graph.hpp"
#include "yaml_reader.hpp"

namespace ricochet::scenario::detail {

enum class RefKind { ASSET, ZONE, DOMAIN, ORGANISATION, ENDPOINT };

/** A reference read from the file, checked once all ids are known. */
struct PendingRef {
  RefKind kind;
  std::string id;
  SourcePos pos;
  std::string context; ///< "'runs_on' of asset 'x'"
};

class RegionChecker {
public:
  RegionChecker(const Context& ctx, model::Region& region, const std::vector<PendingRef>& refs,
                const std::set<std::string>& data_given)
      : ctx_(ctx), region_(region), refs_(refs), data_given_(data_given)
  {
  }
  /** Reports every problem; completes derived values (zones of hosted assets, link endpoints, data volumes). */
  void run();

private:
  bool check_references();
  void resolve_link_endpoints();
  void derive_zones();
  void derive_data();
  void check_cycles();
  void check_consistency();
  void warn_suspicious();

  const Context& ctx_;
  model::Region& region_;
  const std::vector<PendingRef>& refs_;
  const std::set<std::string>& data_given_;
  std::optional<model::RegionGraph> graph_; ///< built by check_cycles, used again by warn_suspicious (a copy of the region)
};

} // namespace ricochet::scenario::detail
