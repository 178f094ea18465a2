#include "care.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace ricochet::sim {

namespace sg4 = simgrid::s4u;

Care::Care(World& world, double step_s, double radius_km, double end_s, bool series, Wakeups& wakeups)
    : world_(world), step_s_(step_s), end_s_(end_s), series_(series), wakeups_(wakeups), ledger_(world.region(), world.clock(), radius_km),
      last_factor_(world.region().care_functions.size(), 1.0), overloaded_(world.region().organisations.size(), 0)
{
}

void Care::start(sg4::Host* host)
{
  sg4::Actor::create("care", host, [this] { loop(); })->daemonize();
}

void Care::on_event(const Event& e)
{
  if (e.kind != "care.state")
    return;
  const auto& cfs = world_.region().care_functions;
  for (std::size_t c = 0; c < cfs.size(); ++c)
    if (cfs[c].id == e.subject)
      ledger_.set_state(c, e.state == "down" ? Service::DOWN : e.state == "degraded" ? Service::DEGRADED : Service::UP,
                        e.time);
}

void Care::loop()
{
  // Room for a sample per step of every function with demand, at once: grown by doubling, the series was copied
  // again and again (a sixth of a run of the reference exercise).
  std::size_t steps = 0, with_demand = 0;
  for (double t = 0; t < end_s_ - 1e-9; t += step_s_)
    ++steps;
  for (const auto& s : ledger_.slots())
    with_demand += s.demand_per_h > 0 ? 1U : 0U;
  if (series_)
    samples_.reserve(steps * with_demand);
  for (double t = 0; t < end_s_ - 1e-9; t += step_s_) { // the last step may end past the end: it is cut there
    if (t > sg4::Engine::get_clock())
      sg4::this_actor::sleep_until(t);
    tick(t);
    if (on_tick_)
      on_tick_();
    wakeups_.flush();
  }
}

void Care::tick(double t)
{
  if (communications_)
    for (const auto& s : ledger_.slots())
      if (s.kind == model::CareKind::REGULATION)
        ledger_.set_regulation_slowdown(s.org, communications_(s.org));
  ledger_.step(t, std::min(step_s_, end_s_ - t));
  const auto& region = world_.region();
  const auto& slots  = ledger_.slots();
  for (std::size_t c = 0; c < slots.size(); ++c) {
    const CareSlot& s = slots[c];
    double f          = ledger_.factor(c, t);
    if (series_ && (s.demand_per_h > 0 || s.step_in > 0))
      samples_.push_back({t, c, s.step_demand, s.step_capacity, s.step_served, s.step_out, s.step_in, s.backlog, f});
    // Publish capacity moves of 10 points or more, and the return to nominal.
    bool moved = std::fabs(f - last_factor_[c]) >= 0.1 - 1e-9 || (f == 1.0 && last_factor_[c] != 1.0);
    if (moved && s.nominal_per_h > 0) {
      last_factor_[c] = f;
      world_.emit("care.capacity", region.care_functions[c].id, fmt::format("{:.0f}%", f * 100), world_.care(c).event,
                  {{"factor", std::round(f * 1000) / 1000},
                   {"capacity_per_h", std::round(s.nominal_per_h * f * 1000) / 1000},
                   {"nominal_per_h", s.nominal_per_h},
                   {"backlog", std::round(s.backlog * 1000) / 1000}});
    }
  }
  for (const auto& [pair, patients] : ledger_.flows()) {
    if (announced_.count(pair) != 0)
      continue;
    announced_[pair] = 1;
    const auto& from = region.care_functions[pair.first];
    const auto& to   = region.care_functions[pair.second];
    world_.emit("patients.diverted", from.id, "diverting", world_.care(pair.first).event,
                {{"to", to.id}, {"from_org", from.org}, {"to_org", to.org},
                 {"distance_km", std::round(ledger_.distance_km(slots[pair.first].org, slots[pair.second].org) * 10) / 10}});
  }
  auto overloaded = ledger_.overloaded();
  for (std::size_t o = 0; o < overloaded.size(); ++o)
    if (overloaded[o] != overloaded_[o]) {
      overloaded_[o] = overloaded[o];
      world_.emit("org.load", region.organisations[o].id, overloaded[o] != 0 ? "overloaded" : "normal", 0);
    }
}

void Care::finish()
{
  const auto& region = world_.region();
  nlohmann::json functions = nlohmann::json::array();
  auto r3 = [](double v) { return std::round(v * 1000) / 1000; };
  for (std::size_t c = 0; c < ledger_.slots().size(); ++c) {
    const CareSlot& s = ledger_.slots()[c];
    if (s.demand <= 0 && s.diverted_in <= 0 && s.min_factor >= 1.0)
      continue;
    functions.push_back({{"id", region.care_functions[c].id},
                         {"org", region.care_functions[c].org},
                         {"kind", core::enum_name(s.kind)},
                         {"demand", r3(s.demand)},
                         {"served", r3(s.served)},
                         {"diverted_out", r3(s.diverted_out)},
                         {"diverted_in", r3(s.diverted_in)},
                         {"backlog", r3(s.backlog)},
                         {"min_capacity", r3(s.min_factor)},
                         {"degraded_patient_hours", r3(s.degraded_patient_hours)},
                         {"degraded_hours", r3(s.degraded_hours)},
                         {"backlog_patient_hours", r3(s.backlog_patient_hours)}});
  }
  nlohmann::json flows = nlohmann::json::array();
  for (const auto& [pair, patients] : ledger_.flows())
    flows.push_back({{"from", region.care_functions[pair.first].id},
                     {"to", region.care_functions[pair.second].id},
                     {"patients", r3(patients)}});
  world_.emit("care.totals", "care", "final", 0, {{"functions", functions}, {"flows", flows}, {"step_s", step_s_}});
}

} // namespace ricochet::sim
