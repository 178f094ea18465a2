#pragma once
// Runs a scenario in a forked child (SimGrid allows one engine per process) and brings back its outputs.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ricochet/core/local_time.hpp"
#include "ricochet/io/care_csv.hpp"
#include "ricochet/io/journal.hpp"
#include "ricochet/io/summary.hpp"
#include "ricochet/scenario/loader.hpp"
#include "ricochet/sim/simulation.hpp"
#include "ricochet/sim/subprocess.hpp"

namespace ricochet::test {

struct RunResult {
  std::string journal; ///< journal.jsonl text
  std::string summary; ///< summary.json text
  std::string care;    ///< care.csv text
  std::vector<sim::Event> events;

  /** Events of a kind about a subject, in order. */
  std::vector<sim::Event> find(const std::string& kind, const std::string& subject) const
  {
    std::vector<sim::Event> out;
    for (const auto& e : events)
      if (e.kind == kind && e.subject == subject)
        out.push_back(e);
    return out;
  }
  const sim::Event& only(const std::string& kind, const std::string& subject) const;
  const sim::Event& by_id(std::uint64_t id) const { return events.at(id - 1); }
};

inline std::string sim_data(const std::string& name) { return std::string(RICOCHET_TEST_DATA_DIR) + "/sim/" + name; }

/** In a forked child: loads the scenario, sets a simulation up, lets drive() run it, returns what outputs() makes
 *  of it. */
template <typename Drive, typename Outputs>
std::string in_child(const std::string& path, const std::string& variant, std::optional<std::uint64_t> seed,
                     Drive drive, Outputs outputs)
{
  return sim::run_in_child([&] {
    scenario::Scenario s = scenario::load_scenario(path);
    int argc             = 1;
    char name[]          = "ricochet-test";
    char* argv[]         = {name, nullptr};
    sim::Simulation simulation(&argc, argv);
    simulation.setup(s, sim::RunOptions{variant, seed, {}});
    drive(simulation);
    return outputs(simulation, core::LocalClock(s.timezone, s.start_local));
  });
}

inline RunResult run_scenario(const std::string& path, const std::string& variant = "",
                              std::optional<std::uint64_t> seed = std::nullopt)
{
  std::string out = in_child(
      path, variant, seed, [](sim::Simulation& simulation) { simulation.run(); },
      [](sim::Simulation& simulation, const core::LocalClock& clock) {
        return io::journal_text(simulation.events(), clock) + '\x1e' +
               io::summarize(simulation.events(), simulation.region(), clock).dump(2) + "\n" + '\x1e' +
               io::care_csv(simulation.care_samples(), simulation.region(), clock);
      });
  RunResult r;
  auto sep  = out.find('\x1e');
  auto sep2 = out.find('\x1e', sep + 1);
  r.journal = out.substr(0, sep);
  r.summary = out.substr(sep + 1, sep2 - sep - 1);
  r.care    = out.substr(sep2 + 1);
  r.events  = io::parse_journal(r.journal, path);
  return r;
}

inline const sim::Event& RunResult::only(const std::string& kind, const std::string& subject) const
{
  for (const auto& e : events)
    if (e.kind == kind && e.subject == subject)
      return e;
  throw std::runtime_error("no " + kind + " event about " + subject);
}

} // namespace ricochet::test
