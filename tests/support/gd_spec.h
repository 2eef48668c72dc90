#pragma once
// A gradient-descent run for engine tests: plain SGD with step `lr` from `start`, exactly
// `maxIterations` steps (no gradient stop), curvature tracked every `curvatureEvery` steps.
#include <cstdint>
#include <utility>

#include "core/run/run_spec.h"

namespace gradscape::testing {

inline RunSpec gdSpec(double lr, Vec start, int64_t maxIterations, int64_t curvatureEvery = 0) {
  RunSpec s;
  s.optimizer = "sgd";
  s.optimizerParams.set("lr", lr);
  s.start = std::move(start);
  s.stop.maxIterations = maxIterations;
  s.stop.gradTol = 0.0;
  s.curvature.every = curvatureEvery;
  return s;
}

}  // namespace gradscape::testing
