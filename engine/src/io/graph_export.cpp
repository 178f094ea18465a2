#include "ricochet/io/graph_export.hpp"

#include <map>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ricochet/core/enum_names.hpp"
#include "ricochet/core/suggest.hpp"

namespace ricochet::io {
namespace {

using namespace ricochet::model;

const char* node_type_name(NodeType t)
{
  switch (t) {
    case NodeType::ORGANISATION: return "organisation";
    case NodeType::ZONE: return "zone";
    case NodeType::ASSET: return "asset";
    case NodeType::DOMAIN: return "domain";
    case NodeType::CARE_FUNCTION: return "care_function";
    case NodeType::INTERNET: return "internet";
  }
  return "?";
}

const char* edge_type_name(EdgeType t)
{
  switch (t) {
    case EdgeType::ZONE_OF: return "zone_of";
    case EdgeType::LOCATED_IN: return "located_in";
    case EdgeType::RUNS_ON: return "runs_on";
    case EdgeType::DEPENDS_ON: return "depends_on";
    case EdgeType::NEEDS: return "needs";
    case EdgeType::USES: return "uses";
    case EdgeType::PROTECTS: return "protects";
    case EdgeType::JOINED_TO: return "joined_to";
    case EdgeType::LINK: return "link";
    case EdgeType::TRUST: return "trust";
  }
  return "?";
}

std::string key(const Node& n) { return std::string(node_type_name(n.type)) + ":" + n.id; }

/** A DOT double-quoted string. */
std::string quote(const std::string& s)
{
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::vector<std::string> flow_names(FlowSet flows)
{
  std::vector<std::string> out;
  for (const auto& name : core::enum_names<Flow>())
    if (flows.contains(*core::enum_from_name<Flow>(name)))
      out.push_back(name);
  return out;
}

const char* asset_shape(AssetKind k)
{
  switch (k) {
    case AssetKind::DIRECTORY:
    case AssetKind::HYPERVISOR:
    case AssetKind::STORAGE: return "box3d";
    case AssetKind::BACKUP: return "cylinder";
    case AssetKind::WORKSTATIONS: return "tab";
    default: return "box";
  }
}

} // namespace

std::string graph_to_dot(const RegionGraph& graph, const std::string& variant)
{
  const Region& r = graph.region();
  const auto& g   = graph.graph();
  std::string out = fmt::format("digraph {} {{\n  compound=true; rankdir=LR; fontname=\"DejaVu Sans\";\n",
                                quote(r.name + (variant.empty() ? "" : " [" + variant + "]")));
  out += "  node [fontname=\"DejaVu Sans\", fontsize=10]; edge [fontname=\"DejaVu Sans\", fontsize=8];\n";
  for (std::size_t oi = 0; oi < r.organisations.size(); ++oi) {
    const Organisation& o = r.organisations[oi];
    out += fmt::format("  subgraph {} {{\n    label={}; style=rounded;\n", quote("cluster_org_" + o.id),
                       quote(o.name + "\n(" + std::string(core::enum_name(o.kind)) + ")"));
    for (const auto& zid : o.zones) {
      const Zone* z = r.find_zone(zid);
      out += fmt::format("    subgraph {} {{\n      label={}; style=dashed;\n", quote("cluster_zone_" + zid),
                         quote(z->name));
      out += fmt::format("      {} [label={}, shape=point, width=0.15];\n", quote("zone:" + zid), quote(z->name));
      for (const auto& a : r.assets)
        if (a.zone == zid)
          out += fmt::format("      {} [label={}, shape={}];\n", quote("asset:" + a.id),
                             quote(a.id + "\n" + std::string(core::enum_name(a.kind))), asset_shape(a.kind));
      out += "    }\n";
    }
    for (const auto& c : r.care_functions)
      if (c.org == o.id)
        out += fmt::format("    {} [label={}, shape=ellipse, style=filled, fillcolor=\"#e8f4e8\"];\n",
                           quote("care_function:" + c.id), quote(c.name));
    out += "  }\n";
  }
  // Assets placed in a zone of another organisation were drawn there; domains and the internet stand apart.
  out += "  \"internet:internet\" [label=\"Internet\", shape=doublecircle];\n";
  for (const auto& d : r.domains)
    out += fmt::format("  {} [label={}, shape=diamond];\n", quote("domain:" + d.id), quote(d.id));

  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const Edge& ed   = g[e];
    const Node& from = g[boost::source(e, g)];
    const Node& to   = g[boost::target(e, g)];
    std::string style;
    switch (ed.type) {
      case EdgeType::ZONE_OF:
      case EdgeType::LOCATED_IN:
      case EdgeType::JOINED_TO:
        continue; // shown by the clusters, or too dense to draw
      case EdgeType::RUNS_ON: style = "style=bold, color=\"#1f4e9c\", label=\"runs on\""; break;
      case EdgeType::DEPENDS_ON:
        style = ed.hard ? "color=\"#333333\"" : "style=dashed, color=\"#777777\"";
        break;
      case EdgeType::NEEDS: style = "color=\"#2e7d32\""; break;
      case EdgeType::USES: style = "style=dashed, color=\"#2e7d32\""; break;
      case EdgeType::PROTECTS: style = "style=dotted, color=\"#8e24aa\", label=\"backup\""; break;
      case EdgeType::LINK: {
        if (ed.reverse)
          continue;
        const Link& l = r.links[ed.index];
        style = fmt::format("dir={}, color=\"#c62828\", label={}", l.two_way ? "both" : "forward",
                            quote(l.id + ": " + core::join(flow_names(l.flows), ",")));
        break;
      }
      case EdgeType::TRUST: {
        if (ed.reverse)
          continue;
        const Trust& t = r.trusts[ed.index];
        style = fmt::format("dir={}, style=dashed, color=\"#ef6c00\", label={}", t.two_way ? "both" : "forward",
                            quote(t.mfa ? "trust (MFA)" : "trust"));
        break;
      }
    }
    out += fmt::format("  {} -> {} [{}];\n", quote(key(from)), quote(key(to)), style);
  }
  out += "}\n";
  return out;
}

nlohmann::json graph_json(const RegionGraph& graph, const std::string& variant)
{
  using nlohmann::json;
  const Region& r = graph.region();
  const auto& g   = graph.graph();
  json nodes      = json::array();
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    json j{{"key", key(n)}, {"id", n.id}, {"type", node_type_name(n.type)}};
    switch (n.type) {
      case NodeType::ORGANISATION: {
        const Organisation& o = r.organisations[n.index];
        j["name"]       = o.name;
        j["kind"]       = core::enum_name(o.kind);
        j["role"]       = core::enum_name(o.role);
        j["ght"]        = o.ght.empty() ? json(nullptr) : json(o.ght);
        j["continuity"] = core::enum_name(o.continuity);
        j["location"]   = o.location ? json{{"lat", o.location->lat}, {"lon", o.location->lon}} : json(nullptr);
        break;
      }
      case NodeType::ZONE: j["org"] = r.zones[n.index].org; break;
      case NodeType::ASSET: {
        const Asset& a = r.assets[n.index];
        j["name"]       = a.name;
        j["kind"]       = core::enum_name(a.kind);
        j["org"]        = a.org;
        j["zone"]       = a.zone;
        j["domain"]     = a.domain.empty() ? json(nullptr) : json(a.domain);
        j["data_bytes"] = a.data_bytes;
        j["rto_s"]      = a.rto_s ? json(*a.rto_s) : json(nullptr);
        json controls   = json::array();
        for (auto c : {Control::EDR, Control::SOC, Control::MFA})
          if (a.controls.contains(c))
            controls.push_back(core::enum_name(c));
        j["controls"] = controls;
        if (a.backup)
          j["backup_mode"] = core::enum_name(a.backup->mode);
        break;
      }
      case NodeType::DOMAIN: {
        const Domain& d = r.domains[n.index];
        j["owner"]     = d.owner;
        j["forest"]    = d.forest;
        j["tiering"]   = d.tiering;
        j["bastion"]   = d.bastion;
        j["admin_mfa"] = d.admin_mfa;
        break;
      }
      case NodeType::CARE_FUNCTION: {
        const CareFunction& c = r.care_functions[n.index];
        j["org"]  = c.org;
        j["kind"] = core::enum_name(c.kind);
        break;
      }
      case NodeType::INTERNET: break;
    }
    nodes.push_back(std::move(j));
  }
  json edges = json::array();
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const Edge& ed = g[e];
    if (ed.reverse)
      continue; // two-way links and trusts are one edge with "two_way": true
    json j{{"type", edge_type_name(ed.type)}, {"from", key(g[boost::source(e, g)])}, {"to", key(g[boost::target(e, g)])}};
    if (ed.type == EdgeType::DEPENDS_ON) {
      j["hard"]     = ed.hard;
      j["buffer_s"] = ed.buffer_s;
    } else if (ed.type == EdgeType::LINK) {
      const Link& l    = r.links[ed.index];
      j["id"]            = l.id;
      j["bandwidth_bps"] = l.bandwidth_Bps * 8;
      j["latency_s"]     = l.latency_s;
      j["flows"]         = flow_names(l.flows);
      j["two_way"]       = l.two_way;
    } else if (ed.type == EdgeType::TRUST) {
      const Trust& t = r.trusts[ed.index];
      j["two_way"]   = t.two_way;
      j["mfa"]       = t.mfa;
    }
    edges.push_back(std::move(j));
  }
  json doc{{"format", "ricochet-graph"},
           {"version", 1},
           {"region", r.name},
           {"variant", variant.empty() ? json(nullptr) : json(variant)},
           {"nodes", std::move(nodes)},
           {"edges", std::move(edges)}};
  return doc;
}

std::string graph_to_json(const RegionGraph& graph, const std::string& variant)
{
  return graph_json(graph, variant).dump(2) + "\n";
}

} // namespace ricochet::io
