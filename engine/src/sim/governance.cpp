#include "governance.hpp"

#include <cmath>
#include <limits>

#include "staffing.hpp"

namespace ricochet::sim {

using scenario::Ladder;

namespace {
constexpr double NOT_HOLDING = std::numeric_limits<double>::quiet_NaN();

/** Events that change nothing a rule's condition tests (messages, bookkeeping): never the cause of a decision. */
bool changes_no_state(const std::string& kind)
{
  return kind == "inject" || kind == "notification.sent" || kind == "care.totals" || kind == "simulation.start" ||
         kind == "simulation.end";
}
} // namespace

Governance::Governance(World& world, const scenario::Governance& config, const scenario::Staffing& staffing,
                       RandomStreams& random, Care& care, Recovery& recovery, Wakeups& wakeups)
    : world_(world), config_(config), staffing_(staffing), random_(random), care_(care), recovery_(recovery),
      agenda_("governance", wakeups), since_(config.rules.size(), NOT_HOLDING), cause_(config.rules.size(), 0),
      holding_since_event_(config.rules.size(), 0), fired_(config.rules.size(), 0)
{
}

void Governance::start(simgrid::s4u::Host* host) { agenda_.start(host); }

std::string Governance::ladder_key(Ladder ladder, const std::string& scope)
{
  std::string key(core::enum_name(ladder));
  return scope.empty() ? key : key + "/" + scope;
}

int Governance::level(Ladder ladder, const std::string& scope) const
{
  auto it = levels_.find(ladder_key(ladder, scope));
  return it == levels_.end() ? 0 : it->second;
}

double Governance::communications_factor(std::size_t org) const
{
  bool ip_exists = false, ip_up = false, analog_up = false;
  const auto& region = world_.region();
  for (std::size_t a : world_.assets_of_org(org)) { // asked at every care step: not a scan of every asset
    bool up = world_.asset(a).service != Service::DOWN;
    if (region.assets[a].kind == model::AssetKind::IP_TELEPHONY) {
      ip_exists = true;
      ip_up     = ip_up || up;
    } else if (region.assets[a].kind == model::AssetKind::ANALOG_TELEPHONY) {
      analog_up = analog_up || up;
    }
  }
  if (!ip_exists || ip_up)
    return 1.0;
  return analog_up ? config_.communications.voice_fallback : config_.communications.no_voice;
}

void Governance::on_event(const Event& e)
{
  happened_.insert(e.kind + "|" + e.subject);
  if (!changes_no_state(e.kind)) {
    last_state_event_ = e.id;
    // The world's state is updated before its event is emitted: whether a condition holds now tells which event
    // made it hold.
    for (std::size_t r = 0; r < config_.rules.size(); ++r) {
      if (fired_[r] != 0 || !std::isnan(since_[r]))
        continue;
      if (!holds(config_.rules[r].when))
        holding_since_event_[r] = 0;
      else if (holding_since_event_[r] == 0)
        holding_since_event_[r] = e.id;
    }
  }
  request_evaluation();
}

void Governance::request_evaluation()
{
  if (pending_ || config_.rules.empty())
    return;
  pending_ = true;
  agenda_.schedule(world_.now(), [this] {
    pending_ = false;
    evaluate();
  });
}

bool Governance::holds(const scenario::Condition& c) const
{
  using K = scenario::Condition::Kind;
  switch (c.kind) {
    case K::ALL:
      return std::all_of(c.children.begin(), c.children.end(), [this](const scenario::Condition& x) { return holds(x); });
    case K::ANY:
      return std::any_of(c.children.begin(), c.children.end(), [this](const scenario::Condition& x) { return holds(x); });
    case K::NOT:
      return !holds(c.children.front());
    case K::ORG_IMPACTED:
      return world_.org(world_.org_index(c.id)).impacted;
    case K::ORGS_IMPACTED: {
      double n = 0;
      for (std::size_t o = 0; o < world_.region().organisations.size(); ++o)
        n += world_.org(o).impacted ? 1 : 0;
      return n >= c.value;
    }
    case K::CARE_STATE:
    case K::CARE_CAPACITY_BELOW: {
      const auto& cfs = world_.region().care_functions;
      for (std::size_t i = 0; i < cfs.size(); ++i)
        if (cfs[i].id == c.id) {
          if (c.kind == K::CARE_CAPACITY_BELOW)
            return care_.ledger().factor(i, world_.now()) < c.value - 1e-12;
          Service s = world_.care(i).state;
          return c.state == "down" ? s == Service::DOWN : s != Service::UP;
        }
      return false;
    }
    case K::ASSET_DOWN:
      return world_.asset(world_.asset_index(c.id)).service == Service::DOWN;
    case K::LADDER_AT_LEAST:
      return level(c.ladder, c.id) >= c.level;
    case K::HAPPENED:
      return happened_.count(c.state + "|" + c.id) != 0;
  }
  return false;
}

void Governance::evaluate()
{
  const double now = world_.now();
  for (std::size_t r = 0; r < config_.rules.size(); ++r) {
    if (fired_[r] != 0)
      continue;
    const scenario::Rule& rule = config_.rules[r];
    if (!holds(rule.when)) {
      since_[r]               = NOT_HOLDING;
      holding_since_event_[r] = 0;
      continue;
    }
    if (std::isnan(since_[r])) {
      since_[r] = now;
      // Held since an event, or since time alone (capacity wearing down): then the last state change.
      cause_[r] = holding_since_event_[r] != 0 ? holding_since_event_[r] : last_state_event_;
      holding_since_event_[r] = cause_[r];
      if (rule.hold_s > 0) // look again when the hold time is over
        agenda_.schedule(now + rule.hold_s, [this] { evaluate(); });
    }
    if (now - since_[r] + 1e-9 >= rule.hold_s)
      decide(r);
  }
}

void Governance::decide(std::size_t r)
{
  fired_[r]                  = 1;
  const scenario::Rule& rule = config_.rules[r];
  const double now           = world_.now();
  double delay = staffed_delay(staffing_, world_.clock(), now, random_.get("rule:" + rule.id).sample(rule.delay));
  double comms = rule.ladder == Ladder::ESTABLISHMENT ? communications_factor(world_.org_index(rule.scope)) : 1.0;
  std::uint64_t cause = cause_[r];
  agenda_.schedule(now + delay * comms, [this, &rule, cause, comms] {
    const std::string key = ladder_key(rule.ladder, rule.scope);
    if (level(rule.ladder, rule.scope) >= rule.level)
      return; // already there (another rule got there first)
    levels_[key]      = rule.level;
    std::uint64_t id  = world_.emit("ladder.level", key, scenario::ladder_levels(rule.ladder)[static_cast<std::size_t>(rule.level)],
                                    cause,
                                    {{"ladder", core::enum_name(rule.ladder)}, {"scope", rule.scope}, {"rule", rule.id},
                                     {"communications_factor", comms}});
    for (const auto& recipient : rule.notify) {
      double when = world_.now() + config_.notification_delay_s * comms;
      agenda_.schedule(when, [this, recipient, id, key] {
        world_.emit("notification.sent", recipient, "notified", id, {{"about", key}});
      });
    }
    if (rule.ladder == Ladder::ARS && rule.level >= 3 && !craps_active_)
      activate_craps(id);
  });
}

void Governance::activate_craps_now(std::uint64_t cause)
{
  if (!craps_active_)
    activate_craps(cause);
}

void Governance::activate_craps(std::uint64_t cause)
{
  craps_active_    = true;
  std::uint64_t id = world_.emit("craps.activated", "ars", "active", cause);
  const auto& a    = config_.craps;
  if (a.coordinate_diversion) {
    care_.ledger().set_regional_coordination(true);
    world_.emit("craps.action", "diversion", "regional", id);
  }
  for (const auto& org : a.regional_support) {
    std::uint64_t req = world_.emit("regional_support.requested", org, "requested", id, {{"by", "craps"}});
    recovery_.request_regional(world_.org_index(org), req);
  }
  for (const auto& loan : a.loans)
    agenda_.schedule(world_.now() + loan.delay_s, [this, &loan, id] {
      for (const auto& org : loan.orgs) {
        care_.ledger().boost_floor(world_.org_index(org), loan.floor_boost);
        world_.emit("equipment.delivered", org, "delivered", id, {{"floor_boost", loan.floor_boost}});
      }
    });
}

} // namespace ricochet::sim
