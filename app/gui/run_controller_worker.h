#pragma once
// The run controller's worker: the state of its thread and the commands it takes. Private to
// run_controller.cpp and run_controller_worker.cpp.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "app/gui/run_controller.h"
#include "app/gui/run_set.h"

namespace gradscape::gui {

namespace engine {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr double kDefaultSpeed = 2000.0;  // steps per second of every run
constexpr auto kFrame = 16ms;             // at most ~60 snapshots per second
// Work between two looks at the command queue: chunks of lock-step iterations are sized so one
// takes 0.25-1 ms, which keeps stop() and new scenarios responsive whatever a step costs.
constexpr std::chrono::microseconds kChunkMin = 250us, kChunkMax = 1ms;
constexpr int64_t kMaxChunk = int64_t{1} << 20;
constexpr int64_t kMovingRows = int64_t{1} << 14;  // rows a run in snapshots of moving runs

enum class Mode { Idle, Playing, Finishing };

struct Command {
  enum class Kind {
    SetScenario,
    SetProjection,
    Play,
    Pause,
    StepOnce,
    RunToEnd,
    Reset,
    Stop,
    Wake,
    CopyRuns
  } kind;
  std::unique_ptr<RunSet> runs;                                           // SetScenario
  uint64_t generation = 0;                                                // SetScenario
  std::shared_ptr<const PlaneProjector> projection = nullptr;             // SetProjection
  std::shared_ptr<std::promise<RunController::RunsCopy>> copy = nullptr;  // CopyRuns: the answer
};

}  // namespace engine

using namespace engine;  // this header is private to the controller's two files

// Locking rule, enforced by the layout: `inbox_`, `settled_` and `mailbox_` are the only state
// both threads touch, each guarded by its own mutex; `pending_`, `abort_` and `speed_` are atomics
// the worker polls between chunks; `gui_` belongs to the controller's thread and `loop_` to the
// worker thread.
struct RunController::Worker {
  explicit Worker(RunController* owner) : owner_(owner) {
    thread_ = std::thread([this] { run(); });
  }
  ~Worker() {
    {
      std::lock_guard lock(inbox_.mutex);
      abort_ = true;
    }
    inbox_.wake.notify_one();
    thread_.join();
  }

  // Controller thread.
  void post(Command command);

  // Worker thread.
  void run();
  void apply(Command& command);
  void enter(Mode mode);
  void play();
  void finish();
  void stepChunk(int64_t n);
  void publish();
  void postError(const std::string& message);
  bool interrupted() const { return pending_.load() || abort_.load(); }
  void waitUntil(Clock::time_point deadline);
  void settleRunToEnds();

  // Controller thread: waits up to `timeout` for every runToEnd posted so far to be settled.
  void awaitRunToEnds(Clock::duration timeout);

  RunController* const owner_;

  struct Inbox {
    std::mutex mutex;
    std::condition_variable wake;
    std::vector<Command> queue;
  } inbox_;
  std::atomic<bool> pending_{false};  // the queue is not empty
  std::atomic<bool> abort_{false};
  std::atomic<double> speed_{kDefaultSpeed};

  // runToEnd() commands posted (controller thread) and settled (worker thread: finished with its
  // final snapshot posted, or overtaken by another command that ended the job).
  struct Settled {
    std::mutex mutex;
    std::condition_variable changed;
    uint64_t count = 0;
  } settled_;

  // The newest snapshot not yet taken by the controller's thread (see publish()).
  struct Mailbox {
    std::mutex mutex;
    std::optional<EngineSnapshot> snapshot;
  } mailbox_;

  struct GuiState {
    uint64_t generation = 0;  // of the last accepted scenario
    bool playing = false;     // as last announced by playingChanged
    uint64_t runToEnds = 0;   // runToEnd() calls so far
  } gui_;

  struct LoopState {
    std::unique_ptr<RunSet> set;
    uint64_t generation = 0;
    Mode mode = Mode::Idle;
    bool dirty = false;  // the runs changed since the last snapshot
    // Snapshots carry each unfinished run's next step taken apart (Run::explainNextStep): set by
    // a step, a pause or a reset; cleared by a new scenario, play, run to the end and stop, so
    // the hot path never pays for it.
    bool explain = false;
    uint64_t runToEnds = 0;  // RunToEnd commands taken from the queue
    int64_t chunk = 256;
    Clock::time_point lastPublish{};
    Clock::duration publishInterval = kFrame;
    Clock::time_point jobStart{};  // of the current runToEnd
    // play(): `paceSteps` steps taken since `paceStart` at `paceSpeed` steps per second.
    Clock::time_point paceStart{};
    int64_t paceSteps = 0;
    double paceSpeed = 0.0;
  } loop_;

  std::thread thread_;  // last: starts once everything above exists
};

}  // namespace gradscape::gui
