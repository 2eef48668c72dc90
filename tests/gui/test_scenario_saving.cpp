// Saving a scenario from the window is all or nothing: a save that fails says why in the
// banner, leaves the old file byte for byte and keeps the work on screen, still unsaved; a save
// that succeeds replaces the whole file.
#include <sys/resource.h>
#include <unistd.h>

#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <nlohmann/json.hpp>

#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/surface_format.h"
#include "core/scenario/scenario_json.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::testing::filesIn;

namespace {

const char* kDefaultScenario = ":/gradscape/scenarios/default.json";

QByteArray readAll(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes) {
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  QCOMPARE(file.write(bytes), bytes.size());
}

// While it lives, no file of this process may grow past `bytes`: a write beyond fails with
// EFBIG ("File too large") as it would on a full disk, for root too.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &old_);
    previous_ = std::signal(SIGXFSZ, SIG_IGN);  // the write fails instead of killing us
    rlimit limit = old_;
    limit.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &old_);
    std::signal(SIGXFSZ, previous_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit old_{};
  void (*previous_)(int) = nullptr;
};

}  // namespace

class ScenarioSavingTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() {
    QVERIFY(gradscape::testing::showExposedTestWindow(window_));
    window_->openExample(kDefaultScenario);
  }

  void cleanup() { window_.reset(); }

  void aFailedSaveKeepsTheOldFileAndSaysWhy_data() {
    QTest::addColumn<QString>("failure");
    QTest::addColumn<bool>("oldFile");
    QTest::addColumn<QString>("reason");
    QTest::newRow("disk full (file size limit)") << "limit" << true << "File too large";
    QTest::newRow("read-only folder") << "read-only" << true << "Permission denied";
    QTest::newRow("folder does not exist") << "missing" << false << "No such file or directory";
  }

  void aFailedSaveKeepsTheOldFileAndSaysWhy() {
    QFETCH(QString, failure);
    QFETCH(bool, oldFile);
    QFETCH(QString, reason);
    if (failure == "read-only" && geteuid() == 0) {
      QSKIP("root writes into read-only folders; the file size limit row covers root");
    }
    QTemporaryDir dir;
    const QString folder = failure == "missing" ? dir.filePath("missing") : dir.path();
    const QString path = folder + "/race.json";
    // The old file: a complete scenario of its own, larger than the limit below.
    const QByteArray old =
        readAll(GRADSCAPE_SOURCE_DIR "/scenarios/edge_of_stability.json") + QByteArray(600, ' ');
    if (oldFile) writeAll(path, old);
    window_->findChild<QPushButton*>("addRun")->click();  // unsaved work
    QVERIFY(window_->isModified());
    const Scenario work = window_->scenario();

    bool saved = true;
    if (failure == "limit") {
      const FileSizeLimit limit(512);  // the new file is larger than that
      saved = window_->saveFile(path);
    } else if (failure == "read-only") {
      QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner);
      saved = window_->saveFile(path);
      QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    } else {
      saved = window_->saveFile(path);
    }

    QVERIFY(!saved);
    const QString message = window_->banner()->text();
    QVERIFY2(message.startsWith("Could not save " + path + ": " + reason), qPrintable(message));
    QVERIFY2(message.contains(oldFile ? "The file on disk is unchanged" : "Nothing was written"),
             qPrintable(message));
    if (oldFile) {
      QCOMPARE(readAll(path), old);
      QCOMPARE(filesIn(folder), QStringList{"race.json"});  // no temporary file left
    } else {
      QVERIFY(!QFileInfo::exists(folder));
    }
    QVERIFY(window_->scenario() == work);
    QVERIFY(window_->isModified());
    QVERIFY(window_->isWindowModified());    // the title still says so
    QVERIFY(window_->filePath().isEmpty());  // still untitled: nothing was saved anywhere
    gradscape::testing::maybeShoot(window_.get(), "failed_save");
  }

  void aSuccessfulSaveReplacesTheWholeFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath("race.json");
    // Much longer than the scenario: a save that wrote over it in place would leave a tail.
    writeAll(path, QByteArray(64 * 1024, 'x'));
    window_->findChild<QPushButton*>("addRun")->click();
    QVERIFY(window_->saveFile(path));
    const QByteArray text = readAll(path);
    QVERIFY(text.size() < 32 * 1024);
    QVERIFY(!text.contains(QByteArray(101, 'x')));
    // One JSON value and nothing after it (parse() rejects trailing content).
    QVERIFY(nlohmann::json::accept(text.toStdString()));
    Scenario reread = loadScenarioFile(path.toStdString());
    QVERIFY(reread.view == window_->viewState());  // with the view it shows
    reread.view.reset();
    QVERIFY(reread == window_->scenario());
    QCOMPARE(filesIn(dir.path()), QStringList{"race.json"});
    QVERIFY(!window_->isModified());
    QCOMPARE(window_->filePath(), QFileInfo(path).absoluteFilePath());
    QVERIFY(window_->banner()->text().isEmpty());
  }

 private:
  std::unique_ptr<MainWindow> window_;
};

int main(int argc, char** argv) {
  gradscape::gui::setDefaultSurfaceFormat();
  QApplication app(argc, argv);
  ScenarioSavingTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_scenario_saving.moc"
