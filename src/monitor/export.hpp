// monitor/export.hpp — a slice of the cube as open data: JSON-stat 2.0 or CSV.
//
// JSON-stat: dimensions indicator (role metric, one category carrying the
// unit), area (role geo; labels are the registry's names), period (role
// time), then the indicator's breakdowns present in the data; dense values
// with null where the cube has no cell, statuses by cell index; provenance
// and licence in extension.stemnet.
// CSV: indicator,area_level,area,area_name,period,<every breakdown of the
// indicator>,value,status — the same columns whatever the filter.
// Example:
//   std::string body = to_jsonstat(data, "nb");
#pragma once

#include "monitor/service.hpp"

#include <boost/json/value.hpp>

#include <string>

namespace stemnet::monitor {

std::string to_jsonstat(const DataResult& data, const std::string& lang);
// One import's provenance record, as the API and the exports show it.
boost::json::value provenance_json(const Provenance& p);
std::string to_csv(const DataResult& data);

}  // namespace stemnet::monitor
