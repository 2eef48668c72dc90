// Decay schedules against factors computed by hand from torch.optim.lr_scheduler's closed
// forms (factor = torch's lr after t scheduler.step() calls / the optimizer's initial lr).
// Schedules are built through the registry so the parameter names are checked too.
#include <QtTest>

#include "core/schedules/decay_schedules.h"
#include "support/rejection_checks.h"
#include "support/schedule_checks.h"

using namespace gradscape;
using gradscape::testing::buildSchedule;
using gradscape::testing::expectFactors;
using gradscape::testing::expectInvalidArgument;

class TestDecaySchedules : public QObject {
  Q_OBJECT

 private slots:
  void stepDecaysByGammaEveryStepSize() {
    // gamma^floor(t/3) with gamma = 0.5: floor = 0, 0, 1, 1, 2, 3.
    expectFactors(*buildSchedule("step", {{"step_size", 3}, {"gamma", 0.5}}),
                  {{0, 1.0}, {2, 1.0}, {3, 0.5}, {5, 0.5}, {6, 0.25}, {10, 0.125}});
  }

  void stepUsesTorchDefaultGammaOfOneTenth() {
    // torch StepLR(gamma=0.1): 0.1^floor(t/2).
    expectFactors(*buildSchedule("step", {{"step_size", 2}}),
                  {{0, 1.0}, {1, 1.0}, {2, 0.1}, {4, 0.01}, {5, 0.01}});
  }

  void multiStepDecaysAtEachMilestoneAndIgnoresZero() {
    // Milestones {2, 5}; milestone3 = 0 is unused (if counted, t = 0 would give 0.1).
    // gamma^bisect_right([2, 5], t): 0, 0, 1, 1, 2, 2.
    expectFactors(
        *buildSchedule("multi_step", {{"milestone1", 2}, {"milestone2", 5}, {"milestone3", 0}}),
        {{0, 1.0}, {1, 1.0}, {2, 0.1}, {4, 0.1}, {5, 0.01}, {100, 0.01}});
  }

  void multiStepCountsRepeatedMilestonesTwiceInAnyOrder() {
    // torch keeps Counter([7, 3, 3]): gamma^bisect_right([3, 3, 7], t) = 0.5^0, 0.5^2, 0.5^3.
    expectFactors(
        *buildSchedule("multi_step",
                       {{"milestone1", 7}, {"milestone2", 3}, {"milestone3", 3}, {"gamma", 0.5}}),
        {{2, 1.0}, {3, 0.25}, {6, 0.25}, {7, 0.125}, {1000, 0.125}});
  }

  void exponentialMultipliesByGammaEachStep() {
    // 0.9^t: 1, 0.9, 0.81, 0.9^10 = 0.3486784401.
    expectFactors(*buildSchedule("exponential", {{"gamma", 0.9}}),
                  {{0, 1.0}, {1, 0.9}, {2, 0.81}, {10, 0.3486784401}});
  }

  void inverseTimeIsOneOverOnePlusDecayT() {
    // 1/(1 + 0.5 t): 1, 1/1.5, 1/2, 1/6.
    expectFactors(*buildSchedule("inverse_time", {{"decay", 0.5}}),
                  {{0, 1.0}, {1, 2.0 / 3.0}, {2, 0.5}, {10, 1.0 / 6.0}});
  }

  void inverseSqrtIsOneOverRootOfOnePlusTOverScale() {
    // 1/sqrt(1 + t/4): sqrt(1) = 1, sqrt(2.25) = 1.5, sqrt(4) = 2 (halved at t = 3*4), sqrt(16).
    expectFactors(*buildSchedule("inverse_sqrt", {{"scale", 4}}),
                  {{0, 1.0}, {5, 1.0 / 1.5}, {12, 0.5}, {60, 0.25}});
  }

  void polynomialMatchesTorchDocumentationExample() {
    // torch docs: PolynomialLR(total_iters=4, power=1) with lr 0.001 gives
    // 0.001, 0.00075, 0.0005, 0.00025, then 0.0 from epoch 4 on.
    expectFactors(*buildSchedule("polynomial", {{"total_iters", 4}, {"power", 1.0}}),
                  {{0, 1.0}, {1, 0.75}, {2, 0.5}, {3, 0.25}, {4, 0.0}, {50, 0.0}});
  }

  void polynomialRaisesRemainingFractionToPower() {
    // (1 - min(t,4)/4)^2: 1, 0.75^2 = 0.5625, 0.25, 0.0625, 0, 0 (no negative base past T).
    expectFactors(*buildSchedule("polynomial", {{"total_iters", 4}, {"power", 2.0}}),
                  {{0, 1.0}, {1, 0.5625}, {2, 0.25}, {3, 0.0625}, {4, 0.0}, {9, 0.0}});
  }

  void linearDecaysFromStartToEndFactorThenHolds() {
    // 1 + (0.2 - 1) min(t,4)/4: 1, 0.8, 0.6, 0.4, 0.2, held at 0.2.
    expectFactors(
        *buildSchedule("linear", {{"start_factor", 1.0}, {"end_factor", 0.2}, {"total_iters", 4}}),
        {{0, 1.0}, {1, 0.8}, {2, 0.6}, {3, 0.4}, {4, 0.2}, {9, 0.2}});
  }

  void linearMatchesTorchDocumentationExample() {
    // torch docs: LinearLR(start_factor=0.5, total_iters=4) with lr 0.05 gives
    // 0.025, 0.03125, 0.0375, 0.04375, then 0.05: factors 0.5, 0.625, 0.75, 0.875, 1.
    expectFactors(
        *buildSchedule("linear", {{"start_factor", 0.5}, {"end_factor", 1.0}, {"total_iters", 4}}),
        {{0, 0.5}, {1, 0.625}, {2, 0.75}, {3, 0.875}, {4, 1.0}, {100, 1.0}});
  }

  void zeroStepSizeIsRejectedNamingTheField() {
    expectInvalidArgument([] { StepSchedule s(0, 0.1); }, "step_size");
  }
};

QTEST_APPLESS_MAIN(TestDecaySchedules)
#include "test_decay_schedules.moc"
