// mail_box.hpp — reading what the server "sent" to its mail folder (.eml
// files, development mode), for tests of the reset flow.
#pragma once

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace stemnet::testing {

// The text of every mail in the folder (none if there is no folder yet).
inline std::vector<std::string> mails_in(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return out;
  for (const auto& f : std::filesystem::directory_iterator(dir)) {
    if (f.path().extension() != ".eml") continue;
    std::ifstream in(f.path());
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

// The mails in the folder once there are at least `count` (the server's
// mail worker sends every second or so); what there is after `timeout`.
inline std::vector<std::string> wait_for_mails(
    const std::filesystem::path& dir, std::size_t count,
    std::chrono::milliseconds timeout = std::chrono::seconds(15)) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  auto mails = mails_in(dir);
  while (mails.size() < count && std::chrono::steady_clock::now() < end) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    mails = mails_in(dir);
  }
  return mails;
}

// The mails to one address, among those in the folder.
inline std::vector<std::string> mails_to(const std::vector<std::string>& mails,
                                         const std::string& address) {
  std::vector<std::string> out;
  for (const auto& m : mails) {
    if (m.find("To: " + address + "\r\n") != std::string::npos) out.push_back(m);
  }
  return out;
}

// The reset code of a mail: the first line of its last paragraph.
inline std::string reset_code(const std::string& mail) {
  std::string code = mail.substr(mail.rfind("\r\n\r\n") + 4);
  return code.substr(0, code.find("\r\n"));
}

}  // namespace stemnet::testing
