#include "attacker.hpp"

#include <algorithm>
#include <cmath>
#include <deque>

namespace ricochet::sim {

using model::AssetKind;
using scenario::AttackAction;
using scenario::AttackStep;
using scenario::EntryVector;
namespace sg4 = simgrid::s4u;

Attacker::Attacker(World& world, const Platform& platform, const scenario::Attack& attack,
                   const scenario::Defence& defence, RandomStreams& random, Wakeups& wakeups, double end)
    : world_(world), platform_(platform), attack_(attack), defence_(defence), random_(random), wakeups_(wakeups),
      runs_(attack.steps.size()), end_(end)
{
}

void Attacker::start(sg4::Host* host)
{
  sg4::Actor::create("attacker", host, [this] { loop(); })->daemonize();
}

void Attacker::loop()
{
  schedule_ready();
  while (true) {
    std::size_t next = NONE;
    for (std::size_t i = 0; i < runs_.size(); ++i)
      if (runs_[i].state == StepState::SCHEDULED && (next == NONE || runs_[i].due < runs_[next].due))
        next = i;
    wakeups_.flush();
    if (next == NONE && inflight_.empty())
      return; // the campaign is over
    double now = sg4::Engine::get_clock();
    // Never wait on an activity past the end. When the run ends, SimGrid 3.32 kills this daemon and cancels its
    // Execs, and a cancelled Exec still answers a wait_any of the killed actor: the process aborted ("The Impossible
    // Did Happen"). So the actor stops waiting by the end, and ends: what is still under way is recorded by
    // record_unfinished().
    if (now >= end_) {
      measure_underway(); // the actor's end cancels its activities: their progress is read before
      return;
    }
    if (!inflight_.empty()) {
      double deadline = next == NONE ? end_ : std::min(runs_[next].due, end_);
      double timeout  = std::max(0.0, deadline - now);
      if (now + timeout > end_) // SimGrid's timer is set at now + timeout: not one rounding step past the end
        timeout = std::nextafter(timeout, 0.0);
      ssize_t done = sg4::Activity::wait_any_for(inflight_, timeout);
      if (done >= 0) {
        auto index      = static_cast<std::size_t>(done);
        auto completion = on_done_[index];
        inflight_.erase(inflight_.begin() + done);
        on_done_.erase(on_done_.begin() + done);
        underway_.erase(underway_.begin() + done);
        completion();
        schedule_ready();
        continue;
      }
    } else if (runs_[next].due > now) {
      sg4::this_actor::sleep_until(runs_[next].due);
    }
    now = sg4::Engine::get_clock();
    for (std::size_t i = 0; i < runs_.size(); ++i)
      if (runs_[i].state == StepState::SCHEDULED && runs_[i].due <= now + 1e-9)
        attempt(i);
    schedule_ready();
  }
}

void Attacker::schedule_ready()
{
  bool changed = true;
  while (changed) { // abandoning one step may abandon those after it
    changed = false;
    for (std::size_t i = 0; i < runs_.size(); ++i) {
      if (runs_[i].state != StepState::PENDING)
        continue;
      const AttackStep& step = attack_.steps[i];
      bool all_done = true, blocked = false;
      std::uint64_t trigger = 0;
      for (const auto& after : step.after) {
        auto it = std::find_if(attack_.steps.begin(), attack_.steps.end(),
                               [&](const AttackStep& s) { return s.id == after; });
        const StepRun& prev = runs_[static_cast<std::size_t>(it - attack_.steps.begin())];
        if (prev.state == StepState::ABANDONED || (prev.state == StepState::DONE && !prev.succeeded)) {
          blocked = true;
          trigger = prev.event;
        } else if (prev.state != StepState::DONE) {
          all_done = false;
        } else {
          trigger = std::max(trigger, prev.event);
        }
      }
      if (blocked) {
        runs_[i].state = StepState::ABANDONED;
        runs_[i].event = world_.emit("attack.step", step.id, "abandoned", trigger,
                                     {{"technique", step.technique},
                                      {"action", core::enum_name(step.action)},
                                      {"reason", "a step it comes after did not succeed"}});
        changed = true;
        continue;
      }
      if (!all_done)
        continue;
      double base = world_.now();
      if (step.at.kind == scenario::StepTime::Kind::AT)
        base = std::max(base, step.at.at_s);
      else if (step.at.kind == scenario::StepTime::Kind::CLOCK)
        base += world_.clock().until_time_of_day(base, step.at.minute_of_day);
      double delay = random_.get("step:" + step.id).sample(step.delay);
      if (step.action == AttackAction::DOMAIN_ADMIN && !step.target.domain.empty() &&
          world_.region().find_domain(step.target.domain)->bastion)
        delay *= defence_.bastion_slowdown;
      runs_[i].state   = StepState::SCHEDULED;
      runs_[i].due     = base + delay;
      runs_[i].trigger = trigger;
    }
  }
}

std::vector<std::size_t> Attacker::targets_of(const AttackStep& step) const
{
  std::vector<std::size_t> out;
  if (step.action == AttackAction::STEAL_CREDENTIALS && step.target.empty()) {
    for (std::size_t a = 0; a < world_.asset_count(); ++a)
      if (world_.asset(a).compromised)
        out.push_back(a);
    return out;
  }
  for (const auto& id : scenario::select_targets(world_.region(), step.target)) {
    std::size_t a = world_.asset_index(id);
    if (step.action == AttackAction::DESTROY_BACKUPS && !world_.region().assets[a].backup)
      continue; // "the pivot's backups": a selector keeps only the backups it names
    out.push_back(a);
  }
  return out;
}

std::vector<std::size_t> Attacker::source_zones(const AttackStep& step) const
{
  std::vector<std::size_t> zones;
  if (step.action == AttackAction::INITIAL_ACCESS) {
    if (step.vector == EntryVector::TRUSTED_PARTNER)
      return world_.org(world_.org_index(step.from_org)).zones;
    zones.push_back(static_cast<std::size_t>(world_.network().internet()));
    return zones;
  }
  for (std::size_t a = 0; a < world_.asset_count(); ++a) {
    const AssetRuntime& rt = world_.asset(a);
    if (rt.compromised && rt.condition == Condition::OK && !rt.isolated)
      zones.push_back(rt.zone);
  }
  for (std::size_t o : partner_orgs_)
    for (std::size_t z : world_.org(o).zones)
      zones.push_back(z);
  std::sort(zones.begin(), zones.end());
  zones.erase(std::unique(zones.begin(), zones.end()), zones.end());
  return zones;
}

bool Attacker::reaches(const std::vector<std::size_t>& sources, std::size_t zone, model::FlowSet flows) const
{
  for (std::size_t s : sources)
    if (world_.network().reachable(static_cast<int>(s), static_cast<int>(zone), flows))
      return true;
  return false;
}

bool Attacker::has_identity(std::size_t domain) const
{
  // Credentials of a domain are accepted wherever a trust without MFA leads from it.
  const auto& region = world_.region();
  std::vector<char> seen(region.domains.size(), 0);
  std::deque<std::size_t> todo;
  for (std::size_t d : credentials_)
    todo.push_back(d);
  for (std::size_t d : admin_)
    todo.push_back(d);
  while (!todo.empty()) {
    std::size_t d = todo.front();
    todo.pop_front();
    if (seen[d] != 0)
      continue;
    seen[d] = 1;
    if (d == domain)
      return true;
    for (const auto& t : region.trusts) {
      if (t.mfa)
        continue;
      if (t.from == region.domains[d].id)
        todo.push_back(world_.domain_index(t.to));
      else if (t.two_way && t.to == region.domains[d].id)
        todo.push_back(world_.domain_index(t.from));
    }
  }
  return false;
}

bool Attacker::is_admin_over(std::size_t asset) const
{
  const AssetRuntime& rt = world_.asset(asset);
  return rt.compromised || (rt.domain != NONE && admin_.count(rt.domain) != 0);
}

bool Attacker::has_access(std::size_t asset) const
{
  const AssetRuntime& rt = world_.asset(asset);
  if (is_admin_over(asset))
    return true;
  if (rt.domain != NONE)
    return has_identity(rt.domain);
  // Not joined to a domain: local accounts, reused from the owner's domains.
  const auto& region = world_.region();
  for (std::size_t d = 0; d < region.domains.size(); ++d)
    if (region.domains[d].owner == region.organisations[rt.org].id && has_identity(d))
      return true;
  return false;
}

Attacker::Outcome Attacker::roll(const AttackStep& step, std::size_t target, const std::string& key)
{
  const model::Asset& asset = world_.region().assets[target];
  if (defence_.edr_block > 0 && asset.controls.contains(model::Control::EDR) &&
      random_.get("edr:" + step.id + ":" + key).bernoulli(defence_.edr_block))
    return {Outcome::Kind::FAILED, "stopped by EDR"};
  if (!random_.get("step:" + step.id + ":" + key).bernoulli(step.probability))
    return {Outcome::Kind::FAILED, "did not succeed"};
  return {};
}

Attacker::Outcome Attacker::check(const AttackStep& step, std::size_t target)
{
  const model::Region& region = world_.region();
  const model::Asset& asset   = region.assets[target];
  const AssetRuntime& rt      = world_.asset(target);
  auto blocked = [](std::string why) { return Outcome{Outcome::Kind::BLOCKED, std::move(why)}; };
  const bool mfa = asset.controls.contains(model::Control::MFA);
  auto sources   = source_zones(step);
  if (rt.condition != Condition::OK && step.action != AttackAction::EXFILTRATE)
    return blocked(std::string("asset is ") + to_string(rt.condition));
  if (rt.isolated)
    return blocked("asset is isolated");

  switch (step.action) {
    case AttackAction::INITIAL_ACCESS:
      switch (*step.vector) {
        case EntryVector::PHISHING:
          break; // arrives by e-mail: no network path to check
        case EntryVector::EXPOSED_SERVICE:
        case EntryVector::SAAS_SUPPLY_CHAIN:
          if (!reaches(sources, rt.zone, step.flows))
            return blocked("not exposed to the Internet for these flows");
          if (mfa)
            return blocked("MFA");
          break;
        case EntryVector::TRUSTED_PARTNER: {
          if (!reaches(sources, rt.zone, step.flows))
            return blocked("no network path from " + step.from_org + " for these flows");
          if (mfa)
            return blocked("MFA");
          bool trusted = false;
          for (std::size_t d = 0; d < region.domains.size() && !trusted; ++d)
            if (region.domains[d].owner == step.from_org) {
              auto saved = credentials_;
              credentials_.insert(d);
              trusted = rt.domain == NONE || has_identity(rt.domain);
              credentials_ = saved;
            }
          if (!trusted)
            return blocked("no trust from " + step.from_org + " without MFA");
          break;
        }
      }
      return roll(step, target, asset.id);
    case AttackAction::LATERAL_MOVEMENT:
      if (rt.compromised)
        return {};
      if (!reaches(sources, rt.zone, step.flows))
        return blocked("no network path for these flows");
      if (step.needs_credentials) {
        if (mfa)
          return blocked("MFA");
        if (!has_access(target))
          return blocked(rt.domain == NONE ? "no valid credentials"
                                           : "no credentials valid in " + region.domains[rt.domain].id);
      }
      return roll(step, target, asset.id);
    case AttackAction::STEAL_CREDENTIALS:
      if (!rt.compromised)
        return blocked("not compromised");
      if (rt.domain == NONE)
        return blocked("not joined to a domain");
      return roll(step, target, asset.id);
    case AttackAction::DESTROY_BACKUPS: // both need administrator rights and spare offline copies
    case AttackAction::ENCRYPT:
      if (step.action == AttackAction::ENCRYPT && encrypting_.count(target) != 0)
        return blocked("already being encrypted");
      if (asset.backup && asset.backup->mode != model::BackupMode::ONLINE)
        return blocked(std::string(core::enum_name(asset.backup->mode)) + " copy out of reach");
      if (!is_admin_over(target))
        return blocked("no administrator rights over it");
      if (!rt.compromised && !reaches(sources, rt.zone, step.flows))
        return blocked("no network path for these flows");
      return roll(step, target, asset.id);
    case AttackAction::EXFILTRATE:
      if (!has_access(target))
        return blocked("no access to its data");
      if (!world_.network().reachable(static_cast<int>(rt.zone), world_.network().internet(), step.flows))
        return blocked("no way out to the Internet for these flows");
      return roll(step, target, asset.id);
    case AttackAction::DOMAIN_ADMIN:
      break; // handled in attempt(): its target is a domain
  }
  return {};
}

nlohmann::json Attacker::effect_details(const AttackStep& step, std::size_t asset) const
{
  return {{"step", step.id},
          {"technique", step.technique},
          {"action", core::enum_name(step.action)},
          {"asset", world_.region().assets[asset].id}};
}

void Attacker::apply(const AttackStep& step, std::size_t target, std::uint64_t cause)
{
  const model::Region& region = world_.region();
  const AssetRuntime& rt      = world_.asset(target);
  switch (step.action) {
    case AttackAction::INITIAL_ACCESS:
      if (step.vector == EntryVector::TRUSTED_PARTNER) {
        std::size_t partner = world_.org_index(step.from_org);
        partner_orgs_.insert(partner);
        for (std::size_t d = 0; d < region.domains.size(); ++d)
          if (region.domains[d].owner == step.from_org)
            credentials_.insert(d);
      }
      if (step.vector != EntryVector::PHISHING && rt.domain != NONE) // a valid account was used to get in
        credentials_.insert(rt.domain);
      if (!rt.compromised)
        world_.compromise(target, cause, effect_details(step, target));
      break;
    case AttackAction::LATERAL_MOVEMENT:
      if (!rt.compromised)
        world_.compromise(target, cause, effect_details(step, target));
      break;
    case AttackAction::STEAL_CREDENTIALS:
      if (credentials_.insert(rt.domain).second)
        world_.emit("credentials.stolen", region.domains[rt.domain].id, "stolen", cause, effect_details(step, target));
      break;
    case AttackAction::DESTROY_BACKUPS: {
      world_.set_copies_lost(target);
      auto details = effect_details(step, target);
      world_.set_condition(target, Condition::DESTROYED, "backup.destroyed", cause, details);
      break;
    }
    case AttackAction::ENCRYPT:
      start_encryption(step, target, cause);
      break;
    case AttackAction::EXFILTRATE:
      start_exfiltration(step, target, cause);
      break;
    case AttackAction::DOMAIN_ADMIN:
      break;
  }
}

void Attacker::start_encryption(const AttackStep& step, std::size_t target, std::uint64_t cause)
{
  const model::Asset& asset = world_.region().assets[target];
  auto details              = effect_details(step, target);
  details["bytes"]          = asset.data_bytes;
  std::uint64_t started     = world_.emit("asset.encrypting", asset.id, "encrypting", cause, details);
  sg4::ExecPtr exec = sg4::Exec::init()->set_flops_amount(asset.data_bytes)->set_host(platform_.host_of(target));
  exec->start();
  encrypting_.insert(target);
  double t0 = world_.now();
  inflight_.push_back(exec);
  underway_.push_back({&step, target, started, asset.data_bytes, t0, 0});
  on_done_.push_back([this, &step, target, started, t0] {
    encrypting_.erase(target);
    const AssetRuntime& rt = world_.asset(target);
    const model::Asset& a  = world_.region().assets[target];
    if (rt.condition != Condition::OK || rt.isolated) {
      world_.emit("attack.effect", a.id, "interrupted", started,
                  {{"step", step.id}, {"reason", std::string("asset ") + (rt.isolated ? "isolated" : to_string(rt.condition))}});
      return;
    }
    auto info       = effect_details(step, target);
    info["primary"] = true;
    info["duration_s"] = world_.now() - t0;
    std::uint64_t encrypted = world_.set_condition(target, Condition::ENCRYPTED, "asset.encrypted", started, info);
    if (a.backup)
      world_.set_copies_lost(target);
    // Encrypting a hypervisor or a storage array encrypts the disks of everything that runs on it.
    for (std::size_t hosted : world_.hosted_closure(target)) {
      if (world_.asset(hosted).condition != Condition::OK)
        continue;
      if (world_.region().assets[hosted].backup)
        world_.set_copies_lost(hosted);
      world_.set_condition(hosted, Condition::ENCRYPTED, "asset.encrypted", encrypted,
                           {{"step", step.id}, {"with_host", a.id}, {"asset", world_.region().assets[hosted].id}});
    }
  });
}

void Attacker::start_exfiltration(const AttackStep& step, std::size_t target, std::uint64_t cause)
{
  const model::Asset& asset = world_.region().assets[target];
  double bytes              = step.volume_bytes ? std::min(*step.volume_bytes, asset.data_bytes) : asset.data_bytes;
  auto details              = effect_details(step, target);
  details["bytes"]          = bytes;
  std::uint64_t started     = world_.emit("data.exfiltrating", asset.id, "exfiltrating", cause, details);
  auto comm = sg4::Comm::sendto_async(platform_.host_of(target), platform_.attacker(), static_cast<std::uint64_t>(bytes));
  double t0 = world_.now();
  inflight_.push_back(comm);
  underway_.push_back({&step, target, started, bytes, t0, 0});
  on_done_.push_back([this, &step, target, started, bytes, t0] {
    auto info          = effect_details(step, target);
    info["bytes"]      = bytes;
    info["duration_s"] = world_.now() - t0;
    world_.emit("data.exfiltrated", world_.region().assets[target].id, "exfiltrated", started, info);
  });
}

void Attacker::measure_underway()
{
  if (measured_)
    return;
  for (std::size_t i = 0; i < inflight_.size(); ++i)
    underway_[i].remaining = std::clamp(inflight_[i]->get_remaining(), 0.0, underway_[i].bytes);
  measured_ = true;
}

void Attacker::record_unfinished()
{
  measure_underway(); // unless the actor, woken at the end too, did it first
  for (const Underway& u : underway_) {
    double remaining = u.remaining;
    if (remaining <= 0) // it ends at this very instant: its completion is the attacker's to record
      continue;
    auto details          = effect_details(*u.step, u.target);
    details["reason"]     = "the scenario ended";
    details["bytes"]      = u.bytes;
    details["bytes_done"] = u.bytes - remaining;
    details["duration_s"] = world_.now() - u.t0;
    world_.emit("attack.effect", world_.region().assets[u.target].id, "unfinished", u.started, details);
  }
}

void Attacker::attempt(std::size_t i)
{
  const AttackStep& step      = attack_.steps[i];
  const model::Region& region = world_.region();
  StepRun& run                = runs_[i];
  nlohmann::json succeeded = nlohmann::json::array(), blocked = nlohmann::json::object(),
                 failed = nlohmann::json::object();
  std::vector<std::size_t> winners;

  if (step.action == AttackAction::DOMAIN_ADMIN) {
    std::size_t d = world_.domain_index(step.target.domain);
    const model::Domain& domain = region.domains[d];
    bool foothold = false, tier0 = false;
    std::size_t dc = NONE;
    for (std::size_t a = 0; a < world_.asset_count(); ++a) {
      const AssetRuntime& rt = world_.asset(a);
      if (rt.domain != d)
        continue;
      if (region.assets[a].kind == AssetKind::DIRECTORY && dc == NONE)
        dc = a;
      if (rt.compromised && rt.condition == Condition::OK && !rt.isolated) {
        foothold = true;
        tier0 |= region.assets[a].kind != AssetKind::WORKSTATIONS;
      }
    }
    std::string why;
    if (!foothold && !has_identity(d))
      why = "no foothold or credentials in the domain";
    else if (domain.admin_mfa)
      why = "administrator MFA";
    else if (domain.tiering && !tier0)
      why = "tiering: no server-side foothold";
    else if (dc == NONE)
      why = "the domain has no directory";
    else if (!reaches(source_zones(step), world_.asset(dc).zone, step.flows))
      why = "no network path to a domain controller";
    Outcome outcome = why.empty() ? roll(step, dc, "domain:" + domain.id) : Outcome{Outcome::Kind::BLOCKED, why};
    std::string state = outcome.kind == Outcome::Kind::SUCCEEDED ? "succeeded"
                        : outcome.kind == Outcome::Kind::BLOCKED ? "blocked"
                                                                  : "failed";
    nlohmann::json details{{"technique", step.technique}, {"action", "domain_admin"}, {"domain", domain.id}};
    if (!outcome.reason.empty())
      details["reason"] = outcome.reason;
    run.event     = world_.emit("attack.step", step.id, state, run.trigger, details);
    run.succeeded = outcome.kind == Outcome::Kind::SUCCEEDED;
    run.state     = StepState::DONE;
    if (run.succeeded) {
      admin_.insert(d);
      credentials_.insert(d);
      world_.mark_domain_lost(d);
      world_.emit("domain.admin", domain.id, "compromised", run.event, effect_details(step, dc));
    }
    return;
  }

  for (std::size_t target : targets_of(step)) {
    Outcome outcome       = check(step, target);
    const std::string& id = region.assets[target].id;
    if (outcome.kind == Outcome::Kind::SUCCEEDED) {
      succeeded.push_back(id);
      winners.push_back(target);
    } else if (outcome.kind == Outcome::Kind::BLOCKED) {
      blocked[id] = outcome.reason;
    } else {
      failed[id] = outcome.reason;
    }
  }
  std::string state = !succeeded.empty() ? "succeeded" : !failed.empty() ? "failed" : "blocked";
  nlohmann::json details{{"technique", step.technique}, {"action", core::enum_name(step.action)}};
  if (step.vector)
    details["vector"] = core::enum_name(*step.vector);
  details["succeeded"] = succeeded;
  if (!blocked.empty())
    details["blocked"] = blocked;
  if (!failed.empty())
    details["failed"] = failed;
  if (succeeded.empty() && blocked.empty() && failed.empty())
    details["reason"] = "no target";
  run.event     = world_.emit("attack.step", step.id, state, run.trigger, details);
  run.succeeded = !succeeded.empty();
  run.state     = StepState::DONE;
  for (std::size_t target : winners)
    apply(step, target, run.event);
}

} // namespace ricochet::sim
