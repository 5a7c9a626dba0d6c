// mail_box.hpp — reading what the server "sent" to its mail folder (.eml
// files, development mode), for tests of the reset flow.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace stemnet::testing {

// The text of every mail in the folder.
inline std::vector<std::string> mails_in(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const auto& f : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(f.path());
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

// The reset code of a mail: the first line of its last paragraph.
inline std::string reset_code(const std::string& mail) {
  std::string code = mail.substr(mail.rfind("\r\n\r\n") + 4);
  return code.substr(0, code.find("\r\n"));
}

}  // namespace stemnet::testing
