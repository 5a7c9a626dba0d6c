// media/service.hpp — files of an owner: checked by content, pictures made
// fit (media/image.hpp), stored in the database, listed, served, copied.
//
// Rules: a material is a PDF or a picture, a picture or a logo only a picture
// (JPEG, PNG, WebP), whatever the file's name says; at most kMaxBytes a file;
// at most max_files(role) per owner and role (a new logo replaces the old).
// The module does not know who may change an owner's files: the owner's
// module decides, then calls here inside its own transaction.
//
// Example:
//   STEMNET_TRY(auto ready, media.prepare("material", "arbeidsark.pdf", bytes));  // slow part
//   db::transaction(c, [&](auto& c) { return media.add(c, "offer:" + id, std::move(ready)); });
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"
#include "media/model.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace stemnet::media {

inline constexpr long long kMaxBytes = 10LL << 20;  // an upload, before resizing
inline constexpr int kMaxNameCharacters = 200;

// How many files of a role one owner may have.
int max_files(std::string_view role);

// A file checked and ready to store.
struct Prepared {
  File file;  // without id, owner, position, created_at
  std::string bytes;
};

class Service {
 public:
  // Checks role, name, size and content type, and fits a picture. Runs no SQL.
  Result<Prepared> prepare(std::string_view role, std::string_view name,
                           std::string_view bytes) const;

  // Stores it last among the owner's files of its role (a logo replaces the
  // owner's logo); media.too_many when the role is full.
  Result<File> add(db::Connection& c, const std::string& owner, Prepared p) const;
  // The owner's files, by role then position.
  Result<std::vector<File>> list(db::Connection& c, const std::string& owner) const;
  // The files of many owners at once (a page of offers), by owner.
  Result<std::map<std::string, std::vector<File>>> list_many(
      db::Connection& c, const std::vector<std::string>& owners) const;
  // One file with its bytes, if it belongs to `owner`; media.file_not_found otherwise.
  Result<Content> get(db::Connection& c, const std::string& owner, const std::string& id) const;
  // Removes one of the owner's files; media.file_not_found when it has none by that id.
  Result<void> remove(db::Connection& c, const std::string& owner, const std::string& id) const;
  // Gives `to` a copy of every file of `from` (an offer copied).
  Result<void> copy_all(db::Connection& c, const std::string& from, const std::string& to) const;
};

// The types a role takes, as told to people: "application/pdf, image/jpeg, ...".
std::string allowed_types(std::string_view role);

}  // namespace stemnet::media
