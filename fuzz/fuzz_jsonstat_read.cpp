// fuzz_jsonstat_read — the JSON-stat reader and validator on any bytes.
//
// Properties: read() and validate_text() return a value, never crash, leak,
// trip a sanitizer or allocate out of proportion (libFuzzer's -rss_limit_mb
// and -malloc_limit_mb catch that); a dataset read() accepts is written by
// write() as JSON-stat that read() accepts again (the round trip). With
// FUZZ_ROUNDTRIP_EQUAL=1 in the environment, a dataset of a response that
// validate_text() finds valid must also read back equal to the one written,
// but for a bundle member's name (a stricter check, off by default; cubes
// of more than 10^6 cells are not compared).
#include "monitor/jsonstat/read.hpp"
#include "monitor/jsonstat/validate.hpp"
#include "monitor/jsonstat/write.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace js = stemnet::monitor::jsonstat;

namespace {
bool check_equal = false;

[[noreturn]] void fail(const char* what, const std::string& detail, const std::string& written) {
  std::fprintf(stderr, "fuzz_jsonstat_read: %s: %s\n--- written by write():\n%.4000s\n", what,
               detail.c_str(), written.c_str());
  std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* equal = std::getenv("FUZZ_ROUNDTRIP_EQUAL");
  check_equal = equal && std::string_view(equal) == "1";
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const auto issues = js::validate_text(bytes, "fuzz.json");

  auto doc = js::read(bytes, "fuzz.json");
  if (!doc || doc->datasets.empty()) return 0;

  const js::Dataset& first = doc->datasets.front();
  const std::string written = js::write(first);
  auto again = js::read(written, "roundtrip.json");
  if (!again) fail("write() output not readable", again.error().where_and_what(), written);
  if (again->datasets.size() != 1) fail("write() output is not one dataset", "", written);
  // Dataset::operator== visits every cell: skip it for cubes declaring many.
  if (check_equal && js::valid(issues) && first.cell_count() <= 1'000'000) {
    js::Dataset back = std::move(again->datasets.front());
    back.name = first.name;  // a 1.x bundle member's name is not part of a 2.0 dataset
    if (!(back == first)) fail("dataset read back differs from the one written", "", written);
  }
  return 0;
}
