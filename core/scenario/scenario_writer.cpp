// Scenario -> JSON. Every parameter is written out, defaults included, so a saved file is
// reproducible even if a later version changes a default.

#include "core/io/atomic_file.h"
#include "core/objectives/objective_registry.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/oracles/noise_model.h"
#include "core/scenario/json_params.h"
#include "core/scenario/scenario_json.h"
#include "core/schedules/schedule_registry.h"

namespace gradscape {

using nlohmann::json;

namespace {

json pointToJson(const Vec& x) {
  json a = json::array();
  for (Eigen::Index i = 0; i < x.size(); ++i) a.push_back(x[i]);
  return a;
}

json stopToJson(const StopRules& s) {
  json j = {{"max_iterations", s.maxIterations},
            {"grad_tol", s.gradTol},
            {"divergence_bound", s.divergenceBound}};
  j["target_loss"] = s.targetLoss ? json(*s.targetLoss) : json(nullptr);
  return j;
}

json curvatureToJson(const CurvatureTracking& c) {
  return {{"every", c.every}, {"trace", c.trace}, {"trace_probes", c.traceProbes}};
}

json runToJson(const RunSpec& r, const Scenario& s) {
  json j;
  j["label"] = r.label;
  if (!r.visible) j["visible"] = false;
  j["optimizer"] = json_detail::writeMethod(r.optimizer, r.optimizerParams, optimizerRegistry());
  j["schedule"] = json_detail::writeMethod(r.schedule, r.scheduleParams, scheduleRegistry());
  if (r.warmupSteps > 0) {
    j["warmup"] = {{"steps", r.warmupSteps}, {"start_factor", r.warmupStartFactor}};
  }
  if (r.clipping.mode != Clipping::Mode::None) {
    j["clip"] = {{"type", clippingModeName(r.clipping.mode)}, {"threshold", r.clipping.threshold}};
  }
  j["noise"] = json_detail::writeMethod(r.noise, r.noiseParams, noiseRegistry());
  if (r.minibatch.size > 0) {
    j["minibatch"] = {{"size", r.minibatch.size}, {"replacement", r.minibatch.replacement}};
  }
  if (!(r.curvature == s.curvature)) j["curvature"] = curvatureToJson(r.curvature);
  j["seed"] = r.seed;
  if (r.start != s.start) j["start"] = pointToJson(r.start);
  if (!(r.stop == s.stop)) j["stop"] = stopToJson(r.stop);
  return j;
}

}  // namespace

json scenarioToJson(const Scenario& s) {
  json j;
  j["version"] = 1;
  j["name"] = s.name;
  j["description"] = s.description;
  if (!s.notes.empty()) j["notes"] = s.notes;
  j["objective"] =
      json_detail::writeMethod(s.objective.type, s.objective.params, objectiveRegistry());
  j["start"] = pointToJson(s.start);
  j["seed"] = s.seed;
  j["stop"] = stopToJson(s.stop);
  // Whenever it is not the default: tracking that is off still keeps its trace settings.
  if (!(s.curvature == CurvatureTracking{})) j["curvature"] = curvatureToJson(s.curvature);
  j["runs"] = json::array();
  for (const auto& r : s.runs) j["runs"].push_back(runToJson(r, s));
  if (!s.classroom.empty()) j["classroom"] = classroomToJson(s.classroom);
  if (s.view) j["view"] = viewStateToJson(*s.view);
  return j;
}

void saveScenarioFile(const Scenario& scenario, const std::string& path) {
  // Atomic: a failed save (disk full, no permission) leaves the old file as it was.
  const std::string error = writeFileAtomically(path, scenarioToJson(scenario).dump(2) + '\n');
  if (!error.empty()) throw ScenarioError("", error);
}

}  // namespace gradscape
