#include "core/scenario/scenario_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/scenario/json_text_checks.h"
#include "core/scenario/scenario.h"

namespace gradscape {

std::string readScenarioText(const std::string& path) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer. Reads block again below, and a FIFO
  // without a writer reads as empty.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw ScenarioError("", std::string("cannot open: ") + std::strerror(errno), path);
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    throw ScenarioError("", std::string("cannot read: ") + std::strerror(errno), path);
  }
  if (S_ISDIR(info.st_mode)) {
    throw ScenarioError("", "is a directory, not a scenario file", path);
  }
  const auto limitMb = std::to_string(kMaxScenarioBytes >> 20);
  if (S_ISREG(info.st_mode) && static_cast<size_t>(info.st_size) > kMaxScenarioBytes) {
    throw ScenarioError("",
                        "the file has " + std::to_string(info.st_size) +
                            " bytes; scenario files are limited to " + limitMb + " MB (" +
                            std::to_string(kMaxScenarioBytes) + " bytes)",
                        path);
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      throw ScenarioError("", std::string("cannot read: ") + std::strerror(errno), path);
    }
    text.append(buffer, static_cast<size_t>(n));
    if (text.size() > kMaxScenarioBytes) {
      throw ScenarioError(
          "",
          "more than " + limitMb + " MB of text; scenario files are limited to " + limitMb + " MB",
          path);
    }
  }
  return text;
}

}  // namespace gradscape
