#include "renderer.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "display.hpp"
#include "ricochet/io/journal.hpp"
#include "ricochet/io/why.hpp"

namespace ricochet::viz {

namespace {

const sf::Color BACKGROUND(18, 22, 30), PANEL(28, 34, 46), TEXT(235, 238, 245), DIM(150, 158, 175),
    EDGE(90, 100, 120), HOSTING(200, 140, 60), ATTACK(255, 60, 60), ISOLATION(40, 120, 255), BANNER(200, 20, 40);

/** The first n code points of a UTF-8 string, with an ellipsis if cut. */
std::string clip(const std::string& s, std::size_t n)
{
  std::size_t points = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && points++ == n)
      return s.substr(0, i) + "…";
  return s;
}

std::string feed_line(const sim::Event& e)
{
  std::string when = io::format_t_plus(e.time);
  if (e.kind == "inject") {
    std::string to;
    for (const auto& r : e.details.value("to", nlohmann::json::array()))
      to += (to.empty() ? "" : ", ") + r.get<std::string>();
    std::string stimulus = e.details.contains("stimulus") ? e.details["stimulus"].value("fr", "") : "";
    return fmt::format("{}  [{}] → {} : {}", when, e.details.value("channel", "?"), to, stimulus);
  }
  if (e.kind == "trainer.action")
    return fmt::format("{}  ANIMATEUR {} {}", when, e.state, e.subject);
  return fmt::format("{}  {} {} {}", when, e.kind, e.subject, e.state);
}

sf::Color gauge_colour(double f)
{
  return f >= 0.8 ? sf::Color(46, 170, 80) : f >= 0.5 ? sf::Color(240, 190, 40) : sf::Color(220, 50, 50);
}

void rect(sf::RenderTarget& target, sf::FloatRect r, sf::Color fill)
{
  sf::RectangleShape shape({r.width, r.height});
  shape.setPosition(r.left, r.top);
  shape.setFillColor(fill);
  target.draw(shape);
}

void line(sf::RenderTarget& target, sf::Vector2f a, sf::Vector2f b, float width, sf::Color colour)
{
  sf::Vector2f d = b - a;
  float len      = std::sqrt(d.x * d.x + d.y * d.y);
  if (len < 1)
    return;
  sf::RectangleShape shape({len, width});
  shape.setOrigin(0, width / 2);
  shape.setPosition(a);
  shape.setRotation(std::atan2(d.y, d.x) * 180.f / static_cast<float>(M_PI));
  shape.setFillColor(colour);
  target.draw(shape);
}

/** Appends the triangles of the rotated rectangle line() draws: all edges go in one draw call (one per edge cost a
 *  national territory most of a frame in the software renderer). */
void append_line(sf::VertexArray& triangles, sf::Vector2f a, sf::Vector2f b, float width, sf::Color colour)
{
  sf::Vector2f d = b - a;
  float len      = std::sqrt(d.x * d.x + d.y * d.y);
  if (len < 1)
    return;
  sf::Vector2f n(-d.y / len * width / 2, d.x / len * width / 2);
  for (sf::Vector2f p : {a - n, b - n, b + n, a - n, b + n, a + n})
    triangles.append(sf::Vertex(p, colour));
}

sf::Vector2f unit_normal(sf::Vector2f p1, sf::Vector2f p2)
{
  sf::Vector2f n(p1.y - p2.y, p2.x - p1.x);
  float length = std::sqrt(n.x * n.x + n.y * n.y);
  return length != 0.f ? n / length : n;
}

/** Appends a shape's fill and outline as triangles, with the geometry SFML 2.5 gives them (a fan from the centre of
 *  its points; an outline along the bisectors), so that many shapes take one draw call. */
void append_shape(sf::VertexArray& triangles, const sf::Shape& shape)
{
  const std::size_t n = shape.getPointCount();
  if (n < 3)
    return;
  const sf::Transform& to_target = shape.getTransform();
  std::vector<sf::Vector2f> p(n);
  sf::Vector2f lo = shape.getPoint(0), hi = lo;
  for (std::size_t i = 0; i < n; ++i) {
    p[i] = shape.getPoint(i);
    lo   = {std::min(lo.x, p[i].x), std::min(lo.y, p[i].y)};
    hi   = {std::max(hi.x, p[i].x), std::max(hi.y, p[i].y)};
  }
  const sf::Vector2f centre((lo.x + hi.x) / 2, (lo.y + hi.y) / 2);
  auto add = [&](sf::Vector2f q, sf::Color c) { triangles.append(sf::Vertex(to_target.transformPoint(q), c)); };
  for (std::size_t i = 0; i < n; ++i) {
    add(centre, shape.getFillColor());
    add(p[i], shape.getFillColor());
    add(p[(i + 1) % n], shape.getFillColor());
  }
  const float thickness = shape.getOutlineThickness();
  if (thickness == 0.f)
    return;
  std::vector<sf::Vector2f> strip; // inner and outer point at each corner, closed
  for (std::size_t i = 0; i <= n; ++i) {
    sf::Vector2f p0 = p[(i + n - 1) % n], p1 = p[i % n], p2 = p[(i + 1) % n];
    sf::Vector2f n1 = unit_normal(p0, p1), n2 = unit_normal(p1, p2);
    if (n1.x * (centre.x - p1.x) + n1.y * (centre.y - p1.y) > 0) // normals point out of the shape
      n1 = -n1;
    if (n2.x * (centre.x - p1.x) + n2.y * (centre.y - p1.y) > 0)
      n2 = -n2;
    float factor = 1.f + (n1.x * n2.x + n1.y * n2.y);
    strip.push_back(p1);
    strip.push_back(p1 + (n1 + n2) / factor * thickness);
  }
  for (std::size_t k = 0; k + 2 < strip.size(); ++k) {
    add(strip[k], shape.getOutlineColor());
    add(strip[k + 1], shape.getOutlineColor());
    add(strip[k + 2], shape.getOutlineColor());
  }
}

} // namespace

sf::Color look_colour(Look look)
{
  switch (look) {
    case Look::ENCRYPTED: return {220, 30, 40};
    case Look::RESTORING: return {160, 90, 230};
    case Look::COMPROMISED: return {255, 140, 0};
    case Look::DEGRADED: return {250, 215, 40};
    case Look::SHUT_DOWN: return {120, 120, 130};
    case Look::ISOLATED: return {40, 120, 255};
    case Look::RESTORED: return {0, 190, 190};
    case Look::NOMINAL: return {50, 170, 80};
  }
  return sf::Color::White;
}

Look org_look(const Territory& territory, std::size_t org, const SceneState& state)
{
  Look worst = Look::NOMINAL;
  for (const auto& asset : territory.orgs[org].assets) {
    auto it = state.assets.find(asset);
    if (it != state.assets.end())
      worst = std::min(worst, it->second.look());
  }
  auto impacted = state.org_state.find(territory.orgs[org].id);
  if (impacted != state.org_state.end() && impacted->second == "impacted")
    worst = std::min(worst, Look::DEGRADED);
  auto isolated = state.org_isolated.find(territory.orgs[org].id);
  if (isolated != state.org_isolated.end() && isolated->second)
    worst = std::min(worst, Look::ISOLATED);
  return worst;
}

Renderer::Renderer(const std::string& font_path)
{
  has_font_ = font_.loadFromFile(font_path);
  if (!has_font_)
    font_error_ = "cannot load the font " + font_path + ": drawing without text (give one with --font)";
}

sf::FloatRect Renderer::banner_rect(sf::Vector2u size)
{
  return {0, TOP_BAR, static_cast<float>(size.x) - PANEL_WIDTH, 56};
}

sf::Vector2f Renderer::org_position(const Place& at, sf::Vector2u size, const ViewOptions& view)
{
  float w = static_cast<float>(size.x) - PANEL_WIDTH, h = static_cast<float>(size.y) - TOP_BAR - 120;
  float side = std::min(w, h);
  sf::Vector2f centre{w / 2, TOP_BAR + 56 + h / 2};
  sf::Vector2f p{static_cast<float>(at.x - 0.5) * side * 0.92f, static_cast<float>(at.y - 0.5) * side * 0.92f};
  return centre + view.pan + p * view.zoom;
}

std::optional<std::size_t> Renderer::org_at(const Territory& t, sf::Vector2f point, sf::Vector2u size,
                                            const ViewOptions& view)
{
  for (std::size_t i = 0; i < t.orgs.size(); ++i) {
    sf::Vector2f d = org_position(t.orgs[i].at, size, view) - point;
    float r        = ORG_RADIUS * static_cast<float>(t.node_scale);
    if (d.x * d.x + d.y * d.y <= r * r * 1.5f)
      return i;
  }
  return std::nullopt;
}

void Renderer::text(sf::RenderTarget& target, const std::string& utf8, sf::Vector2f at, unsigned size,
                    sf::Color colour, bool bold, bool centred)
{
  if (!has_font_)
    return;
  sf::Text t(sf::String::fromUtf8(utf8.begin(), utf8.end()), font_, size);
  if (centred)
    at.x -= t.getLocalBounds().width / 2;
  t.setPosition(std::round(at.x), std::round(at.y));
  t.setFillColor(colour);
  if (bold)
    t.setStyle(sf::Text::Bold);
  target.draw(t);
}

void Renderer::draw(sf::RenderTarget& target, const Session& session, const SceneState& state,
                    const ViewOptions& view)
{
  keep_gl_driver_loaded(); // a target exists, so a GL context does
  target.clear(BACKGROUND);
  draw_map(target, session, state, view);
  draw_legend(target, view);
  draw_panel(target, session, state, view);
  draw_top_bar(target, session, view);
  if (state.craps) {
    sf::FloatRect b = banner_rect(target.getSize());
    rect(target, b, BANNER);
    text(target, label(view.lang, "craps") + " — " + io::format_local(session.clock(), state.craps_at, view.lang == Lang::FR ? "fr" : "en") + "  (" +
                     io::format_t_plus(state.craps_at) + ")",
         {b.left + 20, b.top + 10}, 28, sf::Color::White, true);
  }
  if (!view.selected.empty())
    draw_selection(target, session, state, view);
  if (view.help)
    draw_help(target, view);
  if (!view.message.empty())
    text(target, view.message, {16, static_cast<float>(target.getSize().y) - 34}, 20, sf::Color(255, 220, 120));
}

bool Renderer::refresh(Layer& layer, sf::Vector2u size, const std::string& key,
                       const std::function<void(sf::RenderTarget&)>& paint)
{
  if (layer.texture.getSize() != size) {
    layer.key.clear();
    if (!layer.texture.create(size.x, size.y))
      return false;
  }
  if (layer.key != key) {
    paint(layer.texture);
    layer.texture.display();
    layer.key = key;
  }
  return true;
}

void Renderer::draw_map(sf::RenderTarget& target, const Session& session, const SceneState& state,
                        const ViewOptions& view)
{
  const Territory& t  = session.territory();
  sf::Vector2u size   = target.getSize();
  const bool detailed = t.node_scale >= 0.6; // a large territory: no asset ring, labels only where it happens
  // The key of the map: the view, then what the frame shows of each organisation (look, isolation, its assets'
  // looks when drawn), the propagation and where its sparks are.
  // The looks of all organisations as org_look gives them, from the assets the events touched (looking up every
  // asset of every organisation was a third of a frame for a national territory).
  std::vector<Look> looks(t.orgs.size(), Look::NOMINAL);
  for (const auto& [id, asset] : state.assets)
    if (auto org = t.org_of_asset.find(id); org != t.org_of_asset.end())
      looks[org->second] = std::min(looks[org->second], asset.look());
  for (const auto& [id, s] : state.org_state)
    if (s == "impacted")
      for (std::size_t i = 0; i < t.orgs.size(); ++i)
        if (t.orgs[i].id == id)
          looks[i] = std::min(looks[i], Look::DEGRADED);
  std::string key = fmt::format("{}x{} {} {} {} {} {}|", size.x, size.y, view.zoom, view.pan.x, view.pan.y,
                                static_cast<const void*>(&t), view.selected);
  for (std::size_t i = 0; i < t.orgs.size(); ++i) {
    auto isolated = state.org_isolated.find(t.orgs[i].id);
    if (isolated != state.org_isolated.end() && isolated->second)
      looks[i] = std::min(looks[i], Look::ISOLATED);
    key += static_cast<char>('a' + static_cast<int>(looks[i]) * 2 +
                             (isolated != state.org_isolated.end() && isolated->second ? 1 : 0));
    if (detailed)
      for (const auto& asset : t.orgs[i].assets) {
        auto it = state.assets.find(asset);
        key += static_cast<char>('a' + static_cast<int>(it == state.assets.end() ? Look::NOMINAL : it->second.look()));
      }
  }
  for (const auto& p : state.propagation)
    key += fmt::format("|{}>{} {}", p.from_asset, p.to_asset, state.time - p.time < 3600 ? state.time - p.time : -1.0);

  auto paint = [&](sf::RenderTarget& to) {
    to.clear(BACKGROUND);
    sf::VertexArray batch(sf::Triangles); // shapes in drawing order, one draw call; flushed before each label
    for (const auto& e : t.edges)
      append_line(batch, org_position(t.orgs[e.a].at, size, view), org_position(t.orgs[e.b].at, size, view),
                  e.hosting ? 5.f : 2.f, e.hosting ? HOSTING : EDGE);
    to.draw(batch);
    batch.clear();
    // Propagation between organisations: the edge lights up, a spark runs along it for an hour of simulated time.
    for (const auto& p : state.propagation) {
      auto from = t.org_of_asset.find(p.from_asset), dest = t.org_of_asset.find(p.to_asset);
      if (from == t.org_of_asset.end() || dest == t.org_of_asset.end() || from->second == dest->second)
        continue;
      sf::Vector2f a = org_position(t.orgs[from->second].at, size, view);
      sf::Vector2f b = org_position(t.orgs[dest->second].at, size, view);
      line(to, a, b, 3.f, ATTACK);
      double age = state.time - p.time;
      if (age < 3600) {
        sf::CircleShape spark(7);
        spark.setOrigin(7, 7);
        spark.setPosition(a + (b - a) * static_cast<float>(age / 3600));
        spark.setFillColor(sf::Color(255, 230, 120));
        to.draw(spark);
      }
    }
    for (std::size_t i = 0; i < t.orgs.size(); ++i) {
      const OrgNode& org = t.orgs[i];
      sf::Vector2f c     = org_position(org.at, size, view);
      Look look          = looks[i];
      const float radius = ORG_RADIUS * static_cast<float>(t.node_scale);
      // Assets: a ring of small marks, squares for those under attack so that colour is not the only cue.
      std::size_t n = detailed ? org.assets.size() : 0;
      for (std::size_t k = 0; k < n; ++k) {
        auto it        = state.assets.find(org.assets[k]);
        Look a         = it == state.assets.end() ? Look::NOMINAL : it->second.look();
        float ang      = static_cast<float>(2 * M_PI * static_cast<double>(k) / static_cast<double>(n) - M_PI / 2);
        sf::Vector2f p = c + sf::Vector2f(std::cos(ang), std::sin(ang)) * (radius + 11);
        if (a == Look::ENCRYPTED || a == Look::COMPROMISED) {
          sf::RectangleShape mark({9, 9});
          mark.setOrigin(4.5f, 4.5f);
          mark.setPosition(p);
          mark.setFillColor(look_colour(a));
          append_shape(batch, mark);
        } else {
          sf::CircleShape mark(4.5f);
          mark.setOrigin(4.5f, 4.5f);
          mark.setPosition(p);
          mark.setFillColor(look_colour(a));
          append_shape(batch, mark);
        }
      }
      // As many corners as the outline needs to look round (SFML's 30 for the full-size disc).
      sf::CircleShape disc(radius, static_cast<std::size_t>(std::clamp(std::lround(radius * 1.25f), 12L, 30L)));
      disc.setOrigin(radius, radius);
      disc.setPosition(c);
      disc.setFillColor(look_colour(look));
      bool isolated = state.org_isolated.count(org.id) != 0 && state.org_isolated.at(org.id);
      disc.setOutlineThickness(isolated ? (detailed ? 6.f : 4.f) : (detailed ? 2.f : 1.f));
      disc.setOutlineColor(isolated ? ISOLATION : (org.id == view.selected ? sf::Color::White : BACKGROUND));
      append_shape(batch, disc);
      if (detailed || look != Look::NOMINAL || org.id == view.selected) {
        to.draw(batch);
        batch.clear();
        text(to, org.id, {c.x, c.y + radius + (detailed ? 16.f : 9.f)}, detailed ? 17 : 14, TEXT, false, true);
      }
    }
    to.draw(batch);
  };
  // The map is the first thing drawn on the cleared target: copying the layer (opaque, no blending) gives the
  // same pixels as drawing it there. Only the map's part of the window is copied: the panels go over the rest.
  if (!refresh(*map_, size, key, paint)) {
    paint(target);
    return;
  }
  sf::Sprite copy(map_->texture.getTexture(),
                  sf::IntRect(0, static_cast<int>(TOP_BAR), static_cast<int>(static_cast<float>(size.x) - PANEL_WIDTH),
                              static_cast<int>(static_cast<float>(size.y) - TOP_BAR)));
  copy.setPosition(0, TOP_BAR);
  target.draw(copy, sf::RenderStates(sf::BlendNone));
}

void Renderer::draw_top_bar(sf::RenderTarget& target, const Session& session, const ViewOptions& view)
{
  rect(target, {0, 0, static_cast<float>(target.getSize().x), TOP_BAR}, PANEL);
  double now = session.now();
  text(target, io::format_local(session.clock(), now, view.lang == Lang::FR ? "fr" : "en") + "   " + io::format_t_plus(now), {16, 10}, 32, TEXT, true);
  std::string speed = session.paused() ? label(view.lang, "paused")
                                       : fmt::format("{} ×{:g}", label(view.lang, "speed"), session.speed());
  text(target, speed, {static_cast<float>(target.getSize().x) - PANEL_WIDTH - 20, 16}, 26,
       session.paused() ? sf::Color(255, 200, 60) : TEXT);
  text(target, label(view.lang, "help"), {static_cast<float>(target.getSize().x) - 130, 16}, 24, DIM);
}

void Renderer::draw_legend(sf::RenderTarget& target, const ViewOptions& view)
{
  float y = static_cast<float>(target.getSize().y) - 74, x = 16;
  for (Look look : {Look::NOMINAL, Look::COMPROMISED, Look::ENCRYPTED, Look::ISOLATED, Look::DEGRADED,
                    Look::SHUT_DOWN, Look::RESTORING, Look::RESTORED}) {
    rect(target, {x, y + 4, 18, 18}, look_colour(look));
    std::string name = label(view.lang, std::string("look.") + look_name(look));
    text(target, name, {x + 24, y}, 18, TEXT);
    x += 40 + 10.5f * static_cast<float>(name.size());
  }
}

void Renderer::draw_panel(sf::RenderTarget& target, const Session& session, const SceneState& state,
                          const ViewOptions& view)
{
  const Territory& t = session.territory();
  float x0 = static_cast<float>(target.getSize().x) - PANEL_WIDTH, y = TOP_BAR + 10;
  rect(target, {x0, TOP_BAR, PANEL_WIDTH, static_cast<float>(target.getSize().y) - TOP_BAR}, PANEL);
  x0 += 16;
  std::size_t compromised = 0, encrypted = 0, impacted = 0, care_down = 0;
  for (const auto& [id, a] : state.assets) {
    compromised += a.compromised ? 1u : 0u;
    encrypted += a.encrypted ? 1u : 0u;
  }
  for (const auto& [id, s] : state.org_state)
    impacted += s == "impacted" ? 1u : 0u;
  for (const auto& [id, s] : state.care)
    care_down += s == "down" ? 1u : 0u;
  text(target, label(view.lang, "panel.figures"), {x0, y}, 22, TEXT, true);
  y += 30;
  for (auto [n, key] : {std::pair{compromised, "fig.compromised"}, {encrypted, "fig.encrypted"},
                        {impacted, "fig.orgs"}, {care_down, "fig.care_down"}, {state.trainer_actions, "fig.trainer"}}) {
    text(target, fmt::format("{:>4}  {}", n, label(view.lang, key)), {x0, y}, 19, TEXT);
    y += 24;
  }
  y += 8;
  text(target, label(view.lang, "panel.ladders"), {x0, y}, 22, TEXT, true);
  y += 30;
  if (state.ladders.empty()) {
    text(target, label(view.lang, "no_ladder"), {x0, y}, 18, DIM);
    y += 24;
  }
  for (const auto& [scope, level] : state.ladders) {
    text(target, clip(scope, 30) + "  " + level, {x0, y}, 18, level == "n3" || level == "plan_blanc" ? sf::Color(255, 110, 110) : TEXT);
    y += 22;
  }
  y += 8;
  text(target, label(view.lang, "panel.care"), {x0, y}, 22, TEXT, true);
  y += 30;
  const float height = static_cast<float>(target.getSize().y);
  for (const auto& org : t.orgs) {
    if (y - 3 >= height) // the rest is below the window: drawing it cost a national territory most of a frame
      break;
    if (org.care.empty())
      continue;
    double f = 1;
    for (const auto& c : org.care) {
      auto it = state.capacity.find(c);
      if (it != state.capacity.end())
        f = std::min(f, it->second);
    }
    text(target, clip(org.id, 16), {x0, y - 3}, 16, TEXT);
    rect(target, {x0 + 170, y, 240, 14}, sf::Color(60, 66, 80));
    rect(target, {x0 + 170, y, static_cast<float>(240 * std::clamp(f, 0.0, 1.0)), 14}, gauge_colour(f));
    text(target, fmt::format("{:.0f} %", 100 * f), {x0 + 420, y - 3}, 16, TEXT);
    y += 20;
  }
  y += 10;
  text(target, label(view.lang, "panel.feed"), {x0, y}, 22, TEXT, true);
  y += 30;
  float bottom = static_cast<float>(target.getSize().y) - 20;
  std::size_t rows = static_cast<std::size_t>(std::max(0.f, (bottom - y) / 20));
  std::size_t first = state.feed.size() > rows ? state.feed.size() - rows : 0;
  for (std::size_t i = first; i < state.feed.size(); ++i) {
    const sim::Event& e = *state.feed[i];
    text(target, clip(feed_line(e), 52), {x0, y}, 15, e.kind == "inject" ? sf::Color(140, 200, 255) : TEXT);
    y += 20;
  }
}

void Renderer::draw_selection(sf::RenderTarget& target, const Session& session, const SceneState& state,
                              const ViewOptions& view)
{
  const Territory& t = session.territory();
  auto it = std::find_if(t.orgs.begin(), t.orgs.end(), [&](const OrgNode& o) { return o.id == view.selected; });
  auto asset = t.org_of_asset.find(view.selected); // an asset selected: its organisation's list, its own why
  if (it == t.orgs.end() && asset != t.org_of_asset.end())
    it = t.orgs.begin() + static_cast<std::ptrdiff_t>(asset->second);
  if (it == t.orgs.end())
    return;
  float w = static_cast<float>(target.getSize().x) - PANEL_WIDTH - 40;
  rect(target, {20, TOP_BAR + 70, w, 340}, sf::Color(10, 12, 18, 235));
  text(target, it->name, {32, TOP_BAR + 78}, 20, TEXT, true);
  float y = TOP_BAR + 108;
  for (std::size_t k = 0; k < it->assets.size() && k < 14; ++k, y += 20) {
    auto a    = state.assets.find(it->assets[k]);
    Look look = a == state.assets.end() ? Look::NOMINAL : a->second.look();
    rect(target, {32, y + 5, 10, 10}, look_colour(look));
    if (it->assets[k] == view.selected)
      text(target, ">", {20, y}, 16, TEXT, true);
    text(target, clip(it->assets[k], 18) + "  " + label(view.lang, std::string("look.") + look_name(look)),
         {48, y}, 16, TEXT);
  }
  // Why the organisation is in its state: the chain of causes up to now, as `ricochet why` tells it.
  std::string why;
  try {
    why = io::explain(session.events(), view.selected, session.now(), session.clock());
  } catch (const std::exception&) {
    why = label(view.lang, "why.none");
  }
  y = TOP_BAR + 108;
  std::size_t start = 0;
  for (int row = 0; row < 14 && start < why.size(); ++row, y += 20) {
    std::size_t end = why.find('\n', start);
    if (end == std::string::npos)
      end = why.size();
    std::string row_text;
    for (char ch : why.substr(start, end - start)) // the terminal's column padding is too wide here
      if (ch != ' ' || row_text.size() < 2 || row_text.compare(row_text.size() - 2, 2, "  ") != 0)
        row_text += ch;
    text(target, clip(row_text, 86), {330, y}, 15, TEXT);
    start = end + 1;
  }
}

void Renderer::draw_help(sf::RenderTarget& target, const ViewOptions& view)
{
  rect(target, {60, 110, 860, 450}, sf::Color(10, 12, 18, 240));
  text(target, label(view.lang, "help.text"), {84, 130}, 22, TEXT);
}

} // namespace ricochet::viz
