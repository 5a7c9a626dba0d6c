// notify/mailer.hpp — turning an outbox row into an e-mail and handing it on.
//
// format_message() writes RFC 5322 with MIME: UTF-8 text, the subject as
// RFC 2047 encoded words, and for mails one may opt out of the RFC 8058
// one-click unsubscribe headers. A FolderMailer writes each message as an
// .eml file (development); an SmtpMailer sends it with libcurl.
// Example:
//   SmtpMailer smtp("smtp://mail.example.no:587", "stemnet <ikke-svar@stemnet.no>");
//   auto sent = smtp.deliver(mail);  // ErrorKind::unavailable with the server's answer
#pragma once

#include "core/result.hpp"
#include "notify/model.hpp"

#include <chrono>
#include <filesystem>
#include <string>

namespace stemnet::notify {

// The whole message, CRLF line ends, dated `date` (RFC 5322 form).
std::string format_message(const Mail& mail, const std::string& from, const std::string& date);

// A header value as it may appear in a header: ASCII as it is, anything else
// as UTF-8 base64 encoded words of at most 75 characters, folded.
std::string encode_header(std::string_view value);

class Mailer {
 public:
  virtual ~Mailer() = default;
  virtual Result<void> deliver(const Mail& mail) = 0;
  virtual std::string describe() const = 0;
};

class FolderMailer : public Mailer {
 public:
  FolderMailer(std::filesystem::path dir, std::string from);
  Result<void> deliver(const Mail& mail) override;
  std::string describe() const override { return "mail folder " + dir_.string(); }

 private:
  std::filesystem::path dir_;
  std::string from_;
};

class SmtpMailer : public Mailer {
 public:
  // `url`: smtp://host[:port] or smtps://host[:port]; user and password, if
  // any, in the URL's userinfo (an '@' in the user name as %40). Over
  // smtp:// STARTTLS is used when the server offers it, and required when
  // the URL has credentials.
  SmtpMailer(std::string url, std::string from,
             std::chrono::milliseconds timeout = std::chrono::seconds(30));
  Result<void> deliver(const Mail& mail) override;
  // Scheme, host and port: never the user name or the password.
  std::string describe() const override;

 private:
  std::string url_, from_;
  std::chrono::milliseconds timeout_;
};

}  // namespace stemnet::notify
