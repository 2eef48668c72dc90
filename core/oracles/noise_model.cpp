#include "core/oracles/noise_model.h"

#include <cmath>

namespace gradscape {

void GaussianNoise::perturb(VecRef g, Rng& rng) const {
  std::normal_distribution<double> n(0.0, sigma_);
  for (Eigen::Index i = 0; i < g.size(); ++i) g[i] += n(rng);
}

void StudentTNoise::perturb(VecRef g, Rng& rng) const {
  std::student_t_distribution<double> t(nu_);
  for (Eigen::Index i = 0; i < g.size(); ++i) g[i] += scale_ * t(rng);
}

void AffineVarianceNoise::perturb(VecRef g, Rng& rng) const {
  const double sd = std::sqrt(s0_ * s0_ + s1_ * s1_ * g.squaredNorm());
  std::normal_distribution<double> n(0.0, 1.0);
  for (Eigen::Index i = 0; i < g.size(); ++i) g[i] += sd * n(rng);
}

const Registry<NoiseModel>& noiseRegistry() {
  static const Registry<NoiseModel> registry({
      {"none",
       "None",
       "exact gradients",
       {},
       [](const ParamValues&) { return std::unique_ptr<NoiseModel>(); }},
      {"gaussian",
       "Gaussian",
       "g + xi, xi ~ N(0, sigma^2 I)",
       {ParamSpec::real("sigma", 0.1, 0.0, 1e3, "standard deviation per coordinate")},
       [](const ParamValues& p) -> std::unique_ptr<NoiseModel> {
         return std::make_unique<GaussianNoise>(p.get("sigma"));
       }},
      {"student_t",
       "Student-t (heavy-tailed)",
       "g + scale * t_nu per coordinate; heavy tails for small nu",
       {ParamSpec::positive("nu", 3.0, 1e3, "degrees of freedom (tail weight)"),
        ParamSpec::real("scale", 0.1, 0.0, 1e3, "scale of each draw")},
       [](const ParamValues& p) -> std::unique_ptr<NoiseModel> {
         return std::make_unique<StudentTNoise>(p.get("nu"), p.get("scale"));
       }},
      {"affine",
       "Affine variance",
       "g + xi, xi ~ N(0, (s0^2 + s1^2 |g|^2) I)",
       {ParamSpec::real("s0", 0.1, 0.0, 1e3, "noise floor"),
        ParamSpec::real("s1", 0.5, 0.0, 1e3, "noise relative to the gradient norm")},
       [](const ParamValues& p) -> std::unique_ptr<NoiseModel> {
         return std::make_unique<AffineVarianceNoise>(p.get("s0"), p.get("s1"));
       }},
  });
  return registry;
}

}  // namespace gradscape
