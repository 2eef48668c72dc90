#include "core/analysis/slice_model.h"

#include <Eigen/Eigenvalues>
#include <cmath>

namespace gradscape {

std::optional<QuadraticModel2> quadraticModel2(const Objective& objective, VecCRef x, double lr,
                                               const SlicePlane* plane) {
  const Eigen::Index n = objective.dim();
  if (x.size() != n || (!plane && n != 2)) return std::nullopt;
  if (plane && (plane->u.size() != n || plane->v.size() != n || plane->origin.size() != n)) {
    return std::nullopt;
  }
  Vec g(n);
  objective.gradient(x, g);
  Eigen::Matrix2d h;
  Eigen::Vector2d gs;
  QuadraticModel2 model;
  std::optional<Eigen::Vector2d> step;
  if (!plane) {
    const Mat full = objective.hessian(x);
    h = full.topLeftCorner<2, 2>();
    gs = g.head<2>();
    model.center = {x[0], x[1]};
    if (lr > 0.0) step = -lr * gs;
  } else {
    // D'HD from H u and H v; symmetrised so round-off cannot tilt the eigenvectors.
    Vec hu(n), hv(n);
    objective.hessianVectorProduct(x, plane->u, hu);
    objective.hessianVectorProduct(x, plane->v, hv);
    const double uv = 0.5 * (plane->u.dot(hv) + plane->v.dot(hu));
    h << plane->u.dot(hu), uv, uv, plane->v.dot(hv);
    gs << plane->u.dot(g), plane->v.dot(g);
    const PlaneProjector project(*plane);
    model.center = project(x);
    // The plane's point nearest x is origin + a u + b v (a, b the projection).
    const Vec nearest = plane->origin + model.center[0] * plane->u + model.center[1] * plane->v;
    model.offPlane = (x - nearest).norm();
    if (lr > 0.0) {
      const auto tip = project(x - lr * g);
      step = Eigen::Vector2d(tip[0] - model.center[0], tip[1] - model.center[1]);
    }
  }
  if (!h.allFinite() || !gs.allFinite() || !std::isfinite(model.offPlane)) return std::nullopt;
  const Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> eig(h);
  for (int i = 0; i < 2; ++i) {
    model.eigenvalues[size_t(i)] = eig.eigenvalues()[i];
    model.axes[size_t(i)] = {eig.eigenvectors()(0, i), eig.eigenvectors()(1, i)};
    model.hessian[size_t(i)] = {h(i, 0), h(i, 1)};
  }
  model.gradient = {gs[0], gs[1]};
  if (step && step->allFinite()) model.gradientStep = std::array<double, 2>{(*step)[0], (*step)[1]};
  if (eig.eigenvalues()[0] > 0.0) {
    const Eigen::Vector2d newton = -h.ldlt().solve(gs);
    if (newton.allFinite()) model.newtonStep = std::array<double, 2>{newton[0], newton[1]};
  }
  return model;
}

}  // namespace gradscape
