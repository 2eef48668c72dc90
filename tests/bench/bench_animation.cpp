// File > Export animation under the real window (run under Xvfb, like bench_gui): the default
// scenario's contour map, 10 s at 30 frames/s, 1280 x 720, MP4 — rendering and encoding
// together, from the request to the file in place. Budget (issue 13): <= 30 s, < 5 MB.
#include <benchmark/benchmark.h>
#include <sys/stat.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "app/gui/animation_export.h"
#include "app/gui/main_window.h"
#include "app/gui/run_controller.h"
#include "app/gui/surface_format.h"
#include "plots/export/animation.h"

using namespace gradscape;
using namespace gradscape::gui;

namespace {

MainWindow& window() {
  static MainWindow* w = [] {
    auto* created = new MainWindow;
    created->resize(1500, 940);
    created->show();
    if (!QTest::qWaitForWindowExposed(created)) qFatal("the window was never shown");
    created->setLiveMode(true);
    created->openExample(":/gradscape/scenarios/default.json");
    QElapsedTimer clock;
    clock.start();
    while (!(created->lastSnapshot().allFinished &&
             created->lastSnapshot().generation == created->controller().generation())) {
      if (clock.elapsed() > 60000) qFatal("the runs never finished");
      QTest::qWait(10);
    }
    return created;
  }();
  return *w;
}

void BM_Mp4OfTheDefaultMap(benchmark::State& state) {
  MainWindow& w = window();
  QTemporaryDir dir;
  AnimationRequest request;
  request.view = AnimationRequest::View::Map;
  request.path = dir.filePath("default.mp4");
  request.width = 1280;
  request.height = 720;
  request.fps = 30;
  request.seconds = 10;
  request.lastIteration = plots::lastIteration(w.runViews());
  double bytes = 0.0;
  for (auto _ : state) {
    QSignalSpy ended(&w, &MainWindow::animationExported);
    QElapsedTimer clock;
    clock.start();
    if (w.exportAnimation(request) == nullptr || !ended.wait(600000) ||
        !ended.first().first().toString().isEmpty()) {
      state.SkipWithError("the export failed");
      return;
    }
    state.SetIterationTime(double(clock.nsecsElapsed()) * 1e-9);
    // GRADSCAPE_ANIMATION_COPY keeps a copy of the video (to look at its frames).
    if (qEnvironmentVariableIsSet("GRADSCAPE_ANIMATION_COPY")) {
      QFile::copy(request.path, qEnvironmentVariable("GRADSCAPE_ANIMATION_COPY"));
    }
    struct stat st {};
    if (::stat(request.path.toLocal8Bit().constData(), &st) == 0) bytes = double(st.st_size);
  }
  state.counters["MB"] = bytes / 1e6;
  state.counters["frames"] = 300;
}
BENCHMARK(BM_Mp4OfTheDefaultMap)->UseManualTime()->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

int main(int argc, char** argv) {
  gradscape::gui::setDefaultSurfaceFormat();
  QApplication app(argc, argv);
  QStandardPaths::setTestModeEnabled(true);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
