#pragma once
// Running a helper program (ffmpeg) from the export code without a shell: finding it on PATH,
// capturing its output, writing to its pipe without dying of SIGPIPE, waiting for it. POSIX
// only (posix_spawn, memfd); no VTK.
#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gradscape::plots::child {

// Where `program` would be run from: itself when it names a path, else the first executable of
// that name on PATH; empty when there is none.
std::string locate(const std::string& program);
// argv for exec: pointers into `args`, ending with a null pointer.
std::vector<char*> cArgv(std::vector<std::string>& args);
// Everything in the file `fd` from its start.
std::string readAll(int fd);
// Runs `program args...` with its standard output captured; "" when it could not run.
std::string capture(const std::string& program, std::vector<std::string> args);
// Writes all of `data` to the pipe `fd`; 0 or the errno. SIGPIPE (the reader gone) is held back
// in this thread and a pending one discarded, so a dead reader is EPIPE, never the signal's
// default action (the end of the program).
int writeAll(int fd, const uint8_t* data, size_t bytes);
// Waits for process `pid` to end: its exit status, 128 + the signal that ended it, or -1.
int waitFor(pid_t pid);

}  // namespace gradscape::plots::child
