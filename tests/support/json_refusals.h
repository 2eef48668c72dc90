#pragma once
// Scenario text as the JSON suites (test_json_text_*.cpp) feed it to checkJsonText and
// parseScenario, and the ScenarioError they answer with, taken apart.
#include <string>

#include "core/scenario/json_text_checks.h"
#include "core/scenario/scenario_json.h"

namespace gradscape::testing {

// What a scenario check refused with (thrown stays false when the text was accepted).
struct Refusal {
  bool thrown = false;
  std::string what, path, message;
};

template <class F>
Refusal refusalOf(const F& f) {
  try {
    f();
  } catch (const ScenarioError& e) {
    return {true, e.what(), e.path(), e.message()};
  }
  return {};
}

// Refusals of checkJsonText alone and of the whole parser.
inline Refusal checked(const std::string& text) {
  return refusalOf([&] { checkJsonText(text); });
}
inline Refusal parsed(const std::string& text) {
  return refusalOf([&] { (void)parseScenario(text); });
}

inline std::string repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// A valid scenario with `members` added at its end (", ..." included).
inline std::string scenarioWith(const std::string& members) {
  return R"({"objective": "rosenbrock", "runs": [{"optimizer": "sgd"}])" + members + "}";
}

inline bool hasControlByte(const std::string& s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  }
  return false;
}

}  // namespace gradscape::testing
