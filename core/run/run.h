#pragma once
// One optimizer run on one problem (core/problem/problem.h): step-able (the GUI drives it one
// iteration at a time) and runnable in batch. Divergence is a status with its iteration, never an
// exception.
#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "core/objectives/objective.h"
#include "core/optimizers/optimizer.h"
#include "core/oracles/evaluation_counts.h"
#include "core/oracles/problem_oracle.h"
#include "core/problem/problem.h"
#include "core/run/run_spec.h"
#include "core/run/trace.h"
#include "core/schedules/schedule.h"

namespace gradscape {

enum class RunStatus {
  Running,
  Converged,
  TargetReached,
  MaxIterations,
  Stalled,  // the optimizer's own stopping test left x unchanged (L-BFGS tolerances)
  Diverged,
  Stopped
};

// "running", "converged", "target reached", "max iterations", "stalled", "diverged", "stopped".
const char* runStatusName(RunStatus status);

class Run {
 public:
  // Throws std::invalid_argument for unknown method names or options the methods reject, and
  // for what the problem cannot give (a Hessian for Newton or curvature tracking, a feasible set).
  Run(std::shared_ptr<const Problem> problem, RunSpec spec,
      int64_t traceCapacity = Trace::kDefaultCapacity);
  // A run on a fixed loss (its ObjectiveProblem).
  Run(std::shared_ptr<const Objective> objective, RunSpec spec,
      int64_t traceCapacity = Trace::kDefaultCapacity);

  // One iteration. Returns false once the run has finished (then it does nothing). Also returns
  // true, without taking the step, when the cancel flag (setCancelFlag) abandoned the step's
  // curvature measurement: nothing is recorded, and the next step() measures again.
  bool step();
  // Steps until finished, or until *cancel (else the flag of setCancelFlag) becomes true: it is
  // read before every step and by the step's curvature measurement, so the run returns within
  // about one step (or one Hessian-vector product) and ends as Stopped with its final row at the
  // current iterate. A flag already set ends the run at once. Adds the time to wallSeconds().
  void runToEnd(const std::atomic<bool>* cancel = nullptr);
  // runToEnd for at most `steps` steps (a caller showing progress runs in slices). Returns
  // whether the run is still running.
  bool runFor(int64_t steps, const std::atomic<bool>* cancel = nullptr);
  // The flag that abandons curvature measurements in step() while it is true (nullptr: none).
  // The caller keeps it alive while the run may step.
  void setCancelFlag(const std::atomic<bool>* cancel) { cancel_ = cancel; }
  // Ends a running run as Stopped (the user pressed Stop).
  void stop();
  // The step the next step() takes from x_k with this step's learning rate, taken apart
  // (update_parts.h), for a user stepping the run. The optimizer and the oracle's random draws
  // are left as they were, so the next step() draws the same gradients and takes this step
  // (unless a stop rule ends the run at x_k instead).
  UpdateParts explainNextStep();

  const RunSpec& spec() const { return spec_; }
  const Problem& problem() const { return *problem_; }
  // What the optimizer has asked of the oracle so far (L-BFGS's line search and Newton's
  // Hessians included). The run's own valuations (the final row, currentRow, curvature tracking)
  // are not counted, nor is explainNextStep; a step undone by a stop rule is.
  const EvaluationCounts& evaluations() const { return oracle_->counts(); }
  RunStatus status() const { return status_; }
  bool finished() const { return status_ != RunStatus::Running; }
  // Steps taken so far (x_k is the current iterate after k steps).
  int64_t iterations() const { return k_; }
  // Step at which a non-finite or out-of-bound value appeared (valid when Diverged).
  int64_t divergedAt() const { return divergedAt_; }
  // The current iterate; after divergence, the last finite one.
  const Vec& point() const { return x_; }
  const Trace& trace() const { return trace_; }
  double wallSeconds() const { return wallSeconds_; }
  // The current iterate x_k valued like the final row: exact loss and gradient norm (no noise
  // draw) and the learning rate base_lr * factor(k). While a run goes, its trace ends at
  // x_{k-1} (the row of x_k is written by the next step); views append this row to show x_k.
  struct CurrentRow {
    double loss, gradNorm, lr;
  };
  CurrentRow currentRow() const;
  // Loss and gradient norm of the final row (NaN while running).
  double finalLoss() const { return finalLoss_; }
  double finalGradNorm() const { return finalGradNorm_; }
  // e.g. "converged", "diverged at step 17".
  std::string statusText() const;

 private:
  bool outOfBounds(double loss, VecCRef x) const;
  // step() with curvature tracking on: measures at x_k when due, then advances.
  bool trackedStep();
  // Measures the curvature at x_k into `sample` when step k_ is due for it (and it is finite).
  // Returns false when the cancel flag abandoned the measurement.
  bool trackCurvature(std::optional<CurvatureSample>& sample) const;
  // The step proper from x_k; `sample` (or nullptr) is recorded with x_k's row, once x_k is
  // known not to have diverged.
  bool advance(const CurvatureSample* sample);
  void finish(RunStatus status);
  // `sample`: the curvature measured at the diverged iterate, recorded only with its row.
  void endDiverged(const CurvatureSample* sample);
  void recordDivergedStart(const CurvatureSample* sample);

  std::shared_ptr<const Problem> problem_;
  RunSpec spec_;
  std::unique_ptr<Optimizer> optimizer_;
  std::unique_ptr<Schedule> schedule_;
  std::unique_ptr<ProblemOracle> oracle_;
  double baseLr_ = 0.0;
  bool constantLr_ = false;   // the schedule is constant: lr is baseLr_ at every step
  double finiteBound_ = 0.0;  // the divergence bound, capped at the largest finite double
  double gradTolSq_ = 0.0;    // the gradient tolerance, squared
  Vec x_, xPrev_, g_;
  Trace trace_;
  int64_t k_ = 0;
  int64_t divergedAt_ = -1;
  RunStatus status_ = RunStatus::Running;
  double finalLoss_, finalGradNorm_;
  double wallSeconds_ = 0.0;
  const std::atomic<bool>* cancel_ = nullptr;
  // A step's norm squared may overflow while the run goes on (bound beyond ~sqrt(DBL_MAX / n),
  // or iterates not kept per row): then every step tests it (a branch waiting on x_{k+1} costs
  // GD on Rosenbrock ~4 ns a step, so runs with a smaller bound skip it).
  bool stepsMayOverflow_ = false;
};

}  // namespace gradscape
