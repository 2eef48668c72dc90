#include "app/gui/objective_editor.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

#include "app/gui/form_metrics.h"
#include "app/gui/form_rows.h"
#include "app/gui/number_entry.h"
#include "app/gui/param_form.h"
#include "app/gui/registry_combo.h"
#include "core/objectives/objective_registry.h"

namespace gradscape::gui {

namespace {

constexpr int kMaxIterationsShown = 100'000'000;

const std::vector<ParamSpec>& objectiveParams(const std::string& name) {
  static const std::vector<ParamSpec> none;
  const auto* entry = objectiveRegistry().find(name);
  return entry ? entry->params : none;
}

// The stop rules' own limits, worded as checkParam words them (matching the scenario parser).
NumberEntry::Check rangeCheck(ParamSpec spec) {
  return [spec = std::move(spec)](double v) { return checkParam(spec, v); };
}

NumberEntry* makeEntry(const QString& name, NumberEntry::Check check, int digits, QWidget* parent) {
  auto* entry = new NumberEntry(parent);
  entry->setObjectName(name);
  entry->setCheck(std::move(check));
  entry->setSignificantDigits(digits);
  return entry;
}

}  // namespace

struct ObjectiveEditor::Impl {
  int64_t maxIterations = StopRules{}.maxIterations;
  RegistryCombo* objective = nullptr;
  QLabel* help = nullptr;
  ParamForm* params = nullptr;
  NumberEntry* startX = nullptr;
  NumberEntry* startY = nullptr;
  QSpinBox* maxIter = nullptr;
  NumberEntry* gradTol = nullptr;
  QCheckBox* targetEnabled = nullptr;
  NumberEntry* target = nullptr;
  NumberEntry* divergence = nullptr;
};

ObjectiveEditor::ObjectiveEditor(QWidget* parent)
    : QWidget(parent), impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->setSpacing(6);

  QVBoxLayout* body = nullptr;
  QGroupBox* group = makeSection(QStringLiteral("Objective"), body, this);
  group->setObjectName(QStringLiteral("objectiveGroup"));
  d.objective = new RegistryCombo(group);
  d.objective->setObjectName(QStringLiteral("objective"));
  d.objective->setRegistry(objectiveRegistry());
  body->addWidget(d.objective);
  d.help = makeHelpLabel(QStringLiteral("objectiveHelp"), group);
  body->addWidget(d.help);
  d.params = new ParamForm(group);
  d.params->setObjectName(QStringLiteral("objectiveParams"));
  body->addWidget(d.params);

  // Any finite coordinate; the views set it by clicking, typing gives exact values.
  const NumberEntry::Check finite = rangeCheck(ParamSpec::real("start", 0, -1e300, 1e300, ""));
  auto* startRow = new QWidget(group);
  auto* startLayout = new QHBoxLayout(startRow);
  startLayout->setContentsMargins(0, 0, 0, 0);
  startLayout->setSpacing(form_metrics::kColumnSpacing);
  d.startX = makeEntry(QStringLiteral("startX"), finite, 6, startRow);
  d.startY = makeEntry(QStringLiteral("startY"), finite, 6, startRow);
  startLayout->addWidget(new QLabel(QStringLiteral("x"), startRow));
  startLayout->addWidget(d.startX, 1);
  startLayout->addWidget(new QLabel(QStringLiteral("y"), startRow));
  startLayout->addWidget(d.startY, 1);
  addLabeledRow(body, QStringLiteral("Start"), startRow,
                QStringLiteral("Where every run starts; click a view to set it"));
  d.startX->setBaseToolTip(QStringLiteral("x of the start point"));
  d.startY->setBaseToolTip(QStringLiteral("y of the start point"));
  outer->addWidget(group);

  group = makeSection(QStringLiteral("Stop rules"), body, this);
  group->setObjectName(QStringLiteral("stopGroup"));
  d.maxIter = new QSpinBox(group);
  d.maxIter->setObjectName(QStringLiteral("maxIterations"));
  d.maxIter->setRange(1, kMaxIterationsShown);
  d.maxIter->setGroupSeparatorShown(true);
  d.maxIter->setKeyboardTracking(false);
  d.maxIter->setAlignment(Qt::AlignRight);
  addLabeledRow(body, QStringLiteral("Max iterations"), d.maxIter,
                QStringLiteral("Steps taken at the most"));

  d.gradTol = makeEntry(QStringLiteral("gradTol"),
                        rangeCheck(ParamSpec::real("grad_tol", 1e-8, 0.0, 1e300, "")), 0, group);
  const QString gradTip = QStringLiteral("Converged when ||g|| <= this (0 disables)");
  d.gradTol->setBaseToolTip(gradTip);
  addLabeledRow(body, QStringLiteral("Grad tol"), d.gradTol, gradTip);

  auto* targetRow = new QHBoxLayout;
  targetRow->setContentsMargins(0, 0, 0, 0);
  targetRow->setSpacing(form_metrics::kColumnSpacing);
  d.targetEnabled = new QCheckBox(QStringLiteral("Target loss"), group);
  d.targetEnabled->setObjectName(QStringLiteral("targetLossEnabled"));
  d.targetEnabled->setFixedWidth(form_metrics::kLabelWidth);
  d.targetEnabled->setToolTip(QStringLiteral("Stop when f(x) <= the target"));
  d.target = makeEntry(QStringLiteral("targetLoss"), finite, 0, group);
  d.target->setBaseToolTip(d.targetEnabled->toolTip());
  d.target->setEnabled(false);
  targetRow->addWidget(d.targetEnabled);
  targetRow->addWidget(d.target, 1);
  body->addLayout(targetRow);

  d.divergence =
      makeEntry(QStringLiteral("divergenceBound"),
                rangeCheck(ParamSpec::positive("divergence_bound", 1e10, 1e300, "")), 0, group);
  const QString divTip = QStringLiteral("Diverged when |f| or any |x_i| exceeds this");
  d.divergence->setBaseToolTip(divTip);
  addLabeledRow(body, QStringLiteral("Divergence"), d.divergence, divTip);
  outer->addWidget(group);
  outer->addStretch(1);

  connect(d.objective, &RegistryCombo::nameChanged, this, [this] {
    Impl& e = *impl_;
    e.params->setSpecs(objectiveParams(e.objective->currentName()), {});
    e.help->setText(QString::fromStdString(e.objective->currentHelp()));
    emit objectiveChanged();
  });
  connect(d.params, &ParamForm::valuesChanged, this, &ObjectiveEditor::objectiveChanged);
  connect(d.startX, &NumberEntry::valueCommitted, this, &ObjectiveEditor::startChanged);
  connect(d.startY, &NumberEntry::valueCommitted, this, &ObjectiveEditor::startChanged);
  connect(d.maxIter, &QSpinBox::valueChanged, this, [this](int v) {
    impl_->maxIterations = v;
    emit stopRulesChanged();
  });
  connect(d.gradTol, &NumberEntry::valueCommitted, this, &ObjectiveEditor::stopRulesChanged);
  connect(d.targetEnabled, &QCheckBox::toggled, this, [this](bool on) {
    impl_->target->setEnabled(on);
    emit stopRulesChanged();
  });
  connect(d.target, &NumberEntry::valueCommitted, this, &ObjectiveEditor::stopRulesChanged);
  connect(d.divergence, &NumberEntry::valueCommitted, this, &ObjectiveEditor::stopRulesChanged);

  Scenario initial;
  initial.start = Vec::Zero(2);
  setScenario(initial);
}

ObjectiveEditor::~ObjectiveEditor() = default;

void ObjectiveEditor::setScenario(const Scenario& scenario) {
  Impl& d = *impl_;
  if (!d.objective->setCurrentName(scenario.objective.type)) {
    d.objective->setCurrentName(objectiveRegistry().entries().front().name);
  }
  d.params->setSpecs(objectiveParams(d.objective->currentName()), scenario.objective.params);
  d.help->setText(QString::fromStdString(d.objective->currentHelp()));
  const Vec& s = scenario.start;
  setStart(s.size() > 0 ? s[0] : 0.0, s.size() > 1 ? s[1] : 0.0);

  const StopRules& stop = scenario.stop;
  d.maxIterations = stop.maxIterations;
  {
    const QSignalBlocker block(d.maxIter);
    d.maxIter->setValue(
        static_cast<int>(std::clamp<int64_t>(stop.maxIterations, 1, int64_t{kMaxIterationsShown})));
  }
  d.gradTol->setValue(stop.gradTol);
  {
    const QSignalBlocker block(d.targetEnabled);
    d.targetEnabled->setChecked(stop.targetLoss.has_value());
  }
  d.target->setEnabled(stop.targetLoss.has_value());
  d.target->setValue(stop.targetLoss.value_or(0.0));
  d.divergence->setValue(stop.divergenceBound);
}

ObjectiveSpec ObjectiveEditor::objective() const {
  ObjectiveSpec spec;
  spec.type = impl_->objective->currentName();
  spec.params = impl_->params->values();
  return spec;
}

Vec ObjectiveEditor::start() const {
  Vec x(2);
  x << impl_->startX->value(), impl_->startY->value();
  return x;
}

StopRules ObjectiveEditor::stopRules() const {
  const Impl& d = *impl_;
  StopRules rules;
  rules.maxIterations = d.maxIterations;
  rules.gradTol = d.gradTol->value();
  if (d.targetEnabled->isChecked()) rules.targetLoss = d.target->value();
  rules.divergenceBound = d.divergence->value();
  return rules;
}

void ObjectiveEditor::setStart(double x, double y) {
  impl_->startX->setValue(x);
  impl_->startY->setValue(y);
}

void ObjectiveEditor::setStartEditable(bool editable) {
  for (NumberEntry* entry : {impl_->startX, impl_->startY}) {
    entry->setEnabled(editable);
    entry->setBaseToolTip(editable
                              ? tr("%1 of the start point").arg(entry == impl_->startX ? "x" : "y")
                              : tr("This problem has many dimensions: it starts at its seeded "
                                   "initialisation (the scenario's seed)"));
  }
}

}  // namespace gradscape::gui
