#pragma once
// `gradscape-cli render` to a video (.mp4, .webm, .gif): the playback of the runs from
// iteration 0 to the last one drawn (their end, or --at), one frame at a time through a
// RenderScene and plots::writeAnimation (plots/export/animation.h), as File > Export animation
// plays it in the desktop program.
#include <atomic>
#include <string>

#include "app/cli/render_scene.h"
#include "plots/export/video_encoder.h"

namespace gradscape::cli {

struct VideoJob {
  std::string path;
  plots::VideoOptions options;  // format, frame size (the view's size x scale), fps
  double seconds = 10.0;
  double scale = 1.0;
  bool orbit = false;  // the surface turns once about its vertical axis over the video
};

// Draws and encodes every frame; progress goes to standard error every 10%. Returns kOk, or
// the exit code after printing why not: kFailure (the encoder's message: no ffmpeg, no codec,
// a failed write), kInterrupted (Ctrl-C: nothing is written).
int writeVideo(RenderScene& scene, const RenderInputs& inputs, const VideoJob& job,
               const std::atomic<bool>& interrupted);

}  // namespace gradscape::cli
