#pragma once
// Step-length searches along a descent direction d from x: phi(t) = f(x + t d), with
// phi'(t) = g(x + t d).d. Used by L-BFGS; written against a small interface so tests can drive
// them on any objective.
#include "core/types.h"

namespace gradscape {

// phi(t): the loss at x + t d; writes the gradient there into g.
class LineFunction {
 public:
  virtual ~LineFunction() = default;
  virtual double evaluate(double t, VecRef g) = 0;
};

struct LineSearchResult {
  double t = 0.0;       // accepted step length
  double f = 0.0;       // phi(t)
  int evaluations = 0;  // calls of phi
};

// Armijo backtracking: t <- shrink*t until phi(t) <= phi(0) + c1*t*phi'(0). After maxEvaluations
// trials the last one is accepted. A non-finite phi(t) counts as insufficient decrease.
struct ArmijoOptions {
  double c1 = 1e-4;
  double shrink = 0.5;
  int maxEvaluations = 50;
};

// On return g holds the gradient at the accepted step.
LineSearchResult backtrackingArmijo(LineFunction& phi, double t, double f0, double gtd0, VecRef g,
                                    const ArmijoOptions& options = {});

// torch.optim.lbfgs._strong_wolfe (a port of lswolfe.lua): bracket a step with the strong Wolfe
// conditions  phi(t) <= phi(0) + c1*t*phi'(0)  and  |phi'(t)| <= c2*|phi'(0)|, extrapolating by
// safeguarded cubic interpolation, then zoom into the bracket. Stops after maxIterations trials
// beyond the first or when the bracket is shorter than toleranceChange / max|d_i|, and returns the
// lowest point of the bracket (which may be t = 0). Non-finite losses count as failing the
// sufficient decrease test (torch compares NaN as "not greater").
struct WolfeOptions {
  double c1 = 1e-4;
  double c2 = 0.9;
  double toleranceChange = 1e-9;
  int maxIterations = 25;  // torch's max_ls: trials after the first
};

class StrongWolfeSearch {
 public:
  explicit StrongWolfeSearch(const WolfeOptions& options = {}) : o_(options) {}
  // Sizes the gradient buffers (no allocation during search()).
  void resize(int dim);
  // f0, g0, gtd0: loss, gradient and g0.d at t = 0 (gtd0 < 0). On return g holds the gradient
  // at the accepted step.
  LineSearchResult search(LineFunction& phi, VecCRef d, double t, double f0, VecCRef g0,
                          double gtd0, VecRef g);

 private:
  struct Trial {
    double t, f, gtd;  // step, phi(t), phi'(t)
  };
  void setBracket(int i, const Trial& p, VecCRef gp);

  WolfeOptions o_;
  Trial b_[2] = {};  // bracket ends
  Vec gNew_, gPrev_, gBracket_[2];
};

// Minimizer of the cubic through (x1, f1, f1') and (x2, f2, f2'), clamped to [lo, hi]; the
// midpoint of [lo, hi] when the cubic has no real minimizer (torch's _cubic_interpolate) or, unlike
// torch, when the formula gives a non-finite value (an infinite or NaN loss at a trial).
double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, double lo,
                        double hi);

}  // namespace gradscape
