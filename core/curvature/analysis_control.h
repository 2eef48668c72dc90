#pragma once
// Cancellation and progress for long curvature analyses run on a worker thread.
#include <atomic>
#include <functional>
#include <stdexcept>

namespace gradscape {

struct AnalysisControl {
  // When set and *cancel becomes true, the analysis throws AnalysisCancelled at its next
  // operator application (checked at least once per application).
  const std::atomic<bool>* cancel = nullptr;
  // Called on the analysing thread with the completed fraction in [0, 1], never decreasing;
  // 1 is reported once the result is ready. Calls are thinned to steps of about 1%.
  std::function<void(double fraction)> progress;
};

class AnalysisCancelled : public std::runtime_error {
 public:
  AnalysisCancelled() : std::runtime_error("curvature analysis cancelled") {}
};

}  // namespace gradscape
