#include "plots/export/video_encoder.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/io/atomic_file.h"
#include "plots/export/child_process.h"
#include "plots/export/picture.h"

extern char** environ;  // NOLINT(readability-redundant-declaration): posix_spawn's environment

namespace gradscape::plots {
namespace {

using child::capture;
using child::cArgv;
using child::locate;
using child::readAll;
using child::waitFor;
using child::writeAll;

std::string reason(int error) {
  return std::strerror(error);
}

std::string extensionOf(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::string ffmpegProgram(const VideoOptions& options) {
  if (!options.ffmpeg.empty()) return options.ffmpeg;
  const char* env = std::getenv("GRADSCAPE_FFMPEG");
  return env != nullptr && *env != '\0' ? env : "ffmpeg";
}

const char* encoderOf(VideoFormat format) {
  switch (format) {
    case VideoFormat::Mp4:
      return "libx264";
    case VideoFormat::WebM:
      return "libvpx-vp9";
    case VideoFormat::Gif:
      return "gif";
  }
  return "";
}

// The codec and muxer arguments. MP4: x264's "veryfast" preset at CRF 23 (flat colours and thin
// lines compress well; README has the measured size and time). WebM: VP9 in constant quality
// with libvpx's realtime speed (its default "good" deadline encodes 720p at ~2 frames/s here).
// GIF: one palette per frame (stats_mode=single, new=1; a palette for the whole film would keep
// every frame in memory first), ordered dithering, which stays put from frame to frame.
std::vector<std::string> codecArguments(VideoFormat format) {
  switch (format) {
    case VideoFormat::Mp4:
      return {"-c:v",     "libx264", "-preset",   "veryfast",   "-crf", "23",
              "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-f",   "mp4"};
    case VideoFormat::WebM:
      return {"-c:v",      "libvpx-vp9", "-crf",      "35",  "-b:v",    "0",
              "-deadline", "realtime",   "-cpu-used", "8",   "-row-mt", "1",
              "-pix_fmt",  "yuv420p",    "-f",        "webm"};
    case VideoFormat::Gif:
      return {"-vf",
              "split[a][b];[a]palettegen=stats_mode=single[p];"
              "[b][p]paletteuse=new=1:dither=bayer:bayer_scale=4",
              "-f", "gif"};
  }
  return {};
}

// Whether `ffmpeg` (a located program) has `encoder`; the answers are kept per program.
bool hasEncoder(const std::string& ffmpeg, const std::string& encoder) {
  static std::mutex mutex;
  static std::map<std::string, std::string> listings;
  std::string listing;
  {
    const std::lock_guard lock(mutex);
    auto it = listings.find(ffmpeg);
    if (it == listings.end()) {
      listing = capture(ffmpeg, {"-hide_banner", "-encoders"});
      if (!listing.empty()) listings[ffmpeg] = listing;
    } else {
      listing = it->second;
    }
  }
  // Lines read " V....D libx264   libx264 H.264 / ...".
  std::istringstream lines(listing);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string flags, name;
    if (words >> flags >> name && name == encoder) return true;
  }
  return false;
}

}  // namespace

std::optional<VideoFormat> videoFormatForPath(const std::string& path) {
  const std::string ext = extensionOf(path);
  if (ext == ".mp4") return VideoFormat::Mp4;
  if (ext == ".webm") return VideoFormat::WebM;
  if (ext == ".gif") return VideoFormat::Gif;
  return std::nullopt;
}

const char* videoFormatName(VideoFormat format) {
  switch (format) {
    case VideoFormat::Mp4:
      return "MP4 (H.264)";
    case VideoFormat::WebM:
      return "WebM (VP9)";
    case VideoFormat::Gif:
      return "GIF";
  }
  return "";
}

std::string validateVideoOptions(const VideoOptions& options) {
  if (options.width < 2 || options.height < 2 || options.width > kMaxPictureSide ||
      options.height > kMaxPictureSide) {
    return "a video frame must be 2 to " + std::to_string(kMaxPictureSide) +
           " pixels on each side, got " + std::to_string(options.width) + " x " +
           std::to_string(options.height);
  }
  if (options.format != VideoFormat::Gif && (options.width % 2 != 0 || options.height % 2 != 0)) {
    return std::string(videoFormatName(options.format)) +
           " stores colour at half resolution (yuv420p): width and height must be even, got " +
           std::to_string(options.width) + " x " + std::to_string(options.height);
  }
  if (!(options.fps >= 1.0 && options.fps <= 120.0)) {
    return "the frame rate must be between 1 and 120 frames per second, got " +
           std::to_string(options.fps);
  }
  return "";
}

VideoEncoder::~VideoEncoder() {
  cancel();
}

std::string VideoEncoder::command() const {
  std::string text;
  for (const std::string& a : argv_) {
    const bool quote = a.find_first_of(" ;[]'\"") != std::string::npos;
    text += (text.empty() ? "" : " ") + (quote ? "'" + a + "'" : a);
  }
  return text;
}

std::string VideoEncoder::open(const std::string& path, const VideoOptions& options) {
  cancel();  // a previous encoding that was never finished
  const std::lock_guard lock(mutex_);
  cancelled_ = false;
  frames_ = 0;
  path_ = path;
  temp_.clear();
  const std::string target = "cannot write '" + path + "': ";
  if (std::string why = validateVideoOptions(options); !why.empty()) return target + why;
  const std::string program = ffmpegProgram(options);
  const std::string ffmpeg = locate(program);
  if (ffmpeg.empty()) {
    return target +
           (program.find('/') != std::string::npos
                ? "the video encoder " + program + " does not exist or cannot be run"
                : "the program '" + program +
                      "' is not installed (Debian's ffmpeg package; tools/setup.sh installs it)");
  }
  const char* encoder = encoderOf(options.format);
  if (!hasEncoder(ffmpeg, encoder)) {
    return target + ffmpeg + " has no " + encoder + " encoder, which " +
           videoFormatName(options.format) + " needs";
  }
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && S_ISDIR(existing.st_mode)) {
    return target + "it is a directory";
  }
  const std::filesystem::path p(path);
  const std::filesystem::path dir = p.has_parent_path() ? p.parent_path() : ".";
  std::string temp =
      (dir / (std::string(kTempMarker) + p.filename().string().substr(0, 200) + ".XXXXXX"))
          .string();
  const int made = ::mkstemp(temp.data());  // O_EXCL: never a planted file or link
  if (made < 0) return target + reason(errno);
  ::close(made);
  temp_ = temp;

  char fps[32];
  std::snprintf(fps, sizeof fps, "%.6g", options.fps);
  argv_ = {ffmpeg,
           "-hide_banner",
           "-loglevel",
           "error",
           "-y",
           "-f",
           "rawvideo",
           "-pix_fmt",
           "rgba",
           "-video_size",
           std::to_string(options.width) + "x" + std::to_string(options.height),
           "-framerate",
           fps,
           "-i",
           "pipe:0"};
  for (auto& a : codecArguments(options.format)) argv_.push_back(std::move(a));
  argv_.push_back(temp_);
  frameBytes_ = static_cast<size_t>(options.width) * static_cast<size_t>(options.height) * 4;

  int pipeEnds[2];
  if (::pipe2(pipeEnds, O_CLOEXEC) != 0) {
    const int error = errno;
    ::unlink(temp_.c_str());
    temp_.clear();
    return target + reason(error);
  }
  errors_ = ::memfd_create("gradscape-ffmpeg-err", MFD_CLOEXEC);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  if (errors_ >= 0) {
    posix_spawn_file_actions_adddup2(&actions, errors_, 2);
  } else {
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  }
  auto argv = cArgv(argv_);
  const int spawned = ::posix_spawn(&pid_, ffmpeg.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipeEnds[0]);
  input_ = pipeEnds[1];
  if (spawned != 0) {
    pid_ = -1;
    abortLocked();
    return target + "cannot run " + ffmpeg + ": " + reason(spawned);
  }
  return "";
}

std::string VideoEncoder::addFrame(const Picture& picture) {
  return addFrame(picture.rgba.data(), picture.rgba.size());
}

std::string VideoEncoder::addFrame(const uint8_t* rgba, size_t bytes) {
  int fd = -1;
  {
    const std::lock_guard lock(mutex_);
    if (cancelled_) return "cancelled";
    if (pid_ <= 0) return "no video is being written";
    if (bytes != frameBytes_) {
      std::string why = "cannot write '" + path_ + "': a frame of " + std::to_string(bytes) +
                        " bytes where " + std::to_string(frameBytes_) +
                        " were expected (another size)";
      abortLocked();
      return why;
    }
    writing_ = true;
    fd = input_;
  }
  const int error = writeAll(fd, rgba, bytes);
  const std::lock_guard lock(mutex_);
  writing_ = false;
  if (cancelled_) {
    abortLocked();
    return "cancelled";
  }
  if (error != 0) {
    // ffmpeg stopped reading: it failed (its message says why) or was killed.
    ::close(input_);
    input_ = -1;
    const int status = reap();
    std::string why = ffmpegMessage();
    if (why.empty()) why = "ffmpeg stopped reading frames (" + reason(error) + ")";
    if (status >= 0 && why.find("exit") == std::string::npos) {
      why += " (exit status " + std::to_string(status) + ")";
    }
    abortLocked();
    return "cannot write '" + path_ + "': " + why;
  }
  ++frames_;
  return "";
}

std::string VideoEncoder::finish() {
  std::unique_lock lock(mutex_);
  if (cancelled_) {
    abortLocked();
    return "cancelled";
  }
  if (pid_ <= 0) return "no video is being written";
  const std::string target = "cannot write '" + path_ + "': ";
  if (frames_ == 0) {
    abortLocked();
    return target + "no frames";
  }
  ::close(input_);
  input_ = -1;
  // ffmpeg ends the file (MP4: moves its index to the front) while cancel() may still kill it.
  writing_ = true;
  const pid_t pid = pid_;
  lock.unlock();
  const int status = waitFor(pid);
  lock.lock();
  writing_ = false;
  pid_ = -1;
  if (cancelled_) {
    abortLocked();
    return "cancelled";
  }
  if (status != 0) {
    std::string why = ffmpegMessage();
    abortLocked();
    return target + "ffmpeg failed (exit status " + std::to_string(status) + ")" +
           (why.empty() ? "" : ": " + why);
  }
  // The new file gets the mode a new file or the replaced one has, reaches the disk, then
  // replaces the target in one step.
  struct stat existing {};
  const bool replaced = ::stat(path_.c_str(), &existing) == 0 && S_ISREG(existing.st_mode);
  ::chmod(temp_.c_str(), replaced ? (existing.st_mode & 07777) : (0666 & ~processUmask()));
  const int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
  int error = fd < 0 ? errno : 0;
  if (fd >= 0) {
    if (::fsync(fd) != 0) error = errno;
    ::close(fd);
  }
  if (error == 0 && ::rename(temp_.c_str(), path_.c_str()) != 0) error = errno;
  if (error != 0) {
    abortLocked();
    return target + reason(error);
  }
  temp_.clear();
  abortLocked();  // closes the stderr file; nothing else is left
  return "";
}

void VideoEncoder::cancel() {
  const std::lock_guard lock(mutex_);
  if (pid_ <= 0 && temp_.empty()) return;
  cancelled_ = true;
  if (pid_ > 0) ::kill(pid_, SIGKILL);  // a write in progress now fails with EPIPE
  if (!writing_) abortLocked();
}

void VideoEncoder::abortLocked() {
  if (input_ >= 0) ::close(input_);
  input_ = -1;
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    reap();
  }
  if (!temp_.empty()) ::unlink(temp_.c_str());
  temp_.clear();
  if (errors_ >= 0) ::close(errors_);
  errors_ = -1;
}

int VideoEncoder::reap() {
  if (pid_ <= 0) return -1;
  const int status = waitFor(pid_);
  pid_ = -1;
  return status;
}

std::string VideoEncoder::ffmpegMessage() const {
  if (errors_ < 0) return "";
  // The last lines say what went wrong; the temporary file's name means nothing to the user.
  std::istringstream text(readAll(errors_));
  std::vector<std::string> lines;
  for (std::string line; std::getline(text, line);) {
    if (!temp_.empty()) {
      for (size_t i = line.find(temp_); i != std::string::npos; i = line.find(temp_)) {
        line.replace(i, temp_.size(), path_);
      }
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(line);
  }
  std::string tail;
  for (size_t i = lines.size() > 3 ? lines.size() - 3 : 0; i < lines.size(); ++i) {
    tail += (tail.empty() ? "" : " / ") + lines[i];
  }
  return tail.size() > 400 ? tail.substr(tail.size() - 400) : tail;
}

}  // namespace gradscape::plots
