#include "governance_reader.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "value_readers.hpp"

namespace ricochet::scenario::detail {
namespace {

const std::vector<std::string>& condition_names()
{
  static const std::vector<std::string> names{"all",          "any",           "not",          "impacted",
                                              "impacted_count", "care_down",   "care_degraded", "capacity_below",
                                              "asset_down",   "ladder",        "happened"};
  return names;
}

class GovernanceReader {
public:
  GovernanceReader(const Context& ctx, const model::Region* region) : ctx_(ctx), region_(region) {}

  Governance read(const YAML::Node& node)
  {
    Governance g;
    MapReader r(ctx_, node, "governance", {"rules", "craps", "communications", "notification_delay"});
    if (!r.is_map())
      return g;
    g.notification_delay_s = r.duration("notification_delay").value_or(g.notification_delay_s);
    if (r.has("communications")) {
      MapReader c(ctx_, r.get("communications"), "'communications' of governance", {"voice_fallback", "no_voice"});
      g.communications.voice_fallback = c.number("voice_fallback", 1, 100).value_or(g.communications.voice_fallback);
      g.communications.no_voice       = c.number("no_voice", 1, 100).value_or(g.communications.no_voice);
    }
    std::set<std::string> ids;
    for_each_item(ctx_, r.get("rules"), "rules", [&](const YAML::Node& n) {
      if (auto rule = read_rule(n)) {
        if (!ids.insert(rule->id).second)
          ctx_.error(rule->pos, fmt::format("duplicate rule id '{}'", rule->id));
        else
          g.rules.push_back(std::move(*rule));
      }
    });
    if (r.has("craps"))
      g.craps = read_craps(r.get("craps"));
    return g;
  }

  std::optional<Condition> read_condition(const YAML::Node& n, const std::string& where);

private:
  /** KNOWN lists the ids for "did you mean", called for an error only (listing them for every reference was most of
      the loading of a national region). */
  bool check(const char* kind, const Located& id, bool exists, const std::function<std::vector<std::string>()>& known)
  {
    if (region_ == nullptr || exists)
      return true;
    ctx_.error(id.pos, fmt::format("unknown {} '{}'{}", kind, id.value, core::closest_known(id.value, known())));
    return false;
  }
  bool check_org(const Located& id)
  {
    return check("organisation", id, region_ && region_->find_organisation(id.value),
                 [this] { return region_->organisation_ids(); });
  }
  bool check_care(const Located& id)
  {
    return check("care function", id, region_ && region_->find_care_function(id.value), [this] {
      std::vector<std::string> known;
      for (const auto& c : region_->care_functions)
        known.push_back(c.id);
      return known;
    });
  }
  bool check_ght(const Located& id)
  {
    bool exists = region_ && std::any_of(region_->organisations.begin(), region_->organisations.end(),
                                         [&](const model::Organisation& o) { return o.ght == id.value; });
    return check("GHT", id, exists, [this] {
      std::vector<std::string> known;
      for (const auto& o : region_->organisations)
        if (!o.ght.empty() && std::find(known.begin(), known.end(), o.ght) == known.end())
          known.push_back(o.ght);
      return known;
    });
  }

  /** A scalar argument as an id. */
  std::optional<Located> scalar_id(const YAML::Node& arg, const std::string& what)
  {
    if (!arg.IsScalar() || !is_identifier(arg.Scalar().substr(0, arg.Scalar().find('/')))) {
      ctx_.error(pos_of(arg), fmt::format("{} takes an id, found {}", what, describe_found(arg)));
      return std::nullopt;
    }
    return Located{arg.Scalar(), pos_of(arg)};
  }

  /** ladder, org/ght scope and a level name read from one mapping. */
  bool read_ladder_target(const MapReader& r, const char* level_key, Ladder& ladder, std::string& scope, int& level)
  {
    auto l = r.enumeration<Ladder>("ladder", true);
    if (!l)
      return false;
    ladder   = *l;
    auto org = r.located_id("org");
    auto ght = r.located_id("ght");
    bool ok  = true;
    if (ladder == Ladder::ESTABLISHMENT) {
      if (!org) {
        r.require("org");
        ok = false;
      } else if (check_org(*org))
        scope = org->value;
      else
        ok = false;
    } else if (ladder == Ladder::GHT) {
      if (!ght) {
        r.require("ght");
        ok = false;
      } else if (check_ght(*ght))
        scope = ght->value;
      else
        ok = false;
    } else if (org || ght) {
      ctx_.error(r.pos(), fmt::format("the {} ladder is regional: it takes no 'org' or 'ght' in {}",
                                      core::enum_name(ladder), r.what()));
      ok = false;
    }
    auto name = r.string(level_key, true);
    if (!name)
      return false;
    const auto& levels = ladder_levels(ladder);
    auto it            = std::find(levels.begin(), levels.end(), *name);
    if (it == levels.end()) {
      ctx_.error(r.pos_of_value(level_key),
                 fmt::format("unknown level '{}' of the {} ladder in {}{} (levels: {})", *name, core::enum_name(ladder),
                             r.what(), core::did_you_mean(*name, levels), core::join(levels)));
      return false;
    }
    level = static_cast<int>(it - levels.begin());
    return ok;
  }

  std::optional<Condition> read_condition_impl(const YAML::Node& n, const std::string& where)
  {
    if (!n.IsMap() || n.size() != 1) {
      ctx_.error(pos_of(n), fmt::format("a condition in {} is a mapping with one test ({}), found {}", where,
                                        core::join(condition_names()), describe_found(n)));
      return std::nullopt;
    }
    auto kv               = *n.begin();
    const std::string op  = kv.first.Scalar();
    const YAML::Node& arg = kv.second;
    const std::string what = fmt::format("'{}' in {}", op, where);
    Condition c;
    c.pos = pos_of(n);
    using K = Condition::Kind;
    if (op == "all" || op == "any") {
      c.kind = op == "all" ? K::ALL : K::ANY;
      bool ok = true;
      if (!arg.IsSequence() || arg.size() == 0) {
        ctx_.error(pos_of(arg), fmt::format("{} takes a non-empty list of conditions, found {}", what, describe_found(arg)));
        return std::nullopt;
      }
      for (const auto& child : arg) {
        auto sub = read_condition_impl(child, where);
        ok       = ok && sub.has_value();
        if (sub)
          c.children.push_back(std::move(*sub));
      }
      return ok ? std::optional<Condition>(c) : std::nullopt;
    }
    if (op == "not") {
      c.kind   = K::NOT;
      auto sub = read_condition_impl(arg, where);
      if (!sub)
        return std::nullopt;
      c.children.push_back(std::move(*sub));
      return c;
    }
    if (op == "impacted" || op == "asset_down" || op == "care_down" || op == "care_degraded") {
      auto id = scalar_id(arg, what);
      if (!id)
        return std::nullopt;
      c.id = id->value;
      if (op == "impacted") {
        c.kind = K::ORG_IMPACTED;
        return check_org(*id) ? std::optional<Condition>(c) : std::nullopt;
      }
      if (op == "asset_down") {
        c.kind = K::ASSET_DOWN;
        return check("asset", *id, region_ && region_->find_asset(id->value),
                     [this] { return region_->asset_ids(); })
                   ? std::optional<Condition>(c)
                   : std::nullopt;
      }
      c.kind  = K::CARE_STATE;
      c.state = op == "care_down" ? "down" : "degraded";
      return check_care(*id) ? std::optional<Condition>(c) : std::nullopt;
    }
    if (op == "impacted_count") {
      char* end = nullptr;
      long n_   = arg.IsScalar() ? std::strtol(arg.Scalar().c_str(), &end, 10) : -1;
      if (!arg.IsScalar() || end == arg.Scalar().c_str() || *end != '\0' || n_ < 1) {
        ctx_.error(pos_of(arg), fmt::format("{} takes a whole number of organisations >= 1, found {}", what,
                                            describe_found(arg)));
        return std::nullopt;
      }
      c.kind  = K::ORGS_IMPACTED;
      c.value = static_cast<double>(n_);
      return c;
    }
    if (op == "capacity_below") {
      MapReader r(ctx_, arg, what, {"care", "fraction"});
      auto care     = r.located_id("care", true);
      auto fraction = r.number("fraction", 0, 1, true);
      if (!care || !fraction || !check_care(*care))
        return std::nullopt;
      c.kind  = K::CARE_CAPACITY_BELOW;
      c.id    = care->value;
      c.value = *fraction;
      return c;
    }
    if (op == "ladder") {
      MapReader r(ctx_, arg, what, {"ladder", "org", "ght", "at_least"});
      c.kind = K::LADDER_AT_LEAST;
      if (!read_ladder_target(r, "at_least", c.ladder, c.id, c.level))
        return std::nullopt;
      return c;
    }
    if (op == "happened") {
      MapReader r(ctx_, arg, what, {"event", "subject"});
      auto event   = r.string("event", true);
      auto subject = r.string("subject", true);
      if (!event || !subject)
        return std::nullopt;
      c.kind  = K::HAPPENED;
      c.state = *event;
      c.id    = *subject;
      return c;
    }
    ctx_.error(pos_of(kv.first), fmt::format("unknown condition '{}' in {}{} (allowed: {})", op, where,
                                             core::did_you_mean(op, condition_names()), core::join(condition_names())));
    return std::nullopt;
  }

  std::optional<Rule> read_rule(const YAML::Node& n)
  {
    MapReader r(ctx_, n, "rule", {"id", "set", "when", "hold", "delay", "notify"});
    if (!r.is_map())
      return std::nullopt;
    std::size_t errors = ctx_.diags->error_count();
    Rule rule;
    rule.pos = r.pos();
    rule.id  = r.id().value_or("");
    if (r.require("set")) {
      MapReader set(ctx_, r.get("set"), "'set' of " + r.what(), {"ladder", "org", "ght", "level"});
      read_ladder_target(set, "level", rule.ladder, rule.scope, rule.level);
    }
    if (r.require("when"))
      if (auto when = read_condition_impl(r.get("when"), r.what()))
        rule.when = std::move(*when);
    rule.hold_s = r.duration("hold").value_or(0);
    rule.delay  = read_distribution(r, "delay").value_or(core::Distribution::fixed(0));
    static const std::vector<std::string> recipients{"cert_sante", "ars", "anssi", "prefecture", "ght", "samu",
                                                     "national"};
    if (auto notify = r.id_list("notify"))
      for (const auto& who : *notify) {
        if (std::find(recipients.begin(), recipients.end(), who.value) == recipients.end())
          ctx_.error(who.pos, fmt::format("unknown recipient '{}' in {}{} (allowed: {})", who.value, r.what(),
                                          core::did_you_mean(who.value, recipients), core::join(recipients)));
        rule.notify.push_back(who.value);
      }
    if (ctx_.diags->error_count() > errors || rule.id.empty())
      return std::nullopt;
    return rule;
  }

  CrapsActions read_craps(const YAML::Node& node)
  {
    CrapsActions a;
    MapReader r(ctx_, node, "'craps' of governance", {"coordinate_diversion", "regional_support", "equipment_loans"});
    if (!r.is_map())
      return a;
    a.coordinate_diversion = r.boolean("coordinate_diversion").value_or(true);
    if (auto orgs = r.id_list("regional_support"))
      for (const auto& o : *orgs)
        if (check_org(o))
          a.regional_support.push_back(o.value);
    for_each_item(ctx_, r.get("equipment_loans"), "equipment_loans", [&](const YAML::Node& n) {
      MapReader l(ctx_, n, "equipment loan", {"orgs", "floor_boost", "delay"});
      EquipmentLoan loan;
      if (auto orgs = l.id_list("orgs", true))
        for (const auto& o : *orgs)
          if (check_org(o))
            loan.orgs.push_back(o.value);
      loan.floor_boost = l.number("floor_boost", 0, 1).value_or(loan.floor_boost);
      loan.delay_s     = l.duration("delay").value_or(loan.delay_s);
      a.loans.push_back(loan);
    });
    return a;
  }

  const Context& ctx_;
  const model::Region* region_;
};

} // namespace

std::optional<Condition> GovernanceReader::read_condition(const YAML::Node& n, const std::string& where)
{
  return read_condition_impl(n, where);
}

Governance read_governance(const Context& ctx, const YAML::Node& node, const model::Region* region)
{
  return GovernanceReader(ctx, region).read(node);
}

std::optional<Condition> read_condition(const Context& ctx, const YAML::Node& node, const std::string& where,
                                        const model::Region* region)
{
  return GovernanceReader(ctx, region).read_condition(node, where);
}

} // namespace ricochet::scenario::detail
