#pragma once
// A quadratic in n dimensions whose Hessian spectrum is chosen exactly: the test bed for
// condition-number effects (gradient descent converges like (1 - mu/L)^t, momentum like
// (1 - sqrt(mu/L))^t) and for the spectrum and sharpness tools.
#include <cstdint>

#include "core/objectives/objective.h"
#include "core/registry/registry.h"

namespace gradscape {

// How the n eigenvalues spread over [mu, L] with mu = L / condition.
enum class SpectrumDistribution {
  Uniform,     // evenly spaced on [mu, L]
  LogUniform,  // geometrically spaced on [mu, L]
  TwoClusters  // round((1 - largeFraction) n) evenly on [mu, 2 mu], the rest evenly on [L/2, L]
};

struct SpectrumQuadraticOptions {
  int dim = 100;               // n >= 2
  double condition = 100.0;    // L / mu >= 1
  double maxEigenvalue = 1.0;  // L > 0
  SpectrumDistribution distribution = SpectrumDistribution::Uniform;
  double largeFraction = 0.1;  // TwoClusters: the share of eigenvalues near L, in [0, 1]
  bool rotate = true;          // false: A is diagonal (Q = I)
  uint64_t seed = 0;           // draws the Householder vectors of Q
};

// f(x) = 1/2 x' A x with A = Q diag(lambda) Q'; minimum 0 at the origin. Q is the product
// H_1 ... H_k of k = min(n, 8) Householder reflections H_j = I - 2 u_j u_j' (u_j a unit vector
// drawn from N(0, I) by std::mt19937_64(seed)), so applying Q or Q' costs O(k n) and value,
// gradient and Hessian-vector products work matrix-free for n ~ 10^6.
//
// Eigenvalues are sorted ascending and exact at the ends. In a cluster of one element the
// element sits at the cluster's upper end. TwoClusters with condition < 4 (where 2 mu would
// pass L/2) lets both clusters meet at sqrt(mu L) instead: [mu, sqrt(mu L)] and [sqrt(mu L), L].
class SpectrumQuadratic final : public Objective {
 public:
  explicit SpectrumQuadratic(const SpectrumQuadraticOptions& options = {});

  int dim() const override { return static_cast<int>(lambda_.size()); }
  double value(VecCRef x) const override;
  void gradient(VecCRef x, VecRef g) const override;
  double valueAndGradient(VecCRef x, VecRef g) const override;
  // Q diag(lambda) Q' formed densely in O(k n^2): small n only.
  Mat hessian(VecCRef x) const override;
  void hessianVectorProduct(VecCRef x, VecCRef v, VecRef hv) const override;
  Box domain() const override;
  std::vector<Vec> minimizers() const override { return {Vec::Zero(dim())}; }
  std::optional<double> minimumValue() const override { return 0.0; }
  // Coordinates uniform in [-1, 1] from std::mt19937_64(seed).
  Vec defaultStart(uint64_t seed) const override;

  // The spectrum of A, ascending.
  const Vec& eigenvalues() const { return lambda_; }
  // Q e_i: the unit eigenvector of eigenvalues()[i]. Throws std::out_of_range for a bad i.
  Vec eigenvector(int i) const;
  // Q' x: coordinates of x in the eigenbasis.
  Vec toEigenbasis(VecCRef x) const;
  // Q y: the point with eigenbasis coordinates y.
  Vec fromEigenbasis(VecCRef y) const;

 private:
  void applyQ(VecRef v) const;
  void applyQTranspose(VecRef v) const;

  Vec lambda_;
  Mat reflectors_;  // n x k, column j is the unit vector u_{j+1}
};

RegistryEntry<Objective> spectrumQuadraticEntry();

}  // namespace gradscape
