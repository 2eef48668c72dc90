// ObjectiveEditor edits what all runs share. Expectations come from the registry's defaults and
// from the scenario handed in.
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

#include "app/gui/number_entry.h"
#include "app/gui/objective_editor.h"
#include "core/objectives/objective_registry.h"
#include "support/editor_driver.h"

using namespace gradscape;
using gradscape::gui::NumberEntry;
using gradscape::gui::ObjectiveEditor;
using gradscape::testing::child;
using gradscape::testing::typeInto;

namespace {

Scenario rosenbrockScenario() {
  Scenario s;
  s.objective.type = "rosenbrock";
  ParamValues p;
  p.set("a", 2.0);
  p.set("b", 50.0);
  s.objective.params = ParamValues::withDefaults(objectiveRegistry().find("rosenbrock")->params, p);
  s.start = Vec(2);
  s.start << -1.234567891, 2.5;
  s.stop.maxIterations = 25000;
  s.stop.gradTol = 1e-6;
  s.stop.targetLoss = -3.5;
  s.stop.divergenceBound = 1e6;
  return s;
}

}  // namespace

class TestObjectiveEditor : public QObject {
  Q_OBJECT

 private slots:
  void roundTripsObjectiveStartAndStopWithoutEmitting() {
    ObjectiveEditor editor;
    QSignalSpy objective(&editor, &ObjectiveEditor::objectiveChanged);
    QSignalSpy start(&editor, &ObjectiveEditor::startChanged);
    QSignalSpy stop(&editor, &ObjectiveEditor::stopRulesChanged);
    const Scenario s = rosenbrockScenario();
    editor.setScenario(s);
    QVERIFY(editor.objective() == s.objective);
    QCOMPARE(editor.start(), s.start);  // exact, though 6 digits are shown
    QVERIFY(editor.stopRules() == s.stop);
    QCOMPARE(child<QLineEdit>(&editor, "startX")->text(), QStringLiteral("-1.23457"));
    QCOMPARE(objective.size() + start.size() + stop.size(), 0);

    Scenario open = s;  // no target loss, a limit beyond the spin box's range
    open.stop.targetLoss.reset();
    open.stop.maxIterations = 10'000'000'000;
    editor.setScenario(open);
    QVERIFY(editor.stopRules() == open.stop);
    QVERIFY(!child<QLineEdit>(&editor, "targetLoss")->isEnabled());
  }

  void changingTypeResetsParamsToDefaultsAndEmits() {
    ObjectiveEditor editor;
    editor.setScenario(rosenbrockScenario());
    QSignalSpy spy(&editor, &ObjectiveEditor::objectiveChanged);
    auto* combo = child<QComboBox>(&editor, "objective");
    combo->setCurrentIndex(combo->findData(QStringLiteral("rastrigin")));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(editor.objective().type, std::string("rastrigin"));
    QVERIFY(editor.objective().params ==
            ParamValues::defaults(objectiveRegistry().find("rastrigin")->params));
    combo->setCurrentIndex(combo->findData(QStringLiteral("rosenbrock")));
    QCOMPARE(spy.size(), 2);
    QCOMPARE(editor.objective().params.get("a"), 1.0);  // the default, not the earlier 2
    QVERIFY(editor.start() == rosenbrockScenario().start);
  }

  void editingAParameterEmitsObjectiveChanged() {
    ObjectiveEditor editor;
    editor.setScenario(rosenbrockScenario());
    QSignalSpy spy(&editor, &ObjectiveEditor::objectiveChanged);
    auto* b = editor.findChild<QLineEdit*>("param.b.entry");
    QVERIFY(b);
    typeInto(b, "20");
    QCOMPARE(spy.size(), 1);
    QCOMPARE(editor.objective().params.get("b"), 20.0);
  }

  void setStartDoesNotEmitButTypingDoes() {
    ObjectiveEditor editor;
    editor.setScenario(rosenbrockScenario());
    QSignalSpy spy(&editor, &ObjectiveEditor::startChanged);
    editor.setStart(0.5, -0.25);
    QCOMPARE(spy.size(), 0);
    Vec expected(2);
    expected << 0.5, -0.25;
    QCOMPARE(editor.start(), expected);
    typeInto(child<QLineEdit>(&editor, "startY"), "3");
    QCOMPARE(spy.size(), 1);
    expected << 0.5, 3.0;
    QCOMPARE(editor.start(), expected);
    typeInto(child<QLineEdit>(&editor, "startX"), "east");
    QCOMPARE(spy.size(), 1);
    QCOMPARE(editor.start(), expected);
  }

  void stopRuleEditsAreCheckedAndEmitted() {
    ObjectiveEditor editor;
    editor.setScenario(rosenbrockScenario());
    QSignalSpy spy(&editor, &ObjectiveEditor::stopRulesChanged);

    auto* gradTol = child<NumberEntry>(&editor, "gradTol");
    typeInto(gradTol, "-1");
    QCOMPARE(spy.size(), 0);
    QCOMPARE(gradTol->toolTip(), QStringLiteral("must be >= 0, got -1"));
    typeInto(gradTol, "0");
    QCOMPARE(spy.size(), 1);
    QCOMPARE(editor.stopRules().gradTol, 0.0);

    auto* divergence = child<NumberEntry>(&editor, "divergenceBound");
    typeInto(divergence, "0");
    QCOMPARE(spy.size(), 1);
    QCOMPARE(divergence->toolTip(), QStringLiteral("must be > 0, got 0"));
    QCOMPARE(editor.stopRules().divergenceBound, 1e6);

    child<QCheckBox>(&editor, "targetLossEnabled")->click();
    QCOMPARE(spy.size(), 2);
    QVERIFY(!editor.stopRules().targetLoss.has_value());
    QVERIFY(!child<QLineEdit>(&editor, "targetLoss")->isEnabled());

    auto* maxIter = child<QSpinBox>(&editor, "maxIterations");
    QCOMPARE(maxIter->maximum(), 100'000'000);
    QVERIFY(maxIter->isGroupSeparatorShown());
    maxIter->setValue(1'000'000);
    QCOMPARE(spy.size(), 3);
    QCOMPARE(editor.stopRules().maxIterations, int64_t{1'000'000});
  }
};

QTEST_MAIN(TestObjectiveEditor)
#include "test_objective_editor.moc"
