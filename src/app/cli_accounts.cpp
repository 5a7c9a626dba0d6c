// `stemnet accounts grant EMAIL ROLE SCOPE`: how the first admin and the
// coordinators get their roles.
#include "accounts/service.hpp"
#include "app/cli.hpp"
#include "notify/outbox.hpp"

#include <iostream>

namespace stemnet::app {

void add_accounts_commands(Cli& cli) {
  auto* accounts_cmd = cli.app.add_subcommand("accounts", "people and their roles");
  accounts_cmd->require_subcommand(1);
  static std::string email, role, scope;
  auto* grant_cmd = accounts_cmd->add_subcommand("grant", "give a person a role");
  grant_cmd->add_option("EMAIL", email, "the person's e-mail address")->required();
  grant_cmd
      ->add_option("ROLE", role, "teacher, school_contact, provider_member, coordinator or admin")
      ->required();
  grant_cmd
      ->add_option("SCOPE", scope, "school:<orgnr>, an organisation id, a county number, or NO")
      ->required();
  add_db_option(grant_cmd, cli.config);
  grant_cmd->callback([&cli] {
    cli.action = [&cli] {
      auto pool = open_database(cli.config.db_url, 1);
      if (!pool) return fail(pool.error());
      notify::Outbox outbox(public_url_of(cli.config));
      accounts::Service svc(**pool, outbox);
      if (auto r = svc.grant_by_email(email, {role, scope}); !r) return fail(r.error());
      std::cout << email << " is now " << role << " for " << scope << "\n";
      return 0;
    };
  });
}

}  // namespace stemnet::app
