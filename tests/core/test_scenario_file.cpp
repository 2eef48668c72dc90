// Reading scenario files safely: a directory, a FIFO nobody writes to, an endless device, a
// missing file and a file over the 64 MB limit each give a message naming the file and the
// reason, promptly, without reading what is refused; hostile text read from a file is checked
// like text in memory.
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <string>

#include "core/scenario/json_text_checks.h"
#include "core/scenario/scenario_json.h"

using namespace gradscape;

namespace {

// what() of the ScenarioError that loading `path` throws, or "" when it loads.
std::string loadError(const std::string& path) {
  try {
    (void)loadScenarioFile(path);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "";
}

bool writeFile(const std::string& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  const bool ok =
      ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
  return ::close(fd) == 0 && ok;
}

// A sparse file of `size` bytes (no data blocks: nothing to read but zeros).
bool sparseFile(const std::string& path, off_t size) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  const bool ok = ::ftruncate(fd, size) == 0;
  return ::close(fd) == 0 && ok;
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

class TestScenarioFile : public QObject {
  Q_OBJECT

 private slots:
  void validFileLoads() {
    QTemporaryDir tmp;
    const std::string path = tmp.filePath("ok.json").toStdString();
    QVERIFY(writeFile(path, R"({"name": "ok", "objective": "rosenbrock",
                                 "runs": [{"optimizer": "sgd"}]})"));
    const Scenario s = loadScenarioFile(path);
    QCOMPARE(s.name, std::string("ok"));
    QCOMPARE(s.runs.size(), size_t{1});
  }

  void directoryIsRefusedAsADirectory() {
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    const std::string what = loadError(dir);
    QVERIFY2(what.starts_with(dir + ": "), what.c_str());
    QVERIFY2(contains(what, "is a directory"), what.c_str());
  }

  void missingFileNamesFileAndReason() {
    QTemporaryDir tmp;
    const std::string path = tmp.filePath("missing.json").toStdString();
    const std::string what = loadError(path);
    QVERIFY2(what.starts_with(path + ": "), what.c_str());
    QVERIFY2(contains(what, "No such file or directory"), what.c_str());
  }

  void controlCharactersInTheFileNameAreEscaped() {
    QTemporaryDir tmp;
    const std::string path = tmp.path().toStdString() + "/\x1b[2Jevil\n.json";
    const std::string what = loadError(path);
    QVERIFY2(contains(what, "/\\u001B[2Jevil\\u000A.json: "), what.c_str());
    for (const char c : what) QVERIFY(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f);
  }

  void fifoWithoutWriterReturnsPromptlyAsEmpty() {
    QTemporaryDir tmp;
    const std::string fifo = tmp.filePath("scenario.fifo").toStdString();
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    auto result = std::async(std::launch::async, [&] { return loadError(fifo); });
    if (result.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
      // Unblock the reader (a writer that closes at once gives it end-of-file), then fail.
      const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
      if (fd >= 0) ::close(fd);
      result.wait();
      QFAIL("loading a FIFO without a writer hung for 10 s");
    }
    const std::string what = result.get();
    QVERIFY2(what.starts_with(fifo + ": "), what.c_str());
    QVERIFY2(contains(what, "empty"), what.c_str());
  }

  void endlessDeviceIsCutAtTheLimit() {
    QVERIFY2(::access("/dev/zero", R_OK) == 0, "no /dev/zero here");
    QCOMPARE(kMaxScenarioBytes, size_t{64} << 20);
    const std::string what = loadError("/dev/zero");
    QVERIFY2(what.starts_with("/dev/zero: "), what.c_str());
    QVERIFY2(contains(what, "limited to 64 MB"), what.c_str());
  }

  void fileOverTheLimitIsRefusedWithoutBeingRead_data() {
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("shownSize");
    QTest::newRow("65 MB") << qint64{65} * 1024 * 1024 << "68157440 bytes";
    // A terabyte (sparse): read, it would take minutes; its size alone refuses it.
    QTest::newRow("1 TB") << (qint64{1} << 40) << "1099511627776 bytes";
  }
  void fileOverTheLimitIsRefusedWithoutBeingRead() {
    QFETCH(qint64, size);
    QFETCH(QString, shownSize);
    QTemporaryDir tmp;
    const std::string path = tmp.filePath("huge.json").toStdString();
    QVERIFY2(sparseFile(path, static_cast<off_t>(size)), "cannot make a sparse file of that size");
    QElapsedTimer timer;
    timer.start();
    const std::string what = loadError(path);
    QVERIFY2(what.starts_with(path + ": "), what.c_str());
    // "the file has N bytes" comes from its size; a read would have said "more than 64 MB of
    // text".
    QVERIFY2(contains(what, "the file has " + shownSize.toStdString()), what.c_str());
    QVERIFY2(contains(what, "limited to 64 MB"), what.c_str());
    QVERIFY(timer.elapsed() < 1000);
  }

  void fileOneByteOverTheLimitShowsASizeOverTheLimit() {
    QTemporaryDir tmp;
    const std::string path = tmp.filePath("over.json").toStdString();
    QVERIFY(sparseFile(path, static_cast<off_t>(kMaxScenarioBytes) + 1));
    const std::string what = loadError(path);
    QVERIFY2(contains(what, "limited to 64 MB"), what.c_str());
    // Not rounded: 64 MiB + 1 byte.
    QVERIFY2(contains(what,
                      "the file has 67108865 bytes; scenario files are limited to 64 MB "
                      "(67108864 bytes)"),
             what.c_str());
  }

  void hostileTextInAFileIsCheckedLikeTextInMemory() {
    QTemporaryDir tmp;
    const std::string path = tmp.filePath("deep.json").toStdString();
    QVERIFY(writeFile(path, "{\"name\":\n" + std::string(100000, '[')));
    const std::string what = loadError(path);
    // Line 2 holds the brackets: the 64th (level 65) is at column 64.
    QCOMPARE(
        what, path + ": name" + [] {
          std::string s;
          for (int i = 0; i < 63; ++i) s += "[0]";
          return s;
        }() + ": nested deeper than 64 levels at line 2, column 64");
  }
};

QTEST_APPLESS_MAIN(TestScenarioFile)
#include "test_scenario_file.moc"
