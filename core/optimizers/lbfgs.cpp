#include "core/optimizers/lbfgs.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace gradscape {

Lbfgs::Lbfgs(const LbfgsOptions& options)
    : o_(options), wolfe_(WolfeOptions{1e-4, 0.9, options.toleranceChange, 25}) {
  if (o_.historySize < 1) throw std::invalid_argument("history_size: must be >= 1");
}

void Lbfgs::onReset(int dim) {
  const int m = o_.historySize;
  s_ = Mat::Zero(dim, m);
  y_ = Mat::Zero(dim, m);
  rho_ = Vec::Zero(m);
  alpha_ = Vec::Zero(m);
  sNew_ = Vec::Zero(dim);
  yNew_ = Vec::Zero(dim);
  d_ = Vec::Zero(dim);
  gPrev_ = Vec::Zero(dim);
  xTrial_ = Vec::Zero(dim);
  gTrial_ = Vec::Zero(dim);
  wolfe_.resize(dim);
  start_ = count_ = 0;
  nIter_ = 0;
  t_ = 0.0;
  hDiag_ = 1.0;
}

void Lbfgs::pushPair() {
  int j;
  if (count_ < o_.historySize) {
    j = slot(count_++);
  } else {
    j = start_;  // overwrite the oldest
    start_ = (start_ + 1) % o_.historySize;
  }
  s_.col(j) = sNew_;
  y_.col(j) = yNew_;
  const double ys = yNew_.dot(sNew_);
  rho_[j] = 1.0 / ys;
  hDiag_ = ys / yNew_.squaredNorm();
}

void Lbfgs::twoLoopDirection(VecCRef g) {
  d_ = -g;
  for (int i = count_ - 1; i >= 0; --i) {
    const int j = slot(i);
    alpha_[j] = s_.col(j).dot(d_) * rho_[j];
    d_ -= alpha_[j] * y_.col(j);
  }
  d_ *= hDiag_;
  for (int i = 0; i < count_; ++i) {
    const int j = slot(i);
    const double beta = y_.col(j).dot(d_) * rho_[j];
    d_ += (alpha_[j] - beta) * s_.col(j);
  }
}

void Lbfgs::update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) {
  if (g.cwiseAbs().maxCoeff() <= o_.toleranceGrad) {
    markStalled();
    return;
  }
  ++nIter_;
  if (nIter_ == 1) {
    d_ = -g;
    start_ = count_ = 0;
    hDiag_ = 1.0;
  } else {
    yNew_ = g - gPrev_;
    sNew_ = t_ * d_;
    if (yNew_.dot(sNew_) > 1e-10) pushPair();
    twoLoopDirection(g);
  }
  gPrev_ = g;
  t_ = nIter_ == 1 ? std::min(1.0, 1.0 / g.lpNorm<1>()) * lr : lr;
  const double gtd = g.dot(d_);
  if (gtd > -o_.toleranceChange) {  // not a descent direction (to tolerance)
    markStalled();
    return;
  }

  // phi(t) = f(x + t d) with the clipped gradient, for the line searches.
  struct Probe final : LineFunction {
    Probe(Lbfgs& self, GradientOracle& oracle, VecCRef x0)
        : self_(self), oracle_(oracle), x0_(x0) {}
    double evaluate(double t, VecRef gt) override {
      self_.xTrial_ = x0_ + t * self_.d_;
      return self_.evaluateClipped(oracle_, self_.xTrial_, gt);
    }
    Lbfgs& self_;
    GradientOracle& oracle_;
    Eigen::Ref<const Vec> x0_;
  };
  switch (o_.lineSearch) {
    case LbfgsOptions::LineSearch::None:
      break;
    case LbfgsOptions::LineSearch::Backtracking: {
      Probe phi(*this, oracle, x);
      t_ = backtrackingArmijo(phi, t_, currentLoss(), gtd, gTrial_).t;
      break;
    }
    case LbfgsOptions::LineSearch::StrongWolfe: {
      Probe phi(*this, oracle, x);
      t_ = wolfe_.search(phi, d_, t_, currentLoss(), g, gtd, gTrial_).t;
      break;
    }
  }
  if (t_ == 0.0) {
    markStalled();  // the line search found no acceptable step
    return;
  }
  x += t_ * d_;
}

UpdateParts Lbfgs::explainUpdate(const StepInput& in, Vec& step) const {
  // The copy runs the same line search, on the same oracle, as the step will.
  const Lbfgs next = stepCopy(*this, in, step);
  UpdateParts out;
  out.formula =
      "d ← −H·g   (two-loop recursion over the last m pairs s, y;  H₀ = γ·I,  γ = sᵀy/yᵀy "
      "of the newest pair; d = −g at the first iteration)\n"
      "x ← x + α·d   (α from α₀ = lr, or min(1, 1/‖g‖₁)·lr at the first iteration" +
      std::string(o_.lineSearch == LbfgsOptions::LineSearch::None ? ")"
                  : o_.lineSearch == LbfgsOptions::LineSearch::Backtracking
                      ? ", halved until Armijo holds)"
                      : ", by the strong Wolfe search)");
  if (next.stalledThisStep()) {
    out.note = in.g.cwiseAbs().maxCoeff() <= o_.toleranceGrad ? "no step: max |gᵢ| ≤ tolerance_grad"
               : next.t_ == 0.0 ? "no step: the line search found no acceptable step length"
                                : "no step: d is no descent direction (g·d > −tolerance_change)";
    return out;
  }
  // d = gamma * (-g) + the curvature the pairs add; the first iteration has d = -g, gamma = 1.
  const double alpha = next.t_, gamma = next.hDiag_;
  out.addPart("gradient", "−α·γ·g", -alpha * gamma * in.g);
  out.addPart("curvature_correction", "α·(d + γ·g)", alpha * (next.d_ + gamma * in.g));
  out.addVector("direction", "d", next.d_);
  out.addScalar("gamma", "γ", gamma);
  out.addScalar("pairs", "m", static_cast<double>(next.count_));
  out.addScalar("step_length", "α", alpha);
  return out;
}

RegistryEntry<Optimizer> lbfgsEntry() {
  return {"lbfgs",
          "L-BFGS",
          "d = -H g (two-loop recursion over the last m pairs s, y);  x += t*d, t = lr or from a "
          "line search   (torch.optim.LBFGS, one iteration per step)",
          {ParamSpec::positive("lr", 1.0, 1e2, "step length t (start of the line search)"),
           ParamSpec::integer("history_size", 10, 1, 100, "pairs (s, y) kept"),
           ParamSpec::choice("line_search", 0, {"none", "backtracking", "strong_wolfe"},
                             "none: t = lr; backtracking: halve until Armijo; strong_wolfe: "
                             "torch's cubic-interpolation search"),
           ParamSpec::positive("tolerance_grad", 1e-7, 1.0, "no step while max |g_i| <= this"),
           ParamSpec::positive("tolerance_change", 1e-9, 1.0,
                               "no step when g.d > -this; line-search bracket tolerance")},
          [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
            LbfgsOptions o;
            o.historySize = static_cast<int>(p.integer("history_size"));
            o.lineSearch = static_cast<LbfgsOptions::LineSearch>(p.choice("line_search"));
            o.toleranceGrad = p.get("tolerance_grad");
            o.toleranceChange = p.get("tolerance_change");
            return std::make_unique<Lbfgs>(o);
          }};
}

}  // namespace gradscape
