#include "app/gui/view_export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <utility>

#include "plots/export/picture.h"

namespace gradscape::gui {
namespace {

int rounded(double v) {
  return static_cast<int>(std::lround(v));
}

// `side` (a width or a height) times `to` / `from`: the other side at a shape.
int alongShape(int side, int to, int from) {
  return from > 0 ? rounded(static_cast<double>(side) * to / from) : side;
}

bool tooLarge(QSize size) {
  return size.width() > plots::kMaxPictureSide || size.height() > plots::kMaxPictureSide;
}

QString capitalised(QString text) {
  if (!text.isEmpty()) text[0] = text[0].toUpper();
  return text;
}

QDialogButtonBox* chooseFileButtons(QDialog* dialog) {
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
  buttons->button(QDialogButtonBox::Ok)->setText(QObject::tr("Choose &file..."));
  QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
  QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
  return buttons;
}

}  // namespace

ViewExportDialog::ViewExportDialog(std::vector<View> views, int chosen,
                                   const ViewExportOptions& last, QWidget* parent)
    : QDialog(parent), views_(std::move(views)) {
  setWindowTitle(tr("Export view"));
  setObjectName("exportViewDialog");
  auto* form = new QFormLayout;

  view_ = new QComboBox(this);
  view_->setObjectName("exportViewChoice");
  for (const View& v : views_) view_->addItem(v.title);
  view_->setCurrentIndex(std::clamp(chosen, 0, static_cast<int>(views_.size()) - 1));
  view_->setToolTip(tr("The view to export, as it is on screen (runs, colours, zoom, theme)"));
  form->addRow(tr("&View:"), view_);

  byScale_ = new QRadioButton(tr("&Scale (PNG):"), this);
  byScale_->setObjectName("exportViewByScale");
  byScale_->setToolTip(tr("PNG: a multiple of the view's size on screen, laid out as it is"));
  scale_ = new QDoubleSpinBox(this);
  scale_->setObjectName("exportViewScale");
  scale_->setRange(1.0, 4.0);
  scale_->setDecimals(1);
  scale_->setSingleStep(0.5);
  scale_->setValue(last.scale);
  scale_->setSuffix(QStringLiteral(" ×"));
  scale_->setToolTip(
      tr("PNG: the picture is this many times the view's size in pixels; text, "
         "lines and markers grow with it"));
  form->addRow(byScale_, scale_);

  bySize_ = new QRadioButton(tr("&Pixel size (PNG):"), this);
  bySize_->setObjectName("exportViewBySize");
  bySize_->setToolTip(
      tr("PNG: exactly this many pixels. The view is drawn at this size: of another shape than "
         "on screen, it is laid out anew for that shape, as resizing the window does. Text and "
         "lines grow by the smaller of the two ratios to the view's size, never below 1×"));
  auto side = [this](const char* name, const QString& what) {
    auto* box = new QSpinBox(this);
    box->setObjectName(name);
    box->setRange(kMinPictureSide, plots::kMaxPictureSide);
    box->setSuffix(tr(" px"));
    box->setAccessibleName(what);
    box->setToolTip(tr("%1 of the PNG in pixels, %2 to %3")
                        .arg(what)
                        .arg(kMinPictureSide)
                        .arg(plots::kMaxPictureSide));
    return box;
  };
  width_ = side("exportViewWidth", tr("Width"));
  height_ = side("exportViewHeight", tr("Height"));
  auto* sizeRow = new QHBoxLayout;
  sizeRow->addWidget(width_);
  sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
  sizeRow->addWidget(height_);
  sizeRow->addStretch();
  form->addRow(bySize_, sizeRow);
  keepShape_ = new QCheckBox(tr("&Keep the view's proportions"), this);
  keepShape_->setObjectName("exportViewKeepShape");
  keepShape_->setToolTip(
      tr("On: a typed width sets the height to the view's proportions, and a typed height the "
         "width. Off: any shape"));
  form->addRow(QString(), keepShape_);

  transparent_ = new QCheckBox(tr("&Transparent background (PNG)"), this);
  transparent_->setObjectName("exportViewTransparent");
  transparent_->setChecked(last.transparent);
  transparent_->setToolTip(
      tr("PNG: the backgrounds become transparent; what is drawn on them stays opaque"));
  form->addRow(transparent_);

  summary_ = new QLabel(this);
  summary_->setObjectName("exportViewSummary");
  summary_->setWordWrap(true);
  summary_->setToolTip(tr("A PDF or an SVG is drawn at the view's own size (vectors scale)"));
  form->addRow(summary_);

  buttons_ = chooseFileButtons(this);
  auto* box = new QVBoxLayout(this);
  box->addLayout(form);
  box->addWidget(buttons_);

  // A previous pixel size comes back as it was; its shape stays locked when it is the view's.
  const QSize pixels = viewPixels();
  wanted_ = last.size.value_or(
      QSize(rounded(pixels.width() * last.scale), rounded(pixels.height() * last.scale)));
  keepShape_->setChecked(std::abs(alongShape(wanted_.width(), pixels.height(), pixels.width()) -
                                  wanted_.height()) <= 1);
  (last.size ? bySize_ : byScale_)->setChecked(true);
  showWanted();

  connect(view_, &QComboBox::currentIndexChanged, this, &ViewExportDialog::viewChanged);
  connect(byScale_, &QRadioButton::toggled, this, &ViewExportDialog::refresh);
  connect(scale_, &QDoubleSpinBox::valueChanged, this, &ViewExportDialog::refresh);
  connect(width_, &QSpinBox::valueChanged, this, &ViewExportDialog::widthEdited);
  connect(height_, &QSpinBox::valueChanged, this, &ViewExportDialog::heightEdited);
  connect(keepShape_, &QCheckBox::toggled, this, [this](bool on) {
    if (on) widthEdited(wanted_.width());
  });
  refresh();
}

int ViewExportDialog::viewIndex() const {
  return view_->currentIndex();
}

QSize ViewExportDialog::viewPixels() const {
  const int i = view_->currentIndex();
  return i >= 0 && i < static_cast<int>(views_.size()) ? views_[static_cast<size_t>(i)].pixels
                                                       : QSize();
}

ViewExportOptions ViewExportDialog::options() const {
  ViewExportOptions o;
  o.scale = scale_->value();
  o.transparent = transparent_->isChecked();
  if (bySize_->isChecked()) o.size = wanted_;
  return o;
}

QSize ViewExportDialog::pictureSize() const {
  if (bySize_->isChecked()) return wanted_;
  const QSize pixels = viewPixels();
  return {rounded(pixels.width() * scale_->value()), rounded(pixels.height() * scale_->value())};
}

QString ViewExportDialog::summary() const {
  return summary_->text();
}

void ViewExportDialog::setPixelWidth(int width) {
  width_->setValue(width);
}

void ViewExportDialog::setPixelHeight(int height) {
  height_->setValue(height);
}

void ViewExportDialog::widthEdited(int width) {
  const QSize pixels = viewPixels();
  wanted_.setWidth(width);
  if (keepShape_->isChecked()) {
    wanted_.setHeight(alongShape(width, pixels.height(), pixels.width()));
  }
  showWanted();
  refresh();
}

void ViewExportDialog::heightEdited(int height) {
  const QSize pixels = viewPixels();
  wanted_.setHeight(height);
  if (keepShape_->isChecked()) {
    wanted_.setWidth(alongShape(height, pixels.width(), pixels.height()));
  }
  showWanted();
  refresh();
}

void ViewExportDialog::viewChanged() {
  if (keepShape_->isChecked()) widthEdited(wanted_.width());
  refresh();
}

void ViewExportDialog::showWanted() {
  const QSignalBlocker blockWidth(width_);
  const QSignalBlocker blockHeight(height_);
  width_->setValue(wanted_.width());  // the spin boxes clamp to their range
  height_->setValue(wanted_.height());
}

void ViewExportDialog::refresh() {
  const bool sized = bySize_->isChecked();
  scale_->setEnabled(!sized);
  for (QWidget* w : {static_cast<QWidget*>(width_), static_cast<QWidget*>(height_),
                     static_cast<QWidget*>(keepShape_)}) {
    w->setEnabled(sized);
  }
  const QSize pixels = viewPixels();
  const QSize picture = pictureSize();
  QString text;
  bool possible = true;
  if (sized) {
    const QString problem = pictureSizeProblem(picture);
    possible = problem.isEmpty();
    const bool sameShape = std::abs(alongShape(picture.width(), pixels.height(), pixels.width()) -
                                    picture.height()) <= 1;
    const double textScale =
        plots::pictureTextScale(pixels.width(), pixels.height(), picture.width(), picture.height());
    text = !possible ? capitalised(problem) + "."
           : sameShape
               ? tr("The PNG: %1 × %2 pixels, the view as on screen with text and lines %3×.")
                     .arg(picture.width())
                     .arg(picture.height())
                     .arg(textScale, 0, 'g', 3)
               : tr("The PNG: %1 × %2 pixels, the view laid out anew for this shape, text and "
                    "lines %3×.")
                     .arg(picture.width())
                     .arg(picture.height())
                     .arg(textScale, 0, 'g', 3);
  } else {
    possible = !tooLarge(picture);
    text = possible ? tr("The PNG: %1 × %2 pixels.").arg(picture.width()).arg(picture.height())
                    : tr("At %1× the view would be %2 × %3 pixels, more than %4 a side: choose a "
                         "smaller scale or a pixel size.")
                          .arg(scale_->value())
                          .arg(picture.width())
                          .arg(picture.height())
                          .arg(plots::kMaxPictureSide);
  }
  summary_->setText(text);
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(possible);
}

WindowExportDialog::WindowExportDialog(QSize windowPixels, int lastScale, QWidget* parent)
    : QDialog(parent), pixels_(windowPixels) {
  setWindowTitle(tr("Export window"));
  setObjectName("exportWindowDialog");
  auto* form = new QFormLayout;
  scale_ = new QSpinBox(this);
  scale_->setObjectName("exportWindowScale");
  scale_->setRange(1, 4);
  scale_->setValue(std::clamp(lastScale, 1, 4));
  scale_->setSuffix(QStringLiteral(" ×"));
  scale_->setToolTip(
      tr("The window drawn this many times larger, as a screen of that pixel density shows it: "
         "its widgets and text drawn anew at that resolution and every view rendered anew at "
         "that scale, so the picture is sharp, not enlarged"));
  form->addRow(tr("&Scale:"), scale_);
  summary_ = new QLabel(this);
  summary_->setObjectName("exportWindowSummary");
  summary_->setWordWrap(true);
  form->addRow(summary_);
  buttons_ = chooseFileButtons(this);
  auto* box = new QVBoxLayout(this);
  box->addLayout(form);
  box->addWidget(buttons_);
  setMinimumWidth(fontMetrics().averageCharWidth() * 48);  // the summary on one or two lines
  connect(scale_, &QSpinBox::valueChanged, this, &WindowExportDialog::refresh);
  refresh();
}

int WindowExportDialog::scale() const {
  return scale_->value();
}

QString WindowExportDialog::summary() const {
  return summary_->text();
}

void WindowExportDialog::refresh() {
  const QSize picture = pixels_ * scale_->value();
  const bool possible = !tooLarge(picture);
  summary_->setText(
      possible ? tr("The PNG: %1 × %2 pixels, the window as it is on screen.")
                     .arg(picture.width())
                     .arg(picture.height())
               : tr("At %1× the window would be %2 × %3 pixels, more than %4 a side: choose a "
                    "smaller scale.")
                     .arg(scale_->value())
                     .arg(picture.width())
                     .arg(picture.height())
                     .arg(plots::kMaxPictureSide));
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(possible);
}

}  // namespace gradscape::gui
