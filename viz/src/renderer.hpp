#pragma once
// Draws one frame: the territory, the panels and the overlays, from a SceneState. Sized for a projector:
// large fonts, saturated colours on a dark background, state told by colour and by shape.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <SFML/Graphics.hpp>

#include "labels.hpp"
#include "scene_state.hpp"
#include "session.hpp"

namespace ricochet::viz {

struct ViewOptions {
  Lang lang       = Lang::FR;
  bool help       = false;
  std::string selected; ///< organisation id, empty if none
  float zoom      = 1;
  sf::Vector2f pan{0, 0};
  std::string message;  ///< a line shown at the bottom (errors, "saved to ...")
};

[[nodiscard]] sf::Color look_colour(Look look);

/** The look of an organisation: its worst asset, at least degraded when impacted, isolated when cut off. */
[[nodiscard]] Look org_look(const Territory& territory, std::size_t org, const SceneState& state);

class Renderer {
public:
  /** Loads the font; without it frames are drawn without text and font_error() says why. */
  explicit Renderer(const std::string& font_path);
  [[nodiscard]] const std::string& font_error() const { return font_error_; }

  void draw(sf::RenderTarget& target, const Session& session, const SceneState& state, const ViewOptions& view);
  /** Where an organisation's centre is drawn in a target of this size. */
  [[nodiscard]] static sf::Vector2f org_position(const Place& at, sf::Vector2u size, const ViewOptions& view);
  /** The organisation under a point, if any. */
  [[nodiscard]] static std::optional<std::size_t> org_at(const Territory& t, sf::Vector2f point, sf::Vector2u size,
                                                         const ViewOptions& view);
  /** Where the CRAPS banner is drawn (tests look there). */
  [[nodiscard]] static sf::FloatRect banner_rect(sf::Vector2u size);

  static constexpr float ORG_RADIUS = 24;
  static constexpr float PANEL_WIDTH = 520;
  static constexpr float TOP_BAR = 60;

private:
  void text(sf::RenderTarget& target, const std::string& utf8, sf::Vector2f at, unsigned size, sf::Color colour,
            bool bold = false, bool centred = false);
  void draw_map(sf::RenderTarget& target, const Session& session, const SceneState& state, const ViewOptions& view);
  void draw_top_bar(sf::RenderTarget& target, const Session& session, const ViewOptions& view);
  void draw_panel(sf::RenderTarget& target, const Session& session, const SceneState& state, const ViewOptions& view);
  void draw_legend(sf::RenderTarget& target, const ViewOptions& view);
  void draw_selection(sf::RenderTarget& target, const Session& session, const SceneState& state,
                      const ViewOptions& view);
  void draw_help(sf::RenderTarget& target, const ViewOptions& view);

  /** The map drawn off screen and copied while what it shows is unchanged: drawing 2,000 organisations and their
   *  links every frame held Xvfb's software renderer to 10 frames per second. */
  struct Layer {
    sf::RenderTexture texture;
    std::string key; ///< what was drawn (view, looks, propagation); empty: nothing yet
  };
  /** The layer, redrawn by `paint` if `key` differs from what it holds; false if no off-screen texture is available
   *  (then draw directly). */
  static bool refresh(Layer& layer, sf::Vector2u size, const std::string& key,
                      const std::function<void(sf::RenderTarget&)>& paint);

  sf::Font font_;
  bool has_font_ = false;
  std::string font_error_;
  std::unique_ptr<Layer> map_ = std::make_unique<Layer>();
};

} // namespace ricochet::viz
