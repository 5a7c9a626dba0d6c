// notify/service.hpp — preferences, one-click unsubscribe, and sending what
// the outbox holds.
//
// deliver_due() is the mail worker's step: it claims due mails with a lease
// (so that several servers on one database never send a mail twice), hands
// each to the mailer, and marks it sent, or retries it later with back-off
// (1, 2, 4 … 64 minutes), giving up after kMaxAttempts (about two hours).
// The text of a mail one cannot opt out of (a reset code) is not kept once
// it is sent.
// Example:
//   Service svc(pool);
//   svc.set_preferences(person_id, {{"request_message", false}});
//   auto sent = svc.deliver_due(mailer, 20);
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"
#include "notify/mailer.hpp"
#include "notify/model.hpp"

#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace stemnet::notify {

struct Unsubscribed {
  std::string kind, language;
};

struct Delivery {
  int sent = 0, retried = 0, failed = 0;
};

class Service {
 public:
  explicit Service(db::Pool& pool) : pool_(pool) {}

  // Every kind with the person's choice (or its default).
  Result<std::vector<Preference>> preferences(const std::string& person_id);
  // Sets some kinds on or off; an unknown kind, or turning off one that
  // cannot be turned off, is ErrorKind::invalid_input and changes nothing.
  Result<std::vector<Preference>> set_preferences(const std::string& person_id,
                                                  const std::map<std::string, bool>& choices);
  // Turns off the kind of the mail whose link carried this token;
  // ErrorKind::not_found for a token no mail had. Doing it twice is fine.
  Result<Unsubscribed> unsubscribe(const std::string& token);
  // What the token's mail was about, changing nothing (for the page that asks).
  Result<Unsubscribed> look_up(const std::string& token);

  // Sends up to `batch` due mails.
  Result<Delivery> deliver_due(Mailer& mailer, int batch);
  // Forgets sent and failed mails older than `days`.
  Result<std::int64_t> forget_old(int days);

  static constexpr int kMaxAttempts = 8;
  static constexpr int kLeaseSeconds = 120;

 private:
  db::Pool& pool_;
};

// The mail worker: a thread that calls deliver_due() every `interval` (and
// at once after wake()), and runs `chores` (housekeeping) every few minutes.
class Worker {
 public:
  // `chores` run every 5 minutes; `each_round`, when given, before every
  // delivery round (work that queues mail, such as password resets).
  Worker(Service& service, Mailer& mailer, std::function<void()> chores,
         std::chrono::milliseconds interval = std::chrono::seconds(1),
         std::function<void()> each_round = {});
  ~Worker();  // stops and joins
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;
  void wake();

 private:
  void run(std::stop_token stop);
  Service& service_;
  Mailer& mailer_;
  std::function<void()> chores_;
  std::chrono::milliseconds interval_;
  std::function<void()> each_round_;
  std::mutex mu_;
  std::condition_variable_any cv_;
  bool woken_ = false;
  std::jthread thread_;
};

}  // namespace stemnet::notify
