// The desktop program loses nothing: the window autosaves its unsaved work a moment after each
// change, a session whose program died (here: really killed with SIGKILL) is offered at the
// next start and comes back whole, Discard and a clean close leave nothing behind, and a
// damaged autosave is reported without getting in the way.
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdio>
#include <optional>

#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/restore_prompt.h"
#include "app/gui/run_editor.h"
#include "app/gui/run_list_panel.h"
#include "app/gui/session_autosave.h"
#include "app/gui/surface_format.h"
#include "core/scenario/scenario_json.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::testing::maybeShoot;
using gradscape::testing::waitForFinishedRuns;

namespace {

const char* kDefaultScenario = ":/gradscape/scenarios/default.json";
// Set for the child process that makes unsaved work and is then killed.
const char* kChildEnv = "GRADSCAPE_TEST_SESSION_TO_KILL";

// Far from a new window's view (both views, log colours, loss on a log-y chart, first tab).
ViewState childViewState() {
  ViewState view;
  view.layout = ViewState::Layout::Contour;
  view.logColourScale = false;
  view.gradientArrows = true;
  view.analysisTab = 2;
  view.chartQuantity = ViewState::Quantity::GradNorm;
  view.chartLogX = true;
  view.chartLogY = false;
  view.selectedRun = 1;
  return view;
}

// Types a learning rate into the run editor for run `row`, as a person would.
void typeLearningRate(MainWindow& window, int row, const QString& lr) {
  window.runList()->setCurrentRow(row);
  auto* entry = window.runEditor()->findChild<QLineEdit*>("param.lr.entry");
  QVERIFY(entry);
  entry->setText(lr);
  QTest::keyClick(entry, Qt::Key_Return);
}

// The child: opens the default scenario, saves it as DIR/race.json, edits it (unsaved), changes
// the views, and once the autosave is on disk says "autosaved" and waits to be killed.
int runSessionToBeKilled(const QString& dir) {
  MainWindow window;
  window.resize(1200, 800);
  window.show();
  window.openExample(kDefaultScenario);
  if (!window.saveFile(dir + "/race.json")) return 3;
  window.startAutosave(dir);
  window.autosave()->setDelay(200);
  typeLearningRate(window, 1, "0.0007");
  window.applyViewState(childViewState());
  if (!window.isModified()) return 4;
  QObject::connect(window.autosave(), &SessionAutosave::written, &window, [&window, dir] {
    saveScenarioFile(window.scenario(), (dir + "/expected.json").toStdString());
    std::printf("autosaved\n");
    std::fflush(stdout);
  });
  return QApplication::exec();
}

QStringList sessionFiles(const QString& dir) {
  return QDir(dir).entryList({"session-*"}, QDir::Files | QDir::Hidden);
}

QByteArray readAll(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The session in an autosave; none (and the reason as a warning) when it cannot be read.
std::optional<Session> readSession(const QString& path) {
  try {
    return sessionFromJson(readAll(path));
  } catch (const SessionError& e) {
    qWarning("%s: %s", qPrintable(path), e.what());
    return std::nullopt;
  }
}

// A process id no process has any more.
qint64 deadPid() {
  QProcess process;
  process.start("/bin/sh", {"-c", "exit 0"});
  process.waitForStarted();
  const qint64 pid = process.processId();
  process.waitForFinished();
  return pid;
}

// What a session leaves when its program dies: its autosave, and a lock naming a dead process.
void leaveCrashedSession(const QString& dir, const QString& id, const QByteArray& autosave) {
  QFile json(dir + "/session-" + id + ".json");
  QVERIFY(json.open(QIODevice::WriteOnly));
  json.write(autosave);
  QFile lock(dir + "/session-" + id + ".lock");
  QVERIFY(lock.open(QIODevice::WriteOnly));
  lock.write(QByteArray::number(deadPid()) + "\ngui_test_session_autosave\n" +
             QSysInfo::machineHostName().toUtf8() + "\n");
}

Session editedDefaultSession() {
  Session session;
  session.scenario = loadScenarioFile(GRADSCAPE_SOURCE_DIR "/scenarios/default.json");
  session.scenario.name = "Left behind";
  session.scenario.runs.pop_back();
  session.savedAt = QDateTime::currentDateTimeUtc();
  return session;
}

}  // namespace

class SessionAutosaveTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() {
    QVERIFY(dir_.isValid());
    window_ = openWindow();
  }

  void cleanup() {
    window_.reset();
    QDir(dir_.path()).removeRecursively();
    QDir().mkpath(dir_.path());
  }

  void anEditIsAutosavedAfterTheDebounce() {
    window_->setLiveMode(false);  // a light event loop: the waits below stay close to asked
    window_->startAutosave(dir_.path());
    window_->autosave()->setDelay(1500);
    QSignalSpy written(window_->autosave(), &SessionAutosave::written);
    QVERIFY(sessionFiles(dir_.path()).filter(".json").isEmpty());  // nothing unsaved yet
    auto* add = window_->findChild<QPushButton*>("addRun");
    add->click();
    QVERIFY(!QFile::exists(window_->autosave()->filePath()));  // not at once
    QTest::qWait(500);
    QCOMPARE(written.count(), 0);
    add->click();  // within the delay: the wait starts again
    QElapsedTimer sinceLastEdit;
    sinceLastEdit.start();
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 10'000);
    // A timer may fire a little early (Qt's coarse timers: 5%), never a delay early.
    QVERIFY2(sinceLastEdit.elapsed() >= 1350, qPrintable(QString::number(sinceLastEdit.elapsed())));
    QTest::qWait(1000);
    QCOMPARE(written.count(), 1);  // two edits in a burst: one write
    const auto saved = readSession(window_->autosave()->filePath());
    QVERIFY(saved);
    QVERIFY(saved->scenario == window_->scenario());
    QCOMPARE(saved->scenario.runs.size(), size_t(9));  // the default's seven and the two added
    QVERIFY(saved->modified);
    QVERIFY(saved->filePath.isEmpty());
    QVERIFY(saved->view == window_->viewState());
  }

  void editsThatNeverPauseAreStillAutosaved() {
    window_->startAutosave(dir_.path());
    window_->autosave()->setDelay(1500);  // longer than any pause between these edits
    window_->autosave()->setMaxWait(600);
    QSignalSpy written(window_->autosave(), &SessionAutosave::written);
    QElapsedTimer dragging;  // like a slider held and moved for two seconds
    dragging.start();
    for (int k = 0; dragging.elapsed() < 2000; ++k) {
      typeLearningRate(*window_, 0, QString::number(0.001 + 1e-5 * k));
      QTest::qWait(100);
    }
    QVERIFY2(written.count() >= 1, "nothing was written while the edits went on");
  }

  void aSessionWhoseProgramWasKilledIsOfferedAndRestored() {
    window_.reset();
    QProcess child;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(kChildEnv, dir_.path());
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted());
    QElapsedTimer clock;
    clock.start();
    while (!child.canReadLine() && clock.elapsed() < 60'000 && child.state() == QProcess::Running) {
      child.waitForReadyRead(500);
    }
    QCOMPARE(child.readLine().trimmed(), QByteArray("autosaved"));
    // While its program lives, a session is nobody else's to offer.
    QVERIFY(claimCrashedSessions(dir_.path()).empty());
    child.kill();  // SIGKILL: no clean-up of any kind
    QVERIFY(child.waitForFinished());
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    const QStringList left = sessionFiles(dir_.path());
    QCOMPARE(left.filter(QRegularExpression("\\.json$")).size(), 1);
    QCOMPARE(left.filter(QRegularExpression("\\.lock$")).size(), 1);  // stale: its owner died
    const QString crashedAutosave = dir_.filePath(left.filter(".json").first());

    window_ = openWindow();
    window_->startAutosave(dir_.path());
    RestorePrompt* prompt = window_->restorePrompt();
    QVERIFY(prompt && prompt->isVisible());
    const auto crashed = readSession(crashedAutosave);
    QVERIFY(crashed);
    const QString time = crashed->savedAt.toLocalTime().toString("HH:mm");
    QVERIFY2(prompt->question().startsWith("Restore the unsaved work from"),
             qPrintable(prompt->question()));
    QVERIFY2(prompt->question().contains(time), qPrintable(prompt->question() + " / " + time));
    QVERIFY2(prompt->details().contains("race.json"), qPrintable(prompt->details()));
    QVERIFY(!window_->isModified());  // nothing happens until the user decides
    if (qEnvironmentVariableIsSet("GRADSCAPE_SHOT_DIR")) {
      QTest::qWait(100);
      prompt->grab().save(qEnvironmentVariable("GRADSCAPE_SHOT_DIR") + "/restore_prompt.png");
    }
    maybeShoot(window_.get(), "restore_prompt_window");

    QTest::mouseClick(prompt->restoreButton(), Qt::LeftButton);
    const Scenario expected = loadScenarioFile(dir_.filePath("expected.json").toStdString());
    QVERIFY(window_->scenario() == expected);
    QCOMPARE(window_->scenario().runs[1].optimizerParams.get("lr"), 0.0007);  // not on disk
    QCOMPARE(window_->filePath(), QFileInfo(dir_.filePath("race.json")).absoluteFilePath());
    QVERIFY(window_->isModified());
    QVERIFY(window_->windowTitle().startsWith("race.json"));
    QVERIFY(window_->viewState() == childViewState());
    QVERIFY(prompt->isHidden());
    // The work is this session's now: its autosave is on disk, the dead session's is gone.
    QVERIFY(!QFile::exists(crashedAutosave));
    QVERIFY(QFile::exists(window_->autosave()->filePath()));
    QVERIFY(waitForFinishedRuns(*window_));
  }

  void discardingACrashedSessionDeletesIt() {
    leaveCrashedSession(dir_.path(), "dead", sessionToJson(editedDefaultSession()));
    window_->startAutosave(dir_.path());
    QVERIFY(window_->restorePrompt()->isVisible());
    QTest::mouseClick(window_->restorePrompt()->discardButton(), Qt::LeftButton);
    QVERIFY(window_->restorePrompt()->isHidden());
    QCOMPARE(window_->scenario().name, std::string("Rosenbrock race"));  // the work on screen
    QVERIFY(!window_->isModified());
    QVERIFY(!QFile::exists(dir_.filePath("session-dead.json")));
    QVERIFY(!QFile::exists(dir_.filePath("session-dead.lock")));
    auto next = openWindow();
    next->startAutosave(dir_.path());
    QVERIFY(next->restorePrompt()->isHidden());  // never offered again
  }

  void aRunningWindowsWorkIsNotOfferedToAnother() {
    window_->startAutosave(dir_.path());
    window_->findChild<QPushButton*>("addRun")->click();
    window_->autosave()->writeNow();
    QVERIFY(window_->autosave()->waitForIdle());
    QVERIFY(QFile::exists(window_->autosave()->filePath()));
    auto second = openWindow();
    second->startAutosave(dir_.path());
    QVERIFY(second->restorePrompt()->isHidden());
    QVERIFY(QFile::exists(window_->autosave()->filePath()));
  }

  void aCleanCloseLeavesNoAutosave() {
    window_->startAutosave(dir_.path());
    window_->findChild<QPushButton*>("addRun")->click();
    window_->autosave()->writeNow();
    QVERIFY(window_->autosave()->waitForIdle());
    QCOMPARE(sessionFiles(dir_.path()).size(), 2);  // the autosave and the lock
    // Closing asks about the unsaved changes; the answer here is Discard.
    QTimer::singleShot(0, this, [] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      if (box) box->button(QMessageBox::Discard)->click();
    });
    QVERIFY(window_->close());
    QVERIFY2(sessionFiles(dir_.path()).isEmpty(), qPrintable(sessionFiles(dir_.path()).join(' ')));
  }

  void savedWorkLeavesNothingToRestore() {
    window_->startAutosave(dir_.path());
    window_->findChild<QPushButton*>("addRun")->click();
    window_->autosave()->writeNow();
    QVERIFY(window_->autosave()->waitForIdle());
    QVERIFY(QFile::exists(window_->autosave()->filePath()));
    QVERIFY(window_->saveFile(dir_.filePath("kept.json")));
    QVERIFY(window_->autosave()->waitForIdle());
    QVERIFY(!QFile::exists(window_->autosave()->filePath()));
  }

  void aChangeWaitingForTheDelayIsWrittenWhenTheWindowGoes() {
    window_->startAutosave(dir_.path());
    window_->autosave()->setDelay(60'000);
    window_->findChild<QPushButton*>("addRun")->click();
    const QString path = window_->autosave()->filePath();
    QVERIFY(!QFile::exists(path));
    const Scenario edited = window_->scenario();
    window_.reset();  // ends without closing (the application quit under it)
    const auto kept = readSession(path);
    QVERIFY(kept);
    QVERIFY(kept->scenario == edited);
    window_ = openWindow();
    window_->startAutosave(dir_.path());
    QVERIFY(window_->restorePrompt()->isVisible());
  }

  void aDamagedAutosaveIsReportedAndTheWindowStartsNormally_data() {
    QTest::addColumn<QByteArray>("autosave");
    QTest::addColumn<QString>("reason");
    const QByteArray whole = sessionToJson(editedDefaultSession());
    QTest::newRow("cut short") << whole.left(whole.size() / 2) << "not JSON";
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("not a session") << QByteArray("[1, 2, 3]") << "not a Gradscape session";
    Session badRun = editedDefaultSession();
    badRun.scenario.runs[0].optimizerParams.set("lr", -1.0);
    QTest::newRow("bad scenario") << sessionToJson(badRun) << "runs[0].optimizer.lr";
  }

  void aDamagedAutosaveIsReportedAndTheWindowStartsNormally() {
    QFETCH(QByteArray, autosave);
    QFETCH(QString, reason);
    leaveCrashedSession(dir_.path(), "broken", autosave);
    const Scenario before = window_->scenario();
    window_->startAutosave(dir_.path());
    const QString message = window_->banner()->text();
    QVERIFY2(message.contains("could not be read") && message.contains(reason),
             qPrintable(message));
    QVERIFY2(message.contains("corrupt-session-broken.json"), qPrintable(message));
    QVERIFY(window_->restorePrompt()->isHidden());
    QVERIFY(window_->scenario() == before);
    QVERIFY(!window_->isModified());
    // Moved aside, not offered again; and the window autosaves as usual.
    QCOMPARE(readAll(dir_.filePath("corrupt-session-broken.json")), autosave);
    QVERIFY(!QFile::exists(dir_.filePath("session-broken.json")));
    QVERIFY(!QFile::exists(dir_.filePath("session-broken.lock")));
    window_->findChild<QPushButton*>("addRun")->click();
    window_->autosave()->writeNow();
    QVERIFY(window_->autosave()->waitForIdle());
    QVERIFY(QFile::exists(window_->autosave()->filePath()));
    maybeShoot(window_.get(), "damaged_autosave");
  }

 private:
  static std::unique_ptr<MainWindow> openWindow() {
    std::unique_ptr<MainWindow> window;
    if (!gradscape::testing::showExposedTestWindow(window)) qWarning("window not exposed");
    window->openExample(kDefaultScenario);
    return window;
  }

  QTemporaryDir dir_;
  std::unique_ptr<MainWindow> window_;
};

int main(int argc, char** argv) {
  gradscape::gui::setDefaultSurfaceFormat();
  QApplication app(argc, argv);
  QStandardPaths::setTestModeEnabled(true);
  if (qEnvironmentVariableIsSet(kChildEnv))
    return runSessionToBeKilled(qEnvironmentVariable(kChildEnv));
  SessionAutosaveTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_session_autosave.moc"
