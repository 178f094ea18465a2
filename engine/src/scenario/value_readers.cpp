#include "value_readers.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include <fmt/format.h>

#include "ricochet/core/suggest.hpp"

namespace ricochet::scenario::detail {

using core::Distribution;

std::optional<Distribution> read_distribution(const MapReader& r, std::string_view key)
{
  if (!r.has(key))
    return std::nullopt;
  YAML::Node v = r.get(key);
  if (!v.IsMap()) {
    auto fixed = r.duration(key);
    return fixed ? std::optional<Distribution>(Distribution::fixed(*fixed)) : std::nullopt;
  }
  const Context& ctx = r.context();
  std::string what   = fmt::format("'{}' of {}", key, r.what());
  MapReader d(ctx, v, what, {"dist", "value", "mean", "median", "sigma", "min", "max", "mode"});
  auto dist = d.string("dist", true);
  if (!dist)
    return std::nullopt;
  static const std::vector<std::string> kinds{"fixed", "exponential", "lognormal", "uniform", "triangular"};
  std::map<std::string, std::set<std::string>> params{{"fixed", {"value"}},
                                                      {"exponential", {"mean"}},
                                                      {"lognormal", {"median", "sigma"}},
                                                      {"uniform", {"min", "max"}},
                                                      {"triangular", {"min", "mode", "max"}}};
  auto it = params.find(*dist);
  if (it == params.end()) {
    ctx.error(d.pos_of_value("dist"), fmt::format("unknown value '{}' for 'dist' in {}{} (allowed: {})", *dist, what,
                                                  core::did_you_mean(*dist, kinds), core::join(kinds)));
    return std::nullopt;
  }
  bool ok = true;
  for (const char* p : {"value", "mean", "median", "sigma", "min", "max", "mode"}) {
    bool wanted = it->second.count(p) != 0;
    if (d.has(p) && !wanted) {
      ctx.error(d.pos_of_value(p), fmt::format("'{}' does not apply to dist '{}' (it takes: {})", p, *dist,
                                               core::join(std::vector<std::string>(it->second.begin(), it->second.end()))));
      ok = false;
    }
  }
  Distribution out;
  auto need = [&](const char* p) {
    auto x = d.duration(p, true);
    ok     = ok && x.has_value();
    return x.value_or(0);
  };
  if (*dist == "fixed") {
    out = Distribution::fixed(need("value"));
  } else if (*dist == "exponential") {
    out = {Distribution::Kind::EXPONENTIAL, need("mean"), 0, 0};
  } else if (*dist == "lognormal") {
    double median = need("median");
    auto sigma    = d.number("sigma", 0, 10, true);
    ok            = ok && sigma.has_value();
    out           = {Distribution::Kind::LOGNORMAL, median, sigma.value_or(0), 0};
  } else if (*dist == "uniform") {
    double lo = need("min"), hi = need("max");
    if (ok && lo > hi) {
      ctx.error(d.pos(), fmt::format("{}: 'min' is greater than 'max'", what));
      ok = false;
    }
    out = {Distribution::Kind::UNIFORM, lo, hi, 0};
  } else {
    double lo = need("min"), mode = need("mode"), hi = need("max");
    if (ok && !(lo <= mode && mode <= hi)) {
      ctx.error(d.pos(), fmt::format("{}: expected min <= mode <= max", what));
      ok = false;
    }
    out = {Distribution::Kind::TRIANGULAR, lo, hi, mode};
  }
  return ok ? std::optional<Distribution>(out) : std::nullopt;
}

std::optional<TargetSelector> read_selector(const Context& ctx, const YAML::Node& node, const std::string& what,
                                            const model::Region* region, bool allow_domain_only)
{
  TargetSelector s;
  if (node.IsScalar()) { // shorthand: one asset id
    s.assets.push_back(node.Scalar());
    if (region != nullptr && region->find_asset(node.Scalar()) == nullptr) {
      ctx.error(pos_of(node), fmt::format("unknown asset '{}' in {}{}", node.Scalar(), what,
                                          core::closest_known(node.Scalar(), region->asset_ids())));
      return std::nullopt;
    }
    return s;
  }
  MapReader r(ctx, node, what, {"asset", "assets", "org", "zone", "kind", "domain"});
  if (!r.is_map())
    return std::nullopt;
  bool ok = true;
  // The known ids (for "did you mean") are listed only for an error: on a national region, listing them for every
  // reference was most of the loading.
  using Ids  = std::vector<std::string> (model::Region::*)() const;
  auto check = [&](const Located& id, const char* kind, bool exists, Ids known) {
    if (region != nullptr && !exists) {
      ctx.error(id.pos, fmt::format("unknown {} '{}' in {}{}", kind, id.value, what,
                                    core::closest_known(id.value, (region->*known)())));
      ok = false;
    }
  };
  if (r.has("asset") && r.has("assets")) {
    ctx.error(r.pos(), "give either 'asset' or 'assets' in " + what + ", not both");
    ok = false;
  }
  if (auto a = r.located_id("asset")) {
    s.assets.push_back(a->value);
    check(*a, "asset", region == nullptr || region->find_asset(a->value) != nullptr,
          &model::Region::asset_ids);
  }
  if (auto list = r.id_list("assets")) {
    for (const auto& a : *list) {
      s.assets.push_back(a.value);
      check(a, "asset", region == nullptr || region->find_asset(a.value) != nullptr,
            &model::Region::asset_ids);
    }
  }
  if (auto o = r.located_id("org")) {
    s.org = o->value;
    check(*o, "organisation", region == nullptr || region->find_organisation(o->value) != nullptr,
          &model::Region::organisation_ids);
  }
  if (auto z = r.located_id("zone")) {
    s.zone = z->value;
    check(*z, "zone", region == nullptr || region->find_zone(z->value) != nullptr,
          &model::Region::zone_ids);
  }
  if (auto d = r.located_id("domain")) {
    s.domain = d->value;
    check(*d, "domain", region == nullptr || region->find_domain(d->value) != nullptr,
          &model::Region::domain_ids);
  }
  s.kind = r.enumeration<model::AssetKind>("kind");
  if (!ok)
    return std::nullopt;
  if (s.empty()) {
    ctx.error(r.pos(), "empty selector in " + what + " (give asset, assets, org, zone, kind or domain)");
    return std::nullopt;
  }
  bool domain_only = !s.domain.empty() && s.assets.empty() && s.org.empty() && s.zone.empty() && !s.kind;
  if (region != nullptr && !(allow_domain_only && domain_only) && select_targets(*region, s).empty()) {
    ctx.error(r.pos(), what + " selects no asset");
    return std::nullopt;
  }
  return s;
}

std::optional<int> parse_time_of_day(const std::string& text)
{
  int h = 0, m = 0;
  char extra = 0;
  if (text.size() != 5 || std::sscanf(text.c_str(), "%2d:%2d%c", &h, &m, &extra) != 2 || h > 23 || m > 59 || h < 0 ||
      m < 0)
    return std::nullopt;
  return h * 60 + m;
}

} // namespace ricochet::scenario::detail
