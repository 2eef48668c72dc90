#pragma once
// Limited-memory BFGS, one outer iteration of torch.optim.LBFGS per step (max_iter = 1):
//   d = -H_k g by the two-loop recursion over the last m pairs s = x_{k+1} - x_k,
//   y = g_{k+1} - g_k with H_0 = (s'y / y'y) I from the newest pair; a pair with y's <= 1e-10 is
//   skipped. The first step has t = min(1, 1/||g||_1) * lr and d = -g, later ones t = lr; an
//   optional line search starts from that t. Nocedal & Wright, Numerical Optimization, 7.2.
// The pairs persist across steps (torch keeps them in its state between step() calls).
#include "core/optimizers/line_search.h"
#include "core/optimizers/optimizer.h"
#include "core/registry/registry.h"

namespace gradscape {

struct LbfgsOptions {
  enum class LineSearch { None, Backtracking, StrongWolfe };
  int historySize = 10;  // m: (s, y) pairs kept
  // None: x += t d (torch's default).  Backtracking: t <- t/2 until Armijo with c1 = 1e-4.
  // StrongWolfe: torch's _strong_wolfe, c1 = 1e-4, c2 = 0.9, at most 25 extra evaluations.
  LineSearch lineSearch = LineSearch::None;
  double toleranceGrad = 1e-7;    // no step while max_i |g_i| <= this
  double toleranceChange = 1e-9;  // no step when g'd > -this; strong Wolfe's bracket tolerance
};

class Lbfgs final : public Optimizer {
 public:
  explicit Lbfgs(const LbfgsOptions& options);

 protected:
  void onReset(int dim) override;
  void update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) override;
  UpdateParts explainUpdate(const StepInput& in, Vec& step) const override;

 private:
  int slot(int i) const { return (start_ + i) % o_.historySize; }  // i-th oldest pair
  void pushPair();
  void twoLoopDirection(VecCRef g);

  LbfgsOptions o_;
  StrongWolfeSearch wolfe_;
  Mat s_, y_;            // pairs, one per column, in a ring buffer
  Vec rho_, alpha_;      // 1/(y's) per pair; two-loop coefficients
  Vec sNew_, yNew_;      // candidate pair
  Vec d_, gPrev_;        // direction and gradient of the last iteration
  Vec xTrial_, gTrial_;  // line-search point and its gradient
  int start_ = 0, count_ = 0;
  int64_t nIter_ = 0;   // iterations that passed the gradient tolerance (torch's n_iter)
  double t_ = 0.0;      // step length of the last iteration
  double hDiag_ = 1.0;  // H_0 = hDiag * I
};

RegistryEntry<Optimizer> lbfgsEntry();

}  // namespace gradscape
