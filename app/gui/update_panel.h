#pragma once
// The Update tab (issue 12, section 4): the selected run's next step taken apart, beside the
// optimizer's update rule. The formula, the numbers behind the step at the current iterate (g,
// m, v, lr_t, ...), the parts whose sum is the step with their vectors, and the optimizer's note.
// Everything comes from UpdateParts: no optimizer is named here.
#include <QWidget>
#include <cstdint>

#include "core/optimizers/update_parts.h"
#include "plots/rgb.h"

class QLabel;
class QTextBrowser;

namespace gradscape::gui {

class UpdatePanel : public QWidget {
  Q_OBJECT
 public:
  explicit UpdatePanel(QWidget* parent = nullptr);

  // The next step of run `name` (in `color`) at iteration `iteration` (x_k, k steps taken).
  void setUpdate(const UpdateParts& parts, const QString& name, plots::Rgb color,
                 int64_t iteration);
  // Nothing to show: the hint to press S.
  void clear();
  // What the panel shows, as plain text (tests read it).
  QString text() const;

  // "0.123457", "−1.5e−05": 6 significant digits, a true minus sign.
  static QString number(double value);
  // A vector for the table: its coordinates up to 4, else its norm and the first 4.
  static QString coordinates(const Vec& value);

 private:
  QTextBrowser* view_ = nullptr;
};

}  // namespace gradscape::gui
