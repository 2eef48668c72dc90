#include "app/gui/update_panel.h"

#include <QColor>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace gradscape::gui {

namespace {

constexpr Eigen::Index kShownCoordinates = 4;

QString html(const std::string& text) {
  return QString::fromStdString(text).toHtmlEscaped();
}

QString hint() {
  return QObject::tr(
      "<p>Press <b>S</b> to step; the parts of the next step appear here and on "
      "the map.</p><p>Each term of the optimizer's update is drawn as an arrow "
      "from the selected run's iterate, tip to tail, in the run's colours; their "
      "sum is the step.</p>");
}

}  // namespace

UpdatePanel::UpdatePanel(QWidget* parent) : QWidget(parent) {
  setObjectName("updatePanel");
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  view_ = new QTextBrowser(this);
  view_->setObjectName("updateText");
  view_->setOpenLinks(false);
  layout->addWidget(view_);
  clear();
}

QString UpdatePanel::number(double value) {
  QString s = QString::number(value, 'g', 6);
  s.replace('-', QChar(0x2212));
  return s;
}

QString UpdatePanel::coordinates(const Vec& value) {
  QStringList shown;
  for (Eigen::Index i = 0; i < std::min(value.size(), kShownCoordinates); ++i) {
    shown << number(value[i]);
  }
  if (value.size() <= kShownCoordinates) return "(" + shown.join(", ") + ")";
  return tr("‖·‖ = %1; (%2, …) of %3")
      .arg(number(value.norm()), shown.join(", "))
      .arg(value.size());
}

void UpdatePanel::setUpdate(const UpdateParts& parts, const QString& name, plots::Rgb color,
                            int64_t iteration) {
  const QString swatch =
      QColor::fromRgbF(float(color.r), float(color.g), float(color.b)).name(QColor::HexRgb);
  QString out;
  out += tr("<p><span style='color:%1'>■</span> <b>%2</b>: the step from x<sub>%3</sub> to "
            "x<sub>%4</sub></p>")
             .arg(swatch, name.toHtmlEscaped())
             .arg(iteration)
             .arg(iteration + 1);
  out += "<pre>" + html(parts.formula) + "</pre>";
  out += tr("<p><b>Numbers</b></p>") + "<table cellspacing=0 cellpadding=2>";
  for (const UpdateQuantity& q : parts.quantities) {
    const QString value =
        q.scalar && q.value.size() > 0 ? number(q.value[0]) : coordinates(q.value);
    out +=
        QString("<tr><td>%1</td><td>&nbsp;=&nbsp;</td><td>%2</td></tr>").arg(html(q.label), value);
  }
  out += "</table>";
  out += tr("<p><b>Parts</b> (their sum is the step)</p>") + "<table cellspacing=0 cellpadding=2>";
  for (const UpdatePart& p : parts.parts) {
    out += QString("<tr><td>%1</td><td>&nbsp;=&nbsp;</td><td>%2</td></tr>")
               .arg(html(p.label), coordinates(p.vector));
  }
  if (parts.removedByClipping.size() > 0) {
    out += tr("<tr><td>removed by clipping</td><td>&nbsp;=&nbsp;</td><td>%1</td></tr>")
               .arg(coordinates(parts.removedByClipping));
  }
  out += "</table>";
  if (parts.parts.empty()) out += tr("<p>No parts: this step does not move.</p>");
  if (!parts.note.empty()) out += "<p><i>" + html(parts.note) + "</i></p>";
  view_->setHtml(out);
}

void UpdatePanel::clear() {
  view_->setHtml(hint());
}

QString UpdatePanel::text() const {
  return view_->toPlainText();
}

}  // namespace gradscape::gui
