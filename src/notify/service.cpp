#include "notify/service.hpp"

#include "core/clock.hpp"
#include "notify/errors.hpp"

#include <algorithm>
#include <ctime>
#include <iostream>

namespace stemnet::notify {
namespace {

std::string utc_in(long seconds) {
  return format_utc(std::time(nullptr) + seconds, "%Y-%m-%dT%H:%M:%SZ");
}

}  // namespace

Result<std::vector<Preference>> Service::preferences(const std::string& person_id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows,
              conn->query("SELECT kind, enabled FROM notification_preference WHERE person_id = $1",
                          {person_id}));
  std::map<std::string, bool> chosen;
  for (const auto& r : rows) chosen[r.text(0)] = r.integer(1) != 0;
  std::vector<Preference> out;
  for (const auto& k : kinds()) {
    auto it = chosen.find(std::string(k.id));
    const bool enabled = !k.optional || (it == chosen.end() ? k.default_on : it->second);
    out.push_back({std::string(k.id), enabled, k.optional});
  }
  return out;
}

Result<std::vector<Preference>> Service::set_preferences(
    const std::string& person_id, const std::map<std::string, bool>& choices) {
  for (const auto& [kind, enabled] : choices) {
    const Kind* k = find_kind(kind);
    if (!k) return errors::unknown_kind(kind);
    if (!k->optional && !enabled) return errors::always_on(kind);
  }
  {
    STEMNET_TRY(auto conn, pool_.acquire());
    auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
      for (const auto& [kind, enabled] : choices) {
        STEMNET_TRY_VOID(
            c.execute("INSERT INTO notification_preference (person_id, kind, enabled, updated_at)"
                      " VALUES ($1, $2, $3, $4) ON CONFLICT (person_id, kind) DO UPDATE SET"
                      " enabled = excluded.enabled, updated_at = excluded.updated_at",
                      {person_id, kind, enabled, utc_now_iso()}));
      }
      return ok();
    });
    if (!done) return std::move(done).error();
  }
  return preferences(person_id);
}

Result<Unsubscribed> Service::look_up(const std::string& token) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows, conn->query("SELECT kind, language FROM notification"
                                     " WHERE unsubscribe_token = $1",
                                     {token}));
  if (rows.empty()) return errors::link_unknown();
  return Unsubscribed{rows[0].text(0), rows[0].text(1)};
}

Result<Unsubscribed> Service::unsubscribe(const std::string& token) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows, conn->query("SELECT person_id, kind, language FROM notification"
                                     " WHERE unsubscribe_token = $1",
                                     {token}));
  if (rows.empty()) return errors::link_unknown();
  STEMNET_TRY_VOID(
      conn->execute("INSERT INTO notification_preference (person_id, kind, enabled, updated_at)"
                    " VALUES ($1, $2, 0, $3) ON CONFLICT (person_id, kind) DO UPDATE SET"
                    " enabled = 0, updated_at = excluded.updated_at",
                    {rows[0].text(0), rows[0].text(1), utc_now_iso()}));
  return Unsubscribed{rows[0].text(1), rows[0].text(2)};
}

Result<Delivery> Service::deliver_due(Mailer& mailer, int batch) {
  Delivery d;
  const std::string now = utc_now_iso();
  std::vector<Mail> claimed;
  {
    STEMNET_TRY(auto conn, pool_.acquire());
    STEMNET_TRY(auto due, conn->query("SELECT id FROM notification WHERE state = 'queued'"
                                      " AND next_attempt_at <= $1"
                                      " AND (claimed_until IS NULL OR claimed_until < $1)"
                                      " ORDER BY created_at, id LIMIT $2",
                                      {now, batch}));
    for (const auto& row : due) {
      // The conditional update is the lease: of two workers, one gets it.
      STEMNET_TRY(std::int64_t mine,
                  conn->execute("UPDATE notification SET claimed_until = $2 WHERE id = $1"
                                " AND state = 'queued' AND (claimed_until IS NULL OR"
                                " claimed_until < $3)",
                                {row.text(0), utc_in(kLeaseSeconds), now}));
      if (mine == 0) continue;
      STEMNET_TRY(auto m, conn->query("SELECT id, person_id, kind, to_address, language, subject,"
                                      " body, unsubscribe_url, created_at, attempts"
                                      " FROM notification WHERE id = $1",
                                      {row.text(0)}));
      if (m.empty()) continue;
      const auto& r = m[0];
      claimed.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5),
                         r.text(6), r.opt_text(7), r.text(8), static_cast<int>(r.integer(9))});
    }
  }
  // No lease on the pool while a mail server takes its time.
  for (const auto& mail : claimed) {
    auto sent = mailer.deliver(mail);
    STEMNET_TRY(auto conn, pool_.acquire());
    if (sent) {
      // A mail one cannot opt out of may carry a secret (a reset code): once
      // sent, its text is not kept.
      STEMNET_TRY_VOID(conn->execute(
          "UPDATE notification SET state = 'sent', sent_at = $2, attempts = attempts + 1,"
          " claimed_until = NULL, last_error = '',"
          " body = CASE WHEN unsubscribe_token IS NULL THEN '' ELSE body END WHERE id = $1",
          {mail.id, utc_now_iso()}));
      ++d.sent;
      continue;
    }
    const int attempts = mail.attempts + 1;
    const bool give_up = attempts >= kMaxAttempts;
    const long wait = std::min(60L << std::min(attempts - 1, 12), 6L * 3600);
    STEMNET_TRY_VOID(conn->execute(
        "UPDATE notification SET state = $2, attempts = $3, next_attempt_at = $4,"
        " claimed_until = NULL, last_error = $5 WHERE id = $1",
        {mail.id, give_up ? "failed" : "queued", attempts, utc_in(wait), sent.error().detail}));
    std::cerr << "stemnet: mail " << mail.id << " (" << mail.kind << ") not sent, attempt "
              << attempts << (give_up ? ", giving up: " : ": ") << sent.error().detail << std::endl;
    ++(give_up ? d.failed : d.retried);
  }
  return d;
}

Result<std::int64_t> Service::forget_old(int days) {
  STEMNET_TRY(auto conn, pool_.acquire());
  return conn->execute("DELETE FROM notification WHERE state <> 'queued' AND created_at < $1",
                       {utc_in(-86400L * days)});
}

Worker::Worker(Service& service, Mailer& mailer, std::function<void()> chores,
               std::chrono::milliseconds interval, std::function<void()> each_round)
    : service_(service),
      mailer_(mailer),
      chores_(std::move(chores)),
      interval_(interval),
      each_round_(std::move(each_round)),
      thread_([this](std::stop_token st) { run(st); }) {}

Worker::~Worker() {
  thread_.request_stop();
  cv_.notify_all();
}

void Worker::wake() {
  {
    std::lock_guard lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

void Worker::run(std::stop_token stop) {
  auto last_chores = std::chrono::steady_clock::now() - std::chrono::hours(1);
  while (!stop.stop_requested()) {
    if (each_round_) each_round_();
    if (auto d = service_.deliver_due(mailer_, 50); !d) {
      std::cerr << "stemnet: mail worker: " << d.error().detail << std::endl;
    }
    if (std::chrono::steady_clock::now() - last_chores > std::chrono::minutes(5)) {
      last_chores = std::chrono::steady_clock::now();
      if (chores_) chores_();
    }
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, stop, interval_, [this] { return woken_; });
    woken_ = false;
  }
}

}  // namespace stemnet::notify
