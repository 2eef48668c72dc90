// Atomic file writes and directory locks: a write either replaces the file with exactly the new
// bytes or leaves the old file and no temporary behind, whatever fails (a throwing writer, a
// missing directory, a full disk, a file size limit); a symlink at the target is replaced, never
// written through; a locked directory refuses a second writer.
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/io/atomic_file.h"

using namespace gradscape;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void writePlain(const fs::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

// The names in `dir`, sorted.
std::vector<std::string> namesIn(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Content with every byte value, a NUL and CR LF among them, `size` bytes long.
std::string allBytes(size_t size) {
  std::string s(size, '\0');
  for (size_t i = 0; i < size; ++i) s[i] = static_cast<char>((i * 7 + 3) % 256);
  return s;
}

// Runs `child` in a forked process and returns what it wrote to its pipe and its exit code
// (-1 when it did not exit normally).
template <class Child>
std::pair<std::string, int> inChildProcess(const Child& child) {
  int fds[2];
  if (::pipe(fds) != 0) return {"pipe failed", -1};
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    std::string message;
    const int code = child(message);
    const ssize_t written = ::write(fds[1], message.data(), message.size());
    ::_exit(written == static_cast<ssize_t>(message.size()) ? code : 99);
  }
  ::close(fds[1]);
  std::string message;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) message.append(buffer, n);
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return {message, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

}  // namespace

class TestAtomicFile : public QObject {
  Q_OBJECT

 private slots:
  void successfulWriteReplacesContentExactly() {
    QTemporaryDir tmp;
    const fs::path file = fs::path(tmp.path().toStdString()) / "run0.csv";
    writePlain(file, "old content that is longer than the new one\n");
    QCOMPARE(writeFileAtomically(file.string(), std::string_view("a,b\r\n1,2\n")), std::string());
    QCOMPARE(readAll(file), std::string("a,b\r\n1,2\n"));
    // The stream overload, with more than one 64 KB buffer of every byte value (NUL included).
    const std::string big = allBytes(200000);
    QCOMPARE(writeFileAtomically(file.string(), [&](std::ostream& out) { out << big; }),
             std::string());
    QCOMPARE(readAll(file), big);
    // Without the disk flush the content is the same.
    QCOMPARE(writeFileAtomically(file.string(), std::string_view("no flush\n"),
                                 Durability::ProcessCrashSafe),
             std::string());
    QCOMPARE(readAll(file), std::string("no flush\n"));
    // Empty content gives an empty file.
    QCOMPARE(writeFileAtomically(file.string(), std::string_view()), std::string());
    QCOMPARE(fs::file_size(file), uintmax_t{0});
    QCOMPARE(namesIn(file.parent_path()), std::vector<std::string>{"run0.csv"});
  }

  void writerThatThrowsMidwayLeavesOldFileAndNoTemporary() {
    QTemporaryDir tmp;
    const fs::path file = fs::path(tmp.path().toStdString()) / "run0.csv";
    const std::string old = allBytes(1000);
    writePlain(file, old);
    bool threw = false;
    try {
      // 150 KB reach the temporary file (two buffers are written out) before the throw.
      (void)writeFileAtomically(file.string(), [](std::ostream& out) {
        out << std::string(150000, 'x');
        throw std::runtime_error("writer failed midway");
      });
    } catch (const std::runtime_error& e) {
      threw = std::string(e.what()) == "writer failed midway";
    }
    QVERIFY2(threw, "the writer's exception is passed on unchanged");
    QCOMPARE(readAll(file), old);
    QCOMPARE(namesIn(file.parent_path()), std::vector<std::string>{"run0.csv"});
  }

  void writerThatFailsTheStreamGivesMessageAndKeepsOldFile() {
    QTemporaryDir tmp;
    const fs::path file = fs::path(tmp.path().toStdString()) / "run0.csv";
    writePlain(file, "old");
    const std::string message = writeFileAtomically(file.string(), [](std::ostream& out) {
      out << "partial";
      out.setstate(std::ios::badbit);
    });
    QVERIFY2(message.find(file.string()) != std::string::npos, message.c_str());
    QCOMPARE(readAll(file), std::string("old"));
    QCOMPARE(namesIn(file.parent_path()), std::vector<std::string>{"run0.csv"});
  }

  void writeIntoMissingDirectoryNamesFileAndReasonAndCreatesNothing() {
    QTemporaryDir tmp;
    const fs::path root(tmp.path().toStdString());
    const std::string target = (root / "missing" / "out.csv").string();
    const std::string message = writeFileAtomically(target, std::string_view("x"));
    QVERIFY2(message.find(target) != std::string::npos, message.c_str());
    QVERIFY2(message.find("No such file or directory") != std::string::npos, message.c_str());
    QVERIFY(!fs::exists(root / "missing"));
    QVERIFY(namesIn(root).empty());
  }

  void symlinkAtTargetIsReplacedAndItsTargetUntouched() {
    QTemporaryDir tmp;
    const fs::path root(tmp.path().toStdString());
    writePlain(root / "precious.txt", "precious\n");
    fs::create_symlink(root / "precious.txt", root / "link.csv");
    QCOMPARE(writeFileAtomically((root / "link.csv").string(), std::string_view("new\n")),
             std::string());
    QVERIFY(!fs::is_symlink(root / "link.csv"));
    QVERIFY(fs::is_regular_file(fs::symlink_status(root / "link.csv")));
    QCOMPARE(readAll(root / "link.csv"), std::string("new\n"));
    QCOMPARE(readAll(root / "precious.txt"), std::string("precious\n"));
    QCOMPARE(namesIn(root), (std::vector<std::string>{"link.csv", "precious.txt"}));
  }

  void directoryAtTargetGivesMessage() {
    QTemporaryDir tmp;
    const fs::path dir = fs::path(tmp.path().toStdString()) / "out";
    fs::create_directory(dir);
    const std::string message = writeFileAtomically(dir.string(), std::string_view("x"));
    QVERIFY2(message.find(dir.string()) != std::string::npos, message.c_str());
    QVERIFY2(message.find("directory") != std::string::npos, message.c_str());
    QVERIFY(fs::is_directory(dir));
    QVERIFY(namesIn(dir).empty());
    QCOMPARE(namesIn(dir.parent_path()), std::vector<std::string>{"out"});
  }

  void fullDeviceReportsNoSpaceLeft() {
    QVERIFY2(fs::exists("/dev/full"), "no /dev/full here");
    const std::string message = writeFileAtomically("/dev/full", std::string_view("x"));
    QVERIFY2(message.find("/dev/full") != std::string::npos, message.c_str());
    QVERIFY2(message.find("No space left on device") != std::string::npos, message.c_str());
    // The stream overload, with more than a buffer's worth.
    const std::string big = writeFileAtomically(
        "/dev/full", [](std::ostream& out) { out << std::string(100000, 'y'); });
    QVERIFY2(big.find("No space left on device") != std::string::npos, big.c_str());
  }

  void fileSizeLimitFailsAndKeepsOldFileAndNoTemporary() {
    QTemporaryDir tmp;
    const fs::path file = fs::path(tmp.path().toStdString()) / "big.csv";
    writePlain(file, "old\n");
    // In a child: the limit and the ignored SIGXFSZ stay there.
    const auto [message, code] = inChildProcess([&](std::string& out) {
      std::signal(SIGXFSZ, SIG_IGN);
      const rlimit limit{4096, 4096};
      if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) return 3;
      try {
        out = writeFileAtomically(file.string(), std::string(100000, 'z'));
      } catch (...) {
        return 2;
      }
      return out.empty() ? 1 : 0;  // 0: the write was refused with a message
    });
    QVERIFY2(code != 1, "a write over RLIMIT_FSIZE reported success");
    QVERIFY2(code != 2, "a write over RLIMIT_FSIZE threw");
    QCOMPARE(code, 0);
    QVERIFY2(message.find(file.string()) != std::string::npos, message.c_str());
    QVERIFY2(message.find("File too large") != std::string::npos, message.c_str());
    QCOMPARE(readAll(file), std::string("old\n"));
    QCOMPARE(namesIn(file.parent_path()), std::vector<std::string>{"big.csv"});
  }

  void newFilePermissionsFollowTheUmask() {
    QTemporaryDir tmp;
    const fs::path root(tmp.path().toStdString());
    const mode_t saved = ::umask(022);
    const std::string first = writeFileAtomically((root / "a.csv").string(), std::string_view("a"));
    ::umask(077);
    const std::string second =
        writeFileAtomically((root / "b.csv").string(), std::string_view("b"));
    ::umask(saved);
    QCOMPARE(first, std::string());
    QCOMPARE(second, std::string());
    struct stat a {
    }, b{};
    QCOMPARE(::stat((root / "a.csv").c_str(), &a), 0);
    QCOMPARE(::stat((root / "b.csv").c_str(), &b), 0);
    QCOMPARE(a.st_mode & 07777, mode_t{0644});
    QCOMPARE(b.st_mode & 07777, mode_t{0600});
  }

  void fileNameNearTheSystemLimitCanBeWritten() {
    // 240 characters is a valid name (NAME_MAX is 255), so a plain open() can create it.
    QTemporaryDir tmp;
    const fs::path root(tmp.path().toStdString());
    const std::string name(240, 'n');
    writePlain(root / name, "old");
    QCOMPARE(readAll(root / name), std::string("old"));
    const std::string message =
        writeFileAtomically((root / name).string(), std::string_view("new"));
    // The temporary's name (kTempMarker + name + ".XXXXXX") must stay within NAME_MAX too.
    QCOMPARE(message, std::string());
    QCOMPARE(readAll(root / name), std::string("new"));
    QCOMPARE(namesIn(root).size(), size_t{1});
  }

  void secondLockFromAnotherProcessIsRefusedUntilReleased() {
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    auto lockInChild = [&](std::string& out) {
      DirectoryLock lock;
      out = lock.acquire(dir);
      return lock.locked() ? 0 : 1;
    };
    {
      DirectoryLock first;
      QCOMPARE(first.acquire(dir), std::string());
      QVERIFY(first.locked());
      const auto [message, code] = inChildProcess(lockInChild);
      QCOMPARE(code, 1);
      QVERIFY2(message.find("another process is writing") != std::string::npos, message.c_str());
      QVERIFY2(message.find(dir) != std::string::npos, message.c_str());
    }  // released here
    const auto [message, code] = inChildProcess(lockInChild);
    QCOMPARE(message, std::string());
    QCOMPARE(code, 0);
    QVERIFY(namesIn(dir).empty());  // no lock file left behind
  }

  void secondLockInTheSameProcessIsRefusedUntilReleased() {
    // flock locks belong to the open file description: two DirectoryLock objects open the
    // directory separately, so they exclude each other even in one process.
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    auto first = std::make_unique<DirectoryLock>();
    QCOMPARE(first->acquire(dir), std::string());
    DirectoryLock second;
    const std::string refused = second.acquire(dir);
    QVERIFY2(refused.find("another process is writing") != std::string::npos, refused.c_str());
    QVERIFY(!second.locked());
    // Moving the lock keeps it held.
    DirectoryLock moved(std::move(*first));
    QVERIFY(moved.locked());
    QVERIFY(!first->locked());
    first.reset();
    QVERIFY(!second.acquire(dir).empty());
    moved = DirectoryLock();  // released
    QCOMPARE(second.acquire(dir), std::string());
    QVERIFY(second.locked());
  }

  void lockOnMissingDirectoryNamesIt() {
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString() + "/missing";
    DirectoryLock lock;
    const std::string message = lock.acquire(dir);
    QVERIFY2(message.find(dir) != std::string::npos, message.c_str());
    QVERIFY2(message.find("No such file or directory") != std::string::npos, message.c_str());
    QVERIFY(!lock.locked());
  }

  void removeStaleTemporariesRemovesOnlyMarkedFiles() {
    QTemporaryDir tmp;
    const fs::path root(tmp.path().toStdString());
    const std::string stale = std::string(kTempMarker) + "x.csv.abc123";
    QCOMPARE(stale, std::string(".gradscape-tmp.x.csv.abc123"));
    writePlain(root / stale, "half");
    writePlain(root / (std::string(kTempMarker) + "run1.csv.Zz9yX0"), "half");
    writePlain(root / "run0.csv", "keep");
    writePlain(root / ".hidden", "keep");
    writePlain(root / ".gradscape-tm", "keep");  // a prefix of the marker only
    DirectoryLock unlocked;
    QCOMPARE(unlocked.removeStaleTemporaries(), 0);  // only a lock holder may remove them
    QCOMPARE(namesIn(root).size(), size_t{5});
    DirectoryLock lock;
    QCOMPARE(lock.acquire(root.string()), std::string());
    QCOMPARE(lock.removeStaleTemporaries(), 2);
    QCOMPARE(namesIn(root), (std::vector<std::string>{".gradscape-tm", ".hidden", "run0.csv"}));
    QCOMPARE(readAll(root / "run0.csv"), std::string("keep"));
    QCOMPARE(lock.removeStaleTemporaries(), 0);
  }
};

QTEST_APPLESS_MAIN(TestAtomicFile)
#include "test_atomic_file.moc"
