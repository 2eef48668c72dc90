#include "app/gui/run_controller_worker.h"

#include <algorithm>
#include <exception>

namespace gradscape::gui {

using namespace engine;

void RunController::Worker::post(Command command) {
  std::vector<Command> dropped;  // destroyed outside the lock
  {
    std::lock_guard lock(inbox_.mutex);
    // A new scenario replaces the runs every earlier command was meant for: latest wins.
    if (command.kind == Command::Kind::SetScenario) dropped.swap(inbox_.queue);
    inbox_.queue.push_back(std::move(command));
    pending_ = true;
  }
  inbox_.wake.notify_one();
}

void RunController::Worker::run() {
  for (;;) {
    std::vector<Command> commands;
    {
      std::unique_lock lock(inbox_.mutex);
      if (loop_.mode == Mode::Idle) {
        inbox_.wake.wait(lock, [this] { return abort_.load() || !inbox_.queue.empty(); });
      }
      if (abort_) return;
      commands.swap(inbox_.queue);
      pending_ = false;
    }
    try {
      for (auto& command : commands) apply(command);
      // A runToEnd answers with its final snapshot only (the live mode's latency).
      if (loop_.mode == Mode::Idle && loop_.dirty) publish();
      if (loop_.mode != Mode::Finishing) settleRunToEnds();
      if (loop_.mode == Mode::Playing) play();
      if (loop_.mode == Mode::Finishing) finish();
    } catch (const std::exception& e) {
      // Nothing in core throws while stepping; this keeps a surprise from ending the program.
      postError(e.what());
      enter(Mode::Idle);
      settleRunToEnds();
    }
  }
}

void RunController::Worker::apply(Command& command) {
  auto& s = loop_;
  switch (command.kind) {
    case Command::Kind::SetScenario:
      enter(Mode::Idle);
      s.set = std::move(command.runs);
      s.generation = command.generation;
      s.dirty = true;
      // Not explained: the live mode's rerun (a new scenario, then runToEnd) may be taken in two
      // batches, and its iteration-0 snapshot must stay as cheap as before.
      s.explain = false;
      break;
    case Command::Kind::SetProjection:
      // The runs go on where they are; the next snapshot places them on the new slice.
      if (s.set) s.set->projection = std::move(command.projection);
      s.dirty = true;
      break;
    case Command::Kind::Play:
      if (s.set && !s.set->allFinished()) {
        enter(Mode::Playing);
        s.explain = false;
      }
      break;
    case Command::Kind::Pause:
      enter(Mode::Idle);
      s.dirty = true;
      s.explain = true;
      break;
    case Command::Kind::StepOnce:
      enter(Mode::Idle);
      if (s.set) s.set->step(1);
      s.dirty = true;
      s.explain = true;
      break;
    case Command::Kind::RunToEnd:
      ++s.runToEnds;
      s.explain = false;
      if (s.set && s.mode != Mode::Finishing) {
        enter(Mode::Finishing);
        s.jobStart = Clock::now();
      }
      break;
    case Command::Kind::Reset:
      enter(Mode::Idle);
      if (s.set) {
        try {
          s.set = std::make_unique<RunSet>(RunSet::build(s.set->scenario, s.set->projection));
        } catch (const std::exception& e) {
          postError(e.what());
        }
      }
      s.dirty = true;
      s.explain = true;
      break;
    case Command::Kind::Stop:
      enter(Mode::Idle);
      if (s.set) s.set->stop();
      s.dirty = true;
      s.explain = false;
      break;
    case Command::Kind::Wake:
      break;
    case Command::Kind::CopyRuns:
      // The runs stay as they are (a playing run goes on after the copy).
      try {
        RunController::RunsCopy copy;
        if (s.set) {
          copy.scenario = s.set->scenario;
          for (const auto& run : s.set->runs) copy.runs.push_back(tracedRun(*run));
        }
        command.copy->set_value(std::move(copy));
      } catch (...) {
        command.copy->set_exception(std::current_exception());  // out of memory
      }
      break;
  }
}

void RunController::Worker::enter(Mode mode) {
  const bool was = loop_.mode == Mode::Playing, is = mode == Mode::Playing;
  if (is && !was) {
    loop_.paceStart = Clock::now();
    loop_.paceSteps = 0;
    loop_.paceSpeed = speed_.load();
  }
  loop_.mode = mode;
  if (was == is) return;
  QMetaObject::invokeMethod(
      owner_,
      [owner = owner_, is] {
        owner->worker_->gui_.playing = is;
        emit owner->playingChanged(is);
      },
      Qt::QueuedConnection);
}

void RunController::Worker::stepChunk(int64_t n) {
  const auto t0 = Clock::now();
  loop_.set->step(n);
  loop_.dirty = true;
  if (n != loop_.chunk) return;
  const auto spent = Clock::now() - t0;
  if (spent < kChunkMin) loop_.chunk = std::min(loop_.chunk * 2, kMaxChunk);
  if (spent > kChunkMax) loop_.chunk = std::max<int64_t>(loop_.chunk / 2, 1);
}

void RunController::Worker::play() {
  auto& s = loop_;
  while (!interrupted()) {
    if (s.set->allFinished()) {
      publish();
      enter(Mode::Idle);
      return;
    }
    const double speed = speed_.load();
    if (speed != s.paceSpeed) {
      s.paceStart = Clock::now();
      s.paceSteps = 0;
      s.paceSpeed = speed;
    }
    int64_t n = s.chunk;
    if (speed > 0.0) {
      const auto now = Clock::now();
      const double elapsed = std::chrono::duration<double>(now - s.paceStart).count();
      const auto due = static_cast<int64_t>(speed * elapsed) - s.paceSteps;
      if (due <= 0) {
        if (s.dirty && now - s.lastPublish >= s.publishInterval) publish();
        const auto nextStep =
            s.paceStart + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                              static_cast<double>(s.paceSteps + 1) / speed));
        auto deadline = nextStep;
        if (s.dirty) deadline = std::min(deadline, s.lastPublish + s.publishInterval);
        // Steps due within a millisecond are taken together rather than one wake-up each.
        waitUntil(std::max(deadline, now + 1ms));
        continue;
      }
      n = std::min(n, due);
      stepChunk(n);
      s.paceSteps += n;
      // Far behind (the steps cost more than the speed allows): catch up no more than 0.1 s.
      if (due - n > std::max(1.0, 0.1 * speed)) {
        s.paceStart = Clock::now();
        s.paceSteps = 0;
      }
    } else {
      stepChunk(n);
    }
    if (Clock::now() - s.lastPublish >= s.publishInterval) publish();
  }
}

void RunController::Worker::finish() {
  auto& s = loop_;
  while (!interrupted()) {
    if (s.set->allFinished()) {
      publish();
      enter(Mode::Idle);
      settleRunToEnds();
      return;
    }
    stepChunk(s.chunk);
    // A job that ends within a frame shows only its final snapshot.
    const auto now = Clock::now();
    if (now - s.jobStart >= kFrame && now - s.lastPublish >= s.publishInterval) publish();
  }
}

void RunController::Worker::waitUntil(Clock::time_point deadline) {
  std::unique_lock lock(inbox_.mutex);
  inbox_.wake.wait_until(lock, deadline, [this] { return abort_.load() || !inbox_.queue.empty(); });
}

void RunController::Worker::settleRunToEnds() {
  {
    std::lock_guard lock(settled_.mutex);
    if (settled_.count == loop_.runToEnds) return;
    settled_.count = loop_.runToEnds;
  }
  settled_.changed.notify_all();
}

void RunController::Worker::awaitRunToEnds(Clock::duration timeout) {
  std::unique_lock lock(settled_.mutex);
  settled_.changed.wait_for(lock, timeout, [this] { return settled_.count >= gui_.runToEnds; });
}

void RunController::Worker::publish() {
  auto& s = loop_;
  if (!s.set) return;
  const auto t0 = Clock::now();
  // Frames of runs still moving are replaced within ~16 ms: 2^14 rows a run draw the same
  // picture at screen resolution for a fraction of the GUI's work. Resting runs get every row.
  const bool resting = s.mode == Mode::Idle || s.set->allFinished();
  EngineSnapshot snapshot = s.set->snapshot(s.generation, resting ? kSnapshotRows : kMovingRows);
  if (s.explain && s.mode == Mode::Idle) s.set->explainNextSteps(snapshot);
  s.lastPublish = Clock::now();
  // Copying 2^17 rows of several runs takes ~5 ms a run (mostly first touches of fresh pages):
  // spend at most an eighth of the worker's time on snapshots.
  s.publishInterval = std::max<Clock::duration>(kFrame, 7 * (s.lastPublish - t0));
  s.dirty = false;
  // Only the newest snapshot matters: while one waits for the GUI thread (busy drawing the last
  // one), a newer one replaces it instead of queueing behind it, so Stop and the final result
  // are never stuck behind a backlog of frames.
  bool post = false;
  {
    const std::lock_guard lock(mailbox_.mutex);
    post = !mailbox_.snapshot.has_value();
    mailbox_.snapshot = std::move(snapshot);
  }
  if (!post) return;
  QMetaObject::invokeMethod(
      owner_,
      [owner = owner_] {
        std::optional<EngineSnapshot> newest;
        {
          auto& box = owner->worker_->mailbox_;
          const std::lock_guard lock(box.mutex);
          newest.swap(box.snapshot);
        }
        if (newest) emit owner->snapshotReady(std::move(*newest));
      },
      Qt::QueuedConnection);
}

void RunController::Worker::postError(const std::string& message) {
  QMetaObject::invokeMethod(
      owner_, [owner = owner_, text = QString::fromStdString(message)] { emit owner->error(text); },
      Qt::QueuedConnection);
}
}  // namespace gradscape::gui
