#pragma once
// The local quadratic model of a loss at an iterate as the contour map can draw it: for a 2-D
// problem the model itself; for a slice of an N-D problem the model of the loss along the slice's
// directions through the iterate, phi(a, b) = f(x + a u + b v), whose Hessian is D'HD and
// gradient D'g with D = [u v] (two Hessian-vector products, no dense Hessian).
#include <array>
#include <optional>

#include "core/analysis/slice_plane.h"
#include "core/objectives/objective.h"

namespace gradscape {

struct QuadraticModel2 {
  std::array<double, 2> center{};                  // x, or its projection on the slice
  std::array<std::array<double, 2>, 2> hessian{};  // H (2-D) or D'HD (slice), symmetric
  std::array<double, 2> gradient{};                // g or D'g
  std::array<double, 2> eigenvalues{};             // of `hessian`, ascending
  std::array<std::array<double, 2>, 2> axes{};     // unit eigenvectors matching eigenvalues
  // -lr g (2-D), or the projection of x - lr g on the slice minus that of x.
  std::optional<std::array<double, 2>> gradientStep;
  // -hessian^{-1} gradient, when `hessian` is positive definite (the model has a minimum).
  std::optional<std::array<double, 2>> newtonStep;
  double offPlane = 0.0;  // distance from x to the slice's plane (0 for 2-D problems)
};

// The model of `objective` at `x` with learning rate `lr` (no gradient step when lr <= 0): on the
// slice `plane` when given, else for a 2-D objective. nullopt when a value is not finite or
// `x` has the wrong size.
std::optional<QuadraticModel2> quadraticModel2(const Objective& objective, VecCRef x, double lr,
                                               const SlicePlane* plane = nullptr);

}  // namespace gradscape
