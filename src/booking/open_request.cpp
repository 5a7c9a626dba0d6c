#include "booking/open_request.hpp"

#include "accounts/audit.hpp"
#include "booking/errors.hpp"
#include "booking/weeks.hpp"
#include "catalogue/model.hpp"
#include "core/clock.hpp"
#include "core/encoding.hpp"
#include "core/strings.hpp"
#include "db/sql.hpp"
#include "geo/area_code.hpp"
#include "notify/templates.hpp"

#include <algorithm>
#include <ctime>
#include <set>

namespace stemnet::booking {
namespace {

constexpr const char* kColumns =
    "SELECT o.id, o.school_orgnr, s.name, s.municipality_number, m.name, s.county_number, c.name,"
    " o.teacher_id, o.grade, o.pupils, o.subjects, o.formats, o.digital_ok, o.weeks, o.note,"
    " o.state, o.request_id, o.created_at, o.updated_at"
    " FROM open_request o JOIN school s ON s.orgnr = o.school_orgnr"
    " JOIN municipality m ON m.number = s.municipality_number"
    " LEFT JOIN county c ON c.number = s.county_number";

OpenRequest from_row(const db::Row& r) {
  OpenRequest o;
  o.id = r.text(0);
  o.school_orgnr = r.text(1);
  o.school_name = r.text(2);
  o.municipality_number = r.text(3);
  o.municipality_name = r.text(4);
  o.county_number = r.opt_text(5);
  o.county_name = r.opt_text(6);
  o.teacher_id = r.text(7);
  o.grade = static_cast<int>(r.integer(8));
  o.pupils = static_cast<int>(r.integer(9));
  o.subjects = split_list(r.text(10));
  o.formats = split_list(r.text(11));
  o.digital_ok = r.integer(12) != 0;
  o.weeks = split_list(r.text(13));
  o.note = r.text(14);
  o.state = r.text(15);
  o.request_id = r.opt_text(16);
  o.created_at = r.text(17);
  o.updated_at = r.text(18);
  return o;
}

// The caller's approved provider organisations.
Result<std::vector<std::string>> approved_providers(db::Connection& c, const accounts::Actor& a) {
  std::vector<std::string> out;
  for (const auto& role : a.roles) {
    if (role.role != "provider_member") continue;
    STEMNET_TRY(auto rows, c.query("SELECT 1 FROM organisation WHERE id = $1 AND"
                                   " status = 'approved'",
                                   {role.scope}));
    if (!rows.empty()) out.push_back(role.scope);
  }
  return out;
}

}  // namespace

OpenRequests::OpenRequests(db::Pool& pool, Service& bookings, const notify::Outbox& outbox)
    : pool_(pool), bookings_(bookings), outbox_(outbox) {}

bool OpenRequests::valid_week(std::string_view w) {
  if (w.size() != 8 || w[4] != '-' || w[5] != 'W') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 6u, 7u}) {
    if (w[i] < '0' || w[i] > '9') return false;
  }
  const int week = (w[6] - '0') * 10 + (w[7] - '0');
  return week >= 1 && week <= 53;
}

Result<OpenRequest> OpenRequests::load(db::Connection& c, const std::string& id) {
  STEMNET_TRY(auto rows, c.query(std::string(kColumns) + " WHERE o.id = $1", {id}));
  if (rows.empty()) return errors::open_request_not_found(id);
  return with_answers(c, from_row(rows[0]));
}

Result<OpenRequest> OpenRequests::with_answers(db::Connection& c, OpenRequest r) {
  STEMNET_TRY(auto answers,
              c.query("SELECT a.id, a.body, a.author_id, p.name, a.created_at, a.offer_id, f.title,"
                      " a.slot_id, a.organisation_id, g.name, sl.starts_at, sl.ends_at, fp.id,"
                      " fp.name FROM open_request_answer a"
                      " JOIN person p ON p.id = a.author_id"
                      " LEFT JOIN offer f ON f.id = a.offer_id"
                      " LEFT JOIN organisation fp ON fp.id = f.organisation_id"
                      " LEFT JOIN offer_slot sl ON sl.id = a.slot_id"
                      " LEFT JOIN organisation g ON g.id = a.organisation_id"
                      " WHERE a.open_request_id = $1 ORDER BY a.created_at, a.id",
                      {r.id}));
  for (const auto& a : answers) {
    r.answers.push_back({a.text(0), a.text(1), a.text(2), a.text(3), a.text(4), a.opt_text(5),
                         a.opt_text(6), a.opt_text(7), a.opt_text(8), a.opt_text(9), a.opt_text(10),
                         a.opt_text(11), a.opt_text(12), a.opt_text(13)});
  }
  return r;
}

Result<OpenRequests::View> OpenRequests::view_of(db::Connection& c, const accounts::Actor& a,
                                                 const OpenRequest& r,
                                                 const std::vector<std::string>* providers) {
  if (a.acts_for_school(r.school_orgnr)) return View::school;
  if (a.is_admin()) return View::admin;
  if (r.county_number && a.has("coordinator", *r.county_number)) return View::coordinator;
  if (providers) return providers->empty() ? View::none : View::provider;
  STEMNET_TRY(auto approved, approved_providers(c, a));
  return approved.empty() ? View::none : View::provider;
}

// The request as the caller may see it, with what they may do now.
Result<OpenRequest> OpenRequests::shown(db::Connection& c, const accounts::Actor& a, OpenRequest r,
                                        const std::vector<std::string>* providers) {
  STEMNET_TRY(View view, view_of(c, a, r, providers));
  if (view == View::none) return errors::open_request_not_found(r.id);
  if (view == View::provider) {
    // A provider sees its own organisations' answers, not its competitors'.
    std::erase_if(r.answers, [&](const OpenAnswer& x) {
      return !x.organisation_id || !a.has("provider_member", *x.organisation_id);
    });
  }
  if (r.state == "open") {
    if (view == View::school) {
      if (std::any_of(r.answers.begin(), r.answers.end(),
                      [](const OpenAnswer& x) { return x.offer_id.has_value(); })) {
        r.allowed.emplace_back("take");
      }
      r.allowed.emplace_back("withdraw");
    } else {
      r.allowed.emplace_back("answer");
    }
  }
  return r;
}

Result<OpenRequest> OpenRequests::create(const accounts::Actor& actor, const NewOpenRequest& in) {
  if (!geo::is_organisation_number(in.school)) return errors::school_invalid(in.school);
  if (!actor.acts_for_school(in.school)) return errors::not_your_school(in.school);
  if (in.grade < 1 || in.grade > 13) return errors::grade_out_of_range();
  if (in.pupils < 1 || in.pupils > 1000) return errors::pupils_out_of_range();
  if (in.subjects.empty()) return errors::subjects_required();
  for (std::size_t i = 0; i < in.subjects.size(); ++i) {
    if (!one_of(in.subjects[i], catalogue::kSubjects))
      return errors::unknown_subject("/subjects/" + std::to_string(i), in.subjects[i]);
  }
  for (std::size_t i = 0; i < in.formats.size(); ++i) {
    if (!one_of(in.formats[i], catalogue::kFormats))
      return errors::unknown_format("/formats/" + std::to_string(i), in.formats[i]);
  }
  if (in.weeks.empty() || in.weeks.size() > 20) return errors::weeks_count();
  const std::string this_week = iso_week(format_local(std::time(nullptr), "%Y-%m-%d"));
  for (std::size_t i = 0; i < in.weeks.size(); ++i) {
    const std::string& w = in.weeks[i];
    const std::string at = "/weeks/" + std::to_string(i);
    if (!valid_week(w)) return errors::week_invalid(at, w);
    // Week 53 only in years that have one (28 December is always in the last week).
    if (w.substr(5) == "W53" && iso_week(w.substr(0, 4) + "-12-28") != w)
      return errors::no_week_53(at, w.substr(0, 4));
    if (w < this_week) return errors::week_passed(at, w);
  }
  if (in.note.empty() || characters(in.note) > 2000) return errors::note_length();
  const std::string id = random_token().substr(0, 16);
  STEMNET_TRY(auto conn, pool_.acquire());
  auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    // Milliseconds: who came first decides the order of a first-come round.
    const std::string now = utc_now_iso_ms();
    std::vector<std::string> weeks = in.weeks;
    std::sort(weeks.begin(), weeks.end());
    weeks.erase(std::unique(weeks.begin(), weeks.end()), weeks.end());
    STEMNET_TRY(auto school, c.query("SELECT 1 FROM school WHERE orgnr = $1", {in.school}));
    if (school.empty()) return errors::school_not_found(in.school);
    STEMNET_TRY_VOID(c.execute(
        "INSERT INTO open_request (id, school_orgnr, teacher_id, grade, pupils, subjects, formats,"
        " digital_ok, weeks, note, state, created_at, updated_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11, $11)",
        {id, in.school, actor.person.id, in.grade, in.pupils, join_list(in.subjects),
         join_list(in.formats), in.digital_ok, join_list(weeks), in.note, now}));
    STEMNET_TRY_VOID(accounts::audit(c, actor, "open_request.create", id, "school " + in.school));
    STEMNET_TRY(OpenRequest made, load(c, id));
    // The region's coordinators broker it; providers look for it themselves.
    if (!made.county_number) return ok();
    return outbox_.send_to_role(c, "coordinator", *made.county_number, "open_request_new",
                                {{"school", made.school_name},
                                 {"municipality", made.municipality_name},
                                 {"grade", std::to_string(made.grade)},
                                 {"excerpt", notify::excerpt(made.note)},
                                 {"link", "/apne-foresporsler/" + id}},
                                actor.person.id);
  });
  if (!done) return std::move(done).error();
  STEMNET_TRY(OpenRequest r, load(*conn, id));
  return shown(*conn, actor, std::move(r));
}

Result<OpenRequest> OpenRequests::get(const accounts::Actor& actor, const std::string& id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(OpenRequest r, load(*conn, id));
  return shown(*conn, actor, std::move(r));
}

Result<Page<OpenRequest>> OpenRequests::list(const accounts::Actor& actor, const OpenFilter& filter,
                                             const PageRequest& page) {
  if (filter.state && *filter.state != "open" && *filter.state != "taken" &&
      *filter.state != "withdrawn") {
    return errors::state_filter_invalid(*filter.state);
  }
  if (filter.county && !geo::is_county_number(*filter.county))
    return errors::county_invalid(*filter.county);
  if (filter.municipality && !geo::is_municipality_number(*filter.municipality))
    return errors::municipality_invalid(*filter.municipality);
  if (filter.subject && !one_of(*filter.subject, catalogue::kSubjects))
    return errors::unknown_subject_query(*filter.subject);
  if (filter.grade && (*filter.grade < 1 || *filter.grade > 13))
    return errors::grade_query_out_of_range();
  STEMNET_TRY(auto conn, pool_.acquire());
  STEMNET_TRY(auto providers, approved_providers(*conn, actor));
  db::Where w;
  if (!actor.is_admin() && providers.empty()) {
    // Their schools' and their counties' only.
    w.add(
        "(o.school_orgnr IN (SELECT substr(scope, 8) FROM person_role WHERE person_id = ?"
        " AND role IN ('teacher', 'school_contact')) OR s.county_number IN"
        " (SELECT scope FROM person_role WHERE person_id = ? AND role = 'coordinator'))",
        {actor.person.id, actor.person.id});
  }
  if (filter.state) w.add("o.state = ?", {*filter.state});
  if (filter.county) w.add("s.county_number = ?", {*filter.county});
  if (filter.municipality) w.add("s.municipality_number = ?", {*filter.municipality});
  if (filter.subject) {
    w.add("(',' || o.subjects || ',') LIKE ?", {"%," + *filter.subject + ",%"});
  }
  if (filter.grade) w.add("o.grade = ?", {*filter.grade});
  STEMNET_TRY(auto total,
              conn->query("SELECT COUNT(*) FROM open_request o JOIN school s ON s.orgnr ="
                          " o.school_orgnr" +
                              w.sql(),
                          w.params()));
  if (page.after.size() == kKeyParts) {
    w.add("(o.created_at, o.id) < (?, ?)", {page.after[0], page.after[1]});
  }
  STEMNET_TRY(auto rows,
              conn->query(std::string(kColumns) + w.sql() +
                              " ORDER BY o.created_at DESC, o.id DESC LIMIT " + w.next_param(),
                          w.params_with({page.limit + 1})));
  Page<OpenRequest> out;
  out.total = total[0].integer(0);
  for (const auto& row : rows) {
    if (static_cast<int>(out.items.size()) == page.limit) {
      const auto& last = out.items.back();
      out.next_cursor = make_cursor({last.created_at, last.id});
      break;
    }
    // The row is here already; only its answers are read, and the
    // caller's providers were looked up once, above.
    STEMNET_TRY(OpenRequest full, with_answers(*conn, from_row(row)));
    STEMNET_TRY(OpenRequest r, shown(*conn, actor, std::move(full), &providers));
    out.items.push_back(std::move(r));
  }
  return out;
}

Result<OpenRequest> OpenRequests::answer(const accounts::Actor& actor, const std::string& id,
                                         const AnswerInput& in) {
  if (in.body.empty() || characters(in.body) > 4000) return errors::text_length("/body", 1, 4000);
  if (in.slot_id && !in.offer_id) return errors::slot_needs_offer();
  STEMNET_TRY(auto conn, pool_.acquire());
  auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY(OpenRequest r, load(c, id));
    STEMNET_TRY(View view, view_of(c, actor, r));
    if (view == View::none) return errors::open_request_not_found(id);
    if (view == View::school) return errors::school_cannot_answer();
    if (r.state != "open") return errors::open_request_closed(r.state, "answer");
    // Who answers: one of the caller's approved providers, or (no
    // provider named) a coordinator or admin on the region's behalf.
    std::optional<std::string> organisation;
    STEMNET_TRY(auto providers, approved_providers(c, actor));
    if (in.organisation_id) {
      if (std::find(providers.begin(), providers.end(), *in.organisation_id) == providers.end())
        return errors::not_your_provider(*in.organisation_id);
      organisation = in.organisation_id;
    } else if (view == View::provider) {
      if (providers.size() > 1) return errors::provider_ambiguous();
      organisation = providers.at(0);
    }
    if (in.offer_id) {
      STEMNET_TRY(auto offer, c.query("SELECT o.organisation_id, o.grade_min, o.grade_max"
                                      " FROM offer o JOIN organisation g ON g.id ="
                                      " o.organisation_id WHERE o.id = $1 AND o.status ="
                                      " 'published' AND g.status = 'approved'",
                                      {*in.offer_id}));
      if (offer.empty()) return errors::offer_unknown(*in.offer_id);
      if (organisation && offer[0].text(0) != *organisation) return errors::offer_not_yours();
      if (r.grade < offer[0].integer(1) || r.grade > offer[0].integer(2)) {
        return errors::grade_outside_offer("/offer_id", r.grade, offer[0].integer(1),
                                           offer[0].integer(2));
      }
      if (in.slot_id) {
        STEMNET_TRY(auto slot, c.query("SELECT 1 FROM offer_slot WHERE id = $1 AND offer_id = $2",
                                       {*in.slot_id, *in.offer_id}));
        if (slot.empty()) return errors::slot_not_in_offer(*in.slot_id);
      }
    }
    const std::string answer_id = random_token().substr(0, 16);
    STEMNET_TRY_VOID(c.execute(
        "INSERT INTO open_request_answer (id, open_request_id, author_id, organisation_id,"
        " offer_id, slot_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        {answer_id, id, actor.person.id, organisation, in.offer_id, in.slot_id, in.body,
         utc_now_iso_ms()}));
    STEMNET_TRY_VOID(
        c.execute("UPDATE open_request SET updated_at = $2 WHERE id = $1", {id, utc_now_iso_ms()}));
    STEMNET_TRY_VOID(accounts::audit(c, actor, "open_request.answer", id, "answer " + answer_id));
    std::string who = "stemnet";
    if (organisation) {
      STEMNET_TRY(auto org,
                  c.query("SELECT name FROM organisation WHERE id = $1", {*organisation}));
      if (!org.empty()) who = org[0].text(0);
    }
    return outbox_.send(c, r.teacher_id, "open_request_answer",
                        {{"author", actor.person.name},
                         {"organisation", who},
                         {"excerpt", notify::excerpt(in.body)},
                         {"link", "/apne-foresporsler/" + id}});
  });
  if (!done) return std::move(done).error();
  STEMNET_TRY(OpenRequest r, load(*conn, id));
  return shown(*conn, actor, std::move(r));
}

Result<BookingRequest> OpenRequests::take(const accounts::Actor& actor, const std::string& id,
                                          const std::string& answer_id) {
  std::string request_id;
  {
    // The lease ends before the bookings service takes its own.
    STEMNET_TRY(auto conn, pool_.acquire());
    auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
      STEMNET_TRY(OpenRequest r, load(c, id));
      STEMNET_TRY(View view, view_of(c, actor, r));
      if (view == View::none) return errors::open_request_not_found(id);
      if (view != View::school) return errors::school_only("take");
      if (r.state != "open") return errors::open_request_closed(r.state, "take");
      auto a = std::find_if(r.answers.begin(), r.answers.end(),
                            [&](const OpenAnswer& x) { return x.id == answer_id; });
      if (a == r.answers.end()) return errors::answer_not_found();
      if (!a->offer_id) return errors::answer_without_offer();
      const Conversion conversion{id, *a->offer_id, a->slot_id};
      STEMNET_TRY(Converted made, convert(c, actor, bookings_, conversion));
      request_id = made.request_id;
      return accounts::audit(c, actor, "open_request.take", id,
                             "answer " + answer_id + " -> request " + request_id);
    });
    if (!done) return std::move(done).error();
  }
  return bookings_.get(actor, request_id);
}

Result<OpenRequests::Converted> OpenRequests::convert(db::Connection& c,
                                                      const accounts::Actor& actor,
                                                      Service& bookings,
                                                      const Conversion& conversion) {
  STEMNET_TRY(OpenRequest r, load(c, conversion.open_request_id));
  if (r.state != "open") return errors::open_request_closed(r.state, "take");
  NewRequest in;
  in.offer_id = conversion.offer_id;
  in.school = r.school_orgnr;
  in.grade = r.grade;
  in.pupils = r.pupils;
  in.wished = wished_weeks(r.weeks);
  in.message = r.note;
  in.slot_id = conversion.slot_id;
  if (conversion.brokered) in.brokered_for = r.teacher_id;
  const std::string request_id = random_token().substr(0, 16);
  STEMNET_TRY_VOID(bookings.insert(c, actor, in, request_id));
  STEMNET_TRY(std::int64_t changed,
              c.execute("UPDATE open_request SET state = 'taken', request_id = $2,"
                        " updated_at = $3 WHERE id = $1 AND state = 'open'",
                        {r.id, request_id, utc_now_iso_ms()}));
  if (changed == 0) return errors::open_request_closed(r.state, "take");
  return Converted{request_id, r.teacher_id};
}

Result<OpenRequest> OpenRequests::withdraw(const accounts::Actor& actor, const std::string& id) {
  STEMNET_TRY(auto conn, pool_.acquire());
  auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY(OpenRequest r, load(c, id));
    STEMNET_TRY(View view, view_of(c, actor, r));
    if (view == View::none) return errors::open_request_not_found(id);
    if (view != View::school) return errors::school_only("withdraw");
    if (r.state != "open") return errors::open_request_closed(r.state, "withdraw");
    STEMNET_TRY_VOID(
        c.execute("UPDATE open_request SET state = 'withdrawn', updated_at = $2"
                  " WHERE id = $1",
                  {id, utc_now_iso_ms()}));
    return accounts::audit(c, actor, "open_request.withdraw", id, "");
  });
  if (!done) return std::move(done).error();
  STEMNET_TRY(OpenRequest r, load(*conn, id));
  return shown(*conn, actor, std::move(r));
}

}  // namespace stemnet::booking
