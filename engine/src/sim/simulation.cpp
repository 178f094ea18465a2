#include "ricochet/sim/simulation.hpp"

#include <stdexcept>

#include <simgrid/s4u.hpp>
#include <xbt/log.h>

#include "ricochet/core/sanitizers.hpp"
#include "ricochet/scenario/error.hpp"
#include "agenda.hpp"
#include "attacker.hpp"
#include "care.hpp"
#include "governance.hpp"
#include "injects.hpp"
#include "defenders.hpp"
#include "engine_flags.hpp"
#include "platform.hpp"
#include "random_streams.hpp"
#include "recovery.hpp"
#include "trainer.hpp"
#include "world.hpp"

XBT_LOG_NEW_DEFAULT_CATEGORY(ricochet, "ricochet simulation");

namespace ricochet::sim {

namespace sg4 = simgrid::s4u;

struct Simulation::Impl {
  std::unique_ptr<sg4::Engine> engine;
  scenario::Scenario scenario;
  scenario::Governance governance_config; ///< the variant's
  model::Region region;
  std::uint64_t seed = 1;
  double end         = 0;
  bool finished      = false;
  std::size_t clock_advances = 0;
  std::unique_ptr<core::LocalClock> clock;
  std::unique_ptr<RandomStreams> random;
  std::unique_ptr<Platform> platform;
  std::unique_ptr<World> world;
  Wakeups wakeups;
  std::unique_ptr<Agenda> cascade;
  std::unique_ptr<Recovery> recovery;
  std::unique_ptr<Defenders> defenders;
  std::unique_ptr<TrainerDesk> trainer;
  std::unique_ptr<Attacker> attacker;
  std::unique_ptr<Care> care;
  std::unique_ptr<Governance> governance;
  std::unique_ptr<InjectPlayer> injects;
  std::vector<std::function<void(const Event&)>> observers;
  std::size_t drained = 0;
};

Simulation::Simulation(int* argc, char** argv) : pimpl_(std::make_unique<Impl>())
{
  // Quiet by default (the program prints its own timeline); --log= flags given by the user still apply.
  xbt_log_control_set("root.thresh:warning");
#ifdef RICOCHET_ASAN
  // AddressSanitizer follows one stack per thread: SimGrid's default raw (and boost) contexts switch stacks behind
  // its back and ucontext gives false positives, so sanitized builds run actors as threads (docs/sanitizers.md).
  // Set before the engine, which creates its context factory in its constructor (a --cfg= flag still overrides it).
  sg4::Engine::set_config("contexts/factory:thread");
#endif
  if (argc != nullptr)
    check_engine_flags(*argc, argv);
  try {
    pimpl_->engine = std::make_unique<sg4::Engine>(argc, argv);
  } catch (const std::exception& e) { // a --cfg= or --log= flag the engine refuses: the user's to change
    std::string what = e.what();
    throw scenario::ScenarioError("error: SimGrid refuses a flag: " + what.substr(0, what.find('\n')) +
                                  " (see SimGrid's documentation of --cfg= and --log=)");
  }
  sg4::Engine::on_time_advance_cb([impl = pimpl_.get()](double) { ++impl->clock_advances; });
  // Exact size/bandwidth timing: CM02 without cross-traffic (see docs/architecture.md).
  sg4::Engine::set_config("network/model:CM02");
  sg4::Engine::set_config("network/crosstraffic:0");
  // No TCP window bound: a restore or an exfiltration fills the link (backup tools use parallel streams).
  sg4::Engine::set_config("network/TCP-gamma:1e15");
}

Simulation::~Simulation() = default;

void Simulation::setup(const scenario::Scenario& scenario, const RunOptions& options)
{
  Impl& s    = *pimpl_;
  s.scenario = scenario;
  s.region   = scenario.region_for(options.variant);
  s.governance_config = scenario.governance_for(options.variant);
  s.seed     = options.seed.value_or(scenario.seed);
  s.end      = scenario.duration_s;
  s.clock    = std::make_unique<core::LocalClock>(scenario.timezone, scenario.start_local);
  s.random   = std::make_unique<RandomStreams>(s.seed);
  const scenario::Attack no_attack;
  const scenario::Attack& attack = scenario.attack ? *s.scenario.attack : no_attack;
  s.platform = std::make_unique<Platform>(s.region, attack.encryption_rate_Bps, attack.exfiltration_bandwidth_Bps);
  s.world    = std::make_unique<World>(s.region, *s.clock, [] { return sg4::Engine::get_clock(); });
  s.cascade  = std::make_unique<Agenda>("cascade", s.wakeups);
  s.world->set_scheduler([&s](double when, std::function<void()> task) { s.cascade->schedule(when, std::move(task)); });
  s.recovery  = std::make_unique<Recovery>(*s.world, *s.platform, s.scenario.defence.recovery, s.wakeups);
  std::vector<std::size_t> teams; // organisations some playbook may order to recover
  for (const auto& pb : s.scenario.defence.playbooks)
    for (const auto& action : pb.actions)
      if (action.kind == scenario::ResponseAction::Kind::RECOVER)
        teams.push_back(s.world->org_index(action.org));
  for (const auto& action : options.actions)
    if (action.kind == TrainerAction::Kind::RECOVER)
      teams.push_back(s.world->org_index(action.target));
  bool regional = s.scenario.defence.recovery.regional.technicians > 0;
  s.defenders = std::make_unique<Defenders>(*s.world, s.scenario.defence, *s.random, *s.recovery, s.wakeups);
  s.care      = std::make_unique<Care>(*s.world, scenario.care.step_s, scenario.care.radius_km, s.end,
                                         options.care_series, s.wakeups);
  s.governance = std::make_unique<Governance>(*s.world, s.governance_config, s.scenario.defence.staffing, *s.random,
                                              *s.care, *s.recovery, s.wakeups);
  s.injects = std::make_unique<InjectPlayer>(*s.world, s.scenario.injects, *s.governance, *s.random, s.wakeups);
  s.care->on_tick([&s] {
    s.governance->request_evaluation();
    s.injects->request_evaluation();
  });
  s.defenders->set_communications([&s](std::size_t org) { return s.governance->communications_factor(org); });
  s.care->set_communications([&s](std::size_t org) { return s.governance->communications_factor(org); });
  s.world->subscribe([&s](const Event& e) {
    s.recovery->on_event(e);
    s.care->on_event(e);
    s.governance->on_event(e);
    s.injects->on_event(e);
    s.defenders->on_event(e);
    for (const auto& cb : s.observers)
      cb(e);
  });

  s.world->emit("simulation.start", scenario.name, "started", 0,
                {{"scenario", scenario.name},
                 {"variant", options.variant.empty() ? nlohmann::json(nullptr) : nlohmann::json(options.variant)},
                 {"seed", s.seed},
                 {"start", s.clock->iso(0)},
                 {"start_local", scenario.start_local},
                 {"timezone", scenario.timezone},
                 {"duration_s", scenario.duration_s}});
  s.world->reevaluate_all();

  sg4::Host* control = s.platform->control();
  s.recovery->spawn(teams, regional);
  s.cascade->start(control);
  s.defenders->start(control);
  s.care->start(control);
  s.governance->start(control);
  s.injects->start(control);
  s.trainer = std::make_unique<TrainerDesk>(*s.world, *s.defenders, *s.governance, *s.recovery, *s.injects,
                                            s.wakeups);
  s.trainer->start(control, options.actions);
  if (s.scenario.attack) {
    s.attacker = std::make_unique<Attacker>(*s.world, *s.platform, *s.scenario.attack, s.scenario.defence, *s.random,
                                            s.wakeups, s.end);
    s.attacker->start(control);
  }
  // The only non-daemon actor: when it ends, the run ends and the parties' actors are stopped.
  sg4::Actor::create("exercise-director", control, [&s] {
    sg4::this_actor::sleep_until(s.end);
    if (s.attacker)
      s.attacker->record_unfinished();
    s.care->finish();
    s.world->emit("simulation.end", s.scenario.name, "ended", 0);
    s.finished = true;
  });
}

void Simulation::run() { pimpl_->engine->run(); }

void Simulation::run_until(double t)
{
  if (t > sg4::Engine::get_clock() && !pimpl_->finished)
    pimpl_->engine->run_until(t);
}

double Simulation::now() const { return sg4::Engine::get_clock(); }
double Simulation::end_time() const { return pimpl_->end; }
bool Simulation::finished() const { return pimpl_->finished; }
std::size_t Simulation::clock_advances() const { return pimpl_->clock_advances; }

void Simulation::on_event_cb(std::function<void(const Event&)> cb) { pimpl_->observers.push_back(std::move(cb)); }

std::vector<Event> Simulation::drain_events()
{
  const auto& all = pimpl_->world->events();
  std::vector<Event> out(all.begin() + static_cast<std::ptrdiff_t>(pimpl_->drained), all.end());
  pimpl_->drained = all.size();
  return out;
}

const std::vector<Event>& Simulation::events() const { return pimpl_->world->events(); }
const model::Region& Simulation::region() const { return pimpl_->region; }
const std::vector<CareSample>& Simulation::care_samples() const { return pimpl_->care->samples(); }
std::uint64_t Simulation::seed() const { return pimpl_->seed; }

} // namespace ricochet::sim
