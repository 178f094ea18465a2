#pragma once
// Small, tested building blocks for self-contained HTML reports: escaping and SVG drawing.
#include <string>
#include <string_view>
#include <vector>

namespace ricochet::io {

/** Escapes text for HTML element content and attribute values (& < > " '). */
[[nodiscard]] std::string html_escape(std::string_view text);

/** An SVG picture built element by element; every text and attribute value is escaped. */
class Svg {
public:
  Svg(double width, double height, std::string title);
  Svg& rect(double x, double y, double w, double h, const std::string& fill, const std::string& tooltip = "");
  Svg& line(double x1, double y1, double x2, double y2, const std::string& stroke, double width = 1);
  Svg& polyline(const std::vector<std::pair<double, double>>& points, const std::string& stroke, double width = 1.5);
  Svg& circle(double cx, double cy, double r, const std::string& fill, const std::string& tooltip = "");
  /** anchor: "start", "middle" or "end". */
  Svg& text(double x, double y, const std::string& content, double size = 11, const std::string& anchor = "start",
            const std::string& fill = "#222");
  [[nodiscard]] std::string str() const;

private:
  double width_, height_;
  std::string title_;
  std::string body_;
};

} // namespace ricochet::io
