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
    for (int k = 0; k < 10; ++k) t.record(k, at(k), 10.0 - k, 1.0, 0.5, 0.1);
    QCOMPARE(t.size(), 10);
    QCOMPARE(t.stride(), 1);
    QCOMPARE(t.iteration(7), 7);
    QCOMPARE(t.point(7)[1], 7.0);
    QCOMPARE(t.loss(3), 7.0);
  }

  void thinsToEvenStridesWhenFull() {
    Trace t(2, 8);
    for (int k = 0; k < 100; ++k) t.record(k, at(k), 0.0, 0.0, 0.0, 0.0);
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
    for (int k = 0; k < 100; ++k) t.record(k, Vec::Constant(1, k), 0.0, 0.0, 0.0, 0.0);
    t.record(100, Vec::Constant(1, 100.0), 0.0, 0.0, 0.0, 0.0, true);
    QCOMPARE(t.iteration(t.size() - 1), 100);
    QCOMPARE(t.iteration(0), 0);
    QVERIFY(t.size() <= 8);
  }

  void memoryStaysBoundedForLongRuns() {
    Trace t(2, 1024);
    for (int k = 0; k < 1'000'000; ++k) t.record(k, at(k), 0.0, 0.0, 0.0, 0.0);
    QVERIFY(t.size() <= 1024);
    QVERIFY(t.size() >= 512);  // thinning halves at most once per fill
    QCOMPARE(t.iteration(0), 0);
  }

  void rejectsTinyCapacity() { QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Trace(2, 2)); }
};

QTEST_APPLESS_MAIN(TestTrace)
#include "test_trace.moc"
