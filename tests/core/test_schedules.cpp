// The schedule registry as a whole (order, default ranges, factors over 10^6 steps) and
// makeSchedule's linear warmup in front of any schedule (torch SequentialLR(LinearLR, inner)).
#include <QtTest>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "core/schedules/schedule_registry.h"
#include "support/rejection_checks.h"
#include "support/schedule_checks.h"

using namespace gradscape;
using gradscape::testing::buildSchedule;
using gradscape::testing::expectFactors;
using gradscape::testing::expectInvalidArgument;
using gradscape::testing::scheduleParams;

namespace {

// Every step up to 5000 (all default phases and two cyclic periods), then ~1% apart to 10^6.
std::vector<int64_t> sampleSteps() {
  std::vector<int64_t> ts;
  for (int64_t t = 0; t <= 5000; ++t) ts.push_back(t);
  for (double t = 5000; t < 1e6; t *= 1.01) ts.push_back(static_cast<int64_t>(t));
  ts.push_back(1000000);
  return ts;
}

}  // namespace

class TestSchedules : public QObject {
  Q_OBJECT

 private slots:
  void registryListsSchedulesInDocumentedOrder() {
    std::vector<std::string> names;
    for (const auto& e : scheduleRegistry().entries()) names.push_back(e.name);
    const std::vector<std::string> expected = {
        "constant",   "step",   "multi_step", "exponential", "inverse_time", "inverse_sqrt",
        "polynomial", "cosine", "linear",     "one_cycle",   "wsd",          "cyclic"};
    QCOMPARE(names, expected);
  }

  void defaultsLieWithinTheirOwnRanges() {
    for (const auto& e : scheduleRegistry().entries()) {
      QVERIFY2(!e.title.empty() && !e.help.empty(), e.name.c_str());
      for (const auto& spec : e.params) {
        const std::string msg = checkParam(spec, spec.defaultValue);
        QVERIFY2(msg.empty(),
                 qPrintable(QString::fromStdString(e.name + "." + spec.name + " " + msg)));
      }
    }
  }

  void defaultFactorsAreFiniteAndBetweenZeroAndOne() {
    // Every schedule peaks at factor 1 (max_lr = lr) by construction; a division by zero or a
    // negative base in pow shows up as inf, nan or a value outside [0, 1].
    const auto ts = sampleSteps();
    for (const auto& e : scheduleRegistry().entries()) {
      const auto s = e.make(ParamValues::defaults(e.params));
      for (int64_t t : ts) {
        const double f = s->factor(t);
        QVERIFY2(std::isfinite(f) && f >= 0.0 && f <= 1.0,
                 qPrintable(QString("%1 at t = %2: %3").arg(e.name.c_str()).arg(t).arg(f)));
      }
    }
  }

  void defaultFactorsStayPositiveUnlessDefinedToReachZero() {
    // torch's PolynomialLR reaches 0 at total_iters and CosineAnnealingLR's eta_min defaults to
    // 0; linear and wsd decay to 0 by default likewise. All others must keep lr > 0 for 10^6
    // steps (the step and exponential defaults are chosen not to underflow to 0).
    const std::set<std::string> endAtZero = {"polynomial", "cosine", "linear", "wsd"};
    const auto ts = sampleSteps();
    for (const auto& e : scheduleRegistry().entries()) {
      if (endAtZero.count(e.name)) continue;
      const auto s = e.make(ParamValues::defaults(e.params));
      for (int64_t t : ts) {
        QVERIFY2(s->factor(t) > 0.0,
                 qPrintable(QString("%1 at t = %2").arg(e.name.c_str()).arg(t)));
      }
    }
  }

  void positiveFloorsHoldForAllTime() {
    // With a floor of 0.05 the zero-ending schedules never go below it, before or after T.
    const auto ts = sampleSteps();
    const std::vector<std::pair<const char*, const char*>> floors = {
        {"cosine", "min_factor"}, {"linear", "end_factor"}, {"wsd", "min_factor"}};
    for (const auto& [name, param] : floors) {
      const auto s = buildSchedule(name, {{param, 0.05}});
      for (int64_t t : ts) {
        QVERIFY2(s->factor(t) >= 0.05 - 1e-15,
                 qPrintable(QString("%1 at t = %2: %3").arg(name).arg(t).arg(s->factor(t))));
      }
      QCOMPARE(s->factor(1000000), 0.05);
    }
  }

  void warmupRampsLinearlyThenStartsInnerScheduleAtZero() {
    // W = 4 from 0.2: 0.2 + 0.8 t/4 = 0.2, 0.4, 0.6, 0.8; then step(t - 4) with step_size 2,
    // gamma 0.5: t = 4, 5 -> 1 (an unshifted inner would give 0.25 at t = 4); t = 6 -> 0.5;
    // t = 8 -> 0.25.
    const auto s =
        makeSchedule("step", scheduleParams("step", {{"step_size", 2}, {"gamma", 0.5}}), 4, 0.2);
    expectFactors(
        *s, {{0, 0.2}, {1, 0.4}, {2, 0.6}, {3, 0.8}, {4, 1.0}, {5, 1.0}, {6, 0.5}, {8, 0.25}});
  }

  void warmupShiftsOneCyclePhasesByWarmupLength() {
    // W = 100 from 0: t = 50 -> 0.5; one-cycle (N = 1000) starts at t = 100 with 1/25, peaks at
    // 100 + 299 and reaches 4e-6 at 100 + 999.
    const auto s = makeSchedule("one_cycle", scheduleParams("one_cycle", {}), 100, 0.0);
    expectFactors(*s, {{0, 0.0}, {50, 0.5}, {100, 0.04}, {399, 1.0}, {1099, 4e-6}});
  }

  void zeroWarmupStepsLeaveScheduleUnchanged() {
    // A wrapped one-cycle would start at the warmup factor 0.5; unwrapped it starts at 1/25.
    const auto s = makeSchedule("one_cycle", scheduleParams("one_cycle", {}), 0, 0.5);
    expectFactors(*s, {{0, 0.04}, {299, 1.0}});
  }

  void unknownScheduleNameIsRejected() {
    expectInvalidArgument([] { makeSchedule("cosine_restarts", ParamValues{}, 0, 0.0); },
                          "schedule");
  }
};

QTEST_APPLESS_MAIN(TestSchedules)
#include "test_schedules.moc"
