// The landscape kept between frames (BackdropRenderer): frames that only change the runs copy
// the landscape back instead of drawing it, and look exactly like frames drawn in full (runs
// behind a hill of the surface stay hidden); a change to the landscape, the camera, the
// background or the size draws it again, a pick does not.
#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <QTest>

#include <vector>

#include "plots/backdrop_renderer.h"
#include "plots/contour_scene.h"
#include "plots/surface_scene.h"
#include "plots/theme.h"
#include "support/offscreen_render.h"
#include "support/quadratic_landscape.h"

using namespace gradscape;
using namespace gradscape::plots;
using namespace gradscape::testing;

namespace {

constexpr Rgb kRed{0.9, 0.1, 0.1};
constexpr Rgb kBlue{0.1, 0.2, 0.9};

template <class Scene>
struct Kept : OffscreenScene<Scene> {
  BackdropRenderer* backdrop() { return BackdropRenderer::SafeDownCast(this->scene.renderer()); }
  // One frame, read back as drawn (no second render, as vtkWindowToImageFilter would make, and
  // which moves the viewport about), and whether it reused the landscape.
  std::pair<std::vector<Pixel>, bool> frame() {
    const int before = backdrop()->reusedFrames();
    this->window->Render();
    const int* size = this->window->GetSize();
    unsigned char* rgb = this->window->GetPixelData(0, 0, size[0] - 1, size[1] - 1, 0);
    std::vector<Pixel> image(static_cast<size_t>(size[0]) * size[1]);
    for (size_t i = 0; i < image.size(); ++i)
      image[i] = {rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]};
    delete[] rgb;
    return {image, backdrop()->reusedFrames() > before};
  }
  // The same picture drawn in full: the camera marked changed first.
  std::vector<Pixel> fullFrame() {
    this->scene.renderer()->GetActiveCamera()->Modified();
    auto [image, reused] = frame();
    if (reused) qWarning("a frame after a change reused the old landscape");
    return image;
  }
  // New runs, one frame, and how it compares with the same frame drawn in full.
  struct Redrawn {
    std::vector<Pixel> image;
    bool reused;
    int differingFromFull;
  };
  Redrawn redraw(const std::vector<RunView>& runs);
};

int differingPixels(const std::vector<Pixel>& a, const std::vector<Pixel>& b) {
  int count = 0;
  for (size_t i = 0; i < a.size(); ++i) count += a[i] != b[i] ? 1 : 0;
  return count;
}

template <class Scene>
typename Kept<Scene>::Redrawn Kept<Scene>::redraw(const std::vector<RunView>& runs) {
  this->scene.setRuns(runs);
  auto [image, reused] = frame();
  const int differing = differingPixels(image, fullFrame());
  return {std::move(image), reused, differing};
}

}  // namespace

class TestBackdropRenderer : public QObject {
  Q_OBJECT

 private slots:
  void contourFramesOfNewRunsReuseTheLandscapeAndLookTheSame() {
    Kept<ContourScene> o;
    QVERIFY(o.backdrop() != nullptr);
    o.scene.setLandscape(quadraticLandscape(ColorScale::Linear));
    QVERIFY(!o.frame().second);  // the first frame draws it

    const auto kept = o.redraw({lineRun("a", -1.5, 1.5, 0.5, kRed, 50)});
    QVERIFY(kept.reused);
    QCOMPARE(kept.differingFromFull, 0);
    // The run is there, over the landscape, in its colour.
    const Pixel onRun = OffscreenScene<ContourScene>::at(kept.image, o.display(0.0, 0.5, 0.0));
    QVERIFY2(onRun[0] > 180 && onRun[1] < 90 && onRun[2] < 90,
             qPrintable(QString("%1 %2 %3").arg(onRun[0]).arg(onRun[1]).arg(onRun[2])));

    // Picks under the mouse convert coordinates through the renderer: they change nothing.
    QVERIFY(o.scene.pick(o.display(0.3, 0.2)[0], o.display(0.3, 0.2)[1]).has_value());

    // Another run: reused again, still exactly the full picture.
    const auto again = o.redraw({lineRun("b", -1.0, 1.0, -0.8, kBlue, 30)});
    QVERIFY(again.reused);
    QCOMPARE(again.differingFromFull, 0);
  }

  void surfaceFramesKeepRunsBehindHillsHidden() {
    Kept<SurfaceScene> o;
    o.scene.setLandscape(quadraticLandscape(ColorScale::Linear));
    o.frame();
    // Across the whole box at the back (y = 1.8): partly behind the raised far rim and the
    // middle of the bowl, as seen from the default camera.
    const auto kept = o.redraw({lineRun("across", -1.9, 1.9, 1.8, kRed, 200),
                                lineRun("front", -1.9, 1.9, -1.8, kBlue, 200)});
    QVERIFY(kept.reused);
    QCOMPARE(kept.differingFromFull, 0);
    // New runs over the old ones' place: what the old runs left in the depth buffer (their
    // ghosts write the nearest depth) is gone with the landscape's depth copied back.
    const auto next = o.redraw({lineRun("across", -1.9, 1.9, 1.78, kBlue, 200),
                                lineRun("front", -1.9, 1.9, -1.78, kRed, 200)});
    QVERIFY(next.reused);
    QCOMPARE(next.differingFromFull, 0);
  }

  void landscapeCameraAndSizeChangesDrawTheLandscapeAgain() {
    Kept<ContourScene> o;
    o.scene.setLandscape(quadraticLandscape(ColorScale::Linear));
    o.frame();
    const auto [linear, reused] = o.frame();
    QVERIFY(reused);

    o.scene.setLandscape(quadraticLandscape(ColorScale::Log));
    auto [logImage, afterLandscape] = o.frame();
    QVERIFY(!afterLandscape);
    QVERIFY(differingPixels(linear, logImage) > 1000);

    o.scene.renderer()->GetActiveCamera()->Zoom(1.5);
    QVERIFY(!o.frame().second);

    // A new theme changes the paper behind the map.
    setCurrentTheme(Theme::Dark);
    QVERIFY(!o.frame().second);
    setCurrentTheme(Theme::Light);
    QVERIFY(!o.frame().second);

    o.window->SetSize(kWidth - 40, kHeight);
    QVERIFY(!o.frame().second);
    o.window->SetSize(kWidth, kHeight);
    QVERIFY(!o.frame().second);

    // Hiding the landscape (an objective with nothing drawable) is a change too.
    LandscapeContent empty;
    o.scene.setLandscape(empty);
    QVERIFY(!o.frame().second);
  }
};

QTEST_GUILESS_MAIN(TestBackdropRenderer)
#include "test_backdrop_renderer.moc"
