#include "monitor/jsonstat/read.hpp"

#include "monitor/jsonstat/detail.hpp"
#include "monitor/jsonstat/parse.hpp"
#include "text/json_write.hpp"

#include <boost/json/object.hpp>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unordered_set>

namespace stemnet::monitor::jsonstat {
namespace {

namespace json = boost::json;
using detail::element;
using detail::Form;
using detail::member;
using detail::whole;

std::string str(json::string_view s) { return std::string(s.data(), s.size()); }

// A scalar as written ("-2", "2.5", "\"x\""), a container by its kind.
std::string shown(const json::value& v) {
  if (v.is_array() || v.is_object()) return detail::describe(v);
  std::string out = text::json_text(v);
  if (out.size() > 40) out = out.substr(0, 37) + "...";
  return out;
}

class Reader {
 public:
  Reader(std::string_view file, const ReadOptions& options, detail::Parsed& parsed)
      : file_(file), options_(options), parsed_(parsed) {}

  Result<Document> document() {
    const json::object* root = parsed_.dom.if_object();
    if (!root)
      return fail("$", "a JSON-stat response is an object, not " + detail::describe(parsed_.dom));
    Document doc;
    if (const auto* e = root->if_contains("error")) doc.error = *e;
    const json::value* cls = root->if_contains("class");
    if (!cls) {
      if (root->contains("dimension") || root->contains("value")) {
        // A dataset without "class": read it as one rather than as a bundle.
        STEMNET_TRY(Dataset ds, dataset(*root, "$"));
        doc.datasets.push_back(std::move(ds));
        return doc;
      }
      return bundle(*root, std::move(doc));
    }
    if (!cls->is_string()) return fail("$.class", "not a string");
    const std::string_view name = cls->get_string();
    STEMNET_TRY(doc.label, opt_string(*root, "label", "$"));
    STEMNET_TRY(doc.href, opt_string(*root, "href", "$"));
    STEMNET_TRY(doc.updated, opt_string(*root, "updated", "$"));
    if (name == "dataset") {
      doc.cls = DocumentClass::dataset;
      // An error response need not carry a dataset.
      if (!doc.error.is_null() && !root->contains("dimension")) return doc;
      STEMNET_TRY(Dataset ds, dataset(*root, "$"));
      doc.datasets.push_back(std::move(ds));
      return doc;
    }
    if (name == "collection") return collection(*root, std::move(doc));
    if (name == "dimension") {
      doc.cls = DocumentClass::dimension;
      if (!doc.error.is_null() && !root->contains("category")) return doc;
      STEMNET_TRY(Dimension dim, dimension(*root, "$", "", std::nullopt));
      doc.dimension = std::move(dim);
      return doc;
    }
    return fail("$.class",
                "unknown class '" + std::string(name) + "' (dataset, collection or dimension)");
  }

 private:
  Error fail(const std::string& path, const std::string& what) const {
    return Error::malformed_file(file_, 0, path + ": " + what);
  }

  Result<Document> bundle(const json::object& root, Document doc) {
    doc.cls = DocumentClass::bundle;
    for (const auto& [key, v] : root) {
      const std::string_view k(key.data(), key.size());
      if (!v.is_object() || detail::reserved_root_member(k)) continue;
      STEMNET_TRY(Dataset ds, dataset(v.get_object(), member("$", k)));
      ds.name = std::string(k);
      doc.datasets.push_back(std::move(ds));
    }
    if (doc.datasets.empty() && doc.error.is_null()) {
      return fail("$", "no \"class\" and no datasets: not a JSON-stat response");
    }
    return doc;
  }

  Result<Document> collection(const json::object& root, Document doc) {
    doc.cls = DocumentClass::collection;
    const json::value* link = root.if_contains("link");
    if (!link) return doc;
    if (!link->is_object()) return fail("$.link", "not an object");
    const json::value* items = link->get_object().if_contains("item");
    if (!items) return doc;
    if (!items->is_array()) return fail("$.link.item", "not an array");
    for (std::size_t i = 0; i < items->get_array().size(); ++i) {
      const std::string path = element("$.link.item", i);
      const json::object* item = items->get_array()[i].if_object();
      if (!item) return fail(path, "not an object");
      Link ref;
      if (const auto* c = item->if_contains("class"); c && c->is_string())
        ref.cls = str(c->get_string());
      if (ref.cls == "dataset" && (item->contains("dimension") || item->contains("value"))) {
        STEMNET_TRY(Dataset ds, dataset(*item, path));
        doc.datasets.push_back(std::move(ds));
        continue;
      }
      STEMNET_TRY(ref.href, opt_string(*item, "href", path));
      STEMNET_TRY(ref.label, opt_string(*item, "label", path));
      doc.items.push_back(std::move(ref));
    }
    return doc;
  }

  Result<std::optional<std::string>> opt_string(const json::object& o, std::string_view key,
                                                const std::string& path) const {
    const json::value* v = o.if_contains(key);
    if (!v) return std::optional<std::string>();
    if (!v->is_string()) return fail(member(path, key), detail::describe(*v) + ", not a string");
    return std::optional<std::string>(str(v->get_string()));
  }

  Result<std::vector<std::string>> strings(const json::value& v, const std::string& path,
                                           bool unique) const {
    const json::array* a = v.if_array();
    if (!a) return fail(path, detail::describe(v) + " where an array of strings belongs");
    std::vector<std::string> out;
    out.reserve(a->size());
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < a->size(); ++i) {
      const json::string* s = (*a)[i].if_string();
      if (!s) return fail(element(path, i), detail::describe((*a)[i]) + ", not a string");
      if (unique && !seen.emplace(s->data(), s->size()).second) {
        return fail(element(path, i), "'" + str(*s) + "' appears twice");
      }
      out.push_back(str(*s));
    }
    return out;
  }

  Result<std::vector<std::string>> notes(const json::object& o, const std::string& path) const {
    const json::value* v = o.if_contains("note");
    if (!v) return std::vector<std::string>();
    return strings(*v, member(path, "note"), false);
  }

  Result<json::value> object_member(const json::object& o, std::string_view key,
                                    const std::string& path) const {
    const json::value* v = o.if_contains(key);
    if (!v) return json::value();
    if (!v->is_object()) return fail(member(path, key), detail::describe(*v) + ", not an object");
    return *v;
  }

  Result<Dataset> dataset(const json::object& o, const std::string& path) {
    Dataset ds;
    STEMNET_TRY(ds.label, opt_string(o, "label", path));
    STEMNET_TRY(ds.source, opt_string(o, "source", path));
    STEMNET_TRY(ds.updated, opt_string(o, "updated", path));
    STEMNET_TRY(ds.href, opt_string(o, "href", path));
    STEMNET_TRY(ds.notes, notes(o, path));
    STEMNET_TRY(ds.extension, object_member(o, "extension", path));
    STEMNET_TRY(ds.link, object_member(o, "link", path));
    if (const auto* e = o.if_contains("error")) ds.error = *e;

    const std::string dims_path = member(path, "dimension");
    const json::value* dims_v = o.if_contains("dimension");
    if (!dims_v) return fail(path, "no \"dimension\"");
    const json::object* dims = dims_v->if_object();
    if (!dims) return fail(dims_path, detail::describe(*dims_v) + ", not an object");

    // 2.0 puts id, size and role in the dataset; 1.x in its dimension.
    const auto locate = [&](std::string_view key) -> std::pair<const json::value*, std::string> {
      if (const auto* v = o.if_contains(key)) return {v, member(path, key)};
      if (const auto* v = dims->if_contains(key)) return {v, member(dims_path, key)};
      return {nullptr, member(path, key)};
    };
    const auto [id_v, id_path] = locate("id");
    const auto [size_v, size_path] = locate("size");
    if (!id_v) return fail(path, "no \"id\"");
    if (!size_v) return fail(path, "no \"size\"");
    STEMNET_TRY(std::vector<std::string> ids, strings(*id_v, id_path, true));
    const json::array* size_a = size_v->if_array();
    if (!size_a) return fail(size_path, detail::describe(*size_v) + ", not an array");
    std::vector<std::uint64_t> sizes;
    for (std::size_t i = 0; i < size_a->size(); ++i) {
      auto n = whole((*size_a)[i]);
      if (!n)
        return fail(element(size_path, i),
                    "a size is a whole number ≥ 0, not " + shown((*size_a)[i]));
      sizes.push_back(*n);
    }
    if (ids.size() != sizes.size()) {
      return fail(path, "\"id\" names " + std::to_string(ids.size()) +
                            " dimensions, \"size\" has " + std::to_string(sizes.size()));
    }
    const auto cells = detail::cell_count(sizes);
    if (!cells) return fail(size_path, "the sizes multiply to more than 2^64 cells");
    if (*cells > options_.max_cells) {
      return fail(size_path, "declares " + std::to_string(*cells) + " cells; the limit is " +
                                 std::to_string(options_.max_cells));
    }
    const auto n = static_cast<std::size_t>(*cells);

    for (std::size_t d = 0; d < ids.size(); ++d) {
      const std::string dim_path = member(dims_path, ids[d]);
      const json::value* dv = dims->if_contains(ids[d]);
      if (!dv) return fail(dim_path, "dimension '" + ids[d] + "' is listed in \"id\" but missing");
      if (!dv->is_object()) return fail(dim_path, detail::describe(*dv) + ", not an object");
      STEMNET_TRY(Dimension dim, dimension(dv->get_object(), dim_path, ids[d], sizes[d]));
      ds.dimensions.push_back(std::move(dim));
    }

    if (const auto [role_v, role_path] = locate("role"); role_v) {
      const json::object* roles = role_v->if_object();
      if (!roles) return fail(role_path, detail::describe(*role_v) + ", not an object");
      for (const auto& [role, list] : *roles) {
        STEMNET_TRY(std::vector<std::string> listed, strings(list, member(role_path, role), false));
        // What the validator reports (ROLE_KEY_UNKNOWN, ROLE_ID_UNKNOWN) is left out.
        if (role != "time" && role != "geo" && role != "metric") continue;
        std::erase_if(listed, [&](const std::string& id) { return !ds.dimension(id); });
        if (!listed.empty()) ds.roles[str(role)] = std::move(listed);
      }
    }

    detail::Columns* cols = parsed_.columns_of(path);
    detail::ValueColumn vc;
    if (cols && cols->value) {
      vc = std::move(*cols->value);
    } else if (const auto* v = o.if_contains("value")) {
      vc = detail::value_column(*v, member(path, "value"), options_.max_cells);
    } else {
      return fail(path, "no \"value\"");
    }
    STEMNET_TRY(ds.values, values(std::move(vc), member(path, "value"), n));

    detail::StatusColumn sc;
    if (cols && cols->status) {
      sc = std::move(*cols->status);
    } else if (const auto* v = o.if_contains("status")) {
      sc = detail::status_column(*v, member(path, "status"), options_.max_cells);
    } else {
      sc.form = Form::object;  // no statuses
    }
    STEMNET_TRY(ds.statuses, statuses(std::move(sc), member(path, "status"), n));
    return ds;
  }

  Result<Values> values(detail::ValueColumn c, const std::string& path, std::size_t n) const {
    if (!c.problem.empty()) return Error::malformed_file(file_, 0, c.problem);
    Values out;
    if (c.form == Form::array) {
      if (c.length != n) {
        return fail(path, std::to_string(c.length) + " values, size says " + std::to_string(n));
      }
      out = Values(std::move(c.dense));
    } else {
      for (const auto& [cell, v] : c.sparse) {
        if (cell >= n) return out_of_range(path, cell, n);
      }
      out = Values::sparse(n, std::move(c.sparse));
    }
    for (auto& [cell, text] : c.texts) {
      if (cell >= n) return out_of_range(path, cell, n);
      out.set_text(cell, std::move(text));
    }
    return out;
  }

  Error out_of_range(const std::string& path, std::size_t cell, std::size_t n) const {
    return fail(member(path, std::to_string(cell)), "cell " + std::to_string(cell) +
                                                        " is out of range: the dataset has " +
                                                        std::to_string(n) + " cells");
  }

  Result<Statuses> statuses(detail::StatusColumn c, const std::string& path, std::size_t n) const {
    if (!c.problem.empty()) return Error::malformed_file(file_, 0, c.problem);
    if (c.form == Form::string) {
      return c.names.empty() ? Statuses(n) : Statuses::all(n, std::move(c.names[0]));
    }
    if (c.form == Form::array) {
      if (c.length == 1 && n != 1) {  // one status for every cell, as the toolkit reads it
        return c.dense[0] == 0 ? Statuses(n) : Statuses::all(n, std::move(c.names[0]));
      }
      if (c.length != n) {
        return fail(path, std::to_string(c.length) + " statuses, size says " + std::to_string(n));
      }
      return Statuses::from_codes(n, std::move(c.names), std::move(c.dense));
    }
    for (const auto& [cell, code] : c.sparse) {
      if (cell >= n) return out_of_range(path, cell, n);
    }
    return Statuses::from_entries(n, std::move(c.names), std::move(c.sparse));
  }

  Result<std::vector<std::string>> category_ids(const json::object& cat,
                                                const std::string& path) const {
    const std::string index_path = member(path, "index");
    const json::value* index = cat.if_contains("index");
    if (!index) {
      const json::value* label = cat.if_contains("label");
      if (label && label->is_object() && label->get_object().size() == 1) {
        return std::vector<std::string>{str(label->get_object().begin()->key())};
      }
      return fail(path, "no \"index\": it may only be left out for a single category with a label");
    }
    if (index->is_array()) return strings(*index, index_path, true);
    const json::object* positions = index->if_object();
    if (!positions) return fail(index_path, detail::describe(*index) + ", not an array or object");
    std::vector<std::string> ids(positions->size());
    std::vector<bool> taken(positions->size(), false);
    for (const auto& [id, pos_v] : *positions) {
      const auto pos = whole(pos_v);
      if (!pos || *pos >= ids.size() || taken[*pos]) {
        return fail(member(index_path, id), "positions must be 0 to " +
                                                std::to_string(positions->size() - 1) +
                                                ", each once; got " + shown(pos_v));
      }
      taken[*pos] = true;
      ids[*pos] = str(id);
    }
    return ids;
  }

  Result<void> category_label(const Dimension&, Category& c, const json::value& v,
                              const std::string& p) const {
    if (!v.is_string()) return fail(p, detail::describe(v) + ", not a string");
    c.label = str(v.get_string());
    return ok();
  }

  Result<void> category_unit(const Dimension&, Category& c, const json::value& v,
                             const std::string& p) const {
    STEMNET_TRY(c.unit, unit(v, p));
    return ok();
  }

  Result<void> category_coordinates(const Dimension&, Category& c, const json::value& v,
                                    const std::string& p) const {
    const json::array* a = v.if_array();
    const auto finite = [](const json::value& x) {
      return x.is_number() && std::isfinite(x.to_number<double>());
    };
    if (!a || a->size() != 2 || !finite((*a)[0]) || !finite((*a)[1])) {
      return fail(p, "coordinates are [longitude, latitude]");
    }
    c.coordinates = std::array<double, 2>{(*a)[0].to_number<double>(), (*a)[1].to_number<double>()};
    return ok();
  }

  Result<void> category_children(const Dimension& dim, Category& c, const json::value& v,
                                 const std::string& p) const {
    STEMNET_TRY(c.children, strings(v, p, false));
    // Ids that are not categories (the validator's CHILD_ID_UNKNOWN) are left out.
    std::erase_if(c.children, [&](const std::string& id) { return !dim.position_of(id); });
    return ok();
  }

  Result<void> category_notes(const Dimension&, Category& c, const json::value& v,
                              const std::string& p) const {
    STEMNET_TRY(c.notes, strings(v, p, false));
    return ok();
  }

  Result<Unit> unit(const json::value& v, const std::string& path) const {
    const json::object* o = v.if_object();
    if (!o) return fail(path, detail::describe(v) + ", not an object");
    Unit u;
    for (const auto& [key, item] : *o) {
      const std::string p = member(path, key);
      if (key == "decimals") {
        if (item.is_int64()) {
          u.decimals = static_cast<long>(item.get_int64());
        } else if (auto w = whole(item); w && *w < 1000) {
          u.decimals = static_cast<long>(*w);
        } else {
          return fail(p, "not a whole number");
        }
      } else if (key == "label" || key == "symbol" || key == "position") {
        if (!item.is_string()) return fail(p, detail::describe(item) + ", not a string");
        auto& field = key == "label" ? u.label : key == "symbol" ? u.symbol : u.position;
        field = str(item.get_string());
      } else {
        u.other.emplace(key, item);
      }
    }
    return u;
  }

  Result<Dimension> dimension(const json::object& o, const std::string& path, std::string id,
                              std::optional<std::uint64_t> size) {
    Dimension dim;
    dim.id = std::move(id);
    STEMNET_TRY(dim.label, opt_string(o, "label", path));
    STEMNET_TRY(dim.href, opt_string(o, "href", path));
    STEMNET_TRY(dim.notes, notes(o, path));
    STEMNET_TRY(dim.link, object_member(o, "link", path));
    STEMNET_TRY(dim.extension, object_member(o, "extension", path));
    const std::string cat_path = member(path, "category");
    const json::value* cat_v = o.if_contains("category");
    if (!cat_v) return fail(path, "no \"category\"");
    const json::object* cat = cat_v->if_object();
    if (!cat) return fail(cat_path, detail::describe(*cat_v) + ", not an object");

    STEMNET_TRY(std::vector<std::string> ids, category_ids(*cat, cat_path));
    if (size && ids.size() != *size) {
      return fail(member(cat_path, cat->contains("index") ? "index" : "label"),
                  std::to_string(ids.size()) + " categories, size says " + std::to_string(*size));
    }
    dim.categories.resize(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) dim.categories[i].id = std::move(ids[i]);
    dim.reindex();
    using Member = Result<void> (Reader::*)(const Dimension&, Category&, const json::value&,
                                            const std::string&) const;
    for (auto [what, read_member] : std::initializer_list<std::pair<std::string_view, Member>>{
             {"label", &Reader::category_label},
             {"unit", &Reader::category_unit},
             {"coordinates", &Reader::category_coordinates},
             {"child", &Reader::category_children},
             {"note", &Reader::category_notes}}) {
      const json::value* v = cat->if_contains(what);
      if (!v) continue;
      const std::string p = member(cat_path, what);
      const json::object* o = v->if_object();
      if (!o) return fail(p, detail::describe(*v) + ", not an object");
      for (const auto& [key, item] : *o) {
        const auto pos = dim.position_of(std::string_view(key.data(), key.size()));
        if (!pos) continue;  // the validator reports keys that are not categories
        STEMNET_TRY_VOID((this->*read_member)(dim, dim.categories[*pos], item, member(p, key)));
      }
    }
    return dim;
  }

  std::string file_;
  ReadOptions options_;
  detail::Parsed& parsed_;
};

}  // namespace

StreamReader::StreamReader(std::string_view file_name, const ReadOptions& options)
    : file_(file_name),
      options_(options),
      parser_(std::make_unique<detail::StreamParser>(file_name, options.max_cells)) {}

StreamReader::~StreamReader() = default;

Result<void> StreamReader::write(std::string_view piece) { return parser_->write(piece); }

Result<Document> StreamReader::finish() {
  STEMNET_TRY(detail::Parsed parsed, parser_->finish());
  return Reader(file_, options_, parsed).document();
}

Result<Document> read(std::string_view bytes, std::string_view file_name,
                      const ReadOptions& options) {
  StreamReader reader(file_name, options);
  STEMNET_TRY_VOID(reader.write(bytes));
  return reader.finish();
}

Result<Document> read_file(const std::filesystem::path& path, const ReadOptions& options) {
  const std::string name = path.string();
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(name.c_str(), "rb"), &std::fclose);
  if (!f)
    return Error::malformed_file(name, 0, std::string("cannot read: ") + std::strerror(errno));
  StreamReader reader(name, options);
  std::vector<char> buf(1 << 18);
  while (true) {
    const std::size_t got = std::fread(buf.data(), 1, buf.size(), f.get());
    if (got > 0) STEMNET_TRY_VOID(reader.write(std::string_view(buf.data(), got)));
    if (got < buf.size()) {
      if (std::ferror(f.get())) return Error::malformed_file(name, 0, "cannot read: I/O error");
      break;
    }
  }
  return reader.finish();
}

Result<Dataset> read_dataset(std::string_view bytes, std::string_view file_name,
                             const ReadOptions& options) {
  STEMNET_TRY(Document doc, read(bytes, file_name, options));
  if (doc.datasets.empty()) {
    return Error::malformed_file(std::string(file_name), 0,
                                 doc.error.is_null() ? "$: the response holds no dataset"
                                                     : "$.error: the response reports an error");
  }
  return std::move(doc.datasets.front());
}

}  // namespace stemnet::monitor::jsonstat
