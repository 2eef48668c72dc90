#pragma once
// Runs a scenario's runs off the GUI thread. One worker thread owns the Run objects; commands
// come in through a mutex-protected queue (the restart/abort pattern of Qt's Mandelbrot
// example), results go out as EngineSnapshot values through a queued signal, at most ~60 per
// second. Stop and new commands are seen within a few milliseconds even during a 10^7-step run.
#include <QObject>
#include <memory>
#include "app/gui/engine_snapshot.h"
#include "core/analysis/slice_plane.h"
#include "core/export/trace_json.h"
#include "core/scenario/scenario.h"

namespace gradscape::gui {

class RunController : public QObject {
  Q_OBJECT
 public:
  explicit RunController(QObject* parent = nullptr);
  // Aborts any work and joins the worker thread.
  ~RunController() override;

  // Builds fresh runs from the scenario (iteration 0) and emits their snapshot. Returns the new
  // generation. Bad settings (an option a method rejects) end up in error(), not an exception.
  // With a projection, snapshots place iterates by their coordinates on that slice (N-D).
  uint64_t setScenario(const Scenario& scenario,
                       std::shared_ptr<const PlaneProjector> projection = nullptr);
  // Places N-D iterates on another slice from the next snapshot on (the runs go on).
  void setProjection(std::shared_ptr<const PlaneProjector> projection);
  // Advances every unfinished run, `speed` steps per second each (0 = as fast as possible),
  // emitting snapshots as it goes, until all have finished or pause()/stop() is called.
  void play();
  void pause();
  // One iteration of every unfinished run (pauses first).
  void stepOnce();
  // As fast as possible to the end (the live mode's rerun), with progress.
  void runToEnd();
  // Back to iteration 0 of the current scenario (pauses).
  void reset();
  // Ends every unfinished run as Stopped, within 100 ms.
  void stop();
  void setSpeed(double stepsPerSecond);
  // Every run of the current scenario as the engine holds it now (spec, status and the whole
  // trace, copied) and that scenario: what the window exports. Waits for the engine thread to
  // take the request between two chunks of steps (about a millisecond) and make the copy.
  struct RunsCopy {
    Scenario scenario;
    std::vector<TracedRun> runs;
  };
  RunsCopy copyRuns();
  double speed() const;
  bool isPlaying() const;
  uint64_t generation() const;

 signals:
  void snapshotReady(gradscape::gui::EngineSnapshot snapshot);
  void playingChanged(bool playing);
  // A scenario could not be turned into runs; the previous runs are kept.
  void error(QString message);

 private:
  struct Worker;
  std::unique_ptr<Worker> worker_;
};

}  // namespace gradscape::gui
