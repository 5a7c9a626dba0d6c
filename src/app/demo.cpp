// `stemnet demo seed`: a plausible national picture, all fictitious and
// marked so, for trying the product: providers of every kind in all 15
// counties, offers of every format (ready-made kits among them) with slots on
// school days of the coming school year, teachers in several counties,
// completed bookings with feedback (so impact and the monitor's engagement
// show figures), open requests, and a matching round in Østfold whose
// proposal serves more classes than first come, first served. Everything it
// makes is marked: organisation names end in "(demo)", people have
// @demo.stemnet.invalid addresses. It refuses a database that has anyone or
// anything else, so demo data never mixes with real data; and it is one
// transaction: a failure half-way leaves nothing.
#include "accounts/service.hpp"
#include "app/cli.hpp"
#include "app/compute.hpp"
#include "app/demo_calendar.hpp"
#include "app/demo_data.hpp"
#include "booking/open_request.hpp"
#include "booking/service.hpp"
#include "catalogue/service.hpp"
#include "core/clock.hpp"
#include "matching/rounds.hpp"
#include "notify/outbox.hpp"
#include "organisations/service.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iostream>
#include <thread>

namespace stemnet::app {
namespace {

constexpr const char* kPassword = "demo-passord-2026";

Error demo_error(const std::string& step, const Error& e) {
  Error out = e;
  out.detail = "demo seed: " + step + ": " + e.detail;
  return out;
}

// School days from `from` on, every `step` school days, skipping `avoid`
// ("YYYY-MM-DD" of days kept free for the matching round's week).
std::vector<std::string> school_days(Date from, int count, int step,
                                     const std::vector<std::string>& avoid = {}) {
  std::vector<std::string> out;
  int seen = 0;
  for (Date d = from; static_cast<int>(out.size()) < count; d = add_days(d, 1)) {
    if (!is_school_day(d)) continue;
    if (std::find(avoid.begin(), avoid.end(), iso(d)) != avoid.end()) continue;
    if (seen++ % step == 0) out.push_back(iso(d));
  }
  return out;
}

Date today() {
  const std::string t = format_local(std::time(nullptr), "%Y-%m-%d");
  return {std::stoi(t.substr(0, 4)), std::stoi(t.substr(5, 2)), std::stoi(t.substr(8, 2))};
}

// The seed's steps; each returns an error that names what it was making.
class Seeder {
 public:
  explicit Seeder(db::Pool& pool, const notify::Outbox& outbox)
      : pool_(pool),
        accounts_(pool, outbox),
        organisations_(pool, outbox),
        catalogue_(pool),
        bookings_(pool, outbox, local_minute_now),
        open_(pool, bookings_, outbox),
        rounds_(pool, bookings_, outbox) {}

  Result<void> run();
  std::string summary() const;

 private:
  struct Provided {
    catalogue::Offer offer;
    accounts::Actor provider;
  };
  // Signs a person up; their session, to read their roles again after a change.
  Result<std::string> person(const std::string& email, const std::string& name);
  Result<std::string> provider(const organisations::ProviderInput& in, const std::string& email,
                               const std::string& person_name, accounts::Actor& actor);
  Result<catalogue::Offer> offer(const accounts::Actor& actor, const std::string& org,
                                 catalogue::Offer o, const std::vector<std::string>& days);
  Result<std::string> school_in(const std::string& municipality);
  Result<void> completed_bookings();
  Result<void> completed_visit(const accounts::Actor& teacher, const std::string& school,
                               const Provided& p, Date day, int pupils, int k);
  Result<void> open_requests_and_round();

  db::Pool& pool_;
  accounts::Service accounts_;
  organisations::Service organisations_;
  catalogue::Service catalogue_;
  booking::Service bookings_;
  booking::OpenRequests open_;
  matching::Rounds rounds_;
  std::optional<accounts::Actor> admin_, coordinator_;
  std::vector<Provided> offers_;
  std::vector<std::pair<accounts::Actor, std::string>> teachers_;  // with their school
  std::vector<std::string> round_days_;  // the matching round's week, kept free of other slots
  int providers_ = 0, kits_ = 0, slots_ = 0, completed_ = 0, requests_ = 0, open_requests_ = 0;
  std::string round_summary_;
  std::vector<std::string> indicators_;
  int orgnr_ = 0;
};

Result<std::string> Seeder::person(const std::string& email, const std::string& name) {
  auto made = accounts_.signup({email, name, kPassword, "nb"});
  if (!made) return demo_error(email, made.error());
  return made->session_token;
}

Result<std::string> Seeder::provider(const organisations::ProviderInput& in,
                                     const std::string& email, const std::string& person_name,
                                     accounts::Actor& actor) {
  STEMNET_TRY(const std::string session, person(email, person_name));
  STEMNET_TRY(actor, accounts_.authenticate(session));
  organisations::ProviderInput full = in;
  if (full.kind != "volunteer") full.orgnr = demo_orgnr(++orgnr_);
  full.contact = {
      person_name,
      full.kind == "volunteer" ? std::nullopt : std::optional<std::string>("Skolekontakt"), email,
      std::nullopt};
  auto org = organisations_.register_provider(actor, full);
  if (!org) return demo_error(in.name, org.error());
  if (auto r = organisations_.decide(*admin_, org->id, true, ""); !r)
    return demo_error(in.name, r.error());
  STEMNET_TRY(actor, accounts_.authenticate(session));  // now with the provider's role
  ++providers_;
  return org->id;
}

Result<catalogue::Offer> Seeder::offer(const accounts::Actor& actor, const std::string& org,
                                       catalogue::Offer o, const std::vector<std::string>& days) {
  auto made = catalogue_.create(actor, org, o);
  if (!made) return demo_error(o.title, made.error());
  if (auto r = catalogue_.set_status(actor, made->id, "published"); !r)
    return demo_error(o.title, r.error());
  for (const auto& day : days) {
    catalogue::Slot s;
    s.starts_at = day + "T09:00";
    s.ends_at = day + "T10:30";
    s.capacity = 2;
    if (auto r = catalogue_.add_slot(actor, made->id, s); !r) return demo_error(o.title, r.error());
    ++slots_;
  }
  if (o.format == "kit") ++kits_;
  offers_.push_back({*made, actor});
  return *made;
}

Result<std::string> Seeder::school_in(const std::string& municipality) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto rows, conn->query("SELECT orgnr FROM school WHERE municipality_number = $1"
                                     " ORDER BY orgnr LIMIT 1",
                                     {municipality}));
  if (rows.empty()) return Error::not_found("demo seed: no school in " + municipality);
  return rows[0].text(0);
}

Result<void> Seeder::run() {
  STEMNET_TRY_VOID(catalogue_.prepare());
  STEMNET_TRY(const std::string admin_session,
              person("admin@demo.stemnet.invalid", "Demo Administrator"));
  STEMNET_TRY(auto admin, accounts_.authenticate(admin_session));
  STEMNET_TRY_VOID(accounts_.grant(admin.person.id, {"admin", "NO"}));
  STEMNET_TRY(admin_, accounts_.authenticate(admin_session));
  // Regional coordinators: Østfold (31), where the first demo teacher's school is, and Vestland.
  STEMNET_TRY(const std::string coordinator_session,
              person("koordinator@demo.stemnet.invalid", "Demo koordinator Østfold"));
  STEMNET_TRY(auto coordinator, accounts_.authenticate(coordinator_session));
  STEMNET_TRY_VOID(accounts_.grant(coordinator.person.id, {"coordinator", "31"}));
  STEMNET_TRY(coordinator_, accounts_.authenticate(coordinator_session));
  STEMNET_TRY(const std::string vestland_session,
              person("koordinator.vestland@demo.stemnet.invalid", "Demo koordinator Vestland"));
  STEMNET_TRY(auto vestland, accounts_.authenticate(vestland_session));
  STEMNET_TRY_VOID(accounts_.grant(vestland.person.id, {"coordinator", "46"}));

  // The matching round's week (about 20 weeks ahead, five school days), kept
  // free of every other slot so that its result is the one described.
  const Date now = today();
  for (Date d = add_days(now, 140);; d = add_days(d, 1)) {
    std::vector<std::string> week;
    for (int i = 0; i < 5; ++i) {
      if (is_school_day(add_days(d, i))) week.push_back(iso(add_days(d, i)));
    }
    // A Monday (after a weekend) that starts five school days.
    if (week.size() == 5 && !is_school_day(add_days(d, -1)) && !is_school_day(add_days(d, -2))) {
      round_days_ = week;
      break;
    }
  }

  // The first providers, whom the guides and browser tests know by name.
  int k = 0;
  for (const auto& p : first_providers()) {
    organisations::ProviderInput in;
    in.kind = p.kind;
    in.name = p.name;
    in.municipality = p.municipality;
    in.sector = p.sector;
    in.profile =
        "Fiktiv tilbyder laget for å prøve stemnet. Vi tar imot klasser og viser hva "
        "realfag brukes til hos oss.";
    in.recruits_for = {"jobs", "summer_jobs"};
    if (std::string(p.kind) == "volunteer") {
      in.field = "Programmering og kodeklubber";
      in.affiliation = "Universitetet i Bergen";
      in.recruits_for = {"studies"};
    }
    accounts::Actor actor;
    STEMNET_TRY(const std::string org,
                provider(in, p.email, std::string("Demo ") + p.sector, actor));
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
      o.materials = {"Vernebriller", "Begerglass, 250 ml", "Bakepulver og eddik", "pH-papir"};
      o.preparation_minutes = 20;
      o.curriculum = {"NAT01-04"};
    }
    STEMNET_TRY_VOID(offer(actor, org, o, school_days(add_days(now, 28 + k), 3, 20, round_days_)));
    // A second offer of another format, so that every provider has two.
    const Theme& t = theme_of(p.sector);
    catalogue::Offer second;
    second.format = std::string(p.format) == "digital_qa" ? "role_model_talk" : "digital_qa";
    second.title = title_for(second.format, t.theme, p.name);
    second.description = "Fiktivt: en fagperson fra " + std::string(p.name) + " svarer på " +
                         "elevenes spørsmål om " + t.theme + ".";
    second.subjects = {t.subject};
    second.languages = {"nb"};
    second.grade_min = 7;
    second.grade_max = 10;
    second.capacity = 30;
    second.digital = second.format == "digital_qa";
    second.municipality_number = p.municipality;
    second.address = second.digital ? "Digitalt" : "Demoveien 1";
    second.travel_radius_km = second.digital ? 0 : 50;
    second.duration_minutes = 45;
    STEMNET_TRY_VOID(
        offer(actor, org, second, school_days(add_days(now, 35 + k), 3, 30, round_days_)));
    ++k;
  }

  // The rest of the country.
  int n = 0;
  for (const auto& p : national_providers()) {
    organisations::ProviderInput in;
    in.kind = p.kind;
    in.name = p.name;
    in.municipality = p.municipality;
    in.sector = p.sector;
    const Theme& t = theme_of(p.sector);
    const bool person_role = std::string(p.kind) == "volunteer";
    in.profile = person_role ? std::string("Fiktiv rollemodell: jeg forteller gjerne om hvordan ") +
                                   t.theme + " er å jobbe med."
                             : std::string(
                                   "Fiktiv tilbyder laget for å prøve stemnet. Vi viser "
                                   "unge hvordan vi jobber med ") +
                                   t.theme + ".";
    if (person_role) {
      in.field = p.field;
      in.affiliation = p.affiliation;
      in.recruits_for = {"studies"};
    } else if (std::string(p.kind) == "higher_education") {
      in.recruits_for = {"studies", "summer_jobs"};
    } else if (std::string(p.kind) == "company") {
      in.recruits_for = n % 2 ? std::vector<std::string>{"apprenticeships", "jobs"}
                              : std::vector<std::string>{"summer_jobs", "apprenticeships"};
    }
    accounts::Actor actor;
    const std::string email = std::string(p.key) + "@demo.stemnet.invalid";
    STEMNET_TRY(const std::string org,
                provider(in, email, person_role ? p.name : "Demo " + std::string(p.key), actor));
    std::vector<std::string> formats;
    if (person_role) {
      formats = {"role_model_talk", "digital_qa"};
    } else {
      const auto cycle = format_cycle();
      formats = {cycle[(2 * n) % cycle.size()], cycle[(2 * n + 1) % cycle.size()]};
    }
    int m = 0;
    for (const auto& format : formats) {
      catalogue::Offer o;
      o.format = format;
      o.title = title_for(format, t.theme, p.name);
      o.description = "Et fiktivt tilbud for å prøve stemnet: elevene lærer om " +
                      std::string(t.theme) + " og møter folk som jobber med det.";
      o.subjects = {t.subject};
      o.languages = {"nb"};
      o.grade_min = format == "camp" ? 8 : 5 + (n % 3);
      o.grade_max = format == "camp" ? 10 : 10;
      o.capacity = format == "camp" ? 60 : 30;
      o.digital = format == "digital_qa" || format == "virtual_tour";
      o.municipality_number = p.municipality;
      o.address = o.digital ? "Digitalt" : "Demoveien " + std::to_string(n + 2);
      o.travel_radius_km = o.digital ? 0 : (format == "kit" ? 200 : 60);
      o.duration_minutes = format == "camp" ? 360 : (format == "kit" ? 120 : 90);
      o.on_request = (n + m) % 5 == 4;  // some by agreement, without fixed times
      if (format == "kit") {
        o.kit = {"Før: klassen leser en kort tekst om " + std::string(t.theme) +
                     " og skriver ned tre spørsmål.",
                 "Under: elevene gjør forsøkene i esken i grupper på fire og noterer målingene.",
                 "Etter: gruppene lager en plakat og sammenligner resultatene sine."};
        o.materials = {"Arbeidsark (ett per elev)", "Måleutstyr til seks grupper", "Vernebriller",
                       "Lærerveiledning"};
        o.preparation_minutes = 30;
        o.curriculum = {t.curriculum};
      }
      std::vector<std::string> days;
      if (!o.on_request) {
        days = school_days(add_days(now, 14 + (n * 5 + m * 17) % 60), 3, 25, round_days_);
      }
      STEMNET_TRY_VOID(offer(actor, org, o, days));
      ++m;
    }
    ++n;
  }
  STEMNET_TRY_VOID(completed_bookings());
  STEMNET_TRY_VOID(open_requests_and_round());
  {
    // The people are fictitious (.invalid): what the seed's changes queued
    // for them is never sent.
    STEMNET_TRY(auto conn, pool_.acquire());
    STEMNET_TRY_VOID(
        conn->execute("DELETE FROM notification WHERE to_address LIKE '%@demo.stemnet.invalid'"));
  }
  // The monitor's own indicators, so that engagement shows figures at once
  // (those in the indicator catalogue; without it, `stemnet monitor compute`
  // or the server's worker does it once it is loaded).
  STEMNET_TRY(auto computed, compute_platform_indicators(pool_));
  indicators_ = computed.lines;
  return ok();
}

// One visit on `day` (a school day from it), accepted, completed and given
// feedback by both sides.
Result<void> Seeder::completed_visit(const accounts::Actor& teacher, const std::string& school,
                                     const Provided& p, Date day, int pupils, int k) {
  const auto& [o, provider] = p;
  const auto days = school_days(day, 1, 1);
  catalogue::Slot s;
  s.starts_at = days[0] + "T10:00";
  s.ends_at = days[0] + "T11:30";
  s.capacity = 1;
  auto slot = catalogue_.add_slot(provider, o.id, s);
  if (!slot) return demo_error(o.title, slot.error());
  booking::NewRequest req{
      o.id, school, std::max(8, o.grade_min), pupils, "i høst", "Vi vil gjerne komme!", slot->id};
  STEMNET_TRY(auto made, bookings_.create(teacher, req));
  booking::MoveInput accept;
  accept.slot_id = slot->id;
  STEMNET_TRY_VOID(bookings_.move(provider, made.id, "accept", accept));
  STEMNET_TRY_VOID(bookings_.move(teacher, made.id, "complete", {}));
  booking::MoveInput school_side;
  school_side.score = 4 + k % 2;
  school_side.comment = "Elevene snakket om besøket i flere dager.";
  school_side.pupils_reached = pupils;
  school_side.girls = pupils / 2 + (k % 3) - 1;
  school_side.boys = pupils - *school_side.girls;
  STEMNET_TRY_VOID(bookings_.move(teacher, made.id, "feedback", school_side));
  booking::MoveInput provider_side;
  provider_side.score = 5;
  provider_side.comment = "En nysgjerrig og godt forberedt klasse.";
  STEMNET_TRY_VOID(bookings_.move(provider, made.id, "feedback", provider_side));
  ++completed_;
  return ok();
}

// Teachers in every county; each school has had visits this autumn, completed
// with feedback from both sides (impact and the monitor show figures), and
// the first three have requests in every state a coordinator meets.
Result<void> Seeder::completed_bookings() {
  const char* towns[] = {"3116", "1820", "4601", "0301", "3201", "3301", "3403", "3907",
                         "4001", "4204", "1103", "1508", "5001", "1804", "5501", "5601"};
  const Date now = today();
  int t = 0;
  for (const char* town : towns) {
    ++t;
    auto school = school_in(town);
    if (!school) continue;
    const std::string email = "laerer" + std::to_string(t) + "@demo.stemnet.invalid";
    STEMNET_TRY(const std::string session, person(email, "Demo lærer " + std::to_string(t)));
    STEMNET_TRY(auto teacher, accounts_.authenticate(session));
    STEMNET_TRY_VOID(accounts_.grant(teacher.person.id, {"teacher", "school:" + *school}));
    STEMNET_TRY(teacher, accounts_.authenticate(session));
    teachers_.emplace_back(teacher, *school);
    // Two visits this autumn: offers of the school's county, or digital ones.
    const std::string county = std::string(town).substr(0, 2);
    int done = 0;
    for (std::size_t i = 0; i < offers_.size() && done < 2; ++i) {
      const auto& p = offers_[(i + static_cast<std::size_t>(t) * 7) % offers_.size()];
      const auto& o = p.offer;
      const bool near = o.municipality_number && o.municipality_number->substr(0, 2) == county;
      if (!(near || o.digital) || o.on_request || o.grade_max < 8) continue;
      STEMNET_TRY_VOID(completed_visit(teacher, *school, p, add_days(now, -90 + done * 30 + t),
                                       20 + (t * 3 + done) % 7, t + done));
      ++done;
    }
    // And the flagship: the digital Q&A every class joined, so that one
    // provider's impact reaches past the counts withheld under 5.
    STEMNET_TRY_VOID(
        completed_visit(teacher, *school, offers_[6], add_days(now, -30 + t), 22 + t % 5, t));
  }
  // The first three teachers: waiting, a time proposed, booked.
  for (int i = 0; i < 3 && i < static_cast<int>(teachers_.size()); ++i) {
    const auto& [teacher, school] = teachers_[static_cast<std::size_t>(i)];
    const auto& [o, provider] =
        offers_[static_cast<std::size_t>(i) * 2];  // first_providers()' first offers
    auto slots = catalogue_.slots(&provider, o.id);
    if (!slots || slots->empty()) continue;
    booking::NewRequest req{
        o.id,          school, o.grade_max, 24, "en av ukene i mars", "Hei! Vi vil gjerne komme.",
        (*slots)[0].id};
    STEMNET_TRY(auto made, bookings_.create(teacher, req));
    ++requests_;
    if (i == 1) {
      booking::MoveInput in;
      in.time = (*slots)[0].starts_at.substr(0, 10) + "T12:00";
      STEMNET_TRY_VOID(bookings_.move(provider, made.id, "propose", in));
    } else if (i == 2) {
      booking::MoveInput in;
      in.slot_id = (*slots)[0].id;
      STEMNET_TRY_VOID(bookings_.move(provider, made.id, "accept", in));
    }
  }
  return ok();
}

// Open requests from schools in several counties, and a matching round in
// Østfold for the week kept free: two classes wish that week; the first to
// ask fits the power plant visit best but could take the digital hour too,
// the second can only go to the power plant. First come, first served gives
// the visit to the first and leaves the second without; the round's
// proposal serves both.
Result<void> Seeder::open_requests_and_round() {
  const Date now = today();
  for (std::size_t i = 3; i < teachers_.size() && i < 9; ++i) {
    const auto& [teacher, school] = teachers_[i];
    booking::NewOpenRequest in;
    in.school = school;
    in.grade = 8 + static_cast<int>(i % 3);
    in.pupils = 22 + static_cast<int>(i % 5);
    in.subjects = {i % 2 ? "physics" : "biology"};
    in.digital_ok = i % 2 == 0;
    const std::string from = iso_week(iso(add_days(now, 49 + static_cast<int>(i) * 7)));
    const std::string to = iso_week(iso(add_days(now, 56 + static_cast<int>(i) * 7)));
    in.weeks = {from, to};
    in.note = "Fiktiv åpen forespørsel: vi ønsker et besøk eller en digital økt om " +
              in.subjects[0] + ".";
    auto made = open_.create(teacher, in);
    if (!made) return demo_error("open request", made.error());
    ++open_requests_;
  }
  // The round's two slots, one place each: the power plant visit (Skiptvet)
  // and the engineers' digital hour.
  const auto& visit = offers_[0];    // Fossekraft: workplace visit, natural science, 8–10
  const auto& digital = offers_[6];  // Trøndelag Ingeniørhus: digital Q&A, 8–13
  for (const auto* o : {&visit, &digital}) {
    catalogue::Slot s;
    s.starts_at = round_days_[1] + "T09:00";
    s.ends_at = round_days_[1] + "T10:30";
    s.capacity = 1;
    auto r = catalogue_.add_slot(o->provider, o->offer.id, s);
    if (!r) return demo_error("round slot", r.error());
  }
  const std::string week = iso_week(round_days_[0]);
  struct Wish {
    const char* town;
    const char* email;
    bool digital_ok;
    std::vector<std::string> formats;
  };
  const Wish wishes[] = {{"3107", "laerer.fredrikstad", true, {}},
                         {"3105", "laerer.sarpsborg", false, {}}};
  for (const auto& w : wishes) {
    STEMNET_TRY(const std::string school, school_in(w.town));
    STEMNET_TRY(const std::string session,
                person(std::string(w.email) + "@demo.stemnet.invalid", "Demo lærer"));
    STEMNET_TRY(auto teacher, accounts_.authenticate(session));
    STEMNET_TRY_VOID(accounts_.grant(teacher.person.id, {"teacher", "school:" + school}));
    STEMNET_TRY(teacher, accounts_.authenticate(session));
    booking::NewOpenRequest in;
    in.school = school;
    in.grade = 9;
    in.pupils = 24;
    in.subjects = {"natural_science"};
    in.formats = w.formats;
    in.digital_ok = w.digital_ok;
    in.weeks = {week};
    in.note = "Fiktiv: vi ønsker et besøk i uke " + week.substr(6) + ".";
    auto made = open_.create(teacher, in);
    if (!made) return demo_error("round wish", made.error());
    ++open_requests_;
    // First come: the second wish is a second later, whatever the clock's resolution.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  }
  auto round = rounds_.create(*coordinator_, {"31", round_days_.front(), round_days_.back()});
  if (!round) return demo_error("round", round.error());
  auto solved = rounds_.solve(*coordinator_, round->id);
  if (!solved) return demo_error("round", solved.error());
  round_summary_ = solved->summary_json;
  return ok();
}

std::string Seeder::summary() const {
  return "demo seed: " + std::to_string(providers_) + " providers, " +
         std::to_string(offers_.size()) + " offers (" + std::to_string(kits_) +
         " ready-made kits), " + std::to_string(slots_) + " slots on school days, " +
         std::to_string(teachers_.size()) + " teachers, " + std::to_string(completed_) +
         " completed bookings with feedback, " + std::to_string(requests_) + " open bookings, " +
         std::to_string(open_requests_) + " open requests\n" + "demo seed: the matching round " +
         "in Østfold, week of " + (round_days_.empty() ? "?" : round_days_.front()) + ": " +
         round_summary_ + "\n" +
         (indicators_.empty() ? "" : "demo seed: " + indicators_.front() + "\n");
}

}  // namespace

int demo_seed(const Config& config) {
  // One connection, and one transaction on it: every service's own
  // transaction becomes a savepoint inside it, and a failure half-way
  // leaves nothing behind.
  auto pool = open_database(config.db_url, 1);
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
    if (auto b = (*conn)->begin(); !b) return fail(b.error());
  }  // the connection goes back to the pool inside the transaction
  notify::Outbox outbox(public_url_of(config));
  Seeder seeder(**pool, outbox);
  auto seeded = seeder.run();
  auto conn = (*pool)->acquire();
  if (!conn) return fail(conn.error());
  if (!seeded) {
    (void)(*conn)->rollback();
    std::cerr << "stemnet: demo seed: nothing was written\n";
    return fail(seeded.error());
  }
  if (auto c = (*conn)->commit(); !c) {
    (void)(*conn)->rollback();
    return fail(c.error());
  }
  std::cout << seeder.summary();
  std::cout << "demo seed: sign in as admin@demo.stemnet.invalid (or koordinator@…, kraft@…, "
               "havbruk@…, kode@…, laerer1@…) with the password "
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
