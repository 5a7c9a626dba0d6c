#include "notify/routes.hpp"

#include "notify/templates.hpp"

#include <array>
#include <map>

namespace stemnet::notify {
namespace {

using http::PathParams;
using http::Request;
using http::Response;

std::string escape_html(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A page of its own (no front-end needed): the mail may be opened anywhere.
Response page(int status, std::string_view language, const std::string& title,
              const std::string& content) {
  const std::string lang = language == "en" ? "en" : language == "nn" ? "nn" : "nb";
  Response res = Response::text(
      status,
      "<!doctype html><html lang=\"" + lang +
          "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
          "content=\"width=device-width, initial-scale=1\"><title>" +
          escape_html(title) +
          " – stemnet</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;"
          "margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1e2b3c}button{font:inherit;"
          "padding:.6rem 1.2rem;border-radius:.3rem;border:2px solid #0062ba;background:#0062ba;"
          "color:#fff;cursor:pointer}button:focus-visible,a:focus-visible{outline:3px solid "
          "#1e2b3c;outline-offset:2px}a{color:#0062ba}</style></head><body><main><h1>" +
          escape_html(title) + "</h1>" + content + "</main></body></html>",
      "text/html; charset=utf-8");
  res.set_header("Cache-Control", "no-store");
  res.set_header("Referrer-Policy", "no-referrer");  // the token is in the URL
  // Its own policy, stricter than the front-end's but for its one inline
  // <style>: no script at all, and the form posts only back here.
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'; "
                 "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  return res;
}

Response unknown_link() {
  return page(404, "nb", "Ukjent lenke",
              "<p>Denne avmeldingslenken finnes ikke (lenger). Du kan velge hvilke varsler du får "
              "på <a href=\"/min-side/varsler\">Min side</a>.</p>");
}

}  // namespace

std::string kind_title(std::string_view kind, std::string_view language) {
  static const std::map<std::string_view, std::array<const char*, 3>> titles = {
      {"request_new",
       {"nye forespørsler om tilbudene dine", "nye førespurnader om tilboda dine",
        "new requests for your offers"}},
      {"request_update",
       {"endringer i forespørslene dine", "endringar i førespurnadene dine",
        "changes to your requests"}},
      {"request_message",
       {"nye meldinger i forespørslene dine", "nye meldingar i førespurnadene dine",
        "new messages in your requests"}},
      {"open_request_new",
       {"nye åpne forespørsler i regionen din", "nye opne førespurnader i regionen din",
        "new open requests in your region"}},
      {"open_request_answer",
       {"svar på de åpne forespørslene dine", "svar på dei opne førespurnadene dine",
        "answers to your open requests"}},
      {"organisation_decision",
       {"godkjenning av organisasjonen din", "godkjenning av organisasjonen din",
        "approval of your organisation"}},
      {"membership", {"roller og medlemskap", "roller og medlemskap", "roles and memberships"}},
      {"password_reset", {"nytt passord", "nytt passord", "password reset"}},
  };
  auto it = titles.find(kind);
  if (it == titles.end()) return std::string(kind);
  return it->second[language_index(language)];
}

void add_routes(http::Router& router, Service& service) {
  router.get("/api/v1/unsubscribe/{token}",
             [&service](const Request&, const PathParams& p) -> Result<Response> {
               auto found = service.look_up(std::string(p.get("token")));
               if (!found && found.error().kind == ErrorKind::not_found) return unknown_link();
               if (!found) return std::move(found).error();
               const std::size_t i = language_index(found->language);
               const std::string what = kind_title(found->kind, found->language);
               static constexpr std::array<const char*, 3> kTitle = {"Meld deg av", "Meld deg av",
                                                                     "Unsubscribe"};
               static constexpr std::array<const char*, 3> kAsk = {
                   "Vil du slutte å få e-post om ", "Vil du slutte å få e-post om ",
                   "Do you want to stop getting e-mails about "};
               static constexpr std::array<const char*, 3> kButton = {
                   "Ja, meld meg av", "Ja, meld meg av", "Yes, unsubscribe me"};
               return page(200, found->language, kTitle[i],
                           "<p>" + std::string(kAsk[i]) + escape_html(what) +
                               "?</p><form method=\"post\"><button type=\"submit\">" + kButton[i] +
                               "</button></form>");
             });
  router.post(
      "/api/v1/unsubscribe/{token}",
      [&service](const Request&, const PathParams& p) -> Result<Response> {
        auto done = service.unsubscribe(std::string(p.get("token")));
        if (!done && done.error().kind == ErrorKind::not_found) return unknown_link();
        if (!done) return std::move(done).error();
        const std::size_t i = language_index(done->language);
        static constexpr std::array<const char*, 3> kTitle = {"Du er meldt av", "Du er meld av",
                                                              "You are unsubscribed"};
        static constexpr std::array<const char*, 3> kDone = {
            "Du får ikke lenger e-post om ", "Du får ikkje lenger e-post om ",
            "You will no longer get e-mails about "};
        static constexpr std::array<const char*, 3> kMore = {
            "Du kan slå det på igjen og velge andre varsler på ",
            "Du kan slå det på att og velje andre varsel på ",
            "You can turn it on again and choose other notifications on "};
        static constexpr std::array<const char*, 3> kLink = {"Min side", "Mi side", "My page"};
        return page(200, done->language, kTitle[i],
                    "<p>" + std::string(kDone[i]) +
                        escape_html(kind_title(done->kind, done->language)) + ".</p><p>" +
                        kMore[i] + "<a href=\"/min-side/varsler\">" + kLink[i] + "</a>.</p>");
      });
}

}  // namespace stemnet::notify
