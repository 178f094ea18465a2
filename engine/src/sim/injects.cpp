#include "injects.hpp"

#include "inject_templates.hpp"
#include "ricochet/core/units.hpp"

namespace ricochet::sim {

InjectPlayer::InjectPlayer(World& world, const scenario::Injects& injects, const Governance& governance,
                           RandomStreams& random, Wakeups& wakeups)
    : world_(world), injects_(injects), governance_(governance), random_(random), agenda_("injects", wakeups),
      fired_(injects.conditional.size(), 0)
{
}

void InjectPlayer::start(simgrid::s4u::Host* host)
{
  scripted_taken_.assign(injects_.scripted.size(), 0);
  for (std::size_t i = 0; i < injects_.scripted.size(); ++i)
    agenda_.schedule(injects_.scripted[i].at.at_s, [this, i] {
      const scenario::Inject& inject = injects_.scripted[i];
      if (scripted_taken_[i] == 0) {
        scripted_taken_[i] = 1;
        send(inject, "scripted", 0, "T+" + core::format_duration(inject.at.at_s));
      }
    });
  agenda_.start(host);
}

const scenario::Inject* InjectPlayer::take(const std::string& id)
{
  for (std::size_t i = 0; i < injects_.scripted.size(); ++i)
    if (injects_.scripted[i].id == id && scripted_taken_[i] == 0) {
      scripted_taken_[i] = 1;
      return &injects_.scripted[i];
    }
  for (std::size_t i = 0; i < injects_.conditional.size(); ++i)
    if (injects_.conditional[i].id == id && fired_[i] == 0) {
      fired_[i] = 1;
      return &injects_.conditional[i];
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
    agenda_.schedule(when, [this, inject, cause] { send(*inject, "trainer", cause, "trainer (re-timed)"); });
}

void InjectPlayer::send(const scenario::Inject& inject, const char* type, std::uint64_t cause, const std::string& trigger)
{
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
    agenda_.schedule(world_.now() + delay, [this, &inject, cause] { send(inject, "conditional", cause, "condition"); });
  }
}

} // namespace ricochet::sim
