// The two-layer MLP classifier: value against a loop implementation and hand-computed cases,
// gradient and Hessian-vector products against finite differences, the minibatch interface,
// PyTorch's initialisation and the decision-boundary probabilities.
#include <QtTest>

#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>

#include "core/objectives/mlp_classifier.h"
#include "support/finite_difference.h"

using namespace gradscape;
using gradscape::testing::fdGradient;
using gradscape::testing::fdHessian;
using gradscape::testing::relativeError;

namespace {

double uniform(std::mt19937_64& rng, double lo, double hi) {
  return lo + (hi - lo) * static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

Vec randomVector(std::mt19937_64& rng, int n, double scale = 1.0) {
  Vec v(n);
  for (int i = 0; i < n; ++i) v[i] = uniform(rng, -scale, scale);
  return v;
}

// The hidden pre-activation W1 p + b1 of unit j at sample p, read straight from the layout.
double preActivation(const Vec& x, Eigen::Index width, Eigen::Index j, double p0, double p1) {
  return x[2 * j] * p0 + x[2 * j + 1] * p1 + x[2 * width + j];
}

// The loss written as plain loops, independent of the matrix-product implementation.
double loopLoss(const Vec& x, const LabeledData& d, int width, bool relu, double l2) {
  const int c = d.classes;
  double total = 0.0;
  for (Eigen::Index n = 0; n < d.size(); ++n) {
    std::vector<double> h(static_cast<size_t>(width)), z(static_cast<size_t>(c));
    for (int j = 0; j < width; ++j) {
      const double a = preActivation(x, width, j, d.features(n, 0), d.features(n, 1));
      h[static_cast<size_t>(j)] = relu ? std::max(a, 0.0) : std::tanh(a);
    }
    double zmax = -1e300;
    for (int k = 0; k < c; ++k) {
      double s = x[3 * width + c * width + k];
      for (int j = 0; j < width; ++j) s += x[3 * width + k * width + j] * h[static_cast<size_t>(j)];
      z[static_cast<size_t>(k)] = s;
      zmax = std::max(zmax, s);
    }
    double sum = 0.0;
    for (const double s : z) sum += std::exp(s - zmax);
    total += zmax + std::log(sum) - z[static_cast<size_t>(d.labels[static_cast<size_t>(n)])];
  }
  return total / static_cast<double>(d.size()) + 0.5 * l2 * x.squaredNorm();
}

// A random point whose hidden pre-activations all stay `margin` away from ReLU's kink, so
// finite differences do not straddle it (any point for tanh).
Vec smoothPoint(std::mt19937_64& rng, const MlpClassifier& f, double margin) {
  for (;;) {
    Vec x = randomVector(rng, f.dim());
    if (f.activation() == MlpActivation::Tanh) return x;
    double closest = 1e300;
    for (Eigen::Index n = 0; n < f.data().size(); ++n) {
      for (int j = 0; j < f.width(); ++j) {
        closest = std::min(closest, std::abs(preActivation(x, f.width(), j, f.data().features(n, 0),
                                                           f.data().features(n, 1))));
      }
    }
    if (closest > margin) return x;
  }
}

MlpClassifierOptions small(ToyDataset dataset, int classes, bool relu, double l2 = 0.0) {
  MlpClassifierOptions o;
  o.dataset = dataset;
  o.samples = 40;
  o.classes = classes;
  o.noise = 0.2;
  o.width = 5;
  o.activation = relu ? MlpActivation::Relu : MlpActivation::Tanh;
  o.l2 = l2;
  o.seed = 3;
  return o;
}

constexpr int kPoints = 8;

}  // namespace

class TestMlpClassifier : public QObject {
  Q_OBJECT

  static void networkRows() {
    QTest::addColumn<int>("dataset");
    QTest::addColumn<int>("classes");
    QTest::addColumn<bool>("relu");
    const std::pair<const char*, ToyDataset> sets[] = {{"two_spirals", ToyDataset::TwoSpirals},
                                                       {"moons", ToyDataset::Moons},
                                                       {"xor", ToyDataset::Xor},
                                                       {"blobs", ToyDataset::Blobs}};
    for (const bool relu : {false, true}) {
      for (const auto& [name, kind] : sets) {
        for (const int classes : {2, 4}) {
          if (kind != ToyDataset::Blobs && classes != 2) continue;  // two-class geometries
          const QString row =
              QString("%1 %2 classes=%3").arg(name, relu ? "relu" : "tanh").arg(classes);
          QTest::newRow(qPrintable(row)) << static_cast<int>(kind) << classes << relu;
        }
      }
    }
  }

 private slots:
  void registryEntryDescribesTheDefaultNetwork() {
    const auto e = mlpClassifierEntry();
    QCOMPARE(QString::fromStdString(e.name), QString("mlp"));
    QStringList names;
    for (const auto& s : e.params) {
      names << QString::fromStdString(s.name);
      QVERIFY2(checkParam(s, s.defaultValue).empty(), s.name.c_str());
      QVERIFY(!s.help.empty());
    }
    QCOMPARE(names, QStringList({"dataset", "samples", "classes", "noise", "width", "activation",
                                 "l2", "seed"}));
    const auto obj = e.make(ParamValues::defaults(e.params));
    const auto* mlp = dynamic_cast<const MlpClassifier*>(obj.get());
    QVERIFY(mlp);
    // Moons (two classes), 200 samples, width 16: 3 * 16 + 2 * 16 + 2 parameters.
    QCOMPARE(mlp->data().size(), int64_t{200});
    QCOMPARE(mlp->classes(), 2);
    QCOMPARE(mlp->width(), 16);
    QCOMPARE(obj->dim(), 82);
    QCOMPARE(obj->sampleCount(), int64_t{200});
    ParamValues blobs = ParamValues::defaults(e.params);
    blobs.set("dataset", 3);
    blobs.set("classes", 4);
    blobs.set("activation", 1);
    const auto b = e.make(blobs);
    QCOMPARE(b->dim(), 3 * 16 + 4 * 16 + 4);
    QCOMPARE(dynamic_cast<const MlpClassifier&>(*b).activation(), MlpActivation::Relu);
  }

  void valueMatchesALoopImplementation_data() { networkRows(); }
  void valueMatchesALoopImplementation() {
    QFETCH(int, dataset);
    QFETCH(int, classes);
    QFETCH(bool, relu);
    const MlpClassifier f(small(static_cast<ToyDataset>(dataset), classes, relu, 0.3));
    std::mt19937_64 rng(1);
    for (int k = 0; k < kPoints; ++k) {
      const Vec x = randomVector(rng, f.dim(), 2.0);
      const double expected = loopLoss(x, f.data(), f.width(), relu, 0.3);
      QVERIFY(std::abs(f.value(x) - expected) < 1e-12 * std::max(1.0, expected));
      Vec g(f.dim());
      QCOMPARE(f.valueAndGradient(x, g), f.value(x));
    }
  }

  void gradientMatchesFiniteDifferences_data() { networkRows(); }
  void gradientMatchesFiniteDifferences() {
    QFETCH(int, dataset);
    QFETCH(int, classes);
    QFETCH(bool, relu);
    const MlpClassifier f(small(static_cast<ToyDataset>(dataset), classes, relu, 0.05));
    std::mt19937_64 rng(2);
    Vec g(f.dim());
    for (int k = 0; k < kPoints; ++k) {
      const Vec x = smoothPoint(rng, f, 1e-4);
      f.gradient(x, g);
      const double err = relativeError(g, fdGradient(f, x));
      QVERIFY2(err < 1e-7, qPrintable(QString("point %1: relative error %2").arg(k).arg(err)));
    }
  }

  void hessianVectorProductMatchesFiniteDifferencesOfTheGradient_data() { networkRows(); }
  void hessianVectorProductMatchesFiniteDifferencesOfTheGradient() {
    QFETCH(int, dataset);
    QFETCH(int, classes);
    QFETCH(bool, relu);
    const MlpClassifier f(small(static_cast<ToyDataset>(dataset), classes, relu, 0.05));
    std::mt19937_64 rng(3);
    const double h = 1e-6;
    Vec hv(f.dim()), gp(f.dim()), gm(f.dim());
    for (int k = 0; k < kPoints; ++k) {
      // Features reach ~6 for blobs, so x +- h v moves a pre-activation by < 1e-4.
      const Vec x = smoothPoint(rng, f, 1e-3);
      const Vec v = randomVector(rng, f.dim());
      f.hessianVectorProduct(x, v, hv);
      f.gradient(x + h * v, gp);
      f.gradient(x - h * v, gm);
      const double err = relativeError(hv, (gp - gm) / (2.0 * h));
      QVERIFY2(err < 1e-6, qPrintable(QString("point %1: relative error %2").arg(k).arg(err)));
      QVERIFY(hv.norm() > 1e-3);
    }
  }

  void hessianIsSymmetricAndMatchesProductsWithUnitVectors_data() { networkRows(); }
  void hessianIsSymmetricAndMatchesProductsWithUnitVectors() {
    QFETCH(int, dataset);
    QFETCH(int, classes);
    QFETCH(bool, relu);
    const MlpClassifier f(small(static_cast<ToyDataset>(dataset), classes, relu));
    std::mt19937_64 rng(4);
    const Vec x = smoothPoint(rng, f, 1e-3);
    const Mat h = f.hessian(x);
    QCOMPARE(h.rows(), Eigen::Index{f.dim()});
    QCOMPARE(h, Mat(h.transpose()));
    // The raw products must already be symmetric up to round-off: an R-operator that mixes up
    // a term gives a visibly asymmetric matrix.
    Mat raw(f.dim(), f.dim());
    Vec e = Vec::Zero(f.dim()), hv(f.dim());
    for (int j = 0; j < f.dim(); ++j) {
      e[j] = 1.0;
      f.hessianVectorProduct(x, e, hv);
      raw.col(j) = hv;
      e[j] = 0.0;
    }
    QVERIFY(relativeError(raw, raw.transpose()) < 1e-12);
    QVERIFY(relativeError(h, raw) < 1e-12);
    QVERIFY(relativeError(h, fdHessian(f, x, 1e-6)) < 1e-6);
  }

  void allZeroWeightsGiveLogClasses() {
    for (const int classes : {2, 4, 7}) {
      MlpClassifierOptions o = small(ToyDataset::Blobs, classes, false);
      const MlpClassifier f(o);
      // Every logit is 0: softmax is uniform and each sample costs log(classes).
      QVERIFY(std::abs(f.value(Vec::Zero(f.dim())) - std::log(classes)) < 1e-14);
      // Hidden activations are 0, so only b2 has a gradient: mean(p - onehot) = 1/c - n_k/N.
      Vec g(f.dim());
      f.gradient(Vec::Zero(f.dim()), g);
      QCOMPARE(g.head(f.dim() - classes).norm(), 0.0);
      std::vector<int> count(static_cast<size_t>(classes), 0);
      for (const int y : f.data().labels) ++count[static_cast<size_t>(y)];
      for (int k = 0; k < classes; ++k) {
        const double expected = 1.0 / classes - count[static_cast<size_t>(k)] / 40.0;
        QVERIFY(std::abs(g[f.dim() - classes + k] - expected) < 1e-15);
      }
    }
  }

  void tinyNetworkMatchesHandComputedLoss() {
    // One sample p = (1, 0) of class 0, width 1, two classes. W1 = [1, 0], b1 = 0: a = tanh 1;
    // W2 = [1; -1], b2 = 0: logits (t, -t) with t = tanh 1, loss = log(1 + exp(-2 t)).
    LabeledData d;
    d.classes = 2;
    d.features = Mat(1, 2);
    d.features << 1.0, 0.0;
    d.labels = {0};
    const MlpClassifier f(d, 1, MlpActivation::Tanh, 0.0);
    QCOMPARE(f.dim(), 3 + 2 + 2);
    Vec x(7);
    x << 1.0, 0.0, 0.0, 1.0, -1.0, 0.0, 0.0;
    const double t = std::tanh(1.0);
    QVERIFY(std::abs(f.value(x) - std::log1p(std::exp(-2.0 * t))) < 1e-15);
    // d loss / d b2 = p - onehot(0) = (-s, s) with s = sigmoid(-2 t).
    Vec g(7);
    f.gradient(x, g);
    const double s = 1.0 / (1.0 + std::exp(2.0 * t));
    QVERIFY(std::abs(g[5] + s) < 1e-15 && std::abs(g[6] - s) < 1e-15);
    // d loss / d W2 = (p - onehot) a' = (-s t, s t); d loss / d b1 = (W2'(p - onehot))(1 - t^2).
    QVERIFY(std::abs(g[3] + s * t) < 1e-15 && std::abs(g[4] - s * t) < 1e-15);
    QVERIFY(std::abs(g[2] + 2.0 * s * (1.0 - t * t)) < 1e-15);
    QVERIFY(std::abs(g[0] - g[2]) < 1e-15 && g[1] == 0.0);  // p = (1, 0)
  }

  void weightDecayAddsItsQuadratic() {
    const MlpClassifier plain(small(ToyDataset::Moons, 2, false, 0.0));
    const MlpClassifier decayed(small(ToyDataset::Moons, 2, false, 0.7));
    std::mt19937_64 rng(5);
    const Vec x = randomVector(rng, plain.dim()), v = randomVector(rng, plain.dim());
    QVERIFY(std::abs(decayed.value(x) - plain.value(x) - 0.35 * x.squaredNorm()) < 1e-12);
    Vec g0(plain.dim()), g1(plain.dim()), h0(plain.dim()), h1(plain.dim());
    plain.gradient(x, g0);
    decayed.gradient(x, g1);
    QVERIFY(relativeError(g1 - g0, 0.7 * x) < 1e-13);
    plain.hessianVectorProduct(x, v, h0);
    decayed.hessianVectorProduct(x, v, h1);
    QVERIFY(relativeError(h1 - h0, 0.7 * v) < 1e-13);
  }

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

QTEST_APPLESS_MAIN(TestMlpClassifier)
#include "test_mlp_classifier.moc"
