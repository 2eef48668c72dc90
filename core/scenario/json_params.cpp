#include "core/scenario/json_params.h"

namespace gradscape::json_detail {

namespace {

constexpr size_t kShownLength = 60;

// Renders `value` into `out` until out holds kShownLength characters, descending at most two
// levels: never the whole of a huge or deeply nested value.
void render(const json& value, std::string& out, int depth) {
  if (out.size() > kShownLength) return;
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    const json cut = s.size() > kShownLength ? json(s.substr(0, kShownLength)) : value;
    out += cut.dump(-1, ' ', false, json::error_handler_t::replace);
  } else if (value.is_number()) {
    out += formatNumber(value.get<double>());
  } else if (!value.is_structured()) {
    out += value.dump();
  } else if (value.empty()) {
    out += value.is_object() ? "{}" : "[]";
  } else if (depth >= 2) {
    out += value.is_object() ? "{...}" : "[...]";
  } else {
    out += value.is_object() ? '{' : '[';
    bool first = true;
    for (auto it = value.begin(); it != value.end() && out.size() <= kShownLength; ++it) {
      if (!first) out += ',';
      first = false;
      if (value.is_object()) {
        out += json(it.key().substr(0, kShownLength))
                   .dump(-1, ' ', false, json::error_handler_t::replace) +
               ": ";
      }
      render(*it, out, depth + 1);
    }
    out += value.is_object() ? '}' : ']';
  }
}

}  // namespace

std::string describe(const json& value) {
  std::string s;
  render(value, s, 0);
  if (s.size() > kShownLength) s = s.substr(0, kShownLength - 3) + "...";
  return s;
}

double readParam(const ParamSpec& spec, const json& value, const std::string& path) {
  double v = 0.0;
  switch (spec.kind) {
    case ParamKind::Boolean:
      if (!value.is_boolean())
        throw ScenarioError(path, "must be true or false, got " + describe(value));
      return value.get<bool>() ? 1.0 : 0.0;
    case ParamKind::Choice: {
      std::string names;
      for (size_t i = 0; i < spec.choices.size(); ++i) {
        if (value.is_string() && value.get<std::string>() == spec.choices[i]) {
          return static_cast<double>(i);
        }
        names += (names.empty() ? "" : ", ") + spec.choices[i];
      }
      throw ScenarioError(path, "must be one of: " + names + ", got " + describe(value));
    }
    case ParamKind::Integer:
    case ParamKind::Real:
      if (!value.is_number()) throw ScenarioError(path, "must be a number, got " + describe(value));
      v = value.get<double>();
      break;
  }
  if (const std::string problem = checkParam(spec, v); !problem.empty()) {
    throw ScenarioError(path, problem);
  }
  return v;
}

json writeParam(const ParamSpec& spec, double value) {
  switch (spec.kind) {
    case ParamKind::Boolean:
      return value != 0.0;
    case ParamKind::Choice: {
      const auto i = static_cast<size_t>(value);
      return i < spec.choices.size() ? json(spec.choices[i]) : json(value);
    }
    case ParamKind::Integer:
      return static_cast<int64_t>(value);
    case ParamKind::Real:
      break;
  }
  return value;
}

}  // namespace gradscape::json_detail
