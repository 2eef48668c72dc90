// Gradient clipping against values computed by hand from torch.nn.utils.clip_grad_norm_
// (g *= max_norm / (||g|| + 1e-6) when that coefficient is < 1) and clip_grad_value_, and its
// place in Optimizer::step: methods see the clipped gradient, StepInfo the raw norm.
#include <QtTest>

#include "core/optimizers/clipping.h"
#include "core/optimizers/optimizer.h"
#include "core/optimizers/sgd.h"
#include "support/diagonal_quadratic.h"

using namespace gradscape;
using gradscape::testing::DiagonalQuadratic;
using gradscape::testing::vec2;

namespace {

Clipping clipping(Clipping::Mode mode, double threshold) {
  Clipping c;
  c.mode = mode;
  c.threshold = threshold;
  return c;
}

// Records the gradient update() receives and the one evaluateClipped() returns at x + (1, 0).
class Recorder final : public Optimizer {
 public:
  Vec received, extra;

 protected:
  void onReset(int dim) override {
    received = Vec::Zero(dim);
    extra = Vec::Zero(dim);
  }
  void update(GradientOracle& oracle, VecRef x, VecCRef g, double /*lr*/) override {
    received = g;
    Vec shifted = x;
    shifted[0] += 1.0;
    evaluateClipped(oracle, shifted, extra);
  }
  // Not explained: this suite is about what update() receives.
  UpdateParts explainUpdate(const StepInput& in, Vec& step) const override {
    step = Vec::Zero(in.x.size());
    return {};
  }
};

}  // namespace

class TestClipping : public QObject {
  Q_OBJECT

 private slots:
  void normClippingScalesByMaxNormOverNormPlusTorchsEpsilon() {
    Vec g = vec2(3.0, 4.0);  // ||g|| = 5
    clipGradient(clipping(Clipping::Mode::Norm, 1.0), g);
    // coef = 1 / (5 + 1e-6) -> g = (3, 4) / 5.000001
    QVERIFY((g - vec2(3.0 / 5.000001, 4.0 / 5.000001)).norm() < 1e-15);
  }

  void normClippingLeavesShortGradientsAlone() {
    Vec g = vec2(0.3, 0.4);  // coef = 1 / 0.500001 > 1
    clipGradient(clipping(Clipping::Mode::Norm, 1.0), g);
    QCOMPARE(g, vec2(0.3, 0.4));
  }

  void normClippingAtExactlyTheThresholdShrinksByTheEpsilon() {
    // ||g|| = 5 = max_norm: coef = 5 / 5.000001 < 1, so torch still scales (by 1 - 2e-7).
    Vec g = vec2(3.0, 4.0);
    clipGradient(clipping(Clipping::Mode::Norm, 5.0), g);
    QVERIFY((g - vec2(15.0 / 5.000001, 20.0 / 5.000001)).norm() < 1e-15);
    QVERIFY(g[0] < 3.0);
  }

  void valueClippingClampsEachCoordinate() {
    Vec g(4);
    g << 3.0, -4.0, 0.5, -1.0;
    clipGradient(clipping(Clipping::Mode::Value, 1.0), g);
    Vec expected(4);
    expected << 1.0, -1.0, 0.5, -1.0;
    QCOMPARE(g, expected);
  }

  void noneLeavesTheGradientUnchanged() {
    Vec g = vec2(300.0, -4e6);
    clipGradient(clipping(Clipping::Mode::None, 1.0), g);
    QCOMPARE(g, vec2(300.0, -4e6));
  }

  void optimizerStepsWithTheClippedGradientButReportsTheRawNorm() {
    // f = (3 x^2 + 4 y^2)/2 at (1, 1): g = (3, 4), ||g|| = 5. SGD with lr = 1 and norm clipping
    // to 1 moves by g / 5.000001.
    SgdOptions o;
    Sgd sgd(o);
    sgd.setClipping(clipping(Clipping::Mode::Norm, 1.0));
    DiagonalQuadratic q(vec2(3.0, 4.0));
    Vec x = vec2(1.0, 1.0);
    sgd.reset(2);
    const StepInfo info = sgd.step(q, x, 1.0);
    QCOMPARE(info.gradNorm(), 5.0);
    QCOMPARE(info.loss, 3.5);
    QVERIFY((x - vec2(1.0 - 3.0 / 5.000001, 1.0 - 4.0 / 5.000001)).norm() < 1e-15);
  }

  void extraEvaluationsInsideAStepAreClippedToo() {
    Recorder rec;
    rec.setClipping(clipping(Clipping::Mode::Value, 2.5));
    DiagonalQuadratic q(vec2(3.0, 4.0));
    Vec x = vec2(1.0, 1.0);
    rec.reset(2);
    const StepInfo info = rec.step(q, x, 1.0);
    QCOMPARE(info.gradNorm(), 5.0);          // raw (3, 4)
    QCOMPARE(rec.received, vec2(2.5, 2.5));  // clamp((3, 4), -2.5, 2.5)
    QCOMPARE(rec.extra, vec2(2.5, 2.5));     // raw (6, 4) at (2, 1), clamped
    QCOMPARE(q.evaluations, 2);
  }

  void modeNamesRoundTrip() {
    for (Clipping::Mode m : {Clipping::Mode::None, Clipping::Mode::Norm, Clipping::Mode::Value}) {
      Clipping::Mode parsed = Clipping::Mode::None;
      QVERIFY(parseClippingMode(clippingModeName(m), parsed));
      QCOMPARE(parsed, m);
    }
    Clipping::Mode unchanged = Clipping::Mode::Norm;
    QVERIFY(!parseClippingMode("L2", unchanged));
    QCOMPARE(unchanged, Clipping::Mode::Norm);
  }
};

QTEST_APPLESS_MAIN(TestClipping)
#include "test_clipping.moc"
