#include "ricochet/io/batch.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <unistd.h>

#include "ricochet/core/atomic_file.hpp"
#include "ricochet/core/suggest.hpp"
#include "ricochet/core/version.hpp"
#include "ricochet/io/run_dir.hpp"
#include "ricochet/io/stats.hpp"
#include "ricochet/io/summary.hpp"
#include "ricochet/scenario/error.hpp"
#include "ricochet/sim/parallel.hpp"
#include "ricochet/sim/simulation.hpp"

namespace ricochet::io {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

/** KPI name -> where it is in summary.json, and a scale (seconds to hours). */
struct Kpi {
  const char* name;
  const char* section;
  const char* field;
  double scale;
};
const std::vector<Kpi>& kpis()
{
  static const std::vector<Kpi> k{
      {"hours_to_first_compromise", "times_s", "first_compromise", 1 / 3600.0},
      {"hours_to_first_detection", "times_s", "first_detection", 1 / 3600.0},
      {"hours_to_domain_admin", "times_s", "domain_admin", 1 / 3600.0},
      {"hours_to_first_encryption", "times_s", "first_encryption", 1 / 3600.0},
      {"hours_to_craps", "times_s", "craps_activation", 1 / 3600.0},
      {"organisations_impacted", "organisations_impacted", "count", 1},
      {"max_simultaneous_organisations", "max_simultaneous_organisations_impacted", "count", 1},
      {"patients_diverted", "care", "patients_diverted", 1},
      {"patient_hours_degraded", "care", "patient_hours_degraded", 1},
      {"backlog_patient_hours", "care", "backlog_patient_hours", 1},
      {"rto_missed", "rto", "missed", 1}};
  return k;
}

std::string slurp(const fs::path& p)
{
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

ordered_json read_json(const fs::path& p)
{
  try {
    return ordered_json::parse(slurp(p));
  } catch (const nlohmann::json::exception& e) {
    throw scenario::ScenarioError(p.string() + ": error: not valid JSON (" + e.what() + ")");
  }
}

ordered_json manifest_of(const BatchSpec& spec, const scenario::Scenario& s)
{
  return {{"format", "ricochet-batch"}, {"version", 2},          {"ricochet", core::version()},
          {"scenario", spec.scenario},  {"inputs", spec.inputs}, {"name", s.name},
          {"variants", spec.variants},  {"runs", spec.runs},     {"seed", spec.seed},
          {"shards", spec.shards}};
}

/** What makes two batch directories parts of one batch: not where they ran (the scenario's path) nor which shard. */
ordered_json identity_of(ordered_json manifest)
{
  manifest.erase("scenario");
  manifest.erase("shard");
  return manifest;
}

/** The keys in which two batch identities differ, for messages. */
std::string differences(const ordered_json& a, const ordered_json& b)
{
  std::vector<std::string> keys;
  for (const auto& [key, value] : a.items())
    if (!b.contains(key) || b[key] != value)
      keys.push_back(key);
  for (const auto& [key, value] : b.items())
    if (!a.contains(key))
      keys.push_back(key);
  return core::join(keys);
}

bool record_name(const std::string& name) { return name.size() > 5 && name.find_first_not_of("0123456789") == name.size() - 5; }

/** A batch's batch.json, checked. @throw scenario::ScenarioError if missing or damaged */
ordered_json read_batch_manifest(const std::string& dir)
{
  fs::path path = fs::path(dir) / "batch.json";
  if (!fs::exists(path))
    throw scenario::ScenarioError(path.string() + ": error: no batch here (expected the --out of 'ricochet batch')");
  ordered_json m = read_json(path);
  auto damaged   = [&path](const std::string& what) {
    throw scenario::ScenarioError(path.string() + ": error: damaged batch description (" + what +
                                  "); run the batch again in a new --out");
  };
  if (!m.is_object() || !m.contains("format") || m["format"] != "ricochet-batch")
    damaged("not a ricochet batch");
  if (!m.contains("version") || m["version"] != 2)
    damaged("format version " + m.value("version", ordered_json(nullptr)).dump() + ", this ricochet reads version 2");
  for (const char* key : {"inputs", "name", "ricochet"})
    if (!m.contains(key) || !m[key].is_string())
      damaged(std::string("no ") + key);
  for (const char* key : {"runs", "seed", "shards", "shard"})
    if (!m.contains(key) || !m[key].is_number_unsigned())
      damaged(std::string("no ") + key);
  if (m["runs"].get<std::size_t>() == 0 || m["shards"].get<std::size_t>() == 0 ||
      m["shard"].get<std::size_t>() >= m["shards"].get<std::size_t>())
    damaged("runs, shard or shards out of range");
  if (!m.contains("variants") || !m["variants"].is_array() || m["variants"].empty())
    damaged("no variants");
  for (const auto& v : m["variants"])
    if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().find('/') != std::string::npos ||
        v.get<std::string>().front() == '.')
      damaged("a variant is not a name: " + v.dump());
  return m;
}

/** A run record, checked against where it is. @throw scenario::ScenarioError naming it if damaged */
ordered_json read_record(const fs::path& path, const std::string& variant, std::size_t index, std::uint64_t seed)
{
  auto damaged = [&path](const std::string& what) {
    throw scenario::ScenarioError(path.string() + ": error: damaged run record (" + what +
                                  "); delete it, then complete the batch with 'ricochet batch ... --resume'");
  };
  ordered_json r;
  try {
    r = ordered_json::parse(slurp(path));
  } catch (const nlohmann::json::exception& e) {
    damaged(std::string("not valid JSON: ") + e.what());
  }
  if (!r.is_object())
    damaged("not an object");
  if (!r.contains("index") || !r["index"].is_number_unsigned() || r["index"].get<std::size_t>() != index)
    damaged(fmt::format("its index is not {}", index));
  if (!r.contains("seed") || !r["seed"].is_number_unsigned() || r["seed"].get<std::uint64_t>() != seed + index)
    damaged(fmt::format("its seed is not {}", seed + index));
  if (!r.contains("variant") || r["variant"] != variant)
    damaged("its variant is not '" + variant + "'");
  if (!r.contains("kpis") || !r["kpis"].is_object())
    damaged("no kpis");
  for (const auto& k : kpis())
    if (!r["kpis"].contains(k.name) || !(r["kpis"][k.name].is_null() || r["kpis"][k.name].is_number()))
      damaged(std::string("no value for ") + k.name);
  if (!r.contains("assets_down") || !r["assets_down"].is_array())
    damaged("no assets_down");
  for (const auto& a : r["assets_down"])
    if (!a.is_string())
      damaged("assets_down holds a non-name");
  return r;
}

/** The index of a record file name (000042.json), or nothing. */
std::optional<std::size_t> record_index(const fs::path& file)
{
  std::string name = file.filename().string();
  if (!record_name(name) || file.extension() != ".json" || name.size() > 5 + 18)
    return std::nullopt;
  return static_cast<std::size_t>(std::stoull(name.substr(0, name.size() - 5)));
}

std::string variant_arg(const std::string& v) { return v == BASE_VARIANT ? "" : v; }

struct Runs {
  ordered_json manifest;
  std::map<std::string, std::map<std::size_t, ordered_json>> by_variant; ///< variant -> index -> record
};

Runs load_runs(const std::vector<std::string>& dirs)
{
  Runs all;
  for (const auto& dir : dirs) {
    ordered_json m = identity_of(read_batch_manifest(dir));
    if (all.manifest.is_null())
      all.manifest = m;
    else if (m != all.manifest)
      throw scenario::ScenarioError((fs::path(dir) / "batch.json").string() + ": error: not the same batch as " +
                                    dirs.front() + " (its " + differences(m, all.manifest) +
                                    " differ; inputs, variants, runs, seed and shards must match)");
    for (const auto& v : m["variants"]) {
      fs::path runs = fs::path(dir) / "runs" / v.get<std::string>();
      if (!fs::exists(runs))
        continue;
      std::vector<fs::path> files;
      for (const auto& f : fs::directory_iterator(runs))
        if (f.path().extension() == ".json")
          files.push_back(f.path());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        std::optional<std::size_t> index = record_index(f);
        if (!index || *index >= m["runs"].get<std::size_t>())
          throw scenario::ScenarioError(f.string() + ": error: not a run record of this batch (records are "
                                                     "runs/VARIANT/NNNNNN.json, below the number of runs); remove it");
        all.by_variant[v.get<std::string>()][*index] =
            read_record(f, v.get<std::string>(), *index, m["seed"].get<std::uint64_t>());
      }
    }
  }
  // Statistics over part of a batch would silently differ from the batch's: every run must be there.
  const std::size_t runs   = all.manifest["runs"].get<std::size_t>();
  const std::size_t shards = all.manifest.value("shards", std::size_t{1});
  for (const auto& v : all.manifest["variants"]) {
    const auto& records = all.by_variant[v.get<std::string>()];
    std::vector<std::string> missing;
    std::set<std::size_t> missing_shards;
    std::size_t found = 0;
    for (std::size_t i = 0; i < runs; ++i) {
      if (records.count(i) != 0) {
        ++found;
        continue;
      }
      if (missing.size() < 10)
        missing.push_back(std::to_string(i));
      else if (missing.size() == 10)
        missing.emplace_back("...");
      missing_shards.insert(i % shards + 1);
    }
    if (found == runs)
      continue;
    std::string where;
    if (shards > 1) {
      std::vector<std::string> names;
      for (std::size_t k : missing_shards)
        names.push_back(fmt::format("{}/{}", k, shards));
      where = fmt::format("; shard{} {} missing or unfinished: pass every shard's directory, completing any "
                          "interrupted one with 'ricochet batch ... --shard K/M --resume'",
                          names.size() == 1 ? "" : "s", core::join(names));
    } else {
      where = "; complete it with 'ricochet batch ... --resume'";
    }
    throw scenario::ScenarioError(fmt::format("{}: error: incomplete batch: variant '{}' has {} of {} runs (missing "
                                              "run{} {}){}",
                                              core::join(dirs), v.get<std::string>(), found, runs,
                                              runs - found == 1 ? "" : "s", core::join(missing), where));
  }
  return all;
}

std::string num(const ordered_json& v)
{
  if (v.is_null())
    return "-";
  double x = v.get<double>();
  return fmt::format("{:.3g}", std::fabs(x) < 1e-9 ? 0.0 : x); // rounding noise of a constant sample reads as 0
}

} // namespace

ordered_json run_record(const std::vector<sim::Event>& events, const model::Region& region,
                        const core::LocalClock& clock, std::size_t index, std::uint64_t seed,
                        const std::string& variant)
{
  ordered_json summary = summarize(events, region, clock);
  ordered_json values;
  for (const auto& k : kpis()) {
    const auto& sec = summary.contains(k.section) ? summary[k.section] : ordered_json(nullptr);
    values[k.name]  = sec.is_object() && sec.contains(k.field) && sec[k.field].is_number()
                          ? ordered_json(sec[k.field].get<double>() * k.scale)
                          : ordered_json(nullptr);
  }
  ordered_json lost = ordered_json::array();
  for (const auto& a : summary["assets"])
    lost.push_back(a["id"]);
  return {{"index", index}, {"seed", seed}, {"variant", variant}, {"kpis", values}, {"assets_down", lost}};
}

std::size_t run_batch(const BatchSpec& spec, const scenario::Scenario& s, std::size_t jobs, bool resume,
                      const std::string& dir, const std::vector<std::string>& simgrid_flags)
{
  make_output_directory(dir, "--out");
  DirLock lock(dir, "batch");
  ordered_json manifest = manifest_of(spec, s);
  fs::path manifest_path = fs::path(dir) / "batch.json";
  if (fs::exists(manifest_path)) {
    ordered_json old = identity_of(read_batch_manifest(dir));
    if (old != identity_of(manifest))
      throw scenario::ScenarioError(manifest_path.string() + ": error: this directory holds another batch (its " +
                                    differences(old, identity_of(manifest)) +
                                    " differ); choose another --out (or the same inputs and options to --resume)");
    if (!resume && fs::exists(fs::path(dir) / "runs"))
      throw scenario::ScenarioError(dir + ": error: this batch has already started: add --resume to complete it");
  }
  ordered_json with_shard = manifest;
  with_shard["shard"]     = spec.shard;
  core::write_file_atomically(manifest_path.string(), with_shard.dump(2) + "\n");

  std::vector<std::size_t> todo; // job = variant * runs + index
  for (std::size_t v = 0; v < spec.variants.size(); ++v) {
    fs::create_directories(fs::path(dir) / "runs" / spec.variants[v]);
    // A run killed while its result was being written leaves only a temporary file: drop it, the run is redone.
    for (const auto& f : fs::directory_iterator(fs::path(dir) / "runs" / spec.variants[v]))
      if (f.path().filename().string().rfind('.', 0) == 0)
        fs::remove(f.path());
    for (std::size_t i = spec.shard; i < spec.runs; i += spec.shards) {
      fs::path record = fs::path(dir) / "runs" / spec.variants[v] / fmt::format("{:06}.json", i);
      if (!fs::exists(record))
        todo.push_back(v * spec.runs + i);
      else // a damaged record is found before hours of runs, not after
        (void)read_record(record, spec.variants[v], i, spec.seed);
    }
  }
  const bool tty = ::isatty(STDERR_FILENO) != 0;
  const auto t0  = std::chrono::steady_clock::now();
  std::size_t finished = 0;
  sim::run_parallel(
      todo, jobs,
      [&](std::size_t job) {
        const std::string& variant = spec.variants[job / spec.runs];
        std::size_t index          = job % spec.runs;
        std::vector<std::string> args{"ricochet"};
        args.insert(args.end(), simgrid_flags.begin(), simgrid_flags.end());
        std::vector<char*> argv;
        for (auto& a : args)
          argv.push_back(a.data());
        argv.push_back(nullptr);
        int argc = static_cast<int>(args.size());
        sim::Simulation simulation(&argc, argv.data());
        std::uint64_t seed = spec.seed + index;
        simulation.setup(s, sim::RunOptions{variant_arg(variant), seed, {}, false});
        simulation.run();
        core::LocalClock clock(s.timezone, s.start_local);
        return run_record(simulation.events(), simulation.region(), clock, index, seed, variant).dump();
      },
      [&](std::size_t job, const std::string& out) {
        const std::string& variant = spec.variants[job / spec.runs];
        core::write_file_atomically((fs::path(dir) / "runs" / variant / fmt::format("{:06}.json", job % spec.runs)).string(),
                                    out + "\n");
        ++finished;
        if (tty) {
          double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
          double rate = secs > 0 ? static_cast<double>(finished) / secs : 0;
          std::size_t width = 30, filled = width * finished / std::max<std::size_t>(1, todo.size());
          std::cerr << fmt::format("\r[{}{}] {}/{} runs, {:.1f} runs/s, {:.0f} s left   ", std::string(filled, '#'),
                                   std::string(width - filled, ' '), finished, todo.size(), rate,
                                   rate > 0 ? static_cast<double>(todo.size() - finished) / rate : 0.0)
                    << std::flush;
        }
      });
  if (tty && !todo.empty())
    std::cerr << "\n";
  return finished;
}

ordered_json aggregate(const std::vector<std::string>& dirs)
{
  Runs runs = load_runs(dirs);
  ordered_json out;
  out["format"]   = "ricochet-aggregate";
  out["version"]  = 2;
  out["scenario"] = runs.manifest["name"];   // not a path: the aggregate is the same wherever its runs ran
  out["inputs"]   = runs.manifest["inputs"];
  out["runs"]     = runs.manifest["runs"];
  out["seed"]     = runs.manifest["seed"];
  ordered_json variants = ordered_json::array();
  for (const auto& v : runs.manifest["variants"]) {
    const auto& records = runs.by_variant[v.get<std::string>()];
    ordered_json entry;
    entry["variant"] = v;
    entry["runs"]    = records.size();
    ordered_json values;
    for (const auto& k : kpis()) {
      std::vector<double> xs;
      for (const auto& [index, r] : records)
        if (!r["kpis"][k.name].is_null())
          xs.push_back(r["kpis"][k.name].get<double>());
      Summary st = summarize_values(xs);
      values[k.name] = {{"n", st.n},       {"probability", records.empty() ? 0.0 : static_cast<double>(st.n) / static_cast<double>(records.size())},
                        {"mean", st.mean}, {"ci95", st.ci95},
                        {"p10", st.p10},   {"p50", st.p50},
                        {"p90", st.p90},   {"min", st.min},
                        {"max", st.max}};
    }
    entry["kpis"] = values;
    std::map<std::string, std::size_t> down;
    for (const auto& [index, r] : records)
      for (const auto& id : r["assets_down"])
        ++down[id.get<std::string>()];
    ordered_json lost;
    for (const auto& [id, count] : down)
      lost[id] = static_cast<double>(count) / static_cast<double>(records.size());
    entry["probability_asset_down"] = lost;
    variants.push_back(entry);
  }
  out["variants"] = variants;
  return out;
}

ordered_json compare(const ordered_json& agg, const std::vector<std::string>& dirs)
{
  Runs runs = load_runs(dirs);
  const auto& names = runs.manifest["variants"];
  ordered_json out;
  out["format"]   = "ricochet-compare";
  out["version"]  = 1;
  out["baseline"] = names[0];
  ordered_json variants = ordered_json::array();
  const auto& base      = runs.by_variant[names[0].get<std::string>()];
  for (std::size_t v = 1; v < names.size(); ++v) {
    const auto& other = runs.by_variant[names[v].get<std::string>()];
    ordered_json entry;
    entry["variant"] = names[v];
    ordered_json values;
    for (const auto& k : kpis()) {
      std::vector<std::pair<double, double>> pairs;
      std::size_t k_base = 0, k_other = 0;
      for (const auto& [index, r] : base) {
        auto it = other.find(index);
        bool in_base = !r["kpis"][k.name].is_null();
        k_base += in_base ? 1U : 0U;
        if (it == other.end())
          continue;
        bool in_other = !it->second["kpis"][k.name].is_null();
        if (in_base && in_other)
          pairs.emplace_back(r["kpis"][k.name].get<double>(), it->second["kpis"][k.name].get<double>());
      }
      for (const auto& [index, r] : other)
        k_other += r["kpis"][k.name].is_null() ? 0U : 1U;
      Difference d  = paired_difference(pairs);
      Difference dp = proportion_difference(k_base, base.size(), k_other, other.size());
      const auto& bs = agg["variants"][0]["kpis"][k.name];
      const auto& os = agg["variants"][v]["kpis"][k.name];
      values[k.name] = {{"baseline_mean", bs["n"].get<std::size_t>() > 0 ? ordered_json(bs["mean"]) : ordered_json(nullptr)},
                        {"variant_mean", os["n"].get<std::size_t>() > 0 ? ordered_json(os["mean"]) : ordered_json(nullptr)},
                        {"difference", d.n > 0 ? ordered_json(d.mean) : ordered_json(nullptr)},
                        {"ci95", d.ci95},
                        {"pairs", d.n},
                        {"significant", d.significant},
                        {"probability_difference", dp.mean},
                        {"probability_ci95", dp.ci95},
                        {"probability_significant", dp.significant}};
    }
    entry["kpis"] = values;
    variants.push_back(entry);
  }
  out["variants"] = variants;
  return out;
}

std::string aggregate_text(const ordered_json& agg)
{
  std::string out;
  for (const auto& v : agg["variants"]) {
    out += fmt::format("\n{} ({} runs)\n", v["variant"].get<std::string>(), v["runs"].get<std::size_t>());
    out += fmt::format("  {:<32} {:>6} {:>10} {:>9} {:>9} {:>9} {:>9}\n", "KPI", "P(%)", "mean", "±95%", "P10", "P50",
                       "P90");
    for (const auto& [name, s] : v["kpis"].items())
      out += fmt::format("  {:<32} {:>6.1f} {:>10} {:>9} {:>9} {:>9} {:>9}\n", name,
                         s["probability"].get<double>() * 100,
                         s["n"].get<std::size_t>() ? num(s["mean"]) : "-", s["n"].get<std::size_t>() ? num(s["ci95"]) : "-",
                         s["n"].get<std::size_t>() ? num(s["p10"]) : "-", s["n"].get<std::size_t>() ? num(s["p50"]) : "-",
                         s["n"].get<std::size_t>() ? num(s["p90"]) : "-");
  }
  return out;
}

std::string aggregate_csv(const ordered_json& agg)
{
  std::string out = "variant,kpi,runs,n,probability,mean,ci95,p10,p50,p90,min,max\n";
  for (const auto& v : agg["variants"])
    for (const auto& [name, s] : v["kpis"].items())
      out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", v["variant"].get<std::string>(), name,
                         v["runs"].get<std::size_t>(), s["n"].get<std::size_t>(), s["probability"].dump(),
                         s["mean"].dump(), s["ci95"].dump(), s["p10"].dump(), s["p50"].dump(), s["p90"].dump(),
                         s["min"].dump(), s["max"].dump());
  return out;
}

std::string compare_text(const ordered_json& cmp)
{
  std::string out;
  for (const auto& v : cmp["variants"]) {
    out += fmt::format("\n{} against {}\n", v["variant"].get<std::string>(), cmp["baseline"].get<std::string>());
    out += fmt::format("  {:<32} {:>10} {:>10} {:>12} {:>9}  {}\n", "KPI", "baseline", "variant", "difference",
                       "±95%", "significant");
    for (const auto& [name, d] : v["kpis"].items())
      out += fmt::format("  {:<32} {:>10} {:>10} {:>12} {:>9}  {}{}\n", name, num(d["baseline_mean"]),
                         num(d["variant_mean"]), num(d["difference"]), num(d["ci95"]),
                         d["significant"].get<bool>() ? "yes" : "no",
                         d["probability_significant"].get<bool>()
                             ? fmt::format(" (P changes by {:+.0f} points)", d["probability_difference"].get<double>() * 100)
                             : "");
  }
  return out;
}

std::string compare_csv(const ordered_json& cmp)
{
  std::string out = "baseline,variant,kpi,baseline_mean,variant_mean,difference,ci95,pairs,significant,"
                    "probability_difference,probability_ci95,probability_significant\n";
  for (const auto& v : cmp["variants"])
    for (const auto& [name, d] : v["kpis"].items())
      out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", cmp["baseline"].get<std::string>(),
                         v["variant"].get<std::string>(), name, d["baseline_mean"].dump(), d["variant_mean"].dump(),
                         d["difference"].dump(), d["ci95"].dump(), d["pairs"].dump(), d["significant"].dump(),
                         d["probability_difference"].dump(), d["probability_ci95"].dump(),
                         d["probability_significant"].dump());
  return out;
}

void write_batch_results(const std::vector<std::string>& dirs, const std::string& out, bool print)
{
  ordered_json agg = aggregate(dirs); // first: an incomplete batch leaves nothing behind
  make_output_directory(out, "--out");
  core::write_file_atomically(out + "/aggregate.json", agg.dump(2) + "\n");
  core::write_file_atomically(out + "/aggregate.csv", aggregate_csv(agg));
  if (print)
    std::cout << aggregate_text(agg);
  if (agg["variants"].size() > 1) {
    ordered_json cmp = compare(agg, dirs);
    core::write_file_atomically(out + "/compare.json", cmp.dump(2) + "\n");
    core::write_file_atomically(out + "/compare.csv", compare_csv(cmp));
    if (print)
      std::cout << compare_text(cmp);
  }
}

} // namespace ricochet::io
