// File > Export animation from the real window: a short video of the default scenario's map has
// the asked frames, size and duration (ffprobe), its last frame shows the finished runs, a zoomed
// map stays zoomed; Cancel in the progress dialog leaves nothing; the views show what they
// showed before.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "app/gui/animation_dialog.h"
#include "app/gui/animation_export.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "plots/export/animation.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::testing::filesIn;

namespace {

QJsonObject probe(const QString& path) {
  QProcess p;
  p.start("ffprobe", {"-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                      "stream=width,height,nb_read_frames:format=duration", "-of", "json", path});
  p.waitForFinished(60000);
  const QJsonObject json = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
  QJsonObject r = json["streams"].toArray().first().toObject();
  r["duration"] = json["format"].toObject()["duration"];
  return r;
}

// Decoded frame `n` as an image.
QImage decodedFrame(const QString& path, int n, const QString& png) {
  QProcess p;
  p.start("ffmpeg", {"-v", "error", "-y", "-i", path, "-vf", QString("select=eq(n\\,%1)").arg(n),
                     "-frames:v", "1", png});
  p.waitForFinished(60000);
  return QImage(png);
}

// The share of the pixels in the middle third of `image` that are viridis's yellow end (the
// highest values on the map's log colour scale).
double yellowShare(const QImage& image) {
  int yellow = 0, all = 0;
  for (int y = image.height() / 3; y < 2 * image.height() / 3; ++y) {
    for (int x = image.width() / 3; x < 2 * image.width() / 3; ++x) {
      const QColor c = image.pixelColor(x, y);
      yellow += c.red() > 150 && c.green() > 150 && c.blue() < 110;
      ++all;
    }
  }
  return double(yellow) / all;
}

}  // namespace

class AnimationExportTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() {
    QVERIFY(gradscape::testing::showExposedTestWindow(window_));
    QVERIFY(gradscape::testing::openDefaultScenario(*window_));
  }

  void cleanup() { window_.reset(); }

  void exportsTheMapWithTheAskedFramesSizeAndDuration() {
    QTemporaryDir dir;
    AnimationRequest request;
    request.view = AnimationRequest::View::Map;
    request.path = dir.filePath("map.mp4");
    request.width = 320;
    request.height = 240;
    request.fps = 10;
    request.seconds = 1;
    request.lastIteration = plots::lastIteration(window_->runViews());
    QCOMPARE(request.lastIteration, qint64{5000});  // GD runs all 5000 steps
    const auto runsBefore = window_->runViews();
    QSignalSpy ended(window_.get(), &MainWindow::animationExported);
    AnimationExport* job = window_->exportAnimation(request);
    QVERIFY(job != nullptr);
    QCOMPARE(job->frames(), 10);
    QVERIFY(window_->animationProgress() != nullptr);
    QVERIFY(ended.wait(120000));
    QCOMPARE(ended.first().first().toString(), QString());
    QCOMPARE(filesIn(dir.path()), QStringList{"map.mp4"});
    const QJsonObject p = probe(request.path);
    QCOMPARE(p["nb_read_frames"].toString().toInt(), 10);
    QCOMPARE(p["width"].toInt(), 320);
    QCOMPARE(p["height"].toInt(), 240);
    QVERIFY(std::abs(p["duration"].toString().toDouble() - 1.0) <= 0.05);
    // The first frame (iteration 0) has no paths yet, the last one all of them: they differ.
    const QImage first = decodedFrame(request.path, 0, dir.filePath("first.png"));
    const QImage last = decodedFrame(request.path, 9, dir.filePath("last.png"));
    QCOMPARE(first.size(), QSize(320, 240));
    QCOMPARE(last.size(), QSize(320, 240));
    int differing = 0;
    for (int y = 0; y < 240; ++y) {
      for (int x = 0; x < 320; ++x) {
        const QColor a = first.pixelColor(x, y), b = last.pixelColor(x, y);
        if (std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
                std::abs(a.blue() - b.blue()) >
            60) {
          ++differing;
        }
      }
    }
    QVERIFY2(differing > 300, qPrintable(QString::number(differing)));
    // The window's runs are as they were.
    QCOMPARE(window_->runViews().size(), runsBefore.size());
    for (size_t i = 0; i < runsBefore.size(); ++i) {
      QCOMPARE(window_->runViews()[i].iteration.size(), runsBefore[i].iteration.size());
    }
  }

  // A zoomed map is exported as it is shown: on Rosenbrock the box [1.5, 2] x [-1, -0.5] holds
  // only f >= 756.5 (its least, at (1.5, -0.5); log10 2.9 to 3.4, the top of the map's scale),
  // yellow on viridis, where the whole map's middle is the valley's dark blue and green.
  void aZoomedMapIsExportedZoomed() {
    QTemporaryDir dir;
    AnimationRequest request;
    request.view = AnimationRequest::View::Map;
    request.width = 960;  // the legend leaves the plot box room
    request.height = 720;
    request.fps = 2;
    request.seconds = 1;
    request.lastIteration = plots::lastIteration(window_->runViews());
    double share[2] = {0.0, 0.0};
    for (const bool zoomed : {false, true}) {
      if (zoomed) window_->landscapePanel()->setMapZoomBox(ViewBox{1.5, 2.0, -1.0, -0.5});
      request.path = dir.filePath(zoomed ? "zoomed.mp4" : "whole.mp4");
      QSignalSpy ended(window_.get(), &MainWindow::animationExported);
      QVERIFY(window_->exportAnimation(request) != nullptr);
      QVERIFY(ended.wait(120000));
      QCOMPARE(ended.first().first().toString(), QString());
      const QImage frame = decodedFrame(request.path, 1, request.path + ".png");
      if (qEnvironmentVariableIsSet("GRADSCAPE_SHOT_DIR"))
        frame.save(qEnvironmentVariable("GRADSCAPE_SHOT_DIR") + (zoomed ? "/z.png" : "/w.png"));
      share[zoomed] = yellowShare(frame);
    }
    QVERIFY2(share[0] < 0.2 && share[1] > 0.8,
             qPrintable(QString("%1 %2").arg(share[0]).arg(share[1])));
  }

  void cancelInTheProgressDialogLeavesNothing() {
    QTemporaryDir dir;
    AnimationRequest request;
    request.path = dir.filePath("cancelled.webm");
    request.width = 320;
    request.height = 240;
    request.fps = 30;
    request.seconds = 20;  // 600 frames: far from done when Cancel is pressed
    request.lastIteration = 5000;
    QSignalSpy ended(window_.get(), &MainWindow::animationExported);
    AnimationExport* job = window_->exportAnimation(request);
    QVERIFY(job != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(job->framesRendered() >= 3, 60000);
    QCOMPARE(filesIn(dir.path()).size(), 1);  // the temporary file
    gradscape::testing::maybeShoot(window_->animationProgress(), "animation_progress");
    auto* cancel = window_->animationProgress()->findChild<QPushButton*>();
    QVERIFY(cancel != nullptr);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(ended.count() == 1 || ended.wait(10000));
    QCOMPARE(ended.first().first().toString(), QString("cancelled"));
    QCOMPARE(filesIn(dir.path()), QStringList());
    QVERIFY(window_->animationExport() == nullptr);
  }

  void theWholeWindowIsExportedAndItsViewsGetTheirRunsBack() {
    QTemporaryDir dir;
    AnimationRequest request;
    request.view = AnimationRequest::View::Window;
    request.path = dir.filePath("window.gif");
    request.width = 400;
    request.height = 260;
    request.fps = 10;
    request.seconds = 0.4;
    request.lastIteration = 5000;
    QSignalSpy ended(window_.get(), &MainWindow::animationExported);
    QVERIFY(window_->exportAnimation(request) != nullptr);
    QVERIFY(ended.wait(120000));
    QCOMPARE(ended.first().first().toString(), QString());
    const QJsonObject p = probe(request.path);
    QCOMPARE(p["nb_read_frames"].toString().toInt(), 4);
    QCOMPARE(p["width"].toInt(), 400);
    // Afterwards the map shows the finished runs again: the same frame as a fresh render.
    QTest::qWait(400);  // frames at rest are smoothed 250 ms after the runs changed
    const QImage after =
        gradscape::testing::renderedFrame(window_->landscapePanel()->contourView());
    window_->landscapePanel()->setRuns(window_->runViews());
    QTest::qWait(400);
    const QImage fresh =
        gradscape::testing::renderedFrame(window_->landscapePanel()->contourView());
    QCOMPARE(after, fresh);
  }

  void badFileNameSaysSoInTheBanner() {
    AnimationRequest request;
    request.path = QDir::temp().filePath("film.avi");
    QVERIFY(window_->exportAnimation(request) == nullptr);
    QVERIFY(window_->banner()->text().contains(".mp4, .webm or .gif"));
  }

  void dialogOffersTheDefaults() {
    window_->resize(1024, 700);
    AnimationDialog dialog(5000, QDir::temp().filePath("gradscape.mp4"), window_.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const AnimationRequest r = dialog.request();
    QCOMPARE(r.width, 1280);
    QCOMPARE(r.height, 720);
    QCOMPARE(r.fps, 30.0);
    QCOMPARE(r.seconds, 10.0);
    QCOMPARE(r.lastIteration, qint64{5000});
    QVERIFY(dialog.findChild<QLabel*>("animationSummary")->text().contains("300 frames"));
    gradscape::testing::maybeShoot(window_.get(), "animation_window_1024x700");
    gradscape::testing::maybeShoot(&dialog, "animation_dialog");
    dialog.setPath("film.avi");
    QVERIFY(dialog.findChild<QLabel*>("animationSummary")->text().contains(".mp4, .webm or .gif"));
  }

 private:
  std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(AnimationExportTest)
#include "test_animation_export.moc"
