#include "app/gui/run_set.h"

#include <algorithm>
#include <array>
#include <cmath>
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
  s.view = plots::makeRunView(run.trace(), maxRows, projection.get());
  s.view.diverged = run.status() == RunStatus::Diverged;
  if (run.point().size() <= kSnapshotPointDim) s.point = run.point();
  s.view.finished = run.finished();

  // A running run's trace ends at x_{k-1}: append x_k (Run::currentRow), so the view shows it.
  const Trace& trace = run.trace();
  const bool currentRecorded = !trace.empty() && trace.iteration(trace.size() - 1) >= s.iterations;
  if (!run.finished() && !currentRecorded) {
    const Vec& x = run.point();
    const Run::CurrentRow row = run.currentRow();
    // A non-finite iterate is about to end the run as diverged; it is not drawn.
    if (std::isfinite(row.loss) && x.allFinite() && std::isfinite(row.gradNorm)) {
      auto& v = s.view;
      v.iteration.push_back(static_cast<double>(s.iterations));
      const auto xy = projection ? (*projection)(x)
                                 : std::array<double, 2>{x.size() >= 1 ? x[0] : 0.0,
                                                         x.size() >= 2 ? x[1] : 0.0};
      v.x.push_back(xy[0]);
      v.y.push_back(xy[1]);
      v.loss.push_back(row.loss);
      v.gradNorm.push_back(row.gradNorm);
      v.stepNorm.push_back(0.0);
      v.lr.push_back(row.lr);
    }
  }
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
