#pragma once
// The viewer's words in French (the room's language by default) and English.
#include <string>

namespace ricochet::viz {

enum class Lang { FR, EN };

/** The label for key ("legend.encrypted", "panel.ladders"...) in lang; the key itself if unknown. */
[[nodiscard]] std::string label(Lang lang, const std::string& key);

} // namespace ricochet::viz
