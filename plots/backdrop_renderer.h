#pragma once
// A renderer in two layers, for views whose costly part rarely changes: a landscape of tens of
// thousands of triangles under runs that are redrawn many times a second.
//
// The renderer itself draws the backdrop (the landscape). After drawing it, it keeps a copy of
// its colour and depth in a framebuffer of its own; in later frames, while nothing in the backdrop
// changed (its props, camera, lights and viewport), the copy goes back into the window instead of
// drawing again. Then front() is drawn over it every frame, with the same camera and viewport,
// without clearing, depth-tested against the landscape (runs behind a hill stay hidden).
//
// Add only this renderer to a render window: it renders front() itself.
#include <vtkNew.h>
#include <vtkOpenGLRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkTimeStamp.h>

#include <array>
#include <functional>

class vtkOpenGLFramebufferObject;
class vtkOpenGLRenderWindow;

namespace gradscape::plots {

class BackdropRenderer : public vtkOpenGLRenderer {
 public:
  static BackdropRenderer* New();
  vtkTypeMacro(BackdropRenderer, vtkOpenGLRenderer)

      // The layer drawn over the backdrop in every frame.
      vtkRenderer* front() const {
    return front_;
  }
  // Runs at the start of every frame, before the backdrop is drawn or reused: the place for
  // layout and camera fits, whose changes then count in this frame.
  void setBeforeFrame(std::function<void()> callback) { beforeFrame_ = std::move(callback); }
  // Frames whose backdrop was copied back rather than drawn.
  int reusedFrames() const { return reused_; }
  // While off, a frame that draws the backdrop does not keep it, and the kept copy stays as it
  // was: pictures (export/picture.h) draw frames at another size that the view never shows,
  // whose copy would cost a framebuffer of that size and a colour and depth blit, for nothing.
  void setKeeping(bool keeping) { keeping_ = keeping; }

  void Render() override;
  void ReleaseGraphicsResources(vtkWindow* window) override;

  BackdropRenderer(const BackdropRenderer&) = delete;
  BackdropRenderer& operator=(const BackdropRenderer&) = delete;

 protected:
  BackdropRenderer();
  ~BackdropRenderer() override;

 private:
  // The viewport in window pixels: x, y, width, height.
  std::array<int, 4> pixelRect();
  // Newest modification of anything the backdrop's picture depends on, but the renderer itself,
  // which every coordinate conversion (a pick under the mouse) marks modified.
  vtkMTimeType newestChange();
  // What of the renderer's own settings shows in the picture: its background.
  std::array<double, 8> background();
  bool canReuse(vtkOpenGLRenderWindow* window, const std::array<int, 4>& rect);
  void keep(vtkOpenGLRenderWindow* window, const std::array<int, 4>& rect);
  void restore(vtkOpenGLRenderWindow* window, const std::array<int, 4>& rect);

  vtkNew<vtkRenderer> front_;
  std::function<void()> beforeFrame_;
  vtkSmartPointer<vtkOpenGLFramebufferObject> kept_;
  vtkOpenGLRenderWindow* keptWindow_ = nullptr;
  std::array<int, 4> keptRect_{0, 0, 0, 0};
  std::array<double, 8> keptBackground_{};
  vtkTimeStamp keptAt_;
  bool keptValid_ = false;
  bool keeping_ = true;
  int reused_ = 0;
};

}  // namespace gradscape::plots
