// Properties of the care ledger over random regions, states and seeds: patients are conserved at every step, and
// diversion fills the nearest receivers with room first.
#include <cmath>
#include <map>

#include <catch2/catch.hpp>

#include "ricochet/core/random.hpp"
#include "sim/care_ledger.hpp"

using namespace ricochet;

namespace {

model::Region random_region(core::RandomStream& rng)
{
  model::Region region;
  const model::CareKind kinds[] = {model::CareKind::EMERGENCY, model::CareKind::BIOLOGY, model::CareKind::MATERNITY};
  std::size_t orgs = 3 + static_cast<std::size_t>(rng.uniform() * 10);
  for (std::size_t o = 0; o < orgs; ++o) {
    model::Organisation org;
    org.id         = "org" + std::to_string(o);
    org.kind       = model::OrgKind::HOSPITAL;
    org.continuity = static_cast<model::Continuity>(static_cast<int>(rng.uniform() * 3));
    if (rng.uniform() < 0.9) // a few without location: never receivers
      org.location = model::Location{46.5 + rng.uniform(), 5.5 + rng.uniform()};
    for (const auto kind : kinds) {
      if (rng.uniform() < 0.3)
        continue;
      model::CareFunction cf;
      cf.org  = org.id;
      cf.kind = kind;
      cf.name = std::string(core::enum_name(kind));
      cf.id   = org.id + "/" + cf.name;
      cf.profile.demand_per_h   = rng.uniform() * 20;
      cf.profile.capacity_per_h = cf.profile.demand_per_h * (0.8 + rng.uniform() * 1.2);
      cf.profile.ramp_up_s      = rng.uniform() * 8 * 3600;
      region.care_functions.push_back(cf);
    }
    region.organisations.push_back(org);
  }
  region.reindex();
  return region;
}

/** Small hand-checkable regions: organisations on one meridian, care functions with set demand and capacity. */
struct TinyRegion {
  model::Region region;
  void org(const std::string& id, model::OrgKind kind, double lat)
  {
    model::Organisation o;
    o.id       = id;
    o.kind     = kind;
    o.location = model::Location{lat, 6.0};
    region.organisations.push_back(o);
  }
  model::CareFunction& care(const std::string& org, model::CareKind kind, double demand, double capacity)
  {
    model::CareFunction cf;
    cf.org                    = org;
    cf.kind                   = kind;
    cf.name                   = std::string(core::enum_name(kind));
    cf.id                     = org + "/" + cf.name;
    cf.profile.demand_per_h   = demand;
    cf.profile.capacity_per_h = capacity;
    region.care_functions.push_back(cf);
    return region.care_functions.back();
  }
};

} // namespace

TEST_CASE("care: patients are conserved and diverted nearest first, over random regions and seeds", "[care]")
{
  core::LocalClock clock("Europe/Paris", "2026-10-20 08:00");
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    core::RandomStream rng(seed, "care-property");
    model::Region region = random_region(rng);
    const double radius  = 20 + rng.uniform() * 80;
    sim::CareLedger ledger(region, clock, radius);
    ledger.set_regional_coordination(seed % 5 == 0);
    const double step = 900;
    std::map<std::pair<std::size_t, std::size_t>, double> before;
    for (int k = 0; k < 96; ++k) {
      const double t = k * step;
      for (std::size_t c = 0; c < region.care_functions.size(); ++c) // random outages and restorations
        if (rng.uniform() < 0.05)
          ledger.set_state(c, static_cast<sim::Service>(static_cast<int>(rng.uniform() * 3)), t);
      ledger.step(t, step);
      const auto& slots = ledger.slots();
      for (const auto& s : slots) {
        REQUIRE(s.backlog >= -1e-9);
        REQUIRE(s.demand == Approx(s.served + s.diverted_out + s.backlog).margin(1e-6)); // conservation
        REQUIRE(s.step_served + s.step_in <= s.step_capacity + 1e-9);                     // no one over capacity
      }
      // Nearest first: a receiver used by an origin this step means every closer eligible one was full.
      for (const auto& [pair, total] : ledger.flows()) {
        double moved = total - before[pair];
        if (moved <= 1e-12)
          continue;
        auto [o, r] = pair;
        double used = ledger.distance_km(slots[o].org, slots[r].org);
        for (std::size_t other = 0; other < slots.size(); ++other) {
          if (other == o || other == r || slots[other].kind != slots[o].kind || slots[other].org == slots[o].org)
            continue;
          double d = ledger.distance_km(slots[o].org, slots[other].org);
          if (d < used && (seed % 5 == 0 || d <= radius))
            REQUIRE(slots[other].step_capacity - slots[other].step_served - slots[other].step_in == Approx(0).margin(1e-9));
        }
        if (seed % 5 != 0)
          REQUIRE(used <= radius);
      }
      before = ledger.flows();
    }
  }
}

TEST_CASE("care: capacity follows the state: floor, fatigue, degraded, ramp back", "[care]")
{
  core::LocalClock clock("Europe/Paris", "2026-10-20 08:00");
  model::Region region;
  model::Organisation org;
  org.id         = "h";
  org.continuity = model::Continuity::TESTED;
  region.organisations.push_back(org);
  model::CareFunction cf;
  cf.org = "h";
  cf.id  = "h/emergency";
  cf.kind                    = model::CareKind::EMERGENCY;
  cf.profile.demand_per_h    = 10;
  cf.profile.ramp_up_s       = 4 * 3600;
  cf.profile.fatigue_after_s = 10 * 3600;
  region.care_functions.push_back(cf);
  region.reindex();
  sim::CareLedger ledger(region, clock, 60);
  REQUIRE(ledger.factor(0, 0) == 1.0);
  ledger.set_state(0, sim::Service::DOWN, 3600);
  REQUIRE(ledger.factor(0, 3600) == Approx(0.60));            // emergency, tested plan
  REQUIRE(ledger.factor(0, 3600 + 10 * 3600) == Approx(0.48)); // worn out after 10 h: x 0.8
  ledger.set_state(0, sim::Service::UP, 3600 + 12 * 3600);
  REQUIRE(ledger.factor(0, 3600 + 12 * 3600) == Approx(0.48));
  REQUIRE(ledger.factor(0, 3600 + 14 * 3600) == Approx(0.74)); // half-way up the 4 h ramp
  REQUIRE(ledger.factor(0, 3600 + 16 * 3600) == 1.0);
  ledger.set_state(0, sim::Service::DEGRADED, 30 * 3600);
  REQUIRE(ledger.factor(0, 30 * 3600) == Approx(0.8));
}

TEST_CASE("care: a SAMU that loses its telephony slows its own regulation only", "[care]")
{
  core::LocalClock clock("Europe/Paris", "2026-10-20 08:00");
  TinyRegion tiny;
  tiny.org("samu-a", model::OrgKind::SAMU, 47.00);
  tiny.org("samu-b", model::OrgKind::SAMU, 47.01);
  tiny.org("h1", model::OrgKind::HOSPITAL, 47.02);
  tiny.org("h2", model::OrgKind::HOSPITAL, 47.03);
  tiny.care("samu-a", model::CareKind::REGULATION, 0, 10); // places 10 patients an hour
  tiny.care("samu-b", model::CareKind::REGULATION, 0, 10);
  tiny.care("h1", model::CareKind::EMERGENCY, 1000, 1000); // down: far more waiting than regulation can place
  tiny.care("h2", model::CareKind::EMERGENCY, 0, 1000);    // room for everyone
  tiny.region.reindex();
  sim::CareLedger ledger(tiny.region, clock, 60);
  ledger.set_state(2, sim::Service::DOWN, 0);
  ledger.set_regulation_slowdown(0, 3.0); // samu-a lost its telephony; samu-b did not
  ledger.step(0, 3600);
  REQUIRE(ledger.slots()[2].diverted_out == Approx(10.0 / 3 + 10));
  REQUIRE(ledger.slots()[3].diverted_in == Approx(10.0 / 3 + 10));
}

TEST_CASE("care: patients nobody can place go by themselves to the nearest other kind of care with room", "[care]")
{
  core::LocalClock clock("Europe/Paris", "2026-10-20 08:00");
  TinyRegion tiny;
  tiny.org("gp", model::OrgKind::GP_PRACTICE, 47.00);
  tiny.org("near", model::OrgKind::HOSPITAL, 47.05); // about 5.6 km
  tiny.org("far", model::OrgKind::HOSPITAL, 47.20);  // about 22 km
  tiny.care("gp", model::CareKind::PRIMARY_CARE, 20, 20).profile.overflow = {{model::CareKind::EMERGENCY, 0.25}};
  tiny.care("near", model::CareKind::EMERGENCY, 6, 8); // 2 patients an hour of room
  tiny.care("far", model::CareKind::EMERGENCY, 0, 10);
  for (auto& cf : tiny.region.care_functions)
    cf.profile.floor = 0.5;
  tiny.region.reindex();
  sim::CareLedger ledger(tiny.region, clock, 60);
  ledger.set_state(0, sim::Service::DOWN, 0); // paper mode: 10 of 20 served, 10 waiting
  ledger.step(0, 3600);
  // A quarter of the 10 waiting, per hour (2.5 in this one-hour step), walk to an emergency department: 2 fill the
  // nearest, 0.5 go to the far one.
  const auto& s = ledger.slots();
  REQUIRE(s[0].served == Approx(10));
  REQUIRE(s[0].diverted_out == Approx(2.5));
  REQUIRE(s[0].backlog == Approx(7.5));
  REQUIRE(s[1].diverted_in == Approx(2));
  REQUIRE(s[2].diverted_in == Approx(0.5));
  REQUIRE(s[0].demand == Approx(s[0].served + s[0].diverted_out + s[0].backlog));
}
