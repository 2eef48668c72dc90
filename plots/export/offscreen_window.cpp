#include "plots/export/offscreen_window.h"

#include <vtkNew.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <X11/Xlib.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

namespace gradscape::plots {
namespace {

// The process's one X connection, opened here rather than by VTK (which aborts the program when
// its XOpenDisplay fails): a connection to a server that has just started (a private Xvfb) or
// is busy is tried a few times. Never closed: every offscreen window uses it until the end.
Display* openSharedDisplay() {
  Display* display = nullptr;
  for (int attempt = 0; attempt < 10 && display == nullptr; ++attempt) {
    display = XOpenDisplay(nullptr);
    if (display == nullptr)
      std::this_thread::sleep_for(std::chrono::milliseconds(100 << std::min(attempt, 3)));
  }
  return display;
}

// The window that first draws on the shared connection. Never deleted: VTK ties the connection's
// GL state to it.
vtkRenderWindow* anchorWindow() {
  static vtkRenderWindow* const anchor = [] {
    vtkRenderWindow* w = vtkRenderWindow::New();
    if (Display* display = openSharedDisplay()) w->SetDisplayId(display);
    w->SetOffScreenRendering(1);
    w->SetSize(1, 1);
    w->Render();  // makes a context nobody else uses on the connection
    return w;
  }();
  return anchor;
}

}  // namespace

struct OffscreenWindow::Impl {
  vtkNew<vtkRenderWindow> window;
};

OffscreenWindow::OffscreenWindow(int width, int height) : impl_(std::make_unique<Impl>()) {
  vtkRenderWindow* w = impl_->window;
  w->SetDisplayId(anchorWindow()->GetGenericDisplayId());
  w->SetOffScreenRendering(1);
  w->SetMultiSamples(0);
  w->SetDPI(72);
  w->SetSize(width, height);
}

OffscreenWindow::~OffscreenWindow() {
  impl_->window->Finalize();
}

vtkRenderWindow* OffscreenWindow::window() const {
  return impl_->window;
}

void OffscreenWindow::addRenderer(vtkRenderer* renderer) {
  impl_->window->AddRenderer(renderer);
}

void OffscreenWindow::removeRenderer(vtkRenderer* renderer) {
  impl_->window->RemoveRenderer(renderer);
}

void OffscreenWindow::setSize(int width, int height) {
  impl_->window->SetSize(width, height);
}

bool OffscreenWindow::displayAvailable(std::string* why) {
  const char* name = std::getenv("DISPLAY");
  if (name == nullptr || *name == '\0') {
    if (why != nullptr) *why = "no X display (DISPLAY is not set)";
    return false;
  }
  Display* display = XOpenDisplay(name);
  if (display == nullptr) {
    if (why != nullptr) *why = std::string("cannot open the X display ") + name;
    return false;
  }
  XCloseDisplay(display);
  return true;
}

}  // namespace gradscape::plots
