#pragma once
// Everything that defines one run: the optimizer and its settings, the start and the stop rules.
// Names refer to the registries; values are validated by the scenario parser (or the GUI).
#include <cstdint>
#include <optional>
#include <string>

#include "core/optimizers/clipping.h"
#include "core/registry/params.h"
#include "core/types.h"

namespace gradscape {

struct StopRules {
  int64_t maxIterations = 1000;      // steps taken at the most
  double gradTol = 1e-8;             // converged when ||g_k|| <= gradTol (0 disables)
  std::optional<double> targetLoss;  // stop when f(x_k) <= target
  double divergenceBound = 1e10;     // diverged when |f| or max_i |x_i| exceeds it
  bool operator==(const StopRules&) const = default;
};

// Minibatch gradients for finite-sum objectives (models on data): each step's gradient is the
// mean over `size` samples, drawn like torch's DataLoader: without replacement, a fresh
// shuffle each epoch (the epoch's last batch may be smaller); with replacement, independent
// uniform draws. size 0 uses every sample (full batch).
struct Minibatch {
  int64_t size = 0;
  bool replacement = false;
  bool operator==(const Minibatch&) const = default;
};

// Curvature tracking: every `every` iterations (0 = off) the run records the largest and the
// smallest Hessian eigenvalue at x_k (sharpness), and with `trace` the Hessian's trace
// (exact up to kDenseTrackingDim dimensions, else Hutchinson's estimate with `traceProbes`
// probes).
struct CurvatureTracking {
  int64_t every = 0;
  bool trace = false;
  int traceProbes = 16;
  bool operator==(const CurvatureTracking&) const = default;
};

struct RunSpec {
  std::string label;    // shown in tables and legends; defaults to the optimizer's title
  bool visible = true;  // drawn in the desktop program's views (every run still runs)
  std::string optimizer = "sgd";
  ParamValues optimizerParams;  // must contain "lr", the base learning rate
  std::string schedule = "constant";
  ParamValues scheduleParams;
  int64_t warmupSteps = 0;         // linear warmup in front of the schedule (0 = none)
  double warmupStartFactor = 0.0;  // lr factor at the first warmup step
  Clipping clipping;
  std::string noise = "none";
  ParamValues noiseParams;
  uint64_t seed = 0;  // seeds the gradient noise and the minibatch draws
  Minibatch minibatch;
  CurvatureTracking curvature;
  Vec start;
  StopRules stop;
  bool operator==(const RunSpec&) const = default;
};

}  // namespace gradscape
