// ricochet-view: the trainers' live viewer. Live play of a scenario (with decisions), replay of a run's journal,
// and a headless mode (screenshots, frame series, scripts) for documents and tests.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli_checks.hpp"
#include "controller.hpp"
#include "display.hpp"
#include "renderer.hpp"
#include "ricochet/core/units.hpp"
#include "ricochet/core/user_error.hpp"
#include "ricochet/core/version.hpp"
#include "ricochet/io/why.hpp"
#include "ricochet/scenario/error.hpp"
#include "scene_state.hpp"
#include "session.hpp"

using namespace ricochet;
using namespace ricochet::viz;

namespace {

struct Args {
  std::string scenario, replay, variant, font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  std::optional<std::uint64_t> seed;
  std::string lang = "fr", size = "1600x900";
  std::string screenshot, at, frames, every, from, to, script, save;
  int benchmark = 0;
};

sf::Vector2u parse_size(const std::string& text)
{
  unsigned w = 0, h = 0;
  char x     = 0;
  std::istringstream in(text);
  if (!(in >> w >> x >> h) || x != 'x' || w < 800 || h < 600)
    throw scenario::ScenarioError("error: --size: expected WIDTHxHEIGHT, at least 800x600, found '" + text + "'");
  return {w, h};
}

/** Writes an image atomically (temp file + rename), keeping the extension that tells SFML the format. */
/** Written beside its final name then renamed over it: a killed viewer leaves the old image or the new one. The
 *  temporary name carries the process id (two viewers may write the same file) and keeps the extension, from which
 *  SFML 2.5 chooses the format (it cannot encode to memory). */
void save_image(const sf::Image& image, const std::string& path)
{
  std::filesystem::path p(path);
  std::filesystem::path tmp = p.parent_path() / (".tmp-" + std::to_string(::getpid()) + "-" + p.filename().string());
  if (!p.parent_path().empty())
    std::filesystem::create_directories(p.parent_path());
  if (!image.saveToFile(tmp.string()))
    throw std::runtime_error("cannot write " + path);
  std::filesystem::rename(tmp, p);
}

class Frame {
public:
  Frame(sf::Vector2u size, const std::string& font) : renderer_(font)
  {
    if (!texture_.create(size.x, size.y))
      throw std::runtime_error("cannot create an off-screen frame (is there an X display? try xvfb-run)");
  }
  Renderer& renderer() { return renderer_; }
  void shoot(const Session& session, const ViewOptions& view, const std::string& path)
  {
    renderer_.draw(texture_, session, fold(session.events(), session.now()), view);
    texture_.display();
    save_image(texture_.getTexture().copyToImage(), path);
  }

private:
  Renderer renderer_;
  sf::RenderTexture texture_;
};

void require_display()
{
  if (!hold_x_display())
    throw scenario::ScenarioError("error: no X display to draw on: run the viewer under xvfb-run on a machine without "
                                  "a screen (e.g. xvfb-run -a ricochet-view ...)");
}

int headless(Session& session, const Args& args, ViewOptions& view, sf::Vector2u size)
{
  std::unique_ptr<Frame> frame_store; // only drawing needs a display: a script that only decides and saves does not
  auto frame = [&]() -> Frame& {
    if (!frame_store) {
      require_display();
      frame_store = std::make_unique<Frame>(size, args.font);
      if (!frame_store->renderer().font_error().empty())
        std::cerr << "ricochet-view: warning: " << frame_store->renderer().font_error() << '\n';
    }
    return *frame_store;
  };
  session.set_paused(true);
  if (!args.script.empty()) {
    std::ifstream in(args.script);
    if (!in)
      throw scenario::ScenarioError(args.script + ": error: cannot read the script");
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      try {
        Effect e = apply_command(session, line);
        if (!e.select.empty())
          view.selected = e.select == "-" ? "" : e.select;
        if (!e.screenshot.empty())
          frame().shoot(session, view, e.screenshot);
        if (!e.save.empty())
          session.save(e.save);
      } catch (const std::invalid_argument& err) {
        throw scenario::ScenarioError(fmt::format("{}:{}:1: error: {}", args.script, n, err.what()));
      }
    }
  }
  if (!args.screenshot.empty()) {
    session.jump(args.at.empty() ? session.end() : io::parse_instant(args.at, session.clock()));
    frame().shoot(session, view, args.screenshot);
  }
  if (!args.frames.empty()) {
    double every = core::parse_duration(args.every.empty() ? "1h" : args.every);
    if (!(every > 0))
      throw scenario::ScenarioError("error: --every: expected a positive duration (e.g. 30min), found '" + args.every +
                                    "'");
    double from  = args.from.empty() ? 0 : io::parse_instant(args.from, session.clock());
    double to    = args.to.empty() ? session.end() : io::parse_instant(args.to, session.clock());
    int n        = 0;
    for (double t = from; t <= to + 1e-9; t += every) {
      session.jump(t);
      frame().shoot(session, view, fmt::format("{}/frame-{:05d}.png", args.frames, n++));
    }
    std::cerr << "Wrote " << n << " frames to " << args.frames << '\n';
  }
  if (!args.save.empty())
    session.save(args.save);
  return 0;
}

/** Interactive window (or, with --benchmark, N frames as fast as possible, for docs/performance.md). */
int windowed(Session& session, const Args& args, ViewOptions& view, sf::Vector2u size)
{
  require_display();
  sf::RenderWindow window(sf::VideoMode(size.x, size.y),
                          session.is_live() ? "ricochet-view — live" : "ricochet-view — replay");
  Renderer renderer(args.font);
  if (!renderer.font_error().empty()) {
    std::cerr << "ricochet-view: warning: " << renderer.font_error() << '\n';
  }
  if (!session.warning().empty())
    view.message = session.warning();
  // No vertical sync: Xvfb (used for rehearsals on servers) does not support it; the frame limit paces instead.
  window.setFramerateLimit(args.benchmark == 0 ? 60 : 0);
  sf::Clock clock;
  bool dragging = false;
  sf::Vector2i last_mouse;
  int frames = 0;
  std::optional<std::string> prompt; // ':' opens a command line taking any script command (jump, decide...)
  auto started = std::chrono::steady_clock::now();
  if (args.benchmark > 0)
    session.set_speed(3600);
  while (window.isOpen()) {
    sf::Event ev;
    while (window.pollEvent(ev)) {
      std::string command;
      if (ev.type == sf::Event::Closed)
        window.close();
      else if (ev.type == sf::Event::Resized)
        window.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(ev.size.width),
                                              static_cast<float>(ev.size.height))));
      else if (ev.type == sf::Event::MouseWheelScrolled)
        view.zoom = std::clamp(view.zoom * (ev.mouseWheelScroll.delta > 0 ? 1.1f : 1 / 1.1f), 0.3f, 6.f);
      else if (ev.type == sf::Event::MouseButtonPressed) {
        sf::Vector2f p{static_cast<float>(ev.mouseButton.x), static_cast<float>(ev.mouseButton.y)};
        auto org = Renderer::org_at(session.territory(), p, window.getSize(), view);
        view.selected = org ? session.territory().orgs[*org].id : "";
        dragging      = !org;
        last_mouse    = {ev.mouseButton.x, ev.mouseButton.y};
      } else if (ev.type == sf::Event::MouseButtonReleased)
        dragging = false;
      else if (ev.type == sf::Event::MouseMoved && dragging) {
        view.pan += sf::Vector2f(static_cast<float>(ev.mouseMove.x - last_mouse.x),
                                 static_cast<float>(ev.mouseMove.y - last_mouse.y));
        last_mouse = {ev.mouseMove.x, ev.mouseMove.y};
      } else if (ev.type == sf::Event::TextEntered && prompt) {
        sf::Uint32 c = ev.text.unicode;
        if (c == '\r' || c == '\n') {
          command = *prompt;
          prompt.reset();
        } else if (c == 8) { // backspace: drop the last UTF-8 character
          while (!prompt->empty() && (static_cast<unsigned char>(prompt->back()) & 0xC0) == 0x80)
            prompt->pop_back();
          if (!prompt->empty())
            prompt->pop_back();
        } else if (c == 27)
          prompt.reset();
        else if (c >= 32) {
          std::string utf8;
          sf::Utf8::encode(c, std::back_inserter(utf8));
          *prompt += utf8;
        }
        view.message = prompt ? ": " + *prompt + "_" : "";
      } else if (ev.type == sf::Event::TextEntered) {
        switch (ev.text.unicode) {
          case ':':
            prompt       = std::string();
            view.message = ": _";
            break;
          case ' ': command = "toggle"; break;
          case '+': command = "faster"; break;
          case '-': command = "slower"; break;
          case 'n': command = "step"; break;
          case '?': view.help = !view.help; break;
          case 'i': command = view.selected.empty() ? "" : "decide isolate org " + view.selected; break;
          case 'r': command = view.selected.empty() ? "" : "decide reconnect org " + view.selected; break;
          case 'c': command = "decide activate_craps"; break;
          case 's': command = "save branch-" + std::to_string(session.actions().size()); break;
          default: break;
        }
      } else if (ev.type == sf::Event::KeyPressed) {
        if (ev.key.code == sf::Keyboard::Left)
          command = "jump T+" + std::to_string(std::max(0.0, session.now() - 3600)) + "s";
        else if (ev.key.code == sf::Keyboard::Right)
          command = "advance 1h";
        else if (ev.key.code == sf::Keyboard::Home)
          command = "jump 0s";
        else if (ev.key.code == sf::Keyboard::End)
          command = "jump T+" + std::to_string(session.end()) + "s";
        else if (ev.key.code == sf::Keyboard::Escape && !prompt)
          window.close();
      }
      if (command.empty())
        continue;
      try {
        Effect e = apply_command(session, command);
        if (!e.select.empty())
          view.selected = e.select == "-" ? "" : e.select;
        if (!e.screenshot.empty()) {
          sf::Texture shot;
          shot.create(window.getSize().x, window.getSize().y);
          shot.update(window);
          save_image(shot.copyToImage(), e.screenshot);
        }
        if (!e.save.empty()) {
          session.save(e.save);
          view.message = "branch saved to " + e.save + " (actions.txt replays it with ricochet run --actions)";
        }
      } catch (const std::exception& err) {
        view.message = err.what();
      }
    }
    session.tick(clock.restart().asSeconds());
    renderer.draw(window, session, fold(session.events(), session.now()), view);
    window.display();
    if (args.benchmark > 0 && ++frames == args.benchmark) {
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cout << fmt::format("{} frames in {:.2f} s: {:.1f} frames per second ({} events, {} organisations)\n",
                               frames, s, frames / s, session.events().size(), session.territory().orgs.size());
      window.close();
    }
  }
  return 0;
}

} // namespace

int main(int argc, char** argv)
{
  CLI::App app{"ricochet-view: live viewer for trainers (play, replay, time travel, decisions)"};
  app.set_version_flag("--version", ricochet::core::version_line("ricochet-view"));
  Args args;
  app.add_option("SCENARIO", args.scenario, "Scenario YAML file to play live");
  app.add_option("--replay", args.replay, "Replay the run written in this directory by ricochet run");
  app.add_option("--variant", args.variant, "Live: play this variant");
  app.add_option("--seed", args.seed, "Live: random seed (default: the scenario's)")->check(cli::seed());
  app.add_option("--lang", args.lang, "Labels in French or English")->check(CLI::IsMember({"fr", "en"}));
  app.add_option("--font", args.font, "TrueType font file");
  app.add_option("--size", args.size, "Frame size, WIDTHxHEIGHT (default 1600x900)");
  app.add_option("--screenshot", args.screenshot, "Headless: write the frame at --at to this PNG file");
  app.add_option("--at", args.at, "Time of the screenshot ('2026-10-18 05:00', 'T+7h'; default: the end)");
  app.add_option("--frames", args.frames, "Headless: write a frame every --every into this directory");
  app.add_option("--every", args.every, "Interval between frames (default 1h)");
  app.add_option("--from", args.from, "First frame's time (default: the start)");
  app.add_option("--to", args.to, "Last frame's time (default: the end)");
  app.add_option("--script", args.script, "Headless: run these commands (one per line; see the trainer's guide)");
  app.add_option("--save", args.save, "Headless: at the end, save the session (journal, region, actions) here");
  app.add_option("--benchmark", args.benchmark, "Draw N frames in a window as fast as possible and print the rate");
  CLI11_PARSE(app, argc, argv);
  try {
    if (args.scenario.empty() == args.replay.empty())
      throw scenario::ScenarioError("error: give either a SCENARIO to play live or --replay DIR");
    ViewOptions view;
    view.lang         = args.lang == "en" ? Lang::EN : Lang::FR;
    sf::Vector2u size = parse_size(args.size);
    Session session   = args.replay.empty() ? Session::live({args.scenario, args.variant, args.seed})
                                            : Session::replay(args.replay);
    if (!session.warning().empty())
      std::cerr << "ricochet-view: warning: " << session.warning() << '\n';
    bool is_headless = !args.screenshot.empty() || !args.frames.empty() || !args.script.empty() || !args.save.empty();
    return is_headless ? headless(session, args, view, size) : windowed(session, args, view, size);
  } catch (const scenario::ScenarioError& e) {
    std::cerr << e.what() << '\n';
    return 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "error: " << e.what() << '\n';
    return 2;
  } catch (const core::UserError& e) { // a place that cannot be written (--save, --screenshot)
    std::cerr << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "ricochet-view: internal error: " << e.what() << '\n';
    return 1;
  }
}
