#include "core/run/run.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/optimizers/optimizer_registry.h"
#include "core/oracles/noise_model.h"
#include "core/run/curvature_tracker.h"
#include "core/schedules/schedule_registry.h"

namespace gradscape {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <class T>
const RegistryEntry<T>& lookup(const Registry<T>& registry, const std::string& name,
                               const char* kind) {
  const auto* entry = registry.find(name);
  if (!entry) {
    throw std::invalid_argument(std::string("unknown ") + kind + " '" + name +
                                "'; expected one of: " + registry.names());
  }
  return *entry;
}

}  // namespace

const char* runStatusName(RunStatus status) {
  switch (status) {
    case RunStatus::Running:
      return "running";
    case RunStatus::Converged:
      return "converged";
    case RunStatus::TargetReached:
      return "target reached";
    case RunStatus::MaxIterations:
      return "max iterations";
    case RunStatus::Stalled:
      return "stalled";
    case RunStatus::Diverged:
      return "diverged";
    case RunStatus::Stopped:
      return "stopped";
  }
  return "?";
}

Run::Run(std::shared_ptr<const Objective> objective, RunSpec spec, int64_t traceCapacity)
    : objective_(std::move(objective)),
      spec_(std::move(spec)),
      trace_(objective_->dim(), traceCapacity),
      finalLoss_(kNaN),
      finalGradNorm_(kNaN) {
  const int n = objective_->dim();
  if (spec_.start.size() != n) {
    throw std::invalid_argument("start point has " + std::to_string(spec_.start.size()) +
                                " coordinates, the objective needs " + std::to_string(n));
  }
  const auto& opt = lookup(optimizerRegistry(), spec_.optimizer, "optimizer");
  spec_.optimizerParams = ParamValues::withDefaults(opt.params, spec_.optimizerParams);
  optimizer_ = opt.make(spec_.optimizerParams);
  if (optimizer_->usesHessian() && n > kMaxDenseHessianDim) {
    throw std::invalid_argument(opt.title + " forms the dense Hessian, which is limited to " +
                                std::to_string(kMaxDenseHessianDim) +
                                " dimensions; this objective has " + std::to_string(n));
  }
  if (spec_.curvature.every < 0 || spec_.curvature.traceProbes < 1) {
    throw std::invalid_argument("curvature: the interval must be >= 0 and probes >= 1");
  }
  optimizer_->setClipping(spec_.clipping);
  optimizer_->reset(n);
  baseLr_ = spec_.optimizerParams.get("lr");

  const auto& sched = lookup(scheduleRegistry(), spec_.schedule, "schedule");
  spec_.scheduleParams = ParamValues::withDefaults(sched.params, spec_.scheduleParams);
  schedule_ = makeSchedule(spec_.schedule, spec_.scheduleParams, spec_.warmupSteps,
                           spec_.warmupStartFactor);

  const auto& noise = lookup(noiseRegistry(), spec_.noise, "noise model");
  spec_.noiseParams = ParamValues::withDefaults(noise.params, spec_.noiseParams);
  oracle_ = std::make_unique<ObjectiveOracle>(objective_, noise.make(spec_.noiseParams), spec_.seed,
                                              spec_.minibatch);

  if (spec_.label.empty()) spec_.label = opt.title;
  x_ = spec_.start;
  xPrev_ = x_;
  g_ = Vec::Zero(n);
  trace_.reserve(spec_.stop.maxIterations + 1);
}

bool Run::outOfBounds(double loss, VecCRef x) const {
  // One pass; `!(a <= bound)` is also true for NaN.
  const double bound = spec_.stop.divergenceBound;
  if (!std::isfinite(loss) || !(std::abs(loss) <= bound)) return true;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const double a = std::abs(x[i]);
    if (!(a <= bound) || std::isinf(a)) return true;
  }
  return false;
}

bool Run::step() {
  if (status_ != RunStatus::Running) return false;
  const int64_t every = spec_.curvature.every;
  if (every > 0 && k_ % (every * trace_.curvatureStride()) == 0) {
    trace_.recordCurvature(measureCurvature(*objective_, x_, k_, spec_.curvature,
                                            spec_.seed + static_cast<uint64_t>(k_)));
  }
  const double lr = baseLr_ * schedule_->factor(k_);
  for (Eigen::Index i = 0; i < x_.size(); ++i) xPrev_[i] = x_[i];
  const StepInfo info = optimizer_->step(*oracle_, x_, lr);

  if (outOfBounds(info.loss, xPrev_) || !std::isfinite(info.gradNorm)) {
    x_ = xPrev_;
    endDiverged();
    return false;
  }

  const bool converged = spec_.stop.gradTol > 0.0 && info.gradNorm <= spec_.stop.gradTol;
  const bool target = spec_.stop.targetLoss && info.loss <= *spec_.stop.targetLoss;
  if (converged || target || info.stalled) {
    // x_k meets the rule: keep it as the final iterate and undo the step just taken.
    x_ = xPrev_;
    trace_.record(k_, x_, info.loss, info.gradNorm, 0.0, lr, true);
    finalLoss_ = info.loss;
    finalGradNorm_ = info.gradNorm;
    status_ = converged ? RunStatus::Converged
              : target  ? RunStatus::TargetReached
                        : RunStatus::Stalled;
    return false;
  }

  double step2 = 0.0;  // ||x_{k+1} - x_k||^2, a plain loop: this is the per-step hot path
  for (Eigen::Index i = 0; i < x_.size(); ++i) step2 += (x_[i] - xPrev_[i]) * (x_[i] - xPrev_[i]);
  trace_.record(k_, xPrev_, info.loss, info.gradNorm, std::sqrt(step2), lr);
  ++k_;
  if (k_ >= spec_.stop.maxIterations) {
    finish(RunStatus::MaxIterations);
    return false;
  }
  return true;
}

void Run::endDiverged() {
  // x_k is non-finite or out of bounds: the run ends at the last recorded (finite) iterate.
  divergedAt_ = k_;
  status_ = RunStatus::Diverged;
  if (trace_.empty()) return;
  const int64_t last = trace_.size() - 1;
  x_ = trace_.point(last);
  finalLoss_ = trace_.loss(last);
  finalGradNorm_ = trace_.gradNorm(last);
}

Run::CurrentRow Run::currentRow() const {
  Vec g(x_.size());
  const double f = objective_->valueAndGradient(x_, g);
  return {f, g.norm(), baseLr_ * schedule_->factor(k_)};
}

void Run::finish(RunStatus status) {
  // Final row: the exact loss and gradient at the last iterate (no noise draw).
  const double f = objective_->valueAndGradient(x_, g_);
  if (outOfBounds(f, x_) || !g_.allFinite()) {
    endDiverged();
    return;
  }
  finalLoss_ = f;
  finalGradNorm_ = g_.norm();
  trace_.record(k_, x_, f, finalGradNorm_, 0.0, baseLr_ * schedule_->factor(k_), true);
  status_ = status;
}

void Run::runToEnd(const std::atomic<bool>* cancel) {
  const auto t0 = std::chrono::steady_clock::now();
  for (int64_t i = 1; step(); ++i) {
    if (cancel && (i & 1023) == 0 && cancel->load(std::memory_order_relaxed)) {
      stop();
      break;
    }
  }
  wallSeconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void Run::stop() {
  if (status_ == RunStatus::Running) finish(RunStatus::Stopped);
}

std::string Run::statusText() const {
  if (status_ == RunStatus::Diverged) return "diverged at step " + std::to_string(divergedAt_);
  return runStatusName(status_);
}

}  // namespace gradscape
