#pragma once
// Checked access to YAML maps: unknown and duplicate keys, types, units, ranges and enums are reported with
// positions into the load's Diagnostics, and a value that fails its check reads as std::nullopt.
// Internal to the scenario loader: the only place (with the readers) that sees yaml-cpp.
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "ricochet/core/diagnostics.hpp"
#include "ricochet/core/enum_names.hpp"
#include "ricochet/core/suggest.hpp"
#include "ricochet/model/enums.hpp"
#include "ricochet/scenario/loader.hpp"

namespace ricochet::scenario::detail {

using core::SourcePos;

/** The file being read and where its problems go. */
struct Context {
  std::string file;
  core::Diagnostics* diags;

  void error(SourcePos pos, std::string message) const { diags->error(file, pos, std::move(message)); }
  void warning(SourcePos pos, std::string message) const { diags->warning(file, pos, std::move(message)); }
};

/** 1-based position of a node (yaml-cpp marks are 0-based). */
SourcePos pos_of(const YAML::Node& node);

/** "a mapping", "a sequence", "nothing" or "'text'": what was found, for messages. */
std::string describe_found(const YAML::Node& node);

/** A scalar that is a finite number ("12", "0.5", "1e3"), or std::nullopt (not a scalar, not a number, inf, nan,
 *  1e400). */
std::optional<double> finite_number(const YAML::Node& node);

/** A string with its position, e.g. a reference to check once everything is read. */
struct Located {
  std::string value;
  SourcePos pos;
};

/** Reads one YAML mapping whose allowed keys are known. */
class MapReader {
public:
  /** Reports a non-mapping node, unknown keys (with "did you mean") and duplicate keys.
   *  label names the thing for messages ("asset"); an `id` key, if present, is appended ("asset 'dpi'"). */
  MapReader(const Context& ctx, const YAML::Node& node, std::string label, std::initializer_list<std::string_view> allowed);

  [[nodiscard]] bool is_map() const noexcept { return is_map_; }
  [[nodiscard]] const Context& context() const noexcept { return ctx_; }
  [[nodiscard]] const std::string& what() const noexcept { return what_; }
  [[nodiscard]] SourcePos pos() const { return pos_of(node_); }
  [[nodiscard]] bool has(std::string_view key) const;
  /** The value node, or an invalid node if absent. */
  [[nodiscard]] YAML::Node get(std::string_view key) const;
  /** Position of a key's value, or of the mapping if absent. */
  [[nodiscard]] SourcePos pos_of_value(std::string_view key) const;
  /** Reports "missing required key" if key is absent; returns whether it is present. */
  bool require(std::string_view key) const;

  std::optional<std::string> string(std::string_view key, bool required = false) const;
  /** An identifier: letters, digits, '_', '-', '.'; must not be empty. */
  std::optional<std::string> id(std::string_view key = "id", bool required = true) const;
  std::optional<Located> located_id(std::string_view key, bool required = false) const;
  std::optional<double> number(std::string_view key, double min, double max, bool required = false) const;
  std::optional<long> integer(std::string_view key, long min, long max, bool required = false) const;
  std::optional<bool> boolean(std::string_view key, bool required = false) const;
  std::optional<double> duration(std::string_view key, bool required = false) const;
  std::optional<double> size(std::string_view key, bool required = false) const;
  std::optional<double> bandwidth(std::string_view key, bool required = false) const;
  std::optional<double> rate(std::string_view key, bool required = false) const;
  std::optional<double> distance_km(std::string_view key, bool required = false) const;
  /** A list of identifiers (a single scalar is not accepted: lists are always written as lists). */
  std::optional<std::vector<Located>> id_list(std::string_view key, bool required = false) const;

  template <typename E> std::optional<E> enumeration(std::string_view key, bool required = false) const
  {
    auto text = scalar(key, required, "one of: " + core::join(core::enum_names<E>()));
    if (!text)
      return std::nullopt;
    if (auto v = core::enum_from_name<E>(*text))
      return v;
    report_bad_enum(key, *text, core::enum_names<E>());
    return std::nullopt;
  }

  template <typename E> std::optional<model::EnumSet<E>> enum_set(std::string_view key, bool required = false) const
  {
    auto items = id_list(key, required);
    if (!items)
      return std::nullopt;
    model::EnumSet<E> set;
    bool ok = true;
    for (const auto& item : *items) {
      if (auto v = core::enum_from_name<E>(item.value))
        set.add(*v);
      else {
        report_bad_enum_at(key, item, core::enum_names<E>());
        ok = false;
      }
    }
    return ok ? std::optional<model::EnumSet<E>>(set) : std::nullopt;
  }

private:
  std::optional<std::string> scalar(std::string_view key, bool required, const std::string& expected) const;
  std::optional<double> with_unit(std::string_view key, bool required, double (*parse)(std::string_view),
                                  const char* example) const;
  void report_bad_enum(std::string_view key, const std::string& value, const std::vector<std::string>& allowed) const;
  void report_bad_enum_at(std::string_view key, const Located& value, const std::vector<std::string>& allowed) const;

  const Context& ctx_;
  YAML::Node node_;
  bool is_map_ = false;
  std::string what_;
  std::map<std::string, YAML::Node, std::less<>> values_;
};

/** Calls fn(item) for each element of a sequence; reports a non-sequence value. */
template <typename Fn> void for_each_item(const Context& ctx, const YAML::Node& node, std::string_view what, Fn&& fn)
{
  if (!node || node.IsNull())
    return;
  if (!node.IsSequence()) {
    ctx.error(pos_of(node), "'" + std::string(what) + "' must be a list, found " + describe_found(node));
    return;
  }
  for (const auto& item : node)
    fn(item);
}

using scenario::is_identifier; // the id grammar (ricochet/scenario/loader.hpp)

} // namespace ricochet::scenario::detail
