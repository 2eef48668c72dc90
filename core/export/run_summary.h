#pragma once
// The outcome of each run of a scenario as JSON (what `gradscape-cli run` writes as summary.json).
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/run/run.h"
#include "core/scenario/scenario.h"

namespace gradscape {

// `traceFiles[i]` names run i's CSV (may be empty).
nlohmann::json runSummaryJson(const Scenario& scenario,
                              const std::vector<std::unique_ptr<Run>>& runs,
                              const std::vector<std::string>& traceFiles);

}  // namespace gradscape
