// fuzz_udir_read — udir::read_national_tests() on any bytes: it returns a
// value or an Error, never crashes, leaks, trips a sanitizer or runs out of
// memory. Seeds: tests/fixtures/udir and the first lines of
// data/reference/schools (UTF-16LE, as Udir publishes).
#include "udir/national_tests.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string file = "fuzz.tsv";
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto tests = stemnet::udir::read_national_tests(bytes, file);
  if (tests) {
    // Touch what was read, so a bad row is used, not just built.
    std::size_t cells = 0;
    for (const auto& row : tests->rows) cells += row.cells.size();
    if (cells != tests->rows.size() * tests->measures.size()) {
      std::fprintf(stderr, "fuzz_udir_read: a row without one cell per measure\n");
      std::abort();
    }
  }
  return 0;
}
