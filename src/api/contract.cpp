#include "api/contract.hpp"

#include "api/fault.hpp"
#include "api/schema.hpp"
#include "core/strings.hpp"
#include "http/json.hpp"

#include <boost/json.hpp>

// valijson reports a schema it cannot read by exception, not by abort().
#define VALIJSON_USE_EXCEPTIONS 1
#include <valijson/adapters/boost_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <stdexcept>

namespace stemnet::api {
namespace json = boost::json;

namespace {

constexpr std::string_view kMethods[] = {"get", "post", "put", "patch", "delete"};

http::Method method_of(std::string_view name) {
  if (name == "get") return http::Method::get;
  if (name == "post") return http::Method::post;
  if (name == "put") return http::Method::put;
  if (name == "patch") return http::Method::patch;
  return http::Method::del;
}

struct QueryParam {
  std::string name;
  std::vector<std::string> types;
};

struct Part {
  json::value schema;  // with references into `root` of the Contract
  valijson::Schema compiled;
};

struct Operation {
  http::Method method;
  std::string path;
  std::vector<std::string> segments;  // of path; "{x}" is a parameter
  std::vector<QueryParam> params;
  std::string names;          // "limit, cursor", for unknown-parameter faults
  bool free_names = false;    // a form-exploded object takes names of its own
  std::optional<Part> query;  // absent: the operation declares no query parameters
  std::optional<Part> body;   // absent: no JSON request body
  bool body_required = false;
  bool query_required = false;  // some query parameter is required: check a bare request too
  // status ("200", "4XX", "default") -> media type -> schema (load with responses)
  std::map<std::string, std::map<std::string, std::optional<Part>>> responses;
};

}  // namespace

struct Contract::Impl {
  json::value root;  // {"components": ...} of the document, for references
  std::vector<std::unique_ptr<Operation>> ops;

  Result<void> check(const Operation& op, const http::Request& req) const;
  void query_faults(const Operation& op, const http::Request& req, std::vector<Fault>& out) const;
  void body_faults(const Operation& op, const json::value& body, std::vector<Fault>& out) const;
  void schema_faults(const Part& part, const json::value& instance, bool query,
                     std::vector<Fault>& out) const;
};

namespace {

void compile(json::value& root, Part& part) {
  // valijson resolves "#/..." against the document it parses: parse the root
  // with a reference to this part, so shared components resolve too.
  root.as_object()["x-stemnet-part"] = part.schema;
  formats_as_patterns(root.as_object()["x-stemnet-part"]);
  root.as_object()["$ref"] = "#/x-stemnet-part";
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::BoostJsonAdapter adapter(root);
  parser.populateSchema(adapter, part.compiled);
  root.as_object().erase("$ref");
  root.as_object().erase("x-stemnet-part");
}

}  // namespace

void Contract::Impl::schema_faults(const Part& part, const json::value& given, bool query,
                                   std::vector<Fault>& out) const {
  thread_local valijson::Validator validator;  // keeps its compiled patterns per thread
  valijson::ValidationResults results;
  json::value clipped;
  const json::value* checked = &given;
  if (has_long_string(given)) {
    clipped = given;
    if (clip_long_strings(root, part.schema, clipped, "", query, out)) checked = &clipped;
  }
  const json::value& instance = *checked;
  valijson::adapters::BoostJsonAdapter target(instance);
  if (validator.validate(part.compiled, target, &results)) return;
  for (const auto& error : results) {
    std::string pointer;
    for (std::size_t i = 1; i < error.context.size(); ++i) {
      const std::string& seg = error.context[i];
      const std::string_view token = seg.size() >= 2 && seg.front() == '['
                                         ? std::string_view(seg).substr(1, seg.size() - 2)
                                         : std::string_view(seg);
      pointer += "/" + escape_pointer_token(token);
    }
    const std::string& d = error.description;
    const auto quoted = [&d] {
      const auto end = d.rfind('\'');
      const auto start = end == std::string::npos ? end : d.rfind('\'', end - 1);
      return start == std::string::npos ? std::string() : d.substr(start + 1, end - start - 1);
    };
    const json::value* schema = schema_at(root, &part.schema, pointer);
    const json::object* s = schema && schema->is_object() ? &schema->as_object() : nullptr;
    const auto limit = [&](std::string_view key, std::string name, std::vector<ErrorParam>& ps) {
      if (!s) return;
      if (const auto* v = s->if_contains(key); v && v->is_number()) {
        ps.push_back(number_param(std::move(name), *v));
      }
    };
    std::vector<ErrorParam> ps;
    std::string code;
    if (d.starts_with("Value type not permitted")) {
      code = "validation.wrong_type";
      // The JSON type wanted ("integer"), the first a nullable member allows.
      auto types = types_of(schema);
      std::erase(types, "null");
      ps.push_back({"expected", types.empty() ? std::string("value") : types.front()});
    } else if (d.starts_with("Missing required property")) {
      code = "validation.missing";
      pointer += "/" + escape_pointer_token(quoted());
    } else if (d.starts_with("Missing dependency")) {
      // dependentRequired: a member that another one present needs.
      code = "validation.missing";
      pointer += "/" + escape_pointer_token(quoted());
    } else if (d.starts_with("Object contains a property that could not be validated")) {
      // valijson names the first member it does not know; name them all.
      boost::system::error_code ec;
      const json::value* object = instance.find_pointer(pointer, ec);
      const json::object* properties = nullptr;
      if (s) {
        if (const auto* p = s->if_contains("properties"); p && p->is_object()) {
          properties = &p->as_object();
        }
      }
      if (!object || !object->is_object()) continue;
      for (const auto& [name, value] : object->as_object()) {
        if (properties && properties->contains(name)) continue;
        out.push_back(
            make_fault(pointer + "/" + escape_pointer_token(name), query,
                       query ? "validation.unknown_parameter" : "validation.unknown_member"));
      }
      continue;
    } else if (d.starts_with("String should be no more than")) {
      code = "validation.too_long";
      limit("maxLength", "max", ps);
    } else if (d.starts_with("String should be no fewer than")) {
      code = "validation.too_short";
      limit("minLength", "min", ps);
    } else if (d.starts_with("Expected number")) {
      code = "validation.out_of_range";
      limit("minimum", "min", ps);
      limit("maximum", "max", ps);
    } else if (d.starts_with("Failed to match against any enum values") ||
               d.starts_with("Failed to match expected value set by 'const'")) {
      code = "validation.not_allowed";
      std::string allowed;
      if (s) {
        if (const auto* e = s->if_contains("enum"); e && e->is_array()) {
          for (const auto& v : e->as_array()) {
            allowed += (allowed.empty() ? "" : ", ") +
                       (v.is_string() ? std::string(v.as_string()) : json::serialize(v));
          }
        } else if (const auto* c = s->if_contains("const")) {
          allowed = c->is_string() ? std::string(c->as_string()) : json::serialize(*c);
        }
      }
      ps.push_back({"allowed", allowed});
    } else if (d.starts_with("Failed to match regex") ||
               d.starts_with("String should be a valid")) {
      code = "validation.bad_format";
      if (s) {
        if (const auto* f = s->if_contains("format"); f && f->is_string()) {
          ps.push_back({"format", std::string(f->as_string())});
        }
      }
    } else if (d.starts_with("Array should contain no more than")) {
      code = "validation.too_many_items";
      limit("maxItems", "max", ps);
    } else if (d.starts_with("Array should contain no fewer than")) {
      code = "validation.too_few_items";
      limit("minItems", "min", ps);
    } else if (d.starts_with("Failed to validate against schema associated with property") ||
               d.starts_with("Failed to validate item #") ||
               d.starts_with("Failed to validate against additional properties schema") ||
               d.starts_with("Failed to validate against child schema") ||
               d.starts_with("Cannot validate item #")) {
      continue;  // a wrapper: the fault inside it is reported on its own
    } else {
      code = "validation.invalid";  // oneOf, anyOf, not, ...: the value as a whole
    }
    const bool seen = std::any_of(out.begin(), out.end(), [&](const Fault& f) {
      return f.code == code && (query ? "/" + f.parameter : f.pointer) == pointer;
    });
    if (seen) continue;
    Fault fault = make_fault(pointer, query, std::move(code), std::move(ps));
    // What was sent, when it is short text: the detail says what was wrong with what.
    boost::system::error_code ec;
    const json::value* got = instance.find_pointer(pointer, ec);
    if (got && got->is_string() && fault.code != "validation.too_long") {
      fault.detail = std::string(got->as_string().subview(0, 40));
    }
    out.push_back(std::move(fault));
  }
}

void Contract::Impl::query_faults(const Operation& op, const http::Request& req,
                                  std::vector<Fault>& out) const {
  json::object values;
  for (std::size_t i = 0; i < req.query.size(); ++i) {
    const auto& [name, value] = req.query[i];
    if (name.empty()) {
      // "?&limit=1": an empty pair, not a parameter; "?=1" names nothing.
      if (!value.empty()) out.push_back(make_fault("/", true, "validation.unnamed_parameter"));
      continue;
    }
    bool repeated = false;
    for (std::size_t j = 0; j < i; ++j) repeated = repeated || req.query[j].first == name;
    if (repeated) {
      out.push_back(
          make_fault("/" + escape_pointer_token(name), true, "validation.repeated_parameter"));
      continue;
    }
    const auto declared = std::find_if(op.params.begin(), op.params.end(),
                                       [&](const QueryParam& p) { return p.name == name; });
    if (declared == op.params.end()) {
      if (!op.free_names) {
        out.push_back(make_fault("/" + escape_pointer_token(name), true,
                                 "validation.unknown_parameter", {{"allowed", op.names}}));
        continue;
      }
      if (!value.empty()) values[name] = value;
      continue;
    }
    const auto& types = declared->types;
    // Query values are text: read one as the type the document declares
    // when it is written as one; otherwise the schema names the fault.
    json::value v = json::string(value);
    if (allows(types, "integer") || allows(types, "number")) {
      std::int64_t n = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec == std::errc() && end == value.data() + value.size() && !value.empty() &&
          value[0] != '+') {
        v = n;
      } else if (allows(types, "number")) {
        double x = 0;
        const auto [dend, dec] = std::from_chars(value.data(), value.data() + value.size(), x);
        if (dec == std::errc() && dend == value.data() + value.size() && !value.empty()) v = x;
      }
    } else if (allows(types, "boolean") && (value == "true" || value == "false")) {
      v = value == "true";
    } else if (value.empty()) {
      continue;  // an empty filter counts as absent
    }
    values[name] = std::move(v);
  }
  if (op.query) schema_faults(*op.query, values, true, out);
}

void Contract::Impl::body_faults(const Operation& op, const json::value& body,
                                 std::vector<Fault>& out) const {
  if (auto path = http::nul_path(body, "")) {
    out.push_back(make_fault(pointer_of_dotted(*path), false, "validation.nul_character"));
  }
  schema_faults(*op.body, body, false, out);
}

Result<void> Contract::Impl::check(const Operation& op, const http::Request& req) const {
  std::vector<Fault> faults;
  // A bare GET is the most common request of all: nothing to check, unless
  // the operation requires a parameter.
  if (!req.query.empty() || op.query_required) query_faults(op, req, faults);
  if (op.body && op.body_required && req.body.empty()) {
    faults.push_back(make_fault("", false, "validation.missing"));
  } else if (op.body && !req.body.empty()) {
    STEMNET_TRY_VOID(http::check_json_media_type(req));
    boost::system::error_code ec;
    json::parse_options options;
    options.max_depth = 32;
    json::stream_parser parser({}, options);
    const std::size_t read = parser.write(req.body.data(), req.body.size(), ec);
    if (!ec) parser.finish(ec);
    if (ec) {
      // Where the text stops being JSON, as an editor counts: line and column from 1.
      const std::string_view before = std::string_view(req.body).substr(0, read);
      const auto line = std::count(before.begin(), before.end(), '\n') + 1;
      const auto last = before.rfind('\n');
      const auto column = static_cast<long long>(
          before.size() - (last == std::string_view::npos ? 0 : last + 1) + 1);
      faults.push_back(make_fault("", false, "validation.malformed_json",
                                  {{"line", static_cast<long long>(line)}, {"column", column}}));
    } else {
      const json::value body = parser.release();
      body_faults(op, body, faults);
    }
  }
  if (faults.empty()) return ok();
  drop_implied(faults);

  Error e{ErrorKind::invalid_input, "invalid-parameter", "Invalid request", ""};
  e.code = "validation.failed";
  const std::size_t total = faults.size();
  if (faults.size() > Contract::kMaxFaults) faults.resize(Contract::kMaxFaults);
  std::string detail;
  for (std::size_t i = 0; i < faults.size(); ++i) {
    // A detail set by now is the value that was sent.
    const std::string got = std::move(faults[i].detail);
    faults[i].detail = fault_detail(faults[i]);
    if (!got.empty()) faults[i].detail += ", got '" + got + "'";
    if (i < 5) detail += (detail.empty() ? "" : "; ") + faults[i].detail;
  }
  if (total > 5) detail += "; and " + std::to_string(total - 5) + " more";
  e.detail = std::move(detail);
  const Fault& first = faults.front();
  e.param = first.in_query          ? (first.parameter.empty() ? "query" : first.parameter)
            : first.pointer.empty() ? std::string("body")
                                    : dotted_of_pointer(first.pointer);
  e.params.push_back({"count", static_cast<long long>(total)});
  e.faults = std::move(faults);
  return e;
}

Contract::Contract() : impl_(std::make_unique<Impl>()) {}
Contract::~Contract() = default;

Result<std::shared_ptr<const Contract>> Contract::load(const json::value& document,
                                                       Options options) {
  std::shared_ptr<Contract> contract(new Contract());
  Impl& impl = *contract->impl_;
  const auto* paths = document.is_object() ? document.as_object().if_contains("paths") : nullptr;
  if (!paths || !paths->is_object()) return Error::internal("the API document has no paths");
  json::object root;
  if (const auto* components = document.as_object().if_contains("components")) {
    root["components"] = *components;
    formats_as_patterns(root["components"]);
  }
  impl.root = std::move(root);

  for (const auto& [path, item_value] : paths->as_object()) {
    if (!item_value.is_object()) continue;
    const auto& item = item_value.as_object();
    for (auto method_name : kMethods) {
      const auto* op_value = item.if_contains(method_name);
      if (!op_value || !op_value->is_object()) continue;
      const auto& op_json = op_value->as_object();
      auto op = std::make_unique<Operation>();
      op->method = method_of(method_name);
      op->path = path;
      for (auto seg : http::split_path(path)) op->segments.emplace_back(seg);
      const std::string where = std::string(method_name) + " " + std::string(path);

      json::object properties;
      json::array required;
      json::value extra = nullptr;
      const auto add_params = [&](const json::value* list) {
        if (!list || !list->is_array()) return;
        for (const auto& p_ref : list->as_array()) {
          const auto* p = resolve(document, &p_ref);
          if (!p || !p->is_object()) continue;
          const auto& param = p->as_object();
          const auto* in = param.if_contains("in");
          if (!in || !in->is_string() || in->as_string() != "query") continue;
          const std::string name(param.at("name").as_string());
          const json::value* schema = param.if_contains("schema");
          const auto types = types_of(resolve(document, schema));
          const auto* explode = param.if_contains("explode");
          if (allows(types, "object") && explode && explode->is_bool() && explode->as_bool()) {
            // Form-exploded: its members are query parameters of their own.
            op->free_names = true;
            const auto* s = resolve(document, schema);
            if (const auto* ap = s->as_object().if_contains("additionalProperties")) extra = *ap;
            continue;
          }
          op->params.push_back({name, types});
          op->names += (op->names.empty() ? "" : ", ") + name;
          properties[name] = schema ? *schema : json::value(json::object());
          if (const auto* r = param.if_contains("required"); r && r->is_bool() && r->as_bool()) {
            required.push_back(json::string(name));
          }
        }
      };
      add_params(item.if_contains("parameters"));
      add_params(op_json.if_contains("parameters"));
      if (!properties.empty() || op->free_names) {
        json::object schema{{"type", "object"}, {"properties", std::move(properties)}};
        op->query_required = !required.empty();
        if (!required.empty()) schema["required"] = std::move(required);
        if (!extra.is_null()) schema["additionalProperties"] = std::move(extra);
        op->query.emplace();
        op->query->schema = std::move(schema);
      }
      if (const auto* body_ref = op_json.if_contains("requestBody")) {
        const auto* body = resolve(document, body_ref);
        const json::value* schema = nullptr;
        if (body && body->is_object()) {
          boost::system::error_code ec;
          schema = body->find_pointer("/content/application~1json/schema", ec);
          const auto* r = body->as_object().if_contains("required");
          op->body_required = r && r->is_bool() && r->as_bool();
        }
        if (schema) {
          op->body.emplace();
          op->body->schema = *schema;
        }
      }
      if (const auto* responses = op_json.if_contains("responses");
          options.responses && responses && responses->is_object()) {
        for (const auto& [status, response_ref] : responses->as_object()) {
          auto& media_types = op->responses[std::string(status)];
          const auto* response = resolve(document, &response_ref);
          const auto* content = response && response->is_object()
                                    ? response->as_object().if_contains("content")
                                    : nullptr;
          if (!content || !content->is_object()) continue;
          for (const auto& [type, media] : content->as_object()) {
            auto& part = media_types[http::media_type(type)];
            const auto* schema =
                media.is_object() ? media.as_object().if_contains("schema") : nullptr;
            if (schema && http::media_type(type).ends_with("json")) {
              part.emplace();
              part->schema = *schema;
            }
          }
        }
      }
      try {
        if (op->query) compile(impl.root, *op->query);
        if (op->body) compile(impl.root, *op->body);
        for (auto& [status, media_types] : op->responses) {
          for (auto& [type, part] : media_types) {
            if (part) compile(impl.root, *part);
          }
        }
      } catch (const std::exception& ex) {
        return Error::internal("the API document's schema of " + where +
                               " does not compile: " + ex.what());
      }
      impl.ops.push_back(std::move(op));
    }
  }
  return std::shared_ptr<const Contract>(std::move(contract));
}

http::Check Contract::check_for(http::Method method, const std::string& pattern) const {
  for (const auto& op : impl_->ops) {
    if (op->method == method && op->path == pattern) {
      const Operation* o = op.get();
      const Impl* impl = impl_.get();
      return [impl, o](const http::Request& req) { return impl->check(*o, req); };
    }
  }
  return {};
}

Result<void> Contract::check_response(std::string_view method, std::string_view target, int status,
                                      std::string_view content_type, std::string_view body) const {
  const http::Method m = method == "HEAD" ? http::Method::get : http::method_from(method);
  const auto path = http::split_path(target.substr(0, target.find('?')));
  const Operation* found = nullptr;
  int best = -1;
  for (const auto& op : impl_->ops) {
    if (op->method != m || op->segments.size() != path.size()) continue;
    int literals = 0;
    bool match = true;
    for (std::size_t i = 0; i < path.size() && match; ++i) {
      const auto& seg = op->segments[i];
      if (seg.size() >= 2 && seg.front() == '{' && seg.back() == '}') {
        match = !path[i].empty();
      } else {
        match = seg == path[i];
        ++literals;
      }
    }
    if (match && literals > best) {
      best = literals;
      found = op.get();
    }
  }
  const std::string where = std::string(method) + " " + std::string(target) + " -> " +
                            std::to_string(status) + " " + std::string(content_type);
  if (!found) {
    if (status == 404 || status == 405 || status == 413 || status == 503) return ok();
    return Error::invalid("", where + ": the API document has no such operation");
  }
  const std::string code = std::to_string(status);
  auto it = found->responses.find(code);
  if (it == found->responses.end()) it = found->responses.find(code.substr(0, 1) + "XX");
  if (it == found->responses.end()) it = found->responses.find("default");
  if (it == found->responses.end()) {
    if (status == 405 || status == 413 || status == 503) return ok();
    return Error::invalid(
        "", where + ": the operation " + found->path + " does not declare this status");
  }
  if (body.empty() || method == "HEAD" || status == 304) return ok();
  const auto& media_types = it->second;
  const std::string type = http::media_type(content_type);
  auto media = media_types.find(type);
  if (media == media_types.end()) {
    std::string declared;
    for (const auto& [t, part] : media_types) declared += (declared.empty() ? "" : ", ") + t;
    return Error::invalid("", where + ": the document declares " +
                                  (declared.empty() ? std::string("no body") : declared) +
                                  " for this status");
  }
  if (!media->second) return ok();  // not JSON, or no schema
  boost::system::error_code ec;
  const json::value value = json::parse(body, ec);
  if (ec) return Error::invalid("", where + ": the body is not JSON");
  std::vector<Fault> faults;
  impl_->schema_faults(*media->second, value, false, faults);
  if (faults.empty()) return ok();
  Error e = Error::invalid("", where + ": the body does not match the document's schema");
  for (auto& f : faults) {
    const std::string got = std::move(f.detail);
    f.detail = fault_detail(f);
    e.detail += "\n  " + f.detail;
    if (!got.empty()) e.detail += ", got '" + got + "'";
  }
  e.faults = std::move(faults);
  return e;
}

std::vector<std::pair<http::Method, std::string>> Contract::operations() const {
  std::vector<std::pair<http::Method, std::string>> out;
  for (const auto& op : impl_->ops) out.emplace_back(op->method, op->path);
  return out;
}

}  // namespace stemnet::api
