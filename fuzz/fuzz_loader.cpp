// Fuzzes the region and scenario loader: whatever the bytes, load_file must answer with diagnostics (or a loaded
// file), never crash, hang or exhaust memory, and never throw.
// The input is written to input.yaml in a private directory holding `src`, a link to the source tree: the seed
// scenarios of fuzz/make_corpus.sh name their regions as src/<path>, so they load them and reach the readers of
// attacks, defences, governance, variants and injects with ids that exist.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "ricochet/core/diagnostics.hpp"
#include "ricochet/scenario/loader.hpp"

namespace fs = std::filesystem;

namespace {
const fs::path& input_path()
{
  static const fs::path path = [] {
    fs::path dir = fs::temp_directory_path() / ("ricochet-fuzz-loader-" + std::to_string(getpid()));
    fs::create_directories(dir);
    std::error_code ec;
    fs::create_directory_symlink(RICOCHET_SOURCE_DIR, dir / "src", ec);
    return dir / "input.yaml";
  }();
  return path;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const fs::path& path = input_path();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  ricochet::core::Diagnostics diags;
  auto loaded = ricochet::scenario::load_file(path.string(), diags);
  std::ostringstream messages; // formatting every message is part of what is tested
  diags.print(messages);
  if (loaded.has_value() == diags.has_errors()) {
    std::fprintf(stderr, "load_file returned %s with %zu errors\n", loaded ? "a file" : "nothing", diags.error_count());
    __builtin_trap();
  }
  return 0;
}
