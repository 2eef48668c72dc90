// File > Export animation: the settings dialog, the export (animation_export.h) and its progress
// dialog with Cancel.
#include <QDir>
#include <QFileInfo>
#include <QProgressDialog>
#include <QStatusBar>

#include "app/gui/animation_dialog.h"
#include "app/gui/animation_export.h"
#include "app/gui/convergence_panel.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "plots/export/animation.h"

namespace gradscape::gui {

void MainWindow::exportAnimationDialog() {
  if (animation_ != nullptr) return;  // one at a time
  const QString base =
      filePath_.isEmpty()
          ? QDir::home().filePath(QStringLiteral("gradscape"))
          : QFileInfo(filePath_).dir().filePath(QFileInfo(filePath_).completeBaseName());
  AnimationDialog dialog(plots::lastIteration(views_), base + QStringLiteral(".mp4"), this);
  if (dialog.exec() != QDialog::Accepted) return;
  exportAnimation(dialog.request());
}

AnimationExport* MainWindow::exportAnimation(const AnimationRequest& request) {
  if (animation_ != nullptr) return nullptr;
  AnimationExport::Source source;
  source.panel = landscape_;
  source.runs = views_;
  if (projection_) {
    source.start = (*projection_)(scenario_.start);
  } else if (scenario_.start.size() >= 2) {
    source.start = {scenario_.start[0], scenario_.start[1]};
  }
  source.window = this;
  source.showRuns = [this](const std::vector<plots::RunView>& runs) {
    landscape_->setRuns(runs);
    convergence_->setRuns(runs);
  };
  auto* job = new AnimationExport(std::move(source), request, this);
  if (!job->start()) {
    banner_->showMessage(tr("Could not export the animation: %1").arg(job->error()));
    delete job;
    return nullptr;
  }
  animation_ = job;
  auto* progress =
      new QProgressDialog(tr("Exporting %1...").arg(QFileInfo(request.path).fileName()),
                          tr("Cancel"), 0, job->frames(), this);
  progress->setObjectName("animationProgress");
  progress->setWindowTitle(tr("Export animation"));
  progress->setWindowModality(Qt::WindowModal);  // the window keeps painting, but is not edited
  progress->setMinimumDuration(0);
  progress->setAutoClose(false);
  progress->setAutoReset(false);
  progress->setValue(0);
  animationProgress_ = progress;
  connect(job, &AnimationExport::progressed, progress, [progress](int done, int frames) {
    progress->setValue(done);
    if (done == frames) progress->setLabelText(tr("Finishing the file..."));
  });
  connect(progress, &QProgressDialog::canceled, job, &AnimationExport::cancel);
  connect(job, &AnimationExport::finished, this,
          [this, job, path = request.path](const QString& message) {
            if (message.isEmpty()) {
              statusBar()->showMessage(tr("Exported %1 (%L2 frames)").arg(path).arg(job->frames()),
                                       10000);
            } else if (message == QStringLiteral("cancelled")) {
              statusBar()->showMessage(tr("Animation export cancelled: nothing was written"),
                                       10000);
            } else {
              banner_->showMessage(tr("Could not export the animation: %1").arg(message));
            }
            animationProgress_->deleteLater();
            animationProgress_ = nullptr;
            animation_ = nullptr;
            job->deleteLater();
            emit animationExported(message);
          });
  return job;
}

}  // namespace gradscape::gui
