#include "plots/export/animation.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace gradscape::plots {

int64_t frameIteration(int frame, int frames, int64_t lastIteration) {
  if (frames <= 1) return lastIteration;
  return std::llround(static_cast<double>(frame) * static_cast<double>(lastIteration) /
                      static_cast<double>(frames - 1));
}

int frameCount(double seconds, double fps) {
  return std::max(1, static_cast<int>(std::lround(seconds * fps)));
}

std::vector<RunView> runsUpTo(const std::vector<RunView>& runs, double iteration) {
  std::vector<RunView> cut;
  cut.reserve(runs.size());
  for (const RunView& run : runs) {
    const auto end = std::upper_bound(run.iteration.begin(), run.iteration.end(), iteration);
    const auto n = static_cast<size_t>(end - run.iteration.begin());
    RunView view = run;
    if (n < run.iteration.size()) {
      const auto keep = [n](std::vector<double>& v) {
        if (v.size() > n) v.resize(n);
      };
      for (auto* v : view.rowColumns()) keep(*v);
      const auto samples =
          static_cast<size_t>(std::upper_bound(run.curvatureIteration.begin(),
                                               run.curvatureIteration.end(), iteration) -
                              run.curvatureIteration.begin());
      for (auto* v : {&view.curvatureIteration, &view.sharpness, &view.bottomEigenvalue}) {
        if (v->size() > samples) v->resize(samples);
      }
      view.finished = false;
      view.diverged = false;
    }
    cut.push_back(std::move(view));
  }
  return cut;
}

int64_t lastIteration(const std::vector<RunView>& runs) {
  double last = 0.0;
  for (const RunView& run : runs) {
    if (!run.iteration.empty()) last = std::max(last, run.iteration.back());
  }
  return std::llround(last);
}

AnimationWriter::~AnimationWriter() {
  cancel();
}

std::string AnimationWriter::start(const std::string& path, const VideoOptions& options) {
  cancel();
  {
    const std::lock_guard lock(mutex_);
    queue_.clear();
    closing_ = false;
    busy_ = false;
    encoded_ = 0;
    error_.clear();
  }
  if (std::string why = encoder_.open(path, options); !why.empty()) return why;
  thread_ = std::thread([this] { encodeQueued(); });
  return "";
}

void AnimationWriter::encodeQueued() {
  for (;;) {
    Picture frame;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return !queue_.empty() || closing_ || !error_.empty(); });
      if (!error_.empty() || queue_.empty()) return;
      frame = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
    }
    changed_.notify_all();  // room in the queue
    std::string why = encoder_.addFrame(frame);
    {
      const std::lock_guard lock(mutex_);
      busy_ = false;
      if (why.empty()) {
        ++encoded_;
      } else {
        error_ = std::move(why);
        queue_.clear();
      }
    }
    changed_.notify_all();
  }
}

bool AnimationWriter::hasRoom() const {
  const std::lock_guard lock(mutex_);
  return queue_.size() < kQueueLength || !error_.empty();
}

std::string AnimationWriter::addFrame(Picture picture) {
  std::unique_lock lock(mutex_);
  if (!thread_.joinable()) return error_.empty() ? "no animation is being written" : error_;
  changed_.wait(lock, [this] { return queue_.size() < kQueueLength || !error_.empty(); });
  if (!error_.empty()) return error_;
  queue_.push_back(std::move(picture));
  lock.unlock();
  changed_.notify_all();
  return "";
}

int AnimationWriter::framesEncoded() const {
  const std::lock_guard lock(mutex_);
  return encoded_;
}

std::string AnimationWriter::error() const {
  const std::lock_guard lock(mutex_);
  return error_;
}

void AnimationWriter::stopThread() {
  {
    const std::lock_guard lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  const std::lock_guard join(joinMutex_);  // finish() and cancel() may both get here
  if (thread_.joinable()) thread_.join();
}

std::string AnimationWriter::finish() {
  {
    const std::lock_guard join(joinMutex_);
    if (!thread_.joinable()) return error().empty() ? "no animation is being written" : error();
  }
  stopThread();
  if (std::string why = error(); !why.empty()) {
    encoder_.cancel();
    return why;
  }
  return encoder_.finish();
}

void AnimationWriter::cancel() {
  {
    const std::lock_guard lock(mutex_);
    if (error_.empty()) error_ = "cancelled";
    queue_.clear();
  }
  encoder_.cancel();  // a frame being written fails at once
  changed_.notify_all();
  stopThread();
  encoder_.cancel();  // removes the temporary file if the thread was writing
}

std::string writeAnimation(const std::string& path, const VideoOptions& options, int frames,
                           int64_t lastIteration,
                           const std::function<Picture(int frame, int64_t iteration)>& render,
                           const std::function<bool(int done, int frames)>& progress) {
  AnimationWriter writer;
  if (std::string why = writer.start(path, options); !why.empty()) return why;
  for (int i = 0; i < frames; ++i) {
    Picture frame = render(i, frameIteration(i, frames, lastIteration));
    if (frame.width != options.width || frame.height != options.height) {
      writer.cancel();
      return "cannot write '" + path + "': frame " + std::to_string(i) + " is " +
             std::to_string(frame.width) + " x " + std::to_string(frame.height) + ", not " +
             std::to_string(options.width) + " x " + std::to_string(options.height);
    }
    if (std::string why = writer.addFrame(std::move(frame)); !why.empty()) {
      writer.cancel();
      return why;
    }
    if (progress && !progress(i + 1, frames)) {
      writer.cancel();
      return "cancelled";
    }
  }
  return writer.finish();
}

}  // namespace gradscape::plots
