#include "core/scenario/scenario.h"

#include <mutex>

#include "core/objectives/objective_registry.h"

namespace gradscape {

std::shared_ptr<const Objective> makeObjective(const ObjectiveSpec& spec) {
  const auto* entry = objectiveRegistry().find(spec.type);
  if (!entry) throw ScenarioError("objective.type", "unknown objective \"" + spec.type + "\"");
  const ObjectiveSpec full{spec.type, ParamValues::withDefaults(entry->params, spec.params)};
  // The most recently built objective is kept: loading, validating, running and summarising a
  // scenario then build a model on 10^5 samples once, not four times. Objectives are immutable
  // once built, so one instance serves every run and thread.
  static std::mutex mutex;
  static ObjectiveSpec lastSpec;
  static std::shared_ptr<const Objective> last;
  {
    const std::lock_guard lock(mutex);
    if (last && lastSpec == full) return last;
  }
  std::shared_ptr<const Objective> made(entry->make(full.params));
  const std::lock_guard lock(mutex);
  lastSpec = full;
  last = made;
  return made;
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
