#pragma once
// Building blocks shared by the editor panels so that their rows line up with ParamForm's:
// a titled section, a row with a fixed-width label, and a grey word-wrapped help line.
#include <QString>

class QBoxLayout;
class QGroupBox;
class QLabel;
class QVBoxLayout;
class QWidget;

namespace gradscape::gui {

// A group box with compact margins; `body` receives its vertical layout.
QGroupBox* makeSection(const QString& title, QVBoxLayout*& body, QWidget* parent);
// Adds "label | widget" to `into`, the label as wide as ParamForm's label column. Returns the
// label (its tooltip is `toolTip`, also set on the widget when the widget has none).
QLabel* addLabeledRow(QBoxLayout* into, const QString& label, QWidget* widget,
                      const QString& toolTip = QString());
// A grey, slightly smaller, word-wrapped label for a registry entry's help line.
QLabel* makeHelpLabel(const QString& objectName, QWidget* parent);

}  // namespace gradscape::gui
