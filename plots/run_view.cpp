#include "plots/run_view.h"

#include <algorithm>

namespace gradscape::plots {

RunView makeRunView(const Trace& trace, int64_t maxRows, const PlaneProjector* projection) {
  RunView view;
  const int64_t n = trace.size();
  for (const CurvatureSample& c : trace.curvature()) {
    view.curvatureIteration.push_back(static_cast<double>(c.iteration));
    view.sharpness.push_back(c.top);
    view.bottomEigenvalue.push_back(c.bottom);
  }
  if (n == 0) return view;
  // Every `stride`-th row, plus the last one.
  const int64_t stride = maxRows >= 2 && n > maxRows ? (n - 2) / (maxRows - 1) + 1 : 1;
  const auto count = static_cast<size_t>((n - 1) / stride + 2);
  for (auto* column : view.rowColumns()) column->reserve(count);
  const bool twoD = trace.dim() >= 2;
  int64_t point = 0;  // the kept iterate shown with the current row
  auto add = [&](int64_t row) {
    const int64_t k = trace.iteration(row);
    view.iteration.push_back(static_cast<double>(k));
    if (trace.pointsPerRow()) {
      point = row;
    } else {
      while (point + 1 < trace.pointCount() && trace.pointIteration(point + 1) <= k) ++point;
    }
    if (trace.pointCount() > 0) {
      const auto p = trace.point(point);
      if (projection) {
        const auto ab = (*projection)(p);
        view.x.push_back(ab[0]);
        view.y.push_back(ab[1]);
      } else {
        view.x.push_back(trace.dim() >= 1 ? p[0] : 0.0);
        view.y.push_back(twoD ? p[1] : 0.0);
      }
    }
    view.loss.push_back(trace.loss(row));
    view.gradNorm.push_back(trace.gradNorm(row));
    view.stepNorm.push_back(trace.stepNorm(row));
    view.lr.push_back(trace.lr(row));
    const EvaluationCounts& evals = trace.evaluations(row);
    view.evaluations.push_back(static_cast<double>(evals.field + evals.loss));
  };
  for (int64_t row = 0; row < n - 1; row += stride) add(row);
  add(n - 1);
  return view;
}

double evaluationsAt(const RunView& run, double iteration) {
  const auto after = std::upper_bound(run.iteration.begin(), run.iteration.end(), iteration);
  const auto row = static_cast<size_t>(after - run.iteration.begin());
  if (row == 0 || row > run.evaluations.size()) return 0.0;
  return run.evaluations[row - 1];
}

double iterationAtEvaluations(const RunView& run, double evaluations) {
  const size_t n = std::min(run.iteration.size(), run.evaluations.size());
  if (n == 0) return 0.0;
  const auto end = run.evaluations.begin() + static_cast<std::ptrdiff_t>(n);
  const auto at = std::lower_bound(run.evaluations.begin(), end, evaluations);
  return at == end ? run.iteration[n - 1]
                   : run.iteration[static_cast<size_t>(at - run.evaluations.begin())];
}

}  // namespace gradscape::plots
