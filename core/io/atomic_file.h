#pragma once
// Files that are either wholly written or not at all.
//
// writeFileAtomically() writes to a fresh temporary file next to the target (created with
// O_EXCL, so no planted file or link is ever written through), checks every write, flushes it
// to disk (unless asked not to), and only then renames it over the target. A reader, a crash, kill
// -9 or a full disk therefore leaves the old file or the complete new one, never a part; a symlink
// at the target is replaced, its target is never touched. Failure is reported as text naming the
// file and the reason ("No space left on device"), never as an exception.
#include <sys/types.h>

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace gradscape {

// The name prefix of temporary files (kTempMarker + target name + random suffix): a
// writer holding the directory's lock may remove leftovers of killed writers by it.
inline constexpr std::string_view kTempMarker = ".gradscape-tmp.";

// Whether the file is flushed to the disk (fsync) before it replaces the old one. Without it a
// crash of the process (kill -9 included) still leaves a whole file, but a power cut soon after
// may not; with it, each file costs a disk flush (milliseconds: too slow for 10^5 traces).
enum class Durability { Flushed, ProcessCrashSafe };

// Writes what `write` puts into the stream to `path`, atomically. Returns "" on success, else
// the reason (the file is then unchanged and no temporary file is left). An exception from
// `write` is passed on after the temporary file is removed.
std::string writeFileAtomically(const std::string& path,
                                const std::function<void(std::ostream&)>& write,
                                Durability durability = Durability::Flushed);
// The same for text held in memory.
std::string writeFileAtomically(const std::string& path, std::string_view content,
                                Durability durability = Durability::Flushed);

// The process's umask, read without changing it (umask(2) can only be read by setting it, which
// would race with files other threads create meanwhile). Linux reports it in /proc.
mode_t processUmask();

// Exclusive, advisory lock on a directory, held for the object's lifetime (flock on the
// directory itself: no lock file is left behind, and the kernel drops the lock when the
// process dies, kill -9 included).
class DirectoryLock {
 public:
  DirectoryLock() = default;
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;
  DirectoryLock(DirectoryLock&& other) noexcept;
  DirectoryLock& operator=(DirectoryLock&& other) noexcept;
  ~DirectoryLock();

  // Locks `dir` without waiting. Returns "" when locked, else why not (another process holds
  // it: "another process is writing to DIR").
  std::string acquire(const std::string& dir);
  bool locked() const { return fd_ >= 0; }
  // Removes temporary files that writers killed while writing left in the locked directory.
  // Returns how many were removed.
  int removeStaleTemporaries() const;

 private:
  int fd_ = -1;
  std::string dir_;
};

}  // namespace gradscape
