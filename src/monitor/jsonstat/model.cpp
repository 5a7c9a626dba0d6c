#include "monitor/jsonstat/model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace stemnet::monitor::jsonstat {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

template <class T>
auto find_cell(const std::vector<std::pair<std::size_t, T>>& v, std::size_t cell) {
  auto it = std::lower_bound(v.begin(), v.end(), cell,
                             [](const auto& e, std::size_t c) { return e.first < c; });
  return it != v.end() && it->first == cell ? it : v.end();
}

template <class T>
void put_cell(std::vector<std::pair<std::size_t, T>>& v, std::size_t cell, T value) {
  if (v.empty() || v.back().first < cell) {  // the reader appends in order
    v.emplace_back(cell, std::move(value));
    return;
  }
  auto it = std::lower_bound(v.begin(), v.end(), cell,
                             [](const auto& e, std::size_t c) { return e.first < c; });
  if (it != v.end() && it->first == cell) {
    it->second = std::move(value);
  } else {
    v.emplace(it, cell, std::move(value));
  }
}

template <class T>
void erase_cell(std::vector<std::pair<std::size_t, T>>& v, std::size_t cell) {
  auto it = find_cell(v, cell);
  if (it != v.end()) v.erase(it);
}

// Sorts by cell, keeping the last of repeated cells.
template <class T>
void sort_unique(std::vector<std::pair<std::size_t, T>>& v) {
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::size_t out = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (out > 0 && v[out - 1].first == v[i].first) {
      v[out - 1] = std::move(v[i]);
    } else {
      if (out != i) v[out] = std::move(v[i]);
      ++out;
    }
  }
  v.resize(out);
}

}  // namespace

// ---- Dimension ----

std::optional<std::size_t> Dimension::position_of(std::string_view category_id) const {
  auto it = positions_.find(category_id);
  if (it == positions_.end()) return std::nullopt;
  return it->second;
}

bool Dimension::reindex() {
  positions_.clear();
  positions_.reserve(categories.size());
  bool unique = true;
  for (std::size_t i = 0; i < categories.size(); ++i) {
    unique = positions_.try_emplace(categories[i].id, i).second && unique;
  }
  return unique;
}

bool Dimension::operator==(const Dimension& o) const {
  return id == o.id && label == o.label && href == o.href && notes == o.notes && link == o.link &&
         extension == o.extension && categories == o.categories;
}

// ---- Values ----

Values::Values(std::vector<double> dense)
    : cells_(dense.size()), dense_mode_(true), dense_(std::move(dense)) {}

Values Values::sparse(std::size_t cells, std::vector<std::pair<std::size_t, double>> entries) {
  std::erase_if(entries, [&](const auto& e) { return e.first >= cells || std::isnan(e.second); });
  Values v(cells);
  if (entries.size() >= cells / 4) {
    v.dense_mode_ = true;
    v.dense_.assign(cells, kMissing);
    for (const auto& [cell, number] : entries) v.dense_[cell] = number;
    return v;
  }
  sort_unique(entries);
  v.sparse_ = std::move(entries);
  return v;
}

std::optional<double> Values::number(std::size_t cell) const {
  if (cell >= cells_) return std::nullopt;
  if (dense_mode_) {
    const double d = dense_[cell];
    if (std::isnan(d)) return std::nullopt;
    return d;
  }
  auto it = find_cell(sparse_, cell);
  if (it == sparse_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string_view> Values::text(std::size_t cell) const {
  if (texts_.empty()) return std::nullopt;
  auto it = find_cell(texts_, cell);
  if (it == texts_.end()) return std::nullopt;
  return std::string_view(it->second);
}

std::size_t Values::count() const {
  std::size_t n = texts_.size();
  if (dense_mode_) {
    n += static_cast<std::size_t>(
        std::count_if(dense_.begin(), dense_.end(), [](double d) { return !std::isnan(d); }));
  } else {
    n += sparse_.size();
  }
  return n;
}

void Values::erase_text(std::size_t cell) {
  if (!texts_.empty()) erase_cell(texts_, cell);
}

void Values::erase_number(std::size_t cell) {
  if (dense_mode_) {
    dense_[cell] = kMissing;
  } else {
    erase_cell(sparse_, cell);
  }
}

void Values::set(std::size_t cell, double number) {
  if (cell >= cells_) return;
  erase_text(cell);
  if (dense_mode_) {
    dense_[cell] = number;
  } else if (std::isnan(number)) {
    erase_cell(sparse_, cell);
  } else {
    put_cell(sparse_, cell, number);
  }
}

void Values::set_text(std::size_t cell, std::string text) {
  if (cell >= cells_) return;
  erase_number(cell);
  put_cell(texts_, cell, std::move(text));
}

void Values::for_each(const std::function<void(std::size_t, std::optional<double>,
                                               std::optional<std::string_view>)>& f) const {
  auto text = texts_.begin();
  const auto flush_texts_before = [&](std::size_t cell) {
    for (; text != texts_.end() && text->first < cell; ++text) {
      f(text->first, std::nullopt, std::string_view(text->second));
    }
  };
  if (dense_mode_) {
    for (std::size_t i = 0; i < dense_.size(); ++i) {
      if (std::isnan(dense_[i])) continue;
      flush_texts_before(i);
      f(i, dense_[i], std::nullopt);
    }
  } else {
    for (const auto& [cell, number] : sparse_) {
      flush_texts_before(cell);
      f(cell, number, std::nullopt);
    }
  }
  flush_texts_before(cells_);
}

bool Values::operator==(const Values& o) const {
  if (cells_ != o.cells_ || texts_ != o.texts_ || count() != o.count()) return false;
  bool same = true;
  for_each([&](std::size_t cell, std::optional<double> number, std::optional<std::string_view>) {
    if (same && number && o.number(cell) != number) same = false;
  });
  return same;
}

// ---- Statuses ----

Statuses Statuses::all(std::size_t cells, std::string status) {
  Statuses s(cells);
  if (status.empty()) return s;
  s.names_.push_back(std::move(status));
  s.all_ = true;
  return s;
}

Statuses Statuses::from_codes(std::size_t cells, std::vector<std::string> names,
                              std::vector<std::uint16_t> codes) {
  Statuses s(cells);
  s.names_ = std::move(names);
  codes.resize(cells, 0);
  for (auto& c : codes) {
    if (c > s.names_.size()) c = 0;  // no code past the table
  }
  s.dense_ = std::move(codes);
  s.dense_mode_ = true;
  return s;
}

Statuses Statuses::from_entries(std::size_t cells, std::vector<std::string> names,
                                std::vector<std::pair<std::size_t, std::uint16_t>> entries) {
  Statuses s(cells);
  s.names_ = std::move(names);
  std::erase_if(entries, [&](const auto& e) {
    return e.first >= cells || e.second == 0 || e.second > s.names_.size();
  });
  sort_unique(entries);
  s.sparse_ = std::move(entries);
  if (s.sparse_.size() >= cells / 4) s.densify();
  return s;
}

void Statuses::densify() {
  if (dense_mode_) return;
  dense_.assign(cells_, all_ ? 1 : 0);
  for (const auto& [cell, code] : sparse_) dense_[cell] = code;
  sparse_.clear();
  sparse_.shrink_to_fit();
  all_ = false;
  dense_mode_ = true;
}

std::uint16_t Statuses::code_of(std::size_t cell) const {
  if (cell >= cells_) return 0;
  if (all_) return 1;
  if (dense_mode_) return dense_[cell];
  auto it = find_cell(sparse_, cell);
  return it == sparse_.end() ? 0 : it->second;
}

std::string_view Statuses::at(std::size_t cell) const {
  const std::uint16_t code = code_of(cell);
  return code == 0 ? std::string_view() : std::string_view(names_[code - 1]);
}

std::size_t Statuses::count() const {
  if (all_) return cells_;
  if (dense_mode_) {
    return static_cast<std::size_t>(
        std::count_if(dense_.begin(), dense_.end(), [](std::uint16_t c) { return c != 0; }));
  }
  return sparse_.size();
}

bool Statuses::uniform() const {
  if (cells_ == 0) return false;
  if (all_) return true;
  const std::uint16_t first = code_of(0);
  if (first == 0) return false;
  if (!dense_mode_) return sparse_.size() == cells_;
  return std::all_of(dense_.begin(), dense_.end(),
                     [&](std::uint16_t c) { return c != 0 && names_[c - 1] == names_[first - 1]; });
}

Result<void> Statuses::set(std::size_t cell, std::string_view status) {
  if (cell >= cells_) return ok();
  std::uint16_t code = 0;
  if (!status.empty()) {
    if (codes_.size() != names_.size()) {  // first use, or built by the reader
      codes_.clear();
      for (std::size_t i = 0; i < names_.size(); ++i) {
        codes_.emplace(names_[i], static_cast<std::uint16_t>(i + 1));
      }
    }
    auto it = codes_.find(std::string(status));
    if (it == codes_.end()) {
      if (names_.size() >= kMaxDistinct) {
        return Error::invalid("status",
                              "more than " + std::to_string(kMaxDistinct) + " distinct statuses");
      }
      names_.emplace_back(status);
      it = codes_.emplace(names_.back(), static_cast<std::uint16_t>(names_.size())).first;
    }
    code = it->second;
  }
  if (all_) densify();
  if (dense_mode_) {
    dense_[cell] = code;
  } else if (code == 0) {
    erase_cell(sparse_, cell);
  } else {
    put_cell(sparse_, cell, code);
    if (sparse_.size() >= cells_ / 4 && sparse_.size() > 64) densify();
  }
  return ok();
}

void Statuses::for_each(const std::function<void(std::size_t, std::string_view)>& f) const {
  if (all_ || dense_mode_) {
    for (std::size_t i = 0; i < cells_; ++i) {
      if (auto s = at(i); !s.empty()) f(i, s);
    }
    return;
  }
  for (const auto& [cell, code] : sparse_) f(cell, names_[code - 1]);
}

bool Statuses::operator==(const Statuses& o) const {
  if (cells_ != o.cells_ || count() != o.count()) return false;
  bool same = true;
  for_each([&](std::size_t cell, std::string_view s) {
    if (same && o.at(cell) != s) same = false;
  });
  return same;
}

// ---- Dataset ----

std::vector<std::string> Dataset::ids() const {
  std::vector<std::string> out;
  out.reserve(dimensions.size());
  for (const auto& d : dimensions) out.push_back(d.id);
  return out;
}

std::vector<std::size_t> Dataset::sizes() const {
  std::vector<std::size_t> out;
  out.reserve(dimensions.size());
  for (const auto& d : dimensions) out.push_back(d.size());
  return out;
}

std::size_t Dataset::cell_count() const {
  std::size_t n = 1;
  for (const auto& d : dimensions) n *= d.size();
  return n;
}

const Dimension* Dataset::dimension(std::string_view id) const {
  for (const auto& d : dimensions) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

std::string_view Dataset::role_of(std::string_view dimension_id) const {
  for (const auto& [role, ids] : roles) {
    if (std::find(ids.begin(), ids.end(), dimension_id) != ids.end()) return role;
  }
  return {};
}

std::optional<std::size_t> Dataset::flat_index(
    std::span<const std::string_view> category_ids) const {
  if (category_ids.size() != dimensions.size()) return std::nullopt;
  std::size_t flat = 0;
  for (std::size_t d = 0; d < dimensions.size(); ++d) {
    auto pos = dimensions[d].position_of(category_ids[d]);
    if (!pos) return std::nullopt;
    flat = flat * dimensions[d].size() + *pos;
  }
  return flat;
}

std::optional<std::size_t> Dataset::flat_index(std::span<const std::size_t> positions) const {
  if (positions.size() != dimensions.size()) return std::nullopt;
  std::size_t flat = 0;
  for (std::size_t d = 0; d < dimensions.size(); ++d) {
    if (positions[d] >= dimensions[d].size()) return std::nullopt;
    flat = flat * dimensions[d].size() + positions[d];
  }
  return flat;
}

Cell Dataset::cell_at(std::size_t flat) const {
  return Cell{values.number(flat), values.text(flat), statuses.at(flat)};
}

std::optional<Cell> Dataset::cell(std::span<const std::string_view> category_ids) const {
  auto flat = flat_index(category_ids);
  if (!flat) return std::nullopt;
  return cell_at(*flat);
}

std::optional<Cell> Dataset::cell(std::span<const std::size_t> positions) const {
  auto flat = flat_index(positions);
  if (!flat) return std::nullopt;
  return cell_at(*flat);
}

}  // namespace stemnet::monitor::jsonstat
