#pragma once
// Symmetric linear operators seen only through products A v: the interface the matrix-free
// curvature analyses (Lanczos, Hutchinson, stochastic Lanczos quadrature) work on.
#include <atomic>
#include <cstdint>

#include "core/objectives/objective.h"
#include "core/types.h"

namespace gradscape {

class SymmetricOperator {
 public:
  virtual ~SymmetricOperator() = default;
  virtual int size() const = 0;
  // out = A v (v and out have size(); they do not alias).
  virtual void apply(VecCRef v, VecRef out) const = 0;
};

// A dense symmetric matrix (copied). Throws std::invalid_argument when it is not square or
// visibly asymmetric; round-off asymmetry is removed by storing (A + A') / 2.
class MatrixOperator final : public SymmetricOperator {
 public:
  explicit MatrixOperator(const Mat& symmetric);
  int size() const override { return static_cast<int>(a_.rows()); }
  void apply(VecCRef v, VecRef out) const override;
  const Mat& matrix() const { return a_; }

 private:
  Mat a_;
};

// The Hessian of `f` at `x` through f.hessianVectorProduct. Keeps a reference to f (which
// must outlive the operator) and a copy of x. products() counts applications, so analyses
// can report their cost in Hessian-vector products.
class HessianOperator final : public SymmetricOperator {
 public:
  HessianOperator(const Objective& f, Vec x);
  int size() const override { return f_.dim(); }
  void apply(VecCRef v, VecRef out) const override;
  int64_t products() const { return products_.load(std::memory_order_relaxed); }

 private:
  const Objective& f_;
  Vec x_;
  mutable std::atomic<int64_t> products_{0};
};

}  // namespace gradscape
