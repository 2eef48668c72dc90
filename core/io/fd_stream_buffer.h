#pragma once
// An output stream buffer over a file descriptor that keeps the first failed write's errno, so
// that "disk full" is reported as such instead of leaving a cut file (std::ofstream only says
// that something failed, and errno is long overwritten when the stream is checked).
#include <streambuf>

namespace gradscape {

class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  // errno of the first failed write, 0 while every write succeeded.
  int error() const { return error_; }
  // Writes out what is buffered; false once any write failed.
  bool flushAll() { return drain() && error_ == 0; }

 protected:
  int_type overflow(int_type c) override;
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain();

  int fd_;
  int error_ = 0;
  char buffer_[1 << 16];
};

}  // namespace gradscape
