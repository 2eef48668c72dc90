#include "app/gui/vtk_timer_bridge.h"

#include <vtkCommand.h>
#include <vtkRenderWindowInteractor.h>

#include <QTimer>
#include <algorithm>

namespace gradscape::gui {

VtkTimerBridge::VtkTimerBridge(QObject* owner, vtkRenderWindowInteractor* interactor)
    : owner_(owner), interactor_(interactor) {}

VtkTimerBridge::~VtkTimerBridge() {
  for (const auto& [id, timer] : timers_) delete timer;
}

void VtkTimerBridge::onInteractorEvent(vtkObject*, unsigned long event, void*) {
  if (event == vtkCommand::CreateTimerEvent) {
    const int platformId = nextTimerId_++;
    auto* timer = new QTimer(owner_);
    timer->setSingleShot(interactor_->GetTimerEventType() ==
                         vtkRenderWindowInteractor::OneShotTimer);
    timer->setInterval(std::max(0, interactor_->GetTimerEventDuration()));
    QObject::connect(timer, &QTimer::timeout, owner_, [this, platformId] { fire(platformId); });
    timers_[platformId] = timer;
    interactor_->SetTimerEventPlatformId(platformId);
    timer->start();
  } else if (event == vtkCommand::DestroyTimerEvent) {
    const auto it = timers_.find(interactor_->GetTimerEventPlatformId());
    if (it == timers_.end()) return;
    it->second->stop();
    it->second->deleteLater();  // we may be inside its timeout()
    timers_.erase(it);
  }
}

void VtkTimerBridge::fire(int platformId) {
  int vtkId = interactor_->GetVTKTimerId(platformId);
  if (interactor_->GetEnabled()) interactor_->InvokeEvent(vtkCommand::TimerEvent, &vtkId);
  // One-shot timers stay in VTK's table until destroyed.
  if (interactor_->IsOneShotTimer(vtkId)) interactor_->DestroyTimer(vtkId);
}

}  // namespace gradscape::gui
