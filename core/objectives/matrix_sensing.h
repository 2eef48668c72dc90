#pragma once
// Low-rank matrix factorization and matrix sensing with a Burer-Monteiro factor: the standard
// nonconvex landscape with rotational symmetries, strict saddles at small X and, from a small
// initialisation, the incremental (rank-by-rank) learning seen in deep networks.
#include <cstdint>
#include <span>

#include "core/objectives/objective.h"
#include "core/registry/registry.h"

namespace gradscape {

struct MatrixSensingOptions {
  int size = 10;           // n: M* is n x n, 2..200
  int rank = 2;            // r = rank of M*, 1..200, <= size
  int width = 2;           // k: X is n x k, 1..200, >= rank
  int measurements = 0;    // m: 0 = fully observed factorization, else m Gaussian measurements
  double initScale = 0.1;  // std of defaultStart's entries, > 0
  uint64_t seed = 0;       // seed of U and of the measurement matrices, 0..2^31
  // Throws std::invalid_argument("<field>: ..., got <value>") naming the first bad field.
  void validate() const;
};

// Target M* = U U' with U (n x r) having N(0, 1/n) entries: its columns are nearly orthonormal,
// so the r nonzero eigenvalues of M* lie near 1 (roughly within (1 +- sqrt(r/n))^2) and
// ||M*||_F is about sqrt(r), whatever n. x = vec(X) row-major, X(i, j) = x[i k + j].
//   m = 0: f(X) = 1/4 ||X X' - M*||_F^2,  grad = (X X' - M*) X,
//          H[V] = (X V' + V X') X + (X X' - M*) V.
//   m > 0: A_i = (G_i + G_i')/2 with G_i iid N(0, 1) entries, y_i = <A_i, M*>,
//          r_i = <A_i, X X'> - y_i, f = 1/(4m) sum r_i^2 (a finite sum over measurements),
//          grad = (1/m) sum r_i A_i X,  H[V] = (1/m) sum (2 <A_i, X V'> A_i X + r_i A_i V).
//          E <A_i, D>^2 = ||D||_F^2 for symmetric D, so the sensing loss has the factorization
//          loss as its expectation.
// Minimum 0 at X = [U 0] and at every X = [U 0] Q with Q orthogonal.
class MatrixSensing final : public Objective {
 public:
  explicit MatrixSensing(const MatrixSensingOptions& options = {});

  int dim() const override { return n_ * k_; }
  double value(VecCRef x) const override;
  void gradient(VecCRef x, VecRef g) const override { valueAndGradient(x, g); }
  double valueAndGradient(VecCRef x, VecRef g) const override;
  Mat hessian(VecCRef x) const override { return hessianFromProducts(*this, x); }
  void hessianVectorProduct(VecCRef x, VecCRef v, VecRef hv) const override;
  Box domain() const override;
  std::vector<Vec> minimizers() const override;
  std::optional<double> minimumValue() const override { return 0.0; }
  // Small random start: entries N(0, initScale^2).
  Vec defaultStart(uint64_t seed) const override;
  int64_t sampleCount() const override { return m_; }
  double batchValueAndGradient(VecCRef x, std::span<const int> batch, VecRef g) const override;

  const Mat& target() const { return target_; }  // M* (n x n)
  const Mat& factor() const { return factor_; }  // U (n x r)
  int size() const { return n_; }
  int rank() const { return static_cast<int>(factor_.cols()); }
  int width() const { return k_; }
  int measurements() const { return m_; }
  // A_i (n x n, symmetric) and the observations y (m); m > 0 only.
  Mat sensingMatrix(int i) const;
  const Vec& observations() const { return observations_; }

 private:
  // r = A vec(X X') - y for every measurement.
  Vec residuals(const Mat& xxt) const;

  int n_;
  int k_;
  int m_;
  double initScale_;
  Mat factor_;
  Mat target_;
  Mat sensing_;  // n^2 x m: column i is vec(A_i)
  Vec observations_;
};

RegistryEntry<Objective> matrixSensingEntry();

}  // namespace gradscape
