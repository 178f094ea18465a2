// The viewer's frames, drawn off-screen (run under xvfb-run: SFML needs an X display for its OpenGL context).
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "display.hpp"
#include "renderer.hpp"
#include "session.hpp"

using namespace ricochet;
using namespace ricochet::viz;
namespace fs = std::filesystem;

namespace {

const std::string EXERCISE = std::string(RICOCHET_SOURCE_DIR) + "/scenarios/exercises/exercise-2026.yaml";
const std::string FONT     = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

struct Shooter {
  Shooter() : renderer(FONT)
  {
    REQUIRE(hold_x_display());
    REQUIRE(texture.create(1600, 900));
  }
  sf::Image shoot(Session& session, double t)
  {
    session.jump(t);
    renderer.draw(texture, session, fold(session.events(), session.now()), view);
    texture.display();
    return texture.getTexture().copyToImage();
  }
  sf::Color at_org(const sf::Image& image, const Session& session, const std::string& org)
  {
    for (const auto& o : session.territory().orgs)
      if (o.id == org) {
        sf::Vector2f p = Renderer::org_position(o.at, {1600, 900}, view);
        return image.getPixel(static_cast<unsigned>(p.x), static_cast<unsigned>(p.y));
      }
    FAIL("no organisation " << org);
    return {};
  }
  sf::Color in_banner(const sf::Image& image)
  {
    sf::FloatRect b = Renderer::banner_rect({1600, 900});
    return image.getPixel(static_cast<unsigned>(b.left + 4), static_cast<unsigned>(b.top + 4));
  }
  Renderer renderer;
  sf::RenderTexture texture;
  ViewOptions view;
};

bool same_pixels(const sf::Image& a, const sf::Image& b)
{
  if (a.getSize() != b.getSize())
    return false;
  std::size_t n = std::size_t{a.getSize().x} * a.getSize().y * 4;
  return std::equal(a.getPixelsPtr(), a.getPixelsPtr() + n, b.getPixelsPtr());
}

} // namespace

TEST_CASE("frames: organisations take the colour of their state at three times and the CRAPS banner shows", "[frames]")
{
  Session session = Session::live({EXERCISE, "", std::nullopt});
  Shooter shooter;
  const sf::Color banner(200, 20, 40);

  sf::Image quiet = shooter.shoot(session, 3600); // T+1h: nothing has happened yet
  CHECK(shooter.at_org(quiet, session, "chi-haut-doubs") == look_colour(Look::NOMINAL));
  CHECK(shooter.at_org(quiet, session, "ch-morteau") == look_colour(Look::NOMINAL));
  CHECK(shooter.in_banner(quiet) != banner);

  sf::Image foothold = shooter.shoot(session, 3 * 3600); // VPN and AD compromised at the pivot
  CHECK(shooter.at_org(foothold, session, "chi-haut-doubs") == look_colour(Look::COMPROMISED));
  CHECK(shooter.at_org(foothold, session, "ch-morteau") == look_colour(Look::NOMINAL));
  CHECK(shooter.in_banner(foothold) != banner);

  sf::Image crisis = shooter.shoot(session, 20 * 3600); // encrypted, pivot isolated, CRAPS active since T+19h21
  CHECK(shooter.at_org(crisis, session, "chi-haut-doubs") == look_colour(Look::ENCRYPTED));
  CHECK(shooter.at_org(crisis, session, "ch-morteau") == look_colour(Look::ENCRYPTED)); // hosted by the pivot
  CHECK(shooter.at_org(crisis, session, "ehpad-les-gentianes") == look_colour(Look::ENCRYPTED));
  CHECK(shooter.at_org(crisis, session, "ch-dole") == look_colour(Look::NOMINAL));
  CHECK(shooter.in_banner(crisis) == banner);
}

TEST_CASE("frames: replaying the journal of ricochet run draws the frames of live play", "[frames]")
{
  std::string dir = (fs::temp_directory_path() / ("ricochet-frames-test-" + std::to_string(getpid()))).string();
  fs::remove_all(dir);
  std::string cmd = std::string(RICOCHET_BINARY) + " run " + EXERCISE + " --out " + dir + " -q";
  REQUIRE(std::system(cmd.c_str()) == 0);
  Session live = Session::live({EXERCISE, "", std::nullopt});
  Session replay = Session::replay(dir);
  Shooter shooter;
  for (double hours : {0.0, 2.5, 6.4, 15.3, 20.0, 72.0, 168.0}) {
    INFO("at T+" << hours << "h");
    sf::Image a = shooter.shoot(live, hours * 3600);
    sf::Image b = shooter.shoot(replay, hours * 3600);
    CHECK(same_pixels(a, b));
  }
}

TEST_CASE("frames: without its font the viewer still draws, and says why", "[frames]")
{
  Session session = Session::live({EXERCISE, "", std::nullopt});
  REQUIRE(hold_x_display());
  Renderer renderer("/nonexistent/font.ttf");
  CHECK_THAT(renderer.font_error(), Catch::Contains("cannot load the font"));
  sf::RenderTexture texture;
  REQUIRE(texture.create(1600, 900));
  session.jump(20 * 3600);
  renderer.draw(texture, session, fold(session.events(), session.now()), ViewOptions{});
  texture.display();
  sf::Image image = texture.getTexture().copyToImage();
  for (const auto& o : session.territory().orgs)
    if (o.id == "chi-haut-doubs") {
      sf::Vector2f p = Renderer::org_position(o.at, {1600, 900}, ViewOptions{});
      CHECK(image.getPixel(static_cast<unsigned>(p.x), static_cast<unsigned>(p.y)) == look_colour(Look::ENCRYPTED));
    }
}
