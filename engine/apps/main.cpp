// ricochet: the command-line front end. Bad input -> exit 2 with file:line:col messages; bugs -> exit 1.
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "ricochet/core/allocator.hpp"
#include "ricochet/core/atomic_file.hpp"
#include "ricochet/core/diagnostics.hpp"
#include "ricochet/core/suggest.hpp"
#include "ricochet/core/user_error.hpp"
#include "ricochet/core/version.hpp"
#include "ricochet/io/analysis.hpp"
#include "ricochet/io/attack_layer.hpp"
#include "ricochet/io/batch.hpp"
#include "ricochet/io/care_csv.hpp"
#include "ricochet/io/describe.hpp"
#include "ricochet/io/graph_export.hpp"
#include "ricochet/io/journal.hpp"
#include "ricochet/io/chronogramme.hpp"
#include "ricochet/io/msel.hpp"
#include "ricochet/io/spreadsheet.hpp"
#include "ricochet/scenario/injects_writer.hpp"

#include <fstream>
#include <sstream>
#include "ricochet/io/report.hpp"
#include "ricochet/io/run_dir.hpp"
#include "ricochet/io/summary.hpp"
#include "ricochet/io/trainer_actions.hpp"
#include "ricochet/io/why.hpp"
#include "ricochet/model/region_graph.hpp"
#include "ricochet/scenario/error.hpp"
#include "ricochet/scenario/loader.hpp"
#include "ricochet/scenario/region_generator.hpp"
#include "ricochet/sim/simulation.hpp"

#include <cstdio>
#include <filesystem>
#include <future>
#include <thread>

#include "cli_checks.hpp"

namespace {

using namespace ricochet;

constexpr int EXIT_INPUT_ERROR    = 2;
constexpr int EXIT_INTERNAL_ERROR = 1;
constexpr std::uint64_t MAX_RUNS  = 10000000; ///< per variant
constexpr std::uint64_t MAX_JOBS  = 1024;     ///< processes at once: more is a fork bomb, not a faster batch

/** A SimGrid flag for the engine: --cfg=... or --log=...; which ones are passed is the engine's to check
 *  (sim::Simulation refuses the others before it starts). @throw scenario::ScenarioError */
void check_engine_flag(const std::string& flag)
{
  if (flag.rfind("--cfg=", 0) != 0 && flag.rfind("--log=", 0) != 0)
    throw scenario::ScenarioError("error: unexpected argument '" + flag + "' (see 'ricochet run --help')");
}

/** Loads a region or scenario; prints warnings to stderr. @throw scenario::ScenarioError with every error */
scenario::LoadedFile load_or_throw(const std::string& path)
{
  core::Diagnostics diags;
  auto loaded = scenario::load_file(path, diags);
  if (!loaded)
    throw scenario::ScenarioError::from(diags);
  diags.print(std::cerr); // warnings only
  return std::move(*loaded);
}

/** The region of a file, with a variant applied when the file is a scenario. */
model::Region region_of(const scenario::LoadedFile& file, const std::string& path, const std::string& variant)
{
  if (file.region) {
    if (!variant.empty())
      throw scenario::ScenarioError(path + ": error: --variant needs a scenario file; '" + path +
                                    "' is a region (variants are declared in scenarios)");
    return *file.region;
  }
  if (!variant.empty() && file.scenario->find_variant(variant) == nullptr) {
    std::vector<std::string> ids;
    for (const auto& v : file.scenario->variants)
      ids.push_back(v.id);
    throw scenario::ScenarioError(path + ": error: no variant '" + variant + "' in this scenario" +
                                  (ids.empty() ? " (it declares none)" : " (known: " + ricochet::core::join(ids) + ")"));
  }
  return file.scenario->region_for(variant);
}

/** Writes a file that --out names, unless it belongs to a run (it would break the run's manifest). */
void write_output(const std::string& path, const std::string& text)
{
  io::refuse_run_file(path);
  core::write_file_atomically(path, text);
}

int cmd_validate(const std::vector<std::string>& files)
{
  bool all_ok = true;
  for (const auto& path : files) {
    core::Diagnostics diags;
    auto loaded = scenario::load_file(path, diags);
    diags.print(std::cerr);
    if (!loaded) {
      all_ok = false;
      std::cerr << path << ": invalid (" << diags.error_count() << " error" << (diags.error_count() == 1 ? "" : "s")
                << ")\n";
      continue;
    }
    if (loaded->scenario) // every variant must apply cleanly
      for (const auto& v : loaded->scenario->variants)
        (void)model::apply_variant(loaded->scenario->region, v);
    std::cout << path << ": ok (" << (loaded->scenario ? "scenario" : "region") << ", " << diags.warning_count()
              << " warning" << (diags.warning_count() == 1 ? "" : "s") << ")\n";
  }
  return all_ok ? 0 : EXIT_INPUT_ERROR;
}

int cmd_describe(const std::string& path, const std::string& variant)
{
  auto file = load_or_throw(path);
  if (file.scenario && variant.empty()) {
    std::cout << io::describe_scenario(*file.scenario);
    return 0;
  }
  std::cout << io::describe_region(region_of(file, path, variant), path);
  return 0;
}

int cmd_graph(const std::string& path, const std::string& format, const std::string& variant, const std::string& out)
{
  auto file = load_or_throw(path);
  model::RegionGraph graph(region_of(file, path, variant));
  std::string text = format == "dot" ? io::graph_to_dot(graph, variant) : io::graph_to_json(graph, variant);
  if (out.empty())
    std::cout << text;
  else
    write_output(out, text);
  return 0;
}

struct RunArgs {
  std::string scenario, variant, out;
  std::string actions; ///< a file of trainer decisions (a branch saved by the viewer)
  std::optional<std::uint64_t> seed;
  bool quiet  = false;
  bool report = false;  ///< also write DIR/report.html
  std::string lang = "fr";
  std::vector<std::string> simgrid_flags; ///< --cfg=... and --log=..., passed to the engine
};

/** Loads the scenario and checks the variant. @throw scenario::ScenarioError */
scenario::Scenario load_for_run(const RunArgs& args)
{
  scenario::Scenario s = scenario::load_scenario(args.scenario);
  if (!args.variant.empty() && s.find_variant(args.variant) == nullptr) {
    std::vector<std::string> ids;
    for (const auto& v : s.variants)
      ids.push_back(v.id);
    throw scenario::ScenarioError(args.scenario + ": error: no variant '" + args.variant + "' in this scenario" +
                                  (ids.empty() ? " (it declares none)" : " (known: " + ricochet::core::join(ids) + ")"));
  }
  return s;
}

/** argv for the engine: the program name and the SimGrid flags. */
struct EngineArgv {
  explicit EngineArgv(const std::vector<std::string>& flags) : store{"ricochet"}
  {
    store.insert(store.end(), flags.begin(), flags.end());
    for (auto& a : store)
      ptrs.push_back(a.data());
    ptrs.push_back(nullptr);
    argc = static_cast<int>(store.size());
  }
  std::vector<std::string> store;
  std::vector<char*> ptrs;
  int argc = 0;
};

int cmd_run(const RunArgs& args)
{
  scenario::Scenario s = load_for_run(args);
  core::LocalClock clock(s.timezone, s.start_local);
  sim::RunOptions options{args.variant, args.seed, {}};
  io::RunIdentity identity{io::inputs_identity(s), args.variant, args.seed.value_or(s.seed), std::nullopt};
  if (!args.actions.empty()) {
    options.actions =
        io::read_trainer_actions(args.actions, clock, s.duration_s, s.region_for(args.variant), s.inject_ids());
    identity.actions = io::file_digest(args.actions).xxh3_128;
  }
  EngineArgv argv(args.simgrid_flags);
  sim::Simulation simulation(&argv.argc, argv.ptrs.data()); // refuses bad SimGrid flags before DIR is touched
  // Made and locked only once the input is known good, and before simulating: a second run there is refused now.
  io::RunDirWriter out(args.out);
  if (!args.quiet)
    simulation.on_event_cb([&clock](const sim::Event& e) { std::cout << io::timeline_line(e, clock) << '\n'; });
  simulation.setup(s, options);
  // region.json is the region as played, fixed once set up: its document is built on the second core while this
  // one simulates and writes the rest (at national scale it is the largest output to build). Only building runs
  // there (no clock, no text output: neither is thread-safe).
  auto region_json = std::async(std::launch::async, [&simulation, &args] {
    return io::graph_json(model::RegionGraph(simulation.region()), args.variant);
  });
  simulation.run();

  // A run killed while simulating leaves the previous run whole. From begin() until the manifest is written last,
  // the directory is not a complete run: readers refuse it rather than mix two runs.
  std::vector<std::string> names{"journal.jsonl", "care.csv", "summary.json", "region.json"};
  if (args.report)
    names.emplace_back("report.html");
  out.begin(names);
  const auto& events   = simulation.events();
  std::string journal  = io::journal_text(events, clock);
  out.write("journal.jsonl", journal);
  out.write_with("care.csv", [&](const auto& sink) {
    io::write_care_csv(simulation.care_samples(), simulation.region(), clock, sink);
  });
  std::string summary = io::summarize(events, simulation.region(), clock).dump(2) + "\n";
  out.write("summary.json", summary);
  std::string region = region_json.get().dump(2) + "\n";
  out.write("region.json", region);
  if (args.report) {
    std::ifstream care(args.out + "/care.csv", std::ios::binary); // as just written, under the lock
    std::string care_text((std::istreambuf_iterator<char>(care)), std::istreambuf_iterator<char>());
    out.write("report.html", io::report_html(io::run_outputs(args.out, journal, summary, region, care_text),
                                             args.lang, std::nullopt));
  }
  out.commit(identity);
  if (!args.quiet) // a status line, not part of the timeline: on stderr
    std::cerr << "Wrote " << args.out << "/journal.jsonl (" << events.size() << " events), " << args.out
              << "/summary.json and " << args.out << "/care.csv\n";
  return 0;
}

int cmd_msel(const RunArgs& args, const std::string& lang)
{
  (void)io::table_format(args.out); // a name that is neither .csv nor .xlsx is refused before simulating
  scenario::Scenario s = load_for_run(args);
  EngineArgv argv(args.simgrid_flags);
  sim::Simulation simulation(&argv.argc, argv.ptrs.data());
  simulation.setup(s, sim::RunOptions{args.variant, args.seed, {}});
  simulation.run();
  core::LocalClock clock(s.timezone, s.start_local);
  io::Table table = io::msel_table(simulation.events(), clock, lang);
  io::refuse_run_file(args.out);
  io::write_table(args.out, table);
  std::size_t rows = 0;
  for (const auto& e : simulation.events())
    rows += e.kind == "inject" ? 1U : 0U;
  std::cerr << "Wrote " << args.out << " (" << rows << " injects)\n";
  return 0;
}

/** The events of a complete run in DIR (its journal checked against the run's manifest). */
std::vector<sim::Event> run_events(const std::string& dir)
{
  io::RunDir run = io::RunDir::open(dir, {"journal.jsonl"});
  return io::parse_journal(run.text("journal.jsonl"), dir + "/journal.jsonl");
}

int cmd_attack_layer(const std::string& dir, const std::string& out)
{
  auto events      = run_events(dir);
  std::string name = "ricochet";
  for (const auto& e : events)
    if (e.kind == "simulation.start")
      name = e.details.value("scenario", name);
  write_output(out, io::attack_layer(events, name).dump(2) + "\n");
  return 0;
}

int cmd_report(const std::string& dir, const std::string& lang, const std::string& compare, const std::string& batch,
               const std::string& out)
{
  io::RunOutputs run = io::read_run(dir);
  std::optional<io::RunOutputs> other;
  if (!compare.empty())
    other = io::read_run(compare);
  std::optional<nlohmann::json> batch_comparison;
  if (!batch.empty())
    batch_comparison = nlohmann::json(io::compare(io::aggregate({batch}), {batch}));
  write_output(out, io::report_html(run, lang, other, batch_comparison));
  return 0;
}

int cmd_msel_import(const std::string& file, const std::string& into, const std::string& lang)
{
  scenario::Scenario s = scenario::load_scenario(into);
  core::LocalClock clock(s.timezone, s.start_local);
  io::Table table = io::read_table(file);
  core::Diagnostics diags;
  scenario::Injects injects;
  injects.scripted = io::injects_from_table(table, file, clock, s.duration_s, lang, diags);
  diags.print(std::cerr);
  if (diags.has_errors())
    return EXIT_INPUT_ERROR;
  // Rows that came from generated stimuli are now scripted lines: generating them again would double them. A
  // scenario that did not generate stimuli keeps not generating them.
  injects.generated = s.injects.generated && std::none_of(injects.scripted.begin(), injects.scripted.end(), [](const scenario::Inject& i) {
    return i.trigger.rfind("événement ", 0) == 0 || i.trigger.rfind("event ", 0) == 0;
  });
  std::ifstream in(into);
  std::stringstream text;
  text << in.rdbuf();
  // The rewritten scenario must load before it replaces the old one: an import never leaves a broken file behind.
  core::write_file_atomically(
      into, scenario::replace_injects_block(text.str(), scenario::injects_yaml(injects)), [&](const std::string& tmp) {
        try {
          (void)scenario::load_scenario(tmp);
        } catch (const scenario::ScenarioError& e) {
          std::string message = e.what();
          for (auto at = message.find(tmp); at != std::string::npos; at = message.find(tmp, at + into.size()))
            message.replace(at, tmp.size(), into);
          throw scenario::ScenarioError(message + "\n" + into + ": error: with the imported chronogramme the scenario "
                                        "would not load (see above); nothing was written");
        }
      });
  std::cerr << "Imported " << injects.scripted.size() << " injects into " << into << "\n";
  return 0;
}

struct BatchArgs {
  std::string scenario, out, shard;
  std::size_t runs = 100, jobs = 0;
  std::vector<std::string> variants;
  std::optional<std::uint64_t> seed;
  bool resume = false;
};

/** K/M of --shard, with 1 <= K <= M <= runs. @throw scenario::ScenarioError */
std::pair<std::size_t, std::size_t> parse_shard(const std::string& text, std::size_t runs)
{
  std::uint64_t k = 0, m = 0;
  std::string error;
  auto slash = text.find('/');
  auto fail  = [&text](const std::string& why) {
    throw scenario::ScenarioError("error: --shard expects K/M with 1 <= K <= M (e.g. 2/8), found '" + text + "'" + why);
  };
  if (slash == std::string::npos)
    fail("");
  if (!cli::parse_whole(text.substr(slash + 1), 1, runs, m, error))
    fail(": M " + error + ", at most --runs shards");
  if (!cli::parse_whole(text.substr(0, slash), 1, m, k, error))
    fail(": K " + error);
  return {static_cast<std::size_t>(k), static_cast<std::size_t>(m)};
}

int cmd_batch(const BatchArgs& args)
{
  scenario::Scenario s = scenario::load_scenario(args.scenario);
  io::BatchSpec spec;
  io::InputsIdentity inputs = io::inputs_identity(s);
  spec.scenario = inputs.path;
  spec.inputs   = inputs.digest;
  spec.runs     = args.runs;
  spec.seed     = args.seed.value_or(s.seed);
  spec.variants = args.variants.empty() ? std::vector<std::string>{io::BASE_VARIANT} : args.variants;
  for (std::size_t i = 0; i < spec.variants.size(); ++i) {
    const auto& v = spec.variants[i];
    if (std::find(spec.variants.begin(), spec.variants.begin() + static_cast<std::ptrdiff_t>(i), v) !=
        spec.variants.begin() + static_cast<std::ptrdiff_t>(i))
      throw scenario::ScenarioError("error: --variant '" + v + "' is given twice; give each variant once");
    if (v != io::BASE_VARIANT && s.find_variant(v) == nullptr) {
      std::vector<std::string> ids{io::BASE_VARIANT};
      for (const auto& known : s.variants)
        ids.push_back(known.id);
      throw scenario::ScenarioError(args.scenario + ": error: no variant '" + v + "' (known: " +
                                    ricochet::core::join(ids) + ")");
    }
  }
  if (!args.shard.empty()) {
    auto [k, m] = parse_shard(args.shard, args.runs);
    spec.shard  = k - 1;
    spec.shards = m;
  }
  std::size_t jobs = args.jobs != 0 ? args.jobs : std::max(1U, std::thread::hardware_concurrency());
  io::run_batch(spec, s, jobs, args.resume, args.out, {});
  if (spec.shards == 1)
    io::write_batch_results({args.out}, args.out, true);
  else
    std::cerr << "Shard " << args.shard << " done; aggregate the shards with 'ricochet merge DIR... --out DIR'\n";
  return 0;
}

int cmd_analyze(const std::string& path, const std::string& variant, const std::vector<std::string>& from,
                const std::vector<std::string>& targets, const std::vector<std::string>& weight_args, const std::string& out)
{
  auto file = load_or_throw(path);
  model::Region region = region_of(file, path, variant);
  std::map<std::string, double> weights;
  try {
    weights = io::parse_link_weights(weight_args, region);
  } catch (const std::invalid_argument& e) {
    throw scenario::ScenarioError(std::string("error: ") + e.what());
  }
  nlohmann::ordered_json result;
  try {
    result = io::analyze(region, from, targets, weights);
  } catch (const std::invalid_argument& e) {
    throw scenario::ScenarioError(std::string("error: ") + e.what());
  }
  io::make_output_directory(out, "--out");
  core::write_file_atomically(out + "/analysis.json", result.dump(2) + "\n");
  std::string text = io::analysis_text(result);
  core::write_file_atomically(out + "/analysis.txt", text);
  std::cout << text;
  return 0;
}

int cmd_why(const std::string& dir, const std::string& subject, const std::string& at)
{
  std::string path = dir + "/journal.jsonl";
  auto events      = run_events(dir);
  core::LocalClock clock = io::journal_clock(events, path);
  std::optional<double> when;
  if (!at.empty()) {
    try {
      when = io::parse_instant(at, clock);
    } catch (const std::invalid_argument& e) {
      throw scenario::ScenarioError(std::string("error: --at: ") + e.what());
    }
  }
  std::cout << io::explain(events, subject, when, clock);
  return 0;
}

struct GenerateArgs {
  scenario::GeneratorSpec spec;
  std::string out, scenario;
};

/** A synthetic region (and a scenario on it) for measurements. */
int cmd_generate(const GenerateArgs& args)
{
  scenario::GeneratedRegion region;
  try {
    region = scenario::generate_region(args.spec);
  } catch (const std::invalid_argument& e) {
    throw scenario::ScenarioError(std::string("error: ") + e.what());
  }
  namespace fs = std::filesystem;
  for (const auto* file : {&args.out, &args.scenario}) // only once the spec is known good
    if (!file->empty() && !fs::path(*file).parent_path().empty())
      io::make_output_directory(fs::path(*file).parent_path().string(), file == &args.out ? "--out" : "--scenario");
  write_output(args.out, region.yaml);
  std::cerr << "Wrote " << args.out << " (" << region.organisations << " organisations, " << region.assets
            << " assets, " << region.departements << " département"
            << (region.departements == 1 ? "" : "s") << ")\n";
  if (!args.scenario.empty()) {
    fs::path from = fs::absolute(args.scenario).lexically_normal().parent_path();
    std::string region_ref = fs::absolute(args.out).lexically_normal().lexically_relative(from).generic_string();
    write_output(args.scenario, scenario::generate_scenario(region, region_ref, args.spec.seed));
    std::cerr << "Wrote " << args.scenario << " (night-time ransomware on " << region.pivot << ")\n";
  }
  return 0;
}

} // namespace

int main(int argc, char** argv)
{
  core::tune_allocator();
  CLI::App app{"ricochet: regional cyber-crisis exercise simulator for health territories", "ricochet"};
  app.require_subcommand(1);
  app.set_version_flag("--version", core::version_line("ricochet"));
  const auto file      = cli::non_empty("a file");
  const auto directory = cli::non_empty("a directory");
  const auto id        = cli::non_empty("an id");

  std::vector<std::string> validate_files;
  auto* validate = app.add_subcommand("validate", "Check region and scenario files; exit 0 if all are valid, 2 if not");
  validate->add_option("FILE", validate_files, "Region or scenario YAML files")->required()->check(CLI::ExistingFile);

  std::string describe_file, describe_variant;
  auto* describe = app.add_subcommand("describe", "Summarise a region or scenario for people");
  describe->add_option("FILE", describe_file, "Region or scenario YAML file")->required()->check(file);
  describe->add_option("--variant", describe_variant, "Describe the region as changed by this scenario variant")
      ->check(id);

  std::string graph_file, graph_format = "dot", graph_variant, graph_out;
  auto* graph = app.add_subcommand("graph", "Export the dependency/hosting/network graph (DOT or JSON)");
  graph->add_option("FILE", graph_file, "Region or scenario YAML file")->required()->check(file);
  graph->add_option("--format", graph_format, "Output format")->check(CLI::IsMember({"dot", "json"}))
      ->capture_default_str();
  graph->add_option("--variant", graph_variant, "Apply this scenario variant first")->check(id);
  graph->add_option("--out", graph_out, "Write to this file (atomically) instead of standard output")->check(file);

  RunArgs run_args;
  auto* run = app.add_subcommand("run", "Simulate a scenario: DIR/journal.jsonl, DIR/summary.json and a timeline");
  run->add_option("SCENARIO", run_args.scenario, "Scenario YAML file")->required()->check(file);
  run->add_option("--variant", run_args.variant, "Play this variant of the scenario")->check(id);
  run->add_option("--seed", run_args.seed, "Random seed (default: the scenario's)")->transform(cli::seed());
  run->add_option("--out", run_args.out, "Output directory")->required()->check(directory);
  run->add_option("--actions", run_args.actions, "Trainer decisions to play (a file saved by ricochet-view)")
      ->check(file);
  run->add_flag("--quiet,-q", run_args.quiet, "Do not print the timeline");
  run->add_flag("--report", run_args.report, "Also write DIR/report.html");
  run->add_option("--lang", run_args.lang, "Language of the report")->check(CLI::IsMember({"fr", "en"}));
  run->allow_extras(); // SimGrid's --cfg=... and --log=...
  run->footer("SimGrid options passed to the engine: --cfg=contexts/factory:NAME, --cfg=contexts/stack-size:KIB, "
              "--log=CATEGORY.threshold:LEVEL (others would change the results or stop the process).");

  RunArgs msel_args;
  std::string msel_lang = "fr";
  auto* msel = app.add_subcommand("msel", "Simulate a scenario and write its chronogramme of injects (CSV for Excel)");
  std::string msel_import;
  msel->add_option("SCENARIO", msel_args.scenario, "Scenario YAML file (to simulate, or to import into)")->required()
      ->check(file);
  msel->add_option("--import", msel_import, "Import this chronogramme (CSV or XLSX) into SCENARIO's scripted injects")
      ->check(file);
  msel->add_option("--variant", msel_args.variant, "Play this variant of the scenario")->check(id);
  msel->add_option("--seed", msel_args.seed, "Random seed (default: the scenario's)")->transform(cli::seed());
  msel->add_option("--lang", msel_lang, "Language of the columns and stimuli")
      ->check(CLI::IsMember({"fr", "en"}))
      ->capture_default_str();
  msel->add_option("--out", msel_args.out, "Output file: .csv (UTF-8 with BOM, ';' separators) or .xlsx")->check(file);

  std::string report_dir, report_lang = "fr", report_compare, report_batch, report_out;
  auto* report = app.add_subcommand("report", "Write the self-contained HTML report of a run");
  report->add_option("DIR", report_dir, "Output directory of 'ricochet run'")->required()->check(directory);
  report->add_option("--lang", report_lang, "Language")->check(CLI::IsMember({"fr", "en"}))->capture_default_str();
  report->add_option("--compare", report_compare, "Another run (a variant) to compare with")->check(directory);
  report->add_option("--batch", report_batch, "A batch of the scenario's variants: adds the what-if comparison")
      ->check(directory);
  report->add_option("--out", report_out, "HTML file")->required()->check(file);

  std::string layer_dir, layer_out;
  auto* layer = app.add_subcommand("attack-layer", "Write the ATT&CK Navigator layer (format 4.5) of a run");
  layer->add_option("DIR", layer_dir, "Output directory of 'ricochet run'")->required()->check(directory);
  layer->add_option("--out", layer_out, "Layer JSON file")->required()->check(file);

  BatchArgs batch_args;
  auto* batch = app.add_subcommand("batch", "Monte Carlo: N seeded runs per variant, one process each, with statistics");
  batch->add_option("SCENARIO", batch_args.scenario, "Scenario YAML file")->required()->check(file);
  batch->add_option("--runs", batch_args.runs, "Runs per variant")->capture_default_str()
      ->transform(cli::whole(1, MAX_RUNS));
  batch->add_option("--jobs,-j", batch_args.jobs, "Runs at once (default: the number of cores)")
      ->transform(cli::whole(1, MAX_JOBS, "omit --jobs to use every core"));
  batch->add_option("--variant", batch_args.variants, "A variant to play ('base': no variant); the first is the "
                                                      "baseline of the comparison. Repeat for several")
      ->check(id);
  batch->add_option("--seed", batch_args.seed, "First seed (run i uses seed + i; default: the scenario's)")
      ->transform(cli::seed());
  batch->add_option("--shard", batch_args.shard, "Run only shard K of M (K/M), for a cluster; then 'ricochet merge'")
      ->check(cli::non_empty("K/M"));
  batch->add_flag("--resume", batch_args.resume, "Complete an interrupted batch in --out");
  batch->add_option("--out", batch_args.out, "Output directory")->required()->check(directory);

  std::string compare_dir;
  auto* compare_cmd = app.add_subcommand("compare", "Statistics and the variant comparison of a batch");
  compare_cmd->add_option("DIR", compare_dir, "Output directory of 'ricochet batch'")->required()->check(directory);

  std::vector<std::string> merge_dirs;
  std::string merge_out;
  auto* merge = app.add_subcommand("merge", "Aggregate the shards of a batch as one batch");
  merge->add_option("DIR", merge_dirs, "Shard directories")->required()->check(directory);
  merge->add_option("--out", merge_out, "Output directory for the aggregate")->required()->check(directory);

  std::string analyze_file, analyze_variant, analyze_out;
  std::vector<std::string> analyze_from, analyze_targets, analyze_weights;
  auto* analyze = app.add_subcommand("analyze", "Static exposure: blast radius, single points of failure, minimum "
                                                "cuts, ranked segmentation changes (no simulation)");
  analyze->add_option("FILE", analyze_file, "Region or scenario YAML file")->required()->check(file);
  analyze->add_option("--variant", analyze_variant, "Analyse the region as changed by this variant")->check(id);
  analyze->add_option("--from", analyze_from, "Entry asset (default: every entry point); repeat for several");
  analyze->add_option("--target", analyze_targets, "Target asset for minimum cuts (default: every directory)");
  analyze->add_option("--weight", analyze_weights, "LINK=COST: cost of cutting or filtering a link (default 1)");
  analyze->add_option("--out", analyze_out, "Output directory (analysis.json, analysis.txt)")->required()
      ->check(directory);

  std::string why_dir, why_subject, why_at;
  auto* why = app.add_subcommand("why", "Explain a state from a run's journal: the chain of causes");
  why->add_option("DIR", why_dir, "Output directory of 'ricochet run'")->required()->check(directory);
  why->add_option("SUBJECT", why_subject, "Asset, organisation, care function, step, link... id")->required()
      ->check(id);
  why->add_option("--at", why_at, "Local date-time ('2026-10-18 05:00'), 'T+7h' or '7h' (default: the end)");

  GenerateArgs generate_args;
  auto* generate = app.add_subcommand("generate", "Write a synthetic region of any size (and a scenario on it), to "
                                                  "measure how cost grows with size");
  generate->add_option("--orgs", generate_args.spec.orgs, "Organisations (exactly)")->required()
      ->check(CLI::Range(scenario::MIN_GENERATED_ORGS, std::size_t{1000000}));
  generate->add_option("--seed", generate_args.spec.seed, "Random seed: same size and seed, same bytes")
      ->capture_default_str()->transform(cli::seed());
  generate->add_option("--assets-per-org", generate_args.spec.assets_per_org,
                       "Assets per organisation on average (business applications fill the gap)")
      ->capture_default_str();
  generate->add_option("--out", generate_args.out, "Region YAML file")->required()->check(file);
  generate->add_option("--scenario", generate_args.scenario, "Also write a scenario on the region to this file")
      ->check(file);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : EXIT_INPUT_ERROR;
  }

  try {
    if (*validate)
      return cmd_validate(validate_files);
    if (*describe)
      return cmd_describe(describe_file, describe_variant);
    if (*graph)
      return cmd_graph(graph_file, graph_format, graph_variant, graph_out);
    if (*run) {
      for (const auto& extra : run->remaining()) {
        check_engine_flag(extra);
        run_args.simgrid_flags.push_back(extra);
      }
      return cmd_run(run_args);
    }
    if (*why)
      return cmd_why(why_dir, why_subject, why_at);
    if (*msel) {
      if (!msel_import.empty())
        return cmd_msel_import(msel_import, msel_args.scenario, msel_lang);
      if (msel_args.out.empty())
        throw scenario::ScenarioError("error: msel needs --out FILE (or --import FILE to import a chronogramme)");
      return cmd_msel(msel_args, msel_lang);
    }
    if (*layer)
      return cmd_attack_layer(layer_dir, layer_out);
    if (*report)
      return cmd_report(report_dir, report_lang, report_compare, report_batch, report_out);
    if (*batch)
      return cmd_batch(batch_args);
    if (*analyze)
      return cmd_analyze(analyze_file, analyze_variant, analyze_from, analyze_targets, analyze_weights, analyze_out);
    if (*generate)
      return cmd_generate(generate_args);
    if (*compare_cmd) {
      io::write_batch_results({compare_dir}, compare_dir, true);
      return 0;
    }
    if (*merge) {
      io::write_batch_results(merge_dirs, merge_out, true);
      return 0;
    }
  } catch (const scenario::ScenarioError& e) {
    std::cerr << e.what() << '\n';
    return EXIT_INPUT_ERROR;
  } catch (const core::UserError& e) { // a place that cannot be written or read, an unusable TMPDIR
    std::cerr << e.what() << '\n';
    return EXIT_INPUT_ERROR;
  } catch (const std::exception& e) {
    std::cerr << "ricochet: internal error: " << e.what() << '\n';
    return EXIT_INTERNAL_ERROR;
  }
  return EXIT_INTERNAL_ERROR;
}
