#include "notify/mailer.hpp"
#include "notify/outbox.hpp"
#include "notify/service.hpp"
#include "notify/templates.hpp"
#include "test_db.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

namespace stemnet::notify {
namespace {

TEST(Templates, EveryKindInEveryLanguageFillsItsValues) {
  const Params params = {{"offer", "Solkraft"}, {"school", "Ås skole"},   {"grade", "9"},
                         {"pupils", "24"},      {"link", "https://x/"},   {"author", "Kari"},
                         {"excerpt", "Hei"},    {"municipality", "Ås"},   {"organisation", "Org"},
                         {"person", "Ola"},     {"role", "teacher"},      {"code", "abc"},
                         {"move", "accept"},    {"decision", "approved"}, {"event", "granted"},
                         {"reason", "Fordi."}};
  for (const auto& k : kinds()) {
    for (const char* lang : {"nb", "nn", "en"}) {
      Rendered r = render(k.id, lang, params);
      EXPECT_FALSE(r.subject.empty()) << k.id << " " << lang;
      EXPECT_FALSE(r.body.empty()) << k.id << " " << lang;
      EXPECT_EQ(r.subject.find('{'), std::string::npos) << k.id << " " << lang << ": " << r.subject;
      EXPECT_EQ(r.body.find('{'), std::string::npos) << k.id << " " << lang << ": " << r.body;
    }
  }
}

TEST(Templates, ExcerptsCutBetweenCharactersAndWords) {
  EXPECT_EQ(excerpt("Kort."), "Kort.");
  std::string words;
  while (words.size() < 400) words += "Ærlig talt ";
  const std::string cut = excerpt(words);
  EXPECT_LE(cut.size(), 300u + 4);
  EXPECT_TRUE(cut.ends_with("talt …") || cut.ends_with("Ærlig …")) << cut;
  const std::string letters(400, 'x');
  std::string wide;
  for (int i = 0; i < 200; ++i) wide += "ø";  // 2 bytes each, no spaces
  const std::string w = excerpt(wide);
  EXPECT_EQ((w.size() - 4) % 2, 0u) << "never half a character";
}

TEST(Templates, WordsAreTranslatedAndLanguagesDiffer) {
  const Params p = {{"offer", "Solkraft"}, {"school", "Ås skole"}, {"move", "decline"}};
  EXPECT_EQ(render("request_update", "nb", p).subject, "Solkraft: avslått");
  EXPECT_EQ(render("request_update", "en", p).subject, "Solkraft: declined");
  EXPECT_NE(render("request_new", "nn", p).subject, render("request_new", "nb", p).subject);
  EXPECT_EQ(render("request_new", "se", p).subject, render("request_new", "nb", p).subject)
      << "an unknown language is bokmål";
  EXPECT_TRUE(render("no_such_kind", "nb", p).subject.empty());
}

TEST(Message, HeadersEncodingAndOneClickUnsubscribe) {
  EXPECT_EQ(encode_header("Plain subject"), "Plain subject");
  EXPECT_EQ(encode_header("Ås"), "=?UTF-8?B?w4Vz?=");
  // Long subjects are folded into words of at most 75 characters, never
  // cutting a character in two.
  std::string long_subject;
  for (int i = 0; i < 40; ++i) long_subject += "æø";
  const std::string enc = encode_header(long_subject);
  std::size_t start = 0;
  int words = 0;
  while (start < enc.size()) {
    auto end = enc.find("\r\n ", start);
    const std::string word = enc.substr(start, end == std::string::npos ? end : end - start);
    EXPECT_LE(word.size(), 75u) << word;
    EXPECT_TRUE(word.starts_with("=?UTF-8?B?") && word.ends_with("?="));
    ++words;
    if (end == std::string::npos) break;
    start = end + 3;
  }
  EXPECT_GT(words, 1);

  Mail m;
  m.id = "abc";
  m.to = "kari@skole.no";
  m.language = "nn";
  m.subject = "Ny førespurnad";
  m.body = "Linje ein\nLinje to\n";
  m.unsubscribe_url = "https://stemnet.no/api/v1/unsubscribe/tok";
  const std::string msg = format_message(m, "stemnet <ikke-svar@stemnet.no>", "Tue, 24 Nov 2026");
  EXPECT_NE(msg.find("To: kari@skole.no\r\n"), std::string::npos);
  EXPECT_NE(msg.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(msg.find("List-Unsubscribe: <https://stemnet.no/api/v1/unsubscribe/tok>\r\n"),
            std::string::npos);
  EXPECT_NE(msg.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"), std::string::npos);
  EXPECT_NE(msg.find("\r\n\r\nLinje ein\r\nLinje to\r\n"), std::string::npos);
  EXPECT_EQ(msg.find("\n\n"), std::string::npos) << "every line ends in CRLF";
}

class OutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto conn = pool_->acquire();
    for (auto [id, lang] : {std::pair{"kari", "nb"}, std::pair{"ola", "en"}}) {
      ASSERT_TRUE((*conn)->execute(
          "INSERT INTO person (id, email, name, password_hash, language, created_at)"
          " VALUES ($1, $2, $1, 'x', $3, '2026-01-01T00:00:00Z')",
          {id, std::string(id) + "@skole.no", lang}));
      ASSERT_TRUE(
          (*conn)->execute("INSERT INTO person_role (person_id, role, scope, created_at)"
                           " VALUES ($1, 'provider_member', 'org:kraft', '2026')",
                           {id}));
    }
  }
  std::int64_t queued() {
    auto conn = pool_->acquire();
    return (*conn)
        ->query("SELECT COUNT(*) FROM notification WHERE state = 'queued'")
        .value()[0]
        .integer(0);
  }
  Result<void> send_to_all(const std::string& except = "") {
    auto conn = pool_->acquire();
    return outbox_.send_to_role(**conn, "provider_member", "org:kraft", "request_new",
                                {{"offer", "Solkraft"}, {"link", "/foresporsel/r1"}}, except);
  }
  std::unique_ptr<db::Pool> pool_ = stemnet::testing::memory_db();
  Outbox outbox_{"https://stemnet.example/"};
  Service service_{*pool_};
};

struct Recorder : Mailer {
  std::vector<Mail> mails;
  int failures_left = 0;
  Result<void> deliver(const Mail& m) override {
    if (failures_left > 0) {
      --failures_left;
      return Error::unavailable("450 try later");
    }
    mails.push_back(m);
    return ok();
  }
  std::string describe() const override { return "recorder"; }
};

TEST_F(OutboxTest, QueuesInTheRecipientsLanguageWithAbsoluteLinks) {
  ASSERT_TRUE(send_to_all("ola"));  // whoever caused it is not told
  Recorder r;
  auto d = service_.deliver_due(r, 10);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->sent, 1);
  ASSERT_EQ(r.mails.size(), 1u);
  EXPECT_EQ(r.mails[0].to, "kari@skole.no");
  EXPECT_EQ(r.mails[0].subject, "Ny forespørsel: Solkraft");
  EXPECT_NE(r.mails[0].body.find("https://stemnet.example/foresporsel/r1"), std::string::npos);
  ASSERT_TRUE(r.mails[0].unsubscribe_url);
  EXPECT_TRUE(
      r.mails[0].unsubscribe_url->starts_with("https://stemnet.example/api/v1/unsubscribe/"));
  EXPECT_EQ(service_.deliver_due(r, 10)->sent, 0) << "a sent mail is not sent again";

  ASSERT_TRUE(send_to_all());
  service_.deliver_due(r, 10);
  ASSERT_EQ(r.mails.size(), 3u);
  const Mail& english = r.mails[1].to == "ola@skole.no" ? r.mails[1] : r.mails[2];
  EXPECT_EQ(english.subject, "New request: Solkraft");
}

TEST_F(OutboxTest, PreferencesAndUnsubscribe) {
  auto prefs = service_.preferences("kari");
  ASSERT_TRUE(prefs);
  EXPECT_EQ(prefs->size(), kinds().size());
  EXPECT_TRUE(std::all_of(prefs->begin(), prefs->end(), [](auto& p) { return p.enabled; }));

  auto bad = service_.set_preferences("kari", {{"password_reset", false}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().param, "password_reset");
  auto unknown = service_.set_preferences("kari", {{"request_new", false}, {"spam", false}});
  ASSERT_FALSE(unknown);
  EXPECT_TRUE(service_.preferences("kari")->at(0).enabled) << "a refused change changes nothing";

  ASSERT_TRUE(send_to_all());
  Recorder r;
  service_.deliver_due(r, 10);
  ASSERT_EQ(r.mails.size(), 2u);
  const std::string url = *r.mails[0].unsubscribe_url;
  const std::string token = url.substr(url.rfind('/') + 1);
  auto looked = service_.look_up(token);
  ASSERT_TRUE(looked);
  EXPECT_EQ(looked->kind, "request_new");
  auto done = service_.unsubscribe(token);
  ASSERT_TRUE(done);
  EXPECT_TRUE(service_.unsubscribe(token)) << "twice is fine";
  EXPECT_FALSE(service_.unsubscribe("not-a-token"));

  ASSERT_TRUE(send_to_all());
  EXPECT_EQ(queued(), 1) << "only the one who did not unsubscribe";
  auto again = service_.set_preferences(r.mails[0].person_id, {{"request_new", true}});
  ASSERT_TRUE(again);
  ASSERT_TRUE(send_to_all());
  EXPECT_EQ(queued(), 3);
}

TEST_F(OutboxTest, FailedDeliveriesBackOffAndGiveUp) {
  ASSERT_TRUE(send_to_all("ola"));
  Recorder r;
  r.failures_left = 100;
  auto d = service_.deliver_due(r, 10);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->retried, 1);
  // Not due again for a minute.
  EXPECT_EQ(service_.deliver_due(r, 10)->retried, 0);
  // One lease at a time: the pool has one connection, and the service takes it.
  auto sql = [&](const char* q) { return (*pool_->acquire())->query(q).value(); };
  auto row = sql("SELECT attempts, last_error, state FROM notification");
  EXPECT_EQ(row[0].integer(0), 1);
  EXPECT_EQ(row[0].text(1), "450 try later");
  // Make it due each time: after kMaxAttempts it is marked failed.
  for (int i = 1; i < Service::kMaxAttempts; ++i) {
    sql("UPDATE notification SET next_attempt_at = '2000-01-01T00:00:00Z'");
    service_.deliver_due(r, 10);
  }
  row = sql("SELECT attempts, state FROM notification");
  EXPECT_EQ(row[0].integer(0), Service::kMaxAttempts);
  EXPECT_EQ(row[0].text(1), "failed");
}

// A tiny SMTP server: enough of RFC 5321 for one mail, recording the DATA.
class FakeSmtp {
 public:
  FakeSmtp() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    ::listen(fd_, 1);
    thread_ = std::thread([this] { serve(); });
  }
  ~FakeSmtp() {
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
  }
  int port() const { return port_; }
  std::string transcript, data;

 private:
  void serve() {
    int c = ::accept(fd_, nullptr, nullptr);
    if (c < 0) return;
    auto say = [&](const std::string& s) { ::send(c, s.data(), s.size(), MSG_NOSIGNAL); };
    say("220 fake ESMTP\r\n");
    std::string buf;
    bool in_data = false;
    char chunk[4096];
    while (true) {
      const auto n = ::recv(c, chunk, sizeof chunk, 0);
      if (n <= 0) break;
      buf.append(chunk, static_cast<std::size_t>(n));
      if (in_data) {
        const auto end = buf.find("\r\n.\r\n");
        if (end == std::string::npos) continue;
        data = buf.substr(0, end + 2);
        buf.erase(0, end + 5);
        in_data = false;
        say("250 queued\r\n");
      }
      std::size_t eol;
      while (!in_data && (eol = buf.find("\r\n")) != std::string::npos) {
        const std::string line = buf.substr(0, eol);
        buf.erase(0, eol + 2);
        transcript += line + "\n";
        if (line.starts_with("EHLO")) {
          say("250-fake\r\n250 8BITMIME\r\n");
        } else if (line.starts_with("DATA")) {
          say("354 go on\r\n");
          in_data = true;
        } else if (line.starts_with("QUIT")) {
          say("221 bye\r\n");
          ::close(c);
          return;
        } else {
          say("250 ok\r\n");
        }
      }
    }
    ::close(c);
  }
  int fd_ = -1, port_ = 0;
  std::thread thread_;
};

TEST(Smtp, SendsOneMailWithEnvelopeAndHeaders) {
  FakeSmtp server;
  SmtpMailer smtp("smtp://127.0.0.1:" + std::to_string(server.port()),
                  "stemnet <ikke-svar@stemnet.no>", std::chrono::seconds(10));
  Mail m;
  m.id = "m1";
  m.to = "kari@skole.no";
  m.language = "nb";
  m.subject = "Påminnelse";
  m.body = "Hei!\n.Linje som starter med punktum\n";
  auto sent = smtp.deliver(m);
  ASSERT_TRUE(sent) << sent.error().detail;
  EXPECT_NE(server.transcript.find("MAIL FROM:<ikke-svar@stemnet.no>"), std::string::npos)
      << server.transcript;
  EXPECT_NE(server.transcript.find("RCPT TO:<kari@skole.no>"), std::string::npos);
  EXPECT_NE(server.data.find("Subject: =?UTF-8?B?"), std::string::npos);
  // The body's leading dot is escaped on the wire (RFC 5321 4.5.2).
  EXPECT_NE(server.data.find("\r\n..Linje som starter med punktum"), std::string::npos)
      << server.data;
}

TEST(Smtp, ARefusingServerIsAnError) {
  SmtpMailer smtp("smtp://127.0.0.1:1", "stemnet <a@b.no>", std::chrono::seconds(5));
  Mail m;
  m.to = "x@y.no";
  auto sent = smtp.deliver(m);
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().kind, ErrorKind::unavailable);
}

// The start-up line ("mail goes to ...") never shows a password or a user,
// whatever the URL's shape.
TEST(Smtp, DescribeNeverShowsTheCredentials) {
  const std::pair<const char*, const char*> cases[] = {
      {"smtps://user:secret@mail.no:465", "SMTP smtps://mail.no:465 (with credentials)"},
      {"smtp://mail.no:587", "SMTP smtp://mail.no:587"},
      {"smtp://mail.no", "SMTP smtp://mail.no"},
      {"smtp://kari%40skole.no:secret@mail.no:587", "SMTP smtp://mail.no:587 (with credentials)"},
      {"smtp://kari@skole.no:secret@mail.no:587",
       "SMTP (the SMTP URL is not a valid URL; not shown)"},
      {"smtp://secret@mail.no", "SMTP smtp://mail.no (with credentials)"},
      {"smtp://:secret@[::1]:25", "SMTP smtp://[::1]:25 (with credentials)"},
      {"secret", "SMTP (the SMTP URL is not a valid URL; not shown)"},
  };
  for (const auto& [url, expected] : cases) {
    const std::string shown = SmtpMailer(url, "a").describe();
    EXPECT_EQ(shown, expected) << url;
    EXPECT_EQ(shown.find("secret"), std::string::npos) << url;
  }
}

// With credentials on smtp://, a server that does not take STARTTLS gets
// neither the credentials nor the mail.
TEST(Smtp, CredentialsRequireStartTls) {
  FakeSmtp server;
  SmtpMailer smtp("smtp://kari:secret@127.0.0.1:" + std::to_string(server.port()),
                  "stemnet <ikke-svar@stemnet.no>", std::chrono::seconds(10));
  Mail m;
  m.id = "m1";
  m.to = "kari@skole.no";
  m.subject = "Hei";
  m.body = "Hei!\n";
  auto sent = smtp.deliver(m);
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(sent.error().detail.find("secret"), std::string::npos) << sent.error().detail;
  EXPECT_EQ(server.transcript.find("MAIL FROM"), std::string::npos) << server.transcript;
  EXPECT_EQ(server.transcript.find("AUTH"), std::string::npos) << server.transcript;
  EXPECT_TRUE(server.data.empty());
}

}  // namespace
}  // namespace stemnet::notify
