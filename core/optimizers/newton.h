#pragma once
// Damped Newton with a modified spectrum, so every step is a descent direction:
//   H = Q diag(l) Q^T (from oracle.hessian()),  d = Q diag(1/mu_i) Q^T g,  x -= lr*d, with
//   absolute: mu_i = |l_i| + lambda                     (saddle-free Newton, Dauphin et al. 2014)
//   shift:    mu_i = l_i + lambda + max(0, -min_j l_j)  (Levenberg: H + tau I is made PSD)
// and mu_i floored at 1e-10 * max(1, max_j |l_j|) so a singular H (lambda = 0) stays solvable.
// Since all mu_i > 0, g.d = sum_i (q_i.g)^2 / mu_i > 0. With lambda = 0 and a positive definite
// H both are the pure Newton step. When the oracle has no Hessian, or the eigensolver fails
// (non-finite H), the step falls back to gradient descent x -= lr*g.
#include <Eigen/Eigenvalues>

#include "core/optimizers/optimizer.h"
#include "core/registry/registry.h"

namespace gradscape {

struct NewtonOptions {
  enum class Indefinite { Absolute, Shift };
  double lambda = 1e-4;  // regularization: mu_i = modified eigenvalue + lambda
  Indefinite indefinite = Indefinite::Absolute;  // how negative curvature is made positive
};

class Newton final : public Optimizer {
 public:
  explicit Newton(const NewtonOptions& options);
  bool usesHessian() const override { return true; }

 protected:
  void onReset(int dim) override;
  void update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) override;
  UpdateParts explainUpdate(const StepInput& in, Vec& step) const override;

 private:
  struct Workspace {
    Mat h;
    Eigen::SelfAdjointEigenSolver<Mat> eig;
    Vec mu;  // modified curvatures
    Vec c;   // Q^T g, then divided by mu
    Vec d;   // Newton direction
  };
  // The direction d = Q diag(1/mu) Q^T g into w.d (and H, its eigenpairs, mu into w); false when
  // the oracle has no Hessian or the eigensolver failed. Shared by update() and explainUpdate()
  // (which has its own workspace: the solver is not copied before its first compute()).
  bool direction(GradientOracle& oracle, VecCRef x, VecCRef g, Workspace& w) const;

  NewtonOptions o_;
  Workspace w_;
};

RegistryEntry<Optimizer> newtonEntry();

}  // namespace gradscape
