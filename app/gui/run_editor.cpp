#include "app/gui/run_editor.h"

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <climits>

#include "app/gui/form_rows.h"
#include "app/gui/param_form.h"
#include "app/gui/registry_combo.h"
#include "app/gui/run_editor_sections.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/oracles/noise_model.h"
#include "core/schedules/schedule_registry.h"

namespace gradscape::gui {

namespace {

// The defaults of `specs`, keeping every value of `previous` whose name and validity carry over.
ParamValues carryOver(const std::vector<ParamSpec>& specs, const ParamValues& previous) {
  ParamValues out = ParamValues::defaults(specs);
  for (const auto& [name, value] : previous.items()) {
    const ParamSpec* spec = findParam(specs, name);
    if (spec && checkParam(*spec, value).empty()) out.set(name, value);
  }
  return out;
}

template <class T>
const std::vector<ParamSpec>& paramsOf(const Registry<T>& registry, const std::string& name) {
  static const std::vector<ParamSpec> none;
  const auto* entry = registry.find(name);
  return entry ? entry->params : none;
}

std::vector<ParamSpec> warmupSpecs() {
  return {ParamSpec::integer("warmup_steps", 0, 0, 1e9,
                             "linear warmup in front of the schedule (0 = none)"),
          ParamSpec::real("warmup_start", 0.0, 0.0, 1.0, "lr factor at the first warmup step")};
}

std::vector<ParamSpec> clipSpecs() {
  return {ParamSpec::positive("threshold", 1.0, 1e10,
                              "norm: g *= min(1, t/||g||); value: g_i clamped to [-t, t]")};
}

const Clipping::Mode kClipModes[] = {Clipping::Mode::None, Clipping::Mode::Norm,
                                     Clipping::Mode::Value};

}  // namespace

struct RunEditor::Impl {
  RunSpec spec;        // what setRunSpec showed; start and stop pass through untouched
  ParamMemory memory;  // per optimizer, this run's last values for it
  uint64_t seed = 0;
  QLineEdit* label = nullptr;
  RegistryCombo* optimizer = nullptr;
  QLabel* optimizerHelp = nullptr;
  ParamForm* optimizerParams = nullptr;
  RegistryCombo* schedule = nullptr;
  QLabel* scheduleHelp = nullptr;
  ParamForm* scheduleParams = nullptr;
  ParamForm* warmup = nullptr;
  QComboBox* clipMode = nullptr;
  ParamForm* clipParams = nullptr;
  RegistryCombo* noise = nullptr;
  QLabel* noiseHelp = nullptr;
  ParamForm* noiseParams = nullptr;
  MinibatchRows* minibatch = nullptr;
  QSpinBox* seedBox = nullptr;
  CurvatureRows* curvature = nullptr;

  void showHelp() {
    optimizerHelp->setText(QString::fromStdString(optimizer->currentHelp()));
    scheduleHelp->setText(QString::fromStdString(schedule->currentHelp()));
    noiseHelp->setText(QString::fromStdString(noise->currentHelp()));
    noiseParams->setVisible(!noiseParams->specs().empty());
    scheduleParams->setVisible(!scheduleParams->specs().empty());
  }
  Clipping::Mode clipModeValue() const {
    const int i = clipMode->currentIndex();
    return i >= 0 && i < 3 ? kClipModes[i] : Clipping::Mode::None;
  }
};

RunEditor::RunEditor(QWidget* parent) : QWidget(parent), impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->setSpacing(6);

  d.label = new QLineEdit(this);
  d.label->setObjectName(QStringLiteral("label"));
  d.label->setPlaceholderText(QStringLiteral("shown in legends and tables"));
  addLabeledRow(outer, QStringLiteral("Label"), d.label,
                QStringLiteral("Name of this run in legends and tables"));

  QVBoxLayout* body = nullptr;
  QGroupBox* group = makeSection(QStringLiteral("Optimizer"), body, this);
  group->setObjectName(QStringLiteral("optimizerGroup"));
  d.optimizer = new RegistryCombo(group);
  d.optimizer->setObjectName(QStringLiteral("optimizer"));
  d.optimizer->setRegistry(optimizerRegistry());
  body->addWidget(d.optimizer);
  d.optimizerHelp = makeHelpLabel(QStringLiteral("optimizerHelp"), group);
  body->addWidget(d.optimizerHelp);
  d.optimizerParams = new ParamForm(group);
  d.optimizerParams->setObjectName(QStringLiteral("optimizerParams"));
  body->addWidget(d.optimizerParams);
  outer->addWidget(group);

  group = makeSection(QStringLiteral("Schedule"), body, this);
  group->setObjectName(QStringLiteral("scheduleGroup"));
  d.schedule = new RegistryCombo(group);
  d.schedule->setObjectName(QStringLiteral("schedule"));
  d.schedule->setRegistry(scheduleRegistry());
  body->addWidget(d.schedule);
  d.scheduleHelp = makeHelpLabel(QStringLiteral("scheduleHelp"), group);
  body->addWidget(d.scheduleHelp);
  d.scheduleParams = new ParamForm(group);
  d.scheduleParams->setObjectName(QStringLiteral("scheduleParams"));
  body->addWidget(d.scheduleParams);
  d.warmup = new ParamForm(group);
  d.warmup->setObjectName(QStringLiteral("warmupParams"));
  d.warmup->setSpecs(warmupSpecs(), {});
  body->addWidget(d.warmup);
  outer->addWidget(group);

  group = makeSection(QStringLiteral("Gradient"), body, this);
  group->setObjectName(QStringLiteral("gradientGroup"));
  d.clipMode = new QComboBox(group);
  d.clipMode->setObjectName(QStringLiteral("clipMode"));
  d.clipMode->addItems({QStringLiteral("none"), QStringLiteral("norm"), QStringLiteral("value")});
  d.clipMode->setItemData(0, QStringLiteral("gradients pass unchanged"), Qt::ToolTipRole);
  d.clipMode->setItemData(1, QStringLiteral("g *= min(1, threshold / ||g||)"), Qt::ToolTipRole);
  d.clipMode->setItemData(2, QStringLiteral("g_i clamped to [-threshold, threshold]"),
                          Qt::ToolTipRole);
  addLabeledRow(body, QStringLiteral("Clipping"), d.clipMode,
                QStringLiteral("Gradient clipping before every step, as torch's clip_grad_*"));
  d.clipParams = new ParamForm(group);
  d.clipParams->setObjectName(QStringLiteral("clipParams"));
  d.clipParams->setSpecs(clipSpecs(), {});
  d.clipParams->setEnabled(false);
  body->addWidget(d.clipParams);
  d.noise = new RegistryCombo(group);
  d.noise->setObjectName(QStringLiteral("noise"));
  d.noise->setRegistry(noiseRegistry());
  addLabeledRow(body, QStringLiteral("Noise"), d.noise,
                QStringLiteral("Noise added to every gradient (a stochastic oracle)"));
  d.noiseHelp = makeHelpLabel(QStringLiteral("noiseHelp"), group);
  body->addWidget(d.noiseHelp);
  d.noiseParams = new ParamForm(group);
  d.noiseParams->setObjectName(QStringLiteral("noiseParams"));
  body->addWidget(d.noiseParams);
  d.minibatch = new MinibatchRows(group);
  body->addWidget(d.minibatch);
  d.seedBox = makeShortSpinBox(group);
  d.seedBox->setObjectName(QStringLiteral("seed"));
  d.seedBox->setRange(0, INT_MAX);
  d.seedBox->setKeyboardTracking(false);
  addLabeledRow(body, QStringLiteral("Seed"), d.seedBox,
                QStringLiteral("Seeds the gradient noise and the minibatch draws; the same "
                               "seed repeats the same run"));
  outer->addWidget(group);

  group = makeSection(QStringLiteral("Curvature"), body, this);
  group->setObjectName(QStringLiteral("curvatureGroup"));
  d.curvature = new CurvatureRows(group);
  body->addWidget(d.curvature);
  outer->addWidget(group);
  outer->addStretch(1);

  connect(d.label, &QLineEdit::textEdited, this, &RunEditor::changed);
  connect(d.optimizer, &RegistryCombo::nameChanged, this, [this] {
    Impl& e = *impl_;
    const auto* previous = optimizerRegistry().find(e.spec.optimizer);
    const QString oldTitle = previous ? QString::fromStdString(previous->title) : QString();
    const std::string name = e.optimizer->currentName();
    // A label that still reads as the old optimizer's default follows the new one.
    if (e.label->text().isEmpty() || e.label->text() == oldTitle) {
      e.label->setText(e.optimizer->currentText());
    }
    e.memory[e.spec.optimizer] = e.optimizerParams->values();
    e.spec.optimizer = name;
    // The new optimizer's own defaults, or the values this run had for it before.
    const auto& specs = paramsOf(optimizerRegistry(), name);
    const auto known = e.memory.find(name);
    e.optimizerParams->setSpecs(specs, known != e.memory.end()
                                           ? ParamValues::withDefaults(specs, known->second)
                                           : ParamValues::defaults(specs));
    e.memory[name] = e.optimizerParams->values();
    e.showHelp();
    emit changed();
  });
  connect(d.optimizerParams, &ParamForm::valuesChanged, this, [this] {
    impl_->memory[impl_->spec.optimizer] = impl_->optimizerParams->values();
    emit changed();
  });
  connect(d.schedule, &RegistryCombo::nameChanged, this, [this] {
    Impl& e = *impl_;
    const auto& specs = paramsOf(scheduleRegistry(), e.schedule->currentName());
    e.scheduleParams->setSpecs(specs, carryOver(specs, e.scheduleParams->values()));
    e.showHelp();
    emit changed();
  });
  connect(d.scheduleParams, &ParamForm::valuesChanged, this, &RunEditor::changed);
  connect(d.warmup, &ParamForm::valuesChanged, this, &RunEditor::changed);
  connect(d.clipMode, &QComboBox::currentIndexChanged, this, [this] {
    impl_->clipParams->setEnabled(impl_->clipModeValue() != Clipping::Mode::None);
    emit changed();
  });
  connect(d.clipParams, &ParamForm::valuesChanged, this, &RunEditor::changed);
  connect(d.noise, &RegistryCombo::nameChanged, this, [this] {
    Impl& e = *impl_;
    const auto& specs = paramsOf(noiseRegistry(), e.noise->currentName());
    e.noiseParams->setSpecs(specs, carryOver(specs, e.noiseParams->values()));
    e.showHelp();
    emit changed();
  });
  connect(d.noiseParams, &ParamForm::valuesChanged, this, &RunEditor::changed);
  connect(d.minibatch, &MinibatchRows::changed, this, &RunEditor::changed);
  connect(d.curvature, &CurvatureRows::changed, this, &RunEditor::changed);
  connect(d.seedBox, &QSpinBox::valueChanged, this, [this](int seed) {
    impl_->seed = static_cast<uint64_t>(seed);
    emit changed();
  });

  setRunSpec(RunSpec{});
}

RunEditor::~RunEditor() = default;

void RunEditor::setRunSpec(const RunSpec& spec, ParamMemory memory) {
  Impl& d = *impl_;
  d.spec = spec;
  d.memory = std::move(memory);
  d.seed = spec.seed;
  d.label->setText(QString::fromStdString(spec.label));

  // An unknown name (never from the parser) falls back to the first entry and its defaults.
  if (!d.optimizer->setCurrentName(spec.optimizer)) {
    d.optimizer->setCurrentName(optimizerRegistry().entries().front().name);
  }
  d.spec.optimizer = d.optimizer->currentName();
  d.optimizerParams->setSpecs(paramsOf(optimizerRegistry(), d.spec.optimizer),
                              spec.optimizerParams);
  d.memory[d.spec.optimizer] = d.optimizerParams->values();
  if (!d.schedule->setCurrentName(spec.schedule)) {
    d.schedule->setCurrentName(scheduleRegistry().entries().front().name);
  }
  d.scheduleParams->setSpecs(paramsOf(scheduleRegistry(), d.schedule->currentName()),
                             spec.scheduleParams);
  ParamValues warmup;
  warmup.set("warmup_steps", static_cast<double>(spec.warmupSteps));
  warmup.set("warmup_start", spec.warmupStartFactor);
  d.warmup->setValues(warmup);

  {
    const QSignalBlocker block(d.clipMode);
    for (int i = 0; i < 3; ++i) {
      if (kClipModes[i] == spec.clipping.mode) d.clipMode->setCurrentIndex(i);
    }
  }
  ParamValues clip;
  clip.set("threshold", spec.clipping.threshold);
  d.clipParams->setValues(clip);
  d.clipParams->setEnabled(spec.clipping.mode != Clipping::Mode::None);

  if (!d.noise->setCurrentName(spec.noise)) {
    d.noise->setCurrentName(noiseRegistry().entries().front().name);
  }
  d.noiseParams->setSpecs(paramsOf(noiseRegistry(), d.noise->currentName()), spec.noiseParams);
  {
    const QSignalBlocker block(d.seedBox);
    d.seedBox->setValue(spec.seed > static_cast<uint64_t>(INT_MAX) ? INT_MAX
                                                                   : static_cast<int>(spec.seed));
  }
  d.minibatch->setValue(spec.minibatch);
  d.curvature->setValue(spec.curvature);
  d.showHelp();
}

const RunEditor::ParamMemory& RunEditor::paramMemory() const {
  return impl_->memory;
}

void RunEditor::setSampleCount(int64_t samples) {
  impl_->minibatch->setSampleCount(samples);
}

RunSpec RunEditor::runSpec() const {
  const Impl& d = *impl_;
  RunSpec out = d.spec;
  out.label = d.label->text().toStdString();
  out.optimizer = d.optimizer->currentName();
  out.optimizerParams = d.optimizerParams->values();
  out.schedule = d.schedule->currentName();
  out.scheduleParams = d.scheduleParams->values();
  const ParamValues warmup = d.warmup->values();
  out.warmupSteps = warmup.integer("warmup_steps");
  out.warmupStartFactor = warmup.get("warmup_start");
  out.clipping.mode = d.clipModeValue();
  out.clipping.threshold = d.clipParams->values().get("threshold");
  out.noise = d.noise->currentName();
  out.noiseParams = d.noiseParams->values();
  out.seed = d.seed;
  out.minibatch = d.minibatch->value();
  out.curvature = d.curvature->value();
  return out;
}

QSize RunEditor::minimumSizeHint() const {
  return {QWidget::minimumSizeHint().width(), sizeHint().height()};
}

}  // namespace gradscape::gui
