#include "notify/mailer.hpp"

#include "core/clock.hpp"
#include "core/curl.hpp"
#include "core/encoding.hpp"

#include <boost/url/parse.hpp>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <fstream>
#include <optional>

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

namespace {

// The URL when it is scheme://[userinfo@]host[:port][/] and nothing else.
// (Boost.URL takes "smtp://a@b:c@d" as host b, an empty port and the path
// "c@d", so the port and the path are checked here.)
std::optional<boost::urls::url_view> smtp_url(const std::string& text) {
  auto url = boost::urls::parse_absolute_uri(text);
  if (!url || !url->has_authority() || url->encoded_host().empty()) return std::nullopt;
  if (url->has_port() &&
      (url->port().empty() || url->port().find_first_not_of("0123456789") != std::string::npos))
    return std::nullopt;
  if (!url->encoded_path().empty() && url->encoded_path() != "/") return std::nullopt;
  if (url->has_query() || url->has_fragment()) return std::nullopt;
  return *url;
}

}  // namespace

std::string SmtpMailer::describe() const {
  // Never the user or the password, whatever the URL looks like: only
  // scheme, host and port.
  auto url = smtp_url(url_);
  if (!url) return "SMTP (the SMTP URL is not a valid URL; not shown)";
  std::string out = "SMTP " + std::string(url->scheme()) + "://" + std::string(url->encoded_host());
  if (url->has_port()) out += ":" + std::string(url->port());
  if (url->has_userinfo()) out += " (with credentials)";
  return out;
}

Result<void> SmtpMailer::deliver(const Mail& mail) {
  STEMNET_TRY(auto curl, CurlEasy::open());
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
  // Credentials over smtp:// go only after STARTTLS; without them, a server
  // that offers no TLS still gets the mail (a local relay).
  auto parsed = smtp_url(url_);
  const bool credentials = !parsed || parsed->has_userinfo();
  char error[CURL_ERROR_SIZE] = {0};
  const std::string from = "<" + bare_address(from_) + ">";
  STEMNET_TRY(curl_slist * rcpt, curl.list({"<" + mail.to + ">"}));
  STEMNET_TRY_VOID(curl.set(CURLOPT_URL, url_.c_str()));
  STEMNET_TRY_VOID(curl.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps"));
  STEMNET_TRY_VOID(curl.set(CURLOPT_MAIL_FROM, from.c_str()));
  STEMNET_TRY_VOID(curl.set(CURLOPT_MAIL_RCPT, rcpt));
  STEMNET_TRY_VOID(curl.set(CURLOPT_UPLOAD, 1L));
  STEMNET_TRY_VOID(curl.set(CURLOPT_READFUNCTION, read));
  STEMNET_TRY_VOID(curl.set(CURLOPT_READDATA, &upload));
  STEMNET_TRY_VOID(
      curl.set(CURLOPT_USE_SSL, static_cast<long>(credentials ? CURLUSESSL_ALL : CURLUSESSL_TRY)));
  STEMNET_TRY_VOID(curl.set(CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count())));
  STEMNET_TRY_VOID(curl.set(CURLOPT_CONNECTTIMEOUT_MS, 10'000L));
  STEMNET_TRY_VOID(curl.set(CURLOPT_NOSIGNAL, 1L));
  STEMNET_TRY_VOID(curl.set(CURLOPT_ERRORBUFFER, error));
  const CURLcode rc = curl_easy_perform(curl.get());
  long code = 0;
  if (curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &code) != CURLE_OK) code = 0;
  if (rc != CURLE_OK) {
    return Error::unavailable(describe() + ": " + (error[0] ? error : curl_easy_strerror(rc)) +
                              (code ? " (server said " + std::to_string(code) + ")" : ""));
  }
  return ok();
}

}  // namespace stemnet::notify
