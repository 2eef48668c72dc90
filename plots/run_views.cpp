#include "plots/run_views.h"

#include <array>
#include <cmath>

#include "plots/rgb.h"
#include "plots/run_label.h"

namespace gradscape::plots {

RunView liveRunView(const Run& run, int64_t maxRows, const PlaneProjector* projection) {
  RunView v = makeRunView(run.trace(), maxRows, projection);
  v.diverged = run.status() == RunStatus::Diverged;
  v.finished = run.finished();
  // A running run's trace ends at x_{k-1}: append x_k (Run::currentRow), so the view shows it.
  const Trace& trace = run.trace();
  const int64_t iterations = run.iterations();
  const bool currentRecorded = !trace.empty() && trace.iteration(trace.size() - 1) >= iterations;
  if (!run.finished() && !currentRecorded) {
    const Vec& x = run.point();
    const Run::CurrentRow row = run.currentRow();
    // A non-finite iterate is about to end the run as diverged; it is not drawn.
    if (std::isfinite(row.loss) && x.allFinite() && std::isfinite(row.gradNorm)) {
      v.iteration.push_back(static_cast<double>(iterations));
      const auto xy = projection != nullptr ? (*projection)(x)
                                            : std::array<double, 2>{x.size() >= 1 ? x[0] : 0.0,
                                                                    x.size() >= 2 ? x[1] : 0.0};
      v.x.push_back(xy[0]);
      v.y.push_back(xy[1]);
      v.loss.push_back(row.loss);
      v.gradNorm.push_back(row.gradNorm);
      v.stepNorm.push_back(0.0);
      v.lr.push_back(row.lr);
      const EvaluationCounts& evals = run.evaluations();
      v.evaluations.push_back(static_cast<double>(evals.field + evals.loss));
    }
  }
  return v;
}

void nameRunViews(std::vector<RunView>& views, const std::vector<RunSpec>& specs) {
  const auto names = runNames(specs);  // unique: "Adam", "Adam (2)"
  for (size_t i = 0; i < views.size(); ++i) {
    RunView& view = views[i];
    if (i < names.size()) {
      view.label = names[i].label;
      view.name = names[i].name;
    }
    view.color = runColor(static_cast<int>(i));
    view.visible = i < specs.size() ? specs[i].visible : true;
  }
}

}  // namespace gradscape::plots
