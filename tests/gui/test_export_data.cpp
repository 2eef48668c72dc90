// File > Export traces and File > Export landscape and paths from the real window: the files
// hold the runs the window shows (read back and compared value for value with its run data), and
// an export that cannot be written says why in the banner and leaves no file.
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <vtkCellArray.h>
#include <vtkDataArray.h>
#include <vtkIdList.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkStructuredGrid.h>
#include <vtkXMLPolyDataReader.h>
#include <vtkXMLStructuredGridReader.h>

#include <nlohmann/json.hpp>

#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/surface_format.h"
#include "core/export/trace_csv.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::testing::entriesOf;

namespace {

QStringList csvLines(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}

}  // namespace

class ExportDataTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() {
    QVERIFY(gradscape::testing::showExposedTestWindow(window_));
    QVERIFY(gradscape::testing::openDefaultScenario(*window_));
    QVERIFY(window_->runViews().size() >= 2);
  }

  void cleanup() { window_.reset(); }

  void jsonHoldsTheRunsTheWindowShows() {
    QTemporaryDir dir;
    const QString path = dir.filePath("race.json");
    QVERIFY(window_->exportTracesJson(path));
    QVERIFY(window_->banner()->text().isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto json = nlohmann::json::parse(file.readAll().toStdString());
    QCOMPARE(json["scenario"].get<std::string>(), window_->scenario().name);
    QCOMPARE(QString::fromStdString(json["version"].get<std::string>()),
             QStringLiteral(GRADSCAPE_VERSION));
    const auto& views = window_->runViews();
    const auto& snapshot = window_->lastSnapshot();
    QCOMPARE(json["runs"].size(), views.size());
    for (size_t i = 0; i < views.size(); ++i) {
      const auto& run = json["runs"][i];
      const plots::RunView& view = views[i];
      QCOMPARE(run["label"].get<std::string>(), window_->scenario().runs[i].label);
      QCOMPARE(run["status"].get<std::string>(),
               std::string(runStatusName(snapshot.runs[i].status)));
      QCOMPARE(run["seed"].get<uint64_t>(), window_->scenario().runs[i].seed);
      QCOMPARE(run["columns"].get<std::vector<std::string>>(),
               (std::vector<std::string>{"iteration", "x0", "x1", "loss", "grad_norm", "step_norm",
                                         "lr", "field_evals", "loss_evals", "hessian_products"}));
      const auto& rows = run["rows"];
      QCOMPARE(static_cast<int64_t>(rows.size()), view.size());
      for (size_t k = 0; k < rows.size(); ++k) {
        QVERIFY(rows[k][0].get<double>() == view.iteration[k]);
        QVERIFY(rows[k][1].get<double>() == view.x[k]);
        QVERIFY(rows[k][2].get<double>() == view.y[k]);
        QVERIFY(rows[k][3].get<double>() == view.loss[k]);
        QVERIFY(rows[k][4].get<double>() == view.gradNorm[k]);
        QVERIFY(rows[k][5].get<double>() == view.stepNorm[k]);
        QVERIFY(rows[k][6].get<double>() == view.lr[k]);
      }
    }
  }

  void csvFilesAreTheCommandLinesForEveryRun() {
    QTemporaryDir dir;
    const QString folder = dir.filePath("traces");  // created by the export
    QVERIFY(window_->exportTracesCsv(folder));
    const auto& views = window_->runViews();
    QStringList expected;
    for (size_t i = 0; i < views.size(); ++i) {
      expected << QString::fromStdString(traceFileName(i, window_->scenario().runs[i].label));
    }
    QStringList found = entriesOf(folder);
    found.sort();
    expected.sort();
    QCOMPARE(found, expected);  // nothing else: no staging folder or temporary file left
    for (size_t i = 0; i < views.size(); ++i) {
      const QStringList lines =
          csvLines(folder + "/" +
                   QString::fromStdString(traceFileName(i, window_->scenario().runs[i].label)));
      QCOMPARE(lines.first(), QString("iteration,x0,x1,loss,grad_norm,step_norm,lr,field_evals,"
                                      "loss_evals,hessian_products"));
      QCOMPARE(lines.size() - 1, views[i].size());
      for (int k = 0; k + 1 < lines.size(); ++k) {
        const QStringList cells = lines[k + 1].split(',');
        const auto at = static_cast<size_t>(k);
        QVERIFY(cells[0].toDouble() == views[i].iteration[at]);
        QVERIFY(cells[1].toDouble() == views[i].x[at]);
        QVERIFY(cells[2].toDouble() == views[i].y[at]);
        QVERIFY(cells[3].toDouble() == views[i].loss[at]);
      }
    }
  }

  void vtkFilesHoldTheLandscapeAndThePaths() {
    QTemporaryDir dir;
    QVERIFY(window_->exportLandscapeVtk(dir.filePath("race.vts")));
    QCOMPARE(entriesOf(dir.path()), (QStringList{"race.vtp", "race.vts"}));
    const plots::LandscapeGrid& grid = window_->landscapePanel()->landscape().grid;
    vtkNew<vtkXMLStructuredGridReader> landscape;
    landscape->SetFileName(qPrintable(dir.filePath("race.vts")));
    landscape->Update();
    int dims[3];
    landscape->GetOutput()->GetDimensions(dims);
    QCOMPARE(dims[0], grid.nx);
    QCOMPARE(dims[1], grid.ny);
    vtkDataArray* f = landscape->GetOutput()->GetPointData()->GetArray("f");
    QVERIFY(f != nullptr);
    for (int j = 0; j < grid.ny; j += 17) {
      for (int i = 0; i < grid.nx; i += 13) {
        const vtkIdType id = static_cast<vtkIdType>(j) * grid.nx + i;
        double p[3];
        landscape->GetOutput()->GetPoint(id, p);
        QVERIFY(p[0] == grid.x(i) && p[1] == grid.y(j));
        QVERIFY(f->GetTuple1(id) == grid.at(i, j));
      }
    }

    const auto& views = window_->runViews();
    vtkNew<vtkXMLPolyDataReader> paths;
    paths->SetFileName(qPrintable(dir.filePath("race.vtp")));
    paths->Update();
    vtkPolyData* read = paths->GetOutput();
    QCOMPARE(read->GetNumberOfLines(), static_cast<vtkIdType>(views.size()));
    vtkDataArray* loss = read->GetPointData()->GetArray("loss");
    QVERIFY(loss != nullptr);
    read->GetLines()->InitTraversal();
    vtkNew<vtkIdList> ids;
    for (const plots::RunView& view : views) {
      QVERIFY(read->GetLines()->GetNextCell(ids));
      QCOMPARE(static_cast<int64_t>(ids->GetNumberOfIds()), view.size());
      for (vtkIdType k = 0; k < ids->GetNumberOfIds(); ++k) {
        double p[3];
        read->GetPoint(ids->GetId(k), p);
        const auto at = static_cast<size_t>(k);
        QVERIFY(p[0] == view.x[at] && p[1] == view.y[at]);
        QVERIFY(loss->GetTuple1(ids->GetId(k)) == view.loss[at]);
      }
    }
  }

  void anExportThatCannotBeWrittenSaysWhyAndLeavesNothing_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("reason");
    // A regular file as the folder, and /proc: writes fail there for root too (root ignores
    // read-only permissions).
    for (const char* kind : {"json", "csv", "vtk"}) {
      QTest::newRow(qPrintable(QString(kind) + ", under a regular file")) << kind << "file"
                                                                          << "Not a directory";
      QTest::newRow(qPrintable(QString(kind) + ", in /proc")) << kind << "proc"
                                                              << "";
    }
  }

  void anExportThatCannotBeWrittenSaysWhyAndLeavesNothing() {
    QFETCH(QString, kind);
    QFETCH(QString, place);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QFile plain(dir.filePath("plain"));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    const QString folder = place == "file" ? dir.filePath("plain") : QString("/proc");
    const QString name = kind == "json" ? "traces.json" : kind == "csv" ? "traces" : "race";
    const QString target = folder + "/" + name;
    const bool written = kind == "json"  ? window_->exportTracesJson(target)
                         : kind == "csv" ? window_->exportTracesCsv(target)
                                         : window_->exportLandscapeVtk(target);
    QVERIFY(!written);
    const QString message = window_->banner()->text();
    QVERIFY2(message.startsWith("Could not export"), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
    QVERIFY2(message.contains("Nothing was written"), qPrintable(message));
    QCOMPARE(entriesOf(dir.path()), QStringList{"plain"});
    for (const QString& left : {target, target + ".vts", target + ".vtp"}) {
      QVERIFY2(!QFileInfo::exists(left), qPrintable(left));
    }
    QVERIFY(window_->runViews().size() >= 2);  // the work on screen is untouched
  }

 private:
  std::unique_ptr<MainWindow> window_;
};

int main(int argc, char** argv) {
  gradscape::gui::setDefaultSurfaceFormat();
  QApplication app(argc, argv);
  ExportDataTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_export_data.moc"
