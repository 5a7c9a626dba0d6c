#include "media/service.hpp"

#include "core/clock.hpp"
#include "core/encoding.hpp"
#include "core/strings.hpp"
#include "media/errors.hpp"
#include "media/image.hpp"

#include <algorithm>

namespace stemnet::media {
namespace {

constexpr const char* kPictures[] = {"image/jpeg", "image/png", "image/webp"};

bool is_picture(std::string_view type) {
  return std::find(std::begin(kPictures), std::end(kPictures), type) != std::end(kPictures);
}

bool allowed(std::string_view role, std::string_view type) {
  return is_picture(type) || (role == "material" && type == "application/pdf");
}

bool known_role(std::string_view role) {
  return std::find(std::begin(kRoles), std::end(kRoles), role) != std::end(kRoles);
}

// 1 to 200 characters, no control character, no slash or backslash (a name
// is shown and offered as the download's name, never used as a path).
bool good_name(std::string_view name) {
  if (name.empty() || characters(name) > static_cast<std::size_t>(kMaxNameCharacters)) return false;
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f || c == '/' || c == '\\') return false;
  }
  return true;
}

#define STEMNET_MEDIA_COLUMNS \
  "SELECT id, owner, role, name, media_type, size, width, height, sha256, created_at"
constexpr const char* kFileColumns = STEMNET_MEDIA_COLUMNS " FROM media_file";
constexpr const char* kFileWithBody = STEMNET_MEDIA_COLUMNS ", body FROM media_file";
#undef STEMNET_MEDIA_COLUMNS

File from_row(const db::Row& r) {
  File f;
  f.id = r.text(0);
  f.owner = r.text(1);
  f.role = r.text(2);
  f.name = r.text(3);
  f.media_type = r.text(4);
  f.size = r.integer(5);
  if (auto w = r.opt_integer(6)) f.width = static_cast<int>(*w);
  if (auto h = r.opt_integer(7)) f.height = static_cast<int>(*h);
  f.sha256 = r.text(8);
  f.created_at = r.text(9);
  return f;
}

}  // namespace

int max_files(std::string_view role) {
  if (role == "logo") return 1;
  if (role == "picture") return 8;
  return 12;
}

std::string allowed_types(std::string_view role) {
  std::string out = role == "material" ? "application/pdf" : "";
  for (const char* t : kPictures) out += (out.empty() ? "" : ", ") + std::string(t);
  return out;
}

Result<Prepared> Service::prepare(std::string_view role, std::string_view name,
                                  std::string_view bytes) const {
  if (!known_role(role)) return errors::role_invalid(role);
  if (!good_name(name)) return errors::name_invalid(kMaxNameCharacters);
  if (bytes.empty()) return errors::empty();
  if (static_cast<long long>(bytes.size()) > kMaxBytes) return errors::too_large(kMaxBytes);
  STEMNET_TRY(std::string type, sniff(bytes));
  if (!allowed(role, type)) return errors::type_not_allowed(type, allowed_types(role));
  Prepared p;
  p.file.role = std::string(role);
  p.file.name = std::string(name);
  if (is_picture(type)) {
    STEMNET_TRY(Image image, fit_image(bytes, type));
    p.file.media_type = image.media_type;
    p.file.width = image.width;
    p.file.height = image.height;
    p.bytes = std::move(image.bytes);
  } else {
    p.file.media_type = type;
    p.bytes = std::string(bytes);
  }
  p.file.size = static_cast<std::int64_t>(p.bytes.size());
  p.file.sha256 = sha256_hex(p.bytes);
  return p;
}

Result<File> Service::add(db::Connection& c, const std::string& owner, Prepared p) const {
  File f = std::move(p.file);
  if (f.role == "logo") {
    STEMNET_TRY_VOID(
        c.execute("DELETE FROM media_file WHERE owner = $1 AND role = 'logo'", {owner}));
  }
  STEMNET_TRY(auto have, c.query("SELECT COUNT(*), COALESCE(MAX(position), 0) FROM media_file"
                                 " WHERE owner = $1 AND role = $2",
                                 {owner, f.role}));
  if (have[0].integer(0) >= max_files(f.role)) return errors::too_many(max_files(f.role));
  f.id = random_token().substr(0, 16);
  f.owner = owner;
  f.created_at = utc_now_iso();
  STEMNET_TRY_VOID(c.execute(
      "INSERT INTO media_file (id, owner, role, name, media_type, size, width, height, sha256,"
      " position, created_at, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
      {f.id, f.owner, f.role, f.name, f.media_type, f.size, f.width, f.height, f.sha256,
       have[0].integer(1) + 1, f.created_at, db::Bytes{std::move(p.bytes)}}));
  return f;
}

Result<std::vector<File>> Service::list(db::Connection& c, const std::string& owner) const {
  STEMNET_TRY(
      auto rows,
      c.query(std::string(kFileColumns) + " WHERE owner = $1 ORDER BY role, position", {owner}));
  std::vector<File> out;
  for (const auto& r : rows) out.push_back(from_row(r));
  return out;
}

Result<std::map<std::string, std::vector<File>>> Service::list_many(
    db::Connection& c, const std::vector<std::string>& owners) const {
  std::map<std::string, std::vector<File>> out;
  // In groups, so that no statement has more parameters than a database takes.
  constexpr std::size_t kGroup = 200;
  for (std::size_t start = 0; start < owners.size(); start += kGroup) {
    const std::size_t end = std::min(owners.size(), start + kGroup);
    std::string sql = std::string(kFileColumns) + " WHERE owner IN (";
    db::Params params;
    for (std::size_t i = start; i < end; ++i) {
      sql += (i == start ? "$" : ", $") + std::to_string(params.size() + 1);
      params.emplace_back(owners[i]);
    }
    sql += ") ORDER BY owner, role, position";
    STEMNET_TRY(auto rows, c.query(sql, params));
    for (const auto& r : rows) {
      File f = from_row(r);
      out[f.owner].push_back(std::move(f));
    }
  }
  return out;
}

Result<Content> Service::get(db::Connection& c, const std::string& owner,
                             const std::string& id) const {
  STEMNET_TRY(auto rows,
              c.query(std::string(kFileWithBody) + " WHERE id = $1 AND owner = $2", {id, owner}));
  if (rows.empty()) return errors::file_not_found(id);
  return Content{from_row(rows[0]), rows[0].bytes(10)};
}

Result<void> Service::remove(db::Connection& c, const std::string& owner,
                             const std::string& id) const {
  STEMNET_TRY(auto n,
              c.execute("DELETE FROM media_file WHERE id = $1 AND owner = $2", {id, owner}));
  if (n == 0) return errors::file_not_found(id);
  return ok();
}

Result<void> Service::copy_all(db::Connection& c, const std::string& from,
                               const std::string& to) const {
  STEMNET_TRY(
      auto rows,
      c.query("SELECT id FROM media_file WHERE owner = $1 ORDER BY role, position", {from}));
  for (const auto& r : rows) {
    STEMNET_TRY_VOID(c.execute(
        "INSERT INTO media_file (id, owner, role, name, media_type, size, width, height, sha256,"
        " position, created_at, body)"
        " SELECT $1, $2, role, name, media_type, size, width, height, sha256, position, $3, body"
        " FROM media_file WHERE id = $4",
        {random_token().substr(0, 16), to, utc_now_iso(), r.text(0)}));
  }
  return ok();
}

}  // namespace stemnet::media
