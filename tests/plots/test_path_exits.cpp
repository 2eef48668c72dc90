// Off-map indicators: a path that leaves the plotted box gets an arrow on the box's edge where it
// first leaves (computed by hand from the iterates), pointing the way it went, in the run's
// colour, and a label with the iteration and how often it left; labels of runs leaving at one
// place stack a line apart; a path inside gets none.
#include <vtkCamera.h>
#include <vtkNew.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

#include "plots/exit_indicators.h"
#include "plots/marker_overlay.h"
#include "plots/path_exits.h"
#include "plots/run_layers.h"
#include "support/offscreen_render.h"

using namespace gradscape;
using namespace gradscape::plots;
using namespace gradscape::testing;

namespace {

constexpr Rgb kRed{0.9, 0.1, 0.1};

// A run through the given points, iterations 0, 1, 2, ...
RunView path(const std::vector<std::array<double, 2>>& points) {
  RunView run;
  run.label = "path";
  run.color = kRed;
  run.finished = true;
  for (size_t k = 0; k < points.size(); ++k) {
    run.iteration.push_back(static_cast<double>(k));
    run.x.push_back(points[k][0]);
    run.y.push_back(points[k][1]);
    run.loss.push_back(0.0);
  }
  return run;
}

// Runs on the flat box [-2, 2]^2, the camera looking down at it (offscreen_render.h renders it).
struct Layers {
  vtkNew<vtkRenderer> ren;
  MarkerOverlay markers{ren};
  RunLayers layers{ren, markers};
  Layers() {
    ren->SetBackground(1.0, 1.0, 1.0);
    vtkCamera* c = ren->GetActiveCamera();
    c->ParallelProjectionOn();
    c->SetFocalPoint(0.0, 0.0, 0.0);
    c->SetPosition(0.0, 0.0, 10.0);
    c->SetViewUp(0.0, 1.0, 0.0);
    c->SetParallelScale(2.5);
    c->SetClippingRange(1.0, 20.0);
    RunPlacement box;
    box.xmin = box.ymin = -2.0;
    box.xmax = box.ymax = 2.0;
    layers.setPlacement(box);
  }
  vtkRenderer* renderer() const { return ren; }
  std::vector<Marker> arrows() const {
    std::vector<Marker> out;
    for (const Marker& m : markers.markers(MarkerLayer::Runs))
      if (m.shape == MarkerShape::Arrow) out.push_back(m);
    return out;
  }
};

}  // namespace

class PathExitsTest : public QObject {
  Q_OBJECT

 private slots:
  void exitPointIsWhereTheSegmentCrossesTheEdge() {
    // x_k = 0.05 + 0.1 k at y = 0.5: x_19 = 1.95 inside, x_20 = 2.05 outside; the segment
    // crosses x = 2 at (2, 0.5), and iterate 20 is the first outside.
    std::vector<std::array<double, 2>> points;
    for (int k = 0; k < 31; ++k) points.push_back({0.05 + 0.1 * k, 0.5});
    OffscreenScene<Layers> view;
    Layers& s = view.scene;
    s.layers.setRuns({path(points)});
    const auto image = view.render();
    const auto arrows = s.arrows();
    QCOMPARE(arrows.size(), size_t{1});
    QVERIFY(std::abs(arrows[0].position[0] - 2.0) < 1e-9);
    QVERIFY(std::abs(arrows[0].position[1] - 0.5) < 1e-9);
    QVERIFY(arrows[0].direction[0] > 0.0 && arrows[0].direction[1] == 0.0);  // pointing +x
    QCOMPARE(arrows[0].fill.r, kRed.r);
    const auto labels = s.layers.exitLabels();
    QCOMPARE(labels.size(), size_t{1});
    QCOMPARE(labels[0].text, std::string("off map at k = 20"));
    // The label sits inside the box, left of the exit, at its height.
    const auto exit = view.display(2.0, 0.5);
    QVERIFY(labels[0].anchor[0] < exit[0] - 5.0);
    QVERIFY(std::abs(labels[0].anchor[1] - exit[1]) < 0.5);
    // The arrow is drawn: 2 px beyond the edge, where the clipped line does not reach, the
    // picture shows the run's red (230, 26, 26), not the white background.
    const Pixel p = OffscreenScene<Layers>::at(image, {exit[0] + 2.0, exit[1]});
    QVERIFY2(p[0] > 180 && p[1] < 90 && p[2] < 90,
             qPrintable(QString("%1,%2,%3").arg(p[0]).arg(p[1]).arg(p[2])));
  }

  void leavingTwiceCountsBothAndLabelsTheFirst() {
    // (0, 0) -> (3, 0) leaves at (2, 0), iterate 1; back to (0, 0.2), out again to (3, 0.2).
    const RunView run = path({{0.0, 0.0}, {3.0, 0.0}, {0.0, 0.2}, {3.0, 0.2}});
    StoredRun stored;
    stored.x = {0.0f, 3.0f, 0.0f, 3.0f};
    stored.y = {0.0f, 0.0f, 0.2f, 0.2f};
    stored.f = {0.0f, 0.0f, 0.0f, 0.0f};
    stored.iteration = run.iteration;
    RunPlacement box;
    box.xmin = box.ymin = -2.0;
    box.xmax = box.ymax = 2.0;
    const PathExits exits = pathExits(stored, box);
    QCOMPARE(exits.count, size_t{2});
    QCOMPARE(exits.x, 2.0);
    QCOMPARE(exits.y, 0.0);
    QCOMPARE(exits.iteration, 1.0);
    QCOMPARE(exitLabel(exits), std::string("off map at k = 1, +1 more"));
  }

  // Runs that leave at one place get their labels a line apart, one above the other, and placing
  // them ends. Far out in display coordinates (2^40 px, where doubles step by 2^-12) a line of a
  // third of a pixel's multiple is no whole number of steps, so "a line further" rounds to a hair
  // under a line about half the time: compared exactly, the label then still overlapped the one
  // it was moved past and was "moved" to the same place for ever (the map's frame hung).
  void labelsOfRunsLeavingAtOnePlaceStackALineApart_data() {
    QTest::addColumn<double>("y");
    for (double y : {0.5, 0.1, 0.37, 0.73, 1.13, -0.61, -1.29, 1.71}) {
      QTest::addRow("y = %g", y) << y;
    }
  }
  void labelsOfRunsLeavingAtOnePlaceStackALineApart() {
    QFETCH(double, y);
    std::vector<StoredRun> runs(8);
    for (StoredRun& run : runs) {
      run.label = "path";
      run.color = kRed;
      run.finished = true;
      run.x = {0.0f, 3.0f};
      run.y = {static_cast<float>(y), static_cast<float>(y)};
      run.f = {0.0f, 0.0f};
      run.iteration = {0.0, 1.0};
    }
    RunPlacement box;
    box.xmin = box.ymin = -2.0;
    box.xmax = box.ymax = 2.0;
    vtkNew<vtkRenderer> ren;
    ExitIndicators indicators(ren);
    std::vector<Marker> markers;
    const auto toDisplay = [](const std::array<double, 3>& p) {
      return std::array<double, 2>{100.0 * p[0], 1099511627776.0 + 100.0 * p[1]};
    };
    indicators.update(runs, box, toDisplay, 1.0 / 3.0, markers);
    auto labels = indicators.labels();
    QCOMPARE(labels.size(), size_t{8});
    std::sort(labels.begin(), labels.end(),
              [](const auto& l, const auto& r) { return l.anchor[1] < r.anchor[1]; });
    const double line = labels[1].anchor[1] - labels[0].anchor[1];
    QVERIFY2(line > 3.0, qPrintable(QString::number(line)));  // (a 12 pt line + 3) / 3
    for (size_t i = 1; i < labels.size(); ++i) {
      QCOMPARE(labels[i].anchor[0], labels[0].anchor[0]);
      QVERIFY(std::abs(labels[i].anchor[1] - labels[i - 1].anchor[1] - line) < 1e-3);
    }
  }

  void pathInsideTheBoxHasNoIndicator() {
    OffscreenScene<Layers> view;
    Layers& s = view.scene;
    s.layers.setRuns({path({{-1.0, -1.0}, {1.0, 1.0}, {1.5, -1.5}})});
    view.render();
    QVERIFY(s.arrows().empty());
    QVERIFY(s.layers.exitLabels().empty());
  }
};

QTEST_MAIN(PathExitsTest)
#include "test_path_exits.moc"
