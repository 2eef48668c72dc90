#include "core/analysis/slice_objective.h"

namespace gradscape {

SliceObjective::SliceObjective(std::shared_ptr<const Objective> objective, SlicePlane plane,
                               Box box)
    : objective_(std::move(objective)), plane_(std::move(plane)), box_(std::move(box)) {}

double SliceObjective::f(double a, double b) const {
  return objective_->value(pointAt(a, b));
}

Grad2 SliceObjective::grad(double a, double b) const {
  Vec g(objective_->dim());
  objective_->gradient(pointAt(a, b), g);
  return {plane_.u.dot(g), plane_.v.dot(g)};
}

Hess2 SliceObjective::hess(double a, double b) const {
  const Vec x = pointAt(a, b);
  Vec hu(objective_->dim()), hv(objective_->dim());
  objective_->hessianVectorProduct(x, plane_.u, hu);
  objective_->hessianVectorProduct(x, plane_.v, hv);
  return {plane_.u.dot(hu), plane_.u.dot(hv), plane_.v.dot(hv)};
}

}  // namespace gradscape
