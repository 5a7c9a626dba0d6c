#include "registry/model.hpp"

namespace stemnet::registry {

std::vector<std::string> parallel_names(const std::string& name) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t at = name.find(" - ", start);
    out.push_back(name.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + 3;
  }
  return out;
}

}  // namespace stemnet::registry
