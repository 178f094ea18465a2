#pragma once
// The region graph for other tools: Graphviz DOT (clusters per organisation and zone) and JSON.
#include <string>

#include <nlohmann/json.hpp>

#include "ricochet/model/region_graph.hpp"

namespace ricochet::io {

/** DOT text: organisations and zones as nested clusters, assets and care functions inside them, identity
 *  domains outside; hosting, dependencies, needs, backups, links and trusts as styled edges. */
[[nodiscard]] std::string graph_to_dot(const model::RegionGraph& graph, const std::string& variant);

/** The JSON document documented in docs/graph-json.md ("ricochet-graph" version 1). Thread-safe: it only builds
 *  values (nlohmann's text output reads the C locale, which is not). */
[[nodiscard]] nlohmann::json graph_json(const model::RegionGraph& graph, const std::string& variant);

/** graph_json as text, indented by 2, with a final newline. */
[[nodiscard]] std::string graph_to_json(const model::RegionGraph& graph, const std::string& variant);

} // namespace ricochet::io
