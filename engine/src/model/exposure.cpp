// Static exposure analysis on integer indexes of the region (zones, domains, assets), built once per analysis.
//
// Cost: the attacker's spread from an entry only scans the assets of the zones it reaches; the ranking of changes
// re-plays an entry only when the change can alter its spread (a link it reaches, a trust or domain it uses, an
// asset it takes), which gives the same figures as re-playing every entry on a changed copy of the region; the links
// whose loss cuts a care function are read from a dominator tree of the zone graph. Each of these was a full pass
// over the region per entry, per candidate or per link, cubic in the size of the region.
#include "ricochet/model/exposure.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/edmonds_karp_max_flow.hpp>


namespace ricochet::model {

namespace {

constexpr std::size_t NONE = std::numeric_limits<std::size_t>::max();

FlowSet lateral_flows()
{
  FlowSet f;
  for (Flow x : {Flow::RDP, Flow::SMB, Flow::SSH})
    f.add(x);
  return f;
}

bool carries(FlowSet flows, FlowSet wanted)
{
  return wanted.empty() || flows.contains(Flow::ANY) || (flows.bits() & wanted.bits()) != 0;
}

bool out_of_reach_backup(const Asset& a) { return a.backup && a.backup->mode != BackupMode::ONLINE; }

/** A change being weighed, applied on the fly instead of on a copy of the region. */
struct Tweak {
  std::size_t quiet_link    = NONE; ///< this link loses rdp, smb and ssh
  std::size_t mfa_trust     = NONE; ///< this trust requires MFA
  std::size_t tiered_domain = NONE; ///< this domain has administration tiering
  std::size_t mfa_asset     = NONE; ///< this asset requires MFA
};

/** Where the attacker got from one entry: the least fixpoint of lateral movement and credentials. */
struct Spread {
  std::vector<std::size_t> assets; ///< compromised, entry first
  std::vector<char> zones;         ///< reached over lateral links from the compromised assets' zones
  std::vector<char> accepted;      ///< domains whose identities the attacker can use
};

/** Sorted, distinct strings. */
std::vector<std::string> sorted_ids(std::vector<std::string> ids)
{
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

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

/** Immediate dominators in a graph given as successor lists, from a virtual root leading to some of its vertices
 *  (Cooper, Harvey and Kennedy's iterative algorithm). Buffers are kept between roots: single_points asks once per
 *  organisation. */
class Dominators {
public:
  explicit Dominators(const std::vector<std::vector<std::size_t>>& next) : next_(next), prev_(next.size() + 1)
  {
    for (std::size_t v = 0; v < next.size(); ++v)
      for (std::size_t w : next[v])
        prev_[w].push_back(v);
  }
  /** The root's index (one past the graph's vertices). */
  [[nodiscard]] std::size_t root() const { return next_.size(); }
  /** idom per vertex from a root leading to `starts`; NONE for what it does not reach. */
  const std::vector<std::size_t>& solve(const std::vector<std::size_t>& starts)
  {
    const std::size_t n = next_.size() + 1, root = next_.size();
    order_.clear();
    rank_.assign(n, NONE);
    idom_.assign(n, NONE);
    from_root_.assign(n, 0);
    for (std::size_t z : starts)
      from_root_[z] = 1;
    // Reverse postorder by an iterative depth-first search.
    std::vector<char>& seen = seen_;
    seen.assign(n, 0);
    seen[root] = 1;
    stack_.assign(1, {root, 0});
    while (!stack_.empty()) {
      std::size_t v = stack_.back().first, i = stack_.back().second;
      const std::vector<std::size_t>& succ = v == root ? starts : next_[v];
      if (i < succ.size()) {
        ++stack_.back().second;
        if (seen[succ[i]] == 0) {
          seen[succ[i]] = 1;
          stack_.emplace_back(succ[i], 0);
        }
      } else {
        order_.push_back(v);
        stack_.pop_back();
      }
    }
    std::reverse(order_.begin(), order_.end());
    for (std::size_t k = 0; k < order_.size(); ++k)
      rank_[order_[k]] = k;
    idom_[root] = root;
    auto intersect = [&](std::size_t a, std::size_t b) {
      while (a != b) {
        while (rank_[a] > rank_[b])
          a = idom_[a];
        while (rank_[b] > rank_[a])
          b = idom_[b];
      }
      return a;
    };
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t k = 1; k < order_.size(); ++k) {
        std::size_t v = order_[k], best = from_root_[v] != 0 ? root : NONE;
        for (std::size_t p : prev_[v])
          if (idom_[p] != NONE)
            best = best == NONE ? p : intersect(p, best);
        if (best != idom_[v]) {
          idom_[v] = best;
          changed  = true;
        }
      }
    }
    return idom_;
  }

private:
  const std::vector<std::vector<std::size_t>>& next_;
  std::vector<std::vector<std::size_t>> prev_;
  std::vector<std::size_t> order_, rank_, idom_;
  std::vector<char> from_root_, seen_;
  std::vector<std::pair<std::size_t, std::size_t>> stack_;
};

} // namespace

struct ExposureAnalysis::Impl {
  const Region& r;
  std::unordered_map<std::string, std::size_t> zone_index, domain_index, org_index;
  std::size_t internet = 0; ///< the Internet's zone index (after the zones)
  struct Arc {
    std::size_t to, link;
  };
  std::vector<std::vector<Arc>> arcs;              ///< per zone: links leaving it, one arc per allowed direction
  std::vector<char> lateral, lateral_when_quiet;   ///< per link: carries rdp/smb/ssh (as is; without them)
  std::vector<std::size_t> asset_zone, asset_domain, asset_org;
  std::vector<std::vector<std::size_t>> zone_assets;   ///< per zone: its assets, in region order
  std::vector<std::vector<std::size_t>> owned_domains; ///< per organisation
  struct TrustArc {
    std::size_t to, trust;
  };
  std::vector<std::vector<TrustArc>> trust_arcs; ///< per domain: the trusts accepting its identities elsewhere
  std::vector<char> from_internet;               ///< zones reached from the Internet, any flow
  std::vector<std::vector<std::size_t>> fail_with; ///< per asset: what runs on it or depends on it (hard)
  std::vector<std::vector<std::size_t>> needed_by; ///< per asset: care functions that need it
  std::vector<std::vector<std::size_t>> requirements;  ///< per asset: its host and its hard dependencies
  // minimum_cut answers only depend on the zones, the domains and the weights
  mutable std::map<std::string, double> cut_weights;
  mutable std::map<std::pair<std::size_t, std::size_t>, std::pair<std::vector<std::string>, double>> network_cuts;
  mutable std::map<std::size_t, std::vector<char>> lateral_reach;
  mutable std::map<std::pair<std::size_t, std::size_t>, std::pair<std::vector<std::string>, bool>> identity_cuts;
  // Marks per asset and per care function, all clear between calls: a spread touches a few zones of a national
  // region, and allocating and clearing marks for all of it at each call was most of the analysis.
  mutable std::vector<char> asset_marks, care_marks;

  explicit Impl(const Region& region) : r(region)
  {
    for (std::size_t i = 0; i < r.zones.size(); ++i)
      zone_index.emplace(r.zones[i].id, i);
    internet = r.zones.size();
    zone_index.emplace(INTERNET_ENDPOINT, internet);
    for (std::size_t i = 0; i < r.domains.size(); ++i)
      domain_index.emplace(r.domains[i].id, i);
    for (std::size_t i = 0; i < r.organisations.size(); ++i)
      org_index.emplace(r.organisations[i].id, i);
    arcs.resize(internet + 1);
    const FlowSet lat = lateral_flows();
    for (std::size_t l = 0; l < r.links.size(); ++l) {
      std::size_t a = zone_index.at(r.links[l].from), b = zone_index.at(r.links[l].to);
      arcs[a].push_back({b, l});
      if (r.links[l].two_way)
        arcs[b].push_back({a, l});
      FlowSet quiet = r.links[l].flows;
      for (Flow f : {Flow::RDP, Flow::SMB, Flow::SSH})
        quiet.remove(f);
      lateral.push_back(carries(r.links[l].flows, lat) ? 1 : 0);
      lateral_when_quiet.push_back(carries(quiet, lat) ? 1 : 0);
    }
    zone_assets.resize(internet + 1);
    owned_domains.resize(r.organisations.size());
    for (std::size_t d = 0; d < r.domains.size(); ++d)
      if (auto it = org_index.find(r.domains[d].owner); it != org_index.end())
        owned_domains[it->second].push_back(d);
    for (std::size_t a = 0; a < r.assets.size(); ++a) {
      const Asset& asset = r.assets[a];
      asset_zone.push_back(zone_index.at(asset.zone));
      asset_domain.push_back(asset.domain.empty() ? NONE : domain_index.at(asset.domain));
      auto org = org_index.find(asset.org);
      asset_org.push_back(org == org_index.end() ? NONE : org->second);
      zone_assets[asset_zone.back()].push_back(a);
    }
    trust_arcs.resize(r.domains.size());
    for (std::size_t k = 0; k < r.trusts.size(); ++k) {
      std::size_t from = domain_index.at(r.trusts[k].from), to = domain_index.at(r.trusts[k].to);
      trust_arcs[from].push_back({to, k});
      if (r.trusts[k].two_way)
        trust_arcs[to].push_back({from, k});
    }
    from_internet = reach({internet}, false, Tweak{});
    asset_marks.assign(r.assets.size(), 0);
    care_marks.assign(r.care_functions.size(), 0);
    fail_with.resize(r.assets.size());
    needed_by.resize(r.assets.size());
    requirements.resize(r.assets.size());
    auto index_of = [&](const std::string& id) { return static_cast<std::size_t>(r.find_asset(id) - r.assets.data()); };
    for (std::size_t a = 0; a < r.assets.size(); ++a) {
      if (!r.assets[a].runs_on.empty()) {
        fail_with[index_of(r.assets[a].runs_on)].push_back(a);
        requirements[a].push_back(index_of(r.assets[a].runs_on));
      }
      for (const auto& d : r.assets[a].depends_on)
        if (d.hard) {
          fail_with[index_of(d.target)].push_back(a);
          requirements[a].push_back(index_of(d.target));
        }
    }
    for (std::size_t c = 0; c < r.care_functions.size(); ++c)
      for (const auto& n : r.care_functions[c].needs)
        needed_by[index_of(n)].push_back(c);
  }

  [[nodiscard]] std::size_t asset(const std::string& id) const
  {
    const Asset* a = r.find_asset(id);
    if (a == nullptr)
      throw std::invalid_argument("no asset '" + id + "'");
    return static_cast<std::size_t>(a - r.assets.data());
  }

  [[nodiscard]] bool carries_lateral(std::size_t link, const Tweak& tw) const
  {
    return (link == tw.quiet_link ? lateral_when_quiet : lateral)[link] != 0;
  }

  /** Zones reached from `from` over links (lateral ones only if `only_lateral`), skipping link `without`. */
  [[nodiscard]] std::vector<char> reach(const std::vector<std::size_t>& from, bool only_lateral, const Tweak& tw,
                                        std::size_t without = NONE) const
  {
    std::vector<char> seen(internet + 1, 0);
    std::vector<std::size_t> todo;
    for (std::size_t z : from)
      if (seen[z] == 0) {
        seen[z] = 1;
        todo.push_back(z);
      }
    for (std::size_t head = 0; head < todo.size(); ++head)
      for (const Arc& arc : arcs[todo[head]])
        if (arc.link != without && seen[arc.to] == 0 && (!only_lateral || carries_lateral(arc.link, tw))) {
          seen[arc.to] = 1;
          todo.push_back(arc.to);
        }
    return seen;
  }

  /** Domains whose identities are accepted, from held credentials, through trusts without MFA. */
  [[nodiscard]] std::vector<char> identities(const std::vector<char>& held, const Tweak& tw) const
  {
    std::vector<char> out = held;
    std::vector<std::size_t> todo;
    for (std::size_t d = 0; d < held.size(); ++d)
      if (held[d] != 0)
        todo.push_back(d);
    for (std::size_t head = 0; head < todo.size(); ++head)
      for (const TrustArc& t : trust_arcs[todo[head]])
        if (!r.trusts[t.trust].mfa && t.trust != tw.mfa_trust && out[t.to] == 0) {
          out[t.to] = 1;
          todo.push_back(t.to);
        }
    return out;
  }

  /** Lateral movement over links carrying rdp, smb or ssh with credentials valid in the target's domain, until
   *  nothing more can be taken. */
  [[nodiscard]] Spread spread(std::size_t entry, const Tweak& tw) const
  {
    const Asset& start = r.assets[entry];
    Spread s;
    std::vector<char>& taken = asset_marks;
    std::vector<char> held(r.domains.size(), 0);
    s.assets.push_back(entry);
    taken[entry] = 1;
    // A service reached from the Internet is entered with a valid account of its domain.
    if (asset_domain[entry] != NONE && from_internet[asset_zone[entry]] != 0 && start.kind != AssetKind::WORKSTATIONS)
      held[asset_domain[entry]] = 1;
    for (bool grew = true; grew;) {
      grew = false;
      for (std::size_t a : s.assets) {
        std::size_t d = asset_domain[a];
        bool tiering  = d != NONE && (r.domains[d].tiering || d == tw.tiered_domain);
        if (d != NONE && (!tiering || r.assets[a].kind != AssetKind::WORKSTATIONS))
          held[d] = 1;
      }
      s.accepted = identities(held, tw);
      std::vector<std::size_t> footholds;
      for (std::size_t a : s.assets)
        footholds.push_back(asset_zone[a]);
      s.zones            = reach(footholds, true, tw);
      std::size_t before = s.assets.size();
      for (std::size_t z = 0; z <= internet; ++z) {
        if (s.zones[z] == 0)
          continue;
        for (std::size_t t : zone_assets[z]) {
          const Asset& target = r.assets[t];
          if (taken[t] != 0 || out_of_reach_backup(target) || target.controls.contains(Control::MFA) ||
              t == tw.mfa_asset)
            continue;
          bool valid = asset_domain[t] != NONE
                           ? s.accepted[asset_domain[t]] != 0
                           : asset_org[t] != NONE && std::any_of(owned_domains[asset_org[t]].begin(),
                                                                 owned_domains[asset_org[t]].end(),
                                                                 [&](std::size_t d) { return s.accepted[d] != 0; });
          if (valid) {
            s.assets.push_back(t);
            grew = true;
          }
        }
      }
      for (std::size_t k = before; k < s.assets.size(); ++k) // taken at the end of the pass, as a whole
        taken[s.assets[k]] = 1;
    }
    for (std::size_t a : s.assets)
      taken[a] = 0;
    return s;
  }

  /** What goes down with the compromised assets (hosting, hard dependencies) and the care functions needing it. */
  void consequences(const Spread& s, std::vector<std::size_t>& down, std::vector<std::size_t>& care) const
  {
    std::vector<char>& seen      = asset_marks;
    std::vector<char>& care_seen = care_marks;
    for (std::size_t a : s.assets)
      if (seen[a] == 0) {
        seen[a] = 1;
        down.push_back(a);
      }
    for (std::size_t head = 0; head < down.size(); ++head) {
      for (std::size_t d : fail_with[down[head]])
        if (seen[d] == 0) {
          seen[d] = 1;
          down.push_back(d);
        }
      for (std::size_t c : needed_by[down[head]])
        if (care_seen[c] == 0) {
          care_seen[c] = 1;
          care.push_back(c);
        }
    }
    for (std::size_t a : down)
      seen[a] = 0;
    for (std::size_t c : care)
      care_seen[c] = 0;
  }

  [[nodiscard]] std::size_t care_count(const Spread& s) const
  {
    std::vector<std::size_t> down, care;
    consequences(s, down, care);
    return care.size();
  }
};

ExposureAnalysis::ExposureAnalysis(const Region& region) : impl_(std::make_unique<Impl>(region)) {}
ExposureAnalysis::~ExposureAnalysis() = default;

BlastRadius ExposureAnalysis::blast_radius(const std::string& entry) const
{
  const Impl& x = *impl_;
  Spread s      = x.spread(x.asset(entry), Tweak{});
  std::vector<std::size_t> down, care;
  x.consequences(s, down, care);
  BlastRadius out{entry, {}, {}, {}, {}, {}};
  for (std::size_t a : s.assets)
    out.assets.push_back(x.r.assets[a].id);
  for (std::size_t d = 0; d < s.accepted.size(); ++d)
    if (s.accepted[d] != 0)
      out.domains.push_back(x.r.domains[d].id);
  for (std::size_t a : down)
    out.down.push_back(x.r.assets[a].id);
  for (std::size_t c : care) {
    out.care_at_risk.push_back(x.r.care_functions[c].id);
    out.organisations.push_back(x.r.care_functions[c].org);
  }
  out.assets        = sorted_ids(std::move(out.assets));
  out.domains       = sorted_ids(std::move(out.domains));
  out.down          = sorted_ids(std::move(out.down));
  out.care_at_risk  = sorted_ids(std::move(out.care_at_risk));
  out.organisations = sorted_ids(std::move(out.organisations));
  return out;
}

std::vector<std::string> entry_points(const Region& region)
{
  ExposureAnalysis::Impl x(region);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < region.assets.size(); ++i) {
    const Asset& a = region.assets[i];
    if ((x.from_internet[x.asset_zone[i]] != 0 && !a.controls.contains(Control::MFA) && !out_of_reach_backup(a) &&
         (a.kind == AssetKind::REMOTE_ACCESS || a.kind == AssetKind::INTERNET_GATEWAY || a.kind == AssetKind::SAAS)) ||
        a.kind == AssetKind::WORKSTATIONS)
      out.push_back(a.id);
  }
  return out;
}

BlastRadius blast_radius(const Region& region, const std::string& entry)
{
  return ExposureAnalysis(region).blast_radius(entry);
}

std::vector<SinglePoints> single_points(const Region& region)
{
  ExposureAnalysis::Impl x(region);
  // A link cuts a zone off from an organisation iff one of its arcs dominates the zone in the graph where each arc
  // is a vertex of its own, from a root leading to the organisation's zones (a path never needs both directions of
  // one link, so removing the link cuts exactly what one of its arcs dominates).
  const std::size_t zones = x.internet + 1;
  std::vector<std::vector<std::size_t>> next(zones);
  std::vector<std::size_t> link_of; // per arc vertex (from `zones` on)
  for (std::size_t z = 0; z < zones; ++z)
    for (const auto& arc : x.arcs[z]) {
      next[z].push_back(next.size());
      next.push_back({arc.to});
      link_of.push_back(arc.link);
    }
  Dominators dominators(next);
  const std::size_t root = dominators.root();
  std::size_t solved_for = NONE; // an organisation's care functions follow each other: one tree for all of them
  const std::vector<std::size_t>* idom = nullptr;
  std::vector<SinglePoints> out;
  for (const auto& c : region.care_functions) {
    SinglePoints sp{c.id, {}, {}};
    // Its needs and everything they need (hosts, hard dependencies), transitively.
    std::vector<std::size_t> needed;
    for (const auto& need : c.needs) {
      std::size_t n = x.asset(need);
      if (x.asset_marks[n] == 0) {
        x.asset_marks[n] = 1;
        needed.push_back(n);
      }
    }
    for (std::size_t head = 0; head < needed.size(); ++head)
      for (std::size_t req : x.requirements[needed[head]])
        if (x.asset_marks[req] == 0) {
          x.asset_marks[req] = 1;
          needed.push_back(req);
        }
    for (std::size_t a : needed) {
      x.asset_marks[a] = 0;
      sp.assets.push_back(region.assets[a].id);
    }
    sp.assets = sorted_ids(std::move(sp.assets));
    std::size_t org = x.org_index.at(c.org);
    if (org != solved_for) {
      std::vector<std::size_t> starts;
      for (const auto& z : region.organisations[org].zones)
        starts.push_back(x.zone_index.at(z));
      idom       = &dominators.solve(starts);
      solved_for = org;
    }
    std::vector<std::size_t> cut;
    for (const auto& need : c.needs)
      for (std::size_t v = x.asset_zone[x.asset(need)]; (*idom)[v] != NONE && v != root; v = (*idom)[v])
        if (v >= zones && v != root)
          cut.push_back(link_of[v - zones]);
    std::sort(cut.begin(), cut.end());
    cut.erase(std::unique(cut.begin(), cut.end()), cut.end());
    for (std::size_t l : cut)
      sp.links.push_back(region.links[l].id);
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
      out[asset] = {orgs.begin(), orgs.end()};
  return out;
}

MinCut ExposureAnalysis::minimum_cut(const std::string& entry, const std::string& target,
                                     const std::map<std::string, double>& weights) const
{
  const Impl& x     = *impl_;
  const Region& region = x.r;
  const Asset* from = region.find_asset(entry);
  const Asset* to   = region.find_asset(target);
  if (from == nullptr || to == nullptr)
    throw std::invalid_argument("no asset '" + (from == nullptr ? entry : target) + "'");
  for (const auto& [link, w] : weights)
    if (!std::isfinite(w) || w <= 0) // an infinite capacity never saturates: the max-flow would not end
      throw std::invalid_argument("the weight of link '" + link + "' must be a positive finite number");
  if (weights != x.cut_weights) {
    x.cut_weights = weights;
    x.network_cuts.clear();
  }
  MinCut out;
  std::size_t s = x.zone_index.at(from->zone), t = x.zone_index.at(to->zone);
  auto reach = x.lateral_reach.find(s);
  if (reach == x.lateral_reach.end())
    reach = x.lateral_reach.emplace(s, x.reach({s}, true, Tweak{})).first;
  if (s == t)
    out.network = "same zone";
  else if (reach->second[t] != 0) {
    out.network = "cut";
    auto known  = x.network_cuts.find({s, t});
    if (known == x.network_cuts.end()) {
      std::vector<std::tuple<std::size_t, std::size_t, double, std::size_t>> arcs;
      for (std::size_t l = 0; l < region.links.size(); ++l) {
        const Link& link = region.links[l];
        if (x.lateral[l] == 0)
          continue;
        auto w = weights.count(link.id) != 0 ? weights.at(link.id) : 1.0;
        arcs.emplace_back(x.zone_index.at(link.from), x.zone_index.at(link.to), w, l);
        if (link.two_way)
          arcs.emplace_back(x.zone_index.at(link.to), x.zone_index.at(link.from), w, l);
      }
      double flow = 0, weight = 0;
      std::vector<std::string> links;
      for (std::size_t l : min_cut_arcs(region.zones.size() + 1, arcs, s, t, flow))
        links.push_back(region.links[l].id);
      for (const auto& id : links)
        weight += weights.count(id) != 0 ? weights.at(id) : 1.0;
      known = x.network_cuts.emplace(std::make_pair(s, t), std::make_pair(links, weight)).first;
    }
    out.links  = known->second.first;
    out.weight = known->second.second;
  }
  if (!from->domain.empty() && !to->domain.empty() && from->domain == to->domain)
    out.identity = "same domain";
  if (!from->domain.empty() && !to->domain.empty() && from->domain != to->domain) {
    std::size_t df = x.domain_index.at(from->domain), dt = x.domain_index.at(to->domain);
    auto known = x.identity_cuts.find({df, dt});
    if (known == x.identity_cuts.end()) {
      std::vector<std::tuple<std::size_t, std::size_t, double, std::size_t>> arcs;
      for (std::size_t k = 0; k < region.trusts.size(); ++k) {
        const Trust& tr = region.trusts[k];
        if (tr.mfa)
          continue;
        arcs.emplace_back(x.domain_index.at(tr.from), x.domain_index.at(tr.to), 1.0, k);
        if (tr.two_way)
          arcs.emplace_back(x.domain_index.at(tr.to), x.domain_index.at(tr.from), 1.0, k);
      }
      double flow = 0;
      std::vector<std::string> trusts;
      for (std::size_t k : min_cut_arcs(region.domains.size(), arcs, df, dt, flow))
        trusts.push_back(region.trusts[k].from + "->" + region.trusts[k].to);
      known = x.identity_cuts.emplace(std::make_pair(df, dt), std::make_pair(trusts, flow > 0)).first;
    }
    out.trusts   = known->second.first;
    out.identity = known->second.second ? "cut" : "separated";
  }
  return out;
}

MinCut minimum_cut(const Region& region, const std::string& entry, const std::string& target,
                   const std::map<std::string, double>& weights)
{
  return ExposureAnalysis(region).minimum_cut(entry, target, weights);
}

std::vector<Candidate> ExposureAnalysis::rank_changes(const std::vector<std::string>& entries) const
{
  const Impl& x        = *impl_;
  const Region& region = x.r;
  struct Base {
    Spread spread;
    std::size_t care = 0;
  };
  std::vector<Base> base;
  std::size_t assets0 = 0, care0 = 0;
  for (const auto& e : entries) {
    Spread s         = x.spread(x.asset(e), Tweak{});
    std::size_t care = x.care_count(s);
    assets0 += s.assets.size();
    care0 += care;
    base.push_back({std::move(s), care});
  }
  // Each option, the tweak that plays it and whether it can change an entry's spread (else its figures stand).
  struct Option {
    std::string description;
    Change change;
    Tweak tweak;
  };
  std::vector<Option> options;
  for (std::size_t l = 0; l < region.links.size(); ++l)
    if (x.lateral[l] != 0 && !region.links[l].flows.contains(Flow::ANY)) {
      Tweak tw;
      tw.quiet_link = l;
      options.push_back({"remove rdp, smb and ssh from link " + region.links[l].id,
                         RemoveFlows{region.links[l].id, lateral_flows()}, tw});
    }
  for (const auto& t : region.trusts)
    if (!t.mfa) {
      Tweak tw; // a variant sets the first trust between the two domains
      for (std::size_t k = 0; k < region.trusts.size() && tw.mfa_trust == NONE; ++k)
        if (region.trusts[k].from == t.from && region.trusts[k].to == t.to)
          tw.mfa_trust = k;
      options.push_back({"require MFA on trust " + t.from + "->" + t.to, SetTrust{t.from, t.to, true, std::nullopt}, tw});
    }
  for (std::size_t d = 0; d < region.domains.size(); ++d)
    if (!region.domains[d].tiering) {
      Tweak tw;
      tw.tiered_domain = x.domain_index.at(region.domains[d].id);
      options.push_back({"administration tiering in domain " + region.domains[d].id,
                         SetDomain{region.domains[d].id, true, std::nullopt, std::nullopt}, tw});
    }
  ControlSet mfa;
  mfa.add(Control::MFA);
  for (const auto& e : entries) {
    const Asset* a = region.find_asset(e);
    if (a->kind != AssetKind::WORKSTATIONS && !a->controls.contains(Control::MFA)) {
      Tweak tw;
      tw.mfa_asset = x.asset(e);
      options.push_back({"MFA on " + e, AddControls{{e, "", std::nullopt}, mfa}, tw});
    }
  }
  auto affects = [&](const Tweak& tw, const Spread& s) {
    if (tw.quiet_link != NONE) {
      const Link& l = region.links[tw.quiet_link];
      return s.zones[x.zone_index.at(l.from)] != 0 || (l.two_way && s.zones[x.zone_index.at(l.to)] != 0);
    }
    if (tw.mfa_trust != NONE) {
      const Trust& t = region.trusts[tw.mfa_trust];
      return s.accepted[x.domain_index.at(t.from)] != 0 || (t.two_way && s.accepted[x.domain_index.at(t.to)] != 0);
    }
    if (tw.tiered_domain != NONE)
      return std::any_of(s.assets.begin(), s.assets.end(), [&](std::size_t a) {
        return x.asset_domain[a] == tw.tiered_domain && region.assets[a].kind == AssetKind::WORKSTATIONS;
      });
    return std::find(s.assets.begin(), s.assets.end(), tw.mfa_asset) != s.assets.end();
  };
  std::vector<Candidate> out;
  for (const auto& option : options) {
    std::size_t assets1 = 0, care1 = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (!affects(option.tweak, base[i].spread)) {
        assets1 += base[i].spread.assets.size();
        care1 += base[i].care;
        continue;
      }
      Spread s = x.spread(x.asset(entries[i]), option.tweak);
      assets1 += s.assets.size();
      care1 += x.care_count(s);
    }
    if (assets1 < assets0 || care1 < care0)
      out.push_back({option.description, option.change, assets0, assets1, care0, care1});
  }
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return std::make_pair(a.care_before - a.care_after, a.assets_before - a.assets_after) >
           std::make_pair(b.care_before - b.care_after, b.assets_before - b.assets_after);
  });
  return out;
}

std::vector<Candidate> rank_changes(const Region& region, const std::vector<std::string>& entries)
{
  return ExposureAnalysis(region).rank_changes(entries);
}

} // namespace ricochet::model
