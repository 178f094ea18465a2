#include "ricochet/core/diagnostics.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

namespace ricochet::core {

std::string Diagnostic::to_string() const
{
  const char* kind = severity == Severity::ERROR ? "error" : "warning";
  if (pos.line <= 0)
    return fmt::format("{}: {}: {}", file, kind, message);
  return fmt::format("{}:{}:{}: {}: {}", file, pos.line, pos.col, kind, message);
}

void Diagnostics::error(const std::string& file, SourcePos pos, std::string message)
{
  ++errors_;
  if (errors_ <= max_errors_)
    items_.push_back({Severity::ERROR, file, pos, std::move(message)});
}

void Diagnostics::warning(const std::string& file, SourcePos pos, std::string message)
{
  ++warnings_;
  items_.push_back({Severity::WARNING, file, pos, std::move(message)});
}

std::vector<Diagnostic> Diagnostics::sorted() const
{
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file)
      return a.file < b.file;
    if (a.pos.line != b.pos.line)
      return a.pos.line < b.pos.line;
    return a.pos.col < b.pos.col;
  });
  return out;
}

void Diagnostics::print(std::ostream& out) const
{
  for (const auto& d : sorted())
    out << d.to_string() << '\n';
  if (truncated())
    out << fmt::format("note: {} more errors not shown (only the first {} are reported)\n", errors_ - max_errors_,
                       max_errors_);
}

} // namespace ricochet::core
