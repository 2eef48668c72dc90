#include "plots/export/child_process.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>

extern char** environ;  // NOLINT(readability-redundant-declaration): posix_spawn's environment

namespace gradscape::plots::child {

// Where `program` would be run from: itself when it names a path, else the first executable of
// that name on PATH; empty when there is none.
std::string locate(const std::string& program) {
  if (program.find('/') != std::string::npos) {
    return ::access(program.c_str(), X_OK) == 0 ? program : "";
  }
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
  }
  return "";
}

std::vector<char*> cArgv(std::vector<std::string>& args) {
  std::vector<char*> out;
  out.reserve(args.size() + 1);
  for (auto& a : args) out.push_back(a.data());
  out.push_back(nullptr);
  return out;
}

std::string readAll(int fd) {
  std::string text;
  char buffer[4096];
  off_t at = 0;
  ssize_t n = 0;
  while ((n = ::pread(fd, buffer, sizeof buffer, at)) > 0) {
    text.append(buffer, static_cast<size_t>(n));
    at += n;
  }
  return text;
}

// Runs `program args...` with its standard output captured; "" when it could not run.
std::string capture(const std::string& program, std::vector<std::string> args) {
  args.insert(args.begin(), program);
  const int out = ::memfd_create("gradscape-ffmpeg-out", MFD_CLOEXEC);
  if (out < 0) return "";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out, 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  auto argv = cArgv(args);
  const int spawned = ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  std::string text;
  if (spawned == 0) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    text = readAll(out);
  }
  ::close(out);
  return text;
}

// Writes all of `data` to the pipe `fd`; 0 or the errno. SIGPIPE (ffmpeg gone) is held back in
// this thread and a pending one discarded, so a dead ffmpeg is EPIPE, never the signal's
// default action (the end of the program).
int writeAll(int fd, const uint8_t* data, size_t bytes) {
  sigset_t pipeSignal, old;
  sigemptyset(&pipeSignal);
  sigaddset(&pipeSignal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipeSignal, &old);
  int error = 0;
  while (bytes > 0) {
    const ssize_t n = ::write(fd, data, bytes);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = errno;
      break;
    }
    data += n;
    bytes -= static_cast<size_t>(n);
  }
  if (error == EPIPE) {
    const timespec now{0, 0};
    while (sigtimedwait(&pipeSignal, nullptr, &now) == SIGPIPE) {
    }
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return error;
}

// Waits for process `pid` to end: its exit status, 128 + the signal that ended it, or -1.
int waitFor(pid_t pid) {
  int status = 0;
  pid_t done = -1;
  while ((done = ::waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
  }
  if (done < 0) return -1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

}  // namespace gradscape::plots::child
