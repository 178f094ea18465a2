#pragma once
#include <functional>
#include <string>

namespace ricochet::core {

/** Writes content to path so that readers see either the old file or the complete new one: a temporary file
 *  beside it is written, flushed to disk, then renamed over path. @throw std::runtime_error on I/O failure */
void write_file_atomically(const std::string& path, const std::string& content);

/** The same, with check(temporary_path) called on the complete temporary file before the rename (e.g. to load it):
 *  if check throws, the temporary file is removed, path is left as it was and the exception propagates. */
void write_file_atomically(const std::string& path, const std::string& content,
                           const std::function<void(const std::string& written)>& check);

} // namespace ricochet::core
