#include "care_ledger.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace ricochet::sim {

namespace {
constexpr double EARTH_RADIUS_KM = 6371.0;
constexpr double INF             = std::numeric_limits<double>::infinity();
} // namespace

CareLedger::CareLedger(const model::Region& region, const core::LocalClock& clock, double radius_km)
    : region_(region), clock_(clock), radius_km_(radius_km), regulation_slowdown_(region.organisations.size(), 1.0)
{
  std::unordered_map<std::string, std::size_t> org_index;
  for (std::size_t o = 0; o < region.organisations.size(); ++o)
    org_index.emplace(region.organisations[o].id, o);
  for (std::size_t c = 0; c < region.care_functions.size(); ++c) {
    const model::CareFunction& cf = region.care_functions[c];
    const model::CareProfile& p   = cf.profile;
    CareSlot s;
    s.org             = org_index.at(cf.org);
    s.kind            = cf.kind;
    s.nominal_per_h   = cf.nominal_capacity_per_h();
    s.demand_per_h    = p.demand_per_h;
    s.hourly          = p.hourly;
    s.floor           = p.floor.value_or(model::default_floor(cf.kind, region.organisations[s.org].continuity));
    s.degraded        = std::max(p.degraded, s.floor);
    s.ramp_up_s       = p.ramp_up_s;
    s.fatigue_after_s = p.fatigue_after_s;
    s.fatigue_factor  = p.fatigue_factor;
    s.time_critical   = p.time_critical.value_or(model::default_time_critical(cf.kind));
    s.stay_h          = p.stay_s.value_or(model::default_stay_s(cf.kind)) / 3600.0;
    s.overflow        = p.overflow;
    slots_.push_back(s);
    if (cf.kind == model::CareKind::REGULATION && s.nominal_per_h > 0) // one without patients regulates nothing
      regulation_.push_back(c);
  }
  placing_order_.resize(slots_.size());
  std::iota(placing_order_.begin(), placing_order_.end(), std::size_t{0});
  std::stable_sort(placing_order_.begin(), placing_order_.end(), [&](std::size_t a, std::size_t b) {
    return slots_[a].time_critical && !slots_[b].time_critical;
  });
  of_kind_.resize(static_cast<std::size_t>(model::CareKind::OTHER) + 1);
  for (std::size_t c = 0; c < slots_.size(); ++c)
    of_kind_[static_cast<std::size_t>(slots_[c].kind)].push_back(c);
  for (const auto& o : region.organisations)
    cos_lat_.push_back(o.location ? std::cos(o.location->lat * M_PI / 180.0) : INF);
}

double CareLedger::factor(std::size_t care, double t) const
{
  const CareSlot& s = slots_[care];
  switch (s.state) {
    case Service::DOWN:
      return s.floor * (t - s.since >= s.fatigue_after_s ? s.fatigue_factor : 1.0);
    case Service::DEGRADED:
      return s.degraded;
    case Service::UP:
      if (s.ramp_up_s <= 0 || t - s.since >= s.ramp_up_s)
        return 1.0;
      return s.factor_at_change + (1.0 - s.factor_at_change) * (t - s.since) / s.ramp_up_s;
  }
  return 1.0;
}

void CareLedger::set_state(std::size_t care, Service state, double t)
{
  CareSlot& s        = slots_[care];
  s.factor_at_change = factor(care, t);
  s.state            = state;
  s.since            = t;
}

void CareLedger::boost_floor(std::size_t org, double delta)
{
  for (auto& s : slots_)
    if (s.org == org) {
      s.floor    = std::min(1.0, s.floor + delta);
      s.degraded = std::max(s.degraded, s.floor);
    }
}

double CareLedger::distance_km(std::size_t a, std::size_t b) const
{
  const auto& la = region_.organisations[a].location;
  const auto& lb = region_.organisations[b].location;
  if (!la || !lb)
    return INF;
  auto rad          = [](double deg) { return deg * M_PI / 180.0; };
  double dlat       = rad(lb->lat - la->lat), dlon = rad(lb->lon - la->lon);
  double h          = std::sin(dlat / 2) * std::sin(dlat / 2) +
             cos_lat_[a] * cos_lat_[b] * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * EARTH_RADIUS_KM * std::asin(std::min(1.0, std::sqrt(h)));
}

void CareLedger::step(double t, double dt)
{
  const double dt_h = dt / 3600.0;
  const int hour    = clock_.at(t).hour;
  capacity_.assign(slots_.size(), 0.0);
  spare_.assign(slots_.size(), 0.0);
  waiting_.assign(slots_.size(), 0.0);
  std::vector<double>& capacity = capacity_;
  std::vector<double>& spare    = spare_;
  std::vector<double>& waiting  = waiting_;
  // 1. Each function serves its own patients first (its backlog, then new arrivals).
  for (std::size_t c = 0; c < slots_.size(); ++c) {
    CareSlot& s    = slots_[c];
    double f       = factor(c, t);
    s.min_factor   = std::min(s.min_factor, f);
    double arrived = s.demand_per_h * s.hourly[static_cast<std::size_t>(hour)] * dt_h;
    capacity[c]    = s.nominal_per_h * f * dt_h;
    double queue   = s.backlog + arrived;
    double served  = std::min(queue, capacity[c]);
    s.demand += arrived;
    s.served += served;
    waiting[c]      = queue - served;
    spare[c]        = capacity[c] - served;
    s.step_demand   = arrived;
    s.step_capacity = capacity[c];
    s.step_served   = served;
    s.step_out = s.step_in = 0;
    if (f < 1.0) {
      s.degraded_patient_hours += arrived * s.stay_h;
      s.degraded_hours += dt_h;
    }
  }
  // 2. SAMU regulation places the rest, time-critical functions first, nearest receiver with spare capacity first.
  double regulation = INF;
  if (!regulation_.empty()) {
    regulation = 0; // each regulation function at the pace its own organisation's telephony allows
    for (std::size_t r : regulation_)
      regulation += capacity[r] / regulation_slowdown_[slots_[r].org];
  }
  for (std::size_t o : placing_order_)
    if (waiting[o] > 0 && regulation > 0)
      place(o, slots_[o].kind, waiting[o], spare, waiting, &regulation);
  // 2b. Patients nobody could place may go by themselves to another kind of care (no regulation needed).
  for (std::size_t o = 0; o < slots_.size(); ++o)
    for (const auto& ov : slots_[o].overflow)
      if (waiting[o] > 0)
        place(o, ov.to, waiting[o] * std::min(1.0, ov.share * dt_h), spare, waiting, nullptr);
  // 3. Whoever is still waiting is backlog.
  for (std::size_t c = 0; c < slots_.size(); ++c) {
    slots_[c].backlog = waiting[c];
    slots_[c].backlog_patient_hours += waiting[c] * dt_h;
  }
}

void CareLedger::place(std::size_t o, model::CareKind kind, double count, std::vector<double>& spare,
                       std::vector<double>& waiting, double* regulation)
{
  std::vector<std::pair<double, std::size_t>>& receivers = receivers_;
  receivers.clear();
  for (std::size_t r : of_kind_[static_cast<std::size_t>(kind)]) {
    if (r == o || spare[r] <= 0 || (kind == slots_[o].kind && slots_[r].org == slots_[o].org))
      continue;
    double d = slots_[r].org == slots_[o].org ? 0.0 : distance_km(slots_[o].org, slots_[r].org);
    if (std::isfinite(d) && (regional_ || d <= radius_km_))
      receivers.emplace_back(d, r);
  }
  std::sort(receivers.begin(), receivers.end());
  for (const auto& [d, r] : receivers) {
    double moved = std::min({count, spare[r], regulation != nullptr ? *regulation : INF});
    if (moved <= 0)
      break;
    count -= moved;
    waiting[o] -= moved;
    spare[r] -= moved;
    if (regulation != nullptr)
      *regulation -= moved;
    slots_[o].diverted_out += moved;
    slots_[o].step_out += moved;
    slots_[r].diverted_in += moved;
    slots_[r].step_in += moved;
    flows_[{o, r}] += moved;
  }
}

std::vector<char> CareLedger::overloaded() const
{
  std::vector<char> out(region_.organisations.size(), 0);
  for (const auto& s : slots_)
    if (s.step_in > 0 && s.step_served + s.step_in >= 0.95 * s.step_capacity)
      out[s.org] = 1;
  return out;
}

} // namespace ricochet::sim
