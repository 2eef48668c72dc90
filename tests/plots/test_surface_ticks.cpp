// The surface's tick labels read one by one: on Beale ([-4.5, 4.5]^2) at the size of a full
// 1920 x 1080 screen, at the surface column of a 1920 x 1080 window and at a small projector
// view, no two tick labels along one edge of the box overlap (their screen rectangles, from the
// label actors, are at least 4 px apart), and each axis keeps at least three labels.
#include <vtkNew.h>
#include <vtkPNGWriter.h>
#include <vtkRenderWindow.h>
#include <vtkWindowToImageFilter.h>

#include <QTest>

#include <algorithm>
#include <array>
#include <vector>

#include "core/objectives/objective_registry.h"
#include "plots/landscape_grid.h"
#include "plots/surface_scene.h"
#include "support/offscreen_render.h"
#include "support/quadratic_landscape.h"

using namespace gradscape;
using namespace gradscape::plots;
using namespace gradscape::testing;

namespace {

bool overlap(const std::array<double, 4>& a, const std::array<double, 4>& b) {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

}  // namespace

class SurfaceTicksTest : public QObject {
  Q_OBJECT

 private slots:
  void bealeTickLabelsDoNotOverlap_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addRow("full screen") << 1920 << 1080;
    QTest::addRow("column of a 1920 window") << 620 << 560;
    QTest::addRow("wide") << 1400 << 600;
  }

  void bealeTickLabelsDoNotOverlap() {
    QFETCH(int, width);
    QFETCH(int, height);
    OffscreenScene<SurfaceScene> view;
    view.window->SetSize(width, height);
    const auto* entry = objectiveRegistry().find("beale");
    const auto beale = entry->make(ParamValues::withDefaults(entry->params, {}));
    LandscapeContent content;
    content.grid = sampleLandscape(*beale, beale->domain(), 101, 101);
    content.style.scale = ColorScale::Log;
    content.title = "Beale";
    view.scene.setLandscape(content);
    view.window->Render();
    view.window->Render();
    if (qEnvironmentVariableIsSet("GRADSCAPE_SHOT_DIR")) {
      vtkNew<vtkWindowToImageFilter> grab;
      grab->SetInput(view.window);
      grab->ReadFrontBufferOff();
      vtkNew<vtkPNGWriter> writer;
      writer->SetInputConnection(grab->GetOutputPort());
      const QByteArray path = qgetenv("GRADSCAPE_SHOT_DIR") + "/beale_surface_" +
                              QByteArray::number(width) + "x" + QByteArray::number(height) + ".png";
      writer->SetFileName(path.constData());
      writer->Write();
    }
    // Along each of the four edges that can carry an axis's labels (the cube picks one by the
    // camera angle), no label overlaps another and neighbours are at least 4 px apart; each
    // axis shows at least three.
    int overlaps = 0;
    for (int axis = 0; axis < 2; ++axis) {
      size_t most = 0;
      for (int edge = 0; edge < 4; ++edge) {
        const auto labels = view.scene.tickLabelBoxes(axis, edge);
        if (labels.empty()) continue;
        most = std::max(most, labels.size());
        double gap = 1e9;  // the smallest gap between two labels of this edge, pixels
        for (size_t i = 0; i < labels.size(); ++i) {
          for (size_t j = i + 1; j < labels.size(); ++j) {
            const double gx =
                std::max(labels[i][0], labels[j][0]) - std::min(labels[i][2], labels[j][2]);
            const double gy =
                std::max(labels[i][1], labels[j][1]) - std::min(labels[i][3], labels[j][3]);
            gap = std::min(gap, std::max(gx, gy));
            overlaps += overlap(labels[i], labels[j]) ? 1 : 0;
          }
        }
        qInfo("axis %d edge %d: %zu labels, smallest gap %.1f px", axis, edge, labels.size(), gap);
        QVERIFY(gap >= 4.0);
      }
      QVERIFY(most >= 3);
    }
    QCOMPARE(overlaps, 0);
  }
};

QTEST_MAIN(SurfaceTicksTest)
#include "test_surface_ticks.moc"
