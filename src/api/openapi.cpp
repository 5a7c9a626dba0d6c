#include "api/openapi.hpp"

#include "text/json_write.hpp"

#include <yaml-cpp/yaml.h>
#include <boost/json.hpp>

#include <cstdlib>
#include <iostream>
#include <regex>

namespace stemnet::api {

extern const std::string_view kOpenApiYaml;  // generated from api/openapi.yaml

namespace {

// YAML 1.2 core schema, for plain (unquoted) scalars only.
boost::json::value plain_scalar(const std::string& s) {
  static const std::regex null_re("null|Null|NULL|~|");
  static const std::regex bool_re("true|True|TRUE|false|False|FALSE");
  static const std::regex int_re("[-+]?[0-9]+");
  static const std::regex float_re(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (std::regex_match(s, null_re)) return nullptr;
  if (std::regex_match(s, bool_re)) return s[0] == 't' || s[0] == 'T';
  if (std::regex_match(s, int_re)) {
    try {
      return static_cast<std::int64_t>(std::stoll(s));
    } catch (const std::out_of_range&) {
      return std::stod(s);
    }
  }
  if (std::regex_match(s, float_re)) return std::stod(s);
  return boost::json::string(s);
}

boost::json::value convert(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
    case YAML::NodeType::Scalar:
      // "?" marks a plain scalar; a quoted or block scalar is "!" and stays text.
      if (node.Tag() == "?") return plain_scalar(node.Scalar());
      return boost::json::string(node.Scalar());
    case YAML::NodeType::Sequence: {
      boost::json::array out;
      out.reserve(node.size());
      for (const auto& item : node) out.push_back(convert(item));
      return out;
    }
    case YAML::NodeType::Map: {
      boost::json::object out;
      out.reserve(node.size());
      for (const auto& kv : node) out[kv.first.as<std::string>()] = convert(kv.second);
      return out;
    }
  }
  return nullptr;
}

}  // namespace

Result<boost::json::value> yaml_to_json(std::string_view yaml) {
  try {
    return convert(YAML::Load(std::string(yaml)));
  } catch (const YAML::Exception& e) {
    return Error::malformed_file("api/openapi.yaml", e.mark.line + 1, e.msg);
  }
}

const boost::json::value& document() {
  static const boost::json::value doc = [] {
    auto v = yaml_to_json(kOpenApiYaml);
    if (!v) {
      std::cerr << "stemnet: the embedded API document does not read: "
                << v.error().where_and_what() << std::endl;
      std::abort();
    }
    return std::move(*v);
  }();
  return doc;
}

const std::string& document_text() {
  static const std::string text = boost::json::serialize(document());
  return text;
}

}  // namespace stemnet::api
