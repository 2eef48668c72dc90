#pragma once
// An optimizer advances an iterate one step at a time. State (moments, histories) lives in the
// optimizer object, which belongs to one run and is reset per run.
#include <cmath>
#include <cstdint>

#include "core/optimizers/carried_norm.h"
#include "core/optimizers/clipping.h"
#include "core/optimizers/update_parts.h"
#include "core/oracles/gradient_oracle.h"
#include "core/types.h"

namespace gradscape {

// What one step observed at the iterate it started from.
struct StepInfo {
  double loss = 0.0;  // loss at x_k
  // ||g_k||_2 of the oracle's gradient, before clipping, carried squared (carried_norm.h:
  // ||g||^2, or -||g|| when the square overflows): the run stores it as it is and takes the root
  // only when the trace is read, which keeps a square root (and its latency) off every step.
  double gradNormSq = 0.0;
  bool stalled = false;  // the method declined to move (its own stopping test), see markStalled
  double gradNorm() const { return normFromCarried(gradNormSq); }
};

class Optimizer {
 public:
  virtual ~Optimizer() = default;

  // Clears all state and sizes it for dimension `dim`. Must be called before the first step.
  void reset(int dim);
  // One iteration: evaluates the oracle at x (= x_k), clips the gradient, and moves x to x_{k+1}
  // with learning rate lr. Never throws on non-finite numbers: they propagate into x and the
  // run reports divergence.
  // Inline: it sits on the per-step hot path of every run.
  StepInfo step(GradientOracle& oracle, VecRef x, double lr) {
    StepInfo info;
    info.loss = oracle.evaluate(x, g_);
    loss_ = info.loss;
    info.gradNormSq = squaredNorm(g_);
    if (clip_.mode != Clipping::Mode::None) info.gradNormSq = clip(info.gradNormSq);
    ++t_;
    stalled_ = false;
    update(oracle, x, g_, lr);
    info.stalled = stalled_;
    return info;
  }

  // For the StepInfo of the last step(): a gradNormSq that overflowed although the gradient was
  // finite becomes the carried -||g||. step() settles it itself when it clips (clipping rescales
  // the gradient); otherwise the caller does, only when gradNormSq is not finite: a test in
  // step() costs GD on Rosenbrock ~4 ns a step, where the run's divergence test is needed anyway.
  void settleGradNormSq(StepInfo& info) const {
    if (clip_.mode == Clipping::Mode::None) info.gradNormSq = settled(info.gradNormSq);
  }

  // True for methods that form the dense Hessian each step (limited to kMaxDenseHessianDim).
  virtual bool usesHessian() const { return false; }

  // The step that step(oracle, x, lr) would take next from this state, taken apart
  // (update_parts.h); the optimizer is left as it is. Evaluates the oracle at x as step() does
  // (and, for L-BFGS's line search, along the step), so with a stochastic oracle the caller
  // restores its draws before it steps (Run::explainNextStep does). Copies the state: for a
  // user stepping a run, never on the hot path.
  UpdateParts explain(GradientOracle& oracle, VecCRef x, double lr) const;

  void setClipping(const Clipping& clip) { clip_ = clip; }
  const Clipping& clipping() const { return clip_; }

 protected:
  // Sizes and zeroes the method's state.
  virtual void onReset(int dim) = 0;
  // Moves x given g, the clipped oracle gradient at x. iteration() is the 1-based number of this
  // step (torch's `step` counter after its increment).
  virtual void update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) = 0;

  // What step() hands update(), for explainUpdate.
  struct StepInput {
    GradientOracle& oracle;
    const Vec& x;  // x_k
    double loss;   // f(x_k), as the oracle reported it
    const Vec& g;  // the gradient update() receives (clipped)
    double lr;
  };
  // The formula, parts and method quantities of the update() that step iteration() + 1 would
  // make from in.x with in.g, without changing this optimizer; `step` receives x_{k+1} - x_k as
  // update() computes it. explain() adds t, lr, g and the clipping. The parts are computed from
  // the state by their own formulas, not as differences of the step.
  virtual UpdateParts explainUpdate(const StepInput& in, Vec& step) const = 0;
  // For explainUpdate: a copy of `self` that has taken the next step as step() would (counter
  // advanced, loss set, update() run on a copy of in.x); `step` receives x_{k+1} - x_k.
  template <class T>
  static T stepCopy(const T& self, const StepInput& in, Vec& step) {
    T next(self);
    Optimizer& base = next;
    ++base.t_;
    base.stalled_ = false;
    base.loss_ = in.loss;
    Vec x = in.x;
    base.update(in.oracle, x, in.g, in.lr);
    step = x - in.x;
    return next;
  }

  // For methods that evaluate more than once per step (line searches): evaluates and clips.
  double evaluateClipped(GradientOracle& oracle, VecCRef x, VecRef g) const;
  int64_t iteration() const { return t_; }
  // f(x_k) as the oracle reported it for this step (saves line searches an evaluation).
  double currentLoss() const { return loss_; }
  // Called from update() when the method leaves x unchanged by its own stopping test (as
  // torch's L-BFGS returns on tolerance_grad / tolerance_change): the run then ends as stalled
  // instead of repeating a step that cannot move.
  void markStalled() { stalled_ = true; }
  // Whether update() called markStalled() in this step (for explainUpdate, on a stepCopy).
  bool stalledThisStep() const { return stalled_; }

 private:
  // ||v||^2: a plain loop for landscapes (cheaper than Eigen's reduction at n = 2), Eigen's
  // vectorized reduction with its independent accumulators for large n (one serial chain of
  // adds would take a millisecond at n = 10^6).
  static double squaredNorm(const Vec& v) {
    if (v.size() > 16) return v.squaredNorm();
    double s = 0.0;
    for (Eigen::Index i = 0; i < v.size(); ++i) s += v[i] * v[i];
    return s;
  }
  // ||g_||^2 carried (carried_norm.h).
  double settled(double gradNormSq) const {
    return carriedVectorFinite(gradNormSq)
               ? gradNormSq
               : carriedNormAfterOverflow(gradNormSq, g_.data(), g_.size());
  }
  // Clips g_ and returns its norm before clipping, settled (while g_ is still the oracle's).
  double clip(double gradNormSq);

  Vec g_;
  Clipping clip_;
  int64_t t_ = 0;
  bool stalled_ = false;
  double loss_ = 0.0;
};

}  // namespace gradscape
