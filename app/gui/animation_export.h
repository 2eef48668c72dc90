#pragma once
// File > Export animation: the playback of the runs from iteration 0 to N as a video
// (plots/export/animation.h), rendered on the GUI thread one frame per event-loop turn (VTK
// renders there) while the frames are encoded on the writer's own thread, so the window keeps
// answering and Cancel works at once.
//
// The map and the surface are drawn by scenes of their own (the same ContourScene and
// SurfaceScene classes, fed the view's landscape, start point, runs and, for the surface, its
// camera) in an offscreen window of the video's size: the landscape they keep drawn
// (backdrop_renderer.h) stays valid from frame to frame, where rendering the view's own window
// at another size would draw the whole landscape twice a frame (once for the video, once for the
// view), and the views on screen keep what they show. The whole window is grabbed with
// QWidget::grab() after its views were given the cut runs, and scaled into the frame.
#include <QImage>
#include <QObject>
#include <QString>
#include <array>
#include <functional>
#include <memory>
#include <vector>

#include "plots/run_view.h"

namespace gradscape::gui {

class LandscapePanel;

struct AnimationRequest {
  enum class View { Map, Surface, Window };
  View view = View::Map;
  QString path;  // .mp4, .webm or .gif
  int width = 1280, height = 720;
  double fps = 30.0;
  double seconds = 10.0;
  qint64 lastIteration = 0;  // the playback runs from 0 to this
  bool orbit = false;        // the surface turns once around its vertical axis
};

class AnimationExport : public QObject {
  Q_OBJECT
 public:
  // What the export draws from: the landscape panel (landscape, start, surface camera), the
  // runs as the views show them, and for View::Window a function that shows cut runs in the
  // window's views and the window to grab.
  struct Source {
    LandscapePanel* panel = nullptr;
    std::vector<plots::RunView> runs;
    std::array<double, 2> start{0.0, 0.0};
    std::function<void(const std::vector<plots::RunView>&)> showRuns;
    QWidget* window = nullptr;
  };

  AnimationExport(Source source, AnimationRequest request, QObject* parent = nullptr);
  ~AnimationExport() override;

  // Starts encoding; false (and error()) when the encoder cannot start. Frames follow on the
  // event loop; finished() reports the end.
  bool start();
  void cancel();
  int frames() const;
  int framesRendered() const;
  QString error() const { return error_; }
  bool running() const;

 signals:
  void progressed(int framesDone, int frames);
  // The end: an empty message when the file is in place, "cancelled", or why it failed.
  void finished(const QString& message);

 private:
  void renderNext();
  void end(const QString& message);

  struct Impl;
  std::unique_ptr<Impl> impl_;
  QString error_;
};

}  // namespace gradscape::gui
