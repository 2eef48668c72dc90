// Sharing a state: a saved file reopens to the same picture (cameras, zoom, tab, chart, run,
// slice), a scenario file dropped on the window opens (asking about unsaved work; a bad file says
// why and keeps the work), and Edit > Copy / Paste scenario carry the JSON through the
// clipboard.
#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <QAction>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGuiApplication>
#include <QMimeData>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <array>
#include <nlohmann/json.hpp>

#include "app/gui/convergence_panel.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/run_list_panel.h"
#include "core/scenario/scenario_json.h"
#include "plots/contour_scene.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;

namespace {

const char* kDefaultScenario = ":/gradscape/scenarios/default.json";

bool near(double a, double b, double tolerance) {
  return std::abs(a - b) <= tolerance;
}

plots::ContourScene& contourOf(MainWindow& window) {
  return dynamic_cast<plots::ContourScene&>(window.landscapePanel()->contourScene());
}

vtkCamera* surfaceCameraOf(MainWindow& window) {
  return window.landscapePanel()->surfaceScene().renderer()->GetActiveCamera();
}

// Renders both landscape views and waits for their frames.
void renderViews(MainWindow& window) {
  (void)testing::renderedFrame(window.landscapePanel()->contourView());
  (void)testing::renderedFrame(window.landscapePanel()->surfaceView());
}

// The landscape points at the contour map's frame corners, picked through the rendered camera
// (half a pixel inside): {xmin, xmax, ymin, ymax} of what the frame shows.
std::array<double, 4> visibleCorners(MainWindow& window) {
  auto& map = contourOf(window);
  const auto box = map.plotBox();
  const auto low = map.pick(box[0] + 0.5, box[1] + 0.5);
  const auto high = map.pick(box[0] + box[2] - 0.5, box[1] + box[3] - 0.5);
  if (!low || !high) return {0, 0, 0, 0};
  return {(*low)[0], (*high)[0], (*low)[1], (*high)[1]};
}

QByteArray readAllText(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeText(const QString& path, const QByteArray& bytes) {
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  QCOMPARE(file.write(bytes), bytes.size());
}

// A scenario file of the default scenario under another name.
QString writeNamedScenario(const QTemporaryDir& dir, const std::string& name) {
  Scenario s = loadScenarioFile(GRADSCAPE_SOURCE_DIR "/scenarios/default.json");
  s.name = name;
  const QString path = dir.filePath(QString::fromStdString(name) + ".json");
  saveScenarioFile(s, path.toStdString());
  return path;
}

// Drags the file over the window and drops it; returns whether the drag was accepted.
bool dropFile(MainWindow& window, const QString& path) {
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(path)});
  const QPoint at = window.rect().center();
  QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(&window, &enter);
  QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(&window, &drop);
  return enter.isAccepted();
}

}  // namespace

class ScenarioSharingTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() {
    QVERIFY(testing::showExposedTestWindow(window_));
    window_->openExample(kDefaultScenario);
    QVERIFY(testing::waitForFinishedRuns(*window_));
    asked_ = 0;
    window_->setDiscardQuestion([this] {
      ++asked_;
      return answer_;
    });
    answer_ = MainWindow::DiscardAnswer::Discard;
  }

  void cleanup() { window_.reset(); }

  void aSavedFileReopensToTheSameView() {
    // The user's view: zoomed map, orbited surface, another tab, quantity, axes and run.
    renderViews(*window_);
    contourOf(*window_).renderer()->GetActiveCamera()->Zoom(2.0);
    vtkCamera* orbit = surfaceCameraOf(*window_);
    orbit->Azimuth(40.0);
    orbit->Elevation(-15.0);
    orbit->OrthogonalizeViewUp();
    window_->analysisTabs()->setCurrentIndex(2);
    window_->convergencePanel()->setQuantity(plots::ConvergenceQuantity::GradNorm);
    window_->runList()->setCurrentRow(2);
    renderViews(*window_);
    const auto corners = visibleCorners(*window_);
    QVERIFY(corners[1] > corners[0]);
    std::array<double, 3> position{}, focal{}, up{};
    orbit->GetPosition(position.data());
    orbit->GetFocalPoint(focal.data());
    orbit->GetViewUp(up.data());
    const double angle = orbit->GetViewAngle();
    const ViewState before = window_->viewState();
    QVERIFY(before.mapBox.has_value());
    QVERIFY(before.surfaceCamera.has_value());

    QTemporaryDir dir;
    const QString path = dir.filePath("view.json");
    QVERIFY(window_->saveFile(path));
    // In the file, by name.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto json = nlohmann::json::parse(file.readAll().toStdString());
    QCOMPARE(json["view"]["analysis_tab"].get<std::string>(), std::string("spectrum"));
    QCOMPARE(json["view"]["chart_quantity"].get<std::string>(), std::string("grad_norm"));
    QCOMPARE(json["view"]["selected_run"].get<int>(), 2);

    // A new window opens it to the same picture.
    window_.reset();
    QVERIFY(testing::showExposedTestWindow(window_));
    QVERIFY(window_->openFile(path));
    QVERIFY(testing::waitForFinishedRuns(*window_));
    renderViews(*window_);
    QCOMPARE(window_->analysisTabs()->currentIndex(), 2);
    QCOMPARE(int(window_->convergencePanel()->quantity()),
             int(plots::ConvergenceQuantity::GradNorm));
    QCOMPARE(window_->runList()->currentRow(), 2);
    const auto reopened = visibleCorners(*window_);
    const double pixel = (corners[1] - corners[0]) / contourOf(*window_).plotBox()[2];
    for (size_t i = 0; i < 4; ++i) {
      QVERIFY2(
          near(reopened[i], corners[i], 1.5 * pixel),
          qPrintable(QString("corner %1: %2, saved %3").arg(i).arg(reopened[i]).arg(corners[i])));
    }
    vtkCamera* camera = surfaceCameraOf(*window_);
    for (int i = 0; i < 3; ++i) {
      QVERIFY(near(camera->GetPosition()[i], position[size_t(i)], 1e-9));
      QVERIFY(near(camera->GetFocalPoint()[i], focal[size_t(i)], 1e-9));
      QVERIFY(near(camera->GetViewUp()[i], up[size_t(i)], 1e-9));
    }
    QCOMPARE(camera->GetViewAngle(), angle);
    const ViewState after = window_->viewState();
    QVERIFY(after.layout == before.layout && after.analysisTab == before.analysisTab &&
            after.chartQuantity == before.chartQuantity && after.selectedRun == before.selectedRun);
    QVERIFY(!window_->isModified());
  }

  void theSliceOfAManyDimensionalProblemIsSavedAndReopened() {
    window_->setScenario(parseScenario(R"({
      "name": "diagonal 4-D",
      "objective": {"type": "spectrum_quadratic", "dim": 4, "condition": 4,
                    "max_eigenvalue": 4, "rotate": false},
      "start": [1, 1, 1, 1], "stop": {"max_iterations": 20},
      "runs": [{"optimizer": {"type": "sgd", "lr": 0.1}}]})"));
    QVERIFY(testing::waitForLandscape(*window_));
    ViewSlice slice;
    slice.directions = ViewSlice::Directions::Random;
    slice.halfWidth = 3.0;
    slice.origin = Vec::Constant(4, 1.0);
    slice.u = (Vec(4) << 1.0, 0.0, 1.0, 0.0).finished();
    slice.v = (Vec(4) << 0.0, 1.0, 0.0, -1.0).finished();
    slice.description = "two chosen directions";
    ViewState view = window_->viewState();
    view.slice = slice;
    window_->applyViewState(view);
    QVERIFY(testing::waitForLandscape(*window_));
    QVERIFY(window_->viewState().slice == slice);
    const auto grid = window_->landscapePanel()->landscape().grid;
    QVERIFY(grid.xmax >= 3.0);  // the half width asked for
    QTemporaryDir dir;
    const QString path = dir.filePath("slice.json");
    QVERIFY(window_->saveFile(path));

    window_.reset();
    QVERIFY(testing::showExposedTestWindow(window_));
    QVERIFY(window_->openFile(path));
    QVERIFY(testing::waitForLandscape(*window_));
    QVERIFY(window_->viewState().slice == slice);
    const auto reopened = window_->landscapePanel()->landscape().grid;
    QCOMPARE(reopened.xmin, grid.xmin);
    QCOMPARE(reopened.xmax, grid.xmax);
    QCOMPARE(reopened.ymin, grid.ymin);
    QCOMPARE(reopened.ymax, grid.ymax);
    QCOMPARE(reopened.at(3, 5), grid.at(3, 5));  // the same plane's values
  }

  // As before views were saved: the window keeps its layout and overlays, and the scenario's
  // own curvature tracking picks the tab.
  void aFileWithoutAViewKeepsTheWindowsView() {
    ViewState view = window_->viewState();
    view.layout = ViewState::Layout::Contour;
    view.gradientArrows = true;
    view.chartLogY = false;
    view.analysisTab = 2;
    window_->applyViewState(view);
    QTemporaryDir dir;
    const QString path = writeNamedScenario(dir, "plain");  // no "view" key
    QVERIFY(!readAllText(path).contains("\"view\""));
    QVERIFY(window_->openFile(path));
    QCOMPARE(window_->scenario().name, std::string("plain"));
    const ViewState after = window_->viewState();
    QCOMPARE(int(after.layout), int(ViewState::Layout::Contour));
    QCOMPARE(int(window_->landscapePanel()->layout()), int(LandscapePanel::Layout::Contour));
    QVERIFY(after.gradientArrows);
    QVERIFY(!after.chartLogY);
    QCOMPARE(after.analysisTab, 0);  // the default scenario tracks no sharpness
  }

  void aDroppedScenarioFileOpens() {
    QTemporaryDir dir;
    const QString path = writeNamedScenario(dir, "dropped");
    QVERIFY(dropFile(*window_, path));
    QTRY_COMPARE(window_->scenario().name, std::string("dropped"));
    QCOMPARE(window_->filePath(), path);
    QCOMPARE(asked_, 0);  // nothing was unsaved
  }

  void aDropAsksAboutUnsavedWork() {
    QTemporaryDir dir;
    const QString path = writeNamedScenario(dir, "dropped");
    window_->findChild<QPushButton*>("addRun")->click();
    QVERIFY(window_->isModified());
    const auto runs = window_->scenario().runs.size();
    answer_ = MainWindow::DiscardAnswer::Cancel;
    QVERIFY(dropFile(*window_, path));
    QTRY_COMPARE(asked_, 1);
    QTest::qWait(50);
    QCOMPARE(window_->scenario().runs.size(), runs);  // cancelled: the work stays
    QVERIFY(window_->isModified());
    answer_ = MainWindow::DiscardAnswer::Discard;
    QVERIFY(dropFile(*window_, path));
    QTRY_COMPARE(window_->scenario().name, std::string("dropped"));
    QCOMPARE(asked_, 2);
  }

  void aDroppedBadFileSaysWhyAndKeepsTheWork() {
    QTemporaryDir dir;
    const QString path = dir.filePath("notes.json");
    writeText(path, "{\"objective\": \"rosenbrock\", \"runs\": []}");
    window_->findChild<QPushButton*>("addRun")->click();
    const Scenario work = window_->scenario();
    QVERIFY(dropFile(*window_, path));
    QTRY_VERIFY(window_->banner()->isVisible());
    QVERIFY2(window_->banner()->text().contains("runs: must be a non-empty array"),
             qPrintable(window_->banner()->text()));
    QVERIFY(window_->banner()->text().contains("notes.json"));
    QVERIFY(window_->scenario() == work);
    QVERIFY(window_->isModified());
    QCOMPARE(asked_, 0);  // nothing to give up for a file that cannot open
  }

  void aDragOfAnotherKindOfFileIsRefused() {
    QTemporaryDir dir;
    const QString path = dir.filePath("picture.png");
    writeText(path, "png");
    const std::string before = window_->scenario().name;
    QVERIFY(!dropFile(*window_, path));
    QTest::qWait(50);
    QCOMPARE(window_->scenario().name, before);
  }

  void copyThenPasteGivesTheSameScenarioAndView() {
    window_->analysisTabs()->setCurrentIndex(1);
    window_->convergencePanel()->setQuantity(plots::ConvergenceQuantity::StepNorm);
    window_->runList()->setCurrentRow(1);
    const Scenario copied = window_->scenario();
    const ViewState view = window_->viewState();
    window_->findChild<QAction*>("copyScenario")->trigger();
    // The clipboard holds the scenario's JSON, with the view.
    const Scenario onClipboard = parseScenario(QGuiApplication::clipboard()->text().toStdString());
    QVERIFY(onClipboard.view.has_value());
    QVERIFY(*onClipboard.view == view);

    window_->openExample(":/gradscape/scenarios/momentum_ill_conditioned.json");
    QVERIFY(window_->scenario().name != copied.name);
    window_->findChild<QAction*>("pasteScenario")->trigger();
    QVERIFY(window_->scenario() == copied);
    QCOMPARE(window_->analysisTabs()->currentIndex(), 1);
    QCOMPARE(int(window_->convergencePanel()->quantity()),
             int(plots::ConvergenceQuantity::StepNorm));
    QCOMPARE(window_->runList()->currentRow(), 1);
    QVERIFY(window_->filePath().isEmpty());  // untitled,
    QVERIFY(window_->isModified());          // and not saved anywhere yet
  }

  void pastingBadJsonSaysWhatIsWrongAndKeepsTheWork_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not JSON") << "{\"objective\": "
                              << "invalid JSON";
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("no runs") << "{\"objective\": \"rosenbrock\", \"runs\": []}"
                             << "runs: must be a non-empty array";
    QTest::newRow("bad view") << "{\"objective\": \"rosenbrock\", \"runs\": [{\"optimizer\": "
                                 "\"sgd\"}], \"view\": {\"layout\": \"grid\"}}"
                              << "view.layout: must be one of: contour, surface, both";
  }

  void pastingBadJsonSaysWhatIsWrongAndKeepsTheWork() {
    QFETCH(QString, text);
    QFETCH(QString, reason);
    window_->findChild<QPushButton*>("addRun")->click();
    const Scenario work = window_->scenario();
    QGuiApplication::clipboard()->setText(text);
    QVERIFY(!window_->pasteScenario());
    QVERIFY2(window_->banner()->text().contains(reason), qPrintable(window_->banner()->text()));
    QVERIFY(window_->scenario() == work);
    QVERIFY(window_->isModified());
    QCOMPARE(asked_, 0);
  }

  void pastingAsksAboutUnsavedWork() {
    window_->findChild<QAction*>("copyScenario")->trigger();
    window_->findChild<QPushButton*>("addRun")->click();
    const auto runs = window_->scenario().runs.size();
    answer_ = MainWindow::DiscardAnswer::Cancel;
    QVERIFY(!window_->pasteScenario());
    QCOMPARE(asked_, 1);
    QCOMPARE(window_->scenario().runs.size(), runs);
  }

  void copyAndPasteHaveTheirOwnShortcuts() {
    const QKeySequence copy(Qt::CTRL | Qt::SHIFT | Qt::Key_C);
    const QKeySequence paste(Qt::CTRL | Qt::SHIFT | Qt::Key_V);
    QCOMPARE(window_->findChild<QAction*>("copyScenario")->shortcut(), copy);
    QCOMPARE(window_->findChild<QAction*>("pasteScenario")->shortcut(), paste);
    int copies = 0, pastes = 0;
    for (const QAction* action : window_->findChildren<QAction*>()) {
      for (const QKeySequence& key : action->shortcuts()) {
        copies += key == copy;
        pastes += key == paste;
      }
      QVERIFY(action->objectName() != "copyScenario" || !action->toolTip().isEmpty());
    }
    QCOMPARE(copies, 1);
    QCOMPARE(pastes, 1);
  }

 private:
  std::unique_ptr<MainWindow> window_;
  int asked_ = 0;
  MainWindow::DiscardAnswer answer_ = MainWindow::DiscardAnswer::Discard;
};

QTEST_MAIN(ScenarioSharingTest)
#include "test_scenario_sharing.moc"
