// The main window's data exports: File > Export traces (one JSON file, or one CSV per run as the
// command line writes them) and File > Export landscape and paths (VTK XML for ParaView). Every
// export writes all its files or none (core/io/file_set.h, atomic_file.h); a failure says why in
// the banner and leaves the work on screen as it was.
#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QStatusBar>
#include <filesystem>
#include <new>
#include <optional>

#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/run_controller.h"
#include "core/export/trace_csv.h"
#include "core/export/trace_json.h"
#include "core/export/trace_table.h"
#include "core/io/file_set.h"
#include "plots/export/vtk_xml.h"

namespace gradscape::gui {

namespace {

constexpr int kShownMs = 5000;  // how long the status bar says where an export went

QString jsonFilter() {
  return QObject::tr("Traces in one JSON file (*.json)");
}
QString csvFilter() {
  return QObject::tr("One CSV file per run, into a folder (*)");
}

// The engine's runs, copied; nullopt and the reason when there are none or memory ran out.
std::optional<RunController::RunsCopy> copyRuns(RunController& controller, std::string& error) {
  try {
    auto copy = controller.copyRuns();
    if (!copy.runs.empty()) return copy;
    error = "there are no runs";
  } catch (const std::bad_alloc&) {
    error = "out of memory";
  } catch (const std::exception& e) {
    error = e.what();
  }
  return std::nullopt;
}

// Where an export dialog opens: beside the scenario's file, else the working directory.
QString startFolder(const QString& scenarioFile) {
  return scenarioFile.isEmpty() ? QDir::currentPath() : QFileInfo(scenarioFile).absolutePath();
}

}  // namespace

void MainWindow::buildExportActions(QMenu* file) {
  auto* traces = file->addAction(tr("Export &traces..."));
  traces->setObjectName("exportTraces");
  traces->setStatusTip(tr("Every run's trace as one JSON file, or one CSV file per run"));
  connect(traces, &QAction::triggered, this, &MainWindow::exportTracesDialog);
  auto* vtk = file->addAction(tr("Export landscape and paths (&VTK)..."));
  vtk->setObjectName("exportVtk");
  vtk->setStatusTip(tr("The landscape (.vts) and the runs' paths (.vtp) for ParaView"));
  connect(vtk, &QAction::triggered, this, &MainWindow::exportVtkDialog);
}

void MainWindow::exportTracesDialog() {
  QString filter = jsonFilter();
  QString path = QFileDialog::getSaveFileName(
      this, tr("Export traces"), startFolder(filePath_) + "/traces.json",
      jsonFilter() + ";;" + csvFilter(), &filter, QFileDialog::DontConfirmOverwrite);
  if (path.isEmpty()) return;
  if (filter == csvFilter()) {
    exportTracesCsv(path);
    return;
  }
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".json");
  exportTracesJson(path);
}

void MainWindow::exportVtkDialog() {
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export landscape and paths"), startFolder(filePath_) + "/landscape.vts",
      tr("VTK XML: landscape .vts and paths .vtp (*.vts *.vtp)"));
  if (!path.isEmpty()) exportLandscapeVtk(path);
}

bool MainWindow::exportFailed(const QString& what, const std::string& reason) {
  banner_->showMessage(tr("Could not export %1: %2. Nothing was written.")
                           .arg(what, QString::fromStdString(reason)));
  return false;
}

bool MainWindow::exportTracesJson(const QString& path) {
  const QString what = tr("the traces");
  std::string why;
  const auto copy = copyRuns(*controller_, why);
  if (!copy) return exportFailed(what, why);
  const std::string error = writeTracesJsonFile(copy->scenario, copy->runs,
                                                QFileInfo(path).absoluteFilePath().toStdString());
  if (!error.empty()) return exportFailed(what, error);
  statusBar()->showMessage(
      tr("Exported %n run(s) to %1", nullptr, static_cast<int>(copy->runs.size())).arg(path),
      kShownMs);
  return true;
}

bool MainWindow::exportTracesCsv(const QString& folder) {
  const QString what = tr("the traces");
  std::string why;
  const auto copy = copyRuns(*controller_, why);
  if (!copy) return exportFailed(what, why);
  const QString dir = QFileInfo(folder).absoluteFilePath();
  const bool created = !QFileInfo(dir).isDir();
  if (created) {
    std::error_code ec;
    std::filesystem::create_directory(dir.toStdString(), ec);
    if (ec) {
      return exportFailed(what,
                          "cannot create the folder '" + dir.toStdString() + "': " + ec.message());
    }
  }
  // The command line's files: runN_label.csv, and runN_label_iterates.csv for iterates kept
  // apart from the rows.
  std::vector<std::pair<std::string, FileWriter>> files;
  for (size_t i = 0; i < copy->runs.size(); ++i) {
    const Trace& trace = copy->runs[i].trace;
    const std::string name = traceFileName(i, copy->runs[i].spec.label);
    files.emplace_back(name,
                       [&trace](const std::string& p) { return writeTraceCsvFile(trace, p); });
    if (!iteratesInRows(trace)) {
      files.emplace_back(iteratesFileName(name),
                         [&trace](const std::string& p) { return writeIteratesCsvFile(trace, p); });
    }
  }
  const std::string error = writeFilesTogether(dir.toStdString(), files);
  if (!error.empty()) {
    if (created) QDir().rmdir(dir);  // only when empty: nothing of ours is left
    return exportFailed(what, error);
  }
  statusBar()->showMessage(
      tr("Exported %n run(s) as CSV to %1", nullptr, static_cast<int>(copy->runs.size())).arg(dir),
      kShownMs);
  return true;
}

bool MainWindow::exportLandscapeVtk(const QString& base) {
  const QString what = tr("the landscape and paths");
  const plots::LandscapeGrid& grid = landscape_->landscape().grid;
  if (grid.nx < 2 || grid.ny < 2) return exportFailed(what, "there is no landscape yet");
  const QFileInfo info(base);
  QString name = info.fileName();
  if (info.suffix() == "vts" || info.suffix() == "vtp") name = info.completeBaseName();
  const std::vector<plots::RunView> runs = views_;
  const std::string error = writeFilesTogether(
      info.absolutePath().toStdString(),
      {{(name + ".vts").toStdString(),
        [&grid](const std::string& p) { return plots::writeLandscapeVts(grid, p); }},
       {(name + ".vtp").toStdString(),
        [&runs](const std::string& p) { return plots::writePathsVtp(runs, p); }}});
  if (!error.empty()) return exportFailed(what, error);
  statusBar()->showMessage(tr("Exported %1.vts and %1.vtp to %2").arg(name, info.absolutePath()),
                           kShownMs);
  return true;
}

}  // namespace gradscape::gui
