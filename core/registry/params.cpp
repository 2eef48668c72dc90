#include "core/registry/params.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace gradscape {

ParamSpec ParamSpec::real(std::string name, double def, double min, double max, std::string help,
                          bool log) {
  ParamSpec s;
  s.name = std::move(name);
  s.defaultValue = def;
  s.min = min;
  s.max = max;
  s.logScale = log;
  s.help = std::move(help);
  return s;
}

ParamSpec ParamSpec::positive(std::string name, double def, double max, std::string help,
                              bool log) {
  ParamSpec s = real(std::move(name), def, 0.0, max, std::move(help), log);
  s.minInclusive = false;
  return s;
}

ParamSpec ParamSpec::integer(std::string name, double def, double min, double max,
                             std::string help) {
  ParamSpec s = real(std::move(name), def, min, max, std::move(help));
  s.kind = ParamKind::Integer;
  return s;
}

ParamSpec ParamSpec::flag(std::string name, bool def, std::string help) {
  ParamSpec s = real(std::move(name), def ? 1.0 : 0.0, 0.0, 1.0, std::move(help));
  s.kind = ParamKind::Boolean;
  return s;
}

ParamSpec ParamSpec::choice(std::string name, int def, std::vector<std::string> choices,
                            std::string help) {
  const double last = choices.empty() ? 0.0 : static_cast<double>(choices.size() - 1);
  ParamSpec s = real(std::move(name), def, 0.0, last, std::move(help));
  s.kind = ParamKind::Choice;
  s.choices = std::move(choices);
  return s;
}

ParamValues ParamValues::defaults(const std::vector<ParamSpec>& specs) {
  ParamValues v;
  for (const auto& s : specs) v.items_.emplace_back(s.name, s.defaultValue);
  return v;
}

ParamValues ParamValues::withDefaults(const std::vector<ParamSpec>& specs,
                                      const ParamValues& given) {
  ParamValues v = defaults(specs);
  for (const auto& [name, value] : given.items_) v.set(name, value);
  return v;
}

bool ParamValues::has(std::string_view name) const {
  for (const auto& [k, v] : items_) {
    if (k == name) return true;
  }
  return false;
}

double ParamValues::get(std::string_view name) const {
  for (const auto& [k, v] : items_) {
    if (k == name) return v;
  }
  throw std::out_of_range("no parameter named '" + std::string(name) + "'");
}

void ParamValues::set(std::string_view name, double value) {
  for (auto& [k, v] : items_) {
    if (k == name) {
      v = value;
      return;
    }
  }
  items_.emplace_back(std::string(name), value);
}

std::string formatNumber(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  if (ec != std::errc()) return "?";
  return std::string(buf, end);
}

std::string labelNumber(double value) {
  if (!std::isfinite(value)) return formatNumber(value);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", value);
  std::string text(buf);
  // "1e-05" -> "1e-5": the exponent without its padding zero.
  const auto e = text.find('e');
  if (e != std::string::npos) {
    const int exponent = std::atoi(text.c_str() + e + 1);
    text = text.substr(0, e) + "e" + std::to_string(exponent);
  }
  return text;
}

std::string checkParam(const ParamSpec& spec, double value) {
  const std::string got = ", got " + formatNumber(value);
  if (!std::isfinite(value)) return "must be a finite number" + got;
  switch (spec.kind) {
    case ParamKind::Boolean:
      if (value != 0.0 && value != 1.0) return "must be true or false" + got;
      return {};
    case ParamKind::Integer:
      if (value != std::floor(value)) return "must be a whole number" + got;
      break;
    case ParamKind::Choice:
      if (value != std::floor(value) || value < 0 ||
          value >= static_cast<double>(spec.choices.size())) {
        std::string names;
        for (const auto& c : spec.choices) names += (names.empty() ? "" : ", ") + c;
        return "must be one of: " + names + got;
      }
      return {};
    case ParamKind::Real:
      break;
  }
  if (spec.minInclusive ? value < spec.min : value <= spec.min) {
    return std::string("must be ") + (spec.minInclusive ? ">= " : "> ") + formatNumber(spec.min) +
           got;
  }
  if (spec.maxInclusive ? value > spec.max : value >= spec.max) {
    return std::string("must be ") + (spec.maxInclusive ? "<= " : "< ") + formatNumber(spec.max) +
           got;
  }
  return {};
}

void requireOption(bool ok, const char* field, const std::string& what) {
  if (!ok) throw std::invalid_argument(std::string(field) + ": " + what);
}

const ParamSpec* findParam(const std::vector<ParamSpec>& specs, std::string_view name) {
  for (const auto& s : specs) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

void requireInSpec(const std::vector<ParamSpec>& specs, std::string_view name, double value) {
  const ParamSpec* spec = findParam(specs, name);
  if (!spec) throw std::out_of_range("no parameter named '" + std::string(name) + "'");
  const std::string problem = checkParam(*spec, value);
  if (!problem.empty()) throw std::invalid_argument(std::string(name) + ": " + problem);
}

}  // namespace gradscape
