#pragma once
// The care actor: on a fixed grid it runs the care ledger, records the series, and publishes what people follow:
// capacity changes, diversions that start, organisations overloaded in turn; at the end, the totals.
#include <functional>
#include <vector>

#include <simgrid/s4u.hpp>

#include "care_ledger.hpp"
#include "ricochet/sim/event.hpp"
#include "wakeups.hpp"
#include "world.hpp"

namespace ricochet::sim {

class Care {
public:
  /** @param series keep every function's sample at every step (samples()); the totals are kept either way */
  Care(World& world, double step_s, double radius_km, double end_s, bool series, Wakeups& wakeups);
  void start(simgrid::s4u::Host* host);
  void on_event(const Event& e);
  /** Emits care.totals (at the end of the run). */
  void finish();
  [[nodiscard]] const std::vector<CareSample>& samples() const { return samples_; }
  [[nodiscard]] CareLedger& ledger() { return ledger_; }
  /** Called after each accounting step (governance re-evaluates capacity conditions). */
  void on_tick(std::function<void()> cb) { on_tick_ = std::move(cb); }
  /** How much slower an organisation coordinates (lost telephony): slows SAMU regulation. */
  void set_communications(std::function<double(std::size_t)> factor) { communications_ = std::move(factor); }

private:
  void loop();
  void tick(double t);

  World& world_;
  double step_s_;
  double end_s_;
  bool series_;
  Wakeups& wakeups_;
  CareLedger ledger_;
  std::vector<double> last_factor_;
  std::vector<char> overloaded_;
  std::vector<CareSample> samples_;
  std::map<std::pair<std::size_t, std::size_t>, char> announced_;
  std::function<void()> on_tick_;
  std::function<double(std::size_t)> communications_;
};

} // namespace ricochet::sim
