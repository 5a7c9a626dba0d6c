// notify/outbox.hpp — queuing notifications inside the caller's transaction.
//
// A feature that changes something (a request accepted, an organisation
// approved) calls send() with the connection of its own transaction: the
// mail is queued if and only if the change commits. The text is rendered
// now, in the recipient's language; a kind the recipient has turned off is
// not queued at all. Links are made absolute with the public base URL.
// Example:
//   Outbox outbox("https://stemnet.no");
//   outbox.send(c, teacher_id, "request_update",
//               {{"move", "accept"}, {"offer", title}, {"link", "/foresporsel/" + id}});
//   outbox.send_to_role(c, "provider_member", provider_id, "request_new", params, actor_id);
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"
#include "notify/model.hpp"

#include <string>

namespace stemnet::notify {

class Outbox {
 public:
  // `base_url`: where people reach the front-end, without a trailing slash.
  explicit Outbox(std::string base_url);

  // Queues one mail to one person. A "link" parameter that starts with "/"
  // is made absolute.
  Result<void> send(db::Connection& c, const std::string& person_id, std::string_view kind,
                    const Params& params) const;
  // Queues the mail to everyone holding `role` in `scope`, except
  // `except_person` (whoever caused it need not be told).
  Result<void> send_to_role(db::Connection& c, const std::string& role, const std::string& scope,
                            std::string_view kind, const Params& params,
                            const std::string& except_person = "") const;

  const std::string& base_url() const { return base_url_; }

 private:
  std::string base_url_;
};

}  // namespace stemnet::notify
