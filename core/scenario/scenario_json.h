#pragma once
// Reading and writing scenarios as JSON. Parsing validates everything against the registries
// and throws ScenarioError naming the JSON path and the offending value.
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/scenario/scenario.h"

namespace gradscape {

Scenario scenarioFromJson(const nlohmann::json& json);
nlohmann::json scenarioToJson(const Scenario& scenario);

// Parses JSON text; syntax errors name the line and column. `source` (a file name) prefixes
// messages.
Scenario parseScenario(const std::string& text, const std::string& source = "");
// Reads a file; errors start with the file name.
Scenario loadScenarioFile(const std::string& path);
// Writes pretty-printed JSON atomically (the old file stays whole if anything fails); throws
// ScenarioError naming the file and the reason when it cannot be written.
void saveScenarioFile(const Scenario& scenario, const std::string& path);

}  // namespace gradscape
