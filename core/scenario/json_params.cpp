#include "core/scenario/json_params.h"

namespace gradscape::json_detail {

std::string describe(const json& value) {
  if (value.is_number()) return formatNumber(value.get<double>());
  std::string s = value.dump();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
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
