// The Model panel: the hint without a classifier, the decision regions of a network whose
// answer is known (class = sign of x1) in the rendered frame, streams of parameters coalesced
// into a few rebuilds, no work while hidden, and stale parameters ignored. Set GRADSCAPE_SHOT_DIR
// to keep a picture of a network trained on the moons.
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <memory>

#include "app/gui/model_panel.h"
#include "app/gui/surface_format.h"
#include "app/gui/vtk_view.h"
#include "core/data/toy_datasets.h"
#include "core/objectives/mlp_classifier.h"
#include "core/run/run.h"
#include "plots/decision_map.h"

using namespace gradscape;
using namespace gradscape::gui;

namespace {

// A width-1 tanh network on the moons with class 1 exactly where x1 > 0 (logits -10 h, 10 h
// with h = tanh(10 x1)), and its parameters [W1, b1, W2, b2].
std::shared_ptr<const MlpClassifier> signModel() {
  return std::make_shared<const MlpClassifier>(moons(200, 0.1, 5), 1, MlpActivation::Tanh, 0.0);
}

Vec signOfX1(double scale = 1.0) {
  Vec x(7);
  x << 10.0 * scale, 0.0, 0.0, -10.0, 10.0, 0.0, 0.0;
  return x;
}

int countNear(const QImage& image, const plots::Rgb& rgb, int tolerance) {
  const QColor colour = QColor::fromRgbF(float(rgb.r), float(rgb.g), float(rgb.b));
  int count = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      const QColor c = image.pixelColor(x, y);
      count += std::abs(c.red() - colour.red()) <= tolerance &&
                       std::abs(c.green() - colour.green()) <= tolerance &&
                       std::abs(c.blue() - colour.blue()) <= tolerance
                   ? 1
                   : 0;
    }
  }
  return count;
}

QImage renderedFrame(VtkView* view) {
  QSignalSpy frames(view, &VtkView::frameRendered);
  view->requestRender();
  frames.wait(5000);
  return view->grabFramebuffer();
}

QLabel* hintOf(ModelPanel& panel) {
  return panel.findChild<QLabel*>("modelHint");
}

}  // namespace

class ModelPanelTest : public QObject {
  Q_OBJECT

 private slots:
  void init() {
    panel_ = std::make_unique<ModelPanel>();
    panel_->resize(640, 520);
    panel_->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel_.get()));
  }
  void cleanup() { panel_.reset(); }

  void withoutAModelTheHintShows() {
    QLabel* hint = hintOf(*panel_);
    QVERIFY(hint);
    QVERIFY(hint->isVisible());
    QVERIFY(hint->text().contains("Two-layer MLP"));
    QVERIFY(!panel_->view()->isVisible());
    panel_->setModel(signModel());
    QVERIFY(!hint->isVisible());
    QVERIFY(panel_->view()->isVisible());
    panel_->setModel(nullptr);
    QVERIFY(hint->isVisible());
    QVERIFY(!panel_->view()->isVisible());
  }

  void regionsOfTheNetworkAppearInTheFrame() {
    QSignalSpy rebuilt(panel_.get(), &ModelPanel::mapRebuilt);
    panel_->setModel(signModel());
    // Before any parameters: the training data alone, no regions.
    QCOMPARE(rebuilt.count(), 1);
    QVERIFY(panel_->map().data().probabilities.empty());
    QImage frame = renderedFrame(panel_->view());
    QVERIFY(countNear(frame, plots::classColor(0), 4) > 100);  // the points
    QCOMPARE(countNear(frame, plots::regionColor(0, 1.0), 3), 0);

    QTest::qWait(150);  // past the throttle interval: the next parameters are drawn at once
    panel_->setParameters(signOfX1(), "GD", 7);
    QCOMPARE(rebuilt.count(), 2);
    QVERIFY(panel_->map().data().title.starts_with("GD at iteration 7 · "));
    frame = renderedFrame(panel_->view());
    // Both halves of the box in their full tints (the network is sure away from x1 = 0).
    const int left = countNear(frame, plots::regionColor(0, 1.0), 3);
    const int right = countNear(frame, plots::regionColor(1, 1.0), 3);
    QVERIFY2(left > 5000 && right > 5000,
             qPrintable(QString("%1 and %2 pixels").arg(left).arg(right)));
  }

  void streamOfParametersIsCoalesced() {
    panel_->setModel(signModel());
    QSignalSpy rebuilt(panel_.get(), &ModelPanel::mapRebuilt);
    for (int k = 0; k < 50; ++k) panel_->setParameters(signOfX1(1.0 + 0.01 * k), "GD", k);
    QTest::qWait(300);
    // At most the first at once and the newest when the interval is over.
    QVERIFY2(rebuilt.count() >= 1 && rebuilt.count() <= 2, QByteArray::number(rebuilt.count()));
    QVERIFY(panel_->map().data().title.starts_with("GD at iteration 49 · "));

    // With the event loop running between the calls: one rebuild per interval at the most.
    rebuilt.clear();
    QElapsedTimer clock;
    clock.start();
    for (int k = 0; k < 50; ++k) {
      panel_->setParameters(signOfX1(2.0 - 0.01 * k), "Adam", 100 + k);
      QTest::qWait(4);
    }
    const qint64 elapsed = clock.elapsed();
    QTest::qWait(300);
    const qint64 bound = elapsed * ModelPanel::kRedrawsPerSecond / 1000 + 2;
    QVERIFY2(rebuilt.count() <= bound && rebuilt.count() < 50,
             qPrintable(QString("%1 rebuilds in %2 ms").arg(rebuilt.count()).arg(elapsed)));
    QVERIFY(panel_->map().data().title.starts_with("Adam at iteration 149 · "));
  }

  void hiddenPanelRebuildsWhenShown() {
    panel_->setModel(signModel());
    panel_->hide();
    QSignalSpy rebuilt(panel_.get(), &ModelPanel::mapRebuilt);
    QTest::qWait(150);
    for (int k = 0; k < 5; ++k) panel_->setParameters(signOfX1(), "GD", k);
    QTest::qWait(200);
    QCOMPARE(rebuilt.count(), 0);
    panel_->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel_.get()));
    QTRY_COMPARE(rebuilt.count(), 1);
    QVERIFY(panel_->map().data().title.starts_with("GD at iteration 4 · "));
  }

  void parametersOfAnotherNetworkAreIgnored() {
    panel_->setModel(signModel());
    QTest::qWait(150);
    QSignalSpy rebuilt(panel_.get(), &ModelPanel::mapRebuilt);
    panel_->setParameters(Vec::Zero(12), "GD", 3);
    QTest::qWait(150);
    QCOMPARE(rebuilt.count(), 0);
    panel_->setModel(nullptr);
    panel_->setParameters(signOfX1(), "GD", 3);
    QTest::qWait(150);
    QCOMPARE(rebuilt.count(), 0);
  }

  void widerNetworksAndBiggerDataGetCoarserGrids() {
    // The budget is 1.5 million (grid points + data points) x (width + classes).
    MlpClassifierOptions o;
    o.samples = 200;
    o.width = 16;
    const MlpClassifier narrow(o);
    QCOMPARE(ModelPanel::gridSizeFor(narrow), 121);  // sqrt(1.5e6 / 18 - 200) = 288
    o.width = 1024;
    const MlpClassifier wide(o);
    QCOMPARE(ModelPanel::gridSizeFor(wide), 35);  // sqrt(1.5e6 / 1026 - 200) = 35.5
    o.width = 16;
    o.samples = 100000;
    QCOMPARE(ModelPanel::gridSizeFor(MlpClassifier(o)), 25);  // no room left: the smallest grid
    // What the sampling costs here (printed, not asserted).
    for (const MlpClassifier* m : {&narrow, &wide}) {
      const Vec x = m->defaultStart(1);
      QElapsedTimer clock;
      clock.start();
      const auto data = plots::decisionMapData(*m, x, ModelPanel::gridSizeFor(*m), "t");
      qInfo("width %d, grid %d: %.1f ms", m->width(), data.nx, clock.nsecsElapsed() * 1e-6);
    }
  }

  void trainedMoonsNetworkPicture() {
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
    spec.stop.maxIterations = 400;
    spec.stop.gradTol = 0.0;
    Run run(model, spec);
    run.runToEnd();
    panel_->resize(760, 600);
    panel_->setModel(model);
    QTest::qWait(150);
    panel_->setParameters(run.point(), "GD + momentum", run.iterations());
    const QImage frame = renderedFrame(panel_->view());
    QVERIFY(countNear(frame, plots::classColor(1), 4) > 100);
    QVERIFY(countNear(frame, plots::regionColor(1, 1.0), 12) > 2000);
    if (qEnvironmentVariableIsSet("GRADSCAPE_SHOT_DIR")) {
      panel_->grab().save(qEnvironmentVariable("GRADSCAPE_SHOT_DIR") + "/model_panel_moons.png");
      panel_->setModel(nullptr);
      QTest::qWait(50);
      panel_->grab().save(qEnvironmentVariable("GRADSCAPE_SHOT_DIR") + "/model_panel_hint.png");
    }
  }

 private:
  std::unique_ptr<ModelPanel> panel_;
};

int main(int argc, char** argv) {
  gradscape::gui::setDefaultSurfaceFormat();
  QApplication app(argc, argv);
  ModelPanelTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_model_panel.moc"
