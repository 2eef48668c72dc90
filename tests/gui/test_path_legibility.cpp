// The momentum example's paths as a class sees them: GD's zig-zag on the condition-100 quadratic
// stays readable (background between its legs, dots at the iterates when they are far apart),
// zoomed out and zoomed in, at a laptop's and a projector's window size.
#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <QtTest>
#include <array>
#include <cmath>
#include <vector>

#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "plots/contour_scene.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::gui::VtkView;
using gradscape::testing::maybeShoot;
using gradscape::testing::renderedFrame;
using gradscape::testing::waitForFinishedRuns;

namespace {

const char* kMomentum = ":/gradscape/scenarios/momentum_ill_conditioned.json";

using Point = std::array<double, 2>;

bool near(QColor c, QColor expected, int tolerance) {
  return std::abs(c.red() - expected.red()) <= tolerance &&
         std::abs(c.green() - expected.green()) <= tolerance &&
         std::abs(c.blue() - expected.blue()) <= tolerance;
}

double distance(Point a, Point b) {
  return std::hypot(a[0] - b[0], a[1] - b[1]);
}

// Screen positions (widget pixels, y down) of a run's iterates on the contour map.
std::vector<Point> screenPath(VtkView* view, vtkRenderer* renderer, const plots::RunView& run) {
  std::vector<Point> out;
  for (size_t k = 0; k < run.x.size(); ++k) {
    const QPoint p = testing::widgetPositionOf(view, renderer, run.x[k], run.y[k]);
    out.push_back({double(p.x()), double(p.y())});
  }
  return out;
}

// Counts, at turns of a zig-zag (legs p[k-1] -> p[k] -> p[k+1], each at least 20 px long) whose
// two ends p[k-1] and p[k+1] lie between `minSeparation` and 1.5 times that apart, the pixels
// halfway between those ends that show neither the run's colour nor the dark halo: there the
// background shows inside the V the two legs make, so the legs are told apart.
struct LegGaps {
  int checked = 0, open = 0;
};
LegGaps gapsBetweenLegs(const QImage& frame, const std::vector<Point>& path, QColor colour,
                        double minSeparation, QRect box) {
  LegGaps out;
  for (size_t k = 2; k + 2 < path.size(); ++k) {
    const Point a = path[k - 1], p = path[k], b = path[k + 1];
    if (distance(a, p) < 20.0 || distance(p, b) < 20.0) continue;
    if (distance(a, b) < minSeparation || distance(a, b) > 1.5 * minSeparation) continue;
    const QPoint mid(int(std::lround(0.5 * (a[0] + b[0]))), int(std::lround(0.5 * (a[1] + b[1]))));
    if (!box.contains(mid)) continue;
    ++out.checked;
    const QColor c = frame.pixelColor(mid);
    if (!near(c, colour, 40) && !near(c, QColor(20, 20, 20), 40)) ++out.open;
  }
  return out;
}

// Counts, at iterates where the path turns by more than 60 degrees between legs at least 20 px
// long, the pixels 2.5 px beyond the iterate along the outer bisector of the turn (where neither
// leg reaches) that show the run's colour: a dot is drawn there.
struct TurnDots {
  int checked = 0, dotted = 0;
};
TurnDots dotsAtTurns(const QImage& frame, const std::vector<Point>& path, QColor colour,
                     QRect box) {
  TurnDots out;
  for (size_t k = 2; k + 2 < path.size(); ++k) {
    const Point a = path[k - 1], p = path[k], b = path[k + 1];
    const double la = distance(a, p), lb = distance(b, p);
    if (la < 20.0 || lb < 20.0) continue;
    const double ux = (p[0] - a[0]) / la + (p[0] - b[0]) / lb;
    const double uy = (p[1] - a[1]) / la + (p[1] - b[1]) / lb;
    const double u = std::hypot(ux, uy);
    if (u < 1.0) continue;  // a turn of less than 60 degrees
    const QPoint probe(int(std::lround(p[0] + 2.5 * ux / u)),
                       int(std::lround(p[1] + 2.5 * uy / u)));
    if (!box.contains(probe)) continue;
    ++out.checked;
    if (near(frame.pixelColor(probe), colour, 45)) ++out.dotted;
  }
  return out;
}

}  // namespace

class PathLegibilityTest : public QObject {
  Q_OBJECT

 private slots:
  void init() { QVERIFY(testing::showExposedTestWindow(window_)); }
  void cleanup() { window_.reset(); }

  void gradientDescentZigZagShowsBackgroundBetweenLegsAndDotsWhenZoomedIn() {
    window_->openExample(kMomentum);
    QVERIFY(waitForFinishedRuns(*window_, 20000));
    const auto& runs = window_->runViews();
    QVERIFY(runs.size() >= 2);
    const plots::RunView& gd = runs[0];
    QVERIFY(gd.x.size() > 1000);  // GD converges after 1193 steps
    const QColor colour = testing::qcolor(gd.color);
    auto* view = window_->landscapePanel()->contourView();
    auto& scene = dynamic_cast<plots::ContourScene&>(window_->landscapePanel()->contourScene());
    vtkRenderer* renderer = scene.renderer();
    for (const QSize size : {QSize(1024, 700), QSize(1920, 1080)}) {
      window_->resize(size);
      QTest::qWait(300);
      scene.resetCamera();
      QImage frame = renderedFrame(view);
      // The plotted box, in widget pixels (y down), shrunk by 3 px off the frame.
      auto boxRect = [&] {
        const auto b = scene.plotBox();
        return QRect(int(b[0]) + 3, int(view->height() - b[1] - b[3]) + 3, int(b[2]) - 6,
                     int(b[3]) - 6);
      };
      const QString tag = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
      // Default zoom: turns 4 to 6 px apart, where the old 2.5 px line on its 5 px halo closed the
      // V.
      const LegGaps fitted =
          gapsBetweenLegs(frame, screenPath(view, renderer, gd), colour, 4.0, boxRect());
      qInfo("%s fitted: background between %d of %d leg pairs 4-6 px apart", qPrintable(tag),
            fitted.open, fitted.checked);
      QVERIFY(fitted.checked >= 10);
      QVERIFY(fitted.open >= 0.9 * fitted.checked);
      // Zoomed in 6x near the start: legs are far apart, every sharp turn carries a dot.
      vtkCamera* camera = renderer->GetActiveCamera();
      const double z = camera->GetPosition()[2];
      camera->SetFocalPoint(-1.2, 1.0, 0.0);
      camera->SetPosition(-1.2, 1.0, z);
      camera->SetParallelScale(camera->GetParallelScale() / 6.0);
      frame = renderedFrame(view);
      const TurnDots dots = dotsAtTurns(frame, screenPath(view, renderer, gd), colour, boxRect());
      qInfo("%s zoomed in: dots at %d of %d turns", qPrintable(tag), dots.dotted, dots.checked);
      QVERIFY(dots.checked >= 5);
      QVERIFY(dots.dotted >= 0.9 * dots.checked);
    }
  }

  void momentumExampleScreenshots() {
    window_->openExample(kMomentum);
    QVERIFY(waitForFinishedRuns(*window_, 20000));
    for (const QSize size : {QSize(1024, 700), QSize(1920, 1080)}) {
      window_->resize(size);
      QTest::qWait(300);
      auto* view = window_->landscapePanel()->contourView();
      auto& scene = dynamic_cast<plots::ContourScene&>(window_->landscapePanel()->contourScene());
      scene.resetCamera();
      renderedFrame(view);
      const QString tag = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
      maybeShoot(window_.get(), "momentum_" + tag);
      vtkCamera* camera = scene.renderer()->GetActiveCamera();
      camera->SetFocalPoint(-1.0, 0.9, camera->GetFocalPoint()[2]);
      camera->SetPosition(-1.0, 0.9, camera->GetPosition()[2]);
      camera->SetParallelScale(camera->GetParallelScale() / 6.0);
      renderedFrame(view);
      maybeShoot(window_.get(), "momentum_zoomed_in_" + tag);
      camera->SetParallelScale(camera->GetParallelScale() * 6.0 * 3.0);
      renderedFrame(view);
      maybeShoot(window_.get(), "momentum_zoomed_out_" + tag);
    }
  }

 private:
  std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(PathLegibilityTest)
#include "test_path_legibility.moc"
