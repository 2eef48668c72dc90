#include "core/run/run.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "core/optimizers/carried_norm.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/oracles/noise_model.h"
#include "core/problem/objective_problem.h"
#include "core/run/curvature_tracker.h"
#include "core/schedules/schedule_registry.h"

namespace gradscape {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The per-step loops of Run::step, over raw pointers to distinct arrays (__restrict spares the
// overlap checks that cost more than the work at n = 2).
void copyVector(const double* __restrict from, double* __restrict to, Eigen::Index n) {
  for (Eigen::Index i = 0; i < n; ++i) to[i] = from[i];
}

struct Movement {
  double distanceSq;   // ||x_{k+1} - x_k||^2 (carried once settled, see Run::advance)
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

// The slow path of a step whose gradient or step norm squared is not finite: each square that
// overflowed for a finite vector becomes its carried norm (carried_norm.h). By value: a
// reference would keep StepInfo in memory on the hot path.
struct SettledNorms {
  double gradNormSq, distanceSq;
};
[[gnu::cold]] SettledNorms settleNorms(const Optimizer& optimizer, StepInfo info, double distanceSq,
                                       const double* start, const double* end, Eigen::Index n) {
  optimizer.settleGradNormSq(info);
  if (!carriedVectorFinite(distanceSq)) {
    distanceSq = carriedDistanceAfterOverflow(distanceSq, start, end, n);
  }
  return {info.gradNormSq, distanceSq};
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
    : Run(lossProblem(std::move(objective)), std::move(spec), traceCapacity) {}

Run::Run(std::shared_ptr<const Problem> problem, RunSpec spec, int64_t traceCapacity)
    : problem_(std::move(problem)),
      spec_(std::move(spec)),
      trace_(problem_->dim(), traceCapacity),
      finalLoss_(kNaN),
      finalGradNorm_(kNaN) {
  const int n = problem_->dim();
  if (spec_.start.size() != n) {
    throw std::invalid_argument("start point has " + std::to_string(spec_.start.size()) +
                                " coordinates, the objective needs " + std::to_string(n));
  }
  if (problem_->feasibleBox()) {
    throw std::invalid_argument("feasible sets are not supported by runs yet");
  }
  const bool hasHessian = problem_->curvature() == Problem::Curvature::Hessian;
  const auto& opt = lookup(optimizerRegistry(), spec_.optimizer, "optimizer");
  spec_.optimizerParams = ParamValues::withDefaults(opt.params, spec_.optimizerParams);
  optimizer_ = opt.make(spec_.optimizerParams);
  if (optimizer_->usesHessian() && n > kMaxDenseHessianDim) {
    throw std::invalid_argument(opt.title + " forms the dense Hessian, which is limited to " +
                                std::to_string(kMaxDenseHessianDim) +
                                " dimensions; this objective has " + std::to_string(n));
  }
  if (optimizer_->usesHessian() && !hasHessian) {
    throw std::invalid_argument(opt.title + " needs a Hessian, which this problem does not have");
  }
  if (spec_.curvature.every < 0 || spec_.curvature.traceProbes < 1) {
    throw std::invalid_argument("curvature: the interval must be >= 0 and probes >= 1");
  }
  if (spec_.curvature.every > 0 && !hasHessian) {
    throw std::invalid_argument("curvature: this problem has no Hessian to track");
  }
  optimizer_->setClipping(spec_.clipping);
  optimizer_->reset(n);
  baseLr_ = spec_.optimizerParams.get("lr");
  finiteBound_ = std::min(spec_.stop.divergenceBound, std::numeric_limits<double>::max());
  gradTolSq_ = spec_.stop.gradTol * spec_.stop.gradTol;
  // Within the bound every step has ||d||^2 <= n (2 bound)^2, which cannot overflow below this
  // bound (margin 4 for rounding); only the step out of it can, and endDiverged settles that one.
  // Many-dimensional traces may not keep the iterate it starts from, so they test every step.
  stepsMayOverflow_ = !trace_.pointsPerRow() ||
                      finiteBound_ > 0.25 * std::sqrt(std::numeric_limits<double>::max() / n);

  const auto& sched = lookup(scheduleRegistry(), spec_.schedule, "schedule");
  spec_.scheduleParams = ParamValues::withDefaults(sched.params, spec_.scheduleParams);
  schedule_ = makeSchedule(spec_.schedule, spec_.scheduleParams, spec_.warmupSteps,
                           spec_.warmupStartFactor);
  constantLr_ = dynamic_cast<const ConstantSchedule*>(schedule_.get()) != nullptr;

  const auto& noise = lookup(noiseRegistry(), spec_.noise, "noise model");
  spec_.noiseParams = ParamValues::withDefaults(noise.params, spec_.noiseParams);
  oracle_ = std::make_unique<ProblemOracle>(problem_, noise.make(spec_.noiseParams), spec_.seed,
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

bool Run::trackCurvature(std::optional<CurvatureSample>& sample) const {
  if (k_ % (spec_.curvature.every * trace_.curvatureStride()) != 0) return true;
  AnalysisControl control;
  control.cancel = cancel_;
  try {
    sample = measureCurvature(*problem_, x_, k_, spec_.curvature,
                              spec_.seed + static_cast<uint64_t>(k_), control);
  } catch (const AnalysisCancelled&) {
    return false;
  }
  return true;
}

bool Run::advance(const CurvatureSample* sample) {
  const double lr = constantLr_ ? baseLr_ : baseLr_ * schedule_->factor(k_);
  copyVector(x_.data(), xPrev_.data(), x_.size());
  const EvaluationCounts evals = oracle_->counts();  // the cost of reaching x_k
  oracle_->setStep(k_);
  StepInfo info = optimizer_->step(*oracle_, x_, lr);
  Movement moved = measureMove(xPrev_.data(), x_.data(), x_.size(), finiteBound_);
  // One branch for divergence and for squares that overflowed: a gradient whose square
  // overflowed is then carried as -||g|| and is no divergence (only a non-finite component is).
  if (!moved.startInBounds || !(std::abs(info.loss) <= finiteBound_) ||
      !carriedVectorFinite(info.gradNormSq) ||
      (stepsMayOverflow_ && !carriedVectorFinite(moved.distanceSq))) [[unlikely]] {
    const SettledNorms settled =
        settleNorms(*optimizer_, info, moved.distanceSq, xPrev_.data(), x_.data(), x_.size());
    info.gradNormSq = settled.gradNormSq;
    moved.distanceSq = settled.distanceSq;
    if (!moved.startInBounds || !(std::abs(info.loss) <= finiteBound_) ||
        !carriedVectorFinite(info.gradNormSq)) {
      x_ = xPrev_;
      endDiverged(sample);
      return false;
    }
  }
  if (sample) trace_.recordCurvature(*sample);

  // A carried overflow (negative) passes the first comparison; its norm is -gradNormSq.
  const bool converged = spec_.stop.gradTol > 0.0 && info.gradNormSq <= gradTolSq_ &&
                         (info.gradNormSq >= 0.0 || -info.gradNormSq <= spec_.stop.gradTol);
  const bool target = spec_.stop.targetLoss && info.loss <= *spec_.stop.targetLoss;
  if (converged || target || info.stalled) {
    // x_k meets the rule: keep it as the final iterate and undo the step just taken.
    x_ = xPrev_;
    trace_.record(k_, x_, info.loss, info.gradNormSq, 0.0, lr, evals, true);
    finalLoss_ = info.loss;
    finalGradNorm_ = info.gradNorm();
    status_ = converged ? RunStatus::Converged
              : target  ? RunStatus::TargetReached
                        : RunStatus::Stalled;
    return false;
  }

  trace_.record(k_, xPrev_, info.loss, info.gradNormSq, moved.distanceSq, lr, evals);
  ++k_;
  if (k_ >= spec_.stop.maxIterations) {
    finish(RunStatus::MaxIterations);
    return false;
  }
  return true;
}

bool Run::step() {
  if (status_ != RunStatus::Running) return false;
  if (spec_.curvature.every > 0) [[unlikely]]
    return trackedStep();
  return advance(nullptr);
}

bool Run::trackedStep() {
  // Measured at x_k before the step, recorded once x_k is known not to have diverged.
  std::optional<CurvatureSample> sample;
  if (!trackCurvature(sample)) return true;  // cancelled: no step taken, nothing recorded
  return advance(sample ? &*sample : nullptr);
}

void Run::endDiverged(const CurvatureSample* sample) {
  // x_k is non-finite or out of bounds: the run ends at the last recorded (finite) iterate.
  divergedAt_ = k_;
  status_ = RunStatus::Diverged;
  if (trace_.empty()) {
    recordDivergedStart(sample);
    return;
  }
  if (!trace_.pointsPerRow()) {
    // Many dimensions: fewer iterates are kept than rows. End at the newest kept one, valued
    // exactly.
    x_ = trace_.point(trace_.pointCount() - 1);
    finalLoss_ = problem_->field(x_, k_, g_);
    finalGradNorm_ = normFromCarried(carriedSquaredNorm(g_));
    return;
  }
  const int64_t last = trace_.size() - 1;
  if (!std::isfinite(trace_.stepNorm(last))) {
    // The step from the last row's x into x_ (the diverged iterate) overflowed its square
    // (see stepsMayOverflow_): carried now, as a finite norm when x_ is finite.
    trace_.settleStepNorm(
        trace_.iteration(last),
        carriedDistanceAfterOverflow(kInfinity, trace_.point(last).data(), x_.data(), x_.size()));
  }
  x_ = trace_.point(last);
  finalLoss_ = trace_.loss(last);
  finalGradNorm_ = trace_.gradNorm(last);
}

void Run::recordDivergedStart(const CurvatureSample* sample) {
  // Diverged at step 0: x_0 was given, so its values are still the run's result whenever f(x_0)
  // is finite (beyond the bound, or with a non-finite gradient). The start row is valued
  // exactly (no noise draw), like a final row.
  const double f = problem_->field(x_, k_, g_);
  if (!std::isfinite(f) || !x_.allFinite()) return;
  const double g2 = carriedSquaredNorm(g_);
  finalLoss_ = f;
  finalGradNorm_ = normFromCarried(g2);
  // The start cost nothing to reach.
  trace_.record(k_, x_, f, g2, 0.0, baseLr_ * schedule_->factor(k_), EvaluationCounts{}, true);
  if (sample) trace_.recordCurvature(*sample);
}

Run::CurrentRow Run::currentRow() const {
  Vec g(x_.size());
  const double f = problem_->field(x_, k_, g);
  return {f, normFromCarried(carriedSquaredNorm(g)), baseLr_ * schedule_->factor(k_)};
}

void Run::finish(RunStatus status) {
  // Final row: the exact loss and gradient at the last iterate (no noise draw).
  const double f = problem_->field(x_, k_, g_);
  if (outOfBounds(f, x_) || !g_.allFinite()) {
    endDiverged(nullptr);
    return;
  }
  finalLoss_ = f;
  const double g2 = carriedSquaredNorm(g_);
  finalGradNorm_ = normFromCarried(g2);
  trace_.record(k_, x_, f, g2, 0.0, baseLr_ * schedule_->factor(k_), oracle_->counts(), true);
  status_ = status;
}

void Run::runToEnd(const std::atomic<bool>* cancel) {
  runFor(std::numeric_limits<int64_t>::max(), cancel);
}

bool Run::runFor(int64_t steps, const std::atomic<bool>* cancel) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::atomic<bool>* const own = cancel_;
  if (cancel) cancel_ = cancel;
  int64_t taken = 0;
  if (cancel_) {
    // Read before every step: a relaxed load of a flag nobody writes while the run goes costs a
    // fraction of a nanosecond beside the cheapest step (~28 ns), and the latency is then one
    // step whatever a step costs (the step's curvature measurement polls the flag itself).
    while (taken < steps && !cancel_->load(std::memory_order_relaxed) && step()) ++taken;
    // Ends the run as Stopped at x_k when the flag ended the loop.
    if (cancel_->load(std::memory_order_relaxed)) stop();
  } else {
    while (taken < steps && step()) ++taken;
  }
  cancel_ = own;
  wallSeconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return status_ == RunStatus::Running;
}

UpdateParts Run::explainNextStep() {
  const double lr = constantLr_ ? baseLr_ : baseLr_ * schedule_->factor(k_);
  ProblemOracle::Draws draws = oracle_->draws();
  oracle_->setStep(k_);
  UpdateParts parts = optimizer_->explain(*oracle_, x_, lr);
  oracle_->restoreDraws(std::move(draws));
  return parts;
}

void Run::stop() {
  if (status_ == RunStatus::Running) finish(RunStatus::Stopped);
}

std::string Run::statusText() const {
  if (status_ == RunStatus::Diverged) return "diverged at step " + std::to_string(divergedAt_);
  return runStatusName(status_);
}

}  // namespace gradscape
