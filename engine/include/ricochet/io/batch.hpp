#pragma once
// Monte Carlo batches: seeded runs per variant, one forked process per run, results kept as they finish (so an
// interrupted batch resumes), aggregated into KPI statistics and compared between variants.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ricochet/core/local_time.hpp"
#include "ricochet/model/region.hpp"
#include "ricochet/scenario/scenario.hpp"
#include "ricochet/sim/event.hpp"

namespace ricochet::io {

/** The name of the base region among variants. */
inline constexpr const char* BASE_VARIANT = "base";

struct BatchSpec {
  std::string scenario;              ///< canonical path, for people (where the batch ran)
  std::vector<std::string> variants; ///< "base" for the region without variant; the first is the baseline
  std::size_t runs   = 100;          ///< per variant
  std::uint64_t seed = 1;            ///< run i uses seed + i (the same seeds for every variant)
  std::size_t shard  = 0;            ///< this shard (0-based) ...
  std::size_t shards = 1;            ///< ... of this many: run i belongs to shard i % shards
  std::string inputs;                ///< digest of the scenario and region files: the identity (io/run_dir.hpp)
};

/** The KPIs and bad events of one run, from its events. */
[[nodiscard]] nlohmann::ordered_json run_record(const std::vector<sim::Event>& events, const model::Region& region,
                                                const core::LocalClock& clock, std::size_t index, std::uint64_t seed,
                                                const std::string& variant);

/** Runs (or, with resume, completes) the batch into dir: dir/batch.json, dir/runs/VARIANT/INDEX.json (each written
 *  atomically when its run ends). At most `jobs` runs at once; a progress line on stderr when it is a terminal.
 *  The directory is locked meanwhile. Returns the number of runs done now.
 *  @throw scenario::ScenarioError if dir holds another batch or a damaged record; core::UserError if it cannot be
 *  written or another batch is writing there */
std::size_t run_batch(const BatchSpec& spec, const scenario::Scenario& scenario, std::size_t jobs, bool resume,
                      const std::string& dir, const std::vector<std::string>& simgrid_flags);

/** Statistics per variant and KPI from every run found in the directories (one batch, or its shards, wherever they
 *  ran: batches are the same when their inputs' digests, variants, runs, seeds and shards are).
 *  @throw scenario::ScenarioError if they are not runs of one batch, or a record is damaged */
[[nodiscard]] nlohmann::ordered_json aggregate(const std::vector<std::string>& dirs);

/** Each variant against the first (baseline): paired differences of the KPIs, differences of the probabilities,
 *  with 95 % intervals and significance. */
[[nodiscard]] nlohmann::ordered_json compare(const nlohmann::ordered_json& aggregate_with_runs,
                                             const std::vector<std::string>& dirs);

[[nodiscard]] std::string aggregate_text(const nlohmann::ordered_json& aggregate);
[[nodiscard]] std::string aggregate_csv(const nlohmann::ordered_json& aggregate);
[[nodiscard]] std::string compare_text(const nlohmann::ordered_json& comparison);
[[nodiscard]] std::string compare_csv(const nlohmann::ordered_json& comparison);

/** Writes aggregate.json/.csv and compare.json/.csv (when there are several variants) into out. */
void write_batch_results(const std::vector<std::string>& dirs, const std::string& out, bool print);

} // namespace ricochet::io
