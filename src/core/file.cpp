#include "core/file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace stemnet {

Result<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error::malformed_file(path.string(), 0,
                                 std::string("cannot read: ") + std::strerror(errno));
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return Error::malformed_file(path.string(), 0, "cannot read: I/O error");
  return std::move(out).str();
}

}  // namespace stemnet
