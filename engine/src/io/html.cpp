#include "ricochet/io/html.hpp"

#include <fmt/format.h>

namespace ricochet::io {

std::string html_escape(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {
std::string num(double v) { return fmt::format("{:.1f}", v); }
std::string tip(const std::string& tooltip)
{
  return tooltip.empty() ? std::string() : "<title>" + html_escape(tooltip) + "</title>";
}
} // namespace

Svg::Svg(double width, double height, std::string title) : width_(width), height_(height), title_(std::move(title)) {}

Svg& Svg::rect(double x, double y, double w, double h, const std::string& fill, const std::string& tooltip)
{
  body_ += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\">{}</rect>", num(x), num(y),
                       num(w), num(h), html_escape(fill), tip(tooltip));
  return *this;
}

Svg& Svg::line(double x1, double y1, double x2, double y2, const std::string& stroke, double width)
{
  body_ += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>", num(x1),
                       num(y1), num(x2), num(y2), html_escape(stroke), num(width));
  return *this;
}

Svg& Svg::polyline(const std::vector<std::pair<double, double>>& points, const std::string& stroke, double width)
{
  std::string pts;
  for (const auto& [x, y] : points)
    pts += (pts.empty() ? "" : " ") + num(x) + "," + num(y);
  body_ += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"/>", pts,
                       html_escape(stroke), num(width));
  return *this;
}

Svg& Svg::circle(double cx, double cy, double r, const std::string& fill, const std::string& tooltip)
{
  body_ += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"#333\">{}</circle>", num(cx),
                       num(cy), num(r), html_escape(fill), tip(tooltip));
  return *this;
}

Svg& Svg::text(double x, double y, const std::string& content, double size, const std::string& anchor,
               const std::string& fill)
{
  body_ += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"{}\" fill=\"{}\">{}</text>", num(x),
                       num(y), num(size), html_escape(anchor), html_escape(fill), html_escape(content));
  return *this;
}

std::string Svg::str() const
{
  return fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{}\" height=\"{}\" "
                     "viewBox=\"0 0 {} {}\" aria-label=\"{}\"><title>{}</title>{}</svg>",
                     num(width_), num(height_), num(width_), num(height_), html_escape(title_), html_escape(title_),
                     body_);
}

} // namespace ricochet::io
