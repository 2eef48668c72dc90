// The trace keeps every row until it is full, then thins evenly by doubling its stride.
#include <QtTest>

#include "core/run/trace.h"

using namespace gradscape;

class TestTrace : public QObject {
  Q_OBJECT

  static Vec at(double v) { return Vec::Constant(2, v); }

 private slots:
  void keepsEveryRowBelowCapacity() {
    Trace t(2, 16);
    for (int k = 0; k < 10; ++k) t.record(k, at(k), 10.0 - k, 1.0, 0.5, 0.1, {});
    QCOMPARE(t.size(), 10);
    QCOMPARE(t.stride(), 1);
    QCOMPARE(t.iteration(7), 7);
    QCOMPARE(t.point(7)[1], 7.0);
    QCOMPARE(t.loss(3), 7.0);
  }

  void thinsToEvenStridesWhenFull() {
    Trace t(2, 8);
    for (int k = 0; k < 100; ++k) t.record(k, at(k), 0.0, 0.0, 0.0, 0.0, {});
    // Capacity 8: stride doubles 1 -> 2 -> 4 -> 8 -> 16; with stride 16, iterations
    // 0, 16, 32, 48, 64, 80, 96 remain (7 rows <= 8).
    QCOMPARE(t.stride(), 16);
    QCOMPARE(t.size(), 7);
    for (int64_t r = 0; r < t.size(); ++r) {
      QCOMPARE(t.iteration(r), 16 * r);
      QCOMPARE(t.point(r)[0], static_cast<double>(16 * r));  // points move with their rows
    }
  }

  void forcedFinalRowIsKeptOffStride() {
    Trace t(1, 8);
    for (int k = 0; k < 100; ++k) t.record(k, Vec::Constant(1, k), 0.0, 0.0, 0.0, 0.0, {});
    t.record(100, Vec::Constant(1, 100.0), 0.0, 0.0, 0.0, 0.0, {}, true);
    QCOMPARE(t.iteration(t.size() - 1), 100);
    QCOMPARE(t.iteration(0), 0);
    QVERIFY(t.size() <= 8);
  }

  void memoryStaysBoundedForLongRuns() {
    Trace t(2, 1024);
    for (int k = 0; k < 1'000'000; ++k) t.record(k, at(k), 0.0, 0.0, 0.0, 0.0, {});
    QVERIFY(t.size() <= 1024);
    QVERIFY(t.size() >= 512);  // thinning halves at most once per fill
    QCOMPARE(t.iteration(0), 0);
  }

  void smallDimensionsKeepTheIterateWithEveryRow() {
    Trace t(16, Trace::kDefaultCapacity);  // 16 * 2^18 = 2^22 doubles: exactly the budget
    QVERIFY(t.pointsPerRow());
    QVERIFY(!Trace(17, Trace::kDefaultCapacity).pointsPerRow());
  }

  void largeDimensionsThinTheirIteratesWithinTheBudget() {
    // 2^20 dimensions: the budget of 2^22 doubles holds 4 iterates; every row is still kept.
    const int n = 1 << 20;
    Trace t(n, 64);
    QVERIFY(!t.pointsPerRow());
    Vec x(n);
    for (int k = 0; k < 40; ++k) {
      x.setConstant(k);
      t.record(k, x, 100.0 - k, 0.0, 0.0, 0.0, {});
    }
    x.setConstant(40);
    t.record(40, x, 60.0, 0.0, 0.0, 0.0, {}, true);
    QCOMPARE(t.size(), 41);  // rows unaffected
    QVERIFY(t.pointCount() <= 4);
    // Stride 16 after thinning: iterates 0, 16, 32 plus the forced final one.
    QCOMPARE(t.pointCount(), 4);
    const int64_t expected[] = {0, 16, 32, 40};
    for (int64_t i = 0; i < t.pointCount(); ++i) {
      QCOMPARE(t.pointIteration(i), expected[i]);
      QCOMPARE(t.point(i)[n - 1], static_cast<double>(expected[i]));  // iterates move with them
    }
  }

  void normsAreStoredSquaredAndReadAsNorms() {
    Trace t(2, 16);
    t.record(0, at(0), 1.0, 25.0, 2.25, 0.1, {});  // ||g||^2 = 25, ||step||^2 = 2.25
    QCOMPARE(t.gradNorm(0), 5.0);
    QCOMPARE(t.stepNorm(0), 1.5);
  }

  void growsPastItsReservationAndCopiesWhole() {
    // Reserved for 3 rows, then 40 recorded at capacity 16: storage grows, then thins.
    Trace t(2, 16);
    t.reserve(3);
    for (int k = 0; k < 40; ++k) t.record(k, at(k), 100.0 - k, 0.0, 0.0, 0.0, {});
    QCOMPARE(t.stride(), 4);  // 1 -> 2 at row 16, 2 -> 4 at row 32
    QCOMPARE(t.size(), 10);   // 0, 4, ..., 36
    const Trace copy = t;
    QCOMPARE(copy.size(), t.size());
    for (int64_t r = 0; r < t.size(); ++r) {
      QCOMPARE(copy.iteration(r), 4 * r);
      QCOMPARE(copy.loss(r), 100.0 - 4.0 * static_cast<double>(r));
      QCOMPARE(copy.point(r)[1], static_cast<double>(4 * r));
    }
  }

  void rejectsTinyCapacity() { QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Trace(2, 2)); }
};

QTEST_APPLESS_MAIN(TestTrace)
#include "test_trace.moc"
