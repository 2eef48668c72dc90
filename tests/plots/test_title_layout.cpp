// The contour map's title never lies on the plotted map: at wide, square and tall window sizes,
// fitted, zoomed in and zoomed out, the title's bounding box (from its text actor) sits above
// the frame, and the rendered frame shows no colour-map colour inside the title's box (when
// zoomed in, the map is clipped at the frame instead of running under the title).
#include <vtkCamera.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkWindowToImageFilter.h>

#include <QTest>

#include <algorithm>
#include <array>
#include <vector>

#include "plots/contour_scene.h"
#include "support/offscreen_render.h"
#include "support/quadratic_landscape.h"

using namespace gradscape;
using namespace gradscape::plots;
using namespace gradscape::testing;

namespace {

// Pixels of a colour map band: strongly coloured (viridis spans purple, blue, green and yellow;
// the title's ink and the white margin are grey).
int colouredPixelsIn(vtkRenderWindow* window, const std::array<double, 4>& box) {
  vtkNew<vtkWindowToImageFilter> grab;
  grab->SetInput(window);
  grab->SetInputBufferTypeToRGB();
  grab->ReadFrontBufferOff();
  grab->Update();
  const int* size = window->GetSize();
  auto* data = static_cast<unsigned char*>(grab->GetOutput()->GetScalarPointer());
  int count = 0;
  const int x0 = std::max(0, int(box[0])), x1 = std::min(size[0] - 1, int(box[0] + box[2]));
  const int y0 = std::max(0, int(box[1])), y1 = std::min(size[1] - 1, int(box[1] + box[3]));
  for (int y = y0; y <= y1; ++y) {
    for (int x = x0; x <= x1; ++x) {
      const unsigned char* p = data + 3 * (y * size[0] + x);
      const int hi = std::max({p[0], p[1], p[2]}), lo = std::min({p[0], p[1], p[2]});
      if (hi - lo > 60) ++count;
    }
  }
  return count;
}

}  // namespace

class TitleLayoutTest : public QObject {
  Q_OBJECT

 private slots:
  void titleStaysOffThePlottedMapAtEverySizeAndZoom_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<double>("zoom");  // parallel scale divided by this
    for (const auto& [w, h] :
         {std::pair{640, 480}, std::pair{1200, 400}, std::pair{400, 900}, std::pair{900, 1000}}) {
      for (double zoom : {1.0, 4.0, 0.4}) {
        QTest::addRow("%dx%d zoom %g", w, h, zoom) << w << h << zoom;
      }
    }
  }

  void titleStaysOffThePlottedMapAtEverySizeAndZoom() {
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(double, zoom);
    OffscreenScene<ContourScene> view;
    view.window->SetSize(width, height);
    view.scene.setLandscape(quadraticLandscape(ColorScale::Linear));
    view.window->Render();
    vtkCamera* camera = view.scene.renderer()->GetActiveCamera();
    camera->SetParallelScale(camera->GetParallelScale() / zoom);
    view.window->Render();
    const auto title = view.scene.titleBox();  // left, bottom, width, height
    const auto box = view.scene.plotBox();
    QVERIFY(title[2] > 0.0 && title[3] > 0.0);
    // The title is above the frame (display y grows upwards) ...
    QVERIFY2(
        title[1] >= box[1] + box[3],
        qPrintable(QString("title bottom %1, frame top %2").arg(title[1]).arg(box[1] + box[3])));
    // ... and no colour of the map shows inside its box.
    QCOMPARE(colouredPixelsIn(view.window, title), 0);
  }
};

QTEST_MAIN(TitleLayoutTest)
#include "test_title_layout.moc"
