#include "notify/mailer.hpp"

#include "core/clock.hpp"
#include "core/curl.hpp"
#include "core/encoding.hpp"

#include <algorithm>
#include <cstring>
#include <ctime>
#include <fstream>

namespace stemnet::notify {
namespace {

bool ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80 || c == '\r' || c == '\n') return false;
  }
  return true;
}

// Text with every line ending as CRLF.
std::string crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 40);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') continue;
    if (text[i] == '\n') {
      out += "\r\n";
    } else {
      out += text[i];
    }
  }
  return out;
}

// The address inside "Name <address>", or the whole string.
std::string bare_address(const std::string& from) {
  const auto open = from.find('<');
  const auto close = from.find('>', open);
  if (open == std::string::npos || close == std::string::npos) return from;
  return from.substr(open + 1, close - open - 1);
}

}  // namespace

std::string encode_header(std::string_view value) {
  if (ascii(value)) return std::string(value);
  // 45 bytes of UTF-8 become 60 characters of base64: with "=?UTF-8?B?" and
  // "?=" each word stays under 75. Cut only between characters.
  std::string out;
  std::size_t i = 0;
  while (i < value.size()) {
    std::size_t end = std::min(value.size(), i + 45);
    while (end < value.size() && end > i &&
           (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) {
      --end;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64_encode(value.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string format_message(const Mail& mail, const std::string& from, const std::string& date) {
  std::string m;
  m += "From: " + from + "\r\n";
  m += "To: " + mail.to + "\r\n";
  m += "Subject: " + encode_header(mail.subject) + "\r\n";
  m += "Date: " + date + "\r\n";
  m += "Message-ID: <" + mail.id + "@stemnet>\r\n";
  m += "Content-Language: " + std::string(mail.language == "en" ? "en" : mail.language) + "\r\n";
  m += "Auto-Submitted: auto-generated\r\n";
  if (mail.unsubscribe_url) {
    m += "List-Unsubscribe: <" + *mail.unsubscribe_url + ">\r\n";
    m += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  }
  m += "MIME-Version: 1.0\r\n";
  m += "Content-Type: text/plain; charset=utf-8\r\n";
  m += "Content-Transfer-Encoding: 8bit\r\n";
  m += "\r\n";
  m += crlf(mail.body);
  if (!m.ends_with("\r\n")) m += "\r\n";
  return m;
}

FolderMailer::FolderMailer(std::filesystem::path dir, std::string from)
    : dir_(std::move(dir)), from_(std::move(from)) {}

Result<void> FolderMailer::deliver(const Mail& mail) {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  std::string stamp = utc_now_iso();
  std::replace(stamp.begin(), stamp.end(), ':', '-');
  const auto file = dir_ / (stamp + "-" + mail.kind + "-" + mail.id + ".eml");
  const auto partial = file.string() + ".part";
  {
    std::ofstream out(partial, std::ios::binary);
    out << format_message(mail, from_,
                          format_utc(std::time(nullptr), "%a, %d %b %Y %H:%M:%S +0000"));
    if (!out) return Error::unavailable("cannot write mail to " + partial);
  }
  // A reader of the folder never sees half a mail.
  std::filesystem::rename(partial, file, ec);
  if (ec) return Error::unavailable("cannot write mail to " + file.string() + ": " + ec.message());
  return ok();
}

SmtpMailer::SmtpMailer(std::string url, std::string from, std::chrono::milliseconds timeout)
    : url_(std::move(url)), from_(std::move(from)), timeout_(timeout) {}

std::string SmtpMailer::describe() const {
  // Never the password: only scheme, host and port.
  const auto at = url_.find('@');
  const auto scheme_end = url_.find("://");
  if (at == std::string::npos || scheme_end == std::string::npos) return "SMTP " + url_;
  return "SMTP " + url_.substr(0, scheme_end + 3) + url_.substr(at + 1);
}

Result<void> SmtpMailer::deliver(const Mail& mail) {
  const Curl* curl = curl_library();
  if (!curl) return Error::unavailable("libcurl is not installed: cannot send mail over SMTP");
  struct Upload {
    std::string data;
    std::size_t at = 0;
  } upload{
      format_message(mail, from_, format_utc(std::time(nullptr), "%a, %d %b %Y %H:%M:%S +0000")),
      0};
  auto read = +[](char* buf, std::size_t size, std::size_t n, void* user) -> std::size_t {
    auto* u = static_cast<Upload*>(user);
    const std::size_t take = std::min(size * n, u->data.size() - u->at);
    std::memcpy(buf, u->data.data() + u->at, take);
    u->at += take;
    return take;
  };
  CURL* h = curl->easy_init();
  if (!h) return Error::unavailable("libcurl could not start");
  char error[CURL_ERROR_SIZE] = {0};
  const std::string from = "<" + bare_address(from_) + ">";
  const std::string to = "<" + mail.to + ">";
  curl_slist* rcpt = curl->slist_append(nullptr, to.c_str());
  curl->easy_setopt(h, CURLOPT_URL, url_.c_str());
  curl->easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
  curl->easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
  curl->easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl->easy_setopt(h, CURLOPT_READFUNCTION, read);
  curl->easy_setopt(h, CURLOPT_READDATA, &upload);
  curl->easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  curl->easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count()));
  curl->easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 10'000L);
  curl->easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl->easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  const CURLcode rc = curl->easy_perform(h);
  long code = 0;
  curl->easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  curl->slist_free_all(rcpt);
  curl->easy_cleanup(h);
  if (rc != CURLE_OK) {
    return Error::unavailable(describe() + ": " + (error[0] ? error : curl->easy_strerror(rc)) +
                              (code ? " (server said " + std::to_string(code) + ")" : ""));
  }
  return ok();
}

}  // namespace stemnet::notify
