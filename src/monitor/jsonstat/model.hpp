// monitor/jsonstat/model.hpp — a JSON-stat dataset in memory.
//
// A dataset is a cube: dimensions (in `id` order), each an ordered list of
// categories, and one cell per combination of categories, laid out row-major
// (the last dimension varies fastest). Cells are stored compactly: values as
// doubles with NaN for a missing cell (or, when few cells hold a value, as
// sorted (cell, value) pairs), statuses as small codes into a table of the
// distinct status strings. Reading and writing live in read.hpp and write.hpp.
//
// Example:
//   STEMNET_TRY(Dataset ds, read_dataset(bytes, "canada.json"));
//   std::array<std::string_view, 5> at{"CA", "2012", "T", "POP", "T"};
//   if (auto cell = ds.cell(at); cell && cell->value) use(*cell->value, cell->status);
#pragma once

#include "core/result.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace stemnet::monitor::jsonstat {

// The most cells a dataset may declare. The reader and the validator refuse
// more before allocating anything.
inline constexpr std::uint64_t kMaxCells = 100'000'000;

// The unit of a category of a metric dimension.
struct Unit {
  std::optional<long> decimals;
  std::optional<std::string> label;
  std::optional<std::string> symbol;
  std::optional<std::string> position;  // "start" or "end"
  boost::json::object other;            // members JSON-stat does not name (type, base, ...)

  bool operator==(const Unit&) const = default;
};

struct Category {
  std::string id;
  std::optional<std::string> label;
  std::optional<Unit> unit;
  std::optional<std::array<double, 2>> coordinates;  // longitude, latitude
  std::vector<std::string> children;                 // ids of child categories
  std::vector<std::string> notes;

  std::string_view label_or_id() const { return label ? std::string_view(*label) : id; }
  bool operator==(const Category&) const = default;
};

class Dimension {
 public:
  std::string id;
  std::optional<std::string> label;
  std::optional<std::string> href;
  std::vector<std::string> notes;
  boost::json::value link;           // null when absent
  boost::json::value extension;      // null when absent
  std::vector<Category> categories;  // in index order

  std::size_t size() const { return categories.size(); }
  std::string_view label_or_id() const { return label ? std::string_view(*label) : id; }
  // The position of the category with this id, in O(1). Nullopt when there
  // is none (or when `reindex` was not called after `categories` changed).
  std::optional<std::size_t> position_of(std::string_view category_id) const;
  // Rebuilds the id → position map; call after changing `categories`.
  // False when two categories share an id (the first one wins).
  bool reindex();

  // Compares the content; the id → position map follows from it.
  bool operator==(const Dimension& other) const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> positions_;
};

// The value of every cell: a number, a string (JSON-stat allows strings) or
// missing. Dense (a double per cell, NaN when missing) or sparse (sorted
// (cell, number) pairs) as fits the data; both read the same.
class Values {
 public:
  Values() = default;
  // `cells` missing cells; allocates nothing per cell.
  explicit Values(std::size_t cells) : cells_(cells) {}
  // One number per cell, NaN for a missing one.
  explicit Values(std::vector<double> dense);
  // `cells` cells of which `entries` hold numbers (NaN entries stay missing;
  // for a repeated cell the last entry wins). Stored densely when at least a
  // quarter of the cells hold one.
  static Values sparse(std::size_t cells, std::vector<std::pair<std::size_t, double>> entries);

  std::size_t size() const { return cells_; }
  std::optional<double> number(std::size_t cell) const;
  std::optional<std::string_view> text(std::size_t cell) const;
  bool has(std::size_t cell) const { return number(cell) || text(cell); }
  // How many cells hold a number or a string.
  std::size_t count() const;
  bool dense() const { return dense_mode_; }

  // Cells past size() are ignored. Setting a number drops a string and back.
  void set(std::size_t cell, double number);
  void set_text(std::size_t cell, std::string text);

  // Calls f(cell, number, text) for each cell that holds a value, in order.
  void for_each(const std::function<void(std::size_t, std::optional<double>,
                                         std::optional<std::string_view>)>& f) const;

  bool operator==(const Values& other) const;

 private:
  void erase_text(std::size_t cell);
  void erase_number(std::size_t cell);

  std::size_t cells_ = 0;
  bool dense_mode_ = false;
  std::vector<double> dense_;                               // dense: one per cell, NaN = none
  std::vector<std::pair<std::size_t, double>> sparse_;      // sparse: sorted by cell
  std::vector<std::pair<std::size_t, std::string>> texts_;  // string values, sorted by cell
};

// The status of every cell (e.g. "e" for estimate), or none. A cell's
// status is a 16-bit code into the table of distinct statuses.
class Statuses {
 public:
  static constexpr std::size_t kMaxDistinct = 65535;

  Statuses() = default;
  // `cells` cells without a status.
  explicit Statuses(std::size_t cells) : cells_(cells) {}
  // The same status for every one of `cells` cells (JSON-stat's string form).
  static Statuses all(std::size_t cells, std::string status);

  std::size_t size() const { return cells_; }
  // The status of the cell; empty when it has none.
  std::string_view at(std::size_t cell) const;
  // How many cells have a status.
  std::size_t count() const;
  // True when one status applies to every cell (and there is at least one cell).
  bool uniform() const;
  const std::vector<std::string>& distinct() const { return names_; }

  // Sets (or, with "", clears) the status of a cell; cells past size() are
  // ignored. Fails when it would make more than kMaxDistinct distinct statuses.
  [[nodiscard]] Result<void> set(std::size_t cell, std::string_view status);

  // Builders for the reader: codes index `names` from 1 (0 = no status).
  static Statuses from_codes(std::size_t cells, std::vector<std::string> names,
                             std::vector<std::uint16_t> codes);
  static Statuses from_entries(std::size_t cells, std::vector<std::string> names,
                               std::vector<std::pair<std::size_t, std::uint16_t>> entries);

  // Calls f(cell, status) for each cell that has a status, in order.
  void for_each(const std::function<void(std::size_t, std::string_view)>& f) const;

  bool operator==(const Statuses& other) const;

 private:
  std::uint16_t code_of(std::size_t cell) const;
  void densify();

  std::size_t cells_ = 0;
  std::vector<std::string> names_;
  bool all_ = false;  // names_[0] applies to every cell
  bool dense_mode_ = false;
  std::vector<std::uint16_t> dense_;                           // dense: 0 = none, k = names_[k-1]
  std::vector<std::pair<std::size_t, std::uint16_t>> sparse_;  // sparse: sorted by cell
  std::unordered_map<std::string, std::uint16_t> codes_;       // names_ → code, built by set()
};

// One cell of a dataset.
struct Cell {
  std::optional<double> value;           // nullopt when missing or a string
  std::optional<std::string_view> text;  // a string value
  std::string_view status;               // empty when none
};

class Dataset {
 public:
  std::string name;  // the member name of the dataset in a 1.x bundle, else empty
  std::optional<std::string> label;
  std::optional<std::string> source;
  std::optional<std::string> updated;
  std::optional<std::string> href;
  std::vector<std::string> notes;
  boost::json::value extension;                           // null when absent
  boost::json::value link;                                // null when absent
  boost::json::value error;                               // null when absent
  std::vector<Dimension> dimensions;                      // in `id` order
  std::map<std::string, std::vector<std::string>> roles;  // "time", "geo", "metric" → dimension ids
  Values values;                                          // values.size() == cell_count()
  Statuses statuses;                                      // statuses.size() == cell_count()

  std::vector<std::string> ids() const;
  std::vector<std::size_t> sizes() const;
  // The product of the dimension sizes.
  std::size_t cell_count() const;
  const Dimension* dimension(std::string_view id) const;
  // The first role listing this dimension ("time", "geo", "metric"), else "".
  std::string_view role_of(std::string_view dimension_id) const;

  // The row-major index of the cell with these category ids (one per
  // dimension, in dimension order) or positions. O(number of dimensions).
  // Nullopt when the count is wrong or an id or position does not exist.
  std::optional<std::size_t> flat_index(std::span<const std::string_view> category_ids) const;
  std::optional<std::size_t> flat_index(std::span<const std::size_t> positions) const;
  std::optional<Cell> cell(std::span<const std::string_view> category_ids) const;
  std::optional<Cell> cell(std::span<const std::size_t> positions) const;
  // The cell at a row-major index below cell_count().
  Cell cell_at(std::size_t flat) const;

  bool operator==(const Dataset&) const = default;
};

enum class DocumentClass { dataset, collection, dimension, bundle };

// A collection item that is a reference, not an embedded dataset.
struct Link {
  std::string cls;  // "dataset", "collection" or "dimension"
  std::optional<std::string> href;
  std::optional<std::string> label;
  bool operator==(const Link&) const = default;
};

// A whole JSON-stat response.
struct Document {
  DocumentClass cls = DocumentClass::dataset;
  std::optional<std::string> label;
  std::optional<std::string> href;
  std::optional<std::string> updated;
  // The dataset; a 1.x bundle's datasets; a collection's embedded datasets.
  std::vector<Dataset> datasets;
  std::vector<Link> items;             // a collection's items that are references
  std::optional<Dimension> dimension;  // a dimension response
  boost::json::value error;            // the response's `error` member, null when absent
};

}  // namespace stemnet::monitor::jsonstat
