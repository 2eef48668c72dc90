#include "core/optimizers/line_search.h"

#include <algorithm>
#include <cmath>

namespace gradscape {

namespace {

// Sufficient decrease (Armijo); false for a non-finite phi(t).
bool armijo(double f, double f0, double c1, double t, double gtd0) {
  return f <= f0 + c1 * t * gtd0;
}

// a <= b with NaN ordered last, so a NaN loss never becomes the low end of a bracket.
bool lowerOrEqual(double a, double b) {
  return a <= b || std::isnan(b);
}

}  // namespace

double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, double lo,
                        double hi) {
  // Nocedal & Wright (3.59): d1 = g1 + g2 - 3 (f1 - f2)/(x1 - x2), d2 = sqrt(d1^2 - g1 g2).
  const double d1 = g1 + g2 - 3.0 * (f1 - f2) / (x1 - x2);
  const double d2Square = d1 * d1 - g1 * g2;
  if (d2Square >= 0.0) {
    const double d2 = std::sqrt(d2Square);
    const double minPos = x1 <= x2 ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2.0 * d2))
                                   : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2.0 * d2));
    if (std::isfinite(minPos)) return std::min(std::max(minPos, lo), hi);
  }
  return (lo + hi) / 2.0;
}

LineSearchResult backtrackingArmijo(LineFunction& phi, double t, double f0, double gtd0, VecRef g,
                                    const ArmijoOptions& options) {
  LineSearchResult r;
  r.t = t;
  r.f = phi.evaluate(t, g);
  r.evaluations = 1;
  while (!armijo(r.f, f0, options.c1, r.t, gtd0) && r.evaluations < options.maxEvaluations) {
    r.t *= options.shrink;
    r.f = phi.evaluate(r.t, g);
    ++r.evaluations;
  }
  return r;
}

void StrongWolfeSearch::resize(int dim) {
  gNew_ = Vec::Zero(dim);
  gPrev_ = Vec::Zero(dim);
  gBracket_[0] = Vec::Zero(dim);
  gBracket_[1] = Vec::Zero(dim);
}

LineSearchResult StrongWolfeSearch::search(LineFunction& phi, VecCRef d, double t, double f0,
                                           VecCRef g0, double gtd0, VecRef g) {
  const double c1 = o_.c1, c2 = o_.c2;
  const double dNorm = d.cwiseAbs().maxCoeff();
  Trial next{t, phi.evaluate(t, gNew_), 0.0};
  next.gtd = gNew_.dot(d);
  int evaluations = 1;

  // Bracketing phase: extrapolate until a trial fails sufficient decrease, stops decreasing or
  // has phi' >= 0 (a bracket [prev, next]), or satisfies both conditions (done).
  Trial prev{0.0, f0, gtd0};
  gPrev_ = g0;
  bool done = false;
  int lsIter = 0;
  while (lsIter < o_.maxIterations) {
    // Checked in torch's order: curvature before the sign of phi'.
    const bool sufficient =
        armijo(next.f, f0, c1, next.t, gtd0) && !(lsIter > 1 && next.f >= prev.f);
    if (sufficient && std::abs(next.gtd) <= -c2 * gtd0) {
      setBracket(0, next, gNew_);
      setBracket(1, next, gNew_);
      done = true;
      break;
    }
    if (!sufficient || next.gtd >= 0.0) {
      setBracket(0, prev, gPrev_);
      setBracket(1, next, gNew_);
      break;
    }
    // A cubic step within [t + 0.01 (t - t_prev), 10 t].
    const double minStep = next.t + 0.01 * (next.t - prev.t), maxStep = next.t * 10.0;
    const double tNew =
        cubicInterpolate(prev.t, prev.f, prev.gtd, next.t, next.f, next.gtd, minStep, maxStep);
    prev = next;
    gPrev_ = gNew_;
    next.t = tNew;
    next.f = phi.evaluate(tNew, gNew_);
    next.gtd = gNew_.dot(d);
    ++evaluations;
    ++lsIter;
  }
  if (lsIter == o_.maxIterations) {
    // Out of trials while extrapolating: keep the better of t = 0 and the last trial.
    setBracket(0, Trial{0.0, f0, gtd0}, g0);
    setBracket(1, next, gNew_);
  }

  // Zoom phase: shrink the bracket around a point satisfying both conditions; b_[low] is the
  // end with the lower loss.
  bool insufficientProgress = false;
  int low = lowerOrEqual(b_[0].f, b_[1].f) ? 0 : 1, high = 1 - low;
  while (!done && lsIter < o_.maxIterations) {
    if (std::abs(b_[1].t - b_[0].t) * dNorm < o_.toleranceChange) break;
    const double lo = std::min(b_[0].t, b_[1].t), hi = std::max(b_[0].t, b_[1].t);
    double tNew =
        cubicInterpolate(b_[0].t, b_[0].f, b_[0].gtd, b_[1].t, b_[1].f, b_[1].gtd, lo, hi);
    // Keep the trial 10% of the bracket away from its ends when it sits on an end or the last
    // trial also hugged one.
    const double eps = 0.1 * (hi - lo);
    if (std::min(hi - tNew, tNew - lo) < eps) {
      if (insufficientProgress || tNew >= hi || tNew <= lo) {
        tNew = std::abs(tNew - hi) < std::abs(tNew - lo) ? hi - eps : lo + eps;
        insufficientProgress = false;
      } else {
        insufficientProgress = true;
      }
    } else {
      insufficientProgress = false;
    }
    next.t = tNew;
    next.f = phi.evaluate(tNew, gNew_);
    next.gtd = gNew_.dot(d);
    ++evaluations;
    ++lsIter;

    if (!armijo(next.f, f0, c1, next.t, gtd0) || next.f >= b_[low].f) {
      // Not sufficiently lower, or not below the low end: the trial becomes the high end.
      setBracket(high, next, gNew_);
      low = lowerOrEqual(b_[0].f, b_[1].f) ? 0 : 1;
      high = 1 - low;
    } else {
      if (std::abs(next.gtd) <= -c2 * gtd0) {
        done = true;
      } else if (next.gtd * (b_[high].t - b_[low].t) >= 0.0) {
        // The minimizer lies beyond the trial from the high end: the old low becomes the high.
        setBracket(high, b_[low], gBracket_[low]);
      }
      setBracket(low, next, gNew_);
    }
  }

  g = gBracket_[low];
  return {b_[low].t, b_[low].f, evaluations};
}

void StrongWolfeSearch::setBracket(int i, const Trial& p, VecCRef gp) {
  b_[i] = p;
  gBracket_[i] = gp;
}

}  // namespace gradscape
