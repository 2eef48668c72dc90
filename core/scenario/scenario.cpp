#include "core/scenario/scenario.h"

#include "core/objectives/objective_registry.h"

namespace gradscape {

std::shared_ptr<const Objective> makeObjective(const ObjectiveSpec& spec) {
  const auto* entry = objectiveRegistry().find(spec.type);
  if (!entry) throw ScenarioError("objective.type", "unknown objective \"" + spec.type + "\"");
  return std::shared_ptr<const Objective>(
      entry->make(ParamValues::withDefaults(entry->params, spec.params)));
}

std::vector<std::unique_ptr<Run>> makeRuns(const Scenario& scenario, int64_t traceCapacity) {
  const auto objective = makeObjective(scenario.objective);
  std::vector<std::unique_ptr<Run>> runs;
  runs.reserve(scenario.runs.size());
  for (const auto& spec : scenario.runs) {
    runs.push_back(std::make_unique<Run>(objective, spec, traceCapacity));
  }
  return runs;
}

}  // namespace gradscape
