#include "app/gui/run_set.h"

#include "plots/run_views.h"

#include <algorithm>
#include <limits>

namespace gradscape::gui {

RunSet RunSet::build(const Scenario& scenario, std::shared_ptr<const PlaneProjector> projection) {
  RunSet set;
  set.runs = makeRuns(scenario);
  set.scenario = scenario;
  set.projection = std::move(projection);
  return set;
}

bool RunSet::allFinished() const {
  return std::all_of(runs.begin(), runs.end(), [](const auto& run) { return run->finished(); });
}

void RunSet::step(int64_t n) {
  for (const auto& run : runs) {
    for (int64_t i = 0; i < n; ++i) {
      if (!run->step()) break;
    }
  }
}

void RunSet::stop() {
  for (const auto& run : runs) run->stop();
}

RunSnapshot RunSet::runSnapshot(size_t i, int64_t maxRows) const {
  const Run& run = *runs[i];
  RunSnapshot s;
  s.status = run.status();
  s.statusText = run.statusText();
  s.iterations = run.iterations();
  s.maxIterations = run.spec().stop.maxIterations;
  s.view = plots::liveRunView(run, maxRows, projection.get());
  if (run.point().size() <= kSnapshotPointDim) s.point = run.point();
  s.loss = s.view.empty() ? std::numeric_limits<double>::quiet_NaN() : s.view.loss.back();
  return s;
}

EngineSnapshot RunSet::snapshot(uint64_t generation, int64_t maxRows) const {
  EngineSnapshot snap;
  snap.generation = generation;
  snap.runs.reserve(runs.size());
  double done = 0.0, allowed = 0.0;
  for (size_t i = 0; i < runs.size(); ++i) {
    snap.runs.push_back(runSnapshot(i, maxRows));
    const RunSnapshot& r = snap.runs.back();
    const auto max = static_cast<double>(std::max<int64_t>(r.maxIterations, 0));
    // A finished run has used its whole allowance, whatever ended it.
    done += r.view.finished ? max : std::min(static_cast<double>(r.iterations), max);
    allowed += max;
  }
  snap.allFinished = allFinished();
  snap.progress = allowed > 0.0 ? done / allowed : (snap.allFinished ? 1.0 : 0.0);
  return snap;
}

void RunSet::explainNextSteps(EngineSnapshot& snapshot) {
  for (size_t i = 0; i < runs.size() && i < snapshot.runs.size(); ++i) {
    if (!runs[i]->finished()) snapshot.runs[i].nextUpdate = runs[i]->explainNextStep();
  }
}

}  // namespace gradscape::gui
