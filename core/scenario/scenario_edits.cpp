#include "core/scenario/scenario_edits.h"

namespace gradscape {

namespace {

bool samePoint(const Vec& a, const Vec& b) {
  return a.size() == b.size() && (a.array() == b.array()).all();
}

}  // namespace

int setScenarioStart(Scenario& scenario, const Vec& start) {
  int kept = 0;
  for (auto& run : scenario.runs) {
    if (samePoint(run.start, scenario.start) || run.start.size() != start.size()) {
      run.start = start;
    } else {
      ++kept;
    }
  }
  scenario.start = start;
  return kept;
}

int setScenarioStop(Scenario& scenario, const StopRules& stop) {
  int kept = 0;
  for (auto& run : scenario.runs) {
    if (run.stop == scenario.stop) {
      run.stop = stop;
    } else {
      ++kept;
    }
  }
  scenario.stop = stop;
  return kept;
}

}  // namespace gradscape
