// make_seeds — writes the generated part of the fuzz seed corpus.
//
//   make_seeds cases CASES.json OUTDIR     each case's "input" as OUTDIR/case-<id>.json
//   make_seeds head-utf16 N IN OUT         the first N lines of a UTF-16LE file
#include <boost/json/src.hpp>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "make_seeds: cannot read " << path << "\n";
    std::exit(1);
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void spit(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::cerr << "make_seeds: cannot write " << path << "\n";
    std::exit(1);
  }
}

int cases(const std::string& file, const std::string& dir) {
  boost::system::error_code ec;
  const boost::json::value doc = boost::json::parse(slurp(file), ec);
  if (ec || !doc.is_array()) {
    std::cerr << "make_seeds: " << file << ": not a JSON array of cases\n";
    return 1;
  }
  int n = 0;
  for (const auto& c : doc.as_array()) {
    const auto* obj = c.if_object();
    if (!obj || !obj->contains("input")) continue;
    std::string id = "case" + std::to_string(n);
    if (const auto* s = obj->at("id").if_string()) id = std::string(*s);
    for (char& ch : id)
      if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-') ch = '_';
    spit(dir + "/case-" + id + ".json", boost::json::serialize(obj->at("input")));
    ++n;
  }
  std::cout << "make_seeds: " << n << " cases from " << file << "\n";
  return 0;
}

// UTF-16LE: a line ends at the code unit 0x000A (bytes 0A 00 at an even offset).
int head_utf16(long lines, const std::string& in, const std::string& out) {
  const std::string bytes = slurp(in);
  std::size_t end = 0;
  long seen = 0;
  while (end + 1 < bytes.size() && seen < lines) {
    if (bytes[end] == '\n' && bytes[end + 1] == '\0') ++seen;
    end += 2;
  }
  if (seen < lines) end = bytes.size();
  spit(out, bytes.substr(0, end));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "cases" && argc == 4) return cases(argv[2], argv[3]);
  if (mode == "head-utf16" && argc == 5) return head_utf16(std::atol(argv[2]), argv[3], argv[4]);
  std::cerr << "usage: make_seeds cases CASES.json OUTDIR | head-utf16 N IN OUT\n";
  return 2;
}
