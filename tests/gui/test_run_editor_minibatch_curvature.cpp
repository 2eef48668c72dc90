// RunEditor's minibatch and curvature controls: they round-trip a run's settings, emit once per
// committed edit, follow the objective's sample count, and line up with the sections above them.
// Expectations come from the spec handed in (richSpec) and from the registries. The rest of the
// editor: test_run_editor.cpp.
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

class TestRunEditorMinibatchCurvature : public QObject {
  Q_OBJECT

 private slots:
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

QTEST_MAIN(TestRunEditorMinibatchCurvature)
#include "test_run_editor_minibatch_curvature.moc"
