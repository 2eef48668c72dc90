#pragma once
// The outcome of each run of a scenario as JSON (what `gradscape-cli run` writes as summary.json).
// A RunRecord holds what the summary needs of one finished run, so a batch can let each run (and
// its trace) go as soon as it is written.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/run/run.h"
#include "core/scenario/scenario.h"

namespace gradscape {

struct RunRecord {
  std::string label, optimizer;
  RunStatus status = RunStatus::Running;
  int64_t divergedAt = -1;  // when Diverged
  int64_t iterations = 0;
  double finalLoss = 0.0, finalGradNorm = 0.0;
  Vec finalPoint;
  double wallSeconds = 0.0;
  EvaluationCounts evaluations;  // Run::evaluations()
  std::string traceFile;         // the CSV's name, or empty
  std::string iteratesFile;      // the CSV of the iterates kept apart from the rows, or empty
};

RunRecord recordOf(const Run& run, std::string traceFile, std::string iteratesFile = "");

// `minimumValue`: the objective's known minimum (for final_gap), if any.
nlohmann::json runSummaryJson(const Scenario& scenario, std::optional<double> minimumValue,
                              const std::vector<RunRecord>& runs);

}  // namespace gradscape
