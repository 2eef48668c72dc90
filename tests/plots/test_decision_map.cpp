// The decision map rendered offscreen and read back pixel by pixel (the regions in their class
// tints, white where the classes are even, the boundary line, the data points in full colour),
// and its data sampled from MLP classifiers whose answers are known: all-zero weights (every
// class ties) and weights set by hand so the class is the sign of x1. Set GRADSCAPE_SHOT_DIR to
// keep pictures of a network trained on the moons.
#include <vtkNew.h>
#include <vtkPNGWriter.h>
#include <vtkRenderWindow.h>
#include <vtkWindowToImageFilter.h>

#include <QTest>

#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/data/toy_datasets.h"
#include "core/objectives/mlp_classifier.h"
#include "core/run/run.h"
#include "plots/decision_map.h"
#include "support/offscreen_render.h"

using namespace gradscape;
using namespace gradscape::plots;
using namespace gradscape::testing;

namespace {

using Offscreen = OffscreenScene<DecisionMap>;

Pixel bytes(const Rgb& c) {
  return {static_cast<int>(std::lround(c.r * 255.0)), static_cast<int>(std::lround(c.g * 255.0)),
          static_cast<int>(std::lround(c.b * 255.0))};
}

bool near(const Pixel& p, const Pixel& expected, int tolerance) {
  for (int c = 0; c < 3; ++c) {
    if (std::abs(p[c] - expected[c]) > tolerance) return false;
  }
  return true;
}

QByteArray show(const Pixel& p) {
  return QByteArray::number(p[0]) + "," + QByteArray::number(p[1]) + "," + QByteArray::number(p[2]);
}

// Box [-2, 2] x [-1.5, 1.5] on a 40 x 30 grid (no grid column at x = 0) with the probabilities
// p(class | x, y) given.
template <class P>
DecisionMapData handMade(int classes, P probability) {
  DecisionMapData d;
  d.classes = classes;
  d.xmin = -2.0;
  d.xmax = 2.0;
  d.ymin = -1.5;
  d.ymax = 1.5;
  d.nx = 40;
  d.ny = 30;
  for (int iy = 0; iy < d.ny; ++iy) {
    for (int ix = 0; ix < d.nx; ++ix) {
      const double x = d.xmin + (d.xmax - d.xmin) * ix / (d.nx - 1);
      const double y = d.ymin + (d.ymax - d.ymin) * iy / (d.ny - 1);
      for (int c = 0; c < classes; ++c) d.probabilities.push_back(probability(x, y, c));
    }
  }
  d.title = "hand-made";
  return d;
}

// Class 0 left of x = 0 and class 1 right of it, both certain.
DecisionMapData splitAtZero() {
  return handMade(2, [](double x, double, int c) { return (x < 0.0) == (c == 0) ? 1.0 : 0.0; });
}

// x for a width-1 tanh network with class 1 exactly where x1 > 0: hidden unit tanh(10 x1),
// logits (-10 h, 10 h). Layout [W1 (1 x 2), b1, W2 (2 x 1), b2].
Vec signOfX1Weights() {
  Vec x(7);
  x << 10.0, 0.0, 0.0, -10.0, 10.0, 0.0, 0.0;
  return x;
}

std::string percentText(double share) {
  std::array<char, 32> s{};
  std::snprintf(s.data(), s.size(), "%.1f", 100.0 * share);
  return s.data();
}

// Saves the map at 900 x 700 as <name>.png under $GRADSCAPE_SHOT_DIR, when it is set.
void save(Offscreen& view, const char* name) {
  if (!qEnvironmentVariableIsSet("GRADSCAPE_SHOT_DIR")) return;
  const QByteArray path = qgetenv("GRADSCAPE_SHOT_DIR") + "/" + name + ".png";
  view.window->SetSize(900, 700);
  view.window->Render();
  vtkNew<vtkWindowToImageFilter> grab;
  grab->SetInput(view.window);
  grab->ReadFrontBufferOff();
  vtkNew<vtkPNGWriter> writer;
  writer->SetInputConnection(grab->GetOutputPort());
  writer->SetFileName(path.constData());
  writer->Write();
  view.window->SetSize(kWidth, kHeight);
}

}  // namespace

class TestDecisionMap : public QObject {
  Q_OBJECT

 private slots:
  void regionsShowTheirClassTintOnEachSideOfTheSplit() {
    Offscreen view;
    view.scene.setData(splitAtZero());
    const auto image = view.render();
    const Pixel tint0 = bytes(regionColor(0, 1.0)), tint1 = bytes(regionColor(1, 1.0));
    for (const auto& w : {std::array<double, 2>{-1.5, 1.2}, std::array<double, 2>{-0.4, -1.0}}) {
      const Pixel p = Offscreen::at(image, view.display(w[0], w[1]));
      QVERIFY2(near(p, tint0, 3), show(p));
    }
    for (const auto& w : {std::array<double, 2>{1.5, 1.2}, std::array<double, 2>{0.4, -1.0}}) {
      const Pixel p = Offscreen::at(image, view.display(w[0], w[1]));
      QVERIFY2(near(p, tint1, 3), show(p));
    }
    // The tints are half-way from white to the class colours, and distinct from each other.
    QVERIFY(!near(tint0, tint1, 40));
    QVERIFY(near(tint0, bytes({0.951, 0.812, 0.5}), 1));
  }

  void boundaryIsADarkLineWhereTheTopClassChanges() {
    Offscreen view;
    view.scene.setData(splitAtZero());
    const auto image = view.render();
    for (double y : {-1.0, 0.3, 1.1}) {
      const auto d = view.display(0.0, y);
      int darkest = 255 * 3;
      for (int dx = -2; dx <= 2; ++dx) {
        const Pixel p = Offscreen::at(image, {d[0] + dx, d[1]});
        darkest = std::min(darkest, p[0] + p[1] + p[2]);
      }
      QVERIFY2(darkest < 3 * 110, QByteArray::number(darkest));
    }
    // Away from it, no line: a column a quarter of the box to the left stays light.
    const auto d = view.display(-1.0, 0.3);
    for (int dx = -2; dx <= 2; ++dx) {
      const Pixel p = Offscreen::at(image, {d[0] + dx, d[1]});
      QVERIFY2(p[0] + p[1] + p[2] > 3 * 180, show(p));
    }
  }

  void everyBoundaryOfThreeClassesIsDrawn() {
    // Bands: class 0 left of x = -0.5, class 1 between, class 2 right of x = 0.5.
    Offscreen view;
    view.scene.setData(handMade(3, [](double x, double, int c) {
      const int top = x < -0.5 ? 0 : (x < 0.5 ? 1 : 2);
      return c == top ? 0.8 : 0.1;
    }));
    const auto image = view.render();
    for (double x : {-0.5, 0.5}) {
      const auto d = view.display(x, 0.2);
      int darkest = 255 * 3;
      for (int dx = -3; dx <= 3; ++dx) {
        const Pixel p = Offscreen::at(image, {d[0] + dx, d[1]});
        darkest = std::min(darkest, p[0] + p[1] + p[2]);
      }
      QVERIFY2(darkest < 3 * 110, QByteArray::number(darkest));
    }
    // Confidence (0.8 - 1/3) / (2/3) = 0.7 in every band.
    const double c = confidenceOf(0.8, 3);
    QVERIFY(std::abs(c - 0.7) < 1e-12);
    for (int k = 0; k < 3; ++k) {
      const Pixel p = Offscreen::at(image, view.display(-1.2 + 1.2 * k, -0.8));
      QVERIFY2(near(p, bytes(regionColor(k, c)), 3), show(p));
    }
  }

  void dataPointsAppearInTheirFullColours() {
    Offscreen view;
    DecisionMapData data = splitAtZero();
    // One point of each class on each side: the misclassified ones must read too.
    data.px = {-1.0, -1.0, 1.0, 1.0};
    data.py = {0.8, -0.6, 0.8, -0.6};
    data.labels = {0, 1, 0, 1};
    view.scene.setData(data);
    const auto image = view.render();
    for (size_t i = 0; i < data.px.size(); ++i) {
      const Pixel p = Offscreen::at(image, view.display(data.px[i], data.py[i]));
      QVERIFY2(near(p, bytes(classColor(data.labels[i])), 6), show(p));
    }
    // A dark outline rings each point: from 3.5 px to 4.7 px right of the centre.
    const auto d = view.display(-1.0, 0.8);
    int darkest = 3 * 255;
    for (double dx : {3.6, 4.1, 4.6}) {
      const Pixel p = Offscreen::at(image, {d[0] + dx, d[1]});
      darkest = std::min(darkest, p[0] + p[1] + p[2]);
    }
    QVERIFY2(darkest < 3 * 120, QByteArray::number(darkest));
  }

  void evenProbabilitiesLeaveTheCellsWhite() {
    Offscreen view;
    view.scene.setData(handMade(3, [](double, double, int) { return 1.0 / 3.0; }));
    const auto image = view.render();
    for (const auto& w : {std::array<double, 2>{-1.5, 1.2}, std::array<double, 2>{0.0, 0.0},
                          std::array<double, 2>{1.3, -0.7}}) {
      const Pixel p = Offscreen::at(image, view.display(w[0], w[1]));
      QVERIFY2(near(p, {255, 255, 255}, 2), show(p));
    }
    // Half-way to certain, half the tint: confidence (2/3 - 1/3) / (1 - 1/3) = 1/2.
    view.scene.setData(
        handMade(3, [](double, double, int c) { return c == 2 ? 2.0 / 3 : 1.0 / 6; }));
    const auto halfSure = view.render();
    const Pixel half = Offscreen::at(halfSure, view.display(0.7, 0.4));
    QVERIFY2(near(half, bytes(regionColor(2, 0.5)), 3), show(half));
    QCOMPARE(confidenceOf(2.0 / 3.0, 3), 0.5);
  }

  void badDataDoesNotBreakTheMap() {
    Offscreen view;
    view.scene.setData(DecisionMapData{});  // the default box, no grid, no points
    view.render();
    DecisionMapData data = splitAtZero();
    data.probabilities.pop_back();  // a size that does not match: no regions
    data.px = {0.5, std::nan(""), 9.0};
    data.py = {0.5, 0.0, 0.0};
    data.labels = {7, 0, 1};  // out of range, NaN position, outside the box
    view.scene.setData(data);
    const auto bare = view.render();
    const Pixel plain = Offscreen::at(bare, view.display(-1.0, 0.0));
    QVERIFY2(near(plain, {255, 255, 255}, 2), show(plain));
    // NaN probabilities in part of the grid are left white, the rest keeps its tint.
    data = splitAtZero();
    for (size_t i = 0; i < 40 * 2 * 10; ++i) data.probabilities[i] = std::nan("");
    view.scene.setData(data);
    const auto image = view.render();
    const Pixel hole = Offscreen::at(image, view.display(-1.5, -1.3));
    QVERIFY2(near(hole, {255, 255, 255}, 2), show(hole));
    const Pixel kept = Offscreen::at(image, view.display(-1.5, 1.2));
    QVERIFY2(near(kept, bytes(regionColor(0, 1.0)), 3), show(kept));
    data.xmax = data.xmin;  // an empty box hides everything
    view.scene.setData(data);
    view.render();
  }

  void zeroWeightsTieEveryClassAndTiesGoToTheLowestClass() {
    // Ten points with classes 0, 1, 2 in shares 3 : 5 : 2. All-zero weights give equal logits:
    // p = 1/3 for every class everywhere, every prediction a tie, won by class 0.
    LabeledData data;
    data.classes = 3;
    data.features.resize(10, 2);
    for (int i = 0; i < 10; ++i) {
      data.features(i, 0) = 0.3 * i - 1.0;
      data.features(i, 1) = std::sin(i);
    }
    data.labels = {0, 1, 1, 2, 0, 1, 1, 0, 2, 1};
    const MlpClassifier model(data, 4, MlpActivation::Tanh, 0.0);
    const DecisionMapData map = decisionMapData(model, Vec::Zero(model.dim()), 11, "Zero");
    QCOMPARE(map.nx, 11);
    QCOMPARE(map.ny, 11);
    QCOMPARE(map.probabilities.size(), size_t{11 * 11 * 3});
    for (double p : map.probabilities) QVERIFY(std::abs(p - 1.0 / 3.0) < 1e-15);
    QCOMPARE(map.accuracy, 0.3);
    QCOMPARE(map.title, std::string("Zero · 30.0% of training points right"));
  }

  void handMadeWeightsSplitTheMapAtX1EqualsZero_data() {
    QTest::addColumn<int>("dataset");
    QTest::newRow("moons") << int(ToyDataset::Moons);
    QTest::newRow("xor") << int(ToyDataset::Xor);
  }
  void handMadeWeightsSplitTheMapAtX1EqualsZero() {
    QFETCH(int, dataset);
    LabeledData data = makeToyDataset(ToyDataset(dataset), 200, 2, 0.1, 11);
    const MlpClassifier model(data, 1, MlpActivation::Tanh, 0.0);
    const int n = 31;
    const DecisionMapData map = decisionMapData(model, signOfX1Weights(), n, "GD");

    // The box: data bounds padded by 10% of the extent.
    const double x0 = data.features.col(0).minCoeff(), x1 = data.features.col(0).maxCoeff();
    const double y0 = data.features.col(1).minCoeff(), y1 = data.features.col(1).maxCoeff();
    QVERIFY(std::abs(map.xmin - (x0 - 0.1 * (x1 - x0))) < 1e-12);
    QVERIFY(std::abs(map.xmax - (x1 + 0.1 * (x1 - x0))) < 1e-12);
    QVERIFY(std::abs(map.ymin - (y0 - 0.1 * (y1 - y0))) < 1e-12);
    QVERIFY(std::abs(map.ymax - (y1 + 0.1 * (y1 - y0))) < 1e-12);

    // Every grid point: p1 = sigmoid(20 tanh(10 x1)), whatever x2, laid out (iy, ix, class).
    for (int iy = 0; iy < n; ++iy) {
      for (int ix = 0; ix < n; ++ix) {
        const double x = map.xmin + (map.xmax - map.xmin) * ix / (n - 1);
        const double p1 = 1.0 / (1.0 + std::exp(-20.0 * std::tanh(10.0 * x)));
        const size_t at = static_cast<size_t>((iy * n + ix) * 2);
        QVERIFY(std::abs(map.probabilities[at + 1] - p1) < 1e-12);
        QVERIFY(std::abs(map.probabilities[at] - (1.0 - p1)) < 1e-12);
        QCOMPARE(predictedClass(&map.probabilities[at], 2), x > 0.0 ? 1 : 0);
      }
    }

    // Accuracy: the share of points whose label is the sign of x1, counted here.
    int right = 0;
    for (int i = 0; i < 200; ++i) {
      right += (data.features(i, 0) > 0.0 ? 1 : 0) == data.labels[static_cast<size_t>(i)] ? 1 : 0;
    }
    QCOMPARE(map.accuracy, right / 200.0);
    QCOMPARE(map.title, "GD · " + percentText(right / 200.0) + "% of training points right");
    QCOMPARE(map.px.size(), size_t{200});
    QCOMPARE(map.labels, data.labels);
  }

  void badArgumentsAreRejectedByName() {
    const MlpClassifier model(moons(20, 0.1, 1), 1, MlpActivation::Tanh, 0.0);
    try {
      decisionMapData(model, signOfX1Weights(), 1, "");
      QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
      QVERIFY2(std::string(e.what()).starts_with("gridSize:"), e.what());
    }
    try {
      decisionMapData(model, Vec::Zero(6), 10, "");
      QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
      QVERIFY2(std::string(e.what()).starts_with("x:"), e.what());
    }
  }

  void trainedMoonsNetworkSeparatesTheMoons() {
    MlpClassifierOptions o;
    o.dataset = ToyDataset::Moons;
    o.samples = 200;
    o.noise = 0.1;
    o.seed = 3;
    auto model = std::make_shared<const MlpClassifier>(o);
    RunSpec spec;
    spec.optimizer = "sgd";
    spec.optimizerParams.set("lr", 0.5);
    spec.optimizerParams.set("momentum", 0.9);
    spec.start = model->defaultStart(1);
    spec.stop.maxIterations = 600;
    spec.stop.gradTol = 0.0;
    Run run(model, spec);
    run.runToEnd();
    const DecisionMapData map =
        decisionMapData(*model, run.point(), 121, "GD + momentum at iteration 600");
    // The moons are separable and the network wide enough: nearly every point right.
    QVERIFY2(map.accuracy >= 0.95, QByteArray::number(map.accuracy));
    Offscreen view;
    view.scene.setData(map);
    const auto image = view.render();
    // The upper moon's centre (0, 1) is class 0's, the lower one's (1, -0.5) class 1's.
    const Pixel upper = Offscreen::at(image, view.display(0.0, 1.25));
    const Pixel lower = Offscreen::at(image, view.display(1.0, -0.75));
    QVERIFY2(near(upper, bytes(regionColor(0, 1.0)), 25), show(upper));
    QVERIFY2(near(lower, bytes(regionColor(1, 1.0)), 25), show(lower));
    save(view, "decision_map_moons");

    const DecisionMapData start = decisionMapData(*model, spec.start, 121, "GD at iteration 0");
    view.scene.setData(start);
    save(view, "decision_map_moons_start");
  }

  void trainedBlobsNetworkSeparatesThreeClasses() {
    MlpClassifierOptions o;
    o.dataset = ToyDataset::Blobs;
    o.samples = 300;
    o.classes = 3;
    o.seed = 2;
    auto model = std::make_shared<const MlpClassifier>(o);
    RunSpec spec;
    spec.optimizer = "sgd";
    spec.optimizerParams.set("lr", 0.2);
    spec.optimizerParams.set("momentum", 0.9);
    spec.start = model->defaultStart(1);
    spec.stop.maxIterations = 300;
    spec.stop.gradTol = 0.0;
    Run run(model, spec);
    run.runToEnd();
    const DecisionMapData map = decisionMapData(*model, run.point(), 121, "GD + momentum, blobs");
    // Every point right would be luck (blobs overlap), most points right is not.
    QVERIFY2(map.accuracy >= 0.8, QByteArray::number(map.accuracy));
    Offscreen view;
    view.scene.setData(map);
    view.render();
    save(view, "decision_map_blobs");
  }
};

QTEST_APPLESS_MAIN(TestDecisionMap)
#include "test_decision_map.moc"
