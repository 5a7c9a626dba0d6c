// core/file.hpp — reading a whole file, with a failure as a value.
// Example:
//   STEMNET_TRY(std::string bytes, read_file("data/reference/admin/counties-2025.json"));
#pragma once

#include "core/result.hpp"

#include <filesystem>
#include <string>

namespace stemnet {

// The bytes of the file. Fails with Error::malformed_file(path, 0, "cannot
// read: <reason>") when it is missing or unreadable.
Result<std::string> read_file(const std::filesystem::path& path);

}  // namespace stemnet
