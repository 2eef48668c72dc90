#include <iostream>

#include "app/cli/commands.h"
#include "core/objectives/objective_registry.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/oracles/noise_model.h"
#include "core/registry/params.h"
#include "core/scenario/scenario_json.h"
#include "core/schedules/schedule_registry.h"

namespace gradscape::cli {

const char* const kListHelp =
    "usage: gradscape-cli list [objectives|optimizers|schedules|noise]\n"
    "\n"
    "Lists every objective, optimizer, schedule and noise model with its parameters, their\n"
    "defaults and valid ranges — the names scenario files use. Without an argument, all four.\n";

const char* const kValidateHelp =
    "usage: gradscape-cli validate SCENARIO.json...\n"
    "\n"
    "Checks scenario files without running them. Prints 'ok' per file, or the problem with\n"
    "its JSON path. Exit code 2 if any file is bad.\n";

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

int listCommand(const Args& args) {
  const std::string what = args.empty() ? "all" : args[0];
  if (what == "-h" || what == "--help") {
    std::cout << kListHelp;
    return kOk;
  }
  const bool all = what == "all";
  if (!all && what != "objectives" && what != "optimizers" && what != "schedules" &&
      what != "noise") {
    std::cerr << "gradscape-cli list: unknown category '" << what << "'\n" << kListHelp;
    return kBadInput;
  }
  if (all || what == "objectives") printRegistry("Objectives", objectiveRegistry());
  if (all || what == "optimizers") printRegistry("Optimizers", optimizerRegistry());
  if (all || what == "schedules") printRegistry("Schedules", scheduleRegistry());
  if (all || what == "noise") printRegistry("Gradient noise models", noiseRegistry());
  return kOk;
}

int validateCommand(const Args& args) {
  if (args.empty()) {
    std::cerr << "gradscape-cli validate: no scenario file given\n" << kValidateHelp;
    return kBadInput;
  }
  int code = kOk;
  for (const auto& path : args) {
    if (path == "-h" || path == "--help") {
      std::cout << kValidateHelp;
      return kOk;
    }
    try {
      loadScenarioFile(path);
      std::cout << path << ": ok\n";
    } catch (const std::exception& e) {
      std::cerr << "gradscape-cli: " << e.what() << '\n';
      code = kBadInput;
    }
  }
  return code;
}

}  // namespace gradscape::cli
