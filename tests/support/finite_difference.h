#pragma once
// Central finite differences, the independent check for analytic derivatives.
#include "core/objectives/objective.h"

namespace gradscape::testing {

inline Vec fdGradient(const Objective& f, VecCRef x, double h = 1e-6) {
  Vec g(x.size()), xp = x, xm = x;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    xp[i] = x[i] + h;
    xm[i] = x[i] - h;
    g[i] = (f.value(xp) - f.value(xm)) / (2.0 * h);
    xp[i] = xm[i] = x[i];
  }
  return g;
}

// Hessian by central differences of the analytic gradient (column by column).
inline Mat fdHessian(const Objective& f, VecCRef x, double h = 1e-5) {
  const auto n = x.size();
  Mat H(n, n);
  Vec xp = x, xm = x, gp(n), gm(n);
  for (Eigen::Index j = 0; j < n; ++j) {
    xp[j] = x[j] + h;
    xm[j] = x[j] - h;
    f.gradient(xp, gp);
    f.gradient(xm, gm);
    H.col(j) = (gp - gm) / (2.0 * h);
    xp[j] = xm[j] = x[j];
  }
  return H;
}

// Relative error ||a - b|| / max(1, ||b||).
inline double relativeError(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  return (a - b).norm() / std::max(1.0, b.norm());
}

}  // namespace gradscape::testing
