// The two-layer MLP classifier: the registry entry, value against a loop implementation and
// hand-computed cases, gradient and Hessian-vector products against finite differences, and
// weight decay. Class probabilities, minibatches, PyTorch's initialisation, option validation
// and the filters: test_mlp_classifier_interface.cpp.
#include <QtTest>

#include <cmath>
#include <random>

#include "core/objectives/mlp_classifier.h"
#include "support/finite_difference.h"
#include "support/mlp_networks.h"

using namespace gradscape;
using namespace gradscape::testing;

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
};

QTEST_APPLESS_MAIN(TestMlpClassifier)
#include "test_mlp_classifier.moc"
