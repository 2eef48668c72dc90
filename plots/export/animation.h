#pragma once
// The playback of runs from iteration 0 to N as the frames of a video (video_encoder.h).
//
// Frame i of F shows iteration round(i N / (F - 1)): the first frame the start, the last frame
// iteration N, the frames in between evenly spaced in iterations (a single frame shows N). The
// caller renders each frame (the runs cut at that iteration: runsUpTo(); a camera orbit if it
// likes) and hands it to an AnimationWriter, which encodes on a thread of its own behind a
// short queue, so rendering the next frame and encoding the last one overlap and a slow ffmpeg
// never holds up the renderer for longer than one frame's encoding.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "plots/export/picture.h"
#include "plots/export/video_encoder.h"
#include "plots/run_view.h"

namespace gradscape::plots {

// The iteration frame `frame` of `frames` shows, for a playback from 0 to `lastIteration`.
int64_t frameIteration(int frame, int frames, int64_t lastIteration);
// The number of frames of `seconds` at `fps` (at least 1).
int frameCount(double seconds, double fps);
// The runs as playback shows them at `iteration`: the rows up to it; a run cut short is neither
// finished nor diverged yet.
std::vector<RunView> runsUpTo(const std::vector<RunView>& runs, double iteration);
// The last iteration of the longest run (0 when there are none).
int64_t lastIteration(const std::vector<RunView>& runs);

class AnimationWriter {
 public:
  // At most this many frames wait for the encoder (each 1280 x 720 frame is 3.7 MB).
  static constexpr size_t kQueueLength = 3;

  AnimationWriter() = default;
  // Cancels an animation that was not finished.
  ~AnimationWriter();
  AnimationWriter(const AnimationWriter&) = delete;
  AnimationWriter& operator=(const AnimationWriter&) = delete;

  // Starts the encoder (VideoEncoder::open) and its thread; "" or why not.
  std::string start(const std::string& path, const VideoOptions& options);
  // Whether addFrame() would return at once (the queue has room, or the encoding has failed).
  bool hasRoom() const;
  // Queues a frame of the options' size, waiting while the queue is full. Returns "" or the
  // encoding's error (after which nothing more is encoded).
  std::string addFrame(Picture picture);
  // Frames the encoder has taken so far.
  int framesEncoded() const;
  // Waits for the queued frames to be encoded and puts the file in place; "" or why not.
  std::string finish();
  // Stops at once: ffmpeg killed, queue dropped, no file left. Any thread, also while another
  // is in finish() (which then returns "cancelled").
  void cancel();
  // The encoding's error, "" while all is well.
  std::string error() const;

 private:
  void encodeQueued();
  void stopThread();

  VideoEncoder encoder_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Picture> queue_;
  bool closing_ = false;  // no more frames: the thread ends once the queue is empty
  bool busy_ = false;     // the thread is encoding a frame it took from the queue
  int encoded_ = 0;
  std::string error_;
  std::mutex joinMutex_;  // held while the thread is joined
  std::thread thread_;
};

// Renders and encodes a whole animation (command line, benchmark): `render(i, iteration)`
// returns frame i; `progress(done, frames)` is told after each frame and may stop the work by
// returning false (then nothing is written and the result is "cancelled"). "" on success.
std::string writeAnimation(const std::string& path, const VideoOptions& options, int frames,
                           int64_t lastIteration,
                           const std::function<Picture(int frame, int64_t iteration)>& render,
                           const std::function<bool(int done, int frames)>& progress = {});

}  // namespace gradscape::plots
