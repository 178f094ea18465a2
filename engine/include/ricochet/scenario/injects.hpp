#pragma once
// Injects: the stimuli the control cell sends to players, scripted by planners (chronogramme lines), conditional
// on the model state, or generated from significant simulated events.
#include <optional>
#include <string>
#include <vector>

#include "ricochet/core/diagnostics.hpp"
#include "ricochet/core/random.hpp"
#include "ricochet/scenario/attack.hpp"
#include "ricochet/scenario/governance.hpp"

namespace ricochet::scenario {

/** A text in French and English (one of them may be empty: the other is used). */
struct Text {
  std::string fr;
  std::string en;
  [[nodiscard]] const std::string& in(const std::string& lang) const
  {
    if (lang == "en")
      return en.empty() ? fr : en;
    return fr.empty() ? en : fr;
  }
};

enum class Channel { MAIL, PHONE, SMS, MSSANTE, PRESS, SOCIAL, FIELD };

struct Inject {
  std::string id;
  StepTime at;                     ///< scripted: when (AT) ...
  std::optional<Condition> when;   ///< ...or conditional: once this holds
  core::Distribution delay;        ///< conditional: after the condition holds
  std::string phase;
  Channel channel = Channel::PHONE;
  std::string sender;              ///< simulated sender
  std::string recipient;           ///< the cell that receives it
  Text stimulus;
  Text expected;                   ///< expected reaction
  std::string deliverable;
  std::string note;                ///< facilitator's note
  std::string trigger;             ///< carried over from an imported chronogramme (written back on export)
  std::string cause;               ///< idem
  core::SourcePos pos;
};

struct Injects {
  std::vector<Inject> scripted;
  std::vector<Inject> conditional;
  bool generated = true; ///< stimuli generated from significant simulated events
};

} // namespace ricochet::scenario

namespace ricochet::core {
template <> struct EnumNames<ricochet::scenario::Channel> {
  static const std::vector<std::pair<ricochet::scenario::Channel, std::string_view>>& table();
};
} // namespace ricochet::core
