#include "ricochet/io/run_dir.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "ricochet/core/atomic_file.hpp"
#include "ricochet/core/suggest.hpp"
#include "ricochet/core/user_error.hpp"
#include "ricochet/core/version.hpp"
#include "ricochet/scenario/error.hpp"

namespace ricochet::io {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

/** The outputs ricochet writes in a run directory: a new run removes those of an old run it does not write. */
const std::vector<std::string>& known_outputs()
{
  static const std::vector<std::string> names{"journal.jsonl", "summary.json", "care.csv", "region.json",
                                              "report.html",   "actions.txt"};
  return names;
}

std::string read_whole(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in)
    core::throw_file_error(path, "cannot read", errno);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad())
    core::throw_file_error(path, "cannot read", errno);
  return text;
}

/** Makes a directory entry's removal or rename durable (a power cut must not bring back an old manifest). */
void sync_directory(const std::string& dir)
{
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return; // the entries are changed; only their durability on a power cut is at stake
  (void)::fsync(fd);
  ::close(fd);
}

[[noreturn]] void incomplete(const std::string& dir, const std::string& what)
{
  throw scenario::ScenarioError("error: " + dir + " is not a complete run: " + what + "; run it again");
}

bool plain_name(const std::string& name)
{
  return !name.empty() && name.find('/') == std::string::npos && name.front() != '.' && name != RUN_MANIFEST;
}

} // namespace

core::FileDigest file_digest(const std::string& path) { return core::digest_of(read_whole(path)); }

InputsIdentity inputs_identity(const scenario::Scenario& s)
{
  InputsIdentity id;
  std::error_code ec;
  fs::path canonical = fs::canonical(s.file, ec);
  if (ec)
    core::throw_file_error(s.file, "cannot read", ec.value());
  id.path = canonical.string();
  // Framed (role, size, bytes): the digest identifies the contents, wherever the files are.
  core::Digest digest;
  auto add = [&digest](const std::string& role, const std::string& bytes) {
    digest.update(role + "\n" + std::to_string(bytes.size()) + "\n");
    digest.update(bytes);
  };
  add("scenario", read_whole(s.file));
  if (!s.region_file.empty())
    add("region", read_whole(s.region_file));
  id.digest = digest.result().xxh3_128;
  return id;
}

void make_output_directory(const std::string& dir, const std::string& option)
{
  if (dir.empty())
    throw core::UserError("error: " + option + " is empty: name a directory");
  std::error_code ec;
  fs::file_status st = fs::status(dir, ec);
  if (fs::exists(st) && !fs::is_directory(st))
    throw core::UserError(dir + ": error: " + option + " names a file, not a directory; choose another " + option);
  if (!fs::exists(st) && fs::is_symlink(fs::symlink_status(dir, ec)))
    throw core::UserError(dir + ": error: " + option + " is a symbolic link to '" + fs::read_symlink(dir, ec).string() +
                          "', which does not exist; create it or choose another " + option);
  fs::create_directories(dir, ec);
  if (ec)
    core::throw_file_error(dir, "cannot create the directory", ec.value());
  if (::access(dir.c_str(), W_OK | X_OK) != 0)
    core::throw_file_error(dir, "cannot write in the directory", errno);
}

void refuse_run_file(const std::string& path)
{
  fs::path target(path);
  fs::path dir         = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string name     = target.filename().string();
  fs::path manifest    = dir / RUN_MANIFEST;
  std::error_code ec;
  if (!fs::exists(manifest, ec))
    return;
  bool of_the_run = name == RUN_MANIFEST || name == RUN_LOCK;
  try {
    ordered_json m = ordered_json::parse(read_whole(manifest.string()));
    of_the_run     = of_the_run || (m.is_object() && m.contains("files") && m["files"].is_object() &&
                                m["files"].contains(name));
  } catch (const nlohmann::json::exception&) { // a damaged manifest: its run is refused anyway
  }
  if (of_the_run)
    throw core::UserError(path + ": error: this file belongs to the run in " + dir.string() +
                          " (its manifest names it); choose another --out");
}

DirLock::DirLock(const std::string& dir, const std::string& who)
{
  std::string path = (fs::path(dir) / RUN_LOCK).string();
  fd_              = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    core::throw_file_error(path, "cannot create the lock file", errno);
  int rc = 0;
  while ((rc = ::flock(fd_, LOCK_EX | LOCK_NB)) != 0 && errno == EINTR) {
  }
  if (rc != 0) {
    int err = errno;
    ::close(fd_);
    if (err == EWOULDBLOCK)
      throw core::UserError(dir + ": error: another " + who + " is writing there; wait for it to end, or choose "
                                                              "another --out");
    core::throw_file_error(path, "cannot lock", err);
  }
}

DirLock::~DirLock() { ::close(fd_); } // closing releases the lock

namespace {
const std::string& made_output_directory(const std::string& dir)
{
  make_output_directory(dir, "--out");
  return dir;
}
} // namespace

RunDirWriter::RunDirWriter(std::string dir) : dir_(std::move(dir)), lock_(made_output_directory(dir_), "run") {}

void RunDirWriter::begin(const std::vector<std::string>& will_write)
{
  begun_ = true;
  std::string manifest = (fs::path(dir_) / RUN_MANIFEST).string();
  if (::unlink(manifest.c_str()) != 0 && errno != ENOENT)
    core::throw_file_error(manifest, "cannot remove the old manifest", errno);
  for (const auto& name : known_outputs())
    if (std::find(will_write.begin(), will_write.end(), name) == will_write.end()) {
      std::string path = (fs::path(dir_) / name).string();
      if (::unlink(path.c_str()) != 0 && errno != ENOENT)
        core::throw_file_error(path, "cannot remove the output of the previous run", errno);
    }
  sync_directory(dir_);
}

core::FileDigest RunDirWriter::write(const std::string& name, std::string_view content)
{
  return write_with(name, [content](const auto& sink) { sink(content); });
}

core::FileDigest RunDirWriter::write_with(const std::string& name,
                                          const std::function<void(const std::function<void(std::string_view)>&)>& fill)
{
  if (!begun_)
    throw std::logic_error("RunDirWriter: write before begin()");
  core::AtomicFile file((fs::path(dir_) / name).string());
  fill([&file](std::string_view piece) { file.write(piece); });
  file.commit();
  core::FileDigest d = file.written();
  files_[name]       = {{"size", d.size}, {"xxh3_128", d.xxh3_128}};
  return d;
}

void RunDirWriter::commit(const RunIdentity& identity)
{
  ordered_json m;
  m["format"]   = "ricochet-run";
  m["version"]  = 1;
  m["ricochet"] = core::version();
  m["scenario"] = identity.inputs.path;
  m["inputs"]   = identity.inputs.digest;
  m["variant"]  = identity.variant.empty() ? ordered_json(nullptr) : ordered_json(identity.variant);
  m["seed"]     = identity.seed;
  m["actions"]  = identity.actions ? ordered_json(*identity.actions) : ordered_json(nullptr);
  m["files"]    = files_;
  core::write_file_atomically((fs::path(dir_) / RUN_MANIFEST).string(), m.dump(2) + "\n");
  sync_directory(dir_);
}

RunDir RunDir::open(const std::string& dir, const std::vector<std::string>& needed)
{
  if (dir.empty())
    throw scenario::ScenarioError("error: the run directory is empty: name the --out directory of 'ricochet run'");
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw scenario::ScenarioError(dir + ": error: no run here (expected the --out directory of 'ricochet run')");
  RunDir run;
  run.dir_             = dir;
  std::string manifest = (fs::path(dir) / RUN_MANIFEST).string();
  if (!fs::exists(manifest, ec))
    incomplete(dir, "it has no manifest.json (the run was interrupted or is still writing, or an older ricochet "
                    "wrote it)");
  try {
    run.manifest_ = ordered_json::parse(read_whole(manifest));
  } catch (const nlohmann::json::exception& e) {
    incomplete(dir, std::string("manifest.json is damaged (") + e.what() + ")");
  }
  const ordered_json& m = run.manifest_;
  auto damaged          = [&dir](const std::string& what) { incomplete(dir, "manifest.json is damaged (" + what + ")"); };
  if (!m.is_object() || !m.contains("format") || m["format"] != "ricochet-run")
    damaged("not a ricochet run manifest");
  if (!m.contains("version") || m["version"] != 1)
    damaged("version " + m.value("version", ordered_json(nullptr)).dump() + ", this ricochet reads version 1");
  if (!m.contains("files") || !m["files"].is_object())
    damaged("no files");
  for (const char* key : {"scenario", "inputs"})
    if (!m.contains(key) || !m[key].is_string())
      damaged(std::string("no ") + key);
  if (!m.contains("seed") || !m["seed"].is_number_unsigned())
    damaged("no seed");
  for (const char* key : {"variant", "actions"})
    if (!m.contains(key) || !(m[key].is_null() || m[key].is_string()))
      damaged(std::string("no ") + key);
  for (const auto& [name, f] : m["files"].items()) {
    if (!plain_name(name))
      damaged("'" + name + "' is not a file name of a run");
    if (!f.is_object() || !f.contains("size") || !f["size"].is_number_unsigned() || !f.contains("xxh3_128") ||
        !f["xxh3_128"].is_string())
      damaged("no size or digest for " + name);
  }
  for (const auto& name : needed)
    if (!m["files"].contains(name)) {
      std::vector<std::string> held;
      for (const auto& [held_name, f] : m["files"].items())
        held.push_back(held_name);
      throw scenario::ScenarioError(dir + ": error: this run has no " + name + " (it holds " + core::join(held) +
                                    "): this needs the --out directory of 'ricochet run'");
    }
  // Each file whole against its manifest: the bytes kept are the bytes checked, so a file replaced after this check
  // cannot slip in.
  for (const auto& [name, f] : m["files"].items()) {
    std::string path = (fs::path(dir) / name).string();
    core::FileDigest want{f["size"].get<std::uint64_t>(), f["xxh3_128"].get<std::string>()};
    std::ifstream in(path, std::ios::binary);
    if (!in)
      incomplete(dir, name + " is missing (the run was interrupted or another run wrote here)");
    bool keep = std::find(needed.begin(), needed.end(), name) != needed.end();
    core::Digest digest;
    std::string text;
    std::string chunk(1 << 20, '\0');
    std::uint64_t read = 0;
    if (keep)
      text.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(want.size, fs::file_size(path, ec))));
    while (in && read <= want.size) { // longer than the run's file: no need to read the rest
      in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      std::string_view piece(chunk.data(), static_cast<std::size_t>(in.gcount()));
      digest.update(piece);
      read += piece.size();
      if (keep)
        text.append(piece);
    }
    if (digest.result() != want)
      incomplete(dir, name + " does not match its manifest (the run was interrupted or another run wrote here)");
    if (keep)
      run.texts_[name] = std::move(text);
  }
  return run;
}

RunIdentity RunDir::identity() const
{
  RunIdentity id;
  id.inputs  = {manifest_["scenario"].get<std::string>(), manifest_["inputs"].get<std::string>()};
  id.variant = manifest_["variant"].is_null() ? "" : manifest_["variant"].get<std::string>();
  id.seed    = manifest_["seed"].get<std::uint64_t>();
  if (!manifest_["actions"].is_null())
    id.actions = manifest_["actions"].get<std::string>();
  return id;
}

} // namespace ricochet::io
