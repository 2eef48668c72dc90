#include "app/gui/run_controller.h"

#include <exception>
#include <memory>

#include "app/gui/run_controller_worker.h"

namespace gradscape::gui {

using namespace engine;

RunController::RunController(QObject* parent) : QObject(parent) {
  qRegisterMetaType<EngineSnapshot>();
  worker_ = std::make_unique<Worker>(this);
}

RunController::~RunController() = default;

uint64_t RunController::setScenario(const Scenario& scenario,
                                    std::shared_ptr<const PlaneProjector> projection) {
  // Built here so a rejected scenario is known at once and the current runs stay untouched;
  // building is cheap (trace memory is reserved, not touched).
  std::unique_ptr<RunSet> set;
  try {
    set = std::make_unique<RunSet>(RunSet::build(scenario, std::move(projection)));
  } catch (const std::exception& e) {
    emit error(QString::fromStdString(e.what()));
    return worker_->gui_.generation;
  }
  const uint64_t generation = ++worker_->gui_.generation;
  worker_->post({Command::Kind::SetScenario, std::move(set), generation});
  return generation;
}

void RunController::setProjection(std::shared_ptr<const PlaneProjector> projection) {
  worker_->post({Command::Kind::SetProjection, nullptr, 0, std::move(projection)});
}

void RunController::play() {
  worker_->post({Command::Kind::Play, nullptr, 0});
}
void RunController::pause() {
  worker_->post({Command::Kind::Pause, nullptr, 0});
}
void RunController::stepOnce() {
  worker_->post({Command::Kind::StepOnce, nullptr, 0});
}
void RunController::runToEnd() {
  ++worker_->gui_.runToEnds;
  worker_->post({Command::Kind::RunToEnd, nullptr, 0});
  // A short job (the live mode's rerun after an edit) is given up to a frame to finish here: its
  // snapshot is then queued before the event loop paints the edit, and the edit and its result
  // share one frame. Otherwise the widgets' repaint and the window's composition (tens of ms on a
  // software renderer) start first and the result waits behind them.
  worker_->awaitRunToEnds(kFrame);
}
void RunController::reset() {
  worker_->post({Command::Kind::Reset, nullptr, 0});
}
void RunController::stop() {
  worker_->post({Command::Kind::Stop, nullptr, 0});
}

void RunController::setSpeed(double stepsPerSecond) {
  // Anything but a positive rate below 10^9 steps per second means "as fast as possible" (the
  // bound also keeps speed * elapsed seconds well inside int64).
  const bool limited = stepsPerSecond > 0.0 && stepsPerSecond < 1e9;
  worker_->speed_ = limited ? stepsPerSecond : 0.0;
  // A slow play may be asleep until its next step is due.
  worker_->post({Command::Kind::Wake, nullptr, 0});
}

RunController::RunsCopy RunController::copyRuns() {
  auto answer = std::make_shared<std::promise<RunsCopy>>();
  auto copy = answer->get_future();
  Command command{Command::Kind::CopyRuns, nullptr, 0};
  command.copy = std::move(answer);
  worker_->post(std::move(command));
  return copy.get();  // rethrows what the copy threw (std::bad_alloc)
}

double RunController::speed() const {
  return worker_->speed_.load();
}
bool RunController::isPlaying() const {
  return worker_->gui_.playing;
}
uint64_t RunController::generation() const {
  return worker_->gui_.generation;
}

}  // namespace gradscape::gui
