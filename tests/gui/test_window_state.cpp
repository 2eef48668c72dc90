// State bugs of the main window, each driven the way a person meets it: examples asked about
// like New, every documented tab key bound, an optimizer switch that starts from the new
// optimizer's defaults (and remembers what was typed), keys in number fields, the run names
// and labels the views show; examples that say what they show, F11 for full screen.
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QtTest>
#include <nlohmann/json.hpp>
#include <set>

#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/number_entry.h"
#include "app/gui/param_form.h"
#include "app/gui/run_controller.h"
#include "app/gui/run_editor.h"
#include "app/gui/run_list_panel.h"
#include "core/optimizers/optimizer_registry.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::testing::maybeShoot;
using gradscape::testing::waitForFinishedRuns;

namespace {
const char* kDefaultScenario = ":/gradscape/scenarios/default.json";

double defaultLr(const std::string& optimizer) {
  return findParam(optimizerRegistry().find(optimizer)->params, "lr")->defaultValue;
}
}  // namespace

class WindowStateTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() {
    QVERIFY(gradscape::testing::showActiveTestWindow(window_));
    window_->openExample(kDefaultScenario);
    QVERIFY(waitForFinishedRuns(*window_));
  }

  void cleanup() { window_.reset(); }

  void examplesAskBeforeReplacingUnsavedWork() {
    int asked = 0;
    auto answer = MainWindow::DiscardAnswer::Cancel;
    window_->setDiscardQuestion([&] {
      ++asked;
      return answer;
    });
    auto* example = window_->findChild<QAction*>("example.momentum_ill_conditioned");
    QVERIFY(example);
    const std::string before = window_->scenario().name;

    window_->runList()->findChild<QPushButton*>("addRun")->click();  // unsaved work
    QVERIFY(window_->isModified());
    example->trigger();
    QCOMPARE(asked, 1);
    QCOMPARE(window_->scenario().name, before);  // cancelled: the work stays
    QVERIFY(window_->isModified());

    answer = MainWindow::DiscardAnswer::Discard;
    example->trigger();
    QCOMPARE(asked, 2);
    QVERIFY(window_->scenario().name != before);
    QVERIFY(!window_->isModified());

    // Nothing unsaved: nothing to ask.
    window_->findChild<QAction*>("example.default")->trigger();
    QCOMPARE(asked, 2);
    QCOMPARE(window_->scenario().name, before);
  }

  void newAsksTheSameWay() {
    int asked = 0;
    window_->setDiscardQuestion([&] {
      ++asked;
      return MainWindow::DiscardAnswer::Cancel;
    });
    window_->runList()->findChild<QPushButton*>("addRun")->click();
    const size_t runs = window_->scenario().runs.size();
    QTest::keySequence(window_.get(), QKeySequence(QKeySequence::New));
    QCOMPARE(asked, 1);
    QCOMPARE(window_->scenario().runs.size(), runs);
  }

  void ctrlOneToFourShowTheirTabs() {
    QTabWidget* tabs = window_->analysisTabs();
    for (int i : {3, 0, 2, 1, 3}) {
      QTest::keySequence(window_.get(), QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
      QCOMPARE(tabs->currentIndex(), i);
    }
    QCOMPARE(tabs->tabText(3), QStringLiteral("Model"));
  }

  void examplesSayWhatTheyShowBeforeTheyAreOpened() {
    // Each example's tooltip and status tip is its file's "description" (read here with
    // nlohmann, not through the scenario parser).
    int examples = 0;
    for (QAction* action : window_->findChildren<QAction*>()) {
      if (!action->objectName().startsWith("example.")) continue;
      ++examples;
      QFile file(":/gradscape/scenarios/" + action->objectName().mid(8) + ".json");
      QVERIFY(file.open(QIODevice::ReadOnly));
      const QString description = QString::fromStdString(
          nlohmann::json::parse(file.readAll().toStdString()).at("description").get<std::string>());
      QVERIFY(!description.isEmpty());
      QCOMPARE(action->statusTip(), description);
      QVERIFY(action->toolTip().contains(description.toHtmlEscaped()));
    }
    QCOMPARE(examples, 4);
  }

  void f11FillsTheScreenAndLeavesIt() {
    QVERIFY(!window_->isFullScreen());
    QTest::keyClick(window_.get(), Qt::Key_F11);
    QTRY_VERIFY(window_->windowState() & Qt::WindowFullScreen);
    QTest::keyClick(window_.get(), Qt::Key_F11);
    QTRY_VERIFY(!(window_->windowState() & Qt::WindowFullScreen));
  }

  void runsThatCannotRunOnANewProblemLeaveTheViews() {
    // The default race has a Newton run; Newton forms a dense Hessian, which 3000 dimensions
    // refuse. The map shows the new problem, so no path of the old 2-D runs stays beside it.
    QVERIFY(!window_->lastSnapshot().runs.empty());
    Scenario scenario = window_->scenario();
    scenario.objective.type = "spectrum_quadratic";
    scenario.objective.params = {};
    scenario.objective.params.set("dim", 3000.0);
    scenario.start = Vec::Ones(3000);
    for (auto& run : scenario.runs) run.start = scenario.start;
    window_->setScenario(scenario);
    auto* banner = window_->findChild<QLabel*>("messageText");
    QTRY_VERIFY(window_->lastSnapshot().runs.empty());
    QVERIFY(banner);
    QVERIFY2(banner->text().contains("no run is shown"), qPrintable(banner->text()));
  }

  void aNewOptimizerStartsFromItsDefaultsAndSwitchingBackRestoresTypedValues() {
    // Run 3 of the default scenario: Adam at lr = 0.02.
    window_->runList()->setCurrentRow(3);
    auto* optimizer = window_->runEditor()->findChild<QComboBox*>("optimizer");
    QCOMPARE(optimizer->currentData().toString(), QStringLiteral("adam"));
    auto lr = [&] { return window_->scenario().runs[3].optimizerParams.get("lr"); };
    auto choose = [&](const char* name) {
      optimizer->setCurrentIndex(optimizer->findData(QString::fromLatin1(name)));
    };
    QCOMPARE(lr(), 0.02);

    choose("newton");
    QCOMPARE(window_->scenario().runs[3].optimizer, std::string("newton"));
    QCOMPARE(lr(), defaultLr("newton"));  // not Adam's 0.02

    // Typed for Newton: kept for Newton.
    auto* entry = window_->runEditor()->findChild<NumberEntry*>("param.lr.entry");
    QVERIFY(entry);
    entry->setFocus();
    entry->selectAll();
    QTest::keyClicks(entry, "0.5");
    QTest::keyClick(entry, Qt::Key_Return);
    QCOMPARE(lr(), 0.5);

    choose("adam");
    QCOMPARE(lr(), 0.02);  // what the run had for Adam
    choose("heavy_ball");
    QCOMPARE(lr(), defaultLr("heavy_ball"));
    choose("newton");
    QCOMPARE(lr(), 0.5);

    // The memory is the run's: another run shown in between does not take it.
    window_->runList()->setCurrentRow(0);
    window_->runList()->setCurrentRow(3);
    choose("adam");
    QCOMPARE(lr(), 0.02);
    choose("newton");
    QCOMPARE(lr(), 0.5);
    window_->runList()->setCurrentRow(0);  // GD at 0.001
    choose("newton");
    QCOMPARE(window_->scenario().runs[0].optimizerParams.get("lr"), defaultLr("newton"));
  }

  void singleKeysActOnTheWindowFromANumberField() {
    window_->runList()->setCurrentRow(3);
    auto* entry = window_->runEditor()->findChild<NumberEntry*>("param.lr.entry");
    QVERIFY(entry);
    auto* step = window_->findChild<QAction*>("step");
    auto* reset = window_->findChild<QAction*>("reset");
    QVERIFY(step && reset);
    QSignalSpy steps(step, &QAction::triggered);
    QSignalSpy resets(reset, &QAction::triggered);

    entry->setFocus();
    QVERIFY(entry->hasFocus());
    const QString shown = entry->text();
    QTest::keyClick(entry, Qt::Key_S);  // a step, not an "s" in the number
    QCOMPARE(steps.size(), 1);
    QCOMPARE(entry->text(), shown);
    QVERIFY(!entry->hasError());

    // Digits, the point and the exponent type; Enter commits and gives the keys back.
    entry->selectAll();
    QTest::keyClicks(entry, "5e-3");
    QCOMPARE(entry->text(), QStringLiteral("5e-3"));
    QTest::keyClick(entry, Qt::Key_Return);
    QCOMPARE(window_->scenario().runs[3].optimizerParams.get("lr"), 0.005);
    QTRY_VERIFY(!entry->hasFocus());
    QWidget* focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, Qt::Key_R);
    QCOMPARE(resets.size(), 1);

    // A spin box (the seed) takes digits only; L toggles live mode.
    auto* seed = window_->runEditor()->findChild<QSpinBox*>("seed");
    seed->setFocus();
    const QString seedText = seed->text();
    const bool live = window_->liveMode();
    QTest::keyClick(seed, Qt::Key_L);
    QCOMPARE(window_->liveMode(), !live);
    QCOMPARE(seed->text(), seedText);

    // A refused number keeps the cursor in its field, to be corrected.
    entry->setFocus();
    entry->selectAll();
    QTest::keyClicks(entry, "-1");
    QTest::keyClick(entry, Qt::Key_Return);
    QVERIFY(entry->hasError());
    QTest::qWait(20);
    QVERIFY(entry->hasFocus());

    // The run's label is text: every key types there.
    auto* label = window_->runEditor()->findChild<QLineEdit*>("label");
    label->setFocus();
    label->selectAll();
    QTest::keyClicks(label, "Rs");
    QCOMPARE(label->text(), QStringLiteral("Rs"));
    QCOMPARE(resets.size(), 1);
    QCOMPARE(steps.size(), 1);
  }

  void runNamesAreUniqueAndNumbersShort() {
    auto* add = window_->runList()->findChild<QPushButton*>("addRun");
    add->click();  // a second "Adam"
    add->click();  // a third
    window_->controller().runToEnd();
    QVERIFY(waitForFinishedRuns(*window_));
    std::set<std::string> names, labels;
    for (const auto& view : window_->runViews()) {
      names.insert(view.name);
      labels.insert(view.label);
      QVERIFY2(view.label.size() < 60, view.label.c_str());
    }
    QCOMPARE(names.size(), window_->runViews().size());
    QCOMPARE(labels.size(), window_->runViews().size());
    QVERIFY(names.count("Adam (2)") == 1 && names.count("Adam (3)") == 1);

    // A value from a slider or a file keeps its precision; its label shows 4 digits.
    Scenario scenario = window_->scenario();
    scenario.runs[0].optimizerParams.set("lr", 0.03305785123966942);
    window_->setScenario(scenario);
    QVERIFY(window_->runList()->list()->item(0)->text().contains("lr=0.03306"));
    QVERIFY(!window_->runList()->list()->item(0)->text().contains("0.033057"));
  }

  void titlesAndNamesAreReadable() {
    for (auto* dock : window_->findChildren<QDockWidget*>()) {
      QVERIFY2(!dock->windowTitle().contains('&'), qPrintable(dock->windowTitle()));
    }
    // Long parameter names wrap instead of being cut.
    window_->runList()->setCurrentRow(5);  // L-BFGS
    auto* form = window_->runEditor()->findChild<ParamForm*>("optimizerParams");
    for (auto* label : form->findChildren<QLabel*>()) {
      if (!label->objectName().endsWith(".label")) continue;
      QVERIFY2(!label->text().contains(QChar(0x2026)), qPrintable(label->text()));
      QVERIFY(label->wordWrap());
    }
    QVERIFY(window_->runList()->list()->wordWrap());
  }

  void theStatusBarKeepsMessagesApart() {
    auto* summary = window_->statusBar()->findChild<QLabel*>("runSummary");
    auto* cursor = window_->statusBar()->findChild<QLabel*>("cursorReadout");
    QVERIFY(summary && cursor);
    const QString finished = summary->text();
    window_->statusBar()->showMessage(QStringLiteral("Adam at iteration 12: f = 0.5"));
    QTest::qWait(20);
    // The message is a temporary one; the run summary stays, as its own widget.
    QVERIFY(!window_->statusBar()->currentMessage().contains(finished));
    QCOMPARE(summary->text(), finished);
    QVERIFY(summary->isVisible());
    // A separator stands between the message and the summary, another before the cursor.
    int separators = 0;
    for (auto* frame : window_->statusBar()->findChildren<QFrame*>()) {
      if (frame->frameShape() != QFrame::VLine || !frame->isVisible()) continue;
      ++separators;
      QVERIFY(frame->geometry().right() <= summary->geometry().left() ||
              frame->geometry().left() >= summary->geometry().right());
    }
    QCOMPARE(separators, 2);
    QVERIFY(summary->contentsMargins().left() > 0);
  }

  void screenshotsAtLectureSizes() {
    auto shoot = [&](const QString& what) {
      for (const QSize size : {QSize(1024, 700), QSize(1920, 1080)}) {
        window_->resize(size);
        QTest::qWait(300);
        maybeShoot(window_.get(),
                   QStringLiteral("%1_%2x%3").arg(what).arg(size.width()).arg(size.height()));
      }
    };
    shoot(QStringLiteral("state_default"));
    // Ten runs: two more Adams, a GD that diverges at its first step, the palette's last two.
    Scenario scenario = window_->scenario();
    scenario.runs[0].optimizerParams.set("lr", 1000.0);
    scenario.runs.push_back(scenario.runs[3]);
    scenario.runs.push_back(scenario.runs[3]);
    scenario.runs.back().optimizerParams.set("lr", 0.03305785123966942);
    scenario.runs.push_back(scenario.runs[1]);
    window_->setScenario(scenario);
    window_->controller().runToEnd();
    QVERIFY(waitForFinishedRuns(*window_));
    QCOMPARE(window_->lastSnapshot().runs[0].status, RunStatus::Diverged);
    window_->analysisTabs()->setCurrentIndex(0);
    shoot(QStringLiteral("state_runs"));
  }

 private:
  std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(WindowStateTest)
#include "test_window_state.moc"
