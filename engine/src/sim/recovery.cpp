#include "recovery.hpp"

#include <algorithm>
#include <limits>
#include <tuple>
#include <mutex>

#include "daemon_lock.hpp"

namespace ricochet::sim {

using model::AssetKind;
namespace sg4 = simgrid::s4u;

namespace {

/** Clean core first: the identity and virtualisation base, then backups, then services, the Internet edge last. */
int core_rank(AssetKind kind)
{
  switch (kind) {
    case AssetKind::DIRECTORY: return 0;
    case AssetKind::STORAGE: return 1;
    case AssetKind::HYPERVISOR: return 2;
    case AssetKind::BACKUP: return 3;
    case AssetKind::REMOTE_ACCESS:
    case AssetKind::INTERNET_GATEWAY: return 5;
    default: return 4;
  }
}

/** Reinstalled rather than restored: their data are what runs on them, restored one by one. */
bool reinstalled(AssetKind kind)
{
  return kind == AssetKind::HYPERVISOR || kind == AssetKind::STORAGE || kind == AssetKind::WORKSTATIONS;
}

} // namespace

Recovery::Recovery(World& world, const Platform& platform, const scenario::Recovery& config, Wakeups& wakeups)
    : world_(world), platform_(platform), config_(config), wakeups_(wakeups),
      team_started_(world.region().organisations.size(), 0),
      ordered_by_(world.region().organisations.size(), 0), taken_(world.asset_count(), 0),
      cleaned_(world.asset_count(), 0), requested_(world.region().organisations.size(), 0)
{
  mutex_ = sg4::Mutex::create();
  cv_    = sg4::ConditionVariable::create();
  const model::Region& region = world.region();
  operated_.resize(region.organisations.size());
  directories_.resize(region.domains.size());
  backups_of_.resize(world.asset_count());
  hosts_directory_.assign(world.asset_count(), 0);
  for (std::size_t a = 0; a < world.asset_count(); ++a) {
    operated_[world.operator_of(a)].push_back(a);
    if (region.assets[a].kind == AssetKind::DIRECTORY) {
      if (world.asset(a).domain < directories_.size())
        directories_[world.asset(a).domain].push_back(a);
      for (std::size_t h = world.asset(a).host; h != NONE && hosts_directory_[h] == 0; h = world.asset(h).host)
        hosts_directory_[h] = 1;
    }
    if (region.assets[a].backup)
      for (const auto& id : region.assets[a].backup->protects) {
        auto& list = backups_of_[world.asset_index(id)];
        if (list.empty() || list.back() != a)
          list.push_back(a);
      }
  }
}

void Recovery::wake()
{
  wakeups_.request(cv_);
}

void Recovery::on_event(const Event& e)
{
  if (e.kind == "asset.state" || e.kind == "link.state" || e.kind == "asset.encrypted" ||
      e.kind == "backup.destroyed" || e.kind == "asset.reconnected")
    wake();
}

bool Recovery::untrusted(std::size_t a) const
{
  const AssetRuntime& rt = world_.asset(a);
  return world_.region().assets[a].kind == AssetKind::DIRECTORY && rt.domain != NONE &&
         world_.domain_lost(rt.domain) && cleaned_[a] == 0;
}

bool Recovery::needs_recovery(std::size_t a) const
{
  const AssetRuntime& rt = world_.asset(a);
  if (taken_[a] != 0 || rt.condition == Condition::RECOVERING)
    return false;
  // A directory of a domain the attacker administered cannot be trusted: rebuilt before anything relies on it.
  return rt.condition == Condition::ENCRYPTED || rt.condition == Condition::DESTROYED || untrusted(a);
}

std::optional<Recovery::Plan> Recovery::plan(std::size_t a) const
{
  const model::Region& region = world_.region();
  const model::Asset& asset   = region.assets[a];
  const AssetRuntime& rt      = world_.asset(a);
  Plan rebuild{Plan::Method::REBUILD, NONE, config_.rebuild_time(asset.kind)};
  if (reinstalled(asset.kind) || untrusted(a) || asset.kind == AssetKind::BACKUP)
    return rebuild;
  bool survivor = false;
  std::optional<Plan> best;
  double best_time = std::numeric_limits<double>::infinity();
  for (std::size_t b : backups_of_[a]) {
    const model::Asset& backup = region.assets[b];
    const AssetRuntime& brt = world_.asset(b);
    if (brt.copies_lost || brt.condition == Condition::DESTROYED || brt.condition == Condition::ENCRYPTED)
      continue;
    survivor = true;
    if (brt.service == Service::DOWN ||
        !world_.network().reachable(static_cast<int>(brt.zone), static_cast<int>(rt.zone)))
      continue;
    double prepare = config_.setup_s + (backup.backup->mode == model::BackupMode::OFFLINE ? config_.offline_extra_s : 0);
    double estimate = prepare + asset.data_bytes / backup.bandwidth_Bps;
    if (estimate < best_time) {
      best_time = estimate;
      best      = Plan{Plan::Method::RESTORE, b, prepare};
    }
  }
  if (best)
    return best;
  if (survivor)
    return std::nullopt; // a copy exists: wait until it can be reached rather than rebuild from nothing
  return rebuild;
}

bool Recovery::ready(std::size_t a) const
{
  const AssetRuntime& rt = world_.asset(a);
  if (rt.host != NONE) {
    const AssetRuntime& host = world_.asset(rt.host);
    if (host.condition != Condition::OK || host.service == Service::DOWN)
      return false;
  }
  const model::Region& region = world_.region();
  // Clean core first: what runs on the directory's own infrastructure cannot wait for it.
  bool under_directory = hosts_directory_[a] != 0;
  if (region.assets[a].kind != AssetKind::DIRECTORY && !under_directory && rt.domain < directories_.size())
    for (std::size_t d : directories_[rt.domain])
      if (world_.asset(d).condition != Condition::OK || needs_recovery(d) || taken_[d] != 0)
        return false; // clean core first
  return plan(a).has_value();
}

std::optional<std::size_t> Recovery::pick(const std::vector<std::size_t>& teams) const
{
  const model::Region& region = world_.region();
  for (std::size_t team : teams) {
    std::optional<std::size_t> best;
    auto key = [&](std::size_t a) {
      const model::Asset& asset = region.assets[a];
      return std::make_tuple(core_rank(asset.kind), asset.rto_s.value_or(std::numeric_limits<double>::infinity()), a);
    };
    if (team >= operated_.size())
      continue;
    for (std::size_t a : operated_[team])
      if (needs_recovery(a) && ready(a) && (!best || key(a) < key(*best)))
        best = a;
    if (best)
      return best;
  }
  return std::nullopt;
}

void Recovery::spawn(const std::vector<std::size_t>& teams, bool regional)
{
  for (std::size_t org : teams) {
    if (team_started_[org] != 0)
      continue;
    team_started_[org] = 2; // spawned, not yet called
    int n              = config_.technicians_of(world_.region().organisations[org].id);
    for (int i = 0; i < n; ++i)
      sg4::Actor::create("technician:" + world_.region().organisations[org].id + ":" + std::to_string(i + 1),
                         platform_.control(), [this, org] { technician(org, false); })
          ->daemonize();
  }
  if (regional)
    for (int i = 0; i < config_.regional.technicians; ++i)
      sg4::Actor::create("technician:regional:" + std::to_string(i + 1), platform_.control(),
                         [this] { technician(NONE, true); })
          ->daemonize();
}

void Recovery::start(std::size_t org, std::uint64_t cause)
{
  ordered_by_[org] = cause;
  // What was shut down as a precaution comes back at once; what was damaged waits for a technician.
  for (std::size_t a = 0; a < world_.asset_count(); ++a)
    if (world_.operator_of(a) == org && world_.asset(a).condition == Condition::SHUT_DOWN)
      world_.set_condition(a, Condition::OK, "asset.restarted", cause);
  team_started_[org] = 1;
  wake();
}

void Recovery::request_regional(std::size_t org, std::uint64_t cause)
{
  if (requested_[org] == 0)
    requested_[org] = cause;
  if (std::find(regional_teams_.begin(), regional_teams_.end(), org) == regional_teams_.end())
    regional_teams_.push_back(org);
  if (!regional_requested_) {
    regional_requested_ = true;
    regional_cause_     = cause;
  }
  wake();
}

void Recovery::recover(std::size_t a, const Plan& plan_taken, std::uint64_t cause, const std::string& who)
{
  const model::Asset& asset = world_.region().assets[a];
  const Plan* p             = &plan_taken;
  const double t0           = world_.now();
  const bool damaged        = world_.asset(a).condition != Condition::OK;
  nlohmann::json details{{"technician", who},
                         {"method", p->method == Plan::Method::RESTORE ? "restore" : "rebuild"}};
  if (p->backup != NONE)
    details["backup"] = world_.region().assets[p->backup].id;
  std::uint64_t started = world_.set_condition(a, Condition::RECOVERING, "recovery.started", cause, details);
  wakeups_.flush();
  sg4::this_actor::sleep_for(p->prepare_s);
  if (p->method == Plan::Method::RESTORE) {
    sg4::Host* from = platform_.host_of(p->backup);
    sg4::Host* to   = platform_.host_of(a);
    auto bytes      = static_cast<std::uint64_t>(asset.data_bytes);
    if (from != to && bytes > 0)
      sg4::Comm::sendto(from, to, bytes);
  }
  details["duration_s"] = world_.now() - t0;
  details["data_lost"]  = p->method == Plan::Method::REBUILD && !reinstalled(asset.kind) && damaged;
  world_.set_compromised(a, false);
  const std::size_t domain = world_.asset(a).domain;
  if (asset.kind == AssetKind::DIRECTORY && domain != NONE && world_.domain_lost(domain)) {
    cleaned_[a] = 1; // the trust core is rebuilt once every directory of the domain is
    bool all    = true;
    for (std::size_t d = 0; d < world_.asset_count(); ++d)
      if (world_.region().assets[d].kind == AssetKind::DIRECTORY && world_.asset(d).domain == domain)
        all = all && cleaned_[d] != 0;
    if (all) {
      world_.clear_domain_lost(domain);
      for (std::size_t d = 0; d < world_.asset_count(); ++d)
        if (world_.asset(d).domain == domain)
          cleaned_[d] = 0;
    }
  }
  world_.set_condition(a, Condition::OK, "asset.restored", started, details);
}

void Recovery::technician(std::size_t team, bool regional)
{
  const std::string who = sg4::this_actor::get_name();
  std::unique_lock<sg4::Mutex> lock(*mutex_);
  until_killed(lock, [&] {
    if (regional) { // wait to be asked, then travel
      while (!regional_requested_)
        cv_->wait(lock);
      lock.unlock();
      sg4::this_actor::sleep_for(config_.regional.delay_s);
      if (!regional_arrived_) {
        regional_arrived_ = true;
        world_.emit("regional_support.arrived", config_.regional.org, "arrived", regional_cause_,
                    {{"technicians", config_.regional.technicians}});
      }
      lock.lock();
    }
    while (true) {
      wakeups_.flush();
      std::vector<std::size_t> serve = regional ? regional_teams_ : std::vector<std::size_t>{};
      if (!regional && team_started_[team] == 1)
        serve.push_back(team);
      auto job = pick(serve);
      std::optional<Plan> how = job ? plan(*job) : std::nullopt;
      if (!job || !how) {
        cv_->wait(lock);
        continue;
      }
      taken_[*job]     = 1;
      std::size_t org  = world_.operator_of(*job);
      std::uint64_t by = ordered_by_[org] != 0 ? ordered_by_[org] : requested_[org];
      lock.unlock();
      recover(*job, *how, by, who);
      lock.lock();
      taken_[*job] = 0;
      wake();
    }
  });
}

} // namespace ricochet::sim
