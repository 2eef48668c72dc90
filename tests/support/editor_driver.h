#pragma once
// Driving the editors (RunEditor, ObjectiveEditor, ParamForm) in the GUI suites: their widgets
// found by object name, typed into and picked from as a user would; and for the run editor,
// registry-built parameter values and a run with every section set.
#include <QComboBox>
#include <QLineEdit>
#include <QObject>
#include <QPoint>
#include <QSpinBox>
#include <QString>
#include <QWidget>
#include <QtTest>

#include <string>

#include "core/optimizers/optimizer_registry.h"
#include "core/oracles/noise_model.h"
#include "core/run/run_spec.h"
#include "core/schedules/schedule_registry.h"

namespace gradscape::testing {

// The registry defaults of optimizer `name` with `given` set over them.
inline ParamValues optimizerValues(const std::string& name, const ParamValues& given) {
  return ParamValues::withDefaults(optimizerRegistry().find(name)->params, given);
}

// A run that sets a value in every section of the editor (none left at its default).
inline RunSpec richSpec() {
  RunSpec spec;
  spec.label = "Adam, warm cosine";
  spec.optimizer = "adam";
  ParamValues adam;
  adam.set("lr", 0.003);
  adam.set("beta1", 0.85);
  adam.set("beta2", 0.995);
  adam.set("eps", 1e-7);
  spec.optimizerParams = optimizerValues("adam", adam);
  spec.schedule = "cosine";
  ParamValues cosine;
  cosine.set("t_max", 500);
  cosine.set("min_factor", 0.05);
  spec.scheduleParams =
      ParamValues::withDefaults(scheduleRegistry().find("cosine")->params, cosine);
  spec.warmupSteps = 50;
  spec.warmupStartFactor = 0.1;
  spec.clipping.mode = Clipping::Mode::Norm;
  spec.clipping.threshold = 2.5;
  spec.noise = "gaussian";
  ParamValues gaussian;
  gaussian.set("sigma", 0.3);
  spec.noiseParams = ParamValues::withDefaults(noiseRegistry().find("gaussian")->params, gaussian);
  spec.seed = 12345;
  spec.start = Vec(2);
  spec.start << 1.5, -2.25;
  spec.stop.maxIterations = 777;
  spec.stop.targetLoss = 1e-3;
  return spec;
}

// The child widget of `parent` with this object name.
template <class W>
W* child(const QObject* parent, const QString& name) {
  return parent->findChild<W*>(name);
}

// Types `text` over an entry's contents and commits it with Enter, as a user would.
inline void typeInto(QLineEdit* entry, const QString& text) {
  entry->selectAll();
  QTest::keyClicks(entry, text);
  QTest::keyClick(entry, Qt::Key_Return);
}

// Types `text` into a spin box and commits it with Enter, as a user would.
inline void typeInto(QSpinBox* box, const QString& text) {
  box->setFocus();
  box->selectAll();
  QTest::keyClicks(box, text);
  QTest::keyClick(box, Qt::Key_Return);
}

inline QPoint topLeftIn(const QWidget* widget, const QWidget* ancestor) {
  return widget->mapTo(ancestor, QPoint(0, 0));
}

// Picks the item whose data is `name`, as choosing it from the list would.
inline void select(QComboBox* combo, const QString& name) {
  const int index = combo->findData(name);
  QVERIFY2(index >= 0, qPrintable(name));
  combo->setCurrentIndex(index);
}

}  // namespace gradscape::testing
