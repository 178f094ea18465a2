#include "variant_reader.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace ricochet::scenario::detail {
namespace {

using namespace ricochet::model;

const std::vector<std::string>& change_names()
{
  static const std::vector<std::string> names{"cut_link",        "remove_flows",    "remove_trust",
                                              "set_trust",       "set_domain",      "add_controls",
                                              "remove_controls", "set_backup_mode", "remove_dependency",
                                              "leave_domain",    "disable_rule"};
  return names;
}

class VariantReader {
public:
  VariantReader(const Context& ctx, const Region* region, const std::vector<std::string>& rules)
      : ctx_(ctx), region_(region), rules_(rules)
  {
  }

  Variant read(const YAML::Node& n)
  {
    MapReader r(ctx_, n, "variant", {"id", "description", "changes"});
    Variant v;
    v.pos = r.pos();
    if (!r.is_map())
      return v;
    v.id          = r.id().value_or("");
    if (v.id == "base") { // `ricochet batch --variant base` plays the scenario without a variant
      ctx_.error(r.pos_of_value("id"), "variant id 'base' is reserved for the scenario without a variant");
      v.id.clear();
    }
    v.description = r.string("description").value_or("");
    what_         = "variant '" + v.id + "'";
    if (r.require("changes"))
      for_each_item(ctx_, r.get("changes"), "changes", [&](const YAML::Node& c) {
        if (auto change = read_change(c))
          v.changes.push_back({*change, pos_of(c)});
      });
    return v;
  }

private:
  // Each change is a mapping with exactly one key, the operation.
  std::optional<Change> read_change(const YAML::Node& n)
  {
    if (!n.IsMap() || n.size() != 1) {
      std::string found = describe_found(n);
      if (n.IsMap()) {
        std::vector<std::string> keys;
        for (const auto& kv : n)
          keys.push_back(kv.first.Scalar());
        found = fmt::format("{} operations ({})", keys.size(), core::join(keys));
      }
      ctx_.error(pos_of(n), fmt::format("each change of {} must be a mapping with one operation ({}), found {}", what_,
                                        core::join(change_names()), found));
      return std::nullopt;
    }
    const auto kv        = *n.begin();
    const std::string op = kv.first.Scalar();
    const YAML::Node& arg = kv.second;
    op_ = "'" + op + "' in " + what_;
    if (op == "cut_link") {
      if (!arg.IsScalar()) {
        ctx_.error(pos_of(arg), "'cut_link' in " + what_ + " takes a link id, found " + describe_found(arg));
        return std::nullopt;
      }
      if (!check_link({arg.Scalar(), pos_of(arg)}))
        return std::nullopt;
      return CutLink{arg.Scalar()};
    }
    if (op == "leave_domain") {
      if (!arg.IsScalar()) {
        ctx_.error(pos_of(arg), "'leave_domain' in " + what_ + " takes an asset id, found " + describe_found(arg));
        return std::nullopt;
      }
      const Located asset{arg.Scalar(), pos_of(arg)};
      if (!check_asset(asset))
        return std::nullopt;
      if (region_ != nullptr && region_->find_asset(asset.value)->domain.empty()) {
        ctx_.error(asset.pos, fmt::format("{}: asset '{}' is joined to no domain", op_, asset.value));
        return std::nullopt;
      }
      return LeaveDomain{asset.value};
    }
    if (op == "disable_rule") {
      if (!arg.IsScalar()) {
        ctx_.error(pos_of(arg), "'disable_rule' in " + what_ + " takes a governance rule id, found " + describe_found(arg));
        return std::nullopt;
      }
      if (std::find(rules_.begin(), rules_.end(), arg.Scalar()) == rules_.end()) {
        ctx_.error(pos_of(arg), fmt::format("unknown rule '{}' in {}{}", arg.Scalar(), op_,
                                            core::closest_known(arg.Scalar(), rules_)));
        return std::nullopt;
      }
      return DisableRule{arg.Scalar()};
    }
    if (op == "remove_flows") {
      MapReader r(ctx_, arg, op_, {"link", "flows"});
      auto link  = r.located_id("link", true);
      auto flows = r.enum_set<Flow>("flows", true);
      if (!link || !flows || !check_link(*link))
        return std::nullopt;
      return RemoveFlows{link->value, *flows};
    }
    if (op == "remove_trust" || op == "set_trust") {
      MapReader r(ctx_, arg, op_, {"from", "to", "mfa", "two_way"});
      auto from = r.located_id("from", true);
      auto to   = r.located_id("to", true);
      std::optional<bool> mfa, two_way;
      if (op == "set_trust") {
        mfa     = r.boolean("mfa");
        two_way = r.boolean("two_way");
      } else {
        for (const char* key : {"mfa", "two_way"})
          if (r.has(key))
            ctx_.error(r.pos_of_value(key), fmt::format("'{}' does not apply to {}", key, op_));
      }
      if (!from || !to || !check_trust(*from, *to, r.pos()))
        return std::nullopt;
      if (op == "remove_trust")
        return RemoveTrust{from->value, to->value};
      return SetTrust{from->value, to->value, mfa, two_way};
    }
    if (op == "set_domain") {
      MapReader r(ctx_, arg, op_, {"domain", "tiering", "bastion", "admin_mfa"});
      auto domain = r.located_id("domain", true);
      SetDomain c;
      c.tiering   = r.boolean("tiering");
      c.bastion   = r.boolean("bastion");
      c.admin_mfa = r.boolean("admin_mfa");
      if (!domain)
        return std::nullopt;
      if (region_ != nullptr && region_->find_domain(domain->value) == nullptr) {
        unknown("domain", *domain, region_->domain_ids());
        return std::nullopt;
      }
      c.domain = domain->value;
      return c;
    }
    if (op == "add_controls" || op == "remove_controls") {
      MapReader r(ctx_, arg, op_, {"asset", "org", "kind", "controls"});
      auto selector = read_selector(r);
      auto controls = r.enum_set<Control>("controls", true);
      if (!selector || !controls)
        return std::nullopt;
      if (op == "add_controls")
        return AddControls{*selector, *controls};
      return RemoveControls{*selector, *controls};
    }
    if (op == "set_backup_mode") {
      MapReader r(ctx_, arg, op_, {"asset", "mode"});
      auto asset = r.located_id("asset", true);
      auto mode  = r.enumeration<BackupMode>("mode", true);
      if (!asset || !mode || !check_asset(*asset))
        return std::nullopt;
      if (region_ != nullptr && region_->find_asset(asset->value)->kind != AssetKind::BACKUP) {
        ctx_.error(asset->pos, fmt::format("{} names '{}', which is not a backup", op_, asset->value));
        return std::nullopt;
      }
      return SetBackupMode{asset->value, *mode};
    }
    if (op == "remove_dependency") {
      MapReader r(ctx_, arg, op_, {"from", "to"});
      auto from = r.located_id("from", true);
      auto to   = r.located_id("to", true);
      if (!from || !to || !check_asset(*from) || !check_asset(*to))
        return std::nullopt;
      if (region_ != nullptr) {
        const auto& deps = region_->find_asset(from->value)->depends_on;
        bool found       = std::any_of(deps.begin(), deps.end(), [&](const Dependency& d) { return d.target == to->value; });
        if (!found) {
          ctx_.error(r.pos(), fmt::format("{}: asset '{}' does not depend on '{}'", op_, from->value, to->value));
          return std::nullopt;
        }
      }
      return RemoveDependency{from->value, to->value};
    }
    ctx_.error(pos_of(kv.first), fmt::format("unknown change '{}' in {}{} (allowed: {})", op, what_,
                                             core::did_you_mean(op, change_names()), core::join(change_names())));
    return std::nullopt;
  }

  std::optional<AssetSelector> read_selector(const MapReader& r)
  {
    AssetSelector s;
    auto asset = r.located_id("asset");
    auto org   = r.located_id("org");
    s.kind     = r.enumeration<AssetKind>("kind");
    if (asset.has_value() == org.has_value()) {
      ctx_.error(r.pos(), op_ + " needs either 'asset' or 'org' (with an optional 'kind')");
      return std::nullopt;
    }
    if (asset) {
      if (s.kind)
        ctx_.error(r.pos_of_value("kind"), "'kind' goes with 'org', not with 'asset', in " + op_);
      if (!check_asset(*asset))
        return std::nullopt;
      s.asset = asset->value;
      return s;
    }
    if (region_ != nullptr && region_->find_organisation(org->value) == nullptr) {
      unknown("organisation", *org, region_->organisation_ids());
      return std::nullopt;
    }
    s.org = org->value;
    if (region_ != nullptr && select_assets(*region_, s).empty()) {
      ctx_.error(r.pos(), fmt::format("{} selects no asset (organisation '{}' has no {}asset)", op_, s.org,
                                      s.kind ? std::string(core::enum_name(*s.kind)) + " " : ""));
      return std::nullopt;
    }
    return s;
  }

  void unknown(const char* kind, const Located& id, const std::vector<std::string>& known)
  {
    ctx_.error(id.pos, fmt::format("unknown {} '{}' in {}{}", kind, id.value, op_, core::closest_known(id.value, known)));
  }

  bool check_link(const Located& id)
  {
    if (region_ == nullptr || region_->find_link(id.value) != nullptr)
      return true;
    unknown("link", id, region_->link_ids());
    return false;
  }

  bool check_asset(const Located& id)
  {
    if (region_ == nullptr || region_->find_asset(id.value) != nullptr)
      return true;
    unknown("asset", id, region_->asset_ids());
    return false;
  }

  bool check_trust(const Located& from, const Located& to, SourcePos pos)
  {
    if (region_ == nullptr)
      return true;
    bool ok = true;
    for (const Located* d : {&from, &to})
      if (region_->find_domain(d->value) == nullptr) {
        unknown("domain", *d, region_->domain_ids());
        ok = false;
      }
    if (ok && !region_->find_trust(from.value, to.value)) {
      ctx_.error(pos, fmt::format("{}: the region has no trust from '{}' to '{}'", op_, from.value, to.value));
      ok = false;
    }
    return ok;
  }

  const Context& ctx_;
  const Region* region_;
  const std::vector<std::string>& rules_;
  std::string what_;
  std::string op_;
};

} // namespace

std::vector<Variant> read_variants(const Context& ctx, const YAML::Node& node, const Region* region,
                                   const std::vector<std::string>& rule_ids)
{
  std::vector<Variant> out;
  std::map<std::string, SourcePos> seen;
  for_each_item(ctx, node, "variants", [&](const YAML::Node& n) {
    Variant v = VariantReader(ctx, region, rule_ids).read(n);
    if (v.id.empty())
      return;
    auto [it, inserted] = seen.emplace(v.id, v.pos);
    if (!inserted) {
      ctx.error(v.pos, fmt::format("duplicate variant id '{}' (first defined at line {})", v.id, it->second.line));
      return;
    }
    out.push_back(std::move(v));
  });
  return out;
}

} // namespace ricochet::scenario::detail
