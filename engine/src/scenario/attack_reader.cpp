#include "attack_reader.hpp"

#include <algorithm>
#include <map>
#include <regex>

#include <fmt/format.h>

#include "ricochet/core/units.hpp"
#include "value_readers.hpp"

namespace ricochet::scenario::detail {
namespace {

using model::AssetKind;
using model::Flow;

model::FlowSet flows_of(std::initializer_list<Flow> flows)
{
  model::FlowSet set;
  for (Flow f : flows)
    set.add(f);
  return set;
}

bool valid_technique(const std::string& t)
{
  static const std::regex pattern("T[0-9]{4}(\\.[0-9]{3})?");
  return std::regex_match(t, pattern);
}

class AttackReader {
public:
  AttackReader(const Context& ctx, const model::Region* region, const core::LocalClock* clock)
      : ctx_(ctx), region_(region), clock_(clock)
  {
  }

  std::optional<Attack> read(const YAML::Node& node)
  {
    MapReader r(ctx_, node, "attack", {"name", "encryption_rate", "exfiltration_bandwidth", "steps"});
    if (!r.is_map())
      return std::nullopt;
    Attack attack;
    attack.name = r.string("name").value_or("");
    if (auto rate = r.bandwidth("encryption_rate")) {
      if (*rate <= 0)
        ctx_.error(r.pos_of_value("encryption_rate"), "'encryption_rate' of attack must be positive");
      attack.encryption_rate_Bps = *rate;
    }
    if (auto bw = r.bandwidth("exfiltration_bandwidth")) {
      if (*bw <= 0)
        ctx_.error(r.pos_of_value("exfiltration_bandwidth"), "'exfiltration_bandwidth' of attack must be positive");
      attack.exfiltration_bandwidth_Bps = *bw;
    }
    if (r.require("steps"))
      for_each_item(ctx_, r.get("steps"), "steps", [&](const YAML::Node& n) {
        if (auto step = read_step(n))
          attack.steps.push_back(std::move(*step));
      });
    return attack;
  }

private:
  std::optional<AttackStep> read_step(const YAML::Node& n)
  {
    MapReader r(ctx_, n, "step",
                {"id", "name", "technique", "action", "after", "at", "delay", "probability", "target", "vector",
                 "from", "flows", "credentials", "volume"});
    if (!r.is_map())
      return std::nullopt;
    std::size_t errors = ctx_.diags->error_count();
    AttackStep s;
    s.pos  = r.pos();
    s.id   = r.id().value_or("");
    s.name = r.string("name").value_or(s.id);
    if (auto t = r.string("technique", true)) {
      if (!valid_technique(*t))
        ctx_.error(r.pos_of_value("technique"),
                   fmt::format("'technique' of {} must be an ATT&CK id such as 'T1133' or 'T1021.001', found '{}'",
                               r.what(), *t));
      s.technique = *t;
    }
    auto action = r.enumeration<AttackAction>("action", true);
    if (action)
      s.action = *action;
    if (auto after = r.id_list("after")) {
      for (const auto& a : *after) {
        if (seen_.count(a.value) == 0)
          ctx_.error(a.pos, fmt::format("{} comes after unknown step '{}'{}; a step may only follow steps declared "
                                        "before it",
                                        r.what(), a.value, core::closest_known(a.value, seen_list_)));
        s.after.push_back(a.value);
      }
    }
    read_time(r, s);
    s.delay       = read_distribution(r, "delay").value_or(core::Distribution::fixed(0));
    s.probability = r.number("probability", 0, 1).value_or(1.0);
    s.vector      = r.enumeration<EntryVector>("vector");
    if (auto from = r.located_id("from")) {
      s.from_org = from->value;
      if (region_ != nullptr && region_->find_organisation(from->value) == nullptr)
        ctx_.error(from->pos, fmt::format("unknown organisation '{}' in 'from' of {}{}", from->value, r.what(),
                                          core::closest_known(from->value, region_->organisation_ids())));
    }
    s.needs_credentials = r.boolean("credentials").value_or(true);
    s.volume_bytes      = r.size("volume");
    if (r.has("target")) {
      bool domain_target = action && *action == AttackAction::DOMAIN_ADMIN;
      if (auto target = read_selector(ctx_, r.get("target"), "'target' of " + r.what(), region_, domain_target))
        s.target = *target;
    }
    if (action)
      check_action(r, s);
    s.flows = r.enum_set<Flow>("flows").value_or(default_flows(s.action, s.vector));
    if (!s.id.empty()) {
      if (!seen_.emplace(s.id, s.pos).second) {
        ctx_.error(s.pos, fmt::format("duplicate step id '{}' (first defined at line {})", s.id, seen_[s.id].line));
        return std::nullopt;
      }
      seen_list_.push_back(s.id);
    }
    if (ctx_.diags->error_count() > errors)
      return std::nullopt;
    return s;
  }

  void read_time(const MapReader& r, AttackStep& s)
  {
    auto at = r.string("at");
    if (!at)
      return;
    if (auto minute = parse_time_of_day(*at)) {
      s.at.kind          = StepTime::Kind::CLOCK;
      s.at.minute_of_day = *minute;
      return;
    }
    if (at->rfind("T+", 0) == 0) {
      try {
        s.at.kind = StepTime::Kind::AT;
        s.at.at_s = core::parse_duration(at->substr(2));
      } catch (const std::invalid_argument& e) {
        ctx_.error(r.pos_of_value("at"), fmt::format("'at' of {} must be 'T+' then {}, found '{}'", r.what(),
                                                     e.what(), *at));
      }
      return;
    } else {
      bool shaped = true;
      try {
        core::check_local_datetime(*at);
      } catch (const std::invalid_argument&) {
        shaped = false;
      }
      if (shaped) {
        s.at.kind = StepTime::Kind::AT;
        try {
          s.at.at_s = clock_ != nullptr ? clock_->offset_of(*at) : 0;
          if (clock_ != nullptr && s.at.at_s < 0)
            ctx_.error(r.pos_of_value("at"), fmt::format("'at' of {} is before the scenario starts", r.what()));
        } catch (const std::invalid_argument& e) { // no such date, or clocks skip that time
          ctx_.error(r.pos_of_value("at"), fmt::format("'at' of {}: {}", r.what(), e.what()));
        }
        return;
      }
    }
    ctx_.error(r.pos_of_value("at"),
               fmt::format("'at' of {} must be a local date-time ('2026-10-18 03:00'), a time of day ('03:00': the "
                           "next one once the step may run) or a time since the start ('T+90min'), found '{}'",
                           r.what(), *at));
  }

  void check_action(const MapReader& r, AttackStep& s)
  {
    const std::string what = r.what();
    auto forbid = [&](const char* key, const char* why) {
      if (r.has(key))
        ctx_.error(r.pos_of_value(key), fmt::format("'{}' does not apply to {} ({})", key, what, why));
    };
    bool needs_target = s.action != AttackAction::STEAL_CREDENTIALS;
    if (needs_target && !r.has("target"))
      r.require("target");
    if (s.action != AttackAction::INITIAL_ACCESS) {
      forbid("vector", "only initial_access steps have an entry vector");
      forbid("from", "only trusted_partner entries come from an organisation");
    }
    if (s.action != AttackAction::EXFILTRATE)
      forbid("volume", "only exfiltrate steps move data out");
    if (s.action != AttackAction::LATERAL_MOVEMENT)
      forbid("credentials", "only lateral_movement steps may go without credentials");
    if (s.action == AttackAction::DOMAIN_ADMIN) {
      if (r.has("target") && (s.target.domain.empty() || !s.target.assets.empty() || !s.target.org.empty() ||
                              !s.target.zone.empty() || s.target.kind))
        ctx_.error(r.pos_of_value("target"), fmt::format("the target of {} is a domain: write target: {{domain: ID}}",
                                                         what));
      return;
    }
    if (s.action == AttackAction::DESTROY_BACKUPS && region_ != nullptr && r.has("target")) {
      auto ids = select_targets(*region_, s.target);
      if (std::none_of(ids.begin(), ids.end(), [&](const std::string& id) { return region_->find_asset(id)->backup; }))
        ctx_.error(r.pos_of_value("target"), fmt::format("'target' of {} selects no backup", what));
      return;
    }
    if (s.action == AttackAction::INITIAL_ACCESS) {
      if (!s.vector) {
        r.require("vector");
        return;
      }
      if (*s.vector == EntryVector::TRUSTED_PARTNER && s.from_org.empty())
        r.require("from");
      if (*s.vector != EntryVector::TRUSTED_PARTNER)
        forbid("from", "only trusted_partner entries come from an organisation");
      if (region_ == nullptr || !r.has("target"))
        return;
      for (const auto& id : select_targets(*region_, s.target)) {
        AssetKind kind = region_->find_asset(id)->kind;
        if (*s.vector == EntryVector::PHISHING && kind != AssetKind::WORKSTATIONS)
          ctx_.error(r.pos_of_value("target"),
                     fmt::format("phishing in {} lands on workstation pools, and '{}' is of kind '{}'", what, id,
                                 core::enum_name(kind)));
        if (*s.vector == EntryVector::SAAS_SUPPLY_CHAIN && kind != AssetKind::SAAS && kind != AssetKind::REMOTE_ACCESS)
          ctx_.error(r.pos_of_value("target"),
                     fmt::format("a SaaS supply-chain entry in {} targets a saas service or its administration "
                                 "access, and '{}' is of kind '{}'",
                                 what, id, core::enum_name(kind)));
      }
    }
  }

  const Context& ctx_;
  const model::Region* region_;
  const core::LocalClock* clock_;
  std::map<std::string, core::SourcePos> seen_;
  std::vector<std::string> seen_list_;
};

} // namespace

model::FlowSet default_flows(AttackAction action, std::optional<EntryVector> vector)
{
  switch (action) {
    case AttackAction::INITIAL_ACCESS:
      if (vector == EntryVector::EXPOSED_SERVICE)
        return flows_of({Flow::VPN, Flow::HTTPS, Flow::RDP, Flow::SSH});
      if (vector == EntryVector::SAAS_SUPPLY_CHAIN)
        return flows_of({Flow::HTTPS});
      return flows_of({Flow::RDP, Flow::SMB, Flow::SSH, Flow::HTTPS});
    case AttackAction::LATERAL_MOVEMENT:
      return flows_of({Flow::RDP, Flow::SMB, Flow::SSH});
    case AttackAction::DESTROY_BACKUPS:
      return flows_of({Flow::SMB, Flow::HTTPS, Flow::SSH, Flow::BACKUP});
    case AttackAction::ENCRYPT:
      return flows_of({Flow::SMB, Flow::RDP, Flow::SSH, Flow::HTTPS});
    case AttackAction::EXFILTRATE:
      return flows_of({Flow::HTTPS});
    case AttackAction::STEAL_CREDENTIALS:
    case AttackAction::DOMAIN_ADMIN:
      return flows_of({Flow::LDAP, Flow::KERBEROS, Flow::SMB, Flow::RDP});
  }
  return {};
}

std::optional<Attack> read_attack(const Context& ctx, const YAML::Node& node, const model::Region* region,
                                  const core::LocalClock* clock)
{
  return AttackReader(ctx, region, clock).read(node);
}

} // namespace ricochet::scenario::detail
