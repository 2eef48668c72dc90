// The two-layer MLP classifier as the rest of the program reads it: class probabilities (the
// decision map) that reproduce the loss, minibatch losses, PyTorch's default initialisation,
// options rejected by name, and the filters (each hidden neuron's incoming weights). Values and
// derivatives: test_mlp_classifier.cpp.
#include <QtTest>

#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>
#include <vector>

#include "core/objectives/mlp_classifier.h"
#include "support/finite_difference.h"
#include "support/mlp_networks.h"

using namespace gradscape;
using namespace gradscape::testing;

class TestMlpClassifierInterface : public QObject {
  Q_OBJECT

 private slots:
  void classProbabilitiesSumToOneAndReproduceTheLoss() {
    const MlpClassifier f(small(ToyDataset::Blobs, 4, false));
    std::mt19937_64 rng(6);
    const Vec x = randomVector(rng, f.dim(), 2.0);
    Mat probs;
    f.classProbabilities(x, f.data().features, probs);
    QCOMPARE(probs.rows(), Eigen::Index{40});
    QCOMPARE(probs.cols(), Eigen::Index{4});
    QVERIFY((probs.array() > 0.0).all());
    QVERIFY((probs.rowwise().sum().array() - 1.0).abs().maxCoeff() < 1e-14);
    double loss = 0.0;
    for (Eigen::Index n = 0; n < 40; ++n)
      loss -= std::log(probs(n, f.data().labels[static_cast<size_t>(n)]));
    QVERIFY(std::abs(loss / 40.0 - loopLoss(x, f.data(), f.width(), false, 0.0)) < 1e-12);
    // Points off the data set: a grid, as the decision-boundary view asks for.
    Mat grid(3, 2);
    grid << -1.0, 0.5, 0.0, 0.0, 2.0, -3.0;
    f.classProbabilities(x, grid, probs);
    QCOMPARE(probs.rows(), Eigen::Index{3});
    QVERIFY((probs.rowwise().sum().array() - 1.0).abs().maxCoeff() < 1e-14);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, f.classProbabilities(x, Mat(2, 3), probs));
  }

  void batchOfAllSamplesEqualsTheFullLoss() {
    const MlpClassifier f(small(ToyDataset::TwoSpirals, 2, false, 0.1));
    std::mt19937_64 rng(7);
    const Vec x = randomVector(rng, f.dim());
    std::vector<int> all(40);
    std::iota(all.begin(), all.end(), 0);
    Vec g(f.dim()), gb(f.dim());
    const double full = f.valueAndGradient(x, g);
    const double batch = f.batchValueAndGradient(x, all, gb);
    QVERIFY(std::abs(full - batch) < 1e-14);
    QVERIFY(relativeError(gb, g) < 1e-14);
  }

  void batchOfOneSampleEqualsThatSamplesLoss() {
    const MlpClassifier f(small(ToyDataset::Xor, 2, true, 0.2));
    std::mt19937_64 rng(8);
    const Vec x = randomVector(rng, f.dim());
    for (const int i : {0, 17, 39}) {
      LabeledData one;
      one.classes = 2;
      one.features = f.data().features.row(i);
      one.labels = {f.data().labels[static_cast<size_t>(i)]};
      const MlpClassifier single(one, f.width(), MlpActivation::Relu, 0.2);
      Vec g(f.dim()), gb(f.dim()), gr(f.dim());
      const int batch[] = {i};
      QVERIFY(std::abs(f.batchValueAndGradient(x, batch, gb) - single.valueAndGradient(x, g)) <
              1e-14);
      QVERIFY(relativeError(gb, g) < 1e-14);
      // Repeats count as often as they appear: {i, i} has the same mean as {i}.
      const int twice[] = {i, i};
      QVERIFY(std::abs(f.batchValueAndGradient(x, twice, gr) - single.value(x)) < 1e-14);
      QVERIFY(relativeError(gr, g) < 1e-14);
    }
    const int bad[] = {40};
    Vec g(f.dim());
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, f.batchValueAndGradient(x, bad, g));
  }

  void defaultStartFollowsPyTorchLinearInit() {
    MlpClassifierOptions o = small(ToyDataset::Blobs, 3, false);
    o.width = 64;
    const MlpClassifier f(o);
    const Vec a = f.defaultStart(11), b = f.defaultStart(11), c = f.defaultStart(12);
    QCOMPARE(a, b);
    QVERIFY((a - c).norm() > 0.1);
    // Hidden layer (W1, b1): fan_in 2; output layer (W2, b2): fan_in = width = 64.
    const Vec hidden = a.head(3 * 64), output = a.tail(3 * 64 + 3);
    const double h = 1.0 / std::sqrt(2.0), w = 1.0 / 8.0;
    QVERIFY(hidden.cwiseAbs().maxCoeff() <= h);
    QVERIFY(output.cwiseAbs().maxCoeff() <= w);
    // Uniform, not concentrated: the extremes come near the bounds and the mean is near 0.
    QVERIFY(hidden.cwiseAbs().maxCoeff() > 0.9 * h && output.cwiseAbs().maxCoeff() > 0.9 * w);
    QVERIFY(std::abs(hidden.mean()) < 0.15 * h && std::abs(output.mean()) < 0.15 * w);
    // Variance of U(-b, b) is b^2 / 3.
    QVERIFY(std::abs(output.squaredNorm() / output.size() - w * w / 3.0) < 0.25 * w * w / 3.0);
  }

  void badOptionsNameTheParameter_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<double>("value");
    QTest::newRow("samples") << "samples" << 3.0;
    QTest::newRow("classes") << "classes" << 11.0;
    QTest::newRow("noise") << "noise" << -0.1;
    QTest::newRow("width") << "width" << 0.0;
    QTest::newRow("l2") << "l2" << -1.0;
  }
  void badOptionsNameTheParameter() {
    QFETCH(QString, field);
    QFETCH(double, value);
    MlpClassifierOptions o;
    if (field == "samples") o.samples = static_cast<int>(value);
    if (field == "classes") o.classes = static_cast<int>(value);
    if (field == "noise") o.noise = value;
    if (field == "width") o.width = static_cast<int>(value);
    if (field == "l2") o.l2 = value;
    try {
      const MlpClassifier f(o);
      QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
      const QString what = e.what();
      QVERIFY2(what.startsWith(field + ":") && what.contains("got"), e.what());
    }
  }

  void filtersAreTheNeuronsIncomingWeights() {
    MlpClassifierOptions o;
    o.width = 4;
    o.classes = 3;
    o.dataset = ToyDataset::Blobs;
    const MlpClassifier f(o);
    const auto filters = f.filters();
    QCOMPARE(filters.size(), size_t{4 + 3});
    // W1 rows (2 inputs each) at 0, 2, 4, 6; b1 at 8..11; W2 rows (4 each) at 12, 16, 20; b2.
    for (int i = 0; i < 4; ++i) {
      QCOMPARE(filters[size_t(i)].offset, 2 * i);
      QCOMPARE(filters[size_t(i)].size, 2);
    }
    for (int c = 0; c < 3; ++c) {
      QCOMPARE(filters[size_t(4 + c)].offset, 12 + 4 * c);
      QCOMPARE(filters[size_t(4 + c)].size, 4);
    }
    QCOMPARE(f.dim(), 12 + 12 + 3);
  }
};

QTEST_APPLESS_MAIN(TestMlpClassifierInterface)
#include "test_mlp_classifier_interface.moc"
