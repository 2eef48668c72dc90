#include "core/objectives/spectrum_quadratic.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

namespace gradscape {

namespace {

std::vector<ParamSpec> spectrumQuadraticParams() {
  return {
      ParamSpec::integer("dim", 100, 2, 1000000, "dimension n of x"),
      ParamSpec::real("condition", 100.0, 1.0, 1e8,
                      "condition number L / mu: the smallest eigenvalue is mu = L / condition",
                      true),
      ParamSpec::positive("max_eigenvalue", 1.0, 1e6, "largest Hessian eigenvalue L"),
      ParamSpec::choice("distribution", 0, {"uniform", "log_uniform", "two_clusters"},
                        "eigenvalues evenly or geometrically spaced on [mu, L], or two clusters "
                        "[mu, 2 mu] and [L/2, L]"),
      ParamSpec::real("large_fraction", 0.1, 0.0, 1.0,
                      "two_clusters: the share of eigenvalues in the large cluster [L/2, L]"),
      ParamSpec::flag("rotate", true,
                      "rotate the eigenbasis by seeded Householder reflections (off: A diagonal)"),
      ParamSpec::integer("seed", 0, 0, 2147483648.0, "seed of the random rotation"),
  };
}

// `count` values evenly spaced on [a, b] from out[first], exact at both ends; a single value
// sits at b.
void evenlySpaced(Vec& out, int first, int count, double a, double b) {
  for (int i = 0; i < count; ++i) {
    out[first + i] = (i == count - 1) ? b : a + (b - a) * i / (count - 1);
  }
}

Vec makeSpectrum(const SpectrumQuadraticOptions& o) {
  const int n = o.dim;
  const double big = o.maxEigenvalue;
  const double small = big / o.condition;
  Vec lambda(n);
  switch (o.distribution) {
    case SpectrumDistribution::Uniform:
      evenlySpaced(lambda, 0, n, small, big);
      break;
    case SpectrumDistribution::LogUniform:
      // mu (L / mu)^(i / (n - 1)), exact at both ends.
      for (int i = 0; i < n; ++i)
        lambda[i] = small * std::pow(o.condition, static_cast<double>(i) / (n - 1));
      lambda[0] = small;
      lambda[n - 1] = big;
      break;
    case SpectrumDistribution::TwoClusters: {
      const int nSmall = static_cast<int>(std::lround((1.0 - o.largeFraction) * n));
      // Below condition 4 the intervals [mu, 2 mu] and [L/2, L] would overlap.
      const bool apart = 2.0 * small <= 0.5 * big;
      const double meet = std::sqrt(small * big);
      evenlySpaced(lambda, 0, nSmall, small, apart ? 2.0 * small : meet);
      evenlySpaced(lambda, nSmall, n - nSmall, apart ? 0.5 * big : meet, big);
      break;
    }
  }
  return lambda;
}

}  // namespace

SpectrumQuadratic::SpectrumQuadratic(const SpectrumQuadraticOptions& o) {
  const auto specs = spectrumQuadraticParams();
  requireInSpec(specs, "dim", o.dim);
  requireInSpec(specs, "condition", o.condition);
  requireInSpec(specs, "max_eigenvalue", o.maxEigenvalue);
  requireInSpec(specs, "distribution", static_cast<int>(o.distribution));
  requireInSpec(specs, "large_fraction", o.largeFraction);
  requireInSpec(specs, "seed", static_cast<double>(o.seed));
  lambda_ = makeSpectrum(o);

  const int k = o.rotate ? std::min(o.dim, 8) : 0;
  reflectors_.resize(o.dim, k);
  std::mt19937_64 rng(o.seed);
  std::normal_distribution<double> normal;
  for (int j = 0; j < k; ++j) {
    auto u = reflectors_.col(j);
    for (int i = 0; i < o.dim; ++i) u[i] = normal(rng);
    const double norm = u.norm();
    if (norm > 0.0) {
      u /= norm;
    } else {  // probability zero; any unit vector keeps Q orthogonal
      u.setZero();
      u[0] = 1.0;
    }
  }
}

// Q = H_1 ... H_k, so Q v applies H_k first and Q' v applies H_1 first.
void SpectrumQuadratic::applyQ(VecRef v) const {
  for (Eigen::Index j = reflectors_.cols() - 1; j >= 0; --j) {
    const auto u = reflectors_.col(j);
    v.noalias() -= (2.0 * u.dot(v)) * u;
  }
}

void SpectrumQuadratic::applyQTranspose(VecRef v) const {
  for (Eigen::Index j = 0; j < reflectors_.cols(); ++j) {
    const auto u = reflectors_.col(j);
    v.noalias() -= (2.0 * u.dot(v)) * u;
  }
}

Vec SpectrumQuadratic::toEigenbasis(VecCRef x) const {
  Vec y = x;
  applyQTranspose(y);
  return y;
}

Vec SpectrumQuadratic::fromEigenbasis(VecCRef y) const {
  Vec x = y;
  applyQ(x);
  return x;
}

// With y = Q' x: f = 1/2 sum_i lambda_i y_i^2 (never negative, even after round-off).
double SpectrumQuadratic::value(VecCRef x) const {
  const Vec y = toEigenbasis(x);
  return 0.5 * lambda_.dot(y.cwiseAbs2());
}

void SpectrumQuadratic::gradient(VecCRef x, VecRef g) const {
  valueAndGradient(x, g);
}

double SpectrumQuadratic::valueAndGradient(VecCRef x, VecRef g) const {
  g = x;
  applyQTranspose(g);
  const double f = 0.5 * lambda_.dot(g.cwiseAbs2());
  g.array() *= lambda_.array();
  applyQ(g);
  return f;
}

void SpectrumQuadratic::hessianVectorProduct(VecCRef /*x*/, VecCRef v, VecRef hv) const {
  hv = v;
  applyQTranspose(hv);
  hv.array() *= lambda_.array();
  applyQ(hv);
}

Mat SpectrumQuadratic::hessian(VecCRef /*x*/) const {
  // A = H_1 (... (H_k D H_k) ...) H_1, each H M H = (I - 2uu') M (I - 2uu') in O(n^2).
  Mat a = lambda_.asDiagonal();
  Vec w(dim());
  for (Eigen::Index j = reflectors_.cols() - 1; j >= 0; --j) {
    const auto u = reflectors_.col(j);
    w.noalias() = a.transpose() * u;
    a.noalias() -= 2.0 * u * w.transpose();
    w.noalias() = a * u;
    a.noalias() -= 2.0 * w * u.transpose();
  }
  // Round-off leaves a few ulps of asymmetry; the true Hessian is exactly symmetric.
  return 0.5 * (a + a.transpose());
}

Box SpectrumQuadratic::domain() const {
  return {Vec::Constant(dim(), -1.0), Vec::Constant(dim(), 1.0)};
}

Vec SpectrumQuadratic::defaultStart(uint64_t seed) const {
  // Uniform from the top 53 bits: the same point on every standard library.
  std::mt19937_64 rng(seed);
  Vec x(dim());
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    x[i] = -1.0 + 2.0 * static_cast<double>(rng() >> 11) * 0x1.0p-53;
  }
  return x;
}

Vec SpectrumQuadratic::eigenvector(int i) const {
  if (i < 0 || i >= dim()) {
    throw std::out_of_range("eigenvector: index must be in [0, " + std::to_string(dim()) +
                            "), got " + std::to_string(i));
  }
  Vec v = Vec::Zero(dim());
  v[i] = 1.0;
  applyQ(v);
  return v;
}

RegistryEntry<Objective> spectrumQuadraticEntry() {
  return {"spectrum_quadratic", "Quadratic with a chosen spectrum",
          "1/2 x' Q diag(lambda) Q' x in n dimensions, lambda spread over [L / condition, L]; "
          "minimum 0 at the origin",
          spectrumQuadraticParams(), [](const ParamValues& p) -> std::unique_ptr<Objective> {
            SpectrumQuadraticOptions o;
            o.dim = static_cast<int>(p.integer("dim"));
            o.condition = p.get("condition");
            o.maxEigenvalue = p.get("max_eigenvalue");
            o.distribution = static_cast<SpectrumDistribution>(p.choice("distribution"));
            o.largeFraction = p.get("large_fraction");
            o.rotate = p.flag("rotate");
            o.seed = static_cast<uint64_t>(p.integer("seed"));
            return std::make_unique<SpectrumQuadratic>(o);
          }};
}

}  // namespace gradscape
