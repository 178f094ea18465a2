// ricochet: the command-line front end. Bad input -> exit 2 with file:line:col messages; bugs -> exit 1.
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "ricochet/core/atomic_file.hpp"
#include "ricochet/core/diagnostics.hpp"
#include "ricochet/core/suggest.hpp"
#include "ricochet/io/describe.hpp"
#include "ricochet/io/graph_export.hpp"
#include "ricochet/model/region_graph.hpp"
#include "ricochet/scenario/error.hpp"
#include "ricochet/scenario/loader.hpp"

namespace {

using namespace ricochet;

constexpr int EXIT_INPUT_ERROR    = 2;
constexpr int EXIT_INTERNAL_ERROR = 1;

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
    core::write_file_atomically(out, text);
  return 0;
}

} // namespace

int main(int argc, char** argv)
{
  CLI::App app{"ricochet: regional cyber-crisis exercise simulator for health territories", "ricochet"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "ricochet 0.1.0");

  std::vector<std::string> validate_files;
  auto* validate = app.add_subcommand("validate", "Check region and scenario files; exit 0 if all are valid, 2 if not");
  validate->add_option("FILE", validate_files, "Region or scenario YAML files")->required()->check(CLI::ExistingFile);

  std::string describe_file, describe_variant;
  auto* describe = app.add_subcommand("describe", "Summarise a region or scenario for people");
  describe->add_option("FILE", describe_file, "Region or scenario YAML file")->required();
  describe->add_option("--variant", describe_variant, "Describe the region as changed by this scenario variant");

  std::string graph_file, graph_format = "dot", graph_variant, graph_out;
  auto* graph = app.add_subcommand("graph", "Export the dependency/hosting/network graph (DOT or JSON)");
  graph->add_option("FILE", graph_file, "Region or scenario YAML file")->required();
  graph->add_option("--format", graph_format, "Output format")->check(CLI::IsMember({"dot", "json"}))
      ->capture_default_str();
  graph->add_option("--variant", graph_variant, "Apply this scenario variant first");
  graph->add_option("--out", graph_out, "Write to this file (atomically) instead of standard output");

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
  } catch (const scenario::ScenarioError& e) {
    std::cerr << e.what() << '\n';
    return EXIT_INPUT_ERROR;
  } catch (const std::exception& e) {
    std::cerr << "ricochet: internal error: " << e.what() << '\n';
    return EXIT_INTERNAL_ERROR;
  }
  return EXIT_INTERNAL_ERROR;
}
