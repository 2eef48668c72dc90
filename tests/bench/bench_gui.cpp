// Desktop-program latencies under the real window (run under Xvfb: tools/bench_gui.sh):
// - a hyperparameter change, or a drag of the start point, in live mode until the redrawn frame
//   (4 runs x 10,000 steps);
// - one frame of the landscape views with 8 runs x 10^5 points.
#include <benchmark/benchmark.h>

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <cmath>
#include <functional>

#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/run_controller.h"
#include "app/gui/run_editor.h"
#include "app/gui/surface_format.h"
#include "app/gui/vtk_view.h"
#include "core/scenario/scenario_json.h"

using namespace gradscape;
using namespace gradscape::gui;

namespace {

Scenario fourRunsOfTenThousandSteps() {
  return parseScenario(R"({
    "version": 1, "name": "latency", "objective": {"type": "rosenbrock"},
    "start": [-1.5, 2.0], "stop": {"max_iterations": 10000, "grad_tol": 0},
    "runs": [
      {"label": "GD", "optimizer": {"type": "sgd", "lr": 0.001}},
      {"label": "Momentum", "optimizer": {"type": "sgd", "lr": 0.0005, "momentum": 0.9}},
      {"label": "Adam", "optimizer": {"type": "adam", "lr": 0.02}},
      {"label": "RMSprop", "optimizer": {"type": "rmsprop", "lr": 0.001}}]})");
}

bool waitUntil(const std::function<bool()>& done, int timeoutMs = 20000) {
  QElapsedTimer clock;
  clock.start();
  while (!done()) {
    if (clock.elapsed() > timeoutMs) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
  }
  return true;
}

MainWindow& window() {
  static MainWindow* w = [] {
    auto* created = new MainWindow;
    created->resize(1500, 940);
    created->show();
    if (!QTest::qWaitForWindowExposed(created)) qFatal("the window was never shown");
    return created;
  }();
  return *w;
}

// Live mode with the four 10,000-step runs, finished.
void showFinishedLiveRuns(MainWindow& w) {
  w.setLiveMode(true);
  w.setScenario(fourRunsOfTenThousandSteps());
  w.controller().runToEnd();
  waitUntil([&] { return w.lastSnapshot().allFinished; });
}

// Starts `clock`, does `change`, and waits for the contour map's frame of the controller's
// newest generation with every run finished; returns the seconds that took.
double secondsToFinalFrame(MainWindow& w, QElapsedTimer& clock, const std::function<void()>& change,
                           benchmark::State& state) {
  bool drawn = false;
  auto connection =
      QObject::connect(w.landscapePanel()->contourView(), &VtkView::frameRendered, [&] {
        const auto& snap = w.lastSnapshot();
        if (snap.allFinished && snap.generation == w.controller().generation()) drawn = true;
      });
  clock.start();
  change();
  if (!waitUntil([&] { return drawn; })) state.SkipWithError("no frame");
  const double seconds = double(clock.nsecsElapsed()) * 1e-9;
  QObject::disconnect(connection);
  return seconds;
}

void BM_ParameterChangeToRedrawnFrame(benchmark::State& state) {
  MainWindow& w = window();
  showFinishedLiveRuns(w);
  int flip = 0;
  double engineSeconds = 0.0;
  int changes = 0;
  for (auto _ : state) {
    double shownAt = -1.0;
    QElapsedTimer clock;
    auto shown = QObject::connect(&w, &MainWindow::snapshotShown, [&](uint64_t generation) {
      if (w.lastSnapshot().allFinished && generation == w.controller().generation()) {
        shownAt = double(clock.nsecsElapsed()) * 1e-9;
      }
    });
    state.SetIterationTime(secondsToFinalFrame(
        w, clock,
        [&] {
          auto* entry = w.runEditor()->findChild<QLineEdit*>("param.lr.entry");
          entry->setText(flip++ % 2 ? "0.001" : "0.0011");
          QTest::keyClick(entry, Qt::Key_Return);
        },
        state));
    QObject::disconnect(shown);
    engineSeconds += shownAt;
    ++changes;
  }
  // Of the total: until the final snapshot is in the views' data (engine + hand-over).
  state.counters["to_snapshot_ms"] = changes > 0 ? 1e3 * engineSeconds / changes : 0.0;
}
BENCHMARK(BM_ParameterChangeToRedrawnFrame)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(3.0);

// Dragging the start point over the contour map in live mode: from a mouse move (left button
// held) until the frame showing the 4 x 10,000-step reruns from the new start.
void BM_StartPointDragToRedrawnFrame(benchmark::State& state) {
  MainWindow& w = window();
  showFinishedLiveRuns(w);
  auto* view = w.landscapePanel()->contourView();
  // Two nearby places left of the map's centre.
  const QPointF a(view->width() * 0.35, view->height() * 0.45);
  const QPointF b(view->width() * 0.40, view->height() * 0.40);
  QMouseEvent press(QEvent::MouseButtonPress, a, view->mapToGlobal(a), Qt::LeftButton,
                    Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(view, &press);
  int flip = 0;
  const uint64_t firstGeneration = w.controller().generation();
  int moves = 0;
  for (auto _ : state) {
    QElapsedTimer clock;
    state.SetIterationTime(secondsToFinalFrame(
        w, clock,
        [&] {
          const QPointF at = flip++ % 2 ? a : b;
          QMouseEvent move(QEvent::MouseMove, at, view->mapToGlobal(at), Qt::NoButton,
                           Qt::LeftButton, Qt::NoModifier);
          QApplication::sendEvent(view, &move);
        },
        state));
    ++moves;
  }
  // 1 when every move started a rerun of its own (and was timed to that rerun's frame).
  state.counters["reruns_per_move"] =
      moves > 0 ? double(w.controller().generation() - firstGeneration) / moves : 0.0;
  QMouseEvent release(QEvent::MouseButtonRelease, a, view->mapToGlobal(a), Qt::LeftButton,
                      Qt::NoButton, Qt::NoModifier);
  QApplication::sendEvent(view, &release);
}
BENCHMARK(BM_StartPointDragToRedrawnFrame)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(3.0);

// Four 10^7-step runs in live mode: from Stop (the Esc action) until the window shows them
// stopped.
void BM_StopDuringTenMillionStepRun(benchmark::State& state) {
  MainWindow& w = window();
  w.setLiveMode(true);
  Scenario long_run = fourRunsOfTenThousandSteps();
  for (auto& run : long_run.runs) {
    run.stop.maxIterations = 10'000'000;
    run.optimizerParams.set("lr", 1e-7);  // crawls: never converges early
  }
  QAction* stop = w.findChild<QAction*>("stop");
  for (auto _ : state) {
    w.setScenario(long_run);
    w.controller().runToEnd();
    // Let it get going and show progress first (a snapshot of this scenario, not the last one).
    auto current = [&w] {
      const auto& snap = w.lastSnapshot();
      return snap.generation == w.controller().generation() && !snap.runs.empty();
    };
    waitUntil([&] { return current() && w.lastSnapshot().runs[0].iterations > 100000; });
    QElapsedTimer clock;
    clock.start();
    stop->trigger();
    if (!waitUntil(
            [&] { return current() && w.lastSnapshot().runs[0].status == RunStatus::Stopped; })) {
      state.SkipWithError("never stopped");
    }
    state.SetIterationTime(double(clock.nsecsElapsed()) * 1e-9);
    state.counters["stopped_at_step"] = double(w.lastSnapshot().runs[0].iterations);
  }
}
BENCHMARK(BM_StopDuringTenMillionStepRun)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);

// The engine alone (no window): from stop() until its Stopped snapshot arrives.
void BM_ControllerStopDuringTenMillionStepRuns(benchmark::State& state) {
  Scenario long_run = fourRunsOfTenThousandSteps();
  for (auto& run : long_run.runs) {
    run.stop.maxIterations = 10'000'000;
    run.optimizerParams.set("lr", 1e-7);
  }
  RunController controller;
  for (auto _ : state) {
    EngineSnapshot last;
    auto keep = QObject::connect(&controller, &RunController::snapshotReady,
                                 [&last](const EngineSnapshot& snap) { last = snap; });
    const uint64_t generation = controller.setScenario(long_run);
    controller.runToEnd();
    waitUntil([&] {
      return last.generation == generation && !last.runs.empty() &&
             last.runs[0].iterations > 100000;
    });
    QElapsedTimer clock;
    clock.start();
    controller.stop();
    if (!waitUntil([&] { return last.runs[0].status == RunStatus::Stopped; })) {
      state.SkipWithError("never stopped");
    }
    state.SetIterationTime(double(clock.nsecsElapsed()) * 1e-9);
    QObject::disconnect(keep);
  }
}
BENCHMARK(BM_ControllerStopDuringTenMillionStepRuns)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);

std::vector<plots::RunView> eightRunsOfHundredThousandPoints() {
  std::vector<plots::RunView> runs;
  for (int r = 0; r < 8; ++r) {
    plots::RunView v;
    v.label = "run " + std::to_string(r);
    v.color = plots::runColor(r);
    const int n = 100000;
    for (int k = 0; k < n; ++k) {
      // A spiral into Rosenbrock's minimum, different per run.
      const double t = double(k) / n, angle = 40.0 * t + r;
      v.iteration.push_back(k);
      v.x.push_back(1.0 + 1.5 * (1 - t) * std::cos(angle));
      v.y.push_back(1.0 + 1.5 * (1 - t) * std::sin(angle));
      v.loss.push_back(100.0 * (1 - t) + 1e-3);
      v.gradNorm.push_back(1.0);
      v.stepNorm.push_back(1e-3);
      v.lr.push_back(1e-3);
    }
    v.finished = true;
    runs.push_back(std::move(v));
  }
  return runs;
}

// Replacing the runs (what every snapshot does) plus the frame.
void BM_SetRunsAndFrame8Runs1e5Points(benchmark::State& state) {
  MainWindow& w = window();
  auto* panel = w.landscapePanel();
  const auto runs = eightRunsOfHundredThousandPoints();
  QSignalSpy frames(panel->contourView(), &VtkView::frameRendered);
  double setRunsSeconds = 0.0;
  int calls = 0;
  for (auto _ : state) {
    frames.clear();
    QElapsedTimer clock;
    clock.start();
    panel->setRuns(runs);
    setRunsSeconds += double(clock.nsecsElapsed()) * 1e-9;
    ++calls;
    if (!waitUntil([&] { return frames.count() > 0; })) state.SkipWithError("no frame");
    state.SetIterationTime(double(clock.nsecsElapsed()) * 1e-9);
  }
  state.counters["setRuns_ms"] = calls > 0 ? 1e3 * setRunsSeconds / calls : 0.0;
}
BENCHMARK(BM_SetRunsAndFrame8Runs1e5Points)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);

// The same with one view shown: what each view's new-data frame costs.
void setRunsAndFrameIn(benchmark::State& state, LandscapePanel::Layout layout) {
  MainWindow& w = window();
  auto* panel = w.landscapePanel();
  panel->setLayout(layout);
  VtkView* view =
      layout == LandscapePanel::Layout::Surface ? panel->surfaceView() : panel->contourView();
  const auto runs = eightRunsOfHundredThousandPoints();
  QSignalSpy frames(view, &VtkView::frameRendered);
  for (auto _ : state) {
    frames.clear();
    QElapsedTimer clock;
    clock.start();
    panel->setRuns(runs);
    if (!waitUntil([&] { return frames.count() > 0; })) state.SkipWithError("no frame");
    state.SetIterationTime(double(clock.nsecsElapsed()) * 1e-9);
  }
  panel->setLayout(LandscapePanel::Layout::Both);
}
void BM_SetRunsAndContourFrame8Runs1e5Points(benchmark::State& state) {
  setRunsAndFrameIn(state, LandscapePanel::Layout::Contour);
}
void BM_SetRunsAndSurfaceFrame8Runs1e5Points(benchmark::State& state) {
  setRunsAndFrameIn(state, LandscapePanel::Layout::Surface);
}
// Steady frames that really show the 8 x 10^5 points: the snapshot answering stop() is waited
// for first (in landscapeFrame it arrives during the first frame and replaces the runs with the
// engine's, so those benchmarks draw the engine's runs).
void steadyFrameIn(benchmark::State& state, LandscapePanel::Layout layout) {
  MainWindow& w = window();
  w.setLiveMode(false);
  QSignalSpy shown(&w, &MainWindow::snapshotShown);
  w.controller().stop();
  shown.wait(2000);
  auto* panel = w.landscapePanel();
  panel->setLayout(layout);
  panel->setRuns(eightRunsOfHundredThousandPoints());
  VtkView* view =
      layout == LandscapePanel::Layout::Surface ? panel->surfaceView() : panel->contourView();
  QSignalSpy frames(view, &VtkView::frameRendered);
  view->requestRender();
  frames.wait(10000);
  for (auto _ : state) {
    frames.clear();
    QElapsedTimer clock;
    clock.start();
    view->requestRender();
    if (!waitUntil([&] { return frames.count() > 0; })) state.SkipWithError("no frame");
    state.SetIterationTime(double(clock.nsecsElapsed()) * 1e-9);
  }
  state.counters["stale_snapshots"] = double(shown.count());
  panel->setLayout(LandscapePanel::Layout::Both);
}
void BM_SteadyContourFrameShowing8Runs1e5Points(benchmark::State& state) {
  steadyFrameIn(state, LandscapePanel::Layout::Contour);
}
void BM_SteadySurfaceFrameShowing8Runs1e5Points(benchmark::State& state) {
  steadyFrameIn(state, LandscapePanel::Layout::Surface);
}
BENCHMARK(BM_SteadyContourFrameShowing8Runs1e5Points)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);
BENCHMARK(BM_SteadySurfaceFrameShowing8Runs1e5Points)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);

BENCHMARK(BM_SetRunsAndContourFrame8Runs1e5Points)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);
BENCHMARK(BM_SetRunsAndSurfaceFrame8Runs1e5Points)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);

}  // namespace

int main(int argc, char** argv) {
  setDefaultSurfaceFormat();
  QStandardPaths::setTestModeEnabled(true);
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
