#include "defence_reader.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

#include <fmt/format.h>

#include "ricochet/core/units.hpp"
#include "value_readers.hpp"

namespace ricochet::scenario::detail {
namespace {

using model::Control;

const std::vector<std::string>& recipients()
{
  static const std::vector<std::string> r{"cert_sante", "ars", "anssi", "cnil", "prefecture", "ght", "samu"};
  return r;
}

const std::vector<std::string>& weekdays()
{
  static const std::vector<std::string> d{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  return d;
}

class DefenceReader {
public:
  DefenceReader(const Context& ctx, const model::Region* region, const Attack* attack)
      : ctx_(ctx), region_(region), attack_(attack)
  {
  }

  Defence read(const YAML::Node& node)
  {
    Defence d;
    MapReader r(ctx_, node, "defence",
                {"staffing", "edr_block", "bastion_slowdown", "detection", "playbooks", "recovery"});
    if (!r.is_map())
      return d;
    if (r.has("staffing"))
      d.staffing = read_staffing(r.get("staffing"));
    d.edr_block        = r.number("edr_block", 0, 1).value_or(d.edr_block);
    d.bastion_slowdown = r.number("bastion_slowdown", 1, 1000).value_or(d.bastion_slowdown);
    for_each_item(ctx_, r.get("detection"), "detection", [&](const YAML::Node& n) { read_rule(n, d); });
    std::set<std::string> ids;
    for_each_item(ctx_, r.get("playbooks"), "playbooks", [&](const YAML::Node& n) {
      if (auto pb = read_playbook(n)) {
        if (!ids.insert(pb->id).second)
          ctx_.error(pb->pos, fmt::format("duplicate playbook id '{}'", pb->id));
        else
          d.playbooks.push_back(std::move(*pb));
      }
    });
    if (r.has("recovery"))
      d.recovery = read_recovery(r.get("recovery"));
    return d;
  }

private:
  StaffingPeriod read_period(const MapReader& parent, const char* key)
  {
    StaffingPeriod p;
    if (!parent.has(key))
      return p;
    MapReader r(ctx_, parent.get(key), fmt::format("'{}' of staffing", key), {"factor", "extra"});
    p.factor  = r.number("factor", 1, 100).value_or(1.0);
    p.extra_s = r.duration("extra").value_or(0.0);
    return p;
  }

  Staffing read_staffing(const YAML::Node& node)
  {
    Staffing s;
    MapReader r(ctx_, node, "staffing", {"office_hours", "workdays", "night", "weekend"});
    if (!r.is_map())
      return s;
    if (auto hours = r.string("office_hours")) {
      auto dash = hours->find('-');
      std::optional<int> from, to;
      if (dash != std::string::npos) {
        from = parse_time_of_day(hours->substr(0, dash));
        to   = parse_time_of_day(hours->substr(dash + 1));
      }
      if (!from || !to || *from >= *to)
        ctx_.error(r.pos_of_value("office_hours"),
                   fmt::format("'office_hours' of staffing must be 'HH:MM-HH:MM' within one day, found '{}'", *hours));
      else {
        s.office_start_min = *from;
        s.office_end_min   = *to;
      }
    }
    if (auto days = r.id_list("workdays")) {
      s.workdays.fill(false);
      for (const auto& day : *days) {
        auto it = std::find(weekdays().begin(), weekdays().end(), day.value);
        if (it == weekdays().end())
          ctx_.error(day.pos, fmt::format("unknown day '{}' in 'workdays' of staffing{} (allowed: {})", day.value,
                                          core::did_you_mean(day.value, weekdays()), core::join(weekdays())));
        else
          s.workdays[static_cast<std::size_t>(it - weekdays().begin())] = true;
      }
    }
    s.night   = read_period(r, "night");
    s.weekend = read_period(r, "weekend");
    return s;
  }

  void read_rule(const YAML::Node& n, Defence& d)
  {
    MapReader r(ctx_, n, "detection rule", {"control", "actions", "steps", "probability", "delay"});
    if (!r.is_map())
      return;
    DetectionRule rule;
    rule.pos = r.pos();
    if (auto control = r.string("control", true)) {
      if (*control != "none") {
        rule.control = core::enum_from_name<Control>(*control);
        if (!rule.control) {
          auto allowed = core::enum_names<Control>();
          allowed.insert(allowed.begin(), "none");
          ctx_.error(r.pos_of_value("control"), fmt::format("unknown control '{}' in detection rule{} (allowed: {})",
                                                            *control, core::did_you_mean(*control, allowed),
                                                            core::join(allowed)));
          return;
        }
      }
    }
    if (auto actions = r.id_list("actions"))
      for (const auto& a : *actions) {
        if (auto action = core::enum_from_name<AttackAction>(a.value))
          rule.actions.push_back(*action);
        else
          ctx_.error(a.pos, fmt::format("unknown action '{}' in detection rule{} (allowed: {})", a.value,
                                        core::did_you_mean(a.value, core::enum_names<AttackAction>()),
                                        core::join(core::enum_names<AttackAction>())));
      }
    if (auto steps = r.id_list("steps"))
      for (const auto& s : *steps) {
        if (attack_ != nullptr && std::none_of(attack_->steps.begin(), attack_->steps.end(),
                                               [&](const AttackStep& st) { return st.id == s.value; })) {
          std::vector<std::string> known;
          for (const auto& st : attack_->steps)
            known.push_back(st.id);
          ctx_.error(s.pos, fmt::format("unknown step '{}' in detection rule{}", s.value, core::closest_known(s.value, known)));
        }
        rule.steps.push_back(s.value);
      }
    rule.probability = r.number("probability", 0, 1).value_or(1.0);
    rule.delay       = read_distribution(r, "delay").value_or(core::Distribution::fixed(0));
    d.detection.push_back(std::move(rule));
  }

  bool check_org(const Located& id, const std::string& what)
  {
    if (region_ == nullptr || region_->find_organisation(id.value) != nullptr)
      return true;
    ctx_.error(id.pos, fmt::format("unknown organisation '{}' in {}{}", id.value, what,
                                   core::closest_known(id.value, region_->organisation_ids())));
    return false;
  }

  /** An action's argument that is just an organisation id. */
  std::optional<std::string> org_argument(const YAML::Node& arg, const std::string& what)
  {
    if (!arg.IsScalar()) {
      ctx_.error(pos_of(arg), fmt::format("{} takes an organisation id, found {}", what, describe_found(arg)));
      return std::nullopt;
    }
    if (!check_org({arg.Scalar(), pos_of(arg)}, what))
      return std::nullopt;
    return arg.Scalar();
  }

  std::optional<ResponseAction> read_isolation(const YAML::Node& arg, ResponseAction a, const std::string& what)
  {
    MapReader r(ctx_, arg, what, {"org", "scope", "zone", "link", "asset"});
    if (!r.is_map())
      return std::nullopt;
    int given = 0;
    for (const char* key : {"org", "zone", "link", "asset"})
      given += r.has(key) ? 1 : 0;
    if (given != 1) {
      ctx_.error(r.pos(), what + " needs exactly one of 'org' (with an optional 'scope'), 'zone', 'link' or 'asset'");
      return std::nullopt;
    }
    if (r.has("scope") && !r.has("org"))
      ctx_.error(r.pos_of_value("scope"), "'scope' goes with 'org' in " + what);
    if (auto org = r.located_id("org")) {
      if (!check_org(*org, what))
        return std::nullopt;
      a.org = org->value;
      if (auto scope = r.string("scope")) {
        if (*scope == "internet")
          a.scope = ResponseAction::Scope::INTERNET;
        else if (*scope != "external")
          ctx_.error(r.pos_of_value("scope"), fmt::format("unknown scope '{}' in {}{} (allowed: external, internet)",
                                                          *scope, what, core::did_you_mean(*scope, {"external", "internet"})));
      }
    }
    using Ids  = std::vector<std::string> (model::Region::*)() const; // listed for an error only
    auto check = [&](const std::optional<Located>& id, const char* kind, bool exists, Ids known) -> bool {
      if (!id)
        return true;
      if (region_ == nullptr || exists)
        return true;
      ctx_.error(id->pos, fmt::format("unknown {} '{}' in {}{}", kind, id->value, what,
                                      core::closest_known(id->value, (region_->*known)())));
      return false;
    };
    auto zone  = r.located_id("zone");
    auto link  = r.located_id("link");
    auto asset = r.located_id("asset");
    bool ok    = check(zone, "zone", region_ && zone && region_->find_zone(zone->value), &model::Region::zone_ids) &&
              check(link, "link", region_ && link && region_->find_link(link->value), &model::Region::link_ids) &&
              check(asset, "asset", region_ && asset && region_->find_asset(asset->value), &model::Region::asset_ids);
    if (!ok)
      return std::nullopt;
    a.zone  = zone ? zone->value : "";
    a.link  = link ? link->value : "";
    a.asset = asset ? asset->value : "";
    return a;
  }

  std::optional<ResponseAction> read_action(const YAML::Node& n, const std::string& playbook)
  {
    static const std::vector<std::string> names{"isolate", "reconnect", "shut_down", "activate_crisis_cell",
                                                "declare_incident", "recover", "request_regional_support"};
    if (!n.IsMap() || n.size() != 1) {
      ctx_.error(pos_of(n), fmt::format("each action of playbook '{}' must be a mapping with one action ({}), found {}",
                                        playbook, core::join(names), describe_found(n)));
      return std::nullopt;
    }
    auto kv               = *n.begin();
    const std::string op  = kv.first.Scalar();
    const YAML::Node& arg = kv.second;
    const std::string what = fmt::format("'{}' in playbook '{}'", op, playbook);
    ResponseAction a;
    a.pos = pos_of(n);
    using K = ResponseAction::Kind;
    if (op == "isolate" || op == "reconnect") {
      a.kind = op == "isolate" ? K::ISOLATE : K::RECONNECT;
      return read_isolation(arg, a, what);
    }
    if (op == "shut_down") {
      a.kind = K::SHUT_DOWN;
      auto sel = read_selector(ctx_, arg, what, region_, false);
      if (!sel)
        return std::nullopt;
      a.assets = *sel;
      return a;
    }
    if (op == "activate_crisis_cell" || op == "recover" || op == "request_regional_support") {
      a.kind = op == "recover" ? K::RECOVER : op == "activate_crisis_cell" ? K::ACTIVATE_CRISIS_CELL
                                                                            : K::REQUEST_REGIONAL_SUPPORT;
      auto org = org_argument(arg, what);
      if (!org)
        return std::nullopt;
      a.org = *org;
      return a;
    }
    if (op == "declare_incident") {
      a.kind = K::DECLARE_INCIDENT;
      MapReader r(ctx_, arg, what, {"org", "to"});
      auto org = r.located_id("org", true);
      auto to  = r.id_list("to", true);
      if (!org || !to || !check_org(*org, what))
        return std::nullopt;
      a.org = org->value;
      for (const auto& rcpt : *to) {
        if (std::find(recipients().begin(), recipients().end(), rcpt.value) == recipients().end()) {
          ctx_.error(rcpt.pos, fmt::format("unknown recipient '{}' in {}{} (allowed: {})", rcpt.value, what,
                                           core::did_you_mean(rcpt.value, recipients()), core::join(recipients())));
          return std::nullopt;
        }
        a.recipients.push_back(rcpt.value);
      }
      return a;
    }
    ctx_.error(pos_of(kv.first), fmt::format("unknown action '{}' in playbook '{}'{} (allowed: {})", op, playbook,
                                             core::did_you_mean(op, names), core::join(names)));
    return std::nullopt;
  }

  std::optional<Playbook> read_playbook(const YAML::Node& n)
  {
    MapReader r(ctx_, n, "playbook", {"id", "org", "when", "delay", "staffed", "actions"});
    if (!r.is_map())
      return std::nullopt;
    std::size_t errors = ctx_.diags->error_count();
    Playbook pb;
    pb.pos = r.pos();
    pb.id  = r.id().value_or("");
    if (auto org = r.located_id("org", true); org && check_org(*org, "'org' of " + r.what()))
      pb.org = org->value;
    pb.when  = r.enumeration<Trigger>("when", true).value_or(Trigger::DETECTED);
    pb.delay   = read_distribution(r, "delay").value_or(core::Distribution::fixed(0));
    pb.staffed = r.boolean("staffed").value_or(true);
    if (r.require("actions"))
      for_each_item(ctx_, r.get("actions"), "actions", [&](const YAML::Node& a) {
        if (auto action = read_action(a, pb.id))
          pb.actions.push_back(std::move(*action));
      });
    if (ctx_.diags->error_count() > errors || pb.id.empty())
      return std::nullopt;
    return pb;
  }

  Recovery read_recovery(const YAML::Node& node)
  {
    Recovery rec;
    MapReader r(ctx_, node, "recovery",
                {"technicians", "teams", "setup", "offline_extra", "rebuild", "regional_support"});
    if (!r.is_map())
      return rec;
    rec.default_technicians = static_cast<int>(r.integer("technicians", 0, 1000).value_or(rec.default_technicians));
    rec.setup_s             = r.duration("setup").value_or(rec.setup_s);
    rec.offline_extra_s     = r.duration("offline_extra").value_or(rec.offline_extra_s);
    if (r.has("teams")) {
      YAML::Node teams = r.get("teams");
      if (!teams.IsMap()) {
        ctx_.error(pos_of(teams), "'teams' of recovery must be a mapping of organisation ids to technician counts, "
                                  "found " + describe_found(teams));
      } else {
        for (const auto& kv : teams) {
          std::string org = kv.first.Scalar();
          if (!check_org({org, pos_of(kv.first)}, "'teams' of recovery"))
            continue;
          long count = -1;
          if (kv.second.IsScalar()) {
            char* end = nullptr;
            count     = std::strtol(kv.second.Scalar().c_str(), &end, 10);
            if (end == kv.second.Scalar().c_str() || *end != '\0')
              count = -1;
          }
          if (count < 0 || count > 1000)
            ctx_.error(pos_of(kv.second), fmt::format("technicians of '{}' in recovery must be an integer between 0 "
                                                      "and 1000, found {}",
                                                      org, describe_found(kv.second)));
          else
            rec.technicians[org] = static_cast<int>(count);
        }
      }
    }
    if (r.has("rebuild")) {
      YAML::Node rebuild = r.get("rebuild");
      std::vector<std::string> kinds = core::enum_names<model::AssetKind>();
      if (!rebuild.IsMap())
        ctx_.error(pos_of(rebuild), "'rebuild' of recovery must be a mapping of asset kinds to durations, found " +
                                        describe_found(rebuild));
      else
        for (const auto& kv : rebuild) {
          std::string k = kv.first.Scalar();
          auto kind     = core::enum_from_name<model::AssetKind>(k);
          if (!kind) {
            ctx_.error(pos_of(kv.first), fmt::format("unknown asset kind '{}' in 'rebuild' of recovery{} (allowed: {})",
                                                     k, core::did_you_mean(k, kinds), core::join(kinds)));
            continue;
          }
          try {
            rec.rebuild_s[*kind] = core::parse_duration(kv.second.IsScalar() ? kv.second.Scalar() : "");
          } catch (const std::invalid_argument& e) {
            ctx_.error(pos_of(kv.second), fmt::format("'{}' of 'rebuild' must be {}, found {}", k, e.what(),
                                                      describe_found(kv.second)));
          }
        }
    }
    if (r.has("regional_support")) {
      MapReader rs(ctx_, r.get("regional_support"), "'regional_support' of recovery", {"org", "technicians", "delay"});
      if (auto org = rs.located_id("org", true); org && check_org(*org, "'regional_support' of recovery"))
        rec.regional.org = org->value;
      rec.regional.technicians = static_cast<int>(rs.integer("technicians", 0, 1000, true).value_or(0));
      rec.regional.delay_s     = rs.duration("delay").value_or(rec.regional.delay_s);
    }
    return rec;
  }

  const Context& ctx_;
  const model::Region* region_;
  const Attack* attack_;
};

} // namespace

Defence read_defence(const Context& ctx, const YAML::Node& node, const model::Region* region, const Attack* attack)
{
  return DefenceReader(ctx, region, attack).read(node);
}

} // namespace ricochet::scenario::detail
