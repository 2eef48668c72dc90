// The toy 2-D data sets: shapes, balanced labels, seeded determinism and the geometry each one
// promises (moons on their circles, xor labels from the quadrant, spirals on r = theta / 3 pi).
#include <QtTest>

#include <cmath>
#include <numbers>
#include <stdexcept>

#include "core/data/toy_datasets.h"

using namespace gradscape;

namespace {

constexpr double kPi = std::numbers::pi;

// Angle difference wrapped to (-pi, pi].
double wrapped(double a) {
  return std::remainder(a, 2.0 * kPi);
}

}  // namespace

class TestToyDatasets : public QObject {
  Q_OBJECT

  static void kinds() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("classes");
    QTest::newRow("two_spirals") << static_cast<int>(ToyDataset::TwoSpirals) << 2;
    QTest::newRow("moons") << static_cast<int>(ToyDataset::Moons) << 2;
    QTest::newRow("xor") << static_cast<int>(ToyDataset::Xor) << 2;
    QTest::newRow("blobs 2") << static_cast<int>(ToyDataset::Blobs) << 2;
    QTest::newRow("blobs 5") << static_cast<int>(ToyDataset::Blobs) << 5;
  }

 private slots:
  void shapesAndBalancedLabels_data() { kinds(); }
  void shapesAndBalancedLabels() {
    QFETCH(int, kind);
    QFETCH(int, classes);
    const LabeledData d = makeToyDataset(static_cast<ToyDataset>(kind), 101, classes, 0.2, 3);
    QCOMPARE(d.size(), int64_t{101});
    QCOMPARE(d.dim(), 2);
    QCOMPARE(d.classes, classes);
    QCOMPARE(d.labels.size(), size_t{101});
    std::vector<int> counts(static_cast<size_t>(classes), 0);
    for (size_t i = 0; i < d.labels.size(); ++i) {
      QCOMPARE(d.labels[i], static_cast<int>(i) % classes);
      ++counts[static_cast<size_t>(d.labels[i])];
    }
    // 101 points over the classes: counts differ by at most one.
    for (const int c : counts) QVERIFY(c == 101 / classes || c == 101 / classes + 1);
    QVERIFY(d.features.allFinite());
  }

  void sameSeedSameDataOtherSeedDifferent_data() { kinds(); }
  void sameSeedSameDataOtherSeedDifferent() {
    QFETCH(int, kind);
    QFETCH(int, classes);
    const auto k = static_cast<ToyDataset>(kind);
    const LabeledData a = makeToyDataset(k, 64, classes, 0.1, 42);
    const LabeledData b = makeToyDataset(k, 64, classes, 0.1, 42);
    const LabeledData c = makeToyDataset(k, 64, classes, 0.1, 43);
    QCOMPARE(a.features, b.features);
    QCOMPARE(a.labels, b.labels);
    QVERIFY((a.features - c.features).norm() > 1e-3);
    // The clean geometry also depends on the seed, not only the jitter.
    if (k != ToyDataset::Blobs) {
      const LabeledData a0 = makeToyDataset(k, 64, classes, 0.0, 42);
      const LabeledData c0 = makeToyDataset(k, 64, classes, 0.0, 43);
      QVERIFY((a0.features - c0.features).norm() > 1e-3);
    }
  }

  void moonsLieOnTheirHalfCirclesWithoutNoise() {
    const LabeledData d = moons(200, 0.0, 5);
    for (Eigen::Index i = 0; i < d.size(); ++i) {
      const double x = d.features(i, 0), y = d.features(i, 1);
      if (d.labels[static_cast<size_t>(i)] == 0) {
        QVERIFY(std::abs(std::hypot(x, y) - 1.0) < 1e-12);
        QVERIFY(y >= 0.0);  // upper half
      } else {
        QVERIFY(std::abs(std::hypot(x - 1.0, y - 0.5) - 1.0) < 1e-12);
        QVERIFY(y <= 0.5);  // lower half
      }
    }
  }

  void moonsNoiseHasTheRequestedSpread() {
    // Jitter is added to the clean points of the same seed: the difference is N(0, 0.3^2).
    const LabeledData clean = moons(4000, 0.0, 8), noisy = moons(4000, 0.3, 8);
    const Mat diff = noisy.features - clean.features;
    const double sd = std::sqrt(diff.squaredNorm() / static_cast<double>(diff.size()));
    QVERIFY2(std::abs(sd - 0.3) < 0.015, qPrintable(QString::number(sd)));
  }

  void xorLabelsFollowTheSignOfTheProduct() {
    const LabeledData d = xorData(500, 0.0, 11);
    int quadrants[4] = {0, 0, 0, 0};
    for (Eigen::Index i = 0; i < d.size(); ++i) {
      const double x = d.features(i, 0), y = d.features(i, 1);
      QVERIFY(std::abs(x) <= 1.0 && std::abs(y) <= 1.0);
      QVERIFY(x != 0.0 && y != 0.0);
      QCOMPARE(d.labels[static_cast<size_t>(i)], x * y < 0.0 ? 1 : 0);
      ++quadrants[(x > 0 ? 1 : 0) + (y > 0 ? 2 : 0)];
    }
    // Every quadrant is populated (about 125 each).
    for (const int q : quadrants) QVERIFY(q > 80);
  }

  void spiralRadiusGrowsWithAngleOnEachArm() {
    const LabeledData d = twoSpirals(400, 0.0, 17);
    double maxRadius = 0.0;
    for (Eigen::Index i = 0; i < d.size(); ++i) {
      const double x = d.features(i, 0), y = d.features(i, 1);
      const double r = std::hypot(x, y);
      QVERIFY(r < 1.0);
      maxRadius = std::max(maxRadius, r);
      if (r < 1e-9) continue;
      // Archimedean arm c: angle = 3 pi r + c pi (mod 2 pi), i.e. the radius grows linearly
      // with the unwrapped angle, 1.5 turns for r in [0, 1).
      const int c = d.labels[static_cast<size_t>(i)];
      QVERIFY2(std::abs(wrapped(std::atan2(y, x) - (3.0 * kPi * r + c * kPi))) < 1e-9,
               qPrintable(QString("point %1 (%2, %3)").arg(i).arg(x).arg(y)));
    }
    QVERIFY(maxRadius > 0.9);
  }

  void badArgumentsNameTheParameter() {
    try {
      moons(0, 0.1, 1);
      QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
      QVERIFY2(QString(e.what()).startsWith("samples:"), e.what());
    }
    try {
      twoSpirals(10, -0.5, 1);
      QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
      QVERIFY2(QString(e.what()).startsWith("noise:") && QString(e.what()).contains("-0.5"),
               e.what());
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             makeToyDataset(ToyDataset::Blobs, 10, 0, 0.0, 1));
  }
};

QTEST_APPLESS_MAIN(TestToyDatasets)
#include "test_toy_datasets.moc"
