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

RunRecord recordOf(const Run& run, std::string traceFile, std::string iteratesFile) {
  RunRecord r;
  r.label = run.spec().label;
  r.optimizer = run.spec().optimizer;
  r.status = run.status();
  r.divergedAt = run.divergedAt();
  r.iterations = run.iterations();
  r.finalLoss = run.finalLoss();
  r.finalGradNorm = run.finalGradNorm();
  r.finalPoint = run.point();
  r.wallSeconds = run.wallSeconds();
  r.evaluations = run.evaluations();
  r.traceFile = std::move(traceFile);
  r.iteratesFile = std::move(iteratesFile);
  return r;
}

json runSummaryJson(const Scenario& scenario, std::optional<double> minimumValue,
                    const std::vector<RunRecord>& runs) {
  json j;
  j["scenario"] = scenario.name;
  j["objective"] = scenario.objective.type;
  j["minimum_value"] = minimumValue ? json(*minimumValue) : json(nullptr);
  j["runs"] = json::array();
  for (size_t i = 0; i < runs.size(); ++i) {
    const RunRecord& r = runs[i];
    json row;
    row["index"] = i;
    row["label"] = r.label;
    row["optimizer"] = r.optimizer;
    row["status"] = runStatusName(r.status);
    row["diverged_at"] = r.status == RunStatus::Diverged ? json(r.divergedAt) : json(nullptr);
    row["iterations"] = r.iterations;
    row["final_loss"] = number(r.finalLoss);
    row["final_grad_norm"] = number(r.finalGradNorm);
    row["final_gap"] = minimumValue ? number(r.finalLoss - *minimumValue) : json(nullptr);
    json p = json::array();
    for (Eigen::Index k = 0; k < r.finalPoint.size(); ++k) p.push_back(number(r.finalPoint[k]));
    row["final_point"] = p;
    row["wall_seconds"] = r.wallSeconds;
    row["field_evals"] = r.evaluations.field;
    row["loss_evals"] = r.evaluations.loss;
    row["hessian_products"] = r.evaluations.hessianProducts;
    row["trace_file"] = r.traceFile;
    row["iterates_file"] = r.iteratesFile.empty() ? json(nullptr) : json(r.iteratesFile);
    j["runs"].push_back(row);
  }
  return j;
}

}  // namespace gradscape
