#pragma once
// Checks shared by the optimizer suites: iterates against values computed by hand, convergence
// on a well-conditioned quadratic, registry-built optimizers and rejected options
// (rejection_checks.h).
#include <QtTest>

#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/optimizers/optimizer.h"
#include "core/optimizers/optimizer_registry.h"
#include "support/diagonal_quadratic.h"
#include "support/rejection_checks.h"

namespace gradscape::testing {

// "(x_0, x_1, ...)" with every coordinate to 17 significant digits, so a failure shows the
// iterate exactly enough to paste back into the expectation.
inline QString coordinates(const Vec& x) {
  QStringList parts;
  for (Eigen::Index i = 0; i < x.size(); ++i) parts << QString::number(x[i], 'g', 17);
  return "(" + parts.join(", ") + ")";
}

// Resets `opt` to x's dimension, then steps it from x on `oracle` with learning rate lrs[k] at
// step k + 1 and checks that iterate against expected[k] to `tol` in the Euclidean norm.
inline void expectIterates(Optimizer& opt, GradientOracle& oracle, Vec x,
                           const std::vector<double>& lrs, const std::vector<Vec>& expected,
                           double tol = 1e-12) {
  QVERIFY2(lrs.size() == expected.size(), "one learning rate per expected iterate");
  opt.reset(static_cast<int>(x.size()));
  for (size_t k = 0; k < expected.size(); ++k) {
    opt.step(oracle, x, lrs[k]);
    QVERIFY2((x - expected[k]).norm() < tol,
             qPrintable(QString("step %1: got %2").arg(k + 1).arg(coordinates(x))));
  }
}

// The same with one learning rate for every step.
inline void expectIterates(Optimizer& opt, GradientOracle& oracle, Vec x, double lr,
                           const std::vector<Vec>& expected, double tol = 1e-12) {
  expectIterates(opt, oracle, std::move(x), std::vector<double>(expected.size(), lr), expected,
                 tol);
}

// expectIterates on f = 1/2 sum_i c_i x_i^2 (gradient c_i x_i) from x0.
inline void expectSteps(Optimizer& opt, const Vec& c, const Vec& x0, const std::vector<double>& lrs,
                        const std::vector<Vec>& expected, double tol = 1e-12) {
  DiagonalQuadratic q(c);
  expectIterates(opt, q, x0, lrs, expected, tol);
}

inline void expectSteps(Optimizer& opt, const Vec& c, const Vec& x0, double lr,
                        const std::vector<Vec>& expected, double tol = 1e-12) {
  DiagonalQuadratic q(c);
  expectIterates(opt, q, x0, lr, expected, tol);
}

// `steps` steps of `opt` at a constant lr on f = 1/2 sum_i c_i x_i^2 from x0 end within 1e-6 of
// the minimum at the origin.
inline void expectReachesMinimum(Optimizer& opt, const Vec& c, const Vec& x0, double lr,
                                 int steps) {
  DiagonalQuadratic q(c);
  Vec x = x0;
  opt.reset(static_cast<int>(x.size()));
  for (int k = 0; k < steps; ++k) opt.step(q, x, lr);
  QVERIFY2(x.norm() < 1e-6, qPrintable(QString("||x|| = %1").arg(x.norm())));
}

// The named optimizer built by its registry entry from its defaults overridden by `values`, or
// nullptr for an unknown name. An unknown parameter throws, so a typo cannot silently test the
// defaults.
inline std::unique_ptr<Optimizer> makeOptimizer(
    std::string_view name, std::initializer_list<std::pair<const char*, double>> values = {}) {
  const auto* e = optimizerRegistry().find(name);
  if (!e) return nullptr;
  ParamValues p = ParamValues::defaults(e->params);
  for (const auto& [key, value] : values) {
    if (!findParam(e->params, key)) throw std::logic_error(std::string("no parameter ") + key);
    p.set(key, value);
  }
  return e->make(p);
}

}  // namespace gradscape::testing
