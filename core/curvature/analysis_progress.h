#pragma once
// Private helper of the curvature analyses: applies AnalysisControl's rules (cancel check
// before every product, monotone and thinned progress reports).
#include <algorithm>

#include "core/curvature/analysis_control.h"
#include "core/curvature/symmetric_operator.h"

namespace gradscape::detail {

class AnalysisProgress {
 public:
  explicit AnalysisProgress(const AnalysisControl& control) : control_(control) {}

  void throwIfCancelled() const {
    if (control_.cancel && control_.cancel->load(std::memory_order_relaxed)) {
      throw AnalysisCancelled();
    }
  }

  // Reports `fraction` (clamped to [0, 1]) when it is at least kStep past the last report, or
  // when it is 1 for the first time.
  void report(double fraction) {
    if (!control_.progress) return;
    fraction = std::clamp(fraction, 0.0, 1.0);
    const bool first = last_ < 0.0;
    const bool done = fraction >= 1.0 && last_ < 1.0;
    if (first || done || fraction >= last_ + kStep) {
      last_ = std::max(last_, fraction);
      control_.progress(last_);
    }
  }

  // One controlled product: cancel check, then out = A v.
  void apply(const SymmetricOperator& op, VecCRef v, VecRef out) const {
    throwIfCancelled();
    op.apply(v, out);
  }

 private:
  static constexpr double kStep = 0.01;
  const AnalysisControl& control_;
  double last_ = -1.0;
};

}  // namespace gradscape::detail
