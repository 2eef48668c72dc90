#include "app/gui/param_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>
#include <cmath>

#include "app/gui/form_metrics.h"
#include "app/gui/log_slider.h"
#include "app/gui/number_entry.h"

namespace gradscape::gui {

namespace {

QString num(double v) {
  return QString::fromStdString(formatNumber(v));
}

// "lr — learning rate. Range: (0, 100], log scale. Default: 0.001"
QString paramToolTip(const ParamSpec& spec) {
  QString tip = QString::fromStdString(spec.name);
  if (!spec.help.empty()) tip += QStringLiteral(" — ") + QString::fromStdString(spec.help) + '.';
  switch (spec.kind) {
    case ParamKind::Boolean:
      tip += QStringLiteral(" Default: %1").arg(spec.defaultValue != 0.0 ? "on" : "off");
      return tip;
    case ParamKind::Choice: {
      QStringList names;
      for (const auto& c : spec.choices) names << QString::fromStdString(c);
      const auto def = static_cast<size_t>(std::max(0.0, spec.defaultValue));
      tip += QStringLiteral(" One of: ") + names.join(QStringLiteral(", "));
      if (def < spec.choices.size()) {
        tip += QStringLiteral(". Default: ") + QString::fromStdString(spec.choices[def]);
      }
      return tip;
    }
    case ParamKind::Integer:
    case ParamKind::Real:
      break;
  }
  tip += QStringLiteral(" Range: %1%2, %3%4")
             .arg(spec.minInclusive ? '[' : '(')
             .arg(num(spec.min), num(spec.max))
             .arg(spec.maxInclusive ? ']' : ')');
  if (spec.kind == ParamKind::Real && spec.logScale) tip += QStringLiteral(", log scale");
  tip += QStringLiteral(". Default: ") + num(spec.defaultValue);
  return tip;
}

int clampToInt(double v) {
  return static_cast<int>(
      std::clamp(v, static_cast<double>(INT_MIN), static_cast<double>(INT_MAX)));
}

}  // namespace

struct ParamForm::Impl {
  struct Row {
    ParamSpec spec;
    double value = 0.0;
    LogSlider* real = nullptr;
    QSpinBox* spin = nullptr;
    QCheckBox* check = nullptr;
    QComboBox* combo = nullptr;
  };
  std::vector<ParamSpec> specs;
  std::vector<Row> rows;
  QVBoxLayout* outer = nullptr;
  QWidget* body = nullptr;  // rebuilt whole by setSpecs

  static void show(Row& row) {
    if (row.real) row.real->setValue(row.value);
    if (row.spin) {
      const QSignalBlocker block(row.spin);
      row.spin->setValue(clampToInt(row.value));
    }
    if (row.check) {
      const QSignalBlocker block(row.check);
      row.check->setChecked(row.value != 0.0);
    }
    if (row.combo) {
      const QSignalBlocker block(row.combo);
      row.combo->setCurrentIndex(clampToInt(row.value));
    }
  }
};

ParamForm::ParamForm(QWidget* parent) : QWidget(parent), impl_(std::make_unique<Impl>()) {
  impl_->outer = new QVBoxLayout(this);
  impl_->outer->setContentsMargins(0, 0, 0, 0);
  impl_->outer->setSpacing(0);
}

ParamForm::~ParamForm() = default;

void ParamForm::setSpecs(const std::vector<ParamSpec>& specs, const ParamValues& values) {
  delete impl_->body;  // takes every control of the old specs with it
  impl_->rows.clear();
  impl_->specs = specs;
  impl_->body = new QWidget(this);
  auto* grid = new QGridLayout(impl_->body);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setHorizontalSpacing(form_metrics::kColumnSpacing);
  grid->setVerticalSpacing(form_metrics::kRowSpacing);
  grid->setColumnStretch(1, 1);
  impl_->outer->addWidget(impl_->body);
  impl_->rows.reserve(specs.size());

  for (const auto& spec : specs) {
    Impl::Row row;
    row.spec = spec;
    row.value = values.has(spec.name) ? values.get(spec.name) : spec.defaultValue;
    const QString name = QString::fromStdString(spec.name);
    const QString prefix = QStringLiteral("param.") + name;
    const QString tip = paramToolTip(spec);
    const int r = static_cast<int>(impl_->rows.size());

    auto* label = new QLabel(impl_->body);
    label->setObjectName(prefix + QStringLiteral(".label"));
    label->setFixedWidth(form_metrics::kLabelWidth);
    // A long name wraps after its underscores ("max_" / "eigenvalue") instead of being cut.
    label->setWordWrap(true);
    label->setText(QString(name).replace(QLatin1Char('_'), QStringLiteral("_\u200b")));
    label->setToolTip(tip);
    grid->addWidget(label, r, 0);

    switch (spec.kind) {
      case ParamKind::Real: {
        row.real = new LogSlider(spec, prefix, impl_->body);
        row.real->entry()->setBaseToolTip(tip);
        connect(row.real, &LogSlider::valueChanged, this, [this, r, name](double v) {
          impl_->rows[static_cast<size_t>(r)].value = v;
          emit valuesChanged(name);
        });
        grid->addWidget(row.real, r, 1);
        break;
      }
      case ParamKind::Integer: {
        row.spin = new QSpinBox(impl_->body);
        row.spin->setObjectName(prefix + QStringLiteral(".spin"));
        const double lo = spec.minInclusive ? std::ceil(spec.min) : std::floor(spec.min) + 1.0;
        const double hi = spec.maxInclusive ? std::floor(spec.max) : std::ceil(spec.max) - 1.0;
        row.spin->setRange(clampToInt(lo), clampToInt(hi));
        row.spin->setKeyboardTracking(false);  // commit on Enter / focus loss, not per digit
        row.spin->setGroupSeparatorShown(spec.max >= 1e4);
        row.spin->setToolTip(tip);
        row.spin->setAlignment(Qt::AlignRight);
        connect(row.spin, &QSpinBox::valueChanged, this, [this, r, name](int v) {
          impl_->rows[static_cast<size_t>(r)].value = v;
          emit valuesChanged(name);
        });
        grid->addWidget(row.spin, r, 1);
        break;
      }
      case ParamKind::Boolean: {
        row.check = new QCheckBox(impl_->body);
        row.check->setObjectName(prefix + QStringLiteral(".check"));
        row.check->setToolTip(tip);
        connect(row.check, &QCheckBox::toggled, this, [this, r, name](bool on) {
          impl_->rows[static_cast<size_t>(r)].value = on ? 1.0 : 0.0;
          emit valuesChanged(name);
        });
        grid->addWidget(row.check, r, 1);
        break;
      }
      case ParamKind::Choice: {
        row.combo = new QComboBox(impl_->body);
        row.combo->setObjectName(prefix + QStringLiteral(".combo"));
        for (const auto& c : spec.choices) row.combo->addItem(QString::fromStdString(c));
        row.combo->setToolTip(tip);
        connect(row.combo, &QComboBox::currentIndexChanged, this, [this, r, name](int index) {
          if (index < 0) return;
          impl_->rows[static_cast<size_t>(r)].value = index;
          emit valuesChanged(name);
        });
        grid->addWidget(row.combo, r, 1);
        break;
      }
    }
    Impl::show(row);
    impl_->rows.push_back(row);
  }
}

void ParamForm::setValues(const ParamValues& values) {
  for (auto& row : impl_->rows) {
    if (!values.has(row.spec.name)) continue;
    row.value = values.get(row.spec.name);
    Impl::show(row);
  }
}

ParamValues ParamForm::values() const {
  ParamValues out;
  for (const auto& row : impl_->rows) out.set(row.spec.name, row.value);
  return out;
}

const std::vector<ParamSpec>& ParamForm::specs() const {
  return impl_->specs;
}

}  // namespace gradscape::gui
