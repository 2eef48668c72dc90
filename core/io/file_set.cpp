#include "core/io/file_set.h"

#include <cerrno>
#include <cstdlib>  // mkdtemp (POSIX)
#include <cstring>
#include <filesystem>

#include "core/io/atomic_file.h"

namespace gradscape {

namespace fs = std::filesystem;

std::string writeFilesTogether(const std::string& dir,
                               const std::vector<std::pair<std::string, FileWriter>>& files) {
  std::string pattern = (fs::path(dir) / (std::string(kTempMarker) + "set.XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    return "cannot write into '" + dir + "': " + std::strerror(errno);
  }
  const fs::path staging = pattern;
  std::error_code ignored;
  for (const auto& [name, write] : files) {
    std::string error;
    try {
      error = write((staging / name).string());
    } catch (...) {
      fs::remove_all(staging, ignored);
      throw;
    }
    if (!error.empty()) {
      fs::remove_all(staging, ignored);
      // The reason names the staged file; name the file the user asked for.
      const std::string staged = (staging / name).string();
      if (const auto at = error.find(staged); at != std::string::npos) {
        error.replace(at, staged.size(), (fs::path(dir) / name).string());
      }
      return error;
    }
  }
  for (const auto& [name, write] : files) {
    std::error_code ec;
    fs::rename(staging / name, fs::path(dir) / name, ec);
    if (ec) {
      fs::remove_all(staging, ignored);
      return "cannot write '" + (fs::path(dir) / name).string() + "': " + ec.message();
    }
  }
  fs::remove(staging, ignored);
  return "";
}

}  // namespace gradscape
