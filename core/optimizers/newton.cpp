#include "core/optimizers/newton.h"

#include <algorithm>
#include <stdexcept>

namespace gradscape {

Newton::Newton(const NewtonOptions& options) : o_(options) {
  if (!(o_.lambda >= 0.0)) throw std::invalid_argument("lambda: must be >= 0");
}

void Newton::onReset(int dim) {
  w_.h = Mat::Zero(dim, dim);
  // No `w_.eig = SelfAdjointEigenSolver(dim)`: Eigen 3.4's move copies its uninitialised m_info
  // (UBSan: invalid enum load). compute() sizes the solver on first use.
  w_.mu = Vec::Zero(dim);
  w_.c = Vec::Zero(dim);
  w_.d = Vec::Zero(dim);
}

bool Newton::direction(GradientOracle& oracle, VecCRef x, VecCRef g, Workspace& w) const {
  if (!oracle.hessian(x, w.h)) return false;
  w.eig.compute(w.h);
  if (w.eig.info() != Eigen::Success) return false;
  const auto& l = w.eig.eigenvalues();
  const double floor = 1e-10 * std::max(1.0, l.cwiseAbs().maxCoeff());
  switch (o_.indefinite) {
    case NewtonOptions::Indefinite::Absolute:
      w.mu = l.cwiseAbs().array() + o_.lambda;
      break;
    case NewtonOptions::Indefinite::Shift:
      w.mu = l.array() + (o_.lambda + std::max(0.0, -l.minCoeff()));
      break;
  }
  w.mu = w.mu.cwiseMax(floor);
  w.c.noalias() = w.eig.eigenvectors().transpose() * g;
  w.c.array() /= w.mu.array();
  w.d.noalias() = w.eig.eigenvectors() * w.c;
  return true;
}

void Newton::update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) {
  if (!direction(oracle, x, g, w_)) {
    x -= lr * g;
    return;
  }
  x -= lr * w_.d;
}

UpdateParts Newton::explainUpdate(const StepInput& in, Vec& step) const {
  UpdateParts out;
  out.formula = "H = Q·diag(l)·Qᵀ\n";
  out.formula += o_.indefinite == NewtonOptions::Indefinite::Absolute
                     ? "μᵢ ← |lᵢ| + λ\n"
                     : "μᵢ ← lᵢ + λ + max(0, −minⱼ lⱼ)\n";
  out.formula += "x ← x − lr·Σᵢ qᵢ·(qᵢ·g)/μᵢ   (no Hessian: x ← x − lr·g)";
  Workspace w;
  if (!direction(in.oracle, in.x, in.g, w)) {
    out.note = "no Hessian here (or its eigendecomposition failed): a gradient step";
    out.addPart("gradient", "−lr·g", -in.lr * in.g);
    step = -in.lr * in.g;
    return out;
  }
  // The step along the eigenvectors of positive curvature, and along those of zero or negative
  // curvature (made positive by `indefinite`), each -lr * sum_i q_i (q_i.g)/mu_i over its set.
  const auto& l = w.eig.eigenvalues();
  const Mat& q = w.eig.eigenvectors();
  const Eigen::Index n = in.x.size();
  Vec positive = Vec::Zero(n), negative = Vec::Zero(n);
  for (Eigen::Index i = 0; i < l.size(); ++i) {
    (l[i] > 0.0 ? positive : negative) += w.c[i] * q.col(i);
  }
  out.addPart("newton", "−lr·Σ_{lᵢ>0} qᵢ·(qᵢ·g)/μᵢ", -in.lr * positive);
  if ((l.array() <= 0.0).any()) {
    out.addPart("negative_curvature", "−lr·Σ_{lᵢ≤0} qᵢ·(qᵢ·g)/μᵢ", -in.lr * negative);
  }
  out.addVector("eigenvalues", "l", l);
  out.addVector("curvatures", "μ", w.mu);
  out.addVector("direction", "Σᵢ qᵢ·(qᵢ·g)/μᵢ", w.d);
  step = -in.lr * w.d;
  return out;
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
