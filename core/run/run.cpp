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

// The per-step loops of Run::step, over raw pointers to distinct arrays (__restrict spares the
// overlap checks that cost more than the work at n = 2).
void copyVector(const double* __restrict from, double* __restrict to, Eigen::Index n) {
  for (Eigen::Index i = 0; i < n; ++i) to[i] = from[i];
}

struct Movement {
  double distanceSq;   // ||x_{k+1} - x_k||^2
  bool startInBounds;  // every |x_k,i| is finite and within the divergence bound
};

Movement measureMove(const double* __restrict start, const double* __restrict end, Eigen::Index n,
                     double bound) {
  Movement m{0.0, true};
  for (Eigen::Index i = 0; i < n; ++i) {
    const double d = end[i] - start[i];
    m.distanceSq += d * d;
    m.startInBounds &= std::abs(start[i]) <= bound;
  }
  return m;
}

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
  finiteBound_ = std::min(spec_.stop.divergenceBound, std::numeric_limits<double>::max());
  gradTolSq_ = spec_.stop.gradTol * spec_.stop.gradTol;

  const auto& sched = lookup(scheduleRegistry(), spec_.schedule, "schedule");
  spec_.scheduleParams = ParamValues::withDefaults(sched.params, spec_.scheduleParams);
  schedule_ = makeSchedule(spec_.schedule, spec_.scheduleParams, spec_.warmupSteps,
                           spec_.warmupStartFactor);
  constantLr_ = dynamic_cast<const ConstantSchedule*>(schedule_.get()) != nullptr;

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
  // `!(a <= bound)` is also true for NaN; finiteBound_ is never infinite, so +-inf fails too.
  if (!(std::abs(loss) <= finiteBound_)) return true;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    if (!(std::abs(x[i]) <= finiteBound_)) return true;
  }
  return false;
}

void Run::trackCurvature() {
  if (k_ % (spec_.curvature.every * trace_.curvatureStride()) != 0) return;
  trace_.recordCurvature(measureCurvature(*objective_, x_, k_, spec_.curvature,
                                          spec_.seed + static_cast<uint64_t>(k_)));
}

bool Run::step() {
  if (status_ != RunStatus::Running) return false;
  if (spec_.curvature.every > 0) trackCurvature();
  const double lr = constantLr_ ? baseLr_ : baseLr_ * schedule_->factor(k_);
  copyVector(x_.data(), xPrev_.data(), x_.size());
  const StepInfo info = optimizer_->step(*oracle_, x_, lr);
  const Movement moved = measureMove(xPrev_.data(), x_.data(), x_.size(), finiteBound_);
  if (!moved.startInBounds || !(std::abs(info.loss) <= finiteBound_) ||
      !std::isfinite(info.gradNormSq)) {
    x_ = xPrev_;
    endDiverged();
    return false;
  }

  const bool converged = spec_.stop.gradTol > 0.0 && info.gradNormSq <= gradTolSq_;
  const bool target = spec_.stop.targetLoss && info.loss <= *spec_.stop.targetLoss;
  if (converged || target || info.stalled) {
    // x_k meets the rule: keep it as the final iterate and undo the step just taken.
    x_ = xPrev_;
    trace_.record(k_, x_, info.loss, info.gradNormSq, 0.0, lr, true);
    finalLoss_ = info.loss;
    finalGradNorm_ = info.gradNorm();
    status_ = converged ? RunStatus::Converged
              : target  ? RunStatus::TargetReached
                        : RunStatus::Stalled;
    return false;
  }

  trace_.record(k_, xPrev_, info.loss, info.gradNormSq, moved.distanceSq, lr);
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
  if (!trace_.pointsPerRow()) {
    // Many dimensions: fewer iterates are kept than rows. End at the newest kept one, valued
    // exactly.
    x_ = trace_.point(trace_.pointCount() - 1);
    finalLoss_ = objective_->valueAndGradient(x_, g_);
    finalGradNorm_ = g_.norm();
    return;
  }
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
  const double g2 = g_.squaredNorm();
  finalGradNorm_ = std::sqrt(g2);
  trace_.record(k_, x_, f, g2, 0.0, baseLr_ * schedule_->factor(k_), true);
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
