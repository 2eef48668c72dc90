#include "app/gui/animation_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

#include "plots/export/animation.h"
#include "plots/export/video_encoder.h"

namespace gradscape::gui {

AnimationDialog::AnimationDialog(qint64 lastIteration, const QString& suggestedPath,
                                 QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Export animation"));
  setObjectName("animationDialog");
  auto* form = new QFormLayout;

  view_ = new QComboBox(this);
  view_->setObjectName("animationView");
  view_->addItem(tr("Contour map"), int(AnimationRequest::View::Map));
  view_->addItem(tr("Surface"), int(AnimationRequest::View::Surface));
  view_->addItem(tr("Surface, the camera orbiting once"), -1);
  view_->addItem(tr("Whole window"), int(AnimationRequest::View::Window));
  form->addRow(tr("&View:"), view_);

  path_ = new QLineEdit(suggestedPath, this);
  path_->setObjectName("animationPath");
  path_->setToolTip(tr("The file's extension picks the format: .mp4 (H.264), .webm (VP9), .gif"));
  auto* browse = new QPushButton(tr("&Browse..."), this);
  auto* fileRow = new QHBoxLayout;
  fileRow->addWidget(path_, 1);
  fileRow->addWidget(browse);
  form->addRow(tr("File:"), fileRow);  // no mnemonic: a layout has no buddy

  // Even sizes: MP4 and WebM store colour at half resolution (yuv420p).
  auto side = [this](const char* name, int value, int most) {
    auto* box = new QSpinBox(this);
    box->setObjectName(name);
    box->setRange(16, most);
    box->setSingleStep(2);
    box->setValue(value);
    box->setSuffix(tr(" px"));
    return box;
  };
  width_ = side("animationWidth", 1280, 3840);
  height_ = side("animationHeight", 720, 2160);
  auto* sizeRow = new QHBoxLayout;
  sizeRow->addWidget(width_);
  sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
  sizeRow->addWidget(height_);
  sizeRow->addStretch();
  form->addRow(tr("Size:"), sizeRow);

  fps_ = new QSpinBox(this);
  fps_->setObjectName("animationFps");
  fps_->setRange(1, 60);
  fps_->setValue(30);
  fps_->setSuffix(tr(" frames/s"));
  form->addRow(tr("Frame &rate:"), fps_);

  seconds_ = new QDoubleSpinBox(this);
  seconds_->setObjectName("animationSeconds");
  seconds_->setRange(0.5, 300.0);
  seconds_->setDecimals(1);
  seconds_->setValue(10.0);
  seconds_->setSuffix(tr(" s"));
  form->addRow(tr("&Duration:"), seconds_);

  lastIteration_ = new QSpinBox(this);
  lastIteration_->setObjectName("animationLastIteration");
  lastIteration_->setRange(0, int(std::clamp<qint64>(lastIteration, 0, INT_MAX)));
  lastIteration_->setValue(lastIteration_->maximum());
  lastIteration_->setToolTip(
      tr("The playback runs from iteration 0 to this one (default: the "
         "end of the longest run)"));
  form->addRow(tr("From iteration 0 &to:"), lastIteration_);

  summary_ = new QLabel(this);
  summary_->setObjectName("animationSummary");
  summary_->setWordWrap(true);
  form->addRow(summary_);

  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
  auto* box = new QVBoxLayout(this);
  box->addLayout(form);
  box->addWidget(buttons_);

  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(browse, &QPushButton::clicked, this, &AnimationDialog::browse);
  connect(path_, &QLineEdit::textChanged, this, &AnimationDialog::refresh);
  for (QSpinBox* b : {width_, height_, fps_, lastIteration_}) {
    connect(b, &QSpinBox::valueChanged, this, &AnimationDialog::refresh);
  }
  connect(seconds_, &QDoubleSpinBox::valueChanged, this, &AnimationDialog::refresh);
  refresh();
}

void AnimationDialog::setPath(const QString& path) {
  path_->setText(path);
}

void AnimationDialog::browse() {
  const QString chosen = QFileDialog::getSaveFileName(
      this, tr("Export animation"), path_->text(),
      tr("MP4 video (*.mp4);;WebM video (*.webm);;Animated GIF (*.gif)"));
  if (!chosen.isEmpty()) path_->setText(chosen);
}

void AnimationDialog::refresh() {
  const auto format = plots::videoFormatForPath(path_->text().toStdString());
  plots::VideoOptions options;
  options.format = format.value_or(plots::VideoFormat::Mp4);
  options.width = width_->value();
  options.height = height_->value();
  options.fps = fps_->value();
  QString problem;
  if (!format) {
    problem = tr("The file name must end in .mp4, .webm or .gif.");
  } else if (const std::string why = plots::validateVideoOptions(options); !why.empty()) {
    problem = QString::fromStdString(why);
  }
  const int frames = plots::frameCount(seconds_->value(), fps_->value());
  summary_->setText(problem.isEmpty()
                        ? tr("%1, %L2 frames; frame i shows iteration round(i · %L3 / %L4).")
                              .arg(QString::fromLatin1(plots::videoFormatName(*format)))
                              .arg(frames)
                              .arg(lastIteration_->value())
                              .arg(std::max(1, frames - 1))
                        : problem);
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

AnimationRequest AnimationDialog::request() const {
  AnimationRequest r;
  const int view = view_->currentData().toInt();
  r.view = view < 0 ? AnimationRequest::View::Surface : AnimationRequest::View(view);
  r.orbit = view < 0;
  r.path = path_->text();
  r.width = width_->value();
  r.height = height_->value();
  r.fps = fps_->value();
  r.seconds = seconds_->value();
  r.lastIteration = lastIteration_->value();
  return r;
}

}  // namespace gradscape::gui
