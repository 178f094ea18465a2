// Whole runs on small hand-checkable scenarios (tests/data/sim/ and examples/01): each test forks its runs.
#include <catch2/catch.hpp>

#include <unistd.h>

#include "ricochet/io/why.hpp"
#include "run_helpers.hpp"

using namespace ricochet;
using test::run_scenario;
using test::sim_data;

namespace {
const std::string EXAMPLE_01 = std::string(RICOCHET_SOURCE_DIR) + "/examples/01-pivot-hosting/scenario.yaml";

/** The chain of causes of an event, newest first, as "kind subject" strings. */
std::vector<std::string> chain(const test::RunResult& r, sim::Event e)
{
  std::vector<std::string> out{e.kind + " " + e.subject};
  while (e.cause != 0) {
    e = r.by_id(e.cause);
    out.push_back(e.kind + " " + e.subject);
  }
  return out;
}

bool contains(const std::vector<std::string>& items, const std::string& item)
{
  return std::find(items.begin(), items.end(), item) != items.end();
}
} // namespace

TEST_CASE("sim: a hosted DPI goes down with the pivot's encrypted hypervisor", "[sim]")
{
  auto r = run_scenario(EXAMPLE_01);
  // Encryption starts at 03:00 (T+5h) and takes 5 TB / 1 GB/s = 5000 s.
  const auto& encrypted = r.only("asset.encrypted", "pivot-hv");
  REQUIRE(encrypted.time == Approx(5 * 3600 + 5000).margin(1e-6));
  auto partner_down = r.find("asset.state", "partner-dpi").front();
  REQUIRE(partner_down.state == "down");
  REQUIRE(partner_down.time == Approx(encrypted.time).margin(1e-6));
  REQUIRE(partner_down.details["reason"] == "host pivot-hv is down");
  auto causes = chain(r, partner_down);
  REQUIRE(contains(causes, "asset.encrypted pivot-hv"));
  REQUIRE(contains(causes, "attack.step encrypt-hypervisor"));
  REQUIRE(causes.back() == "attack.step vpn-access");

  SECTION("why prints the chain") {
    core::LocalClock clock("Europe/Paris", "2026-10-17 22:00");
    std::string text = io::explain(r.events, "partner-dpi", io::parse_instant("2026-10-18 05:00", clock), clock);
    REQUIRE_THAT(text, Catch::Contains("asset.state                partner-dpi down  (host pivot-hv is down)"));
    REQUIRE_THAT(text, Catch::Contains("<- Sun 18 Oct 04:23  T+6h23      asset.encrypted            pivot-hv encrypted"));
    REQUIRE_THAT(text, Catch::Contains("attack.step                encrypt-hypervisor succeeded"));
  }
}

TEST_CASE("sim: early isolation stops the lateral move, late isolation does not", "[sim]")
{
  auto early = run_scenario(sim_data("isolation-early.yaml"));
  auto late  = run_scenario(sim_data("isolation-late.yaml"));
  SECTION("early: isolated at T+3h30, the move at T+10h finds no path") {
    REQUIRE(early.only("response.isolate", "pivot").time == Approx(3.5 * 3600));
    const auto& move = early.only("attack.step", "to-partner");
    REQUIRE(move.state == "blocked");
    REQUIRE(move.details["blocked"]["partner-app"] == "no network path for these flows");
    REQUIRE(early.find("asset.compromised", "partner-app").empty());
  }
  SECTION("early: the partner loses its DPI hosted behind the cut link, at once") {
    const auto& care = early.only("care.state", "partner/inpatient");
    REQUIRE(care.state == "down");
    REQUIRE(care.time == Approx(3.5 * 3600));
    REQUIRE(care.details["reason"] == "needs partner-dpi (unreachable)");
    auto causes = chain(early, care);
    REQUIRE(causes[1] == "link.state wan");
    REQUIRE(contains(causes, "response.isolate pivot"));
    REQUIRE(contains(causes, "detection ad"));
  }
  SECTION("late: isolated at T+14h30, after the move succeeded at T+10h") {
    REQUIRE(late.only("attack.step", "to-partner").state == "succeeded");
    REQUIRE(late.only("asset.compromised", "partner-app").time == Approx(10 * 3600));
    REQUIRE(late.only("response.isolate", "pivot").time == Approx(14.5 * 3600));
  }
}

TEST_CASE("sim: destroyed online backups force a rebuild; an offline backup gives a restore", "[sim]")
{
  auto online  = run_scenario(sim_data("backups.yaml"));
  auto offline = run_scenario(sim_data("backups.yaml"), "offline-backup");
  SECTION("online: the backup is destroyed and the DPI rebuilt from scratch (5 days), data lost") {
    REQUIRE(online.only("attack.step", "wipe-backups").state == "succeeded");
    REQUIRE(online.only("backup.destroyed", "bkp").state == "destroyed");
    const auto& restored = online.only("asset.restored", "dpi");
    REQUIRE(restored.details["method"] == "rebuild");
    REQUIRE(restored.details["data_lost"] == true);
    REQUIRE(restored.details["duration_s"] == Approx(5 * 86400.0));
  }
  SECTION("offline: the copy survives and the DPI is restored from it") {
    REQUIRE(offline.only("attack.step", "wipe-backups").details["blocked"]["bkp"] == "offline copy out of reach");
    const auto& restored = offline.only("asset.restored", "dpi");
    REQUIRE(restored.details["method"] == "restore");
    REQUIRE(restored.details["backup"] == "bkp");
    // 2h setup + 6h to fetch the offline copies, then 1.5 TB through the 1 Gbps backup link, shared with
    // partner-dpi (0.5 TB) until it finishes: 8000 s shared + 4000 s alone.
    REQUIRE(restored.details["duration_s"] == Approx(8 * 3600 + 12000.0).margin(1.0));
  }
  SECTION("the fast path is faster") {
    auto summary_online  = nlohmann::json::parse(online.summary);
    auto summary_offline = nlohmann::json::parse(offline.summary);
    auto downtime = [](const nlohmann::json& s, const std::string& id) {
      for (const auto& a : s["assets"])
        if (a["id"] == id)
          return a["downtime_s"].get<double>();
      return -1.0;
    };
    REQUIRE(downtime(summary_offline, "dpi") < downtime(summary_online, "dpi"));
  }
}

TEST_CASE("sim: two restores sharing one link take twice as long as one alone", "[sim]")
{
  auto one = run_scenario(sim_data("restore-one.yaml"));
  auto two = run_scenario(sim_data("restore-two.yaml"));
  const double setup = 3600;
  double alone       = one.only("asset.restored", "app1").details["duration_s"].get<double>() - setup;
  double shared1     = two.only("asset.restored", "app1").details["duration_s"].get<double>() - setup;
  double shared2     = two.only("asset.restored", "app2").details["duration_s"].get<double>() - setup;
  REQUIRE(alone == Approx(8000).margin(1.0)); // 1 TB at 1 Gbps
  REQUIRE(shared1 == Approx(2 * alone).margin(1.0));
  REQUIRE(shared2 == Approx(2 * alone).margin(1.0));
}

TEST_CASE("sim: a scenario that ends during an encryption ends cleanly and says how far it got", "[sim]")
{
  // Before its fix the process aborted in SimGrid at the end (the attacker was killed waiting on its Exec).
  auto run                = run_scenario(sim_data("encryption-cut.yaml"));
  const auto& encrypting  = run.only("asset.encrypting", "app1");
  const auto& unfinished  = run.only("attack.effect", "app1");
  REQUIRE(encrypting.time == Approx(3600));
  REQUIRE(unfinished.state == "unfinished");
  REQUIRE(unfinished.time == Approx(7200));
  REQUIRE(unfinished.cause == encrypting.id);
  REQUIRE(unfinished.details["reason"] == "the scenario ended");
  REQUIRE(unfinished.details["bytes"].get<double>() == Approx(1e12));
  REQUIRE(unfinished.details["bytes_done"].get<double>() == Approx(360e9)); // 3 600 s at 100 MB/s
  REQUIRE(unfinished.details["duration_s"].get<double>() == Approx(3600));
  REQUIRE(run.find("asset.encrypted", "app1").empty());
  REQUIRE(run.find("asset.state", "app1").empty()); // never down: its encryption did not finish
  REQUIRE(run.events.back().kind == "simulation.end");
  REQUIRE(run.events.back().time == Approx(7200));
}

TEST_CASE("sim: a time of day that daylight saving skips fires at the end of the gap", "[sim]")
{
  // Before: the step timed at 02:30 on the spring-forward night fired at 01:30, an hour early.
  auto run = run_scenario(sim_data("dst-spring-forward.yaml"));
  REQUIRE(run.only("attack.step", "entry").time == Approx(4 * 3600));      // 03:00 CEST
  REQUIRE(run.only("attack.step", "encrypt").time == Approx(4.5 * 3600)); // 03:30 CEST
}

TEST_CASE("sim: MFA on the trust blocks the lateral move that succeeds without it", "[sim]")
{
  auto open      = run_scenario(sim_data("trust.yaml"));
  auto protected_ = run_scenario(sim_data("trust.yaml"), "trust-mfa");
  REQUIRE(open.only("attack.step", "to-partner").state == "succeeded");
  const auto& blocked = protected_.only("attack.step", "to-partner");
  REQUIRE(blocked.state == "blocked");
  REQUIRE(blocked.details["blocked"]["partner-app"] == "no credentials valid in ad-partner");
}

TEST_CASE("sim: administration tiering blocks domain admin from a workstation foothold", "[sim]")
{
  auto flat    = run_scenario(sim_data("tiering.yaml"));
  auto tiered  = run_scenario(sim_data("tiering.yaml"), "tiering");
  REQUIRE(flat.only("attack.step", "da").state == "succeeded");
  REQUIRE(flat.only("domain.admin", "ad-pivot").time == Approx(4 * 3600));
  REQUIRE(tiered.only("attack.step", "da").state == "blocked");
  REQUIRE(tiered.only("attack.step", "da").details["reason"] == "tiering: no server-side foothold");
  REQUIRE(tiered.find("domain.admin", "ad-pivot").empty());
}

TEST_CASE("sim: detection at 03:00 on a Sunday is slower than at 10:00 on a Tuesday by the staffing", "[sim]")
{
  auto r              = run_scenario(sim_data("staffing.yaml"));
  const auto& sunday  = r.only("detection", "ws-a");
  const auto& tuesday = r.only("detection", "ws-b");
  const auto& sunday_entry  = r.only("asset.compromised", "ws-a");
  const auto& tuesday_entry = r.only("asset.compromised", "ws-b");
  REQUIRE(sunday.details["staffing"] == "weekend");
  REQUIRE(tuesday.details["staffing"] == "office hours");
  REQUIRE(sunday.time - sunday_entry.time == Approx(2 * 1800 + 3 * 3600)); // 30 min x 2 + 3 h
  REQUIRE(tuesday.time - tuesday_entry.time == Approx(1800));
  core::LocalClock clock("Europe/Paris", "2026-10-17 22:00");
  REQUIRE(clock.iso(sunday.time) == "2026-10-18T07:00:00+02:00");
  REQUIRE(clock.iso(tuesday.time) == "2026-10-20T10:30:00+02:00");
}

TEST_CASE("sim: same seed gives byte-identical outputs, another seed another run", "[sim]")
{
  auto a = run_scenario(sim_data("stochastic.yaml"));
  auto b = run_scenario(sim_data("stochastic.yaml"));
  auto c = run_scenario(sim_data("stochastic.yaml"), "", 12);
  REQUIRE(a.journal == b.journal);
  REQUIRE(a.summary == b.summary);
  REQUIRE(a.journal != c.journal);
  REQUIRE(a.summary != c.summary);
}

TEST_CASE("sim: entry through a SaaS administration account and through a trusted partner", "[sim]")
{
  auto r = run_scenario(sim_data("entry-vectors.yaml"));
  SECTION("the SaaS platform falls and both practices lose their records") {
    REQUIRE(r.only("attack.step", "saas-entry").state == "succeeded");
    const auto& encrypted = r.only("asset.encrypted", "saas-gp");
    for (const char* care : {"gp-1/primary_care", "gp-2/primary_care"}) {
      const auto& down = r.only("care.state", care);
      REQUIRE(down.state == "down");
      REQUIRE(down.time == Approx(encrypted.time));
    }
  }
  SECTION("exfiltration is a transfer over the attacker's link: 180 GB at 100 Mbps") {
    const auto& started = r.only("data.exfiltrating", "saas-gp");
    const auto& done    = r.only("data.exfiltrated", "saas-gp");
    REQUIRE(done.time - started.time == Approx(180e9 / 12.5e6).margin(1.0));
  }
  SECTION("the trusted partner's link and trust open the hospital") {
    REQUIRE(r.only("attack.step", "partner-entry").state == "succeeded");
    REQUIRE(r.only("asset.compromised", "hospital-app").time == Approx(2 * 3600));
  }
  SECTION("MFA on the administration console blocks the SaaS entry and what follows") {
    auto guarded = run_scenario(sim_data("entry-vectors.yaml"), "mfa-admin");
    REQUIRE(guarded.only("attack.step", "saas-entry").details["blocked"]["saas-admin"] == "MFA");
    REQUIRE(guarded.only("attack.step", "encrypt-platform").state == "abandoned");
    REQUIRE(guarded.find("care.state", "gp-1/primary_care").empty());
  }
}

TEST_CASE("sim: stepping with run_until gives the same run as run", "[sim]")
{
  const std::string path = sim_data("backups.yaml");
  auto whole             = run_scenario(path, "offline-backup");
  std::size_t drained    = 0;
  std::string stepped    = test::in_child(
      path, "offline-backup", std::nullopt,
      [&drained](sim::Simulation& simulation) {
        for (double t = 0; !simulation.finished(); t += 1800) { // half-hour slices, as a viewer would
          simulation.run_until(t);
          drained += simulation.drain_events().size();
          if (simulation.now() > t + 1e-9)
            throw std::runtime_error("run_until went past its time");
        }
        simulation.run();
        drained += simulation.drain_events().size();
        if (drained != simulation.events().size())
          throw std::runtime_error("drain_events lost events");
      },
      [](sim::Simulation& simulation, const core::LocalClock& clock) {
        return io::journal_text(simulation.events(), clock);
      });
  REQUIRE(stepped == whole.journal);
}

TEST_CASE("sim: with thread contexts a run ends and plays the same journal", "[sim]")
{
  // Sanitizer builds run actors as threads. The daemons killed when a run ends once hung the engine there,
  // unlocking their mutex while dying. The alarm turns such a hang into a failure.
  const std::string path = std::string(RICOCHET_SOURCE_DIR) + "/scenarios/exercises/exercise-2026.yaml";
  auto journal = [&path](const std::string& factory) {
    return sim::run_in_child([&] {
      ::alarm(60);
      scenario::Scenario s = scenario::load_scenario(path);
      std::string flag     = "--cfg=contexts/factory:" + factory;
      char name[]          = "ricochet-test";
      char* argv[]         = {name, flag.data(), nullptr};
      int argc             = factory.empty() ? 1 : 2;
      sim::Simulation simulation(&argc, argv);
      simulation.setup(s, sim::RunOptions{});
      simulation.run();
      return io::journal_text(simulation.events(), core::LocalClock(s.timezone, s.start_local));
    });
  };
  // Against the default factory (thread as well in sanitizer builds).
  REQUIRE(journal("thread") == journal(""));
}
