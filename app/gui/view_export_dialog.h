#pragma once
// The dialogs before a picture's file is chosen (main_window_export_view.cpp): File > Export
// view... (which view; a PNG at a scale of the view's size or at a size in pixels; transparent
// backgrounds) and File > Export window... (a PNG at a scale of the window's size). Each shows
// the picture's size in pixels as it is chosen, and one that cannot be made disables the button
// that goes on, with the reason in its place.
#include <QDialog>
#include <QSize>
#include <QString>
#include <vector>

#include "app/gui/view_export.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QRadioButton;
class QSpinBox;

namespace gradscape::gui {

class ViewExportDialog : public QDialog {
  Q_OBJECT
 public:
  struct View {
    QString title;
    QSize pixels;  // its size on screen in device pixels
  };
  // `chosen`: the index of the view shown first; `last`: the previous export's choices (a pixel
  // size keeps its shape locked when it has the chosen view's shape).
  ViewExportDialog(std::vector<View> views, int chosen, const ViewExportOptions& last,
                   QWidget* parent = nullptr);

  int viewIndex() const;
  // The scale or the size, and transparency; `chart` is the caller's to set.
  ViewExportOptions options() const;
  // The PNG's size in pixels as chosen now (a side may lie beyond the limits).
  QSize pictureSize() const;
  // The summary under the choices: the picture's size, or why it cannot be made.
  QString summary() const;

  // Typed sizes, as the spin boxes report them (tests drive these).
  void setPixelWidth(int width);
  void setPixelHeight(int height);

 private:
  void widthEdited(int width);
  void heightEdited(int height);
  void viewChanged();
  void refresh();
  QSize viewPixels() const;
  void showWanted();  // wanted_ into the spin boxes, each within its range, without signals

  std::vector<View> views_;
  QComboBox* view_;
  QRadioButton* byScale_;
  QRadioButton* bySize_;
  QDoubleSpinBox* scale_;
  QSpinBox* width_;
  QSpinBox* height_;
  QCheckBox* keepShape_;
  QCheckBox* transparent_;
  QLabel* summary_;
  QDialogButtonBox* buttons_;
  QSize wanted_;  // the pixel size asked for: with the shape kept, a side may pass the range
};

class WindowExportDialog : public QDialog {
  Q_OBJECT
 public:
  // `windowPixels`: the window's size in device pixels; `lastScale`: the previous choice.
  WindowExportDialog(QSize windowPixels, int lastScale, QWidget* parent = nullptr);

  int scale() const;
  QString summary() const;

 private:
  void refresh();

  QSize pixels_;
  QSpinBox* scale_;
  QLabel* summary_;
  QDialogButtonBox* buttons_;
};

}  // namespace gradscape::gui
