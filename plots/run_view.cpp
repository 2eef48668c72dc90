#include "plots/run_view.h"

#include <algorithm>

namespace gradscape::plots {

RunView makeRunView(const Trace& trace, int64_t maxRows) {
  RunView view;
  const int64_t n = trace.size();
  if (n == 0) return view;
  // Every `stride`-th row, plus the last one.
  const int64_t stride = maxRows >= 2 && n > maxRows ? (n - 2) / (maxRows - 1) + 1 : 1;
  const auto count = static_cast<size_t>((n - 1) / stride + 2);
  for (auto* column :
       {&view.iteration, &view.x, &view.y, &view.loss, &view.gradNorm, &view.stepNorm, &view.lr}) {
    column->reserve(count);
  }
  const bool twoD = trace.dim() >= 2;
  auto add = [&](int64_t row) {
    view.iteration.push_back(static_cast<double>(trace.iteration(row)));
    const auto p = trace.point(row);
    view.x.push_back(trace.dim() >= 1 ? p[0] : 0.0);
    view.y.push_back(twoD ? p[1] : 0.0);
    view.loss.push_back(trace.loss(row));
    view.gradNorm.push_back(trace.gradNorm(row));
    view.stepNorm.push_back(trace.stepNorm(row));
    view.lr.push_back(trace.lr(row));
  };
  for (int64_t row = 0; row < n - 1; row += stride) add(row);
  add(n - 1);
  return view;
}

}  // namespace gradscape::plots
