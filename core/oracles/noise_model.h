#pragma once
// Synthetic gradient noise: g <- g + xi with xi drawn from a seeded generator.
#include <random>

#include "core/registry/registry.h"
#include "core/types.h"

namespace gradscape {

using Rng = std::mt19937_64;

class NoiseModel {
 public:
  virtual ~NoiseModel() = default;
  // Adds one noise draw to the exact gradient g.
  virtual void perturb(VecRef g, Rng& rng) const = 0;
};

// xi ~ N(0, sigma^2 I).
class GaussianNoise final : public NoiseModel {
 public:
  explicit GaussianNoise(double sigma) : sigma_(sigma) {}
  void perturb(VecRef g, Rng& rng) const override;

 private:
  double sigma_;
};

// xi_i = scale * t_nu, independent Student-t draws: heavy tails for nu small, variance
// scale^2 nu / (nu - 2) for nu > 2.
class StudentTNoise final : public NoiseModel {
 public:
  StudentTNoise(double nu, double scale) : nu_(nu), scale_(scale) {}
  void perturb(VecRef g, Rng& rng) const override;

 private:
  double nu_, scale_;
};

// Affine variance: xi ~ N(0, (s0^2 + s1^2 ||g||^2) I), noise that grows with the gradient.
class AffineVarianceNoise final : public NoiseModel {
 public:
  AffineVarianceNoise(double s0, double s1) : s0_(s0), s1_(s1) {}
  void perturb(VecRef g, Rng& rng) const override;

 private:
  double s0_, s1_;
};

// "none" makes a null model (exact gradients).
const Registry<NoiseModel>& noiseRegistry();

}  // namespace gradscape
