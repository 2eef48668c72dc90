#pragma once
// A line edit holding one exact number. Typing and pressing Enter (or leaving the field) commits:
// text that is not a number, or that the check rejects, marks the field red with the reason in
// its tooltip and keeps the last valid value; a valid new value is shown and emitted. Escape
// restores the last valid value.
#include <QLineEdit>
#include <functional>
#include <string>

namespace gradscape::gui {

class NumberEntry : public QLineEdit {
  Q_OBJECT
 public:
  // Returns an empty string when the value is acceptable, else why not ("must be > 0, got -1").
  using Check = std::function<std::string(double)>;

  explicit NumberEntry(QWidget* parent = nullptr);
  ~NumberEntry() override;

  // Every finite number is accepted without a check.
  void setCheck(Check check);
  // 0 shows the shortest text that reads back as the same double (formatNumber); N > 0 shows
  // N significant digits (the value itself stays exact).
  void setSignificantDigits(int digits);
  // The tooltip shown while the entry holds no error.
  void setBaseToolTip(const QString& tip);

  // Shows a value set elsewhere: clears any error mark, never emits.
  void setValue(double value);
  double value() const { return value_; }
  bool hasError() const { return !error_.isEmpty(); }
  QString errorMessage() const { return error_; }

  // Parses and checks the current text as a commit would, without emitting.
  static bool parse(const QString& text, double& value);

 signals:
  // A typed value passed the check and differs from the previous one.
  void valueCommitted(double value);

 protected:
  void keyPressEvent(QKeyEvent* event) override;

 private:
  void commit();
  void showValue();
  // The error look (border and background in the theme's colours) while the value was refused.
  void restyle();
  void setError(const QString& message);

  Check check_;
  int digits_ = 0;
  double value_ = 0.0;
  QString shown_;  // the text showValue() put there; unchanged text commits nothing
  QString error_;
  QString baseToolTip_;
};

}  // namespace gradscape::gui
