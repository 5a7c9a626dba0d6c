#include "notify/templates.hpp"

#include <array>
#include <map>

namespace stemnet::notify {
namespace {

struct Text {
  const char* subject;
  const char* body;
};
struct Texts {
  Text nb, nn, en;
};

const std::map<std::string_view, Texts>& templates() {
  static const std::map<std::string_view, Texts> t = {
      {"request_new",
       {{"Ny forespørsel: {offer}",
         "{school} spør om «{offer}» for trinn {grade} ({pupils} elever).\n\n"
         "Svar på forespørselen: {link}"},
        {"Ny førespurnad: {offer}",
         "{school} spør om «{offer}» for trinn {grade} ({pupils} elevar).\n\n"
         "Svar på førespurnaden: {link}"},
        {"New request: {offer}",
         "{school} asks for \"{offer}\" for grade {grade} ({pupils} pupils).\n\n"
         "Answer the request: {link}"}}},
      {"request_update",
       {{"{offer}: {what}",
         "Forespørselen fra {school} om «{offer}» er {what}.\n{reason}\n"
         "Se forespørselen: {link}"},
        {"{offer}: {what}",
         "Førespurnaden frå {school} om «{offer}» er {what}.\n{reason}\n"
         "Sjå førespurnaden: {link}"},
        {"{offer}: {what}",
         "The request from {school} for \"{offer}\" is {what}.\n{reason}\n"
         "See the request: {link}"}}},
      {"request_message",
       {{"Ny melding om {offer}",
         "{author} skriver om «{offer}» ({school}):\n\n{excerpt}\n\n"
         "Les og svar: {link}"},
        {"Ny melding om {offer}",
         "{author} skriv om «{offer}» ({school}):\n\n{excerpt}\n\n"
         "Les og svar: {link}"},
        {"New message about {offer}",
         "{author} writes about \"{offer}\" ({school}):\n\n"
         "{excerpt}\n\nRead and answer: {link}"}}},
      {"open_request_new",
       {{"Åpen forespørsel fra {school}",
         "{school} i {municipality} ønsker noen til trinn {grade}:\n\n{excerpt}\n\n"
         "Se og svar: {link}"},
        {"Open førespurnad frå {school}",
         "{school} i {municipality} ønskjer nokon til trinn {grade}:\n\n{excerpt}\n\n"
         "Sjå og svar: {link}"},
        {"Open request from {school}",
         "{school} in {municipality} would like someone for grade {grade}:\n\n{excerpt}\n\n"
         "See and answer: {link}"}}},
      {"open_request_answer",
       {{"Svar på den åpne forespørselen din",
         "{author} ({organisation}) har svart:\n\n"
         "{excerpt}\n\nSe svaret: {link}"},
        {"Svar på den opne førespurnaden din",
         "{author} ({organisation}) har svart:\n\n"
         "{excerpt}\n\nSjå svaret: {link}"},
        {"An answer to your open request",
         "{author} ({organisation}) has answered:\n\n"
         "{excerpt}\n\nSee the answer: {link}"}}},
      {"organisation_decision",
       {{"{organisation} er {what}", "{organisation} er {what} i stemnet.\n{reason}\n{link}"},
        {"{organisation} er {what}", "{organisation} er {what} i stemnet.\n{reason}\n{link}"},
        {"{organisation} is {what}", "{organisation} is {what} in stemnet.\n{reason}\n{link}"}}},
      {"membership",
       {{"{organisation}: {what}",
         "{person}: {what} ({role}, {organisation}).\n{reason}\n\n{link}"},
        {"{organisation}: {what}",
         "{person}: {what} ({role}, {organisation}).\n{reason}\n\n{link}"},
        {"{organisation}: {what}",
         "{person}: {what} ({role}, {organisation}).\n{reason}\n\n{link}"}}},
      {"password_reset",
       {{"Nytt passord i stemnet",
         "Noen (forhåpentligvis du) ba om å få velge nytt passord. Gjør det innen en time på "
         "{link}\nHar du ikke bedt om det, kan du se bort fra denne e-posten.\n\n"
         "Bruk denne koden innen en time for å velge nytt passord:\n\n{code}\n"},
        {"Nytt passord i stemnet",
         "Nokon (forhåpentlegvis du) bad om å få velje nytt passord. Gjer det innan ein time på "
         "{link}\nHar du ikkje bede om det, kan du sjå bort frå denne e-posten.\n\n"
         "Bruk denne koden innan ein time for å velje nytt passord:\n\n{code}\n"},
        {"Reset your stemnet password",
         "Someone (hopefully you) asked to choose a new password. Do it within an hour at "
         "{link}\nIf it was not you, you can ignore this e-mail.\n\n"
         "Use this code within an hour to choose a new password:\n\n{code}\n"}}},
  };
  return t;
}

// Words given as ids: {what} in each language.
const std::map<std::string_view, std::array<const char*, 3>>& words() {
  static const std::map<std::string_view, std::array<const char*, 3>> w = {
      {"accept", {"bekreftet", "stadfesta", "confirmed"}},
      {"propose",
       {"foreslått flyttet til et annet tidspunkt", "føreslått flytta til eit anna tidspunkt",
        "proposed for another time"}},
      {"decline", {"avslått", "avslått", "declined"}},
      {"cancel", {"avlyst", "avlyst", "cancelled"}},
      {"complete", {"gjennomført", "gjennomført", "completed"}},
      {"not_held", {"ikke gjennomført", "ikkje gjennomført", "marked as not held"}},
      {"approved", {"godkjent", "godkjend", "approved"}},
      {"rejected", {"ikke godkjent", "ikkje godkjend", "not approved"}},
      {"join_request", {"ber om å bli med", "ber om å bli med", "asks to join"}},
      {"granted", {"er lagt til", "er lagd til", "has been added"}},
      {"withdrawn", {"er tatt ut", "er teken ut", "has been removed"}},
      {"join_rejected", {"fikk ikke bli med", "fekk ikkje bli med", "was not let in"}},
      // roles, given as "role"
      {"teacher", {"lærer", "lærar", "teacher"}},
      {"school_contact",
       {"kontaktperson for skolen", "kontaktperson for skulen", "school contact"}},
      {"provider_member", {"medlem", "medlem", "member"}},
  };
  return w;
}

std::string fill(std::string_view text, const Params& params) {
  std::string out;
  out.reserve(text.size() + 64);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      const auto close = text.find('}', i);
      if (close != std::string_view::npos) {
        auto it = params.find(std::string(text.substr(i + 1, close - i - 1)));
        if (it != params.end()) {
          out += it->second;
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace

Rendered render(std::string_view kind, std::string_view language, const Params& params) {
  auto t = templates().find(kind);
  if (t == templates().end()) return {};
  const std::size_t i = language_index(language);
  const Text& text = i == 1 ? t->second.nn : i == 2 ? t->second.en : t->second.nb;
  Params all = params;
  for (const char* key : {"move", "decision", "event"}) {
    auto id = params.find(key);
    if (id == params.end()) continue;
    auto w = words().find(id->second);
    if (w != words().end()) all["what"] = w->second[i];
  }
  if (auto role = params.find("role"); role != params.end()) {
    if (auto w = words().find(role->second); w != words().end()) {
      all["role"] = w->second[i];
    }
  }
  if (!all.contains("reason")) all["reason"] = "";
  return {fill(text.subject, all), fill(text.body, all)};
}

std::size_t language_index(std::string_view language) {
  return language == "nn" ? 1 : language == "en" ? 2 : 0;
}

std::string excerpt(const std::string& text) {
  if (text.size() <= 300) return text;
  std::size_t end = 300;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  const auto space = text.rfind(' ', end);
  if (space != std::string::npos && space > 200) end = space;
  return text.substr(0, end) + " …";
}

std::string footer(std::string_view language, const std::string& unsubscribe_url,
                   const std::string& settings_url) {
  switch (language_index(language)) {
    case 1:
      return "\n\n-- \nDu får denne e-posten fordi du har ei rolle i stemnet.\n"
             "Slutt å få slike e-postar: " +
             unsubscribe_url + "\nVel kva varsel du får: " + settings_url + "\n";
    case 2:
      return "\n\n-- \nYou get this e-mail because you have a role in stemnet.\n"
             "Stop getting e-mails like this: " +
             unsubscribe_url + "\nChoose which notifications you get: " + settings_url + "\n";
    default:
      return "\n\n-- \nDu får denne e-posten fordi du har en rolle i stemnet.\n"
             "Slutt å få slike e-poster: " +
             unsubscribe_url + "\nVelg hvilke varsler du får: " + settings_url + "\n";
  }
}

}  // namespace stemnet::notify
