// libFuzzer target: scenario text -> gradscape::parseScenario, as `validate` and the GUI's Open
// read a file. Bad input must end in a ScenarioError (the documented signal, scenario_json.h)
// whose message names the file and is printable (issue 11: no control characters reach the
// terminal, no message cut at a NUL). A scenario that parses must survive the GUI's Save and
// Open unchanged. Anything else is a finding: another exception escaping, a crash, a sanitizer
// report, a hang (libFuzzer's -timeout) or runaway memory (-rss_limit_mb).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <typeinfo>

#include <nlohmann/json.hpp>

#include "core/scenario/scenario_json.h"

namespace {

constexpr const char* kSource = "fuzz.json";

[[noreturn]] void finding(const char* what, const std::string& detail) {
  std::fprintf(stderr, "\n*** fuzz_scenario_parser finding: %s\n%s\n", what, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

// True when `s` has a C0 control character (ESC starts terminal escape sequences; NUL cuts
// what()). DEL is let through: terminals ignore it, and nlohmann's own parse errors quote it.
bool hasControl(const std::string& s) {
  for (const unsigned char c : s) {
    if (c < 0x20) return true;
  }
  return false;
}

void checkMessage(const gradscape::ScenarioError& e) {
  const std::string what = e.what();  // as the CLI prints it: up to the first NUL
  if (what.rfind(std::string(kSource) + ": ", 0) != 0) {
    finding("ScenarioError does not name the file", what);
  }
  if (e.message().empty()) finding("ScenarioError with an empty message", what);
  if (hasControl(e.path()) || hasControl(e.message())) {
    finding("ScenarioError message holds control characters", nlohmann::json(what).dump());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  gradscape::Scenario scenario;
  try {
    scenario = gradscape::parseScenario(text, kSource);
  } catch (const gradscape::ScenarioError& e) {
    checkMessage(e);
    return 0;
  } catch (const std::exception& e) {
    finding("exception other than ScenarioError escaped parseScenario",
            std::string(typeid(e).name()) + ": " + e.what());
  }
  // Save and open again (what the GUI does): the same scenario.
  std::string saved;
  try {
    saved = gradscape::scenarioToJson(scenario).dump(2);
    if (!(gradscape::parseScenario(saved, kSource) == scenario)) {
      finding("a parsed scenario, saved and parsed again, differs", saved);
    }
  } catch (const std::exception& e) {
    finding("a parsed scenario, saved, does not parse again",
            std::string(typeid(e).name()) + ": " + e.what() + "\n" + saved);
  }
  return 0;
}
