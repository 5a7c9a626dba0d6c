// notify/templates.hpp — what each notification says, in bokmål, nynorsk
// and English.
//
// A template names its values in braces; render() fills them in. A few
// values are words that need translating themselves, given as ids: "move"
// (accept, propose, decline, cancel, complete, not_held), "decision"
// (approved, rejected) and "event" (join_request, granted, withdrawn,
// join_rejected); render() adds their translation as {what}.
// Example:
//   auto m = render("request_new", "nn", {{"offer", "Solkraft"}, {"school", "Ås skole"},
//                                          {"link", "https://…"}});
//   m.subject  // "Ny førespurnad: Solkraft"
#pragma once

#include "notify/model.hpp"

#include <string>

namespace stemnet::notify {

struct Rendered {
  std::string subject, body;
};

// The kind's text in the language ("nb", "nn", "en"; anything else is
// bokmål). Unknown kinds render as an empty subject (a programming error the
// unit tests catch). Values missing from `params` are left as "{name}".
Rendered render(std::string_view kind, std::string_view language, const Params& params);

// 0 for bokmål (and anything unknown), 1 for nynorsk, 2 for English: the
// column of a text in the three-language tables.
std::size_t language_index(std::string_view language);

// The start of a text for a mail: at most 300 bytes, cut between characters
// (and words, where one ends late enough), with " …" when cut.
std::string excerpt(const std::string& text);

// The footer of a mail one may opt out of: why it came, the unsubscribe link
// and where to choose.
std::string footer(std::string_view language, const std::string& unsubscribe_url,
                   const std::string& settings_url);

}  // namespace stemnet::notify
