// Optimizer::explain against parts and quantities computed by hand (from torch.optim's update
// rules, arithmetic done independently of the code under test) on f = 1/2 sum_i c_i x_i^2,
// whose gradient is c_i x_i: SGD with momentum, dampening and weight decay, Adam, AdamW's
// decoupled decay, clipping, Newton's split by curvature and L-BFGS's first two steps.
#include <QtTest>

#include <algorithm>
#include <string>

#include "support/optimizer_checks.h"

using namespace gradscape;
using namespace gradscape::testing;

namespace {

// The part or quantity `name` of `p` is `want` to 1e-12 relative (1e-15 absolute near zero).
void expectVector(const UpdateParts& p, const char* name, const Vec& want) {
  const UpdatePart* part = p.part(name);
  const UpdateQuantity* q = p.quantity(name);
  QVERIFY2(part || q, name);
  const Vec& got = part ? part->vector : q->value;
  QVERIFY2(
      got.size() == want.size() && (got - want).norm() <= 1e-12 * std::max(want.norm(), 1e-3),
      qPrintable(QString("%1: got %2, want %3").arg(name, coordinates(got), coordinates(want))));
}

void expectScalar(const UpdateParts& p, const char* name, double want) {
  const UpdateQuantity* q = p.quantity(name);
  QVERIFY2(q && q->scalar, name);
  QVERIFY2(
      std::abs(q->value[0] - want) <= 1e-12 * std::abs(want),
      qPrintable(QString("%1: got %2, want %3").arg(name).arg(q->value[0], 0, 'g', 17).arg(want)));
}

// The labels of p's parts, in order.
QStringList labels(const UpdateParts& p) {
  QStringList out;
  for (const UpdatePart& part : p.parts) out << QString::fromStdString(part.label);
  return out;
}

Clipping clipping(Clipping::Mode mode, double threshold) {
  Clipping c;
  c.mode = mode;
  c.threshold = threshold;
  return c;
}

}  // namespace

class TestUpdatePartsByHand : public QObject {
  Q_OBJECT

 private slots:
  void sgdMomentumSplitsIntoCarriedBufferAndGradient() {
    // mu = 0.9, dampening 0, lr = 0.1 on f = 1/2 (x^2 + 4 y^2) from (1, 1).
    auto opt = makeOptimizer("sgd", {{"momentum", 0.9}});
    DiagonalQuadratic q(vec2(1.0, 4.0));
    Vec x = vec2(1.0, 1.0);
    opt->reset(2);
    // t=1: g = (1, 4); b_1 = g (torch's first buffer), nothing carried.
    UpdateParts p = opt->explain(q, x, 0.1);
    QCOMPARE(labels(p), QStringList({"−lr·μ·bₜ₋₁", "−lr·g"}));
    expectVector(p, "momentum", vec2(0.0, 0.0));
    expectVector(p, "gradient", vec2(-0.1, -0.4));
    expectVector(p, "b", vec2(1.0, 4.0));
    opt->step(q, x, 0.1);  // x_1 = (0.9, 0.6)
    // t=2: g = (0.9, 2.4); carried -0.1*0.9*b_1 = (-0.09, -0.36), gradient -0.1 g;
    // b_2 = 0.9 (1, 4) + (0.9, 2.4) = (1.8, 6).
    p = opt->explain(q, x, 0.1);
    expectVector(p, "momentum", vec2(-0.09, -0.36));
    expectVector(p, "gradient", vec2(-0.09, -0.24));
    expectVector(p, "b_prev", vec2(1.0, 4.0));
    expectVector(p, "b", vec2(1.8, 6.0));
    opt->step(q, x, 0.1);  // x_2 = (0.72, 0)
    // t=3: g = (0.72, 0); carried -0.09 (1.8, 6) = (-0.162, -0.54); b_3 = (2.34, 5.4).
    p = opt->explain(q, x, 0.1);
    expectVector(p, "momentum", vec2(-0.162, -0.54));
    expectVector(p, "gradient", vec2(-0.072, 0.0));
    expectVector(p, "b", vec2(2.34, 5.4));
    expectVector(p, "step", vec2(-0.234, -0.54));
  }

  void sgdDampeningScalesTheGradientAndTheCoupledDecay() {
    // mu = 0.5, dampening 0.5, lambda = 0.1, lr = 0.1 from (1, 1): d = g + 0.1 x.
    auto opt = makeOptimizer("sgd", {{"momentum", 0.5}, {"dampening", 0.5}, {"weight_decay", 0.1}});
    DiagonalQuadratic q(vec2(1.0, 4.0));
    Vec x = vec2(1.0, 1.0);
    opt->reset(2);
    // t=1: b_1 = d_1 undamped: gradient -0.1 (1, 4), decay -0.01 (1, 1).
    UpdateParts p = opt->explain(q, x, 0.1);
    expectVector(p, "gradient", vec2(-0.1, -0.4));
    expectVector(p, "weight_decay", vec2(-0.01, -0.01));
    opt->step(q, x, 0.1);  // x_1 = (0.89, 0.59), b_1 = (1.1, 4.1)
    // t=2: g = (0.89, 2.36); carried -0.1*0.5*(1.1, 4.1); gradient -0.1*0.5*g;
    // decay -0.1*0.5*0.1*(0.89, 0.59). Together -0.1 b_2 = -(0.10395, 0.32595).
    p = opt->explain(q, x, 0.1);
    QCOMPARE(labels(p), QStringList({"−lr·μ·bₜ₋₁", "−lr·(1−τ)·g", "−lr·(1−τ)·λ·x"}));
    expectVector(p, "momentum", vec2(-0.055, -0.205));
    expectVector(p, "gradient", vec2(-0.0445, -0.118));
    expectVector(p, "weight_decay", vec2(-0.00445, -0.00295));
    expectVector(p, "step", vec2(-0.10395, -0.32595));
  }

  void adamMatchesHandComputedMomentsAndStep() {
    // torch.optim.Adam defaults (beta1 0.9, beta2 0.999, eps 1e-8), lr = 0.1, on
    // f = 1/2 (x^2 + 4 y^2) from (1, -0.5).
    auto opt = makeOptimizer("adam");
    DiagonalQuadratic q(vec2(1.0, 4.0));
    Vec x = vec2(1.0, -0.5);
    opt->reset(2);
    // t=1: g = (1, -2); m = 0.1 g, v = 0.001 g^2; m_hat = g, v_hat = g^2;
    // step = -0.1 g/(|g| + 1e-8) = (-0.1/(1 + 1e-8), 0.2/(2 + 1e-8)).
    UpdateParts p = opt->explain(q, x, 0.1);
    QCOMPARE(labels(p), QStringList({"−lr·m̂/(√v̂ + ε)"}));
    expectVector(p, "m", vec2(0.1, -0.2));
    expectVector(p, "v", vec2(0.001, 0.004));
    expectVector(p, "m_hat", vec2(1.0, -2.0));
    expectVector(p, "v_hat", vec2(1.0, 4.0));
    expectScalar(p, "bias_correction1", 0.1);
    expectScalar(p, "bias_correction2", 0.001);
    expectVector(p, "preconditioned", vec2(-0.1 / (1.0 + 1e-8), 0.2 / (2.0 + 1e-8)));
    opt->step(q, x, 0.1);  // x_1 = (0.900000001, -0.4000000005)
    // t=2: g = (0.900000001, -1.600000002);
    // m = 0.9 (0.1, -0.2) + 0.1 g = (0.1800000001, -0.3400000002);
    // v = 0.999 (0.001, 0.004) + 0.001 g^2 = (0.0018090000018, 0.0065560000064);
    // m_hat = m/0.19, v_hat = v/0.001999, step = -0.1 m_hat/(sqrt(v_hat) + 1e-8).
    p = opt->explain(q, x, 0.1);
    expectVector(p, "m", vec2(0.1800000001, -0.3400000002));
    expectVector(p, "v", vec2(0.0018090000018, 0.0065560000064));
    expectVector(p, "m_hat", vec2(0.9473684215789474, -1.7894736852631579));
    expectVector(p, "v_hat", vec2(0.9049524771385693, 3.2796398231115558));
    expectScalar(p, "bias_correction1", 0.19);
    expectScalar(p, "bias_correction2", 0.001999);
    expectVector(p, "preconditioned", vec2(-0.0995877712876626, 0.09881257987657066));
    opt->step(q, x, 0.1);  // x_2 = (0.8004122297123374, -0.30118742062342935)
    // t=3: g = (0.8004122297123374, -1.2047496824937174); bias corrections 0.271, 0.002997001.
    p = opt->explain(q, x, 0.1);
    expectVector(p, "m", vec2(0.24204122306123374, -0.4264749684293717));
    expectVector(p, "v", vec2(0.0024478507392712754, 0.008000865803862313));
    expectVector(p, "m_hat", vec2(0.8931410445063975, -1.5737083705880877));
    expectVector(p, "v_hat", vec2(0.8167667409090873, 2.6696240020815183));
    expectVector(p, "preconditioned", vec2(-0.09882595520792317, 0.09631616965270622));
  }

  void adamwDecaysTheIterateInAPartOfItsOwn() {
    // lambda = 0.5, lr = 0.1 from (1, -0.5): the decay -lr*lambda*x_k is a part, and the moments
    // see the undecayed gradient.
    auto opt = makeOptimizer("adamw", {{"weight_decay", 0.5}});
    DiagonalQuadratic q(vec2(1.0, 4.0));
    Vec x = vec2(1.0, -0.5);
    opt->reset(2);
    // t=1: decay -0.05 (1, -0.5); m = 0.1 g = (0.1, -0.2); Adam step -0.1 g/(|g| + 1e-8).
    UpdateParts p = opt->explain(q, x, 0.1);
    QCOMPARE(labels(p), QStringList({"−lr·λ·x", "−lr·m̂/(√v̂ + ε)"}));
    expectVector(p, "weight_decay", vec2(-0.05, 0.025));
    expectVector(p, "m", vec2(0.1, -0.2));
    expectVector(p, "preconditioned", vec2(-0.1 / (1.0 + 1e-8), 0.2 / (2.0 + 1e-8)));
    opt->step(q, x, 0.1);
    // x_1 = (1 - 0.05 - 0.1/(1 + 1e-8), -0.5 + 0.025 + 0.2/(2 + 1e-8)); t=2 decay -0.05 x_1.
    const Vec x1 = vec2(0.95 - 0.1 / (1.0 + 1e-8), -0.475 + 0.2 / (2.0 + 1e-8));
    p = opt->explain(q, x, 0.1);
    expectVector(p, "weight_decay", -0.05 * x1);
  }

  void normClippingReportsWhatItTookOff() {
    // Gradient descent, lr = 0.1, max norm 1, from (3, 1): g = (3, 4), ||g|| = 5, so torch scales
    // g by 1/(5 + 1e-6). The step is -0.1 clip(g); the unclipped -0.1 g is longer by
    // -0.1 g (1 - 1/5.000001).
    auto opt = makeOptimizer("sgd");
    opt->setClipping(clipping(Clipping::Mode::Norm, 1.0));
    DiagonalQuadratic q(vec2(1.0, 4.0));
    Vec x = vec2(3.0, 1.0);
    opt->reset(2);
    const UpdateParts p = opt->explain(q, x, 0.1);
    QVERIFY(QString::fromStdString(p.formula).startsWith("g ← g·min(1, c/(‖g‖ + 10⁻⁶))"));
    expectVector(p, "g", vec2(3.0, 4.0));
    expectVector(p, "g_clipped", vec2(3.0 / 5.000001, 4.0 / 5.000001));
    expectVector(p, "gradient", vec2(-0.3 / 5.000001, -0.4 / 5.000001));
    const Vec removed = -0.1 * vec2(3.0, 4.0) * (1.0 - 1.0 / 5.000001);
    QVERIFY2((p.removedByClipping - removed).norm() <= 1e-15,
             qPrintable(coordinates(p.removedByClipping)));
  }

  void valueClippingUnderMomentumRemovesTheClampedExcess() {
    // mu = 0.9, lr = 0.1, |g_i| clamped to 1, from (1, 1).
    auto opt = makeOptimizer("sgd", {{"momentum", 0.9}});
    opt->setClipping(clipping(Clipping::Mode::Value, 1.0));
    DiagonalQuadratic q(vec2(1.0, 4.0));
    Vec x = vec2(1.0, 1.0);
    opt->reset(2);
    // t=1: g = (1, 4) -> (1, 1); b_1 = (1, 1); unclipped b_1 would be (1, 4): removed (0, -0.3).
    UpdateParts p = opt->explain(q, x, 0.1);
    QVERIFY((p.removedByClipping - vec2(0.0, -0.3)).norm() <= 1e-15);
    opt->step(q, x, 0.1);  // x_1 = (0.9, 0.9)
    // t=2: g = (0.9, 3.6) -> (0.9, 1); b_2 = 0.9 (1, 1) + (0.9, 1) = (1.8, 1.9); unclipped
    // b_2 = (1.8, 4.5): removed -0.1 (0, 2.6).
    p = opt->explain(q, x, 0.1);
    expectVector(p, "momentum", vec2(-0.09, -0.09));
    expectVector(p, "gradient", vec2(-0.09, -0.1));
    QVERIFY((p.removedByClipping - vec2(0.0, -0.26)).norm() <= 1e-15);
  }

  void clippingThatChangesNothingRemovesNothing() {
    auto opt = makeOptimizer("sgd", {{"momentum", 0.9}});
    opt->setClipping(clipping(Clipping::Mode::Value, 10.0));  // g = (1, 4) is inside
    DiagonalQuadratic q(vec2(1.0, 4.0));
    opt->reset(2);
    const UpdateParts p = opt->explain(q, vec2(1.0, 1.0), 0.1);
    QCOMPARE(p.removedByClipping.size(), Eigen::Index{0});
    expectVector(p, "g_clipped", vec2(1.0, 4.0));
  }

  void newtonSplitsItsStepByTheSignOfCurvature() {
    // lambda = 0, lr = 1 on f = 1/2 (2 x^2 - y^2) from (1, 1): H = diag(2, -1), g = (2, -1).
    // Saddle-free: mu = (|-1|, 2); along e_x -(2/2) e_x, along e_y -(-1/1) e_y (away from the
    // saddle).
    auto opt = makeOptimizer("newton", {{"lambda", 0.0}});
    DiagonalQuadratic saddle(vec2(2.0, -1.0));
    opt->reset(2);
    UpdateParts p = opt->explain(saddle, vec2(1.0, 1.0), 1.0);
    expectVector(p, "newton", vec2(-1.0, 0.0));
    expectVector(p, "negative_curvature", vec2(0.0, 1.0));
    expectVector(p, "eigenvalues", vec2(-1.0, 2.0));
    expectVector(p, "curvatures", vec2(1.0, 2.0));
    // A convex quadratic has no negative-curvature part: the pure Newton step to the minimum.
    DiagonalQuadratic bowl(vec2(1.0, 4.0));
    p = opt->explain(bowl, vec2(1.0, 1.0), 1.0);
    QCOMPARE(labels(p).size(), 1);
    expectVector(p, "newton", vec2(-1.0, -1.0));
  }

  void lbfgsSplitsItsDirectionIntoScaledGradientAndCurvatureCorrection() {
    // lr = 1, no line search, on f = 1/2 (x^2 + 4 y^2) from (1, 1).
    auto opt = makeOptimizer("lbfgs", {{"lr", 1.0}});
    DiagonalQuadratic q(vec2(1.0, 4.0));
    Vec x = vec2(1.0, 1.0);
    opt->reset(2);
    // t=1: g = (1, 4), d = -g, gamma = 1, alpha = min(1, 1/||g||_1) = 0.2: all gradient.
    UpdateParts p = opt->explain(q, x, 1.0);
    expectScalar(p, "step_length", 0.2);
    expectVector(p, "gradient", vec2(-0.2, -0.8));
    expectVector(p, "curvature_correction", vec2(0.0, 0.0));
    opt->step(q, x, 1.0);  // x_1 = (0.8, 0.2)
    // t=2: g = (0.8, 0.8); s = (-0.2, -0.8), y = (-0.2, -3.2), s'y = 2.6, y'y = 10.28, so
    // gamma = 65/257 and alpha = 1. Two-loop: a = s'(-g)/2.6 = 4/13; q = -g - a y; d = gamma q;
    // b = y'd/2.6 = -144/3341; d += (a - b) s = (-4292, -3908)/16705.
    p = opt->explain(q, x, 1.0);
    const double gamma = 65.0 / 257.0;
    expectScalar(p, "gamma", gamma);
    expectScalar(p, "step_length", 1.0);
    expectVector(p, "direction", vec2(-4292.0 / 16705.0, -3908.0 / 16705.0));
    expectVector(p, "gradient", -gamma * vec2(0.8, 0.8));
    expectVector(p, "curvature_correction", vec2(-912.0 / 16705.0, -528.0 / 16705.0));
  }
};

QTEST_APPLESS_MAIN(TestUpdatePartsByHand)
#include "test_update_parts_by_hand.moc"
