#include "injects_reader.hpp"

#include <set>

#include <fmt/format.h>

#include "governance_reader.hpp"
#include "ricochet/core/local_time.hpp"
#include "ricochet/core/units.hpp"
#include "value_readers.hpp"

namespace ricochet::scenario::detail {
namespace {

std::optional<Text> read_text(const MapReader& r, std::string_view key, bool required)
{
  if (!r.has(key)) {
    if (required)
      r.require(key);
    return std::nullopt;
  }
  YAML::Node v = r.get(key);
  if (v.IsScalar())
    return Text{v.Scalar(), ""};
  MapReader t(r.context(), v, fmt::format("'{}' of {}", key, r.what()), {"fr", "en"});
  if (!t.is_map())
    return std::nullopt;
  Text text{t.string("fr").value_or(""), t.string("en").value_or("")};
  if (text.fr.empty() && text.en.empty()) {
    r.context().error(r.pos_of_value(key), fmt::format("'{}' of {} needs 'fr' or 'en'", key, r.what()));
    return std::nullopt;
  }
  return text;
}

std::optional<Inject> read_inject(const Context& ctx, const YAML::Node& n, bool conditional,
                                  const model::Region* region, const core::LocalClock* clock)
{
  MapReader r(ctx, n, conditional ? "conditional inject" : "inject",
              {"id", conditional ? "when" : "at", "delay", "phase", "channel", "from", "to", "stimulus", "expected",
               "deliverable", "note", "trigger", "cause"});
  if (!r.is_map())
    return std::nullopt;
  std::size_t errors = ctx.diags->error_count();
  Inject inj;
  inj.pos = r.pos();
  inj.id  = r.id().value_or("");
  if (conditional) {
    if (r.require("when"))
      inj.when = read_condition(ctx, r.get("when"), r.what(), region);
    inj.delay = read_distribution(r, "delay").value_or(core::Distribution::fixed(0));
  } else if (auto at = r.string("at", true)) {
    inj.at.kind = StepTime::Kind::AT;
    try {
      if (at->rfind("T+", 0) == 0) {
        inj.at.at_s = core::parse_duration(at->substr(2));
      } else {
        core::check_local_datetime(*at);
        inj.at.at_s = clock != nullptr ? clock->offset_of(*at) : 0;
        if (inj.at.at_s < 0)
          ctx.error(r.pos_of_value("at"), fmt::format("'at' of {} is before the scenario starts", r.what()));
      }
    } catch (const core::SkippedLocalTime& e) { // daylight saving: core's message suggests the real times
      ctx.error(r.pos_of_value("at"), fmt::format("'at' of {}: {}", r.what(), e.what()));
    } catch (const core::AboveBound& e) {
      ctx.error(r.pos_of_value("at"), fmt::format("'at' of {} must be 'T+' then {}, found '{}'", r.what(), e.what(),
                                                  *at));
    } catch (const std::invalid_argument&) {
      ctx.error(r.pos_of_value("at"), fmt::format("'at' of {} must be a time since the start ('T+90min') or a local "
                                                  "date-time ('2026-10-18 03:00'), found '{}'",
                                                  r.what(), *at));
    }
  }
  inj.phase       = r.string("phase").value_or("");
  inj.channel     = r.enumeration<Channel>("channel").value_or(Channel::PHONE);
  inj.sender      = r.string("from").value_or("");
  inj.recipient   = r.string("to", true).value_or("");
  inj.stimulus    = read_text(r, "stimulus", true).value_or(Text{});
  inj.expected    = read_text(r, "expected", false).value_or(Text{});
  inj.deliverable = r.string("deliverable").value_or("");
  inj.note        = r.string("note").value_or("");
  inj.trigger     = r.string("trigger").value_or("");
  inj.cause       = r.string("cause").value_or("");
  if (ctx.diags->error_count() > errors || inj.id.empty())
    return std::nullopt;
  return inj;
}

} // namespace

Injects read_injects(const Context& ctx, const YAML::Node& node, const model::Region* region,
                     const core::LocalClock* clock)
{
  Injects out;
  MapReader r(ctx, node, "injects", {"generated", "scripted", "conditional"});
  if (!r.is_map())
    return out;
  out.generated = r.boolean("generated").value_or(true);
  std::set<std::string> ids;
  auto add = [&](std::vector<Inject>& list, const YAML::Node& n, bool conditional) {
    if (auto inj = read_inject(ctx, n, conditional, region, clock)) {
      if (!ids.insert(inj->id).second)
        ctx.error(inj->pos, fmt::format("duplicate inject id '{}'", inj->id));
      else
        list.push_back(std::move(*inj));
    }
  };
  for_each_item(ctx, r.get("scripted"), "scripted", [&](const YAML::Node& n) { add(out.scripted, n, false); });
  for_each_item(ctx, r.get("conditional"), "conditional", [&](const YAML::Node& n) { add(out.conditional, n, true); });
  return out;
}

} // namespace ricochet::scenario::detail
