#include "text/json_file.hpp"

#include <boost/json/stream_parser.hpp>

#include <algorithm>

namespace stemnet::text {

Result<boost::json::value> parse_json(std::string_view bytes, std::string_view file) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  boost::json::stream_parser parser;
  boost::system::error_code ec;
  std::size_t used = parser.write_some(bytes.data(), bytes.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    const long line =
        1 + std::count(bytes.begin(), bytes.begin() + std::min(used, bytes.size()), '\n');
    return Error::malformed_file(std::string(file), line, "not valid JSON: " + ec.message());
  }
  const std::string_view rest = bytes.substr(std::min(used, bytes.size()));
  if (rest.find_first_not_of(" \t\r\n") != std::string_view::npos) {
    const long line = 1 + std::count(bytes.begin(), bytes.begin() + used, '\n');
    return Error::malformed_file(std::string(file), line,
                                 "not valid JSON: text after the document");
  }
  return parser.release();
}

}  // namespace stemnet::text
