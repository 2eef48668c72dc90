#pragma once
// RGBA frames of one size encoded into a video file by Debian's `ffmpeg` program: frames go to
// its standard input as raw RGBA through a pipe, it writes a temporary file beside the target,
// and that file is renamed over the target once ffmpeg has finished without error. A cancelled
// or failed encoding kills ffmpeg and removes the temporary file: an existing file at the
// target is never touched. No Qt; the desktop program, the command line and the tests share it.
//
// Why the program and not the libav* libraries: see plots/README.md (no -dev packages, a codec
// crash cannot take the program down, the command can be rerun by hand: command()).
#include <sys/types.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace gradscape::plots {

struct Picture;

enum class VideoFormat {
  Mp4,   // H.264 (libx264), yuv420p, moov atom first (+faststart): plays in browsers, slides
  WebM,  // VP9 (libvpx-vp9), yuv420p
  Gif,   // 256 colours, a palette made for each frame (palettegen + paletteuse)
};

// The format a file name asks for by its extension (.mp4, .webm, .gif; any case), or none.
std::optional<VideoFormat> videoFormatForPath(const std::string& path);
const char* videoFormatName(VideoFormat format);  // "MP4 (H.264)", "WebM (VP9)", "GIF"

struct VideoOptions {
  VideoFormat format = VideoFormat::Mp4;
  int width = 1280, height = 720;  // MP4 and WebM (yuv420p) need both even
  double fps = 30.0;               // GIF stores delays in 1/100 s: 30 fps plays at 100/3
  // The ffmpeg program: a path, or a name looked up on PATH. Empty: $GRADSCAPE_FFMPEG when
  // set, else "ffmpeg".
  std::string ffmpeg;
};

// Why `options` cannot be encoded ("" when they can), without running anything.
std::string validateVideoOptions(const VideoOptions& options);

class VideoEncoder {
 public:
  VideoEncoder() = default;
  // Cancels an encoding that was not finished.
  ~VideoEncoder();
  VideoEncoder(const VideoEncoder&) = delete;
  VideoEncoder& operator=(const VideoEncoder&) = delete;

  // Starts ffmpeg writing a temporary file beside `path`. Returns "" or why not: bad options,
  // ffmpeg not installed, its encoder missing, the directory not writable.
  std::string open(const std::string& path, const VideoOptions& options);
  // Sends one frame: width x height x 4 bytes, top row first (a Picture's layout). Returns ""
  // or why the encoding failed (ffmpeg's own message); after a failure the encoding is over
  // (ffmpeg killed, temporary file removed).
  std::string addFrame(const uint8_t* rgba, size_t bytes);
  std::string addFrame(const Picture& picture);
  // Ends the input, waits for ffmpeg and renames the file into place. Returns "" or why not
  // (then nothing is left at the temporary path and the target is as it was).
  std::string finish();
  // Kills ffmpeg and removes the temporary file. Safe from any thread, also while another
  // thread is in addFrame() (which then returns "cancelled" and cleans up as it leaves).
  void cancel();

  bool isOpen() const { return pid_ > 0; }
  int framesWritten() const { return frames_; }
  const std::string& temporaryPath() const { return temp_; }
  // The ffmpeg command line of the open encoding (for the README and bug reports).
  std::string command() const;

 private:
  std::string fail(const std::string& why);
  // Kills and reaps ffmpeg, closes the pipe, removes the temporary file. Caller holds mutex_.
  void abortLocked();
  int reap();  // waits for ffmpeg; its exit status (or -1)
  std::string ffmpegMessage() const;

  std::mutex mutex_;
  std::atomic<bool> cancelled_{false};
  bool writing_ = false;  // a frame is being written (outside the mutex)
  pid_t pid_ = -1;
  int input_ = -1;   // write end of ffmpeg's stdin
  int errors_ = -1;  // memory file holding ffmpeg's stderr
  int frames_ = 0;
  size_t frameBytes_ = 0;
  std::string path_, temp_;
  std::vector<std::string> argv_;
};

}  // namespace gradscape::plots
