#include "monitor/jsonstat/parse.hpp"

#include "monitor/jsonstat/detail.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/value_stack.hpp>

#include <algorithm>
#include <charconv>
#include <optional>
#include <vector>

namespace stemnet::monitor::jsonstat::detail {
namespace {

using boost::system::error_code;
using jsv = boost::json::string_view;

enum class Kind { none, value, status };

// Boost.JSON 1.81 may round a double one unit in the last place off; the
// text is at hand, so parse it exactly.
double exact(std::string_view text, double fallback) {
  double d = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  return ec == std::errc() && end == text.data() + text.size() ? d : fallback;
}

// Builds the DOM with a value_stack, except for the `value` and `status`
// members of datasets, which go into columns.
class Handler {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  explicit Handler(std::uint64_t max_cells) : max_cells_(max_cells) { st_.reset(); }

  Parsed release() {
    out_.dom = st_.release();
    return std::move(out_);
  }

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_comment_part(jsv, error_code&) { return true; }
  bool on_comment(jsv, error_code&) { return true; }

  bool on_array_begin(error_code&) {
    if (active_ != Kind::none) return nested_begin("an array");
    if (pending_ != Kind::none) return start_capture(true);
    open(false);
    return true;
  }
  bool on_array_end(std::size_t n, error_code&) {
    if (active_ != Kind::none) return nested_end();
    st_.push_array(n);
    frames_.pop_back();
    return true;
  }
  bool on_object_begin(error_code&) {
    if (active_ != Kind::none) return nested_begin("an object");
    if (pending_ != Kind::none) return start_capture(false);
    open(true);
    return true;
  }
  bool on_object_end(std::size_t n, error_code&) {
    if (active_ != Kind::none) return nested_end();
    st_.push_object(n);
    frames_.pop_back();
    return true;
  }

  bool on_key_part(jsv s, std::size_t, error_code&) {
    if (active_ == Kind::none) st_.push_chars(s);
    part_.append(s.data(), s.size());
    return true;
  }
  bool on_key(jsv s, std::size_t, error_code&) {
    part_.append(s.data(), s.size());
    if (active_ != Kind::none) {
      if (depth_ == 1) (active_ == Kind::value) ? vb_->key(part_) : sb_->key(part_);
      part_.clear();
      return true;
    }
    st_.push_key(s);
    key_.swap(part_);
    part_.clear();
    if (key_ == "value" || key_ == "status") {
      if (auto owner = owner_path()) {
        owner_ = std::move(*owner);
        pending_ = key_ == "value" ? Kind::value : Kind::status;
      }
    }
    return true;
  }

  bool on_string_part(jsv s, std::size_t, error_code&) {
    if (active_ == Kind::none && pending_ == Kind::none) st_.push_chars(s);
    part_.append(s.data(), s.size());
    return true;
  }
  bool on_string(jsv s, std::size_t, error_code&) {
    part_.append(s.data(), s.size());
    if (active_ != Kind::none) {
      if (depth_ == 1) (active_ == Kind::value) ? vb_->text(part_) : sb_->text(part_);
    } else if (pending_ != Kind::none) {
      if (pending_ == Kind::status) {
        StatusBuilder b(member(owner_, "status"), max_cells_);
        b.single(part_);
        out_.columns[owner_].status = b.finish();
        end_scalar_capture();
      } else {
        scalar_capture("a string");
      }
    } else {
      element();
      if (frames_.size() == 1 && frames_[0].object && key_ == "class") root_class_ = part_;
      st_.push_string(s);
    }
    part_.clear();
    return true;
  }

  bool on_number_part(jsv s, error_code&) {
    num_.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t i, jsv, error_code&) {
    num_.clear();
    return scalar([&] { st_.push_int64(i); }, static_cast<double>(i));
  }
  bool on_uint64(std::uint64_t u, jsv, error_code&) {
    num_.clear();
    return scalar([&] { st_.push_uint64(u); }, static_cast<double>(u));
  }
  bool on_double(double d, jsv s, error_code&) {
    if (num_.empty()) {
      d = exact(std::string_view(s.data(), s.size()), d);
    } else {
      num_.append(s.data(), s.size());
      d = exact(num_, d);
      num_.clear();
    }
    return scalar([&] { st_.push_double(d); }, d);
  }
  bool on_bool(bool b, error_code&) {
    const char* what = b ? "true" : "false";
    if (active_ != Kind::none) {
      if (depth_ == 1) (active_ == Kind::value) ? vb_->invalid(what) : sb_->invalid(what);
    } else if (pending_ != Kind::none) {
      scalar_capture(what);
    } else {
      element();
      st_.push_bool(b);
    }
    return true;
  }
  bool on_null(error_code&) {
    if (active_ != Kind::none) {
      if (depth_ == 1) (active_ == Kind::value) ? vb_->null() : sb_->null();
    } else if (pending_ != Kind::none) {
      scalar_capture("null");
    } else {
      element();
      st_.push_null();
    }
    return true;
  }

 private:
  struct Frame {
    bool object = false;
    std::string key;        // this container's name in its parent object
    std::size_t index = 0;  // this container's position in its parent array
    std::size_t count = 0;  // elements so far, for an array
  };

  template <class Dom>
  bool scalar(Dom dom, double number) {
    if (active_ != Kind::none) {
      if (depth_ == 1) (active_ == Kind::value) ? vb_->number(number) : sb_->invalid("a number");
    } else if (pending_ != Kind::none) {
      scalar_capture("a number");
    } else {
      element();
      dom();
    }
    return true;
  }

  // A new value starts in the current container.
  void element() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().count;
  }

  void open(bool object) {
    element();
    Frame f;
    f.object = object;
    if (!frames_.empty()) {
      if (frames_.back().object) {
        f.key = key_;
      } else {
        f.index = frames_.back().count - 1;
      }
    }
    frames_.push_back(std::move(f));
  }

  // The path of the dataset whose `value`/`status` member the key just read
  // starts, or nullopt when the current object cannot be a dataset.
  std::optional<std::string> owner_path() const {
    const auto n = frames_.size();
    if (n == 0 || !frames_[0].object || !frames_.back().object) return std::nullopt;
    if (n == 1) return std::string("$");
    // A member of a 1.x bundle: the root has no class and this is no 2.0 member.
    if (n == 2 && root_class_.empty() && !reserved_root_member(frames_[1].key)) {
      return member("$", frames_[1].key);
    }
    if (n == 4 && root_class_ == "collection" && frames_[1].object && frames_[1].key == "link" &&
        !frames_[2].object && frames_[2].key == "item") {
      return detail::element("$.link.item", frames_[3].index);
    }
    return std::nullopt;
  }

  bool start_capture(bool array) {
    active_ = pending_;
    pending_ = Kind::none;
    depth_ = 1;
    if (active_ == Kind::value) {
      vb_.emplace(member(owner_, "value"), max_cells_);
      array ? vb_->begin_array() : vb_->begin_object();
    } else {
      sb_.emplace(member(owner_, "status"), max_cells_);
      array ? sb_->begin_array() : sb_->begin_object();
    }
    return true;
  }

  bool nested_begin(const char* what) {
    if (depth_ == 1) (active_ == Kind::value) ? vb_->invalid(what) : sb_->invalid(what);
    ++depth_;
    return true;
  }

  bool nested_end() {
    if (--depth_ > 0) return true;
    auto& cols = out_.columns[owner_];
    if (active_ == Kind::value) {
      cols.value = vb_->finish();
      vb_.reset();
    } else {
      cols.status = sb_->finish();
      sb_.reset();
    }
    active_ = Kind::none;
    st_.push_null();  // the member stays, its content lives in the column
    return true;
  }

  // A `value` or `status` member that is a scalar where a container belongs.
  void scalar_capture(const char* what) {
    if (pending_ == Kind::value) {
      ValueBuilder b(member(owner_, "value"), max_cells_);
      b.not_a_container(what);
      out_.columns[owner_].value = b.finish();
    } else {
      StatusBuilder b(member(owner_, "status"), max_cells_);
      b.not_a_container(what);
      out_.columns[owner_].status = b.finish();
    }
    end_scalar_capture();
  }

  void end_scalar_capture() {
    pending_ = Kind::none;
    st_.push_null();
  }

  std::uint64_t max_cells_;
  boost::json::value_stack st_;
  Parsed out_;
  std::vector<Frame> frames_;
  std::string key_;   // the last key read in DOM mode
  std::string part_;  // a key or string arriving in pieces
  std::string num_;   // a number arriving in pieces
  std::string root_class_;
  Kind pending_ = Kind::none;  // the next value is a column
  Kind active_ = Kind::none;   // inside a column
  int depth_ = 0;              // container depth inside the column
  std::string owner_;          // path of the dataset owning the column
  std::optional<ValueBuilder> vb_;
  std::optional<StatusBuilder> sb_;
};

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

struct StreamParser::Impl {
  Impl(std::string_view file_name, std::uint64_t max_cells)
      : parser(boost::json::parse_options{}, max_cells), file(file_name) {}

  Error syntax(std::string_view piece, std::size_t used, const std::string& what) const {
    const long line = 1 + newlines +
                      std::count(piece.begin(), piece.begin() + std::min(used, piece.size()), '\n');
    return Error::malformed_file(file, line, "not valid JSON: " + what);
  }

  boost::json::basic_parser<Handler> parser;
  std::string file;
  long newlines = 0;
  std::string head;   // the first bytes, until it is clear whether they are a BOM
  std::string carry;  // the start of a UTF-8 character the last piece cut in two
  bool started = false;
};

StreamParser::StreamParser(std::string_view file, std::uint64_t max_cells)
    : impl_(std::make_unique<Impl>(file, max_cells)) {}

StreamParser::~StreamParser() = default;

namespace {

// The length of `s` without a UTF-8 character cut off at its end. Boost.JSON
// 1.81 overruns a stack buffer when a multi-byte character is split between
// two writes and a long string follows (boostorg/json#876), so pieces are
// only ever handed over whole characters.
std::size_t whole_characters(std::string_view s) {
  const std::size_t n = s.size();
  for (std::size_t back = 1; back <= 3 && back <= n; ++back) {
    const auto c = static_cast<unsigned char>(s[n - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return len > back ? n - back : n;
  }
  return n;
}

}  // namespace

Result<void> StreamParser::write(std::string_view piece) {
  Impl& m = *impl_;
  if (!m.started) {  // skip a UTF-8 BOM, which may come in pieces too
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    const std::size_t take = std::min(piece.size(), bom.size() - m.head.size());
    m.head.append(piece.substr(0, take));
    piece.remove_prefix(take);
    if (m.head.size() < bom.size() && bom.starts_with(m.head)) return ok();
    m.started = true;
    if (m.head != bom) STEMNET_TRY_VOID(feed_whole(m.head));
  }
  return feed_whole(piece);
}

Result<void> StreamParser::feed_whole(std::string_view piece) {
  Impl& m = *impl_;
  if (!m.carry.empty()) {  // complete the character the last piece cut
    const auto lead = static_cast<unsigned char>(m.carry[0]);
    const std::size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    const std::size_t take = std::min(piece.size(), len - m.carry.size());
    m.carry.append(piece.substr(0, take));
    piece.remove_prefix(take);
    if (m.carry.size() < len && !piece.empty()) return feed(std::exchange(m.carry, {}));
    if (m.carry.size() < len) return ok();
    STEMNET_TRY_VOID(feed(std::exchange(m.carry, {})));
  }
  const std::size_t whole = whole_characters(piece);
  m.carry.assign(piece.substr(whole));
  return feed(piece.substr(0, whole));
}

Result<void> StreamParser::feed(std::string_view piece) {
  Impl& m = *impl_;
  std::size_t used = 0;
  if (!m.parser.done()) {
    error_code ec;
    used = m.parser.write_some(true, piece.data(), piece.size(), ec);
    if (ec) return m.syntax(piece, used, ec.message());
  }
  if (m.parser.done() && !blank(piece.substr(std::min(used, piece.size())))) {
    return m.syntax(piece, used, "text after the document");
  }
  m.newlines += std::count(piece.begin(), piece.end(), '\n');
  return ok();
}

Result<Parsed> StreamParser::finish() {
  Impl& m = *impl_;
  if (!m.started) {  // fewer bytes than a BOM in all
    m.started = true;
    if (m.head != "\xEF\xBB\xBF") STEMNET_TRY_VOID(feed_whole(m.head));
  }
  if (!m.carry.empty())
    STEMNET_TRY_VOID(feed(std::exchange(m.carry, {})));  // a cut character: the parser says so
  if (!m.parser.done()) {
    error_code ec;
    m.parser.write_some(false, nullptr, 0, ec);
    if (ec) return m.syntax({}, 0, ec.message());
  }
  return m.parser.handler().release();
}

}  // namespace stemnet::monitor::jsonstat::detail
