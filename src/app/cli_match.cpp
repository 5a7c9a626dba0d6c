// `stemnet match --region R --period FROM..TO [--dry-run] [--explain]`: a
// matching round from the command line, as the operator. See docs/matching.md.
#include "app/cli.hpp"
#include "booking/service.hpp"
#include "core/clock.hpp"
#include "matching/rounds.hpp"
#include "notify/outbox.hpp"

#include <boost/json.hpp>

#include <iostream>

namespace stemnet::app {
namespace {

void print_item(const matching::RoundItem& i) {
  std::cout << "  " << i.school_name << " (" << i.municipality_name << "), grade " << i.grade
            << ", equity " << i.equity;
  if (i.slot_id) {
    std::cout << " -> " << i.offer_title.value_or("") << " (" << i.provider_name.value_or("")
              << "), " << i.starts_at.value_or("") << ", " << i.distance_m / 1000 << " km, fit "
              << i.fit.total() << " (subject " << i.fit.subject << ", week " << i.fit.week
              << ", grade " << i.fit.grade << ")";
  }
  if (i.reason) std::cout << ": " << *i.reason;
  std::cout << "\n";
}

}  // namespace

void add_match_command(Cli& cli) {
  static std::string region, period;
  static bool dry_run = false, explain = false;
  auto* cmd = cli.app.add_subcommand(
      "match", "assign open requests to offer slots in one round (docs/matching.md)");
  cmd->add_option("--region", region, "a county number, or NO for the whole country")->required();
  cmd->add_option("--period", period, "FROM..TO, dates YYYY-MM-DD")->required();
  cmd->add_flag("--dry-run", dry_run, "solve and show, but make no requests");
  cmd->add_flag("--explain", explain, "show every assignment and every unserved request");
  add_db_option(cmd, cli.config);
  cmd->callback([&cli] {
    cli.action = [&cli]() -> int {
      const auto dots = period.find("..");
      if (dots == std::string::npos) {
        std::cerr << "stemnet: --period is FROM..TO, e.g. 2027-03-01..2027-04-30\n";
        return 2;
      }
      auto pool = open_database(cli.config.db_url, 1);
      if (!pool) return fail(pool.error());
      notify::Outbox outbox(public_url_of(cli.config));
      booking::Service bookings(**pool, outbox, local_minute_now);
      matching::Rounds rounds(**pool, bookings, outbox);
      accounts::Actor op;
      op.person.id = "cli";
      op.person.name = "stemnet";
      op.roles = {{"admin", "NO"}};
      auto made = rounds.create(op, {region, period.substr(0, dots), period.substr(dots + 2)});
      if (!made) return fail(made.error());
      auto solved = rounds.solve(op, made->id);
      if (!solved) return fail(solved.error());
      boost::system::error_code ec;
      auto summary = boost::json::parse(solved->summary_json, ec);
      std::cout << "round " << solved->id << " (" << region << ", " << period << ")\n"
                << "optimal: " << (ec ? "" : boost::json::serialize(summary.at("optimal"))) << "\n"
                << "first come, first served: "
                << (ec ? "" : boost::json::serialize(summary.at("first_come_first_served")))
                << "\n";
      if (explain) {
        std::cout << "assigned:\n";
        for (const auto& i : solved->assignments) print_item(i);
        std::cout << "unserved:\n";
        for (const auto& i : solved->unserved) print_item(i);
      }
      if (dry_run) {
        std::cout << "dry run: no requests made; the proposal stays as round " << solved->id
                  << " (solve it again or accept it over HTTP)\n";
        return 0;
      }
      auto accepted = rounds.accept(op, solved->id);
      if (!accepted) return fail(accepted.error());
      std::cout << "requests sent to providers: " << accepted->assignments.size() << "\n";
      return 0;
    };
  });
}

}  // namespace stemnet::app
