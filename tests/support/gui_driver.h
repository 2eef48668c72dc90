#pragma once
// Driving the real main window in GUI tests: opening the default scenario and waiting for the
// engine, mapping landscape points to widget positions, reading rendered frames, listing what a
// folder holds, saving screenshots to look at.
#include <vtkRenderer.h>

#include <QColor>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QSignalSpy>
#include <QtTest>
#include <cmath>
#include <memory>

#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/run_controller.h"
#include "app/gui/vtk_view.h"
#include "plots/rgb.h"

namespace gradscape::testing {

using gui::MainWindow;
using gui::VtkView;

// A main window as the GUI tests drive it: 1400 x 900 and shown, in live mode, with both
// landscape views (settings persist between test runs, so every case starts from one layout).
// The caller checks QTest::qWaitForWindowExposed (or calls one of the two below).
inline std::unique_ptr<MainWindow> showTestWindow() {
  auto window = std::make_unique<MainWindow>();
  window->resize(1400, 900);
  window->show();
  window->setLiveMode(true);
  window->landscapePanel()->setLayout(gui::LandscapePanel::Layout::Both);
  return window;
}

// showTestWindow into `window`, then waits until it is exposed; false if it never is.
[[nodiscard]] inline bool showExposedTestWindow(std::unique_ptr<MainWindow>& window) {
  window = showTestWindow();
  return QTest::qWaitForWindowExposed(window.get());
}

// showExposedTestWindow, then makes the window the active one, which typed shortcuts need. Suites
// that call it take turns on the keyboard focus (RESOURCE_LOCK keyboard_focus,
// tests/CMakeLists.txt).
[[nodiscard]] inline bool showActiveTestWindow(std::unique_ptr<MainWindow>& window) {
  if (!showExposedTestWindow(window)) return false;
  window->activateWindow();
  return QTest::qWaitForWindowActive(window.get());
}

// Waits until the landscape of a many-dimensional problem, built off the GUI thread, is shown
// together with its runs (at once for 2-D problems).
inline bool waitForLandscape(MainWindow& window, int timeoutMs = 20000) {
  QElapsedTimer clock;
  clock.start();
  while (window.landscapePending() && clock.elapsed() < timeoutMs) QTest::qWait(10);
  return !window.landscapePending();
}

// Waits until the engine has delivered the final snapshot of the newest scenario.
inline bool waitForFinishedRuns(MainWindow& window, int timeoutMs = 5000) {
  QElapsedTimer clock;
  clock.start();
  while (clock.elapsed() < timeoutMs) {
    const auto& snap = window.lastSnapshot();
    if (snap.allFinished && snap.generation == window.controller().generation()) return true;
    QTest::qWait(10);
  }
  const auto& snap = window.lastSnapshot();
  qWarning("engine still busy: snapshot generation %llu (finished: %d), newest %llu; banner: %s",
           static_cast<unsigned long long>(snap.generation), int(snap.allFinished),
           static_cast<unsigned long long>(window.controller().generation()),
           qPrintable(window.banner()->text()));
  return false;
}

// Opens the default scenario (scenarios/default.json, the Rosenbrock race) and waits for its
// runs to finish; false, after saying why, if they do not within `timeoutMs`.
[[nodiscard]] inline bool openDefaultScenario(MainWindow& window, int timeoutMs = 20000) {
  window.openExample(QStringLiteral(":/gradscape/scenarios/default.json"));
  return waitForFinishedRuns(window, timeoutMs);
}

// Every entry of `dir` (files and folders, hidden ones such as temporary files included).
inline QStringList entriesOf(const QString& dir) {
  return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

// Every file of `dir`, hidden ones (temporary files) included.
inline QStringList filesIn(const QString& dir) {
  return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

// Display (VTK) position of a landscape point on the contour map, as a widget position.
inline QPoint widgetPositionOf(VtkView* view, vtkRenderer* renderer, double x, double y) {
  renderer->SetWorldPoint(x, y, 0.0, 1.0);
  renderer->WorldToDisplay();
  const double* d = renderer->GetDisplayPoint();
  const double ratio = view->devicePixelRatioF();
  return QPoint(int(std::lround(d[0] / ratio)),
                int(std::lround((view->height() * ratio - d[1] - 1.0) / ratio)));
}

inline int countPixelsNear(const QImage& image, QColor colour, int tolerance) {
  int count = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      const QColor c = image.pixelColor(x, y);
      if (std::abs(c.red() - colour.red()) <= tolerance &&
          std::abs(c.green() - colour.green()) <= tolerance &&
          std::abs(c.blue() - colour.blue()) <= tolerance) {
        ++count;
      }
    }
  }
  return count;
}

inline QColor qcolor(const plots::Rgb& rgb) {
  return QColor::fromRgbF(float(rgb.r), float(rgb.g), float(rgb.b));
}

inline QImage renderedFrame(VtkView* view) {
  QSignalSpy frames(view, &VtkView::frameRendered);
  view->requestRender();
  frames.wait(5000);
  return view->grabFramebuffer();
}

// Saves a screenshot of the window when GRADSCAPE_SHOT_DIR names a directory (for looking at).
inline void maybeShoot(QWidget* window, const QString& name) {
  if (!qEnvironmentVariableIsSet("GRADSCAPE_SHOT_DIR")) return;
  QTest::qWait(100);  // let the views paint their newest frame
  window->grab().save(qEnvironmentVariable("GRADSCAPE_SHOT_DIR") + "/" + name + ".png");
}

}  // namespace gradscape::testing
