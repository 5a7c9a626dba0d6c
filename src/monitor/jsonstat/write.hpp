// monitor/jsonstat/write.hpp — writing a dataset as JSON-stat 2.0.
//
// The output is a `dataset` response (class, version "2.0", id, size, role,
// dimension with category index as an array, labels, units, coordinates,
// child, notes, link and extension as read) that validate.hpp accepts and
// read.hpp reads back equal. `value` is an array, or an object keyed by cell
// index when fewer than half the cells hold a value; `status` is a string
// when one status applies to every cell, else an array or an object by the
// same rule. Numbers are in their shortest round-trip form (84.4, not 8.44E1).
//
// Example:
//   STEMNET_TRY(Document doc, read_file("tests/fixtures/jsonstat/samples/oecd-canada.json"));
//   std::string json = write(doc.datasets.at(0));   // a 1.x bundle member as 2.0
#pragma once

#include "monitor/jsonstat/model.hpp"

#include <string>

namespace stemnet::monitor::jsonstat {

[[nodiscard]] std::string write(const Dataset& dataset);
// Appends to `out` (for writing many datasets into one buffer).
void write(const Dataset& dataset, std::string& out);

}  // namespace stemnet::monitor::jsonstat
