#include "injects.hpp"

#include <functional>

#include "inject_templates.hpp"
#include "ricochet/core/units.hpp"

namespace ricochet::sim {

InjectPlayer::InjectPlayer(World& world, const scenario::Injects& injects, const Governance& governance,
                           RandomStreams& random, Wakeups& wakeups)
    : world_(world), injects_(injects), governance_(governance), random_(random), agenda_("injects", wakeups),
      fired_(injects.conditional.size(), 0), sent_(injects.scripted.size() + injects.conditional.size(), 0),
      generation_(sent_.size(), 0)
{
}

std::optional<std::size_t> InjectPlayer::slot_of(const scenario::Inject& inject) const
{
  std::less<const scenario::Inject*> before; // a total order, even between unrelated objects
  std::size_t base = 0;
  for (const auto* list : {&injects_.scripted, &injects_.conditional}) {
    const scenario::Inject* first = list->data();
    if (!list->empty() && !before(&inject, first) && before(&inject, first + list->size()))
      return base + static_cast<std::size_t>(&inject - first);
    base += list->size();
  }
  return std::nullopt; // a generated inject
}

void InjectPlayer::schedule_send(const scenario::Inject& inject, double when, const char* type, std::uint64_t cause,
                                 std::string trigger)
{
  std::size_t slot = slot_of(inject).value(); // scripted or conditional: always a slot
  unsigned gen     = generation_[slot];
  agenda_.schedule(when, [this, &inject, slot, gen, type, cause, trigger] {
    if (sent_[slot] == 0 && generation_[slot] == gen) // not sent, not fired or re-timed meanwhile
      send(inject, type, cause, trigger);
  });
}

void InjectPlayer::start(simgrid::s4u::Host* host)
{
  for (const auto& inject : injects_.scripted)
    schedule_send(inject, inject.at.at_s, "scripted", 0, "T+" + core::format_duration(inject.at.at_s));
  agenda_.start(host);
}

const scenario::Inject* InjectPlayer::take(const std::string& id)
{
  for (const auto* list : {&injects_.scripted, &injects_.conditional})
    for (const auto& inject : *list) {
      std::size_t slot = slot_of(inject).value();
      if (inject.id != id || sent_[slot] != 0)
        continue;
      ++generation_[slot]; // cancels a send already scheduled (its own time, a condition's delay, a re-timing)
      if (list == &injects_.conditional)
        fired_[slot - injects_.scripted.size()] = 1; // its condition no longer schedules it
      return &inject;
    }
  return nullptr; // already sent: a trainer cannot unsend it
}

void InjectPlayer::fire_now(const std::string& id, std::uint64_t cause)
{
  if (const scenario::Inject* inject = take(id))
    send(*inject, "trainer", cause, "trainer");
}

void InjectPlayer::retime(const std::string& id, double when, std::uint64_t cause)
{
  if (const scenario::Inject* inject = take(id))
    schedule_send(*inject, when, "trainer", cause, "trainer (re-timed)");
}

void InjectPlayer::send(const scenario::Inject& inject, const char* type, std::uint64_t cause, const std::string& trigger)
{
  if (auto slot = slot_of(inject))
    sent_[*slot] = 1;
  nlohmann::json details{{"type", type},
               {"phase", inject.phase},
               {"channel", core::enum_name(inject.channel)},
               {"from", inject.sender},
               {"to", inject.recipient},
               {"stimulus", {{"fr", inject.stimulus.fr}, {"en", inject.stimulus.en}}},
               {"expected", {{"fr", inject.expected.fr}, {"en", inject.expected.en}}},
               {"deliverable", inject.deliverable},
               {"note", inject.note},
               {"trigger", inject.trigger.empty() ? trigger : inject.trigger}};
  if (!inject.cause.empty()) // carried over from an imported chronogramme
    details["cause_text"] = inject.cause;
  world_.emit("inject", inject.id, "sent", cause, details);
}

void InjectPlayer::on_event(const Event& e)
{
  if (e.kind == "inject")
    return;
  last_event_ = e.id;
  if (injects_.generated) {
    if (auto g = generate_inject(e, world_.region(), world_.clock())) {
      scenario::Inject inject;
      inject.id        = "gen-" + std::to_string(e.id);
      inject.phase     = "";
      inject.channel   = g->channel;
      inject.sender    = "cellule d'animation";
      inject.recipient = g->recipient;
      inject.stimulus  = g->stimulus;
      const Event copy = e; // sent once the change has settled, after the event it reports
      agenda_.schedule(e.time, [this, inject, copy] { send(inject, "generated", copy.id, copy.kind + " " + copy.subject); });
    }
  }
  request_evaluation();
}

void InjectPlayer::request_evaluation()
{
  if (pending_ || injects_.conditional.empty())
    return;
  pending_ = true;
  agenda_.schedule(world_.now(), [this] {
    pending_ = false;
    evaluate();
  });
}

void InjectPlayer::evaluate()
{
  for (std::size_t i = 0; i < injects_.conditional.size(); ++i) {
    const scenario::Inject& inject = injects_.conditional[i];
    if (fired_[i] != 0 || !inject.when || !governance_.holds(*inject.when))
      continue;
    fired_[i]    = 1; // once
    double delay = random_.get("inject:" + inject.id).sample(inject.delay);
    std::uint64_t cause = last_event_;
    schedule_send(inject, world_.now() + delay, "conditional", cause, "condition");
  }
}

} // namespace ricochet::sim
