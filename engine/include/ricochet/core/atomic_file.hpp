#pragma once
#include <string>

namespace ricochet::core {

/** Writes content to path so that readers see either the old file or the complete new one: a temporary file
 *  beside it is written, flushed to disk, then renamed over path. @throw std::runtime_error on I/O failure */
void write_file_atomically(const std::string& path, const std::string& content);

} // namespace ricochet::core
