#pragma once
// A run directory as a whole: the files of one run and a manifest naming each with its size and digest, and the
// run's identity. Writers lock the directory, remove the old manifest before replacing any file and write the new
// manifest last; readers take only the bytes that match it. So a killed run, a full disk or two runs at once leave a
// directory that is refused, never one that mixes two runs.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ricochet/core/digest.hpp"
#include "ricochet/scenario/scenario.hpp"

namespace ricochet::io {

inline constexpr const char* RUN_MANIFEST = "manifest.json";
inline constexpr const char* RUN_LOCK     = ".ricochet.lock"; ///< held (flock) by the one process writing there

/** What the inputs of a scenario are: where its file is, and a digest of its bytes and of its region file's. */
struct InputsIdentity {
  std::string path;   ///< canonical path of the scenario file (for people)
  std::string digest; ///< the identity: the same inputs copied anywhere give the same digest
};
/** @throw core::UserError if a file cannot be read */
[[nodiscard]] InputsIdentity inputs_identity(const scenario::Scenario& s);

/** The size and digest of a file's bytes. @throw core::UserError if it cannot be read */
[[nodiscard]] core::FileDigest file_digest(const std::string& path);

/** What made a run: the manifest records it. */
struct RunIdentity {
  InputsIdentity inputs;
  std::string variant;                  ///< empty: the base region
  std::uint64_t seed = 0;               ///< the seed played
  std::optional<std::string> actions;   ///< digest of the trainer's decisions, if any
};

/** Checks that DIR can be an output directory and creates it. option names it in messages ("--out").
 *  @throw core::UserError: empty, a file, inside a file, not creatable or not writable */
void make_output_directory(const std::string& dir, const std::string& option);

/** Refuses to write PATH over a file of the run in its directory (one its manifest names, the manifest or the lock):
 *  that run would then be refused as incomplete. @throw core::UserError */
void refuse_run_file(const std::string& path);

/** Takes DIR's lock (DIR/.ricochet.lock) for as long as it lives. @throw core::UserError if another process holds
 *  it ("another WHO is writing there") or it cannot be created */
class DirLock {
public:
  DirLock(const std::string& dir, const std::string& who);
  ~DirLock();
  DirLock(const DirLock&)            = delete;
  DirLock& operator=(const DirLock&) = delete;

private:
  int fd_ = -1;
};

/** Writes one run into a directory (made and locked on construction). begin() removes the old manifest (and the
 *  outputs of an old run that this one does not write) before any file is replaced; commit() writes the manifest. */
class RunDirWriter {
public:
  explicit RunDirWriter(std::string dir);
  /** Call once, just before the first write: the directory stops being a complete run. will_write: the names. */
  void begin(const std::vector<std::string>& will_write);
  core::FileDigest write(const std::string& name, std::string_view content);
  /** Writes NAME piece by piece: fill(sink) calls sink with each piece. */
  core::FileDigest write_with(const std::string& name,
                              const std::function<void(const std::function<void(std::string_view)>&)>& fill);
  /** Writes the manifest: the run is complete. */
  void commit(const RunIdentity& identity);
  [[nodiscard]] const std::string& dir() const { return dir_; }

private:
  std::string dir_;
  DirLock lock_;
  nlohmann::ordered_json files_ = nlohmann::ordered_json::object();
  bool begun_ = false;
};

/** A run directory whose files match their manifest, with the checked bytes of the files asked for. */
class RunDir {
public:
  /** Checks every file the manifest names (size and digest) and that it names each of NEEDED.
   *  @throw scenario::ScenarioError saying what to do when DIR is not a complete run */
  static RunDir open(const std::string& dir, const std::vector<std::string>& needed);

  /** The checked bytes of a file asked for. */
  [[nodiscard]] const std::string& text(const std::string& name) const { return texts_.at(name); }
  [[nodiscard]] const nlohmann::ordered_json& manifest() const { return manifest_; }
  /** The identity the manifest records. */
  [[nodiscard]] RunIdentity identity() const;
  [[nodiscard]] const std::string& dir() const { return dir_; }

private:
  std::string dir_;
  nlohmann::ordered_json manifest_;
  std::map<std::string, std::string> texts_;
};

} // namespace ricochet::io
