#pragma once
// Problems found in user input, reported GCC-style ("file:line:col: error: message") so editors can jump to them.
#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace ricochet::core {

/** A 1-based position in a source file; line 0 means "the file as a whole". */
struct SourcePos {
  int line = 0;
  int col  = 0;
};

enum class Severity { ERROR, WARNING };

struct Diagnostic {
  Severity severity = Severity::ERROR;
  std::string file;
  SourcePos pos;
  std::string message;

  /** "file:line:col: error: message" (or "file: error: message" when the position is unknown). */
  [[nodiscard]] std::string to_string() const;
};

/** Collects the errors and warnings of one load; stops recording errors past a cap so a broken file stays readable. */
class Diagnostics {
public:
  static constexpr std::size_t DEFAULT_MAX_ERRORS = 50;

  explicit Diagnostics(std::size_t max_errors = DEFAULT_MAX_ERRORS) : max_errors_(max_errors) {}

  void error(const std::string& file, SourcePos pos, std::string message);
  void warning(const std::string& file, SourcePos pos, std::string message);

  [[nodiscard]] std::size_t error_count() const noexcept { return errors_; }
  [[nodiscard]] std::size_t warning_count() const noexcept { return warnings_; }
  [[nodiscard]] bool has_errors() const noexcept { return errors_ > 0; }
  /** True once more errors were found than are kept. */
  [[nodiscard]] bool truncated() const noexcept { return errors_ > max_errors_; }

  /** The kept diagnostics, sorted by file, line and column (stable for equal positions). */
  [[nodiscard]] std::vector<Diagnostic> sorted() const;
  /** Writes every kept diagnostic, one per line, then a note if errors were dropped. */
  void print(std::ostream& out) const;

private:
  std::size_t max_errors_;
  std::size_t errors_   = 0;
  std::size_t warnings_ = 0;
  std::vector<Diagnostic> items_;
};

} // namespace ricochet::core
