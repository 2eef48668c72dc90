#include "app/gui/form_rows.h"

#include <QApplication>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "app/gui/form_metrics.h"
#include "app/gui/theme_follow.h"

namespace gradscape::gui {

QGroupBox* makeSection(const QString& title, QVBoxLayout*& body, QWidget* parent) {
  auto* box = new QGroupBox(title, parent);
  body = new QVBoxLayout(box);
  body->setContentsMargins(6, 4, 6, 6);
  body->setSpacing(form_metrics::kRowSpacing);
  return box;
}

QLabel* addLabeledRow(QBoxLayout* into, const QString& label, QWidget* widget,
                      const QString& toolTip) {
  auto* row = new QHBoxLayout;
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(form_metrics::kColumnSpacing);
  auto* text = new QLabel(label);
  text->setFixedWidth(form_metrics::kLabelWidth);
  text->setToolTip(toolTip);
  if (widget->toolTip().isEmpty()) widget->setToolTip(toolTip);
  row->addWidget(text);
  // A widget that cannot stretch (a short spin box) sits beside its label, not in the middle,
  // at its size hint when there is room (narrower, down to its minimum, when there is not).
  const bool bounded = widget->maximumWidth() < QWIDGETSIZE_MAX;
  row->addWidget(widget, bounded ? 0 : 1);
  if (bounded) row->addStretch(1);
  into->addLayout(row);
  return text;
}

QLabel* makeHelpLabel(const QString& objectName, QWidget* parent) {
  auto* help = new QLabel(parent);
  help->setObjectName(objectName);
  help->setWordWrap(true);
  help->setTextFormat(Qt::PlainText);
  help->setTextInteractionFlags(Qt::TextSelectableByMouse);
  QFont font = help->font();
  if (font.pointSizeF() > 0) font.setPointSizeF(font.pointSizeF() * 0.9);
  help->setFont(font);
  followTheme(help, QStringLiteral("helpText"), [help] {
    // Between text and background, darker than disabled text so that it stays readable; from
    // the application's palette (the label's own holds the colour set before).
    QPalette palette = QApplication::palette(help);
    const QColor text = palette.color(QPalette::WindowText);
    const QColor back = palette.color(QPalette::Window);
    const auto mix = [](int a, int b) { return (a * 3 + b * 2) / 5; };
    palette.setColor(QPalette::WindowText,
                     QColor(mix(text.red(), back.red()), mix(text.green(), back.green()),
                            mix(text.blue(), back.blue())));
    help->setPalette(palette);
  });
  return help;
}

}  // namespace gradscape::gui
