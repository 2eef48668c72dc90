#pragma once
// The loss on a 2-D slice of a many-dimensional objective: f(a, b) = F(o + a u + b v), with the
// gradient (u'g, v'g) and the Hessian [u'Hu u'Hv; v'Hu v'Hv] from two Hessian-vector products.
// It is an ordinary 2-D objective, so the contour map and the surface draw it unchanged.
#include <memory>

#include "core/analysis/slice_plane.h"
#include "core/objectives/objective2d.h"

namespace gradscape {

class SliceObjective final : public Objective2DOf<SliceObjective> {
 public:
  SliceObjective(std::shared_ptr<const Objective> objective, SlicePlane plane, Box box);

  double f(double a, double b) const override;
  Grad2 grad(double a, double b) const override;
  Hess2 hess(double a, double b) const override;
  Box domain() const override { return box_; }

  const SlicePlane& plane() const { return plane_; }
  const Objective& objective() const { return *objective_; }

 private:
  Vec pointAt(double a, double b) const { return plane_.origin + a * plane_.u + b * plane_.v; }

  std::shared_ptr<const Objective> objective_;
  SlicePlane plane_;
  Box box_;
};

}  // namespace gradscape
