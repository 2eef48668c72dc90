// Phased schedules (cosine, one-cycle, cyclic, warmup-stable-decay) against factors computed
// by hand from torch.optim.lr_scheduler's formulas (HF transformers' for WSD), with
// max_lr = the optimizer's lr so torch's absolute rates become fractions of 1.
#include <QtTest>

#include "core/schedules/cyclic_schedules.h"
#include "support/rejection_checks.h"
#include "support/schedule_checks.h"

using namespace gradscape;
using gradscape::testing::buildSchedule;
using gradscape::testing::expectFactors;
using gradscape::testing::expectRejected;

class TestCyclicSchedules : public QObject {
  Q_OBJECT

 private slots:
  void cosineAnnealsToFloorAndHoldsIt() {
    // 0.1 + 0.9 (1 + cos(pi t/4))/2: cos(pi/4) = 0.70710678, so t = 1 gives
    // 0.1 + 0.9 * 0.85355339 = 0.86819805; t = 2: 0.1 + 0.45; t = 3: 0.1 + 0.9 * 0.14644661.
    // From t = 4 on the floor 0.1 is held (torch's formula would rise again: 0.2318 at t = 5).
    expectFactors(*buildSchedule("cosine", {{"t_max", 4}, {"min_factor", 0.1}}),
                  {{0, 1.0},
                   {1, 0.8681980515339464},
                   {2, 0.55},
                   {3, 0.23180194846605365},
                   {4, 0.1},
                   {5, 0.1},
                   {1000, 0.1}});
  }

  void cosineDefaultsToTorchFloorOfZero() {
    // eta_min = 0: (1 + cos(pi t/2))/2 = 1, 0.5, 0.
    expectFactors(*buildSchedule("cosine", {{"t_max", 2}}), {{0, 1.0}, {1, 0.5}, {2, 0.0}});
  }

  void oneCycleDefaultsMatchTorchAtStartPeakAndEnd() {
    // total_steps 1000, pct_start 0.3: torch's get_lr gives max_lr/25 at step 0, max_lr at
    // end_step = 0.3*1000 - 1 = 299 and (max_lr/25)/1e4 = 4e-6 max_lr at 999; 4e-6 is held after
    // (torch raises after step 1000).
    expectFactors(*buildSchedule("one_cycle", {}),
                  {{0, 0.04}, {299, 1.0}, {999, 4e-6}, {1000, 4e-6}, {100000, 4e-6}});
  }

  void oneCycleCosineMatchesHandComputedPhases() {
    // N = 10: phase ends e1 = 0.3*10 - 1 = 2 and N - 1 = 9; initial 0.04, final 4e-6.
    // cos anneal end + (start - end)/2 (1 + cos(pi p)):
    //   t = 1: p = 1/2, 1 + (0.04 - 1)/2 = 0.52
    //   t = 5: p = (5-2)/(9-2) = 3/7, 4e-6 + (1 - 4e-6)/2 (1 + cos(3pi/7)),
    //          cos(3pi/7) = 0.2225209340 -> 0.6112620219
    expectFactors(*buildSchedule("one_cycle", {{"total_steps", 10}}),
                  {{0, 0.04}, {1, 0.52}, {2, 1.0}, {5, 0.6112620219362893}, {9, 4e-6}, {10, 4e-6}});
  }

  void oneCycleLinearMatchesHandComputedPhases() {
    // Linear anneal (end - start) p + start: t = 1: 0.04 + 0.96/2 = 0.52;
    // t = 5: 1 + (4e-6 - 1) 3/7 = 0.5714302857. Torch's value at step N = 10 would extrapolate
    // to p = 8/7 and a negative rate (-0.1429); the final factor is held instead.
    expectFactors(*buildSchedule("one_cycle", {{"total_steps", 10}, {"anneal_strategy", 1}}),
                  {{0, 0.04}, {1, 0.52}, {2, 1.0}, {5, 0.5714302857142857}, {9, 4e-6}, {10, 4e-6}});
  }

  void oneCycleThreePhaseReturnsToInitialBeforeFinalAnneal() {
    // N = 20, pct_start 0.25: ends e1 = 5 - 1 = 4, e2 = 2*5 - 2 = 8, N - 1 = 19.
    //   t = 2: halfway up, 0.52;  t = 6: halfway 1 -> 0.04, 0.52;  t = 8: 0.04
    //   t = 14: p = 6/11, 4e-6 + (0.04 - 4e-6)/2 (1 + cos(6pi/11)), cos(6pi/11) = -0.1423148383
    expectFactors(
        *buildSchedule("one_cycle", {{"total_steps", 20}, {"pct_start", 0.25}, {"three_phase", 1}}),
        {{0, 0.04},
         {2, 0.52},
         {4, 1.0},
         {6, 0.52},
         {8, 0.04},
         {14, 0.017155987864210846},
         {19, 4e-6}});
  }

  void oneCycleRejectsEmptyOrOverlappingPhases() {
    OneCycleOptions o;
    o.totalSteps = 3;  // 0.3 * 3 - 1 < 0: no rising step
    expectRejected<OneCycleSchedule>(o, "pct_start");
    o.totalSteps = 100;
    o.pctStart = 0.6;  // three-phase e2 = 118 > N - 1 = 99
    o.threePhase = true;
    expectRejected<OneCycleSchedule>(o, "pct_start");
  }

  void cyclicTriangleRisesAndFallsSymmetrically() {
    // base 0.1, up = down = 4 (step_size_down 0 means "= up"): 0.1 + 0.9 * (s/4 or (8-s)/4),
    // s = t mod 8.
    expectFactors(*buildSchedule("cyclic", {{"step_size_up", 4}}),
                  {{0, 0.1}, {2, 0.55}, {4, 1.0}, {6, 0.55}, {8, 0.1}, {10, 0.55}});
  }

  void cyclicTriangleHonoursDifferentDownLength() {
    // up 2, down 6, period 8: t = 1: 0.1 + 0.9/2; t = 5: (8-5)/6 = 1/2 -> 0.55; t = 9 = 8 + 1.
    expectFactors(*buildSchedule("cyclic", {{"step_size_up", 2}, {"step_size_down", 6}}),
                  {{0, 0.1}, {1, 0.55}, {2, 1.0}, {5, 0.55}, {8, 0.1}, {9, 0.55}});
  }

  void wsdWarmsHoldsAndDecaysLinearly() {
    // W = 2, S = 3, D = 4, m = 0.1 (HF get_wsd_schedule): warmup 0.1 + 0.9 t/2 (0.1, 0.55),
    // stable 1 on [2, 5), decay 0.1 + 0.9 (1 - (t-5)/4) on [5, 9): 1, 0.775, 0.55, 0.325; then 0.1.
    expectFactors(*buildSchedule("wsd", {{"warmup_steps", 2},
                                         {"stable_steps", 3},
                                         {"decay_steps", 4},
                                         {"decay_type", 0},
                                         {"min_factor", 0.1}}),
                  {{0, 0.1},
                   {1, 0.55},
                   {2, 1.0},
                   {4, 1.0},
                   {5, 1.0},
                   {6, 0.775},
                   {7, 0.55},
                   {8, 0.325},
                   {9, 0.1},
                   {100, 0.1}});
  }

  void wsdCosineAndOneMinusSqrtDecayShapes() {
    // Same phases; cosine 0.1 + 0.9 (1 + cos(pi p))/2 at p = 1/4, 3/4 as in the cosine test;
    // 1-sqrt 0.1 + 0.9 (1 - sqrt(p)): p = 1/4 -> 0.55, p = 1/2 -> 0.1 + 0.9 * 0.29289322,
    // p = 3/4 -> 0.1 + 0.9 * 0.13397460.
    expectFactors(
        *buildSchedule("wsd", {{"warmup_steps", 2},
                               {"stable_steps", 3},
                               {"decay_steps", 4},
                               {"decay_type", 1},
                               {"min_factor", 0.1}}),
        {{5, 1.0}, {6, 0.8681980515339464}, {7, 0.55}, {8, 0.23180194846605365}, {9, 0.1}});
    expectFactors(
        *buildSchedule("wsd", {{"warmup_steps", 2},
                               {"stable_steps", 3},
                               {"decay_steps", 4},
                               {"decay_type", 2},
                               {"min_factor", 0.1}}),
        {{5, 1.0}, {6, 0.55}, {7, 0.36360389693210715}, {8, 0.22057713659400527}, {9, 0.1}});
  }
};

QTEST_APPLESS_MAIN(TestCyclicSchedules)
#include "test_cyclic_schedules.moc"
