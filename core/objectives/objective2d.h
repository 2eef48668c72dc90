#pragma once
// Base for the classic two-dimensional test functions: subclasses write f, its gradient and
// its Hessian in plain scalars, which keeps each formula next to its paper form.
#include <array>
#include <utility>

#include "core/objectives/objective.h"

namespace gradscape {

struct Grad2 {
  double dx, dy;
};
struct Hess2 {
  double xx, xy, yy;
};

class Objective2D : public Objective {
 public:
  int dim() const final { return 2; }

  virtual double f(double x, double y) const = 0;
  virtual Grad2 grad(double x, double y) const = 0;
  virtual Hess2 hess(double x, double y) const = 0;

 protected:
  static Box box(double xmin, double xmax, double ymin, double ymax) {
    Box b{Vec(2), Vec(2)};
    b.lower << xmin, ymin;
    b.upper << xmax, ymax;
    return b;
  }
  static Vec point(double x, double y) {
    Vec p(2);
    p << x, y;
    return p;
  }
};

// The vector interface of a 2-D objective, calling the final class's f/grad/hess directly
// (no virtual dispatch inside an evaluation: this is the per-step hot path).
// Use as `class Beale final : public Objective2DOf<Beale>`.
template <class Self>
class Objective2DOf : public Objective2D {
 public:
  double value(VecCRef x) const final { return self().f(x[0], x[1]); }
  void gradient(VecCRef x, VecRef g) const final {
    const Grad2 d = self().grad(x[0], x[1]);
    g[0] = d.dx;
    g[1] = d.dy;
  }
  double valueAndGradient(VecCRef x, VecRef g) const final {
    const double x0 = x[0], x1 = x[1];
    const Grad2 d = self().grad(x0, x1);
    g[0] = d.dx;
    g[1] = d.dy;
    return self().f(x0, x1);
  }
  Mat hessian(VecCRef x) const final {
    const Hess2 h = self().hess(x[0], x[1]);
    Mat m(2, 2);
    m << h.xx, h.xy, h.xy, h.yy;
    return m;
  }
  void hessianVectorProduct(VecCRef x, VecCRef v, VecRef hv) const final {
    const Hess2 h = self().hess(x[0], x[1]);
    hv[0] = h.xx * v[0] + h.xy * v[1];
    hv[1] = h.xy * v[0] + h.yy * v[1];
  }

 private:
  const Self& self() const { return static_cast<const Self&>(*this); }
};

}  // namespace gradscape
