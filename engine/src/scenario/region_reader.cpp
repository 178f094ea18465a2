#include "region_reader.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include <fmt/format.h>

#include "region_checks.hpp"

namespace ricochet::scenario::detail {
namespace {

using namespace ricochet::model;

constexpr double MAX_PROFILE_MULTIPLIER = 24; // a whole day's demand in one hour

class RegionReader {
public:
  explicit RegionReader(const Context& ctx) : ctx_(ctx) {}

  std::optional<Region> read(const YAML::Node& root)
  {
    std::size_t errors_before = ctx_.diags->error_count();
    MapReader top(ctx_, root, "region", {"name", "description", "organisations", "links", "identity"});
    if (!top.is_map())
      return std::nullopt;
    region_.name        = top.string("name").value_or("");
    region_.description = top.string("description").value_or("");
    if (top.require("organisations"))
      for_each_item(ctx_, top.get("organisations"), "organisations", [this](const YAML::Node& n) { read_org(n); });
    for_each_item(ctx_, top.get("links"), "links", [this](const YAML::Node& n) { read_link(n); });
    if (top.has("identity"))
      read_identity(top.get("identity"));
    region_.reindex();
    RegionChecker checker(ctx_, region_, refs_, data_given_);
    checker.run();
    if (ctx_.diags->error_count() > errors_before)
      return std::nullopt;
    return std::move(region_);
  }

private:
  void check_unique(std::map<std::string, SourcePos>& seen, const std::string& id, SourcePos pos,
                                          const char* what)
  {
    auto [it, inserted] = seen.emplace(id, pos);
    if (!inserted)
      ctx_.error(pos, fmt::format("duplicate {} id '{}' (first defined at line {})", what, id, it->second.line));
  }

  void ref(RefKind kind, const std::optional<Located>& target, std::string context)
  {
    if (target)
      refs_.push_back({kind, target->value, target->pos, std::move(context)});
  }

  void read_org(const YAML::Node& n)
  {
    MapReader r(ctx_, n, "organisation",
                {"id", "name", "kind", "role", "ght", "location", "continuity", "beds", "patients_per_day", "domain",
                 "controls", "zones", "assets", "care_functions"});
    if (!r.is_map())
      return;
    Organisation org;
    org.pos  = r.pos();
    org.id   = r.id().value_or("");
    org.name = r.string("name").value_or(org.id);
    if (auto k = r.enumeration<OrgKind>("kind", true))
      org.kind = *k;
    org.role       = r.enumeration<OrgRole>("role").value_or(OrgRole::NONE);
    org.ght        = r.id("ght", false).value_or("");
    org.continuity = r.enumeration<Continuity>("continuity").value_or(Continuity::NONE);
    if (auto beds = r.integer("beds", 0, 100000))
      org.beds = *beds;
    if (auto ppd = r.number("patients_per_day", 0, 1e7))
      org.patients_per_day = *ppd;
    if (r.has("location")) {
      MapReader loc(ctx_, r.get("location"), "location of " + r.what(), {"lat", "lon"});
      auto lat = loc.number("lat", -90, 90, true);
      auto lon = loc.number("lon", -180, 180, true);
      if (lat && lon)
        org.location = Location{*lat, *lon};
    }
    auto domain = r.located_id("domain");
    ref(RefKind::DOMAIN, domain, "'domain' of " + r.what());
    if (domain)
      org.domain = domain->value;
    ControlSet org_controls = r.enum_set<Control>("controls").value_or(ControlSet{});
    if (org.id.empty())
      return;
    check_unique(orgs_seen_, org.id, org.pos, "organisation");

    // Zones: a plain list of names; an organisation that declares none has one zone, 'lan'.
    std::map<std::string, SourcePos> zones_seen;
    if (r.has("zones")) {
      for_each_item(ctx_, r.get("zones"), "zones", [&](const YAML::Node& z) {
        std::string name;
        SourcePos zpos = pos_of(z);
        if (z.IsScalar()) {
          name = z.Scalar();
        } else {
          MapReader zr(ctx_, z, "zone of " + r.what(), {"id", "description"});
          name = zr.id().value_or("");
        }
        if (!is_identifier(name)) {
          if (z.IsScalar())
            ctx_.error(zpos, "zone names of " + r.what() + " must be identifiers, found '" + name + "'");
          return;
        }
        auto [it, inserted] = zones_seen.emplace(name, zpos);
        if (!inserted) {
          ctx_.error(zpos, fmt::format("duplicate zone '{}' in {} (first defined at line {})", name, r.what(),
                                       it->second.line));
          return;
        }
        region_.zones.push_back({org.id + "/" + name, name, org.id, zpos});
        org.zones.push_back(org.id + "/" + name);
      });
    }
    if (org.zones.empty()) {
      region_.zones.push_back({org.id + "/lan", "lan", org.id, org.pos});
      org.zones.push_back(org.id + "/lan");
    }
    for_each_item(ctx_, r.get("assets"), "assets",
                  [&](const YAML::Node& a) { read_asset(a, org, org_controls, r.has("controls")); });
    for_each_item(ctx_, r.get("care_functions"), "care_functions", [&](const YAML::Node& c) { read_care(c, org); });
    region_.organisations.push_back(std::move(org));
  }

  void read_asset(const YAML::Node& n, const Organisation& org, ControlSet org_controls, bool org_has_controls)
  {
    MapReader r(ctx_, n, "asset",
                {"id", "name", "kind", "zone", "domain", "data", "count", "bandwidth", "controls", "rto", "runs_on",
                 "depends_on", "mode", "protects"});
    if (!r.is_map())
      return;
    Asset a;
    a.pos  = r.pos();
    a.org  = org.id;
    a.id   = r.id().value_or("");
    a.name = r.string("name").value_or(a.id);
    auto kind = r.enumeration<AssetKind>("kind", true);
    if (kind)
      a.kind = *kind;
    if (auto zone = r.located_id("zone")) {
      a.zone = zone->value.find('/') == std::string::npos ? org.id + "/" + zone->value : zone->value;
      refs_.push_back({RefKind::ZONE, a.zone, zone->pos, "'zone' of " + r.what()});
    }
    if (auto domain = r.located_id("domain")) {
      a.domain = domain->value;
      ref(RefKind::DOMAIN, domain, "'domain' of " + r.what());
    } else {
      a.domain = org.domain; // checked where the organisation names it
    }
    bool data_given = false;
    if (auto data = r.size("data")) {
      a.data_bytes = *data;
      data_given   = true;
    }
    if (r.has("count") && kind && *kind != AssetKind::WORKSTATIONS)
      ctx_.error(r.pos_of_value("count"), "'count' is only for workstation pools, and " + r.what() + " is of kind '" +
                                              std::string(core::enum_name(*kind)) + "'");
    a.count = r.integer("count", 1, 1000000).value_or(1);
    if (auto bw = r.bandwidth("bandwidth")) {
      if (*bw <= 0)
        ctx_.error(r.pos_of_value("bandwidth"), "'bandwidth' of " + r.what() + " must be positive");
      a.bandwidth_Bps = *bw;
    }
    if (r.has("controls"))
      a.controls = r.enum_set<Control>("controls").value_or(ControlSet{});
    else if (org_has_controls)
      a.controls = org_controls;
    a.rto_s = r.duration("rto");
    if (auto host = r.located_id("runs_on")) {
      a.runs_on = host->value;
      ref(RefKind::ASSET, host, "'runs_on' of " + r.what());
    }
    for_each_item(ctx_, r.get("depends_on"), "depends_on", [&](const YAML::Node& d) { read_dependency(d, a, r.what()); });
    bool is_backup = kind && *kind == AssetKind::BACKUP;
    if (is_backup) {
      BackupSpec spec;
      spec.mode = r.enumeration<BackupMode>("mode", true).value_or(BackupMode::ONLINE);
      if (auto protects = r.id_list("protects", true)) {
        if (protects->empty())
          ctx_.error(r.pos_of_value("protects"), "'protects' of " + r.what() + " must name at least one asset");
        for (const auto& p : *protects) {
          spec.protects.push_back(p.value);
          refs_.push_back({RefKind::ASSET, p.value, p.pos, "'protects' of " + r.what()});
        }
      }
      a.backup = spec;
    } else if (kind) {
      for (const char* key : {"mode", "protects"})
        if (r.has(key))
          ctx_.error(r.pos_of_value(key), fmt::format("'{}' is only for backup assets, and {} is of kind '{}'", key, r.what(),
                                                      core::enum_name(*kind)));
    }
    if (a.id.empty())
      return;
    check_unique(assets_seen_, a.id, a.pos, "asset");
    if (data_given)
      data_given_.insert(a.id);
    region_.assets.push_back(std::move(a));
  }

  void read_dependency(const YAML::Node& n, Asset& a, const std::string& what)
  {
    Dependency dep;
    dep.pos = pos_of(n);
    std::string context = "'depends_on' of " + what;
    if (n.IsScalar()) {
      if (!is_identifier(n.Scalar())) {
        ctx_.error(dep.pos, "items of " + context + " must be asset ids or mappings, found '" + n.Scalar() + "'");
        return;
      }
      dep.target = n.Scalar();
      refs_.push_back({RefKind::ASSET, dep.target, dep.pos, context});
      a.depends_on.push_back(dep);
      return;
    }
    MapReader r(ctx_, n, "dependency of " + what, {"asset", "type", "buffer"});
    if (!r.is_map())
      return;
    auto target = r.located_id("asset", true);
    if (auto type = r.string("type")) {
      if (*type == "soft")
        dep.hard = false;
      else if (*type != "hard")
        ctx_.error(r.pos_of_value("type"), "unknown type '" + *type + "' in dependency of " + what +
                                               core::did_you_mean(*type, {"hard", "soft"}) + " (allowed: hard, soft)");
    }
    dep.buffer_s = r.duration("buffer").value_or(0);
    if (!target)
      return;
    dep.target = target->value;
    refs_.push_back({RefKind::ASSET, dep.target, target->pos, context});
    a.depends_on.push_back(dep);
  }

  void read_care(const YAML::Node& n, const Organisation& org)
  {
    MapReader r(ctx_, n, "care function of organisation '" + org.id + "'",
                {"id", "kind", "needs", "uses", "demand", "profile", "capacity", "floor", "degraded", "ramp_up",
                 "fatigue", "time_critical", "stay", "overflow"});
    if (!r.is_map())
      return;
    CareFunction c;
    c.pos = r.pos();
    c.org = org.id;
    auto kind = r.enumeration<CareKind>("kind", true);
    if (kind)
      c.kind = *kind;
    c.name = r.has("id") ? r.id().value_or("") : (kind ? std::string(core::enum_name(*kind)) : "");
    const std::string what = "care function '" + org.id + "/" + c.name + "'";
    // needs and uses: asset ids, or {asset, buffer} when the function copes for a while without it
    auto read_assets = [&](const char* key, std::vector<std::string>& ids, std::vector<double>& buffers) {
      for_each_item(ctx_, r.get(key), key, [&](const YAML::Node& item) {
        std::optional<Located> target;
        double buffer = 0;
        if (item.IsScalar()) {
          if (is_identifier(item.Scalar()))
            target = Located{item.Scalar(), pos_of(item)};
          else
            ctx_.error(pos_of(item), fmt::format("items of '{}' of {} must be asset ids or {{asset, buffer}}, found "
                                                 "'{}'",
                                                 key, what, item.Scalar()));
        } else {
          MapReader entry(ctx_, item, fmt::format("'{}' item of {}", key, what), {"asset", "buffer"});
          target = entry.located_id("asset", true);
          buffer = entry.duration("buffer").value_or(0);
        }
        if (!target)
          return;
        ids.push_back(target->value);
        buffers.push_back(buffer);
        refs_.push_back({RefKind::ASSET, target->value, target->pos, fmt::format("'{}' of {}", key, what)});
      });
    };
    read_assets("needs", c.needs, c.need_buffer_s);
    read_assets("uses", c.uses, c.use_buffer_s);
    read_care_profile(r, c.profile);
    if (c.name.empty())
      return;
    c.id = org.id + "/" + c.name;
    auto [it, inserted] = care_seen_.emplace(c.id, c.pos);
    if (!inserted) {
      ctx_.error(c.pos, fmt::format("duplicate care function '{}' in organisation '{}' (first defined at line {}); "
                                    "give each an 'id'",
                                    c.name, org.id, it->second.line));
      return;
    }
    region_.care_functions.push_back(std::move(c));
  }

  void read_care_profile(const MapReader& r, CareProfile& p)
  {
    if (auto demand = r.rate("demand"))
      p.demand_per_h = *demand * 3600.0;
    if (auto capacity = r.rate("capacity"))
      p.capacity_per_h = *capacity * 3600.0;
    if (r.has("profile")) {
      YAML::Node list = r.get("profile");
      if (!list.IsSequence() || list.size() != 24) {
        ctx_.error(r.pos_of_value("profile"), "'profile' of " + r.what() +
                                                  " must be a list of 24 demand multipliers (one per local hour, "
                                                  "from 00:00), each a number between 0 and 24");
      } else {
        std::array<double, 24> hourly{};
        bool ok = true;
        for (std::size_t h = 0; h < 24; ++h) {
          // At most 24: a whole day's demand in one hour. Not finite (inf, 1e400) is refused with the rest.
          auto value = finite_number(list[h]);
          if (value && (*value < 0 || *value > MAX_PROFILE_MULTIPLIER))
            value.reset();
          if (!value)
            ctx_.error(pos_of(list[h]), fmt::format("hour {} of 'profile' of {} must be a number between 0 and {:g} "
                                                    "(a demand multiplier), found {}",
                                                    h, r.what(), MAX_PROFILE_MULTIPLIER, describe_found(list[h])));
          ok = ok && value;
          hourly[h] = value.value_or(0);
        }
        if (ok)
          p.hourly = hourly;
      }
    }
    p.floor         = r.number("floor", 0, 1);
    p.degraded      = r.number("degraded", 0, 1).value_or(p.degraded);
    p.ramp_up_s     = r.duration("ramp_up").value_or(p.ramp_up_s);
    p.time_critical = r.boolean("time_critical");
    p.stay_s        = r.duration("stay");
    if (r.has("fatigue")) {
      MapReader f(ctx_, r.get("fatigue"), "'fatigue' of " + r.what(), {"after", "factor"});
      p.fatigue_after_s = f.duration("after").value_or(p.fatigue_after_s);
      p.fatigue_factor  = f.number("factor", 0, 1).value_or(p.fatigue_factor);
    }
    if (r.has("overflow"))
      for_each_item(ctx_, r.get("overflow"), "'overflow' of " + r.what(), [&](const YAML::Node& o) {
        MapReader f(ctx_, o, "'overflow' of " + r.what(), {"to", "share"});
        auto to    = f.enumeration<CareKind>("to", true);
        auto share = f.number("share", 0, 1, true);
        if (to && share)
          p.overflow.push_back({*to, *share});
      });
  }

  void read_link(const YAML::Node& n)
  {
    MapReader r(ctx_, n, "link", {"id", "from", "to", "bandwidth", "latency", "flows", "two_way"});
    if (!r.is_map())
      return;
    Link l;
    l.pos = r.pos();
    l.id  = r.id().value_or("");
    auto from = r.located_id("from", true);
    auto to   = r.located_id("to", true);
    ref(RefKind::ENDPOINT, from, "'from' of " + r.what());
    ref(RefKind::ENDPOINT, to, "'to' of " + r.what());
    if (from)
      l.from = from->value;
    if (to)
      l.to = to->value;
    if (auto bw = r.bandwidth("bandwidth")) {
      if (*bw <= 0)
        ctx_.error(r.pos_of_value("bandwidth"), "'bandwidth' of " + r.what() + " must be positive");
      l.bandwidth_Bps = *bw;
    }
    l.latency_s = r.duration("latency").value_or(l.latency_s);
    if (auto flows = r.enum_set<Flow>("flows", true))
      l.flows = *flows;
    l.two_way = r.boolean("two_way").value_or(true);
    if (l.id.empty())
      return;
    check_unique(links_seen_, l.id, l.pos, "link");
    region_.links.push_back(std::move(l));
  }

  void read_identity(const YAML::Node& n)
  {
    MapReader r(ctx_, n, "identity", {"domains", "trusts"});
    if (!r.is_map())
      return;
    for_each_item(ctx_, r.get("domains"), "domains", [this](const YAML::Node& d) { read_domain(d); });
    for_each_item(ctx_, r.get("trusts"), "trusts", [this](const YAML::Node& t) { read_trust(t); });
  }

  void read_domain(const YAML::Node& n)
  {
    MapReader r(ctx_, n, "domain", {"id", "owner", "forest", "tiering", "bastion", "admin_mfa"});
    if (!r.is_map())
      return;
    Domain d;
    d.pos = r.pos();
    d.id  = r.id().value_or("");
    auto owner = r.located_id("owner", true);
    ref(RefKind::ORGANISATION, owner, "'owner' of " + r.what());
    if (owner)
      d.owner = owner->value;
    if (auto forest = r.located_id("forest")) {
      d.forest = forest->value;
      if (forest->value != d.id)
        ref(RefKind::DOMAIN, forest, "'forest' of " + r.what());
    } else {
      d.forest = d.id;
    }
    d.tiering   = r.boolean("tiering").value_or(false);
    d.bastion   = r.boolean("bastion").value_or(false);
    d.admin_mfa = r.boolean("admin_mfa").value_or(false);
    if (d.id.empty())
      return;
    check_unique(domains_seen_, d.id, d.pos, "domain");
    region_.domains.push_back(std::move(d));
  }

  void read_trust(const YAML::Node& n)
  {
    MapReader r(ctx_, n, "trust", {"from", "to", "two_way", "mfa"});
    if (!r.is_map())
      return;
    Trust t;
    t.pos = r.pos();
    auto from = r.located_id("from", true);
    auto to   = r.located_id("to", true);
    ref(RefKind::DOMAIN, from, "'from' of trust");
    ref(RefKind::DOMAIN, to, "'to' of trust");
    t.two_way = r.boolean("two_way").value_or(true);
    t.mfa     = r.boolean("mfa").value_or(false);
    if (!from || !to)
      return;
    t.from = from->value;
    t.to   = to->value;
    if (t.from == t.to) {
      ctx_.error(t.pos, "trust from domain '" + t.from + "' to itself");
      return;
    }
    for (const auto& other : region_.trusts)
      if ((other.from == t.from && other.to == t.to) ||
          (other.from == t.to && other.to == t.from && (other.two_way || t.two_way))) {
        ctx_.error(t.pos, fmt::format("duplicate trust between '{}' and '{}' (first defined at line {})", t.from, t.to,
                                      other.pos.line));
        return;
      }
    region_.trusts.push_back(std::move(t));
  }

  const Context& ctx_;
  Region region_;
  std::vector<PendingRef> refs_;
  std::set<std::string> data_given_;
  std::map<std::string, SourcePos> orgs_seen_, assets_seen_, links_seen_, domains_seen_, care_seen_;
};

} // namespace

std::optional<Region> read_region(const Context& ctx, const YAML::Node& root)
{
  return RegionReader(ctx).read(root);
}

} // namespace ricochet::scenario::detail
