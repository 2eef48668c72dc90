#include "core/curvature/symmetric_operator.h"

#include <stdexcept>
#include <string>
#include <utility>

namespace gradscape {

namespace {

// Relative asymmetry ||A - A'||_F / ||A||_F above which a matrix is rejected rather than
// symmetrised: far above the round-off of products such as Q D Q'.
constexpr double kAsymmetryTolerance = 1e-8;

}  // namespace

MatrixOperator::MatrixOperator(const Mat& symmetric) {
  if (symmetric.rows() != symmetric.cols()) {
    throw std::invalid_argument("matrix: must be square, got " + std::to_string(symmetric.rows()) +
                                "x" + std::to_string(symmetric.cols()));
  }
  const double asymmetry = (symmetric - symmetric.transpose()).norm();
  if (asymmetry > kAsymmetryTolerance * symmetric.norm()) {
    throw std::invalid_argument("matrix: must be symmetric, got ||A - A'|| / ||A|| = " +
                                std::to_string(asymmetry / symmetric.norm()));
  }
  a_ = 0.5 * (symmetric + symmetric.transpose());
}

void MatrixOperator::apply(VecCRef v, VecRef out) const {
  out.noalias() = a_ * v;
}

HessianOperator::HessianOperator(const Objective& f, Vec x) : f_(f), x_(std::move(x)) {
  if (x_.size() != f_.dim()) {
    throw std::invalid_argument("x: must have the objective's dimension " +
                                std::to_string(f_.dim()) + ", got " + std::to_string(x_.size()));
  }
}

void HessianOperator::apply(VecCRef v, VecRef out) const {
  products_.fetch_add(1, std::memory_order_relaxed);
  f_.hessianVectorProduct(x_, v, out);
}

}  // namespace gradscape
