#pragma once
// The settings of File > Export animation: which view, the file (its extension picks MP4, WebM
// or GIF), the frame size, frame rate and duration, and the last iteration the playback reaches.
#include <QDialog>

#include "app/gui/animation_export.h"

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace gradscape::gui {

class AnimationDialog : public QDialog {
  Q_OBJECT
 public:
  // `lastIteration`: the longest run's end, the default and the largest choice.
  AnimationDialog(qint64 lastIteration, const QString& suggestedPath, QWidget* parent = nullptr);

  AnimationRequest request() const;
  void setPath(const QString& path);

 private:
  void browse();
  void refresh();

  QComboBox* view_;
  QLineEdit* path_;
  QSpinBox* width_;
  QSpinBox* height_;
  QSpinBox* fps_;
  QDoubleSpinBox* seconds_;
  QSpinBox* lastIteration_;
  QLabel* summary_;
  QDialogButtonBox* buttons_;
};

}  // namespace gradscape::gui
