#include "ricochet/model/variant.hpp"

#include <algorithm>
#include <stdexcept>

namespace ricochet::model {
namespace {

template <typename... Fs> struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <typename... Fs> Overloaded(Fs...) -> Overloaded<Fs...>;

[[noreturn]] void unknown(const std::string& what, const std::string& id)
{
  throw std::invalid_argument("variant names unknown " + what + " '" + id + "'");
}

std::vector<Asset*> selected(Region& region, const AssetSelector& selector)
{
  std::vector<Asset*> out;
  for (const auto& id : select_assets(region, selector))
    for (auto& a : region.assets)
      if (a.id == id)
        out.push_back(&a);
  if (out.empty())
    unknown("asset selection", selector.asset.empty() ? selector.org : selector.asset);
  return out;
}

Link& link_by_id(Region& r, const std::string& id)
{
  for (auto& l : r.links)
    if (l.id == id)
      return l;
  unknown("link", id);
}

Trust& trust_between(Region& r, const std::string& from, const std::string& to)
{
  for (auto& t : r.trusts)
    if (t.from == from && t.to == to)
      return t;
  unknown("trust", from + " -> " + to);
}

Asset& asset_by_id(Region& r, const std::string& id)
{
  for (auto& a : r.assets)
    if (a.id == id)
      return a;
  unknown("asset", id);
}

} // namespace

std::vector<std::string> select_assets(const Region& region, const AssetSelector& selector)
{
  std::vector<std::string> out;
  for (const auto& a : region.assets) {
    bool match = !selector.asset.empty() ? a.id == selector.asset
                                         : a.org == selector.org && (!selector.kind || *selector.kind == a.kind);
    if (match)
      out.push_back(a.id);
  }
  return out;
}

Region apply_variant(Region region, const Variant& variant)
{
  for (const auto& vc : variant.changes) {
    std::visit(
        Overloaded{
            [&](const CutLink& c) {
              auto it = std::find_if(region.links.begin(), region.links.end(),
                                     [&](const Link& l) { return l.id == c.link; });
              if (it == region.links.end())
                unknown("link", c.link);
              region.links.erase(it);
            },
            [&](const RemoveFlows& c) {
              Link& l = link_by_id(region, c.link);
              for (auto f : core::enum_names<Flow>())
                if (auto flow = core::enum_from_name<Flow>(f); flow && c.flows.contains(*flow))
                  l.flows.remove(*flow);
            },
            [&](const RemoveTrust& c) {
              trust_between(region, c.from, c.to); // throws if absent
              region.trusts.erase(std::remove_if(region.trusts.begin(), region.trusts.end(),
                                                 [&](const Trust& t) { return t.from == c.from && t.to == c.to; }),
                                  region.trusts.end());
            },
            [&](const SetTrust& c) {
              Trust& t = trust_between(region, c.from, c.to);
              if (c.mfa)
                t.mfa = *c.mfa;
              if (c.two_way)
                t.two_way = *c.two_way;
            },
            [&](const SetDomain& c) {
              auto it = std::find_if(region.domains.begin(), region.domains.end(),
                                     [&](const Domain& d) { return d.id == c.domain; });
              if (it == region.domains.end())
                unknown("domain", c.domain);
              if (c.tiering)
                it->tiering = *c.tiering;
              if (c.bastion)
                it->bastion = *c.bastion;
              if (c.admin_mfa)
                it->admin_mfa = *c.admin_mfa;
            },
            [&](const AddControls& c) {
              for (Asset* a : selected(region, c.target))
                a->controls = ControlSet::from_bits(a->controls.bits() | c.controls.bits());
            },
            [&](const RemoveControls& c) {
              for (Asset* a : selected(region, c.target))
                a->controls = ControlSet::from_bits(a->controls.bits() & ~c.controls.bits());
            },
            [&](const SetBackupMode& c) {
              Asset& a = asset_by_id(region, c.asset);
              if (!a.backup)
                throw std::invalid_argument("variant sets the backup mode of '" + c.asset + "', which is no backup");
              a.backup->mode = c.mode;
            },
            [&](const RemoveDependency& c) {
              Asset& a  = asset_by_id(region, c.from);
              auto it   = std::remove_if(a.depends_on.begin(), a.depends_on.end(),
                                         [&](const Dependency& d) { return d.target == c.to; });
              if (it == a.depends_on.end())
                unknown("dependency", c.from + " -> " + c.to);
              a.depends_on.erase(it, a.depends_on.end());
            },
            [&](const LeaveDomain& c) { asset_by_id(region, c.asset).domain.clear(); },
            [&](const DisableRule&) {}, // acts on the scenario's governance, not on the region
        },
        vc.change);
  }
  region.reindex();
  return region;
}

} // namespace ricochet::model
