#pragma once
// Detection and response: a SOC actor decides, for each attack effect, whether and when a control (or people)
// detect it; each organisation's response team actor plays its playbooks when their trigger occurs, after a delay
// that staffing stretches at night and at weekends.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "agenda.hpp"
#include "random_streams.hpp"
#include "recovery.hpp"
#include "ricochet/scenario/defence.hpp"
#include "world.hpp"

namespace ricochet::sim {

class Defenders {
public:
  Defenders(World& world, const scenario::Defence& defence, RandomStreams& random, Recovery& recovery,
            Wakeups& wakeups);
  /** Creates the SOC's and the response teams' actors. */
  void start(simgrid::s4u::Host* host);
  void on_event(const Event& e);
  /** How much slower an organisation coordinates (lost telephony); 1 when unset. */
  void set_communications(std::function<double(std::size_t)> factor) { communications_ = std::move(factor); }
  /** Carries out one response action now (a playbook's, or a trainer's decision). */
  void act(const scenario::ResponseAction& action, std::uint64_t cause);

private:
  void detect(const Event& effect);
  void trigger(scenario::Trigger when, std::size_t org, std::uint64_t cause);
  void execute(const scenario::Playbook& playbook, std::uint64_t cause);
  std::vector<std::size_t> links_to_cut(const scenario::ResponseAction& action) const;
  Agenda& team(std::size_t org);

  World& world_;
  const scenario::Defence& defence_;
  RandomStreams& random_;
  Recovery& recovery_;
  Wakeups& wakeups_;
  Agenda soc_;
  std::map<std::size_t, std::unique_ptr<Agenda>> teams_;
  std::vector<char> fired_;
  std::function<double(std::size_t)> communications_;
  std::map<std::string, std::vector<std::size_t>> held_; ///< isolation (by its target) -> the links it holds cut
};

} // namespace ricochet::sim
