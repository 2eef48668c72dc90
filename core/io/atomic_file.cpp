#include "core/io/atomic_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/io/fd_stream_buffer.h"

namespace gradscape {

namespace {

std::string reason(int error) {
  return std::strerror(error);
}

std::string describeTarget(const std::string& path) {
  return "cannot write '" + path + "': ";
}

// Runs `write` into `fd` and writes out what it buffered. Returns 0, or the errno of the first
// failed write (EIO when the stream failed otherwise). Closes `fd` and passes the exception on
// when `write` throws.
int writeThrough(int fd, const std::function<void(std::ostream&)>& write) {
  FdBuffer buffer(fd);
  std::ostream out(&buffer);
  try {
    write(out);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (!buffer.flushAll()) return buffer.error();
  return out ? 0 : EIO;
}

// Writes through an existing device or pipe, every write checked.
std::string writeInPlace(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return describeTarget(path) + reason(errno);
  int error = writeThrough(fd, write);
  if (::close(fd) != 0 && error == 0) error = errno;
  return error == 0 ? "" : describeTarget(path) + reason(error);
}

}  // namespace

mode_t processUmask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Umask:", 0) == 0) {
      return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
    }
  }
  return 022;
}

std::string writeFileAtomically(const std::string& path,
                                const std::function<void(std::ostream&)>& write,
                                Durability durability) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  struct stat existing {};
  bool replaced = false;
  mode_t replacedMode = 0;
  if (::stat(path.c_str(), &existing) == 0) {
    replaced = S_ISREG(existing.st_mode);
    replacedMode = existing.st_mode & 07777;
    if (S_ISDIR(existing.st_mode)) return describeTarget(path) + "it is a directory";
    // A device or a pipe (/dev/stdout, a FIFO) is written in place: it cannot be replaced, and
    // nothing half-written stays behind in it.
    if (!S_ISREG(existing.st_mode)) return writeInPlace(path, write);
  }
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // The target's name is cut in the temporary's so that the latter stays within NAME_MAX (255)
  // for any valid target name.
  const std::string name = target.filename().string().substr(0, 200);
  std::string temp = (dir / (std::string(kTempMarker) + name + ".XXXXXX")).string();
  // mkstemp creates the file with O_CREAT | O_EXCL: it never opens an existing file or a link.
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return describeTarget(path) + reason(errno);
  auto fail = [&](int error) {
    ::unlink(temp.c_str());
    return describeTarget(path) + reason(error);
  };
  int error = 0;
  try {
    error = writeThrough(fd, write);
  } catch (...) {
    ::unlink(temp.c_str());
    throw;
  }
  if (error != 0) {
    ::close(fd);
    return fail(error);
  }
  // A replaced file keeps its permissions; a new one gets those open(2) would give it under the
  // umask (mkstemp makes it 0600).
  ::fchmod(fd, replaced ? replacedMode : 0666 & ~processUmask());
  if (durability == Durability::Flushed && ::fsync(fd) != 0) {
    error = errno;
    ::close(fd);
    return fail(error);
  }
  if (::close(fd) != 0) return fail(errno);
  // rename(2) replaces a link at the target by the file itself; the link's target is untouched.
  if (::rename(temp.c_str(), path.c_str()) != 0) return fail(errno);
  return "";
}

std::string writeFileAtomically(const std::string& path, std::string_view content,
                                Durability durability) {
  return writeFileAtomically(
      path,
      [content](std::ostream& out) {
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
      },
      durability);
}

DirectoryLock::DirectoryLock(DirectoryLock&& other) noexcept
    : fd_(other.fd_), dir_(std::move(other.dir_)) {
  other.fd_ = -1;
}

DirectoryLock& DirectoryLock::operator=(DirectoryLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    dir_ = std::move(other.dir_);
    other.fd_ = -1;
  }
  return *this;
}

DirectoryLock::~DirectoryLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the lock
}

std::string DirectoryLock::acquire(const std::string& dir) {
  if (fd_ >= 0 && dir == dir_) return "";  // already held
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return "cannot open directory '" + dir + "': " + reason(errno);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd);
    if (error == EWOULDBLOCK) {
      return "another process is writing to '" + dir + "'; wait for it or choose another --out";
    }
    return "cannot lock directory '" + dir + "': " + reason(error);
  }
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
  dir_ = dir;
  return "";
}

int DirectoryLock::removeStaleTemporaries() const {
  if (fd_ < 0) return 0;
  int removed = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(kTempMarker) && entry.is_regular_file(ec) &&
        std::filesystem::remove(entry.path(), ec)) {
      ++removed;
    }
  }
  return removed;
}

}  // namespace gradscape
