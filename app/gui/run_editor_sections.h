#pragma once
// RunEditor's rows for how gradients are sampled and what is measured along the way: minibatch
// size and drawing (finite-sum objectives only) and curvature tracking. Each keeps a value from
// setValue that its spin box cannot show (beyond the box's maximum) until the user edits it.
//
// Child objectNames: "minibatchSize" QSpinBox (0 = "full batch"), "minibatchReplacement"
// QCheckBox; "curvatureEvery" QSpinBox (0 = "off"), "curvatureTrace" QCheckBox, enabled
// while every > 0.
#include <QWidget>
#include <cstdint>

#include "core/run/run_spec.h"

class QCheckBox;
class QLabel;
class QSpinBox;

namespace gradscape::gui {

// One of the editor's short spin boxes (seed, minibatch, interval). They line up: each wants
// the width of the widest text they show, "every 1000000 steps", in its font, and in a narrow
// sidebar all shrink alike, to 110 px.
QSpinBox* makeShortSpinBox(QWidget* parent);

// "Minibatch" (size) and "with replacement" rows.
class MinibatchRows : public QWidget {
  Q_OBJECT
 public:
  explicit MinibatchRows(QWidget* parent = nullptr);
  // Shows a setting without emitting changed().
  void setValue(const Minibatch& minibatch);
  Minibatch value() const;
  // The objective's sampleCount(): 0 disables the rows (the objective is not a sum over
  // samples), N > 0 enables them with sizes up to N.
  void setSampleCount(int64_t samples);

 signals:
  void changed();

 private:
  int64_t size_ = 0;
  QLabel* sizeLabel_ = nullptr;
  QLabel* replacementLabel_ = nullptr;
  QSpinBox* sizeBox_ = nullptr;
  QCheckBox* replacement_ = nullptr;
};

// "Sharpness every K steps" and "Hessian trace too" rows.
class CurvatureRows : public QWidget {
  Q_OBJECT
 public:
  explicit CurvatureRows(QWidget* parent = nullptr);
  // Shows a setting without emitting changed(); traceProbes passes through to value().
  void setValue(const CurvatureTracking& tracking);
  CurvatureTracking value() const;

 signals:
  void changed();

 private:
  CurvatureTracking tracking_;
  QSpinBox* every_ = nullptr;
  QCheckBox* trace_ = nullptr;
};

}  // namespace gradscape::gui
