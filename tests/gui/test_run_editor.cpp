// RunEditor edits one run. Expectations are built from the registries (defaults, help lines) and
// from the spec handed in, independent of the editor's own widgets.
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QtTest>

#include "app/gui/number_entry.h"
#include "app/gui/param_form.h"
#include "app/gui/run_editor.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/oracles/noise_model.h"
#include "core/schedules/schedule_registry.h"

using namespace gradscape;
using gradscape::gui::ParamForm;
using gradscape::gui::RunEditor;

namespace {

ParamValues optimizerValues(const std::string& name, const ParamValues& given) {
  return ParamValues::withDefaults(optimizerRegistry().find(name)->params, given);
}

RunSpec richSpec() {
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

template <class W>
W* child(const QObject* parent, const QString& name) {
  return parent->findChild<W*>(name);
}

// Types `text` into a spin box and commits it with Enter, as a user would.
void typeInto(QSpinBox* box, const QString& text) {
  box->setFocus();
  box->selectAll();
  QTest::keyClicks(box, text);
  QTest::keyClick(box, Qt::Key_Return);
}

QPoint topLeftIn(const QWidget* widget, const QWidget* ancestor) {
  return widget->mapTo(ancestor, QPoint(0, 0));
}

void select(QComboBox* combo, const QString& name) {
  const int index = combo->findData(name);
  QVERIFY2(index >= 0, qPrintable(name));
  combo->setCurrentIndex(index);
}

}  // namespace

class TestRunEditor : public QObject {
  Q_OBJECT

 private slots:
  void roundTripsANonTrivialSpecWithoutEmitting() {
    RunEditor editor;
    QSignalSpy spy(&editor, &RunEditor::changed);
    const RunSpec spec = richSpec();
    editor.setRunSpec(spec);
    QCOMPARE(spy.size(), 0);
    QVERIFY(editor.runSpec() == spec);
    QCOMPARE(child<QComboBox>(&editor, "optimizer")->currentText(), QStringLiteral("Adam"));
    QCOMPARE(child<QComboBox>(&editor, "clipMode")->currentText(), QStringLiteral("norm"));
    QCOMPARE(child<QSpinBox>(&editor, "seed")->value(), 12345);
    QVERIFY(child<ParamForm>(&editor, "clipParams")->isEnabled());

    // And back to a plain run: nothing of the rich one lingers.
    RunSpec plain;
    plain.label = "SGD";
    plain.optimizerParams = optimizerValues("sgd", {});
    editor.setRunSpec(plain);
    QVERIFY(editor.runSpec() == plain);
    QVERIFY(!child<ParamForm>(&editor, "clipParams")->isEnabled());
    QCOMPARE(spy.size(), 0);
  }

  void switchingOptimizerStartsFromItsDefaultsAndBackRestoresTheRunsValues() {
    RunEditor editor;
    editor.setRunSpec(richSpec());
    QSignalSpy spy(&editor, &RunEditor::changed);
    select(child<QComboBox>(&editor, "optimizer"), "rmsprop");
    QCOMPARE(spy.size(), 1);
    // RMSprop starts from its own defaults: Adam's lr (0.003) and eps are Adam's, not its.
    RunSpec edited = editor.runSpec();
    QCOMPARE(edited.optimizer, std::string("rmsprop"));
    QVERIFY(edited.optimizerParams == optimizerValues("rmsprop", {}));
    auto* form = child<ParamForm>(&editor, "optimizerParams");
    QVERIFY(form->findChild<QSlider*>("param.alpha.slider"));
    QVERIFY(!form->findChild<QSlider*>("param.beta1.slider"));
    // A custom label stays; the rest of the run is untouched.
    QCOMPARE(edited.label, std::string("Adam, warm cosine"));
    QCOMPARE(edited.schedule, std::string("cosine"));
    QCOMPARE(edited.seed, uint64_t{12345});

    // Back to Adam: the values this run had for Adam, betas and all.
    select(child<QComboBox>(&editor, "optimizer"), "adam");
    QCOMPARE(spy.size(), 2);
    QVERIFY(editor.runSpec().optimizerParams == richSpec().optimizerParams);
    QCOMPARE(editor.paramMemory().size(), size_t{2});

    // A run shown without a memory starts afresh: RMSprop at its defaults again.
    editor.setRunSpec(richSpec());
    select(child<QComboBox>(&editor, "optimizer"), "rmsprop");
    QVERIFY(editor.runSpec().optimizerParams == optimizerValues("rmsprop", {}));
  }

  void anLrInvalidForTheNewOptimizerFallsBackToItsDefault() {
    RunEditor editor;
    RunSpec spec;
    spec.optimizer = "heavy_ball";
    ParamValues big;
    big.set("lr", 500.0);  // heavy ball allows up to 1e3, Adam up to 1e2
    spec.optimizerParams = optimizerValues("heavy_ball", big);
    spec.label = optimizerRegistry().find("heavy_ball")->title;
    editor.setRunSpec(spec);
    select(child<QComboBox>(&editor, "optimizer"), "adam");
    QVERIFY(editor.runSpec().optimizerParams == optimizerValues("adam", {}));
    // A label that was the old optimizer's title follows the new one.
    QCOMPARE(editor.runSpec().label, std::string("Adam"));
  }

  void changedFiresOnEveryKindOfEdit() {
    RunEditor editor;
    editor.setRunSpec(richSpec());
    QSignalSpy spy(&editor, &RunEditor::changed);

    auto* lrEntry =
        child<ParamForm>(&editor, "optimizerParams")->findChild<QLineEdit*>("param.lr.entry");
    QVERIFY(lrEntry);
    lrEntry->selectAll();
    QTest::keyClicks(lrEntry, "0.02");
    QTest::keyClick(lrEntry, Qt::Key_Return);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(editor.runSpec().optimizerParams.get("lr"), 0.02);

    child<QComboBox>(&editor, "clipMode")->setCurrentIndex(0);
    QCOMPARE(spy.size(), 2);
    QVERIFY(!child<ParamForm>(&editor, "clipParams")->isEnabled());
    QVERIFY(editor.runSpec().clipping.mode == Clipping::Mode::None);
    child<QComboBox>(&editor, "clipMode")->setCurrentIndex(2);
    QVERIFY(child<ParamForm>(&editor, "clipParams")->isEnabled());
    QVERIFY(editor.runSpec().clipping.mode == Clipping::Mode::Value);
    QCOMPARE(spy.size(), 3);

    child<QSpinBox>(&editor, "seed")->setValue(7);
    QCOMPARE(spy.size(), 4);
    QCOMPARE(editor.runSpec().seed, uint64_t{7});

    auto* warmup = child<ParamForm>(&editor, "warmupParams");
    warmup->findChild<QSpinBox*>("param.warmup_steps.spin")->setValue(80);
    QCOMPARE(spy.size(), 5);
    QCOMPARE(editor.runSpec().warmupSteps, int64_t{80});

    select(child<QComboBox>(&editor, "noise"), "none");
    QCOMPARE(spy.size(), 6);
    QCOMPARE(editor.runSpec().noise, std::string("none"));
    QVERIFY(editor.runSpec().noiseParams == ParamValues{});

    QTest::keyClicks(child<QLineEdit>(&editor, "label"), "!");
    QCOMPARE(spy.size(), 7);
    QCOMPARE(editor.runSpec().label, std::string("Adam, warm cosine!"));
  }

  void invalidTypedHyperparameterIsNotApplied() {
    RunEditor editor;
    editor.setRunSpec(richSpec());
    QSignalSpy spy(&editor, &RunEditor::changed);
    auto* beta1 = child<ParamForm>(&editor, "optimizerParams")
                      ->findChild<gui::NumberEntry*>("param.beta1.entry");
    QVERIFY(beta1);
    beta1->selectAll();
    QTest::keyClicks(beta1, "1");
    QTest::keyClick(beta1, Qt::Key_Return);
    QCOMPARE(spy.size(), 0);
    QCOMPARE(beta1->toolTip(), QStringLiteral("must be < 1, got 1"));
    QVERIFY(editor.runSpec() == richSpec());
  }

  void optimizerItemsCarryTheRegistryHelp() {
    RunEditor editor;
    auto* combo = child<QComboBox>(&editor, "optimizer");
    const auto& entries = optimizerRegistry().entries();
    QCOMPARE(combo->count(), static_cast<int>(entries.size()));
    for (int i = 0; i < combo->count(); ++i) {
      const auto& e = entries[static_cast<size_t>(i)];
      QCOMPARE(combo->itemText(i), QString::fromStdString(e.title));
      QCOMPARE(combo->itemData(i).toString(), QString::fromStdString(e.name));
      QCOMPARE(combo->itemData(i, Qt::ToolTipRole).toString(), QString::fromStdString(e.help));
    }
    editor.setRunSpec(richSpec());
    const QString adamHelp = QString::fromStdString(optimizerRegistry().find("adam")->help);
    QCOMPARE(child<QLabel>(&editor, "optimizerHelp")->text(), adamHelp);
    QCOMPARE(combo->toolTip(), adamHelp);
  }

  void minibatchAndCurvatureRoundTripWithoutEmitting() {
    RunEditor editor;
    QSignalSpy spy(&editor, &RunEditor::changed);
    RunSpec spec = richSpec();
    spec.minibatch = {16, true};
    spec.curvature.every = 10;
    spec.curvature.trace = true;
    spec.curvature.traceProbes = 40;  // not edited here, but passed through
    editor.setRunSpec(spec);
    QCOMPARE(spy.size(), 0);
    QVERIFY(editor.runSpec() == spec);
    QCOMPARE(child<QSpinBox>(&editor, "minibatchSize")->value(), 16);
    QVERIFY(child<QCheckBox>(&editor, "minibatchReplacement")->isChecked());
    QCOMPARE(child<QSpinBox>(&editor, "curvatureEvery")->value(), 10);
    QVERIFY(child<QCheckBox>(&editor, "curvatureTrace")->isChecked());
    QVERIFY(child<QCheckBox>(&editor, "curvatureTrace")->isEnabled());

    editor.setSampleCount(300);
    QVERIFY(editor.runSpec() == spec);
    QCOMPARE(spy.size(), 0);

    // Back to a plain run: nothing lingers, and the box shows its special words.
    editor.setRunSpec(richSpec());
    QVERIFY(editor.runSpec() == richSpec());
    QCOMPARE(child<QSpinBox>(&editor, "minibatchSize")->text(), QStringLiteral("full batch"));
    QCOMPARE(child<QSpinBox>(&editor, "curvatureEvery")->text(), QStringLiteral("off"));
    QVERIFY(!child<QCheckBox>(&editor, "curvatureTrace")->isEnabled());
    QCOMPARE(spy.size(), 0);
  }

  void editingMinibatchAndCurvatureEmitsOncePerCommit() {
    RunEditor editor;
    editor.setRunSpec(richSpec());
    editor.setSampleCount(200);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy spy(&editor, &RunEditor::changed);

    auto* size = child<QSpinBox>(&editor, "minibatchSize");
    typeInto(size, "32");
    QCOMPARE(spy.size(), 1);
    QCOMPARE(editor.runSpec().minibatch.size, int64_t{32});
    QCOMPARE(size->text(), QStringLiteral("32 samples"));

    QTest::mouseClick(child<QCheckBox>(&editor, "minibatchReplacement"), Qt::LeftButton);
    QCOMPARE(spy.size(), 2);
    QVERIFY(editor.runSpec().minibatch.replacement);

    auto* every = child<QSpinBox>(&editor, "curvatureEvery");
    auto* trace = child<QCheckBox>(&editor, "curvatureTrace");
    QVERIFY(!trace->isEnabled());
    typeInto(every, "25");
    QCOMPARE(spy.size(), 3);
    QCOMPARE(editor.runSpec().curvature.every, int64_t{25});
    QCOMPARE(every->text(), QStringLiteral("every 25 steps"));
    QVERIFY(trace->isEnabled());
    QTest::keyClick(every, Qt::Key_Up);
    QCOMPARE(spy.size(), 4);
    QCOMPARE(editor.runSpec().curvature.every, int64_t{26});

    QTest::mouseClick(trace, Qt::LeftButton);
    QCOMPARE(spy.size(), 5);
    QVERIFY(editor.runSpec().curvature.trace);

    // The rest of the run is untouched by these edits.
    RunSpec expected = richSpec();
    expected.minibatch = {32, true};
    expected.curvature.every = 26;
    expected.curvature.trace = true;
    QVERIFY(editor.runSpec() == expected);
  }

  void minibatchControlsFollowTheSampleCount() {
    RunEditor editor;
    auto* size = child<QSpinBox>(&editor, "minibatchSize");
    auto* replacement = child<QCheckBox>(&editor, "minibatchReplacement");
    QSignalSpy spy(&editor, &RunEditor::changed);
    const QString notASum = QStringLiteral(
        "This objective is not a sum over samples; minibatches need a model fitted to data");

    editor.setSampleCount(0);
    QVERIFY(!size->isEnabled());
    QVERIFY(!replacement->isEnabled());
    QCOMPARE(size->toolTip(), notASum);
    QCOMPARE(replacement->toolTip(), notASum);

    editor.setSampleCount(200);
    QVERIFY(size->isEnabled());
    QVERIFY(replacement->isEnabled());
    QCOMPARE(size->maximum(), 200);
    QVERIFY(size->toolTip().startsWith(QStringLiteral("Samples per gradient step")));
    QVERIFY(replacement->toolTip().startsWith(QStringLiteral("Draw each batch independently")));

    editor.setSampleCount(0);
    QVERIFY(!size->isEnabled());
    QCOMPARE(spy.size(), 0);
  }

  void aMinibatchLargerThanTheDataIsClampedOnlyByAnEdit() {
    RunEditor editor;
    RunSpec spec = richSpec();
    spec.minibatch.size = 500;
    editor.setRunSpec(spec);
    editor.setSampleCount(200);
    auto* size = child<QSpinBox>(&editor, "minibatchSize");
    QCOMPARE(size->value(), 200);
    QCOMPARE(editor.runSpec().minibatch.size, int64_t{500});
    // More data again: the kept size shows in full.
    editor.setSampleCount(1000);
    QCOMPARE(size->value(), 500);
    editor.setSampleCount(200);

    QSignalSpy spy(&editor, &RunEditor::changed);
    QTest::keyClick(size, Qt::Key_Down);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(editor.runSpec().minibatch.size, int64_t{199});
  }

  void curvatureTraceIsEnabledOnlyWhileTracking() {
    RunEditor editor;
    auto* every = child<QSpinBox>(&editor, "curvatureEvery");
    auto* trace = child<QCheckBox>(&editor, "curvatureTrace");
    QCOMPARE(every->minimum(), 0);
    QCOMPARE(every->maximum(), 1000000);
    QVERIFY(!trace->isEnabled());
    every->setValue(5);
    QVERIFY(trace->isEnabled());
    every->setValue(0);
    QVERIFY(!trace->isEnabled());

    // A trace flag without tracking is shown (disabled) and passed through as given.
    RunSpec spec = richSpec();
    spec.curvature.trace = true;
    editor.setRunSpec(spec);
    QVERIFY(trace->isChecked());
    QVERIFY(!trace->isEnabled());
    QVERIFY(editor.runSpec() == spec);
  }

  void newRowsLineUpWithTheirSections() {
    RunEditor editor;
    RunSpec spec = richSpec();
    spec.minibatch = {64, false};
    spec.curvature.every = 10;
    editor.setRunSpec(spec);
    editor.setSampleCount(1000);
    editor.resize(340, 1000);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));

    auto* gradient = child<QGroupBox>(&editor, "gradientGroup");
    auto* curvature = child<QGroupBox>(&editor, "curvatureGroup");
    QVERIFY(gradient && curvature);
    QCOMPARE(curvature->title(), QStringLiteral("Curvature"));
    QVERIFY(gradient->isAncestorOf(child<QSpinBox>(&editor, "minibatchSize")));
    QVERIFY(curvature->isAncestorOf(child<QSpinBox>(&editor, "curvatureEvery")));
    QVERIFY(curvature->geometry().top() >= gradient->geometry().bottom());
    // The new controls start in the same column as the seed box, the check boxes under them.
    const int column = topLeftIn(child<QSpinBox>(&editor, "seed"), &editor).x();
    for (const char* name :
         {"minibatchSize", "minibatchReplacement", "curvatureEvery", "curvatureTrace"}) {
      QCOMPARE(topLeftIn(child<QWidget>(&editor, name), &editor).x(), column);
    }
    // The short spin boxes share one width, wide enough for the longest interval text.
    QCOMPARE(child<QSpinBox>(&editor, "minibatchSize")->width(),
             child<QSpinBox>(&editor, "seed")->width());
    QCOMPARE(child<QSpinBox>(&editor, "curvatureEvery")->width(),
             child<QSpinBox>(&editor, "seed")->width());
    auto* every = child<QSpinBox>(&editor, "curvatureEvery");
    every->setValue(every->maximum());
    QVERIFY2(
        every->width() >= every->sizeHint().width(),
        qPrintable(QStringLiteral("%1 < %2").arg(every->width()).arg(every->sizeHint().width())));

    if (qEnvironmentVariableIsSet("GRADSCAPE_SHOT_DIR")) {
      every->setValue(10);
      editor.grab().save(qEnvironmentVariable("GRADSCAPE_SHOT_DIR") + "/run_editor.png");
    }
  }
};

QTEST_MAIN(TestRunEditor)
#include "test_run_editor.moc"
