#include "core/optimizers/newton.h"

#include <algorithm>
#include <stdexcept>

namespace gradscape {

Newton::Newton(const NewtonOptions& options) : o_(options) {
  if (!(o_.lambda >= 0.0)) throw std::invalid_argument("lambda: must be >= 0");
}

void Newton::onReset(int dim) {
  h_ = Mat::Zero(dim, dim);
  // No `eig_ = SelfAdjointEigenSolver(dim)`: Eigen 3.4's move copies its uninitialised m_info
  // (UBSan: invalid enum load). compute() sizes the solver on first use.
  mu_ = Vec::Zero(dim);
  c_ = Vec::Zero(dim);
  d_ = Vec::Zero(dim);
}

void Newton::update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) {
  if (!oracle.hessian(x, h_)) {
    x -= lr * g;
    return;
  }
  eig_.compute(h_);
  if (eig_.info() != Eigen::Success) {
    x -= lr * g;
    return;
  }
  const auto& l = eig_.eigenvalues();
  const double floor = 1e-10 * std::max(1.0, l.cwiseAbs().maxCoeff());
  switch (o_.indefinite) {
    case NewtonOptions::Indefinite::Absolute:
      mu_ = l.cwiseAbs().array() + o_.lambda;
      break;
    case NewtonOptions::Indefinite::Shift:
      mu_ = l.array() + (o_.lambda + std::max(0.0, -l.minCoeff()));
      break;
  }
  mu_ = mu_.cwiseMax(floor);
  c_.noalias() = eig_.eigenvectors().transpose() * g;
  c_.array() /= mu_.array();
  d_.noalias() = eig_.eigenvectors() * c_;
  x -= lr * d_;
}

RegistryEntry<Optimizer> newtonEntry() {
  return {
      "newton",
      "Newton (damped)",
      "H = Q L Q^T;  x -= lr * Q (|L| + lambda I)^-1 Q^T g  (or L shifted to be PSD); "
      "gradient step without a Hessian",
      {ParamSpec::positive("lr", 1.0, 1e2, "fraction of the Newton step taken"),
       ParamSpec::real("lambda", 1e-4, 0.0, 1e3, "regularization added to every curvature", true),
       ParamSpec::choice("indefinite", 0, {"absolute", "shift"},
                         "negative curvature: absolute = |eigenvalues| (saddle-free); "
                         "shift = H + (lambda + max(0, -min eigenvalue)) I")},
      [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
        NewtonOptions o;
        o.lambda = p.get("lambda");
        o.indefinite = static_cast<NewtonOptions::Indefinite>(p.choice("indefinite"));
        return std::make_unique<Newton>(o);
      }};
}

}  // namespace gradscape
