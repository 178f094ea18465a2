#pragma once
// The self-contained HTML report of a run (`ricochet report`): opens offline, prints well, charts in inline SVG.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ricochet/core/local_time.hpp"
#include "ricochet/sim/event.hpp"

namespace ricochet::io {

/** Everything a run directory holds. */
struct RunOutputs {
  std::string dir;
  std::vector<sim::Event> events;
  nlohmann::json summary;
  nlohmann::json region;                ///< region.json (the graph export)
  std::vector<std::vector<std::string>> care; ///< care.csv rows, header first
};

/** Reads DIR/journal.jsonl, summary.json, region.json and care.csv, once they match DIR's manifest (io/run_dir.hpp).
 *  @throw scenario::ScenarioError when DIR is not a complete run, or naming the malformed file */
[[nodiscard]] RunOutputs read_run(const std::string& dir);

/** The same from the files' texts (a run that has just written them). */
[[nodiscard]] RunOutputs run_outputs(const std::string& dir, const std::string& journal, const std::string& summary,
                                     const std::string& region, const std::string& care);

/** The report's labels in French and English. @throw std::out_of_range for an unknown key */
[[nodiscard]] const std::string& label(const std::string& key, const std::string& lang);
/** Every label key (for the completeness test). */
[[nodiscard]] std::vector<std::string> label_keys();

/** The HTML document. compare: another run of the same scenario (a variant) to set side by side. */
[[nodiscard]] std::string report_html(const RunOutputs& run, const std::string& lang,
                                      const std::optional<RunOutputs>& compare,
                                      const std::optional<nlohmann::json>& batch_comparison = std::nullopt);

} // namespace ricochet::io
