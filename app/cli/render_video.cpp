#include "app/cli/render_video.h"

#include <algorithm>
#include <iostream>
#include <string>

#include "app/cli/cli_options.h"
#include "core/io/printable_text.h"
#include "plots/export/animation.h"

namespace gradscape::cli {

int writeVideo(RenderScene& scene, const RenderInputs& inputs, const VideoJob& job,
               const std::atomic<bool>& interrupted) {
  const int frames = plots::frameCount(job.seconds, job.options.fps);
  const int64_t last = plots::lastIteration(inputs.runs);
  // As the desktop program's orbit: one turn over the video, the last frame one step short of
  // the first, so the video loops without a repeated frame.
  const double orbitStep = job.orbit ? 360.0 / frames : 0.0;
  std::string frameError;
  const auto render = [&](int frame, int64_t iteration) {
    scene.setRuns(plots::runsUpTo(inputs.runs, static_cast<double>(iteration)));
    if (frame > 0 && orbitStep != 0.0) scene.orbit(orbitStep);
    return scene.picture(job.scale, frameError);
  };
  int reported = 0;  // tenths of the frames reported so far
  const auto progress = [&](int done, int total) {
    if (interrupted.load()) return false;
    const int tenth = done * 10 / total;
    if (tenth > reported) {
      reported = tenth;
      // One write per line (std::cerr writes each << at once): a reader never sees half a line.
      std::cerr << "gradscape-cli render: frame " + std::to_string(done) + " of " +
                       std::to_string(total) + " (" + std::to_string(tenth * 10) + "%)\n";
    }
    return true;
  };
  const std::string why =
      plots::writeAnimation(job.path, job.options, frames, last, render, progress);
  if (!why.empty()) {
    // Ctrl-C reaches ffmpeg too (same process group): its failure is the interruption.
    if (interrupted.load()) {
      std::cerr << "gradscape-cli: interrupted; nothing written\n";
      return kInterrupted;
    }
    std::cerr << "gradscape-cli render: " << (frameError.empty() ? why : frameError) << '\n';
    return kFailure;
  }
  std::cout << "wrote " << printableText(job.path) << " ("
            << plots::videoFormatName(job.options.format) << ", " << job.options.width << " x "
            << job.options.height << ", " << frames << " frames at " << job.options.fps
            << " fps, iterations 0 to " << last << ")\n";
  return kOk;
}

}  // namespace gradscape::cli
