// Static exposure analysis on the region's graphs (Boost.Graph traversals and max-flow).
#include "ricochet/model/exposure.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/edmonds_karp_max_flow.hpp>
#include <boost/graph/filtered_graph.hpp>

#include "ricochet/model/region_graph.hpp"

namespace ricochet::model {

namespace {

FlowSet lateral_flows()
{
  FlowSet f;
  for (Flow x : {Flow::RDP, Flow::SMB, Flow::SSH})
    f.add(x);
  return f;
}

bool carries(const Link& l, FlowSet wanted)
{
  return wanted.empty() || l.flows.contains(Flow::ANY) || (l.flows.bits() & wanted.bits()) != 0;
}

/** Zones (and the Internet) joined by links, one arc per direction a link allows. */
class Zones {
public:
  explicit Zones(const Region& r) : region_(r), graph_(r.zones.size() + 1)
  {
    for (std::size_t i = 0; i < r.zones.size(); ++i)
      index_.emplace(r.zones[i].id, i);
    index_.emplace(INTERNET_ENDPOINT, r.zones.size());
    for (std::size_t l = 0; l < r.links.size(); ++l) {
      std::size_t a = index_.at(r.links[l].from), b = index_.at(r.links[l].to);
      boost::add_edge(a, b, l, graph_);
      if (r.links[l].two_way)
        boost::add_edge(b, a, l, graph_);
    }
  }
  [[nodiscard]] std::size_t at(const std::string& zone) const { return index_.at(zone); }
  /** Zones reachable from `from` over links carrying `flows`, skipping link `without` (if set). */
  [[nodiscard]] std::vector<char> reach(std::size_t from, FlowSet flows, std::size_t without = SIZE_MAX) const
  {
    return reach(std::vector<std::size_t>{from}, flows, without);
  }
  /** Zones reachable from any of `from` (one search for all: what matters is whether some start reaches). */
  [[nodiscard]] std::vector<char> reach(const std::vector<std::size_t>& from, FlowSet flows,
                                        std::size_t without = SIZE_MAX) const
  {
    std::vector<char> seen(boost::num_vertices(graph_), 0);
    std::deque<std::size_t> todo;
    for (std::size_t z : from)
      if (seen[z] == 0) {
        seen[z] = 1;
        todo.push_back(z);
      }
    while (!todo.empty()) {
      std::size_t z = todo.front();
      todo.pop_front();
      for (auto e : boost::make_iterator_range(boost::out_edges(z, graph_))) {
        std::size_t l = graph_[e], next = boost::target(e, graph_);
        if (l == without || seen[next] != 0 || !carries(region_.links[l], flows))
          continue;
        seen[next] = 1;
        todo.push_back(next);
      }
    }
    return seen;
  }

private:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, std::size_t>;
  const Region& region_;
  std::unordered_map<std::string, std::size_t> index_;
  Graph graph_;
};

std::vector<std::string> sorted(std::set<std::string> s) { return {s.begin(), s.end()}; }

bool out_of_reach_backup(const Asset& a) { return a.backup && a.backup->mode != BackupMode::ONLINE; }

/** Domains whose identities are accepted, from held credentials, through trusts without MFA. */
std::set<std::string> identities(const Region& r, const std::set<std::string>& held)
{
  std::set<std::string> out(held.begin(), held.end());
  std::deque<std::string> todo(held.begin(), held.end());
  while (!todo.empty()) {
    std::string d = todo.front();
    todo.pop_front();
    for (const auto& t : r.trusts) {
      if (t.mfa)
        continue;
      std::string next = t.from == d ? t.to : (t.two_way && t.to == d ? t.from : "");
      if (!next.empty() && out.insert(next).second)
        todo.push_back(next);
    }
  }
  return out;
}

} // namespace

std::vector<std::string> entry_points(const Region& region)
{
  Zones zones(region);
  auto from_internet = zones.reach(zones.at(INTERNET_ENDPOINT), {});
  std::vector<std::string> out;
  for (const auto& a : region.assets)
    if ((from_internet[zones.at(a.zone)] != 0 && !a.controls.contains(Control::MFA) && !out_of_reach_backup(a) &&
         (a.kind == AssetKind::REMOTE_ACCESS || a.kind == AssetKind::INTERNET_GATEWAY || a.kind == AssetKind::SAAS)) ||
        a.kind == AssetKind::WORKSTATIONS)
      out.push_back(a.id);
  return out;
}

BlastRadius blast_radius(const Region& region, const std::string& entry)
{
  const Asset* start = region.find_asset(entry);
  if (start == nullptr)
    throw std::invalid_argument("no asset '" + entry + "'");
  Zones zones(region);
  const FlowSet lateral = lateral_flows();
  std::set<std::string> compromised{entry}, held;
  // A service reached from the Internet is entered with a valid account of its domain.
  if (!start->domain.empty() && zones.reach(zones.at(INTERNET_ENDPOINT), {})[zones.at(start->zone)] != 0 &&
      start->kind != AssetKind::WORKSTATIONS)
    held.insert(start->domain);
  bool grew = true;
  while (grew) {
    grew = false;
    for (const auto& id : compromised) {
      const Asset* a = region.find_asset(id);
      const Domain* d = a->domain.empty() ? nullptr : region.find_domain(a->domain);
      if (d != nullptr && (!d->tiering || a->kind != AssetKind::WORKSTATIONS))
        held.insert(a->domain);
    }
    std::set<std::string> accepted = identities(region, held);
    std::vector<std::size_t> footholds;
    for (const auto& id : compromised)
      footholds.push_back(zones.at(region.find_asset(id)->zone));
    const std::vector<char> reachable = zones.reach(footholds, lateral);
    for (const auto& t : region.assets) {
      if (compromised.count(t.id) != 0 || out_of_reach_backup(t) || t.controls.contains(Control::MFA) ||
          reachable[zones.at(t.zone)] == 0)
        continue;
      bool valid = !t.domain.empty() ? accepted.count(t.domain) != 0
                                     : std::any_of(region.domains.begin(), region.domains.end(), [&](const Domain& d) {
                                         return d.owner == t.org && accepted.count(d.id) != 0;
                                       });
      if (valid) {
        compromised.insert(t.id);
        grew = true;
      }
    }
  }
  RegionGraph graph(region);
  std::set<std::string> down, care, orgs;
  for (const auto& id : compromised) {
    down.insert(id);
    for (const auto& d : graph.failure_closure(id))
      down.insert(d);
    for (const auto& c : graph.care_functions_at_risk(id))
      care.insert(c);
  }
  for (const auto& c : care)
    orgs.insert(region.find_care_function(c)->org);
  std::set<std::string> domains(held.begin(), held.end());
  return {entry, sorted(compromised), sorted(identities(region, domains)), sorted(down), sorted(care), sorted(orgs)};
}

std::vector<SinglePoints> single_points(const Region& region)
{
  RegionGraph graph(region);
  Zones zones(region);
  std::vector<SinglePoints> out;
  for (const auto& c : region.care_functions) {
    SinglePoints sp{c.id, {}, {}};
    std::set<std::string> assets;
    for (const auto& need : c.needs) {
      assets.insert(need);
      for (const auto& r : graph.requirements(need))
        assets.insert(r);
    }
    sp.assets = sorted(assets);
    const Organisation* org = region.find_organisation(c.org);
    std::vector<std::size_t> own;
    for (const auto& z : org->zones)
      own.push_back(zones.at(z));
    const std::vector<char> before = zones.reach(own, {});
    for (std::size_t l = 0; l < region.links.size(); ++l) {
      // A link the organisation's zones do not reach carries none of its paths: cutting it changes nothing.
      if (before[zones.at(region.links[l].from)] == 0 && before[zones.at(region.links[l].to)] == 0)
        continue;
      const std::vector<char> after = zones.reach(own, {}, l);
      bool cuts = false;
      for (const auto& need : c.needs) {
        std::size_t target = zones.at(region.find_asset(need)->zone);
        cuts |= before[target] != 0 && after[target] == 0;
      }
      if (cuts)
        sp.links.push_back(region.links[l].id);
    }
    out.push_back(std::move(sp));
  }
  return out;
}

std::map<std::string, std::vector<std::string>> shared_single_points(const Region& region)
{
  std::map<std::string, std::set<std::string>> orgs_of;
  for (const auto& sp : single_points(region))
    for (const auto& a : sp.assets)
      orgs_of[a].insert(region.find_care_function(sp.care)->org);
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& [asset, orgs] : orgs_of)
    if (orgs.size() >= 2)
      out[asset] = sorted(orgs);
  return out;
}

namespace {

/** Max-flow min-cut on a small directed graph; arcs carry an id. Returns the ids of the arcs in the cut. */
std::vector<std::size_t> min_cut_arcs(std::size_t vertices, const std::vector<std::tuple<std::size_t, std::size_t, double, std::size_t>>& arcs,
                                      std::size_t source, std::size_t sink, double& total)
{
  using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
  using Graph  = boost::adjacency_list<
      boost::vecS, boost::vecS, boost::directedS, boost::no_property,
      boost::property<boost::edge_capacity_t, double,
                      boost::property<boost::edge_residual_capacity_t, double,
                                      boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;
  Graph g(vertices);
  auto capacity = boost::get(boost::edge_capacity, g);
  auto reverse  = boost::get(boost::edge_reverse, g);
  auto residual = boost::get(boost::edge_residual_capacity, g);
  std::vector<std::pair<Graph::edge_descriptor, std::size_t>> forward;
  for (const auto& [a, b, w, id] : arcs) {
    auto e  = boost::add_edge(a, b, g).first;
    auto re = boost::add_edge(b, a, g).first; // the explicit 0-capacity reverse arc max-flow needs
    capacity[e]  = w;
    capacity[re] = 0;
    reverse[e]   = re;
    reverse[re]  = e;
    forward.emplace_back(e, id);
  }
  total = boost::edmonds_karp_max_flow(g, source, sink);
  // The source side: what is still reachable through residual capacity.
  std::vector<char> side(vertices, 0);
  std::deque<std::size_t> todo{source};
  side[source] = 1;
  while (!todo.empty()) {
    std::size_t v = todo.front();
    todo.pop_front();
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g)))
      if (residual[e] > 1e-12 && side[boost::target(e, g)] == 0) {
        side[boost::target(e, g)] = 1;
        todo.push_back(boost::target(e, g));
      }
  }
  std::vector<std::size_t> cut;
  for (const auto& [e, id] : forward)
    if (side[boost::source(e, g)] != 0 && side[boost::target(e, g)] == 0 && capacity[e] > 0)
      cut.push_back(id);
  std::sort(cut.begin(), cut.end());
  cut.erase(std::unique(cut.begin(), cut.end()), cut.end());
  return cut;
}

} // namespace

MinCut minimum_cut(const Region& region, const std::string& entry, const std::string& target,
                   const std::map<std::string, double>& weights)
{
  const Asset* from = region.find_asset(entry);
  const Asset* to   = region.find_asset(target);
  if (from == nullptr || to == nullptr)
    throw std::invalid_argument("no asset '" + (from == nullptr ? entry : target) + "'");
  for (const auto& [link, w] : weights)
    if (!std::isfinite(w) || w <= 0) // an infinite capacity never saturates: the max-flow would not end
      throw std::invalid_argument("the weight of link '" + link + "' must be a positive finite number");
  MinCut out;
  Zones zones(region);
  const FlowSet lateral = lateral_flows();
  std::size_t s = zones.at(from->zone), t = zones.at(to->zone);
  if (s == t)
    out.network = "same zone";
  else if (zones.reach(s, lateral)[t] != 0) {
    out.network = "cut";
    std::vector<std::tuple<std::size_t, std::size_t, double, std::size_t>> arcs;
    for (std::size_t l = 0; l < region.links.size(); ++l) {
      const Link& link = region.links[l];
      if (!carries(link, lateral))
        continue;
      auto w = weights.count(link.id) != 0 ? weights.at(link.id) : 1.0;
      arcs.emplace_back(zones.at(link.from), zones.at(link.to), w, l);
      if (link.two_way)
        arcs.emplace_back(zones.at(link.to), zones.at(link.from), w, l);
    }
    double flow = 0;
    for (std::size_t l : min_cut_arcs(region.zones.size() + 1, arcs, s, t, flow))
      out.links.push_back(region.links[l].id);
    for (const auto& id : out.links)
      out.weight += weights.count(id) != 0 ? weights.at(id) : 1.0;
  }
  if (!from->domain.empty() && !to->domain.empty() && from->domain == to->domain)
    out.identity = "same domain";
  if (!from->domain.empty() && !to->domain.empty() && from->domain != to->domain) {
    std::unordered_map<std::string, std::size_t> di;
    for (std::size_t d = 0; d < region.domains.size(); ++d)
      di.emplace(region.domains[d].id, d);
    std::vector<std::tuple<std::size_t, std::size_t, double, std::size_t>> arcs;
    for (std::size_t k = 0; k < region.trusts.size(); ++k) {
      const Trust& tr = region.trusts[k];
      if (tr.mfa)
        continue;
      arcs.emplace_back(di.at(tr.from), di.at(tr.to), 1.0, k);
      if (tr.two_way)
        arcs.emplace_back(di.at(tr.to), di.at(tr.from), 1.0, k);
    }
    double flow = 0;
    for (std::size_t k : min_cut_arcs(region.domains.size(), arcs, di.at(from->domain), di.at(to->domain), flow))
      out.trusts.push_back(region.trusts[k].from + "->" + region.trusts[k].to);
    out.identity = flow > 0 ? "cut" : "separated";
  }
  return out;
}

std::vector<Candidate> rank_changes(const Region& region, const std::vector<std::string>& entries)
{
  auto measure = [&](const Region& r) {
    std::size_t assets = 0, care = 0;
    for (const auto& e : entries) {
      auto b = blast_radius(r, e);
      assets += b.assets.size();
      care += b.care_at_risk.size();
    }
    return std::make_pair(assets, care);
  };
  auto [assets0, care0] = measure(region);
  std::vector<std::pair<std::string, Change>> options;
  for (const auto& l : region.links)
    if (carries(l, lateral_flows()) && !l.flows.contains(Flow::ANY))
      options.emplace_back("remove rdp, smb and ssh from link " + l.id, RemoveFlows{l.id, lateral_flows()});
  for (const auto& t : region.trusts)
    if (!t.mfa)
      options.emplace_back("require MFA on trust " + t.from + "->" + t.to, SetTrust{t.from, t.to, true, std::nullopt});
  for (const auto& d : region.domains)
    if (!d.tiering)
      options.emplace_back("administration tiering in domain " + d.id, SetDomain{d.id, true, std::nullopt, std::nullopt});
  ControlSet mfa;
  mfa.add(Control::MFA);
  for (const auto& e : entries) {
    const Asset* a = region.find_asset(e);
    if (a->kind != AssetKind::WORKSTATIONS && !a->controls.contains(Control::MFA))
      options.emplace_back("MFA on " + e, AddControls{{e, "", std::nullopt}, mfa});
  }
  std::vector<Candidate> out;
  for (const auto& [description, change] : options) {
    Region changed       = apply_variant(region, Variant{"candidate", "", {{change, {}}}, {}});
    auto [assets1, care1] = measure(changed);
    if (assets1 < assets0 || care1 < care0)
      out.push_back({description, change, assets0, assets1, care0, care1});
  }
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return std::make_pair(a.care_before - a.care_after, a.assets_before - a.assets_after) >
           std::make_pair(b.care_before - b.care_after, b.assets_before - b.assets_after);
  });
  return out;
}

} // namespace ricochet::model
