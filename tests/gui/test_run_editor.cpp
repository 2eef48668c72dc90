// RunEditor edits one run: optimizer, schedule, warm-up, clipping, noise, seed and stop rules.
// Expectations are built from the registries (defaults, help lines) and from the spec handed in,
// independent of the editor's own widgets. Minibatch and curvature controls:
// test_run_editor_minibatch_curvature.cpp.
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
#include "support/editor_driver.h"

using namespace gradscape;
using namespace gradscape::testing;
using gradscape::gui::ParamForm;
using gradscape::gui::RunEditor;

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
};

QTEST_MAIN(TestRunEditor)
#include "test_run_editor.moc"
