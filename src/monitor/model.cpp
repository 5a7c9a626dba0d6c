#include "monitor/model.hpp"

namespace stemnet::monitor {

bool status::is_known(const std::string& s) {
  return s == kNone || s == kMissing || s == kSuppressed || s == kNotApplicable ||
         s == kUdirSuppressed;
}

std::string breakdown_key(std::map<std::string, std::string> parts) {
  std::string key;
  for (const auto& [dim, cat] : parts) {
    if (!key.empty()) key += ';';
    key += dim + "=" + cat;
  }
  return key;
}

std::map<std::string, std::string> breakdown_parts(const std::string& key) {
  std::map<std::string, std::string> out;
  std::size_t start = 0;
  while (start < key.size()) {
    std::size_t end = key.find(';', start);
    if (end == std::string::npos) end = key.size();
    const std::string part = key.substr(start, end - start);
    const std::size_t eq = part.find('=');
    if (eq != std::string::npos) out[part.substr(0, eq)] = part.substr(eq + 1);
    start = end + 1;
  }
  return out;
}

}  // namespace stemnet::monitor
