// ParamForm builds its controls from a parameter list. Expected slider values are computed by
// hand from the mapping documented in log_slider.h: v = lo (hi / lo)^(p / 1000) on a log scale,
// v = lo + (hi - lo) p / 1000 on a linear one.
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QtTest>

#include <climits>

#include "app/gui/number_entry.h"
#include "app/gui/param_form.h"
#include "support/editor_driver.h"

using namespace gradscape;
using gradscape::gui::NumberEntry;
using gradscape::gui::ParamForm;
using gradscape::testing::child;
using gradscape::testing::typeInto;

namespace {

ParamSpec openBeta() {
  ParamSpec s = ParamSpec::real("beta", 0.9, 0.0, 1.0, "decay rate");
  s.maxInclusive = false;
  return s;
}

// lr: log, valid (0, 100], slider [1e-6, 1] (the default 1e-3 times 1/1000 and 1000).
// gain: log, valid [0.01, 100] spans 4 decades, so the slider covers all of it.
std::vector<ParamSpec> testSpecs() {
  return {ParamSpec::positive("lr", 1e-3, 1e2, "learning rate"),
          ParamSpec::real("gain", 1.0, 0.01, 100.0, "a gain", true),
          openBeta(),
          ParamSpec::integer("history", 10, 1, 100, "pairs kept"),
          ParamSpec::flag("nesterov", false, "Nesterov momentum"),
          ParamSpec::choice("shape", 1, {"cos", "linear", "step"}, "shape of the decay")};
}

}  // namespace

class TestParamForm : public QObject {
  Q_OBJECT

 private slots:
  void buildsOneRowOfTheRightKindPerSpec() {
    ParamForm form;
    form.setSpecs(testSpecs(), {});
    const auto labels =
        form.findChildren<QLabel*>(QRegularExpression(QStringLiteral("^param\\..*\\.label$")));
    QCOMPARE(labels.size(), 6);
    for (const char* real : {"lr", "gain", "beta"}) {
      const QString p = QStringLiteral("param.%1").arg(real);
      QVERIFY2(child<QSlider>(&form, p + ".slider"), real);
      QVERIFY2(child<NumberEntry>(&form, p + ".entry"), real);
    }
    QVERIFY(child<QSpinBox>(&form, "param.history.spin"));
    QVERIFY(!child<QSlider>(&form, "param.history.slider"));
    QVERIFY(child<QCheckBox>(&form, "param.nesterov.check"));
    auto* combo = child<QComboBox>(&form, "param.shape.combo");
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->itemText(2), QStringLiteral("step"));
    QCOMPARE(child<QLabel>(&form, "param.lr.label")->text(), QStringLiteral("lr"));
    QCOMPARE(child<QLabel>(&form, "param.lr.label")->toolTip(),
             QStringLiteral("lr — learning rate. Range: (0, 100], log scale. Default: 0.001"));
    QCOMPARE(form.specs().size(), size_t{6});
  }

  void rebuildingReplacesTheRows() {
    ParamForm form;
    form.setSpecs(testSpecs(), {});
    form.setSpecs({ParamSpec::real("sigma", 0.1, 0.0, 1e3, "noise")}, {});
    QVERIFY(!child<QSlider>(&form, "param.lr.slider"));
    QVERIFY(child<QSlider>(&form, "param.sigma.slider"));
    ParamValues expected;
    expected.set("sigma", 0.1);
    QCOMPARE(form.values(), expected);
  }

  void valuesMergeGivenValuesWithDefaults() {
    ParamForm form;
    ParamValues given;
    given.set("shape", 2);
    given.set("lr", 0.01);
    given.set("not_a_param", 7);  // ignored: values() holds the specs' parameters only
    form.setSpecs(testSpecs(), given);
    ParamValues expected;  // spec order
    expected.set("lr", 0.01);
    expected.set("gain", 1.0);
    expected.set("beta", 0.9);
    expected.set("history", 10);
    expected.set("nesterov", 0);
    expected.set("shape", 2);
    QCOMPARE(form.values(), expected);
    QCOMPARE(child<QLineEdit>(&form, "param.lr.entry")->text(), QStringLiteral("0.01"));
    QCOMPARE(child<QComboBox>(&form, "param.shape.combo")->currentIndex(), 2);
  }

  void logSliderMiddleIsTheGeometricMeanOfItsEnds() {
    ParamForm form;
    form.setSpecs(testSpecs(), {});
    QSignalSpy spy(&form, &ParamForm::valuesChanged);
    auto* gain = child<QSlider>(&form, "param.gain.slider");
    QCOMPARE(gain->minimum(), 0);
    QCOMPARE(gain->maximum(), 1000);
    gain->setValue(0);
    QCOMPARE(form.values().get("gain"), 0.01);
    gain->setValue(1000);
    QCOMPARE(form.values().get("gain"), 100.0);
    gain->setValue(500);  // sqrt(0.01 * 100) = 1
    QCOMPARE(form.values().get("gain"), 1.0);
    gain->setValue(750);  // 0.01 * 10^(4 * 0.75) = 10
    QCOMPARE(form.values().get("gain"), 10.0);
    QCOMPARE(spy.size(), 4);
    QCOMPARE(spy.last().at(0).toString(), QStringLiteral("gain"));

    auto* lr = child<QSlider>(&form, "param.lr.slider");
    lr->setValue(500);  // sqrt(1e-6 * 1) = 1e-3
    QVERIFY(qFuzzyCompare(form.values().get("lr"), 1e-3));
    lr->setValue(1000);  // the slider stops at default * 1000, well inside (0, 100]
    QCOMPARE(form.values().get("lr"), 1.0);
    QCOMPARE(child<QLineEdit>(&form, "param.lr.entry")->text(), QStringLiteral("1"));
  }

  void linearSliderStopsOneStepInsideAnOpenEnd() {
    ParamForm form;
    form.setSpecs(testSpecs(), {});
    auto* beta = child<QSlider>(&form, "param.beta.slider");
    QCOMPARE(beta->value(), 900);  // 0.9 on [0, 1]
    beta->setValue(500);
    QCOMPARE(form.values().get("beta"), 0.5);
    beta->setValue(1000);  // 1 is outside [0, 1): the position before it, 0.999
    QCOMPARE(form.values().get("beta"), 0.999);
  }

  void hugeRangesGiveASliderAroundTheDefault() {
    ParamForm form;
    form.setSpecs({ParamSpec::real("lambda", 1e-4, 0.0, 1e3, "regularization", true),
                   ParamSpec::real("sigma", 0.1, 0.0, 1e3, "noise"),
                   ParamSpec::integer("steps", 5, 0, 1e12, "steps")},
                  {});
    auto* lambda = child<QSlider>(&form, "param.lambda.slider");
    lambda->setValue(0);
    QVERIFY(qFuzzyCompare(form.values().get("lambda"), 1e-7));
    lambda->setValue(1000);
    QVERIFY(qFuzzyCompare(form.values().get("lambda"), 1e-1));
    // Linear: [0, 1000] is cut to 0.1 +- 10 within the valid range, i.e. [0, 10.1].
    auto* sigma = child<QSlider>(&form, "param.sigma.slider");
    sigma->setValue(1000);
    QCOMPARE(form.values().get("sigma"), 10.1);
    // The entry still takes the whole valid range; the handle parks at the end.
    typeInto(child<QLineEdit>(&form, "param.lambda.entry"), "500");
    QCOMPARE(form.values().get("lambda"), 500.0);
    QCOMPARE(lambda->value(), 1000);
    QCOMPARE(child<QSpinBox>(&form, "param.steps.spin")->maximum(), INT_MAX);
  }

  void typingAValidValueCommitsIt() {
    ParamForm form;
    form.setSpecs(testSpecs(), {});
    QSignalSpy spy(&form, &ParamForm::valuesChanged);
    auto* entry = child<NumberEntry>(&form, "param.lr.entry");
    typeInto(entry, "0.05");
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("lr"));
    QCOMPARE(form.values().get("lr"), 0.05);
    // 1000 * log10(0.05 / 1e-6) / 6 = 783.2
    QCOMPARE(child<QSlider>(&form, "param.lr.slider")->value(), 783);
    QVERIFY(!entry->hasError());
    // The same value again is no change.
    typeInto(entry, "5e-2");
    QCOMPARE(spy.size(), 1);
  }

  void typingAnInvalidValueIsMarkedAndNotEmitted_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("message");
    QTest::newRow("negative") << "-0.1" << QString::fromStdString(checkParam(testSpecs()[0], -0.1));
    QTest::newRow("zero") << "0" << QStringLiteral("must be > 0, got 0");
    QTest::newRow("too large") << "1000" << QStringLiteral("must be <= 100, got 1000");
    QTest::newRow("not a number") << "abc" << QStringLiteral("must be a number, got \"abc\"");
    QTest::newRow("infinite") << "inf" << QStringLiteral("must be a finite number, got inf");
  }

  void typingAnInvalidValueIsMarkedAndNotEmitted() {
    QFETCH(QString, typed);
    QFETCH(QString, message);
    ParamForm form;
    form.setSpecs(testSpecs(), {});
    QSignalSpy spy(&form, &ParamForm::valuesChanged);
    auto* entry = child<NumberEntry>(&form, "param.lr.entry");
    auto* slider = child<QSlider>(&form, "param.lr.slider");
    const int handle = slider->value();
    typeInto(entry, typed);
    QCOMPARE(spy.size(), 0);
    QCOMPARE(form.values().get("lr"), 1e-3);
    QCOMPARE(slider->value(), handle);
    QVERIFY(entry->hasError());
    QCOMPARE(entry->toolTip(), message);
    QVERIFY(!entry->styleSheet().isEmpty());
    // Correcting it clears the mark and restores the parameter's tooltip.
    typeInto(entry, "0.002");
    QCOMPARE(spy.size(), 1);
    QVERIFY(!entry->hasError());
    QVERIFY(entry->styleSheet().isEmpty());
    QVERIFY(entry->toolTip().startsWith(QStringLiteral("lr — learning rate.")));
  }

  void setValuesDoesNotEmit() {
    ParamForm form;
    form.setSpecs(testSpecs(), {});
    QSignalSpy spy(&form, &ParamForm::valuesChanged);
    ParamValues v;
    v.set("lr", 0.5);
    v.set("gain", 10.0);
    v.set("history", 20);
    v.set("nesterov", 1);
    v.set("shape", 0);
    form.setValues(v);
    QCOMPARE(spy.size(), 0);
    QCOMPARE(child<QLineEdit>(&form, "param.lr.entry")->text(), QStringLiteral("0.5"));
    QCOMPARE(child<QSlider>(&form, "param.gain.slider")->value(), 750);
    QCOMPARE(child<QSpinBox>(&form, "param.history.spin")->value(), 20);
    QVERIFY(child<QCheckBox>(&form, "param.nesterov.check")->isChecked());
    QCOMPARE(child<QComboBox>(&form, "param.shape.combo")->currentIndex(), 0);
    QCOMPARE(form.values().get("gain"), 10.0);
    QCOMPARE(form.values().get("beta"), 0.9);  // not given: unchanged
  }

  void integerFlagAndChoiceControlsRoundTrip() {
    ParamForm form;
    form.setSpecs(testSpecs(), {});
    QSignalSpy spy(&form, &ParamForm::valuesChanged);
    auto* spin = child<QSpinBox>(&form, "param.history.spin");
    QCOMPARE(spin->minimum(), 1);
    QCOMPARE(spin->maximum(), 100);
    spin->setValue(42);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.last().at(0).toString(), QStringLiteral("history"));
    QCOMPARE(form.values().integer("history"), 42);

    child<QCheckBox>(&form, "param.nesterov.check")->click();
    QCOMPARE(spy.last().at(0).toString(), QStringLiteral("nesterov"));
    QVERIFY(form.values().flag("nesterov"));

    child<QComboBox>(&form, "param.shape.combo")->setCurrentIndex(2);
    QCOMPARE(spy.last().at(0).toString(), QStringLiteral("shape"));
    QCOMPARE(form.values().choice("shape"), 2);
    QCOMPARE(spy.size(), 3);

    // What the controls produced shows again after a rebuild.
    ParamForm copy;
    copy.setSpecs(testSpecs(), form.values());
    QCOMPARE(copy.values(), form.values());
    QCOMPARE(child<QSpinBox>(&copy, "param.history.spin")->value(), 42);
  }
};

QTEST_MAIN(TestParamForm)
#include "test_param_form.moc"
