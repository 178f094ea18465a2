#include "ricochet/scenario/region_generator.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "ricochet/core/random.hpp"

// The region is planned as plain records (départements, organisations, assets, links), completed (business
// applications spread over the hospitals until the asset count is reached), then written as YAML text in the style
// of the bundled regions: one flow mapping per asset. Text, not a YAML emitter: the layout stays that of a file
// people write, and the bytes depend only on the spec.

namespace ricochet::scenario {

namespace {

using core::RandomStream;

int pick(RandomStream& rng, int lo, int hi)
{
  return lo + static_cast<int>(std::floor(rng.uniform() * static_cast<double>(hi - lo + 1)));
}

/** A number as written in a region file: at most two decimals, no trailing zeros. */
std::string num(double v)
{
  std::string s = fmt::format("{:.2f}", v);
  while (s.back() == '0')
    s.pop_back();
  if (s.back() == '.')
    s.pop_back();
  return s;
}

std::string list(const std::vector<std::string>& items) { return "[" + fmt::format("{}", fmt::join(items, ", ")) + "]"; }

struct Asset {
  std::string id, kind, name, zone, runs_on, data, rto, mode;
  long count = 0;
  std::vector<std::string> depends, protects, controls;
};

struct Care {
  std::string kind;
  std::vector<std::string> needs, uses;
  double demand = 0, capacity = 0; // capacity 0: the default (1.25 x demand)
};

struct Org {
  std::string id, name, kind, role, ght, continuity, domain, size; // size: "beds: 480" or "patients_per_day: 60"
  double lat = 0, lon = 0;
  std::vector<std::string> controls, zones;
  std::vector<Asset> assets;
  std::vector<Care> care;
};

struct Link {
  std::string id, from, to, bandwidth, latency;
  std::vector<std::string> flows;
  bool two_way = true;
};

struct Domain {
  std::string id, owner;
  bool hardened = false; ///< tiering, bastion and admin MFA (university hospitals)
};

struct Trust {
  std::string from, to;
  bool two_way = true, mfa = false;
};

/** What a département holds; the counts shrink on the last one so that the total is exactly what was asked. */
struct Departement {
  int members = 0, ehpads = 0, lab_sites = 0, imaging = 0, gps = 0, pharmacies = 0;
  bool lab = true, samu = true, chu = false;
  double lat = 0, lon = 0;

  [[nodiscard]] std::size_t size() const
  {
    return static_cast<std::size_t>(1 + members + ehpads + (lab ? 1 + lab_sites : 0) + imaging + gps + pharmacies +
                                    (samu ? 1 : 0) + (chu ? 1 : 0));
  }
  /** Removes one organisation, the least structural first; false if only the pivot is left. */
  bool shrink()
  {
    if (gps > 1) { // the last practice goes last: it is what makes the SaaS vendor matter
      --gps;
      return true;
    }
    for (int* n : {&pharmacies, &ehpads, &lab_sites, &imaging, &members, &gps})
      if (*n > 0) {
        --*n;
        return true;
      }
    for (bool* b : {&lab, &samu, &chu})
      if (*b) {
        *b = false;
        return true;
      }
    return false;
  }
};

constexpr int CHU_EVERY = 6; // départements per university hospital (a CHU per former region, roughly)

const char* const TOWNS_A[] = {"Haut", "Mont", "Beau", "Val", "Ville", "Roche", "Bourg", "Font", "Pont", "Clair"};
const char* const TOWNS_B[] = {"mont", "lieu", "fort", "-sur-Loue", "franche", "vallon", "-les-Bains", "bois", "ré",
                               "champ", "marais", "court"};

std::string town(RandomStream& rng)
{
  return std::string(TOWNS_A[pick(rng, 0, 9)]) + TOWNS_B[pick(rng, 0, 11)];
}

std::string continuity(RandomStream& rng)
{
  static const char* const levels[] = {"none", "theoretical", "theoretical", "tested"};
  return levels[pick(rng, 0, 3)];
}

class Builder {
public:
  explicit Builder(const GeneratorSpec& spec) : spec_(spec) {}

  GeneratedRegion build()
  {
    plan();
    regional();
    for (std::size_t d = 0; d < deps_.size(); ++d)
      departement(d);
    fill_applications();
    return write();
  }

private:
  const GeneratorSpec& spec_;
  std::vector<Departement> deps_;
  std::vector<Org> orgs_;
  std::vector<Link> links_;
  std::vector<Domain> domains_;
  std::vector<Trust> trusts_;
  std::vector<std::string> vendors_;           ///< SaaS assets GP practices need
  std::vector<std::size_t> chu_of_;            ///< per département: index of its CHU organisation, or npos
  struct Hospital { std::size_t org, host_org; std::vector<std::string> hosts; std::string directory, backup; int weight; };
  std::vector<Hospital> hospitals_;            ///< where business applications go
  GeneratedRegion out_;
  std::size_t gp_count_ = 0;
  std::size_t regional_orgs_ = 0;

  static std::string dep_code(std::size_t d) { return fmt::format("d{:03d}", d + 1); }

  Org& add_org(Org org)
  {
    orgs_.push_back(std::move(org));
    return orgs_.back();
  }

  void link(std::string id, std::string from, std::string to, std::string bw, std::string lat,
            std::vector<std::string> flows, bool two_way = true)
  {
    links_.push_back({std::move(id), std::move(from), std::move(to), std::move(bw), std::move(lat), std::move(flows),
                      two_way});
  }

  /** Département compositions until the count is reached, then the last one trimmed to the exact count. */
  void plan()
  {
    std::size_t vendors = 1 + spec_.orgs / 1000;
    regional_orgs_      = 3 + vendors; // ARS, e-health platform, cyber support, SaaS vendors
    for (std::size_t v = 0; v < vendors; ++v)
      vendors_.push_back(fmt::format("saas-gp-{}", v + 1));
    std::size_t total = regional_orgs_;
    while (total < spec_.orgs) {
      RandomStream rng(spec_.seed, "departement-" + std::to_string(deps_.size()));
      Departement dep;
      dep.members    = pick(rng, 2, 4);
      dep.ehpads     = pick(rng, 2, 6);
      dep.lab_sites  = pick(rng, 1, 3);
      dep.imaging    = pick(rng, 1, 2);
      dep.gps        = pick(rng, 6, 14);
      dep.pharmacies = pick(rng, 3, 8);
      dep.chu        = deps_.size() % CHU_EVERY == 0;
      deps_.push_back(dep);
      total += dep.size();
    }
    while (total > spec_.orgs && deps_.back().shrink())
      --total;
    // France-like grid: départements tile a box from the Pyrenees to the North, Brittany to the Alps.
    std::size_t cols = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(deps_.size()))));
    std::size_t rows = (deps_.size() + cols - 1) / cols;
    for (std::size_t d = 0; d < deps_.size(); ++d) {
      double fx = cols > 1 ? static_cast<double>(d % cols) / static_cast<double>(cols - 1) : 0.5;
      double fy = rows > 1 ? static_cast<double>(d / cols) / static_cast<double>(rows - 1) : 0.5;
      deps_[d].lat = 50.5 - 7.5 * fy;
      deps_[d].lon = -1.5 + 8.5 * fx;
    }
  }

  /** A place near the département's centre (towns within about 25 km). */
  static void place(Org& o, const Departement& dep, RandomStream& rng)
  {
    o.lat = dep.lat + (rng.uniform() - 0.5) * 0.45;
    o.lon = dep.lon + (rng.uniform() - 0.5) * 0.6;
  }

  void regional()
  {
    const Departement& capital = deps_.front();
    Org ars{"ars", "ARS (synthetic region)", "ars", "", "", "tested", "", "", capital.lat, capital.lon, {}, {}, {}, {}};
    add_org(ars);
    Org grades{"grades", "GRADeS e-santé", "regional_platform", "", "", "tested", "", "", capital.lat + 0.01,
               capital.lon, {"edr", "soc"}, {}, {}, {}};
    grades.assets.push_back({"telexpertise", "teleexpertise", "Plateforme de télé-expertise", "", "", "", "24h", "", 0, {}, {}, {}});
    grades.assets.push_back({"grades-mss", "messaging", "Messagerie sécurisée régionale", "", "", "", "24h", "", 0, {}, {}, {}});
    grades.care.push_back({"teleexpertise", {"telexpertise"}, {}, 2, 0});
    add_org(grades);
    link("grades-internet", "internet", "grades", "", "10ms", {"https", "smtp"}, false);
    Org cyber{"cyber-support", "Centre régional de cybersécurité", "regional_platform", "cyber_support", "", "tested",
              "", "", capital.lat - 0.01, capital.lon, {}, {}, {}, {}};
    add_org(cyber);
    out_.cyber = cyber.id;
    for (std::size_t v = 0; v < vendors_.size(); ++v) {
      std::string id = fmt::format("saas-vendor-{}", v + 1);
      Org vendor{id, fmt::format("Éditeur SaaS médical {}", v + 1), "software_vendor", "", "", "theoretical", "", "",
                 48.857 + 0.01 * static_cast<double>(v), 2.352, {"soc"}, {}, {}, {}};
      vendor.assets.push_back({vendors_[v], "saas", "Dossier médical cabinet (SaaS)", "", "", "30TB", "72h", "", 0, {}, {}, {}});
      vendor.assets.push_back({fmt::format("saas-admin-{}", v + 1), "remote_access", "Console d'administration", "", "", "", "", "", 0, {}, {}, {}});
      add_org(vendor);
      link(id + "-internet", "internet", id, "", "12ms", {"https"}, false);
    }
  }

  void departement(std::size_t d)
  {
    const Departement& dep = deps_[d];
    RandomStream rng(spec_.seed, "organisations-" + std::to_string(d));
    std::string code = dep_code(d), ght = "ght-" + code, domain = "ad-ght-" + code;
    std::string p = "chi-" + code, lab = "labo-" + code;
    std::string lis = dep.lab ? lab + "-lis" : "";

    // The pivot runs the GHT's converged IT: its own and its partners' records on its hypervisors.
    Org pivot{p, "CHI de " + town(rng), "hospital", "ght_pivot", ght, continuity(rng), domain,
              fmt::format("beds: {}", pick(rng, 300, 900)), 0, 0, {"soc"}, {"dmz", "servers", "backup", "users", "telephony"}, {}, {}};
    place(pivot, dep, rng);
    std::vector<std::string> hosts{p + "-hv-1", p + "-hv-2"};
    pivot.assets = {
        {p + "-vpn", "remote_access", "", "dmz", "", "", "24h", "", 0, {}, {}, {}},
        {p + "-gateway", "internet_gateway", "", "dmz", "", "", "8h", "", 0, {}, {}, {}},
        {p + "-ad", "directory", "", "servers", "", "", "24h", "", 0, {}, {}, {}},
        {p + "-storage", "storage", "", "servers", "", "", "72h", "", 0, {}, {}, {}},
        {hosts[0], "hypervisor", "", "", p + "-storage", "", "48h", "", 0, {}, {}, {}},
        {hosts[1], "hypervisor", "", "", p + "-storage", "", "48h", "", 0, {}, {}, {}},
        {p + "-dpi", "dpi", "", "", hosts[0], num(pick(rng, 3, 9)) + "TB", "72h", "", 0, {p + "-ad"}, {}, {}},
        {p + "-pharma", "pharmacy_system", "", "", hosts[0], "", "48h", "", 0, {p + "-ad", p + "-dpi"}, {}, {}},
        {p + "-engine", "interface_engine", "", "", hosts[0], "", "24h", "", 0, {p + "-ad"}, {}, {}},
        {p + "-mail", "messaging", "", "", hosts[0], "", "48h", "", 0, {p + "-ad", p + "-gateway"}, {}, {}},
        {p + "-steril", "application", "Traçabilité stérilisation", "", hosts[0], "", "72h", "", 0, {p + "-ad"}, {}, {}},
        {p + "-toip", "ip_telephony", "", "telephony", "", "", "24h", "", 0, {hosts[0]}, {}, {}},
        {p + "-analog", "analog_telephony", "", "telephony", "", "", "", "", 0, {}, {}, {}},
        {p + "-backup", "backup", "", "backup", "", "", "", "online", 0, {}, {p + "-ad", p + "-dpi", p + "-pharma", p + "-engine", p + "-mail"}, {}},
        {p + "-tapes", "backup", "", "backup", "", "", "", "offline", 0, {}, {p + "-dpi"}, {}},
        {p + "-ws", "workstations", "", "users", "", "", "", "", pick(rng, 8, 25) * 100L, {}, {}, {}},
    };
    std::vector<std::string> emergency_needs{p + "-dpi"};
    if (dep.lab)
      emergency_needs.push_back(fmt::format("{{asset: {}, buffer: 1h}}", lis));
    if (dep.imaging > 0)
      emergency_needs.push_back(fmt::format("{{asset: imagerie-{}-1-pacs, buffer: 1h}}", code));
    double scale = rng.uniform() + 0.5;
    pivot.care = {
        {"emergency", emergency_needs, {p + "-toip", p + "-engine", p + "-mail"}, 3 * scale, 4 * scale},
        {"icu", dep.lab ? std::vector<std::string>{p + "-dpi", lis} : std::vector<std::string>{p + "-dpi"}, {p + "-engine"}, 0.1 * scale, 0.15 * scale},
        {"theatre", {p + "-dpi", p + "-steril"}, {}, 1 * scale, 0},
        {"maternity", {p + "-dpi"}, {}, 0.1 * scale, 0},
        {"pharmacy", {p + "-pharma"}, {}, 20 * scale, 0},
        {"admissions", {p + "-dpi"}, {}, 4 * scale, 0},
        {"consultations", {p + "-dpi"}, {}, 8 * scale, 0},
    };
    std::size_t pivot_index = orgs_.size();
    add_org(std::move(pivot));
    hospitals_.push_back({pivot_index, pivot_index, hosts, p + "-ad", p + "-backup", 6});
    domains_.push_back({domain, p, false});
    link(p + "-exposure", "internet", p + "/dmz", "", "10ms", {"vpn", "https"}, false);
    link(p + "-dmz-servers", p + "/dmz", p + "/servers", "10Gbps", "", {"rdp", "https", "ldap"}, false);
    link(p + "-users-servers", p + "/users", p + "/servers", "10Gbps", "", {"https", "rdp", "smb", "ldap", "kerberos"});
    link(p + "-servers-backup", p + "/servers", p + "/backup", "10Gbps", "", {"backup", "smb"});
    link(p + "-outbound", p + "/servers", "internet", "1Gbps", "10ms", {"https", "smtp"}, false);
    link(p + "-telephony", p + "/telephony", p + "/servers", "", "", {"sip"});
    if (d == 0) {
      out_.pivot  = p;
      out_.ght    = ght;
      out_.domain = domain;
      out_.lab_lis = lis;
    }
    auto pivot_asset = [&](const std::string& id) -> Asset& {
      auto& assets = orgs_[pivot_index].assets;
      return *std::find_if(assets.begin(), assets.end(), [&](const Asset& a) { return a.id == id; });
    };

    // Members and EHPAD: their records run on the pivot's second hypervisor, backed up by the pivot.
    for (int k = 1; k <= dep.members; ++k) {
      std::string m = fmt::format("ch-{}-{}", code, k);
      Org member{m, "CH de " + town(rng), "hospital", "ght_member", ght, continuity(rng), domain,
                 fmt::format("beds: {}", pick(rng, 60, 300)), 0, 0, {}, {"users"}, {}, {}};
      place(member, dep, rng);
      member.assets = {
          {m + "-dpi", "dpi", "", "", hosts[1], num(pick(rng, 4, 16) * 100) + "GB", "72h", "", 0, {p + "-ad"}, {}, {}},
          {m + "-ws", "workstations", "", "", "", "", "", "", pick(rng, 10, 40) * 10L, {}, {}, {}},
          {m + "-analog", "analog_telephony", "", "", "", "", "", "", 0, {}, {}, {}},
      };
      double s = rng.uniform() + 0.5;
      if (k == 1)
        member.care.push_back({"emergency", {m + "-dpi"}, {}, 1.5 * s, 2 * s});
      member.care.push_back({"inpatient", {m + "-dpi"}, {}, 0.4 * s, 0});
      member.care.push_back({"consultations", {m + "-dpi"}, {}, 5 * s, 0});
      std::size_t index = orgs_.size();
      add_org(std::move(member));
      hospitals_.push_back({index, pivot_index, hosts, p + "-ad", p + "-backup", 2});
      pivot_asset(p + "-backup").protects.push_back(m + "-dpi");
      pivot_asset(p + "-tapes").protects.push_back(m + "-dpi");
      link("wan-" + m, m, p + "/servers", "1Gbps", num(pick(rng, 2, 8)) + "ms", {"https", "smb", "ldap", "kerberos", "rdp"});
    }
    for (int k = 1; k <= dep.ehpads; ++k) {
      std::string e = fmt::format("ehpad-{}-{}", code, k);
      Org ehpad{e, "EHPAD " + town(rng), "ehpad", "ght_member", ght, "none", domain,
                fmt::format("beds: {}", pick(rng, 40, 120)), 0, 0, {}, {}, {}, {}};
      place(ehpad, dep, rng);
      ehpad.assets = {
          {e + "-dpi", "dpi", "Dossier de soins", "", hosts[1], num(pick(rng, 5, 20) * 10) + "GB", "5d", "", 0, {p + "-ad"}, {}, {}},
          {e + "-ws", "workstations", "", "", "", "", "", "", pick(rng, 1, 4) * 10L, {}, {}, {}},
      };
      ehpad.care.push_back({"long_term_care", {e + "-dpi"}, {}, 2 + 3 * rng.uniform(), 0});
      add_org(std::move(ehpad));
      pivot_asset(p + "-backup").protects.push_back(e + "-dpi");
      link("wan-" + e, e, p + "/servers", "100Mbps", "3ms", {"https", "ldap", "kerberos"});
    }

    // The laboratory group: one LIS for all its sites, its own directory trusted both ways by the GHT's.
    if (dep.lab) {
      std::string lab_domain = "ad-labo-" + code;
      Org l{lab, "Laboratoires " + town(rng), "laboratory", "", "", continuity(rng), lab_domain,
            fmt::format("patients_per_day: {}", pick(rng, 5, 30) * 100), 0, 0, {}, {"lan", "backup"}, {}, {}};
      place(l, dep, rng);
      l.assets = {
          {lab + "-ad", "directory", "", "", "", "", "", "", 0, {}, {}, {}},
          {lis, "lis", "", "", "", num(pick(rng, 1, 4)) + "TB", "12h", "", 0, {lab + "-ad"}, {}, {}},
          {lab + "-ws", "workstations", "", "", "", "", "", "", pick(rng, 3, 10) * 10L, {}, {}, {}},
          {lab + "-backup", "backup", "", "backup", "", "", "", "online", 0, {}, {lab + "-ad", lis}, {}},
      };
      l.care.push_back({"biology", {lis}, {}, 20 + 40 * rng.uniform(), 0});
      add_org(std::move(l));
      domains_.push_back({lab_domain, lab, false});
      trusts_.push_back({domain, lab_domain, true, false}); // result integration: a legacy two-way trust
      link("wan-" + lab, lab, p + "/servers", "200Mbps", "3ms", {"hl7"});
      link(lab + "-lan-backup", lab + "/lan", lab + "/backup", "10Gbps", "", {"backup", "smb"});
      for (int k = 1; k <= dep.lab_sites; ++k) {
        std::string s = fmt::format("{}-site-{}", lab, k);
        Org site{s, "Laboratoire de " + town(rng), "laboratory", "", "", continuity(rng), lab_domain,
                 fmt::format("patients_per_day: {}", pick(rng, 1, 6) * 100), 0, 0, {}, {}, {}, {}};
        place(site, dep, rng);
        site.assets = {
            {s + "-middleware", "application", "Middleware des automates", "", "", "100GB", "", "", 0,
             {fmt::format("{{asset: {}, type: soft, buffer: 2h}}", lis)}, {}, {}},
            {s + "-ws", "workstations", "", "", "", "", "", "", pick(rng, 1, 3) * 5L, {}, {}, {}},
        };
        site.care.push_back({"biology", {lis}, {s + "-middleware"}, 5 + 15 * rng.uniform(), 0});
        add_org(std::move(site));
        link("wan-" + s, s, lab, "100Mbps", "2ms", {"hl7", "https"});
      }
    }

    // Imaging centres: PACS and RIS, an offline copy, images to the pivot.
    for (int k = 1; k <= dep.imaging; ++k) {
      std::string i = fmt::format("imagerie-{}-{}", code, k);
      Org img{i, "Imagerie de " + town(rng), "imaging_centre", "", "", continuity(rng), "",
              fmt::format("patients_per_day: {}", pick(rng, 10, 40) * 10), 0, 0, {}, {"lan", "backup"}, {}, {}};
      place(img, dep, rng);
      img.assets = {
          {i + "-pacs", "pacs", "", "", "", num(pick(rng, 20, 80)) + "TB", "24h", "", 0, {}, {}, {"edr"}},
          {i + "-ris", "application", "RIS", "", "", "200GB", "24h", "", 0, {i + "-pacs"}, {}, {}},
          {i + "-ws", "workstations", "", "", "", "", "", "", pick(rng, 2, 6) * 10L, {}, {}, {}},
          {i + "-backup", "backup", "", "backup", "", "", "", "offline", 0, {}, {i + "-pacs"}, {}},
      };
      double s = rng.uniform() + 0.5;
      img.care.push_back({"imaging", {i + "-pacs"}, {i + "-ris"}, 8 * s, 11 * s});
      add_org(std::move(img));
      link("wan-" + i, i, p + "/servers", "1Gbps", "2ms", {"dicom", "hl7"});
      link(i + "-lan-backup", i + "/lan", i + "/backup", "1Gbps", "", {"backup"});
    }

    // Primary care: GP practices on a SaaS vendor's record, pharmacies with their own software.
    for (int k = 1; k <= dep.gps; ++k) {
      std::string g = fmt::format("cabinet-{}-{:02d}", code, k);
      Org gp{g, "Cabinet médical de " + town(rng), "gp_practice", "", "", "none", "",
             fmt::format("patients_per_day: {}", pick(rng, 4, 20) * 10), 0, 0, {}, {}, {}, {}};
      place(gp, dep, rng);
      gp.assets = {{g + "-ws", "workstations", "", "", "", "", "", "", pick(rng, 2, 10), {}, {}, {}}};
      gp.care.push_back({"primary_care", {vendors_[gp_count_++ % vendors_.size()]}, {"grades-mss"}, 2 + 6 * rng.uniform(), 0});
      add_org(std::move(gp));
      link(g + "-internet", g, "internet", "100Mbps", "15ms", {"https"}, false);
    }
    for (int k = 1; k <= dep.pharmacies; ++k) {
      std::string f = fmt::format("pharmacie-{}-{:02d}", code, k);
      Org ph{f, "Pharmacie de " + town(rng), "pharmacy", "", "", "none", "",
             fmt::format("patients_per_day: {}", pick(rng, 10, 40) * 10), 0, 0, {}, {}, {}, {}};
      place(ph, dep, rng);
      ph.assets = {
          {f + "-lgo", "application", "Logiciel d'officine", "", "", "50GB", "", "", 0, {}, {}, {}},
          {f + "-ws", "workstations", "", "", "", "", "", "", pick(rng, 2, 6), {}, {}, {}},
      };
      ph.care.push_back({"dispensing", {f + "-lgo"}, {}, 5 + 10 * rng.uniform(), 0});
      add_org(std::move(ph));
      link(f + "-internet", f, "internet", "50Mbps", "15ms", {"https"}, false);
    }

    // The SAMU regulates the département's emergencies on its own server, with an immutable copy.
    if (dep.samu) {
      std::string s = "samu-" + code;
      Org samu{s, "SAMU " + code, "samu", "", "", "tested", "", "", 0, 0, {}, {"lan", "backup"}, {}, {}};
      place(samu, dep, rng);
      samu.assets = {
          {s + "-hv", "hypervisor", "", "", "", "", "8h", "", 0, {}, {}, {}},
          {s + "-regulation", "application", "Logiciel de régulation", "", s + "-hv", "", "4h", "", 0, {}, {}, {}},
          {s + "-toip", "ip_telephony", "", "", "", "", "4h", "", 0, {s + "-hv"}, {}, {}},
          {s + "-analog", "analog_telephony", "", "", "", "", "", "", 0, {}, {}, {}},
          {s + "-backup", "backup", "", "backup", "", "", "", "immutable", 0, {}, {s + "-regulation"}, {}},
      };
      samu.care.push_back({"regulation", {s + "-regulation"}, {s + "-toip"}, 15 + 15 * rng.uniform(), 0});
      samu.care.back().capacity = samu.care.back().demand * 1.5;
      add_org(std::move(samu));
      link("wan-" + s, s, p + "/servers", "1Gbps", "2ms", {"https", "sip"});
      link(s + "-lan-backup", s + "/lan", s + "/backup", "1Gbps", "", {"backup"});
    }

    // A CHU every few départements: the referral hospital of its neighbours, hardened identity.
    chu_of_.push_back(std::string::npos);
    if (dep.chu) {
      std::string c = "chu-" + code, chu_domain = "ad-chu-" + code;
      Org chu{c, "CHU de " + town(rng), "hospital", "university_hospital", "", "tested", chu_domain,
              fmt::format("beds: {}", pick(rng, 10, 20) * 100), dep.lat, dep.lon + 0.05, {"edr", "soc"},
              {"dmz", "servers", "backup", "users"}, {}, {}};
      chu.assets = {
          {c + "-ad", "directory", "", "servers", "", "", "12h", "", 0, {}, {}, {}},
          {c + "-hv", "hypervisor", "", "servers", "", "", "24h", "", 0, {}, {}, {}},
          {c + "-dpi", "dpi", "", "", c + "-hv", num(pick(rng, 15, 30)) + "TB", "48h", "", 0, {c + "-ad"}, {}, {}},
          {c + "-pacs", "pacs", "", "", c + "-hv", num(pick(rng, 20, 50) * 10) + "TB", "48h", "", 0, {}, {}, {}},
          {c + "-lis", "lis", "", "", c + "-hv", "", "24h", "", 0, {c + "-ad"}, {}, {}},
          {c + "-ws", "workstations", "", "users", "", "", "", "", pick(rng, 30, 50) * 100L, {}, {}, {}},
          {c + "-backup", "backup", "", "backup", "", "", "", "immutable", 0, {}, {c + "-ad", c + "-dpi", c + "-pacs", c + "-lis"}, {}},
      };
      chu.care = {
          {"emergency", {c + "-dpi"}, {}, 10, 13},
          {"icu", {c + "-dpi"}, {}, 0.4, 0.5},
          {"neonatal", {c + "-dpi"}, {}, 0.1, 0.15},
          {"radiotherapy", {c + "-dpi"}, {}, 4, 0},
          {"chemotherapy", {c + "-dpi"}, {}, 2, 0},
          {"imaging", {c + "-pacs"}, {}, 10, 14},
          {"biology", {c + "-lis"}, {}, 40, 0},
      };
      chu_of_.back() = orgs_.size();
      add_org(std::move(chu));
      hospitals_.push_back({chu_of_.back(), chu_of_.back(), {c + "-hv"}, c + "-ad", c + "-backup", 8});
      domains_.push_back({chu_domain, c, true});
      link(c + "-exposure", "internet", c + "/dmz", "", "10ms", {"https"}, false);
      link(c + "-dmz-servers", c + "/dmz", c + "/servers", "10Gbps", "", {"https"}, false);
      link(c + "-users-servers", c + "/users", c + "/servers", "10Gbps", "", {"https", "rdp", "smb", "ldap", "kerberos"});
      link(c + "-servers-backup", c + "/servers", c + "/backup", "10Gbps", "", {"backup"});
    }
    // Every pivot reaches its group's CHU (referrals, images, results); its directory is trusted one way, with MFA.
    std::size_t lead = d - d % CHU_EVERY;
    if (chu_of_[lead] != std::string::npos) {
      const Org& chu = orgs_[chu_of_[lead]];
      link("wan-" + p + "-chu", p + "/servers", chu.id + "/servers", "1Gbps", num(pick(rng, 3, 9)) + "ms",
           {"https", "hl7", "dicom"});
      trusts_.push_back({domain, chu.domain, false, true});
    }
  }

  /** Business applications (the dozens to hundreds a hospital runs) until the asset count is reached: hosted on the
   *  GHT's or the CHU's hypervisors, joined to its directory, backed up online, used by the owner's care. */
  void fill_applications()
  {
    std::size_t assets = 0;
    for (const auto& o : orgs_)
      assets += o.assets.size();
    double wanted = std::round(spec_.assets_per_org * static_cast<double>(spec_.orgs));
    if (wanted < static_cast<double>(assets))
      throw std::invalid_argument(fmt::format(
          "--assets-per-org {}: {} assets for {} organisations, fewer than the {} their structure needs (at least {} "
          "per organisation)",
          num(spec_.assets_per_org), wanted, spec_.orgs, assets,
          num(std::ceil(100 * static_cast<double>(assets) / static_cast<double>(spec_.orgs)) / 100)));
    std::size_t missing = static_cast<std::size_t>(wanted) - assets;
    static const char* const kinds[] = {"application", "application", "application", "interface_engine", "messaging"};
    static const char* const names[] = {"Gestion administrative", "Bloc opératoire", "Dossier de spécialité",
                                        "Planification", "Facturation", "Imagerie de spécialité", "Dossier anesthésie",
                                        "Gestion des lits", "Prescription connectée", "Archivage"};
    std::vector<std::size_t> next(hospitals_.size(), 0);
    RandomStream rng(spec_.seed, "applications");
    while (missing > 0 && !hospitals_.empty())
      for (std::size_t h = 0; h < hospitals_.size() && missing > 0; ++h)
        for (int w = 0; w < hospitals_[h].weight && missing > 0; ++w, --missing) {
          const Hospital& hosp = hospitals_[h];
          Org& org             = orgs_[hosp.org];
          std::size_t n        = next[h]++;
          std::string id       = fmt::format("{}-app-{:03d}", org.id, n + 1);
          std::string kind     = kinds[n % 5];
          std::string name     = fmt::format("{} {}", names[n % 10], n / 10 + 1);
          std::string data     = num(pick(rng, 1, 20) * 25) + "GB";
          org.assets.push_back({id, kind, name, "", hosp.hosts[n % hosp.hosts.size()], data, "", "", 0,
                                {hosp.directory}, {}, {}});
          org.care[n % org.care.size()].uses.push_back(id);
          for (auto& a : orgs_[hosp.host_org].assets)
            if (a.id == hosp.backup)
              a.protects.push_back(id);
        }
  }

  static void write_asset(std::string& y, const Asset& a)
  {
    y += fmt::format("      - {{id: {}, kind: {}", a.id, a.kind);
    if (!a.name.empty())
      y += fmt::format(", name: \"{}\"", a.name);
    if (!a.zone.empty())
      y += ", zone: " + a.zone;
    if (a.count > 0)
      y += fmt::format(", count: {}", a.count);
    if (!a.runs_on.empty())
      y += ", runs_on: " + a.runs_on;
    if (!a.depends.empty())
      y += ", depends_on: " + list(a.depends);
    if (!a.data.empty())
      y += ", data: " + a.data;
    if (!a.controls.empty())
      y += ", controls: " + list(a.controls);
    if (!a.mode.empty())
      y += ", mode: " + a.mode + ", protects: " + list(a.protects);
    if (!a.rto.empty())
      y += ", rto: " + a.rto;
    y += "}\n";
  }

  static void write_org(std::string& y, const Org& o)
  {
    y += fmt::format("  - id: {}\n    name: \"{}\"\n    kind: {}\n", o.id, o.name, o.kind);
    if (!o.role.empty())
      y += fmt::format("    role: {}\n", o.role);
    if (!o.ght.empty())
      y += fmt::format("    ght: {}\n", o.ght);
    y += fmt::format("    location: {{lat: {:.4f}, lon: {:.4f}}}\n", o.lat, o.lon);
    y += fmt::format("    continuity: {}\n", o.continuity);
    if (!o.size.empty())
      y += "    " + o.size + "\n";
    if (!o.domain.empty())
      y += "    domain: " + o.domain + "\n";
    if (!o.controls.empty())
      y += "    controls: " + list(o.controls) + "\n";
    if (!o.zones.empty())
      y += "    zones: " + list(o.zones) + "\n";
    if (!o.assets.empty()) {
      y += "    assets:\n";
      for (const auto& a : o.assets)
        write_asset(y, a);
    }
    if (!o.care.empty()) {
      y += "    care_functions:\n";
      for (const auto& c : o.care) {
        y += fmt::format("      - {{kind: {}, needs: {}", c.kind, list(c.needs));
        if (!c.uses.empty())
          y += ", uses: " + list(c.uses);
        y += fmt::format(", demand: {}/h", num(c.demand));
        if (c.capacity > 0)
          y += fmt::format(", capacity: {}/h", num(c.capacity));
        y += "}\n";
      }
    }
  }

  GeneratedRegion write()
  {
    std::string& y = out_.yaml;
    y += fmt::format("# Synthetic region: ricochet generate --orgs {} --seed {} --assets-per-org {}\n", spec_.orgs,
                     spec_.seed, num(spec_.assets_per_org));
    y += "# Generated for measurements: names and places are invented, the shape follows French health territories.\n";
    y += fmt::format("name: Région synthétique ({} organisations, graine {})\n", spec_.orgs, spec_.seed);
    y += fmt::format("description: >-\n  {} département{}, each with a GHT whose pivot hosts its members' and EHPADs' "
                     "records, a laboratory group, imaging, GP practices on SaaS, pharmacies and a SAMU; a CHU every "
                     "{} départements.\n\n",
                     deps_.size(), deps_.size() == 1 ? "" : "s", CHU_EVERY);
    y += "organisations:\n";
    for (const auto& o : orgs_) {
      write_org(y, o);
      out_.assets += o.assets.size();
    }
    y += "\nlinks:\n";
    for (const auto& l : links_) {
      y += fmt::format("  - {{id: {}, from: {}, to: {}", l.id, l.from, l.to);
      if (!l.two_way)
        y += ", two_way: false";
      if (!l.bandwidth.empty())
        y += ", bandwidth: " + l.bandwidth;
      if (!l.latency.empty())
        y += ", latency: " + l.latency;
      y += ", flows: " + list(l.flows) + "}\n";
    }
    y += "\nidentity:\n  domains:\n";
    for (const auto& d : domains_)
      y += fmt::format("    - {{id: {}, owner: {}{}}}\n", d.id, d.owner,
                       d.hardened ? ", tiering: true, bastion: true, admin_mfa: true" : "");
    if (!trusts_.empty()) {
      y += "  trusts:\n";
      for (const auto& t : trusts_)
        y += fmt::format("    - {{from: {}, to: {}{}{}}}\n", t.from, t.to, t.two_way ? "" : ", two_way: false",
                         t.mfa ? ", mfa: true" : "");
    }
    out_.organisations = orgs_.size();
    out_.departements  = deps_.size();
    for (const auto& o : orgs_)
      if (o.role == "ght_member" && o.kind == "hospital" && o.ght == out_.ght) {
        out_.member = o.id;
        break;
      }
    return std::move(out_);
  }
};

/** text with every @KEY@ replaced. */
std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values)
{
  for (const auto& [key, value] : values)
    for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
      text.replace(at, key.size(), value);
  return text;
}

// The storyline of the bundled 2026 exercise, on the first GHT of a generated region.
const char* const SCENARIO = R"(# Synthetic scenario: night-time ransomware on the pivot @P@ (ricochet generate).
name: Exercice synthétique - rançongiciel de nuit sur @P@
description: VPN account without MFA, domain admin, online backups deleted, hypervisors encrypted at 03:00.
region: @REGION@
start: 2026-10-17 22:00
timezone: Europe/Paris
duration: 7d
seed: @SEED@
variants:
  - id: offline-backups
    description: The pivot's online backups are made offline.
    changes:
      - set_backup_mode: {asset: @P@-backup, mode: offline}
  - id: hardened-identity
    description: Admin tiering, bastion and MFA on the GHT directory; MFA on the VPN.
    changes:
      - set_domain: {domain: @DOMAIN@, tiering: true, bastion: true, admin_mfa: true}
      - add_controls: {asset: @P@-vpn, controls: [mfa, soc]}

attack:
  name: Rançongiciel de nuit sur l'établissement support
  encryption_rate: 2GB/s
  steps:
    - {id: vpn-access, technique: T1133, action: initial_access, vector: exposed_service, target: @P@-vpn, at: "2026-10-17 23:10"}
    - {id: to-servers, technique: T1021.001, action: lateral_movement, target: @P@-ad, after: [vpn-access], delay: 40min}
    - {id: dump-credentials, technique: T1003.001, action: steal_credentials, after: [to-servers], delay: 30min}
    - {id: domain-admin, technique: T1078.002, action: domain_admin, target: {domain: @DOMAIN@}, after: [dump-credentials], delay: 1h}
@LAB_STEP@    - {id: exfiltration, technique: T1041, action: exfiltrate, target: @P@-dpi, volume: 200GB, after: [domain-admin], delay: 30min}
    - {id: delete-backups, technique: T1490, action: destroy_backups, target: {org: @P@, kind: backup}, after: [domain-admin], delay: 1h}
    - {id: encrypt-hypervisors, technique: T1486, action: encrypt, target: {org: @P@, kind: hypervisor}, after: [domain-admin], at: "03:00"}

defence:
  staffing:
    office_hours: "08:00-18:00"
    workdays: [mon, tue, wed, thu, fri]
    night: {factor: 1.5, extra: 1h}
    weekend: {factor: 2, extra: 2h}
  detection:
    - {control: soc, actions: [domain_admin], probability: 0.3, delay: {dist: lognormal, median: 2h, sigma: 0.7}}
    - {control: edr, actions: [lateral_movement, encrypt], probability: 0.8, delay: 15min}
    - {control: none, actions: [encrypt], delay: {dist: uniform, min: 15min, max: 1h}}
  playbooks:
    - id: pivot-containment
      org: @P@
      when: detected
      delay: 45min
      actions:
        - isolate: {org: @P@}
        - activate_crisis_cell: @P@
        - declare_incident: {org: @P@, to: [cert_sante, ars, anssi]}
    - id: pivot-recovery
      org: @P@
      when: detected
      delay: 24h
      staffed: false
      actions:
        - recover: @P@
@MEMBER_PLAYBOOK@  recovery:
    technicians: 2
    teams: {@P@: 4}
    setup: 3h
    offline_extra: 8h
    regional_support: {org: @CYBER@, technicians: 4, delay: 12h}

care: {step: 15min, diversion_radius: 60km}

governance:
  notification_delay: 15min
  communications: {voice_fallback: 1.5, no_voice: 3}
  rules:
    - {id: pivot-mobilisation, set: {ladder: establishment, org: @P@, level: mobilisation}, when: {impacted: @P@}, hold: 30min, delay: 30min}
    - {id: pivot-plan-blanc, set: {ladder: establishment, org: @P@, level: plan_blanc}, when: {care_down: @P@/emergency}, hold: 1h, delay: 1h, notify: [ars, cert_sante]}
    - {id: ght-crisis, set: {ladder: ght, ght: @GHT@, level: crisis}, when: {all: [{ladder: {ladder: establishment, org: @P@, at_least: plan_blanc}}, {impacted_count: 2}]}, delay: 30min}
    - {id: ars-watch, set: {ladder: ars, level: n1}, when: {happened: {event: incident.declared, subject: @P@}}, delay: 30min}
    - {id: ars-reinforced, set: {ladder: ars, level: n2}, when: {ladder: {ladder: establishment, org: @P@, at_least: plan_blanc}}, delay: 1h}
    - {id: craps-activation, set: {ladder: ars, level: n3}, when: {all: [{ladder: {ladder: establishment, org: @P@, at_least: plan_blanc}}, {impacted_count: 3}]}, hold: 2h, delay: 1h, notify: [prefecture, national]}
  craps:
    coordinate_diversion: true
    regional_support: [@P@]
    equipment_loans:
      - {orgs: [@P@], floor_boost: 0.1, delay: 24h}

injects:
  generated: true
  scripted:
    - {id: debex, at: "2026-10-17 22:30", phase: DEBEX, channel: mail, from: Direction de l'exercice, to: Tous, stimulus: Début de l'exercice}
)";

} // namespace

GeneratedRegion generate_region(const GeneratorSpec& spec)
{
  if (spec.orgs < MIN_GENERATED_ORGS)
    throw std::invalid_argument(fmt::format("--orgs {}: at least {} organisations are needed (a GHT, its partners "
                                            "and the regional bodies)",
                                            spec.orgs, MIN_GENERATED_ORGS));
  if (!(spec.assets_per_org > 0) || !std::isfinite(spec.assets_per_org))
    throw std::invalid_argument(fmt::format("--assets-per-org {}: expected a positive number", spec.assets_per_org));
  if (spec.assets_per_org * static_cast<double>(spec.orgs) > MAX_GENERATED_ASSETS)
    throw std::invalid_argument(fmt::format("--assets-per-org {} with --orgs {}: {:g} assets, more than the {:g} a "
                                            "generated region may have",
                                            spec.assets_per_org, spec.orgs,
                                            spec.assets_per_org * static_cast<double>(spec.orgs), MAX_GENERATED_ASSETS));
  return Builder(spec).build();
}

std::string generate_scenario(const GeneratedRegion& region, const std::string& region_path, std::uint64_t seed)
{
  std::string lab_step, member_playbook;
  if (!region.lab_lis.empty())
    lab_step = fmt::format("    - {{id: to-laboratory, technique: T1021.002, action: lateral_movement, target: {}, "
                           "after: [domain-admin], delay: 20min}}\n",
                           region.lab_lis);
  if (!region.member.empty())
    member_playbook = fmt::format("    - id: member-cell\n      org: {0}\n      when: impacted\n      delay: 1h\n"
                                  "      actions:\n        - activate_crisis_cell: {0}\n",
                                  region.member);
  return fill(SCENARIO, {{"@P@", region.pivot},
                         {"@DOMAIN@", region.domain},
                         {"@GHT@", region.ght},
                         {"@CYBER@", region.cyber},
                         {"@REGION@", region_path},
                         {"@SEED@", std::to_string(seed)},
                         {"@LAB_STEP@", lab_step},
                         {"@MEMBER_PLAYBOOK@", member_playbook}});
}

} // namespace ricochet::scenario
