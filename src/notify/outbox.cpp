#include "notify/outbox.hpp"

#include "core/clock.hpp"
#include "core/encoding.hpp"
#include "notify/templates.hpp"

namespace stemnet::notify {

Outbox::Outbox(std::string base_url) : base_url_(std::move(base_url)) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

Result<void> Outbox::send(db::Connection& c, const std::string& person_id, std::string_view kind,
                          const Params& params) const {
  const Kind* k = find_kind(kind);
  if (!k) return Error::internal("no notification kind '" + std::string(kind) + "'");
  STEMNET_TRY(auto person, c.query("SELECT p.email, p.language, np.enabled FROM person p"
                                   " LEFT JOIN notification_preference np ON np.person_id = p.id"
                                   " AND np.kind = $2 WHERE p.id = $1",
                                   {person_id, std::string(kind)}));
  if (person.empty()) return Error::internal("no person '" + person_id + "' to notify");
  const bool enabled = person[0].is_null(2) ? k->default_on : person[0].integer(2) != 0;
  if (k->optional && !enabled) return ok();

  Params p = params;
  if (auto link = p.find("link"); link != p.end() && link->second.starts_with("/")) {
    link->second = base_url_ + link->second;
  }
  const std::string language = person[0].text(1);
  Rendered mail = render(kind, language, p);
  std::optional<std::string> token, url;
  if (k->optional) {
    token = random_token();
    url = base_url_ + "/api/v1/unsubscribe/" + *token;
    mail.body += footer(language, *url, base_url_ + "/min-side/varsler");
  }
  const std::string now = utc_now_iso();
  STEMNET_TRY_VOID(
      c.execute("INSERT INTO notification (id, person_id, kind, to_address, language, subject,"
                " body, unsubscribe_token, unsubscribe_url, state, next_attempt_at, created_at)"
                " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'queued', $10, $10)",
                {random_token().substr(0, 22), person_id, std::string(kind), person[0].text(0),
                 language, mail.subject, mail.body, token, url, now}));
  return ok();
}

Result<void> Outbox::send_to_role(db::Connection& c, const std::string& role,
                                  const std::string& scope, std::string_view kind,
                                  const Params& params, const std::string& except_person) const {
  STEMNET_TRY(auto people,
              c.query("SELECT person_id FROM person_role WHERE role = $1 AND scope = $2"
                      " ORDER BY person_id",
                      {role, scope}));
  for (const auto& row : people) {
    if (row.text(0) == except_person) continue;
    STEMNET_TRY_VOID(send(c, row.text(0), kind, params));
  }
  return ok();
}

}  // namespace stemnet::notify
