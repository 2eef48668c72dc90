// SGD against steps computed by hand from torch.optim.SGD's update on
// f = 1/2 (x^2 + 4 y^2) from (1, 1) with lr = 0.1.
#include <QtTest>

#include "core/optimizers/sgd.h"
#include "support/optimizer_checks.h"

using namespace gradscape;
using namespace gradscape::testing;

namespace {

// The problem of the hand-computed steps: f = 1/2 (x^2 + 4 y^2) from (1, 1) with lr = 0.1.
const Vec kC = vec2(1.0, 4.0);
const Vec kX0 = vec2(1.0, 1.0);

}  // namespace

class TestSgd : public QObject {
  Q_OBJECT

 private slots:
  void plainGradientDescentMatchesHandComputedSteps() {
    Sgd opt(SgdOptions{});
    // x <- x - 0.1 * (x, 4y): x scales by 0.9, y by 0.6.
    expectSteps(opt, kC, kX0, 0.1, {vec2(0.9, 0.6), vec2(0.81, 0.36), vec2(0.729, 0.216)});
  }

  void momentumMatchesHandComputedSteps() {
    SgdOptions o;
    o.momentum = 0.9;
    Sgd opt(o);
    // b1 = g1 = (1, 4); b2 = 0.9 b1 + (0.9, 2.4) = (1.8, 6); b3 = 0.9 b2 + (0.72, 0) = (2.34, 5.4)
    expectSteps(opt, kC, kX0, 0.1, {vec2(0.9, 0.6), vec2(0.72, 0.0), vec2(0.486, -0.54)});
  }

  void nesterovMatchesHandComputedSteps() {
    SgdOptions o;
    o.momentum = 0.9;
    o.nesterov = true;
    Sgd opt(o);
    // d = g + 0.9 b with b as in plain momentum but fed the Nesterov iterates.
    expectSteps(opt, kC, kX0, 0.1,
                {vec2(0.81, 0.24), vec2(0.5751, -0.2664), vec2(0.327321, -0.433296)});
  }

  void dampeningAndWeightDecayMatchHandComputedSteps() {
    SgdOptions o;
    o.momentum = 0.5;
    o.dampening = 0.5;
    o.weightDecay = 0.1;
    Sgd opt(o);
    // d1 = g + 0.1 x = (1.1, 4.1); b1 = d1; x1 = (0.89, 0.59)
    // d2 = (0.89 + 0.089, 2.36 + 0.059) = (0.979, 2.419); b2 = 0.5 b1 + 0.5 d2 = (1.0395, 3.2595)
    // x2 = (0.89 - 0.10395, 0.59 - 0.32595) = (0.78605, 0.26405)
    // d3 = (0.78605 * 1.1, 0.26405 * 4.1) = (0.864655, 1.082605)
    // b3 = 0.5 b2 + 0.5 d3 = (0.9520775, 2.1710525); x3 = x2 - 0.1 b3
    expectSteps(opt, kC, kX0, 0.1,
                {vec2(0.89, 0.59), vec2(0.78605, 0.26405),
                 vec2(0.78605 - 0.09520775, 0.26405 - 0.21710525)});
  }

  void nesterovWithoutMomentumIsRejectedNamingTheField() {
    expectInvalidArgument([] { makeOptimizer("sgd", {{"nesterov", 1.0}}); }, "nesterov");
  }
};

QTEST_APPLESS_MAIN(TestSgd)
#include "test_sgd.moc"
