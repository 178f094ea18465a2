#include "ricochet/scenario/loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <climits>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "ricochet/core/local_time.hpp"
#include "ricochet/core/units.hpp"
#include "ricochet/core/utf8.hpp"
#include "ricochet/scenario/error.hpp"
#include "attack_reader.hpp"
#include "defence_reader.hpp"
#include "governance_reader.hpp"
#include "injects_reader.hpp"
#include "region_reader.hpp"
#include "variant_reader.hpp"
#include "yaml_limits.hpp"
#include "yaml_reader.hpp"

namespace ricochet::scenario {
namespace {

using detail::Context;
using detail::MapReader;

constexpr double MAX_CARE_STEPS_STEP_S = 900;                                     // the default care step
constexpr double MAX_CARE_STEPS        = 365 * 86400.0 / MAX_CARE_STEPS_STEP_S; // 35 040

/** Where the second document of a YAML text starts (its '---'), read from the parser's events. */
class SecondDocument : public YAML::EventHandler {
public:
  static core::SourcePos find(const std::string& text)
  {
    std::istringstream in(text);
    YAML::Parser parser(in);
    SecondDocument handler;
    while (handler.documents_ < 2 && parser.HandleNextDocument(handler)) {
    }
    return handler.pos_;
  }
  void OnDocumentStart(const YAML::Mark& mark) override
  {
    if (++documents_ == 2)
      pos_ = {mark.line + 1, mark.column + 1};
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

private:
  int documents_ = 0;
  core::SourcePos pos_;
};

/** Text that is not UTF-8 is refused at its first bad byte: every output (JSON, CSV, HTML) relies on it. Columns
 *  count bytes, as yaml-cpp's positions do. */
bool check_utf8(const std::string& text, const Context& ctx)
{
  std::size_t bad = core::utf8_valid_prefix(text);
  if (bad == text.size())
    return true;
  std::size_t line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
  line_start             = line_start == std::string::npos || bad == 0 ? 0 : line_start + 1;
  auto line              = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
  ctx.error({line + 1, static_cast<int>(bad - line_start) + 1},
            fmt::format("the file is not UTF-8 text here (byte 0x{:02X}); save it as UTF-8",
                        static_cast<unsigned char>(text[bad])));
  return false;
}

/** Parses YAML text; a syntax error, text that is not UTF-8, a second document, or a file past the limits of
 *  yaml_limits.hpp, becomes a diagnostic and std::nullopt. */
std::optional<YAML::Node> parse_yaml(const std::string& text, const Context& ctx)
{
  if (!check_utf8(text, ctx))
    return std::nullopt;
  detail::AliasUses aliases;
  if (!detail::check_nesting(text, ctx, aliases))
    return std::nullopt;
  try {
    // All the documents are read: what follows a '---' was ignored, silently, and its syntax errors with it.
    std::vector<YAML::Node> documents = YAML::LoadAll(text);
    if (documents.size() > 1) {
      ctx.error(SecondDocument::find(text), "a region or scenario file holds one YAML document; found a second one "
                                            "here (remove this '---' and what follows, or merge it into the first)");
      return std::nullopt;
    }
    YAML::Node root = documents.empty() ? YAML::Node() : documents.front();
    if (!root.IsDefined() || root.IsNull()) {
      ctx.error({}, "the file is empty (expected a region or a scenario)");
      return std::nullopt;
    }
    if (!detail::check_aliases(root, text.size(), aliases, ctx))
      return std::nullopt;
    return root;
  } catch (const YAML::DeepRecursion& e) { // yaml-cpp's own guard, for nesting the scan above did not see
    ctx.error({e.mark.line + 1, e.mark.column + 1},
              fmt::format("lists and mappings are nested too deep here (yaml-cpp stops at {} levels); at most {} "
                          "levels are read",
                          e.depth(), detail::MAX_NESTING));
  } catch (const YAML::ParserException& e) {
    ctx.error({e.mark.line + 1, e.mark.column + 1}, "YAML syntax: " + e.msg);
  } catch (const YAML::Exception& e) {
    ctx.error({e.mark.line + 1, e.mark.column + 1}, std::string("YAML: ") + e.msg);
  }
  return std::nullopt;
}

std::optional<std::string> read_text(const std::string& path, std::string& why)
{
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    why = "is a directory";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  // Read at most one byte past the limit: a huge file (or an endless one, /dev/zero) is refused, not loaded.
  std::string text;
  std::vector<char> chunk(1 << 20);
  while (in && text.size() <= detail::MAX_FILE_BYTES) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (text.size() > detail::MAX_FILE_BYTES) {
    why = fmt::format("it is larger than {} MiB, the most a region or scenario file may hold",
                      detail::MAX_FILE_BYTES >> 20);
    return std::nullopt;
  }
  return text;
}

std::optional<model::Region> load_region_at(const std::string& path, core::Diagnostics& diags, const Context* from,
                                            core::SourcePos from_pos)
{
  std::string why;
  auto text = read_text(path, why);
  if (!text) {
    if (from != nullptr)
      from->error(from_pos, fmt::format("cannot read region file '{}': {}", path, why));
    else
      diags.error(path, {}, fmt::format("cannot read file: {}", why));
    return std::nullopt;
  }
  return load_region_text(*text, path, diags);
}

std::optional<Scenario> read_scenario(const Context& ctx, const YAML::Node& root, core::Diagnostics& diags)
{
  // Counted before the top-level keys are checked: an unknown one is an error too (found by fuzzing: the scenario
  // loaded, and ran, although its misspelt key was reported).
  std::size_t errors_before = diags.error_count();
  MapReader r(ctx, root, "scenario",
              {"name", "description", "region", "start", "timezone", "duration", "seed", "variants", "attack", "defence", "care", "governance", "injects"});
  if (!r.is_map())
    return std::nullopt;
  Scenario s;
  s.file        = ctx.file;
  s.name        = r.string("name").value_or("");
  s.description = r.string("description").value_or("");
  s.timezone    = r.string("timezone").value_or(s.timezone);
  s.duration_s  = r.duration("duration").value_or(7 * 86400.0);
  if (r.has("duration") && s.duration_s <= 0)
    ctx.error(r.pos_of_value("duration"), "'duration' of scenario must be positive");
  s.seed = static_cast<std::uint64_t>(r.integer("seed", 0, LONG_MAX).value_or(1));
  std::optional<core::LocalClock> clock;
  bool zone_ok = core::is_known_timezone(s.timezone);
  if (!zone_ok)
    ctx.error(r.pos_of_value("timezone"), fmt::format("'timezone' of scenario must be an IANA time zone such as "
                                                      "'Europe/Paris', found '{}'{}",
                                                      s.timezone, core::timezone_hint(s.timezone)));
  if (auto start = r.string("start", true)) {
    s.start_local = *start;
    try {
      core::check_local_datetime(s.start_local);
      if (zone_ok)
        clock.emplace(s.timezone, s.start_local);
    } catch (const std::invalid_argument& e) {
      ctx.error(r.pos_of_value("start"), fmt::format("'start' of scenario: {}", e.what()));
    }
  }
  std::optional<model::Region> region;
  if (auto region_path = r.string("region", true)) {
    std::filesystem::path base = std::filesystem::path(ctx.file).parent_path();
    s.region_file              = (base / *region_path).lexically_normal().string();
    region                     = load_region_at(s.region_file, diags, &ctx, r.pos_of_value("region"));
  }
  const model::Region* region_ptr = region ? &*region : nullptr;
  if (r.has("governance"))
    s.governance = detail::read_governance(ctx, r.get("governance"), region_ptr);
  std::vector<std::string> rule_ids;
  for (const auto& rule : s.governance.rules)
    rule_ids.push_back(rule.id);
  s.variants = detail::read_variants(ctx, r.get("variants"), region_ptr, rule_ids);
  if (r.has("attack"))
    s.attack = detail::read_attack(ctx, r.get("attack"), region_ptr, clock ? &*clock : nullptr);
  if (r.has("care")) {
    MapReader care(ctx, r.get("care"), "'care' of scenario", {"step", "diversion_radius"});
    if (auto step = care.duration("step")) {
      if (*step < 60 || *step > 86400)
        ctx.error(care.pos_of_value("step"), "'step' of 'care' must be between 1min and 1d");
      else
        s.care.step_s = *step;
    }
    if (auto radius = care.distance_km("diversion_radius"))
      s.care.radius_km = *radius;
  }
  // Patients are accounted per step and function, all kept for care.csv: a year at 1-min steps on a large region
  // would need tens of gigabytes. A year at the default step is the most a run accounts.
  if (double steps = std::ceil(s.duration_s / s.care.step_s - 1e-9); steps > MAX_CARE_STEPS)
    ctx.error(r.pos_of_value("duration"),
              fmt::format("'duration' of scenario makes {:.0f} care steps of {}; at most {:.0f} are accounted (a year "
                          "of {} steps): lengthen 'step' of 'care' to at least {} or shorten the scenario",
                          steps, core::format_duration(s.care.step_s), MAX_CARE_STEPS,
                          core::format_duration(MAX_CARE_STEPS_STEP_S),
                          core::format_duration(std::ceil(s.duration_s / MAX_CARE_STEPS / 60) * 60)));
  if (r.has("injects"))
    s.injects = detail::read_injects(ctx, r.get("injects"), region_ptr, clock ? &*clock : nullptr);
  if (r.has("defence"))
    s.defence = detail::read_defence(ctx, r.get("defence"), region_ptr, s.attack ? &*s.attack : nullptr);
  // What is timed at or after the end never happens: say so rather than drop it silently.
  auto too_late = [&](const StepTime& at, core::SourcePos pos, const std::string& what) {
    if (at.kind == StepTime::Kind::AT && at.at_s >= s.duration_s)
      ctx.warning(pos, fmt::format("{} is timed at or after the end of the scenario ({}): it will not happen", what,
                                   core::format_duration(s.duration_s)));
  };
  if (s.attack)
    for (const auto& step : s.attack->steps)
      too_late(step.at, step.pos, "step '" + step.id + "'");
  for (const auto& inject : s.injects.scripted)
    too_late(inject.at, inject.pos, "inject '" + inject.id + "'");
  if (diags.error_count() > errors_before || !region)
    return std::nullopt;
  s.region = std::move(*region);
  return s;
}

} // namespace

std::optional<model::Region> load_region_text(const std::string& text, const std::string& file,
                                              core::Diagnostics& diags)
{
  Context ctx{file, &diags};
  auto root = parse_yaml(text, ctx);
  if (!root)
    return std::nullopt;
  return detail::read_region(ctx, *root);
}

std::optional<LoadedFile> load_file(const std::string& path, core::Diagnostics& diags)
{
  Context ctx{path, &diags};
  std::string why;
  auto text = read_text(path, why);
  if (!text) {
    diags.error(path, {}, "cannot read file: " + why);
    return std::nullopt;
  }
  auto root = parse_yaml(*text, ctx);
  if (!root)
    return std::nullopt;
  LoadedFile out;
  if (root->IsMap() && root->operator[]("region").IsDefined()) {
    out.scenario = read_scenario(ctx, *root, diags);
    if (!out.scenario)
      return std::nullopt;
  } else if (root->IsMap() && root->operator[]("organisations").IsDefined()) {
    out.region = detail::read_region(ctx, *root);
    if (!out.region)
      return std::nullopt;
  } else {
    ctx.error(detail::pos_of(*root), "not a ricochet file: expected a scenario (with a 'region' key) or a region "
                                     "(with an 'organisations' key)");
    return std::nullopt;
  }
  return out;
}

Scenario load_scenario(const std::string& path)
{
  core::Diagnostics diags;
  auto loaded = load_file(path, diags);
  if (!loaded)
    throw ScenarioError::from(diags);
  if (!loaded->scenario)
    throw ScenarioError(path + ": error: this is a region file; a scenario (with a 'region' key) is expected here");
  return std::move(*loaded->scenario);
}

model::Region load_region(const std::string& path)
{
  core::Diagnostics diags;
  auto region = load_region_at(path, diags, nullptr, {});
  if (!region)
    throw ScenarioError::from(diags);
  return std::move(*region);
}

} // namespace ricochet::scenario
