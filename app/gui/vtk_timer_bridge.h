#pragma once
// VTK's interactor timers on QTimers. vtkGenericRenderWindowInteractor has no timers of its own
// (PLATFORM.md, pitfall 3): VTK asks for them through CreateTimerEvent / DestroyTimerEvent, and
// this bridge runs each on a QTimer owned by a widget, firing VTK's TimerEvent on timeout.
#include <map>

class QObject;
class QTimer;
class vtkObject;
class vtkRenderWindowInteractor;

namespace gradscape::gui {

class VtkTimerBridge {
 public:
  // Timers are children of `owner`; the caller makes onInteractorEvent an observer of the
  // interactor's CreateTimerEvent and DestroyTimerEvent.
  VtkTimerBridge(QObject* owner, vtkRenderWindowInteractor* interactor);
  ~VtkTimerBridge();
  VtkTimerBridge(const VtkTimerBridge&) = delete;
  VtkTimerBridge& operator=(const VtkTimerBridge&) = delete;

  // Creates or destroys the timer VTK asked for (CreateTimerEvent, DestroyTimerEvent).
  void onInteractorEvent(vtkObject* caller, unsigned long event, void* callData);

 private:
  void fire(int platformId);

  QObject* owner_;
  vtkRenderWindowInteractor* interactor_;
  std::map<int, QTimer*> timers_;  // by the platform timer id we hand to VTK
  int nextTimerId_ = 1;
};

}  // namespace gradscape::gui
