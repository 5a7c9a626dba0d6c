#include "monitor/jsonstat/cli.hpp"

#include "core/file.hpp"
#include "monitor/jsonstat/read.hpp"
#include "monitor/jsonstat/validate.hpp"

namespace stemnet::monitor::jsonstat {

int validate_files(const std::vector<std::string>& files, std::ostream& out) {
  bool all_valid = true;
  for (const auto& file : files) {
    auto bytes = stemnet::read_file(file);
    if (!bytes) {
      out << file << ": $: FILE_UNREADABLE: " << bytes.error().detail << "\n";
      all_valid = false;
      continue;
    }
    const std::vector<Issue> issues = validate_text(*bytes, file);
    for (const auto& issue : issues) {
      if (issue.code == "JSON_INVALID") {  // the message is "file:line: not valid JSON: ..."
        const std::string& m = issue.message;
        const auto colon = m.find(": ", file.size());
        out << m.substr(0, colon) << ": $: JSON_INVALID: " << m.substr(colon + 2) << "\n";
        continue;
      }
      out << file << ": " << issue.path << ": " << issue.code << ": "
          << (issue.severity == Severity::warning ? "warning: " : "") << issue.message << "\n";
    }
    all_valid = all_valid && valid(issues);
  }
  return all_valid ? 0 : 1;
}

int print_table(const std::string& file, TableFormat format, bool labels, std::ostream& out,
                std::ostream& err) {
  auto doc = read_file(file);
  if (!doc) {
    err << doc.error().where_and_what() << "\n";
    return 1;
  }
  if (doc->datasets.empty()) {
    err << file << ": "
        << (doc->error.is_null() ? "the response holds no dataset"
                                 : "the response reports an error")
        << "\n";
    return 1;
  }
  if (doc->datasets.size() > 1) {
    const Dataset& first = doc->datasets.front();
    err << file << ": " << doc->datasets.size() << " datasets; printing the first"
        << (first.name.empty() ? "" : " ('" + first.name + "')") << "\n";
  }
  write_table(doc->datasets.front(), format, labels ? Content::label : Content::id, out);
  out.flush();
  return out ? 0 : 1;
}

}  // namespace stemnet::monitor::jsonstat
