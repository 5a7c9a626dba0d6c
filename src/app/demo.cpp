// `stemnet demo seed`: a realistic, clearly fictitious set of providers,
// offers, slots, requests and bookings across the country, for trying the
// product. Everything it makes is marked: organisation names end in
// "(demo)", people have @demo.stemnet.invalid
// addresses. It refuses a database that has anyone or anything else, so demo
// data never mixes with real data.
#include "accounts/service.hpp"
#include "app/cli.hpp"
#include "booking/service.hpp"
#include "catalogue/service.hpp"
#include "core/clock.hpp"
#include "geo/area_code.hpp"
#include "notify/outbox.hpp"
#include "organisations/service.hpp"

#include <ctime>
#include <iostream>

namespace stemnet::app {
namespace {

constexpr const char* kPassword = "demo-passord-2026";

struct DemoProvider {
  const char* email;
  const char* name;
  const char* kind;
  const char* municipality;
  const char* sector;
  const char* title;
  const char* format;
  const char* subject;
  int grade_min, grade_max, radius;
  bool digital;
};

const DemoProvider kProviders[] = {
    {"kraft@demo.stemnet.invalid", "Fossekraft AS (demo)", "company", "3116", "energy",
     "Besøk på vannkraftverket", "workplace_visit", "natural_science", 8, 10, 60, false},
    {"havbruk@demo.stemnet.invalid", "Nordhav Oppdrett AS (demo)", "company", "1820", "aquaculture",
     "Fra rogn til middag: en dag på merden", "workplace_visit", "biology", 5, 10, 80, false},
    {"kode@demo.stemnet.invalid", "Bergen Kodeverksted (demo)", "volunteer", "4601", "ict",
     "Programmer en robot på én skoletime", "school_visit", "technology_programming", 5, 10, 30,
     false},
    {"ingenior@demo.stemnet.invalid", "Trøndelag Ingeniørhus AS (demo)", "company", "5001",
     "construction", "Spør en ingeniør: digital spørretime", "digital_qa", "mathematics", 8, 13, 0,
     true},
    {"rom@demo.stemnet.invalid", "Arktisk Romsenter (demo)", "company", "5501", "research",
     "Virtuell omvisning på satellittstasjonen", "virtual_tour", "physics", 7, 13, 0, true},
    {"kjemi@demo.stemnet.invalid", "Agder Prosessindustri AS (demo)", "company", "4204",
     "manufacturing", "Ferdig opplegg: kjemi i hverdagen", "kit", "chemistry", 8, 10, 0, false},
};

// Fictitious organisation numbers that pass the mod-11 check.
std::string demo_orgnr(int i) {
  for (int n = 900000000 + i * 1000;; ++n) {
    const std::string s = std::to_string(n);
    if (geo::is_organisation_number(s)) return s;
  }
}

// The date `weeks` weeks from today, "YYYY-MM-DD".
std::string day_in_weeks(int weeks) {
  return format_local(std::time(nullptr) + static_cast<std::time_t>(weeks) * 7 * 24 * 3600,
                      "%Y-%m-%d");
}

Error demo_error(const std::string& step, const Error& e) {
  Error out = e;
  out.detail = "demo seed: " + step + ": " + e.detail;
  return out;
}

}  // namespace

int demo_seed(const Config& config) {
  auto pool = open_database(config.db_url, 2);
  if (!pool) return fail(pool.error());
  {
    auto conn = (*pool)->acquire();
    if (!conn) return fail(conn.error());
    auto people = (*conn)->query("SELECT COUNT(*) FROM person");
    auto orgs = (*conn)->query("SELECT COUNT(*) FROM organisation");
    auto schools = (*conn)->query("SELECT COUNT(*) FROM school");
    if (!people || !orgs || !schools) return fail(Error::internal("cannot read the database"));
    if ((*people)[0].integer(0) > 0 || (*orgs)[0].integer(0) > 0) {
      std::cerr << "stemnet: demo seed: the database has people or organisations already; demo "
                   "data goes only into "
                   "an empty one, so it never mixes with real data\n";
      return 1;
    }
    if ((*schools)[0].integer(0) == 0) {
      std::cerr << "stemnet: demo seed: import the reference data first (stemnet import reference "
                   "data/reference)\n";
      return 1;
    }
  }
  notify::Outbox outbox(public_url_of(config));
  accounts::Service accounts(**pool, outbox);
  organisations::Service organisations(**pool, outbox);
  catalogue::Service catalogue(**pool);
  booking::Service bookings(**pool, outbox, local_minute_now);
  if (auto r = catalogue.prepare(); !r) return fail(r.error());

  auto admin =
      accounts.signup({"admin@demo.stemnet.invalid", "Demo Administrator", kPassword, "nb"});
  if (!admin) return fail(demo_error("admin", admin.error()));
  if (auto r = accounts.grant(admin->actor.person.id, {"admin", "NO"}); !r) return fail(r.error());
  auto admin_actor = accounts.authenticate(admin->session_token);
  if (!admin_actor) return fail(admin_actor.error());
  // A regional coordinator for Østfold (31), where the first demo teacher's school is.
  auto coordinator = accounts.signup(
      {"koordinator@demo.stemnet.invalid", "Demo koordinator Østfold", kPassword, "nb"});
  if (!coordinator) return fail(demo_error("coordinator", coordinator.error()));
  if (auto r = accounts.grant(coordinator->actor.person.id, {"coordinator", "31"}); !r)
    return fail(r.error());

  std::vector<std::pair<catalogue::Offer, accounts::Actor>> offers;
  int i = 0;
  for (const auto& p : kProviders) {
    auto person = accounts.signup({p.email, std::string("Demo ") + p.sector, kPassword, "nb"});
    if (!person) return fail(demo_error(p.name, person.error()));
    organisations::ProviderInput in;
    in.kind = p.kind;
    in.name = p.name;
    if (std::string(p.kind) != "volunteer") in.orgnr = demo_orgnr(++i);
    in.municipality = p.municipality;
    in.sector = p.sector;
    in.profile = "Fiktiv tilbyder laget for å prøve stemnet.";
    in.recruits_for = {"jobs", "summer_jobs"};
    if (std::string(p.kind) == "volunteer") {
      in.field = "Programmering og kodeklubber";
      in.affiliation = "Universitetet i Bergen";
    }
    auto org = organisations.register_provider(person->actor, in);
    if (!org) return fail(demo_error(p.name, org.error()));
    if (auto r = organisations.decide(*admin_actor, org->id, true, ""); !r)
      return fail(demo_error(p.name, r.error()));
    auto actor = accounts.authenticate(person->session_token);
    if (!actor) return fail(actor.error());
    catalogue::Offer o;
    o.title = p.title;
    o.description = "Et fiktivt tilbud for å prøve stemnet: " + std::string(p.title) +
                    ". Elevene møter fagfolk og ser hvordan realfag brukes i arbeidslivet.";
    o.format = p.format;
    o.subjects = {p.subject};
    o.languages = {"nb"};
    o.grade_min = p.grade_min;
    o.grade_max = p.grade_max;
    o.capacity = 30;
    o.digital = p.digital;
    o.municipality_number = p.municipality;
    o.address = p.digital ? "Digitalt" : "Demoveien 1";
    o.travel_radius_km = p.radius;
    o.duration_minutes = 90;
    if (std::string(p.format) == "kit") {
      o.kit = {"Les teksten om råvarer før timen.", "Gjør de tre forsøkene i esken.",
               "Skriv en kort rapport."};
    }
    auto made = catalogue.create(*actor, org->id, o);
    if (!made) return fail(demo_error(p.title, made.error()));
    if (auto r = catalogue.set_status(*actor, made->id, "published"); !r) return fail(r.error());
    for (int weeks : {4, 8, 12}) {  // ahead of today, so there is something to book
      const std::string day = day_in_weeks(weeks);
      catalogue::Slot s;
      s.starts_at = day + "T09:00";
      s.ends_at = day + "T10:30";
      s.capacity = 2;
      if (auto r = catalogue.add_slot(*actor, made->id, s); !r) return fail(r.error());
    }
    offers.emplace_back(*made, *actor);
  }

  // Teachers at real schools near some of the providers, with requests in
  // every state a coordinator meets: waiting, a time proposed, booked.
  const char* towns[] = {"3116", "1820", "4601"};
  int made_requests = 0;
  for (int t = 0; t < 3; ++t) {
    std::string orgnr;
    {  // the lease ends here: the services take their own
      auto conn = (*pool)->acquire();
      if (!conn) return fail(conn.error());
      auto school = (*conn)->query(
          "SELECT orgnr FROM school WHERE municipality_number = $1 ORDER BY orgnr LIMIT 1",
          {towns[t]});
      if (!school || school->empty()) continue;
      orgnr = (*school)[0].text(0);
    }
    const std::string email = "laerer" + std::to_string(t + 1) + "@demo.stemnet.invalid";
    auto teacher = accounts.signup({email, "Demo lærer " + std::to_string(t + 1), kPassword, "nb"});
    if (!teacher) return fail(demo_error(email, teacher.error()));
    if (auto r = accounts.grant(teacher->actor.person.id, {"teacher", "school:" + orgnr}); !r)
      return fail(r.error());
    auto teacher_actor = accounts.authenticate(teacher->session_token);
    if (!teacher_actor) return fail(teacher_actor.error());
    const auto& [offer, provider] = offers[static_cast<std::size_t>(t)];
    auto slots = catalogue.slots(&provider, offer.id);
    if (!slots || slots->empty()) continue;
    booking::NewRequest req{offer.id,
                            orgnr,
                            offer.grade_max,
                            24,
                            "en av ukene i mars",
                            "Hei! Vi vil gjerne komme.",
                            (*slots)[0].id};
    auto made = bookings.create(*teacher_actor, req);
    if (!made) return fail(demo_error("request", made.error()));
    ++made_requests;
    if (t == 1) {
      booking::MoveInput in;
      in.time = day_in_weeks(6) + "T10:00";
      if (auto r = bookings.move(provider, made->id, "propose", in); !r) return fail(r.error());
    } else if (t == 2) {
      booking::MoveInput in;
      in.slot_id = (*slots)[0].id;
      if (auto r = bookings.move(provider, made->id, "accept", in); !r) return fail(r.error());
    }
  }
  {
    // The people are fictitious (.invalid): what the seed's changes queued
    // for them is never sent.
    auto conn = (*pool)->acquire();
    if (!conn) return fail(conn.error());
    auto dropped =
        (*conn)->execute("DELETE FROM notification WHERE to_address LIKE '%@demo.stemnet.invalid'");
    if (!dropped) return fail(dropped.error());
  }
  std::cout << "demo seed: " << offers.size() << " providers and offers, 3 slots each, "
            << made_requests << " requests from teachers\n";
  std::cout << "demo seed: sign in as admin@demo.stemnet.invalid (or koordinator@…, kraft@…, "
               "havbruk@…, kode@…, laerer1@…) "
               "with the password "
            << kPassword << "\n";
  return 0;
}

void add_demo_commands(Cli& cli) {
  auto* demo = cli.app.add_subcommand("demo", "fictitious data for trying the product");
  demo->require_subcommand(1);
  auto* seed =
      demo->add_subcommand("seed", "add demo providers, offers and slots to an empty database");
  add_db_option(seed, cli.config);
  seed->callback([&cli] { cli.action = [&cli] { return demo_seed(cli.config); }; });
}

}  // namespace stemnet::app
