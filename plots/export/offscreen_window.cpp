#include "plots/export/offscreen_window.h"

#include <vtkNew.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <X11/Xlib.h>

#include <cstdlib>

namespace gradscape::plots {
namespace {

// The window that opened the process's X connection. Never deleted: it owns the connection
// until the process ends.
vtkRenderWindow* anchorWindow() {
  static vtkRenderWindow* const anchor = [] {
    vtkRenderWindow* w = vtkRenderWindow::New();
    w->SetOffScreenRendering(1);
    w->SetSize(1, 1);
    w->Render();  // opens the display (and a context nobody else uses)
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
