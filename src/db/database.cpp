#include "db/database.hpp"

#include <cstdio>
#include <stdexcept>

namespace stemnet::db {

std::int64_t Value::integer() const {
  if (auto* i = std::get_if<std::int64_t>(&v_)) return *i;
  if (auto* d = std::get_if<double>(&v_)) return static_cast<std::int64_t>(*d);
  return 0;
}

double Value::real() const {
  if (auto* d = std::get_if<double>(&v_)) return *d;
  if (auto* i = std::get_if<std::int64_t>(&v_)) return static_cast<double>(*i);
  return 0;
}

const std::string& Value::text() const {
  static const std::string empty;
  if (auto* s = std::get_if<std::string>(&v_)) return *s;
  return empty;
}

const std::string& Value::bytes() const {
  if (auto* b = std::get_if<Bytes>(&v_)) return b->data;
  return text();
}

std::string Value::to_string() const {
  switch (v_.index()) {
    case 1:
      return std::to_string(std::get<1>(v_));
    case 2: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.17g", std::get<2>(v_));
      return buf;
    }
    case 3:
      return std::get<3>(v_);
    case 4:
      return "<" + std::to_string(std::get<4>(v_).data.size()) + " bytes>";
  }
  return "NULL";
}

const Value& Row::at(std::string_view name) const {
  if (names_) {
    for (std::size_t i = 0; i < names_->size() && i < values_.size(); ++i)
      if ((*names_)[i] == name) return values_[i];
  }
  throw std::out_of_range("the row has no column named " + std::string(name));
}

std::optional<std::int64_t> Row::opt_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

std::optional<double> Row::opt_real(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return real(i);
}

std::optional<std::string> Row::opt_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return values_.at(i).is_text() ? text(i) : values_.at(i).to_string();
}

Pool::Pool(Factory factory, std::size_t max_size)
    : factory_(std::move(factory)), max_size_(max_size == 0 ? 1 : max_size) {}

Pool::~Pool() = default;

Pool::Lease::~Lease() {
  if (pool_ && conn_) pool_->give_back(std::move(conn_));
}

Result<Pool::Lease> Pool::acquire() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return !idle_.empty() || open_ < max_size_; });
  if (!idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(conn));
  }
  ++open_;
  lock.unlock();
  auto conn = factory_();
  if (!conn) {
    std::lock_guard relock(mu_);
    --open_;
    cv_.notify_one();
    return std::move(conn).error();
  }
  return Lease(this, std::move(*conn));
}

void Pool::give_back(std::unique_ptr<Connection> conn) {
  {
    std::lock_guard lock(mu_);
    idle_.push_back(std::move(conn));
  }
  cv_.notify_one();
}

}  // namespace stemnet::db
