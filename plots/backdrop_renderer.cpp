#include "plots/backdrop_renderer.h"

#include <vtkCamera.h>
#include <vtkLight.h>
#include <vtkLightCollection.h>
#include <vtkObjectFactory.h>
#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLRenderWindow.h>
#include <vtkOpenGLState.h>
#include <vtkProp.h>
#include <vtkPropCollection.h>
#include <vtk_glew.h>

#include <algorithm>

namespace gradscape::plots {

vtkStandardNewMacro(BackdropRenderer);

BackdropRenderer::BackdropRenderer() {
  // The front keeps what the backdrop left: its colour and its depth.
  front_->PreserveColorBufferOn();
  front_->PreserveDepthBufferOn();
  front_->SetActiveCamera(GetActiveCamera());
}

BackdropRenderer::~BackdropRenderer() = default;

std::array<int, 4> BackdropRenderer::pixelRect() {
  const int* origin = GetOrigin();
  const int* size = GetSize();
  return {origin[0], origin[1], size[0], size[1]};
}

vtkMTimeType BackdropRenderer::newestChange() {
  vtkMTimeType newest = std::max(
      {GetViewProps()->GetMTime(), GetActiveCamera()->GetMTime(), GetLights()->GetMTime()});
  // Hidden props too: hiding one changes the picture.
  vtkCollectionSimpleIterator it;
  vtkPropCollection* props = GetViewProps();
  props->InitTraversal(it);
  while (vtkProp* prop = props->GetNextProp(it)) newest = std::max(newest, prop->GetRedrawMTime());
  vtkLightCollection* lights = GetLights();
  lights->InitTraversal(it);
  while (vtkLight* light = lights->GetNextLight(it)) newest = std::max(newest, light->GetMTime());
  return newest;
}

std::array<double, 8> BackdropRenderer::background() {
  const double* bottom = GetBackground();
  const double* top = GetBackground2();
  return {bottom[0],
          bottom[1],
          bottom[2],
          top[0],
          top[1],
          top[2],
          GetBackgroundAlpha(),
          GetGradientBackground() ? 1.0 : 0.0};
}

bool BackdropRenderer::canReuse(vtkOpenGLRenderWindow* window, const std::array<int, 4>& rect) {
  return keptValid_ && window == keptWindow_ && rect == keptRect_ &&
         background() == keptBackground_ && newestChange() <= keptAt_.GetMTime();
}

void BackdropRenderer::keep(vtkOpenGLRenderWindow* window, const std::array<int, 4>& rect) {
  vtkOpenGLFramebufferObject* drawn = window->GetRenderFramebuffer();
  keptValid_ = false;
  // A multisampled frame cannot be copied back into itself by a blit.
  if (drawn == nullptr || window->GetMultiSamples() > 0 || rect[2] < 1 || rect[3] < 1) return;
  if (kept_ == nullptr || keptWindow_ != window) {
    if (kept_ != nullptr && keptWindow_ != nullptr) kept_->ReleaseGraphicsResources(keptWindow_);
    kept_ = vtkSmartPointer<vtkOpenGLFramebufferObject>::New();
    kept_->SetContext(window);
    keptWindow_ = window;
  }
  vtkOpenGLState* state = window->GetState();
  state->PushFramebufferBindings();
  if (kept_->GetFBOIndex() == 0) {
    // The same attachments as the window's own framebuffer: a depth blit needs equal formats.
    kept_->PopulateFramebuffer(rect[2], rect[3], true, 1, VTK_UNSIGNED_CHAR, true, 32, 0,
                               window->GetStencilCapable() != 0);
  } else {
    kept_->Resize(rect[2], rect[3]);
  }
  kept_->Bind(GL_DRAW_FRAMEBUFFER);
  kept_->ActivateDrawBuffer(0);
  drawn->Bind(GL_READ_FRAMEBUFFER);
  drawn->ActivateReadBuffer(0);
  {
    vtkOpenGLState::ScopedglEnableDisable scissor(state, GL_SCISSOR_TEST);
    state->vtkglDisable(GL_SCISSOR_TEST);
    state->vtkglBlitFramebuffer(rect[0], rect[1], rect[0] + rect[2], rect[1] + rect[3], 0, 0,
                                rect[2], rect[3], GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT,
                                GL_NEAREST);
  }
  state->PopFramebufferBindings();
  keptRect_ = rect;
  keptBackground_ = background();
  keptAt_.Modified();
  keptValid_ = true;
}

void BackdropRenderer::restore(vtkOpenGLRenderWindow* window, const std::array<int, 4>& rect) {
  vtkOpenGLState* state = window->GetState();
  vtkOpenGLFramebufferObject* target = window->GetRenderFramebuffer();
  state->PushFramebufferBindings();
  target->Bind(GL_DRAW_FRAMEBUFFER);
  target->ActivateDrawBuffer(0);
  kept_->Bind(GL_READ_FRAMEBUFFER);
  kept_->ActivateReadBuffer(0);
  {
    vtkOpenGLState::ScopedglEnableDisable scissor(state, GL_SCISSOR_TEST);
    state->vtkglDisable(GL_SCISSOR_TEST);
    state->vtkglBlitFramebuffer(0, 0, rect[2], rect[3], rect[0], rect[1], rect[0] + rect[2],
                                rect[1] + rect[3], GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT,
                                GL_NEAREST);
  }
  state->PopFramebufferBindings();
}

void BackdropRenderer::Render() {
  vtkRenderWindow* window = GetRenderWindow();
  if (!GetDraw() || window == nullptr) return;
  if (front_->GetRenderWindow() != window) front_->SetRenderWindow(window);
  front_->SetViewport(GetViewport());
  front_->SetActiveCamera(GetActiveCamera());
  if (beforeFrame_) beforeFrame_();

  auto* gl = vtkOpenGLRenderWindow::SafeDownCast(window);
  const std::array<int, 4> rect = pixelRect();
  if (gl != nullptr && canReuse(gl, rect)) {
    restore(gl, rect);
    ++reused_;
  } else {
    Superclass::Render();
    if (gl != nullptr && keeping_) keep(gl, rect);
  }
  front_->Render();
}

void BackdropRenderer::ReleaseGraphicsResources(vtkWindow* window) {
  // While a render window is being destroyed it is no longer an OpenGL window: its context may
  // be gone, and the kept framebuffer goes with it.
  if (kept_ != nullptr && keptWindow_ != nullptr &&
      vtkOpenGLRenderWindow::SafeDownCast(window) == keptWindow_) {
    kept_->ReleaseGraphicsResources(window);
  }
  kept_ = nullptr;
  keptWindow_ = nullptr;
  keptValid_ = false;
  if (front_->GetRenderWindow() != nullptr) front_->SetRenderWindow(nullptr);
  Superclass::ReleaseGraphicsResources(window);
}

}  // namespace gradscape::plots
