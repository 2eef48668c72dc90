#pragma once
// A render window of its own, offscreen, for pictures made without a desktop window (the
// command line, tests). Debian's VTK 9.1 renders through GLX only, so it needs an X display
// (a private Xvfb when there is none: see app/cli). Every offscreen window of a process shares
// one X connection: a fresh connection per window (VTK's default) fails now and then under
// Xvfb with "bad X server connection" and an abort; one connection, opened once, does not.
#include <memory>
#include <string>

class vtkRenderWindow;
class vtkRenderer;

namespace gradscape::plots {

class OffscreenWindow {
 public:
  // A window of width x height pixels at 72 dpi, no multisampling.
  OffscreenWindow(int width, int height);
  ~OffscreenWindow();
  OffscreenWindow(const OffscreenWindow&) = delete;
  OffscreenWindow& operator=(const OffscreenWindow&) = delete;

  vtkRenderWindow* window() const;
  void addRenderer(vtkRenderer* renderer);
  void removeRenderer(vtkRenderer* renderer);
  void setSize(int width, int height);

  // Whether an X display can be opened (DISPLAY set and reachable); when not, `why` says so.
  static bool displayAvailable(std::string* why = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::plots
