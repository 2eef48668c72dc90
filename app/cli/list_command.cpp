#include <iostream>

#include "app/cli/commands.h"
#include "app/cli/interrupt.h"
#include "core/io/printable_text.h"
#include "core/objectives/objective_registry.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/oracles/noise_model.h"
#include "core/registry/params.h"
#include "core/scenario/scenario_json.h"
#include "core/schedules/schedule_registry.h"

namespace gradscape::cli {

namespace {

std::string describeRange(const ParamSpec& p) {
  switch (p.kind) {
    case ParamKind::Boolean:
      return "true|false";
    case ParamKind::Choice: {
      std::string s;
      for (const auto& c : p.choices) s += (s.empty() ? "" : "|") + c;
      return s;
    }
    case ParamKind::Integer:
    case ParamKind::Real:
      break;
  }
  return std::string(p.minInclusive ? "[" : "(") + formatNumber(p.min) + ", " +
         formatNumber(p.max) + (p.maxInclusive ? "]" : ")") + (p.logScale ? " log" : "") +
         (p.kind == ParamKind::Integer ? " integer" : "");
}

std::string describeDefault(const ParamSpec& p) {
  switch (p.kind) {
    case ParamKind::Boolean:
      return p.defaultValue != 0.0 ? "true" : "false";
    case ParamKind::Choice:
      return p.choices.at(static_cast<size_t>(p.defaultValue));
    case ParamKind::Integer:
    case ParamKind::Real:
      break;
  }
  return formatNumber(p.defaultValue);
}

template <class T>
void printRegistry(const char* heading, const Registry<T>& registry) {
  std::cout << heading << '\n';
  for (const auto& e : registry.entries()) {
    std::cout << "  " << e.name << "  —  " << e.title << '\n';
    std::cout << "      " << e.help << '\n';
    for (const auto& p : e.params) {
      std::string name = p.name;
      name.resize(std::max<size_t>(name.size(), 26), ' ');
      std::cout << "      " << name << " = " << describeDefault(p) << "  " << describeRange(p)
                << "  " << p.help << '\n';
    }
  }
  std::cout << '\n';
}

}  // namespace

int listCommand(const ListOptions& o) {
  const bool all = o.category == "all";
  if (all || o.category == "objectives") printRegistry("Objectives", objectiveRegistry());
  if (all || o.category == "optimizers") printRegistry("Optimizers", optimizerRegistry());
  if (all || o.category == "schedules") printRegistry("Schedules", scheduleRegistry());
  if (all || o.category == "noise") printRegistry("Gradient noise models", noiseRegistry());
  return kOk;
}

int loadScenario(const std::string& path, Scenario& scenario) {
  try {
    scenario = loadScenarioFile(path);
    return kOk;
  } catch (const ScenarioError& e) {
    std::cerr << "gradscape-cli: " << e.what() << '\n';
    return kBadInput;
  }
}

int validateCommand(const ValidateOptions& o) {
  installInterruptHandlers();
  int code = kOk;
  for (const auto& path : o.paths) {
    Scenario scenario;
    if (loadScenario(path, scenario) == kOk) {
      std::cout << printableText(path) << ": ok\n";
    } else {
      code = kBadInput;
    }
  }
  return code;
}

}  // namespace gradscape::cli
