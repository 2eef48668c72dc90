#include "core/export/run_summary.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace gradscape {

using nlohmann::json;

namespace {
json number(double v) {
  return std::isfinite(v) ? json(v) : json(nullptr);
}
}  // namespace

json runSummaryJson(const Scenario& scenario, const std::vector<std::unique_ptr<Run>>& runs,
                    const std::vector<std::string>& traceFiles) {
  json j;
  j["scenario"] = scenario.name;
  j["objective"] = scenario.objective.type;
  const auto objective = makeObjective(scenario.objective);
  const auto fstar = objective->minimumValue();
  j["minimum_value"] = fstar ? json(*fstar) : json(nullptr);
  j["runs"] = json::array();
  for (size_t i = 0; i < runs.size(); ++i) {
    const Run& r = *runs[i];
    json row;
    row["index"] = i;
    row["label"] = r.spec().label;
    row["optimizer"] = r.spec().optimizer;
    row["status"] = runStatusName(r.status());
    row["diverged_at"] = r.status() == RunStatus::Diverged ? json(r.divergedAt()) : json(nullptr);
    row["iterations"] = r.iterations();
    row["final_loss"] = number(r.finalLoss());
    row["final_grad_norm"] = number(r.finalGradNorm());
    row["final_gap"] = fstar ? number(r.finalLoss() - *fstar) : json(nullptr);
    json p = json::array();
    for (Eigen::Index k = 0; k < r.point().size(); ++k) p.push_back(number(r.point()[k]));
    row["final_point"] = p;
    row["wall_seconds"] = r.wallSeconds();
    row["trace_file"] = i < traceFiles.size() ? traceFiles[i] : "";
    j["runs"].push_back(row);
  }
  return j;
}

}  // namespace gradscape
