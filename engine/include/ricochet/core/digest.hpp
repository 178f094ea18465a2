#pragma once
// Content digests (XXH3, 128 bits) of outputs and inputs: fast enough to compute while a file is written, so that a
// run directory's manifest costs no second reading of its largest files.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct XXH3_state_s;

namespace ricochet::core {

/** The size and digest of some bytes: what a manifest records of a file. */
struct FileDigest {
  std::uint64_t size = 0;
  std::string xxh3_128; ///< 32 lowercase hexadecimal digits

  friend bool operator==(const FileDigest& a, const FileDigest& b) { return a.size == b.size && a.xxh3_128 == b.xxh3_128; }
  friend bool operator!=(const FileDigest& a, const FileDigest& b) { return !(a == b); }
};

/** A digest fed piece by piece. */
class Digest {
public:
  Digest();
  ~Digest();
  Digest(Digest&&) noexcept;
  Digest& operator=(Digest&&) noexcept;
  Digest(const Digest&)            = delete;
  Digest& operator=(const Digest&) = delete;

  void update(std::string_view bytes);
  /** The size and digest of everything given so far. */
  [[nodiscard]] FileDigest result() const;

private:
  struct Free {
    void operator()(XXH3_state_s* state) const;
  };
  std::unique_ptr<XXH3_state_s, Free> state_;
  std::uint64_t size_ = 0;
};

/** The size and digest of these bytes. */
[[nodiscard]] FileDigest digest_of(std::string_view bytes);

} // namespace ricochet::core
