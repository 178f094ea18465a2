#include "session.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "ricochet/core/digest.hpp"
#include "ricochet/core/suggest.hpp"
#include "ricochet/io/graph_export.hpp"
#include "ricochet/io/journal.hpp"
#include "ricochet/io/run_dir.hpp"
#include "ricochet/io/trainer_actions.hpp"
#include "ricochet/model/region_graph.hpp"
#include "ricochet/scenario/error.hpp"
#include "ricochet/scenario/loader.hpp"
#include "ricochet/sim/simulation.hpp"
#include "ricochet/sim/subprocess.hpp"
#include "scene_state.hpp"

namespace ricochet::viz {

Session::Session(std::vector<sim::Event> events, nlohmann::json graph, core::LocalClock clock)
    : events_(std::move(events)), graph_(std::move(graph)), territory_(territory_from_graph(graph_)),
      clock_(std::move(clock))
{
  const sim::Event& start = events_.front(); // journal_clock checked there is one
  end_                    = start.details.value("duration_s", 0.0);
  bool ended = std::any_of(events_.begin(), events_.end(), [](const auto& e) { return e.kind == "simulation.end"; });
  if (!ended) {
    end_     = events_.back().time;
    warning_ = "the journal ends early (no simulation.end): it stops at " + io::format_t_plus(end_);
  }
}

Session Session::replay(const std::string& dir)
{
  // Only a complete run: its journal and region graph checked against its manifest, never a mix of two runs.
  io::RunDir run               = io::RunDir::open(dir, {"journal.jsonl", "region.json"});
  std::string journal          = dir + "/journal.jsonl", region = dir + "/region.json";
  std::vector<sim::Event> events = io::parse_journal(run.text("journal.jsonl"), journal);
  core::LocalClock clock         = io::journal_clock(events, journal);
  nlohmann::json graph;
  try {
    graph = nlohmann::json::parse(run.text("region.json"));
    Session session(std::move(events), std::move(graph), std::move(clock));
    session.replayed_ = run.identity();
    return session;
  } catch (const std::exception& e) {
    throw scenario::ScenarioError(region + ": error: " + e.what());
  }
}

Session Session::live(const LiveSpec& spec)
{
  auto s = std::make_shared<scenario::Scenario>(scenario::load_scenario(spec.scenario));
  if (!spec.variant.empty() && s->find_variant(spec.variant) == nullptr)
    throw scenario::ScenarioError(spec.scenario + ": error: no variant '" + spec.variant + "' in this scenario");
  nlohmann::json graph = nlohmann::json::parse(io::graph_to_json(model::RegionGraph(s->region_for(spec.variant)),
                                                                 spec.variant));
  core::LocalClock clock(s->timezone, s->start_local);
  sim::Event start; // placeholder until the first simulation: the constructor reads the duration from it
  start.kind    = "simulation.start";
  start.details = {{"duration_s", s->duration_s}};
  Session session({start}, std::move(graph), std::move(clock));
  session.live_     = spec;
  session.scenario_ = s;
  session.simulate();
  return session;
}

void Session::simulate()
{
  const scenario::Scenario& s = *scenario_;
  sim::RunOptions options{live_->variant, live_->seed, actions_};
  const core::LocalClock& clock = clock_;
  std::string text = sim::run_in_child([&] {
    int argc    = 1;
    char name[] = "ricochet-view";
    char* argv[] = {name, nullptr};
    sim::Simulation simulation(&argc, argv);
    simulation.setup(s, options);
    simulation.run();
    return io::journal_text(simulation.events(), clock);
  });
  events_ = io::parse_journal(text, "simulation");
  end_    = s.duration_s;
  warning_.clear();
}

void Session::jump(double t) { now_ = std::clamp(t, 0.0, end_); }

void Session::tick(double wall_seconds)
{
  if (!paused_)
    jump(now_ + wall_seconds * speed_);
}

void Session::step()
{
  double next = next_event_time(events_, now_);
  if (next >= 0)
    jump(next);
}

void Session::decide(const std::string& decision)
{
  if (!live_)
    throw std::invalid_argument("decisions need live mode (ricochet-view SCENARIO), not a replay");
  std::string line = decision + " at T+" + std::to_string(now_) + "s";
  sim::TrainerAction action =
      io::parse_trainer_action(line, clock_, scenario_->region_for(live_->variant), scenario_->inject_ids());
  action.time               = now_; // exactly now, not its decimal rendering
  actions_.push_back(action);
  try {
    simulate();
  } catch (...) { // the branch could not be simulated: the session stays as it was
    actions_.pop_back();
    throw;
  }
}

void Session::save(const std::string& dir) const
{
  // A branch is a run directory like any other (manifest last), so that --replay takes it.
  io::RunIdentity identity;
  std::string actions;
  if (live_) {
    actions          = io::trainer_actions_text(actions_, live_->scenario);
    identity         = {io::inputs_identity(*scenario_), live_->variant, live_->seed.value_or(scenario_->seed),
                        core::digest_of(actions).xxh3_128};
  } else {
    identity = *replayed_;
  }
  io::RunDirWriter out(dir);
  std::vector<std::string> names{"journal.jsonl", "region.json"};
  if (live_)
    names.emplace_back("actions.txt");
  out.begin(names);
  out.write("journal.jsonl", io::journal_text(events_, clock_));
  out.write("region.json", graph_.dump(2) + "\n");
  if (live_)
    out.write("actions.txt", actions);
  out.commit(identity);
}

} // namespace ricochet::viz
