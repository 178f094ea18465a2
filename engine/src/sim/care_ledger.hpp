#pragma once
// Patients, as fluid flows: each care function receives its demand, serves what its capacity allows (nominal, the
// paper-mode floor while a needed system is lost, then a ramp back), and what it cannot serve is diverted through
// SAMU regulation to the nearest organisations with the same function and spare capacity (time-critical functions
// first), or waits as backlog. Patients are conserved: demand = served + diverted + backlog, for every function, at
// every step. No SimGrid here: the care actor calls step() on a fixed grid.
#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "ricochet/core/local_time.hpp"
#include "ricochet/model/region.hpp"
#include "world.hpp"

namespace ricochet::sim {

struct CareSlot {
  std::size_t org = 0;
  model::CareKind kind = model::CareKind::OTHER;
  double nominal_per_h = 0;
  double demand_per_h  = 0;
  std::array<double, 24> hourly{};
  double floor = 0, degraded = 0.8, ramp_up_s = 0, fatigue_after_s = 0, fatigue_factor = 1;
  bool time_critical = false;
  double stay_h      = 1;
  std::vector<model::CareOverflow> overflow;
  // state, from care.state events
  Service state           = Service::UP;
  double since            = 0;
  double factor_at_change = 1;
  // accounting (patients)
  double demand = 0, served = 0, diverted_out = 0, diverted_in = 0, backlog = 0;
  double degraded_patient_hours = 0; ///< patients arriving while below nominal, times their stay
  double degraded_hours = 0;         ///< hours spent below nominal capacity
  double backlog_patient_hours = 0, min_factor = 1;
  // the last step, for series and overload
  double step_demand = 0, step_capacity = 0, step_served = 0, step_out = 0, step_in = 0;
};

class CareLedger {
public:
  /** radius_km: how far SAMU regulation sends patients while no regional coordination is active. */
  CareLedger(const model::Region& region, const core::LocalClock& clock, double radius_km);

  /** A care function changed state at time t. */
  void set_state(std::size_t care, Service state, double t);
  /** The organisation's SAMU regulation works slower (its telephony is lost): the capacity of its regulation
   *  functions to place patients is divided by factor; other organisations' regulation keeps its pace. */
  void set_regulation_slowdown(std::size_t org, double factor) { regulation_slowdown_.at(org) = factor; }
  /** Regional coordination (the CRAPS): diversion goes as far as needed. */
  void set_regional_coordination(bool on) { regional_ = on; }
  /** Equipment lent to the organisation raises the paper-mode floors of its care functions. */
  void boost_floor(std::size_t org, double delta);
  /** Capacity as a fraction of nominal at time t. */
  [[nodiscard]] double factor(std::size_t care, double t) const;
  /** Accounts for [t, t + dt). */
  void step(double t, double dt);

  [[nodiscard]] const std::vector<CareSlot>& slots() const { return slots_; }
  /** Patients moved from one function to another, in total. */
  [[nodiscard]] const std::map<std::pair<std::size_t, std::size_t>, double>& flows() const { return flows_; }
  /** Organisations whose functions ran at capacity while receiving diverted patients in the last step. */
  [[nodiscard]] std::vector<char> overloaded() const;
  /** Distance between two organisations in km (haversine), or +inf if either has no location. */
  [[nodiscard]] double distance_km(std::size_t org_a, std::size_t org_b) const;

private:
  /** Moves up to `count` of o's waiting patients to the nearest functions of `kind` with spare capacity (within the
   *  radius unless regional), drawing on `regulation` when patients go through SAMU regulation. */
  void place(std::size_t o, model::CareKind kind, double count, std::vector<double>& spare,
             std::vector<double>& waiting, double* regulation);

  const model::Region& region_;
  const core::LocalClock& clock_;
  double radius_km_;
  bool regional_ = false;
  std::vector<double> regulation_slowdown_; ///< per organisation
  std::vector<CareSlot> slots_;
  std::vector<std::size_t> regulation_; ///< SAMU regulation functions: their capacity bounds diversion
  std::map<std::pair<std::size_t, std::size_t>, double> flows_;
  // Fixed for the run, so computed once (every step of every function used to sort, scan and allocate anew).
  std::vector<std::size_t> placing_order_;        ///< time-critical functions first, then the others, stable
  std::vector<std::vector<std::size_t>> of_kind_; ///< per care kind: its functions, ascending
  std::vector<double> cos_lat_;                   ///< per organisation: cosine of its latitude (haversine)
  std::vector<double> capacity_, spare_, waiting_; ///< per function, this step
  std::vector<std::pair<double, std::size_t>> receivers_; ///< place(): candidates by distance
};

} // namespace ricochet::sim
