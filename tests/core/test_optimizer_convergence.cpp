// Every adaptive method reaches the minimum of a well-conditioned quadratic,
// f = 1/2 (x^2 + 2 y^2) from (1, -1), with a constant lr. (Run far longer, the Adam-like methods
// stall at a floor set by eps once v decays below eps^2, and RMSprop at a floor of order lr: the
// step counts keep every row inside the geometric phase.) The methods with their own suites
// (SGD, heavy ball, Lion, AdaBelief, AdaBound, Newton, L-BFGS) check convergence there.
#include <QtTest>

#include "support/optimizer_checks.h"

using namespace gradscape;
using namespace gradscape::testing;

class TestOptimizerConvergence : public QObject {
  Q_OBJECT

 private slots:
  void reachesTheMinimumOfAWellConditionedQuadratic_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("lr");
    QTest::addColumn<int>("steps");
    QTest::newRow("adagrad") << "adagrad" << 0.1 << 1000;
    QTest::newRow("rmsprop") << "rmsprop" << 0.01 << 500;
    QTest::newRow("adam") << "adam" << 0.01 << 1000;
    QTest::newRow("adamw") << "adamw" << 0.01 << 1000;
    QTest::newRow("amsgrad") << "amsgrad" << 0.01 << 1000;
    QTest::newRow("adadelta") << "adadelta" << 1.0 << 1000;
    QTest::newRow("adamax") << "adamax" << 0.01 << 2000;
    QTest::newRow("nadam") << "nadam" << 0.01 << 1000;
    QTest::newRow("radam") << "radam" << 0.01 << 2000;
  }

  void reachesTheMinimumOfAWellConditionedQuadratic() {
    QFETCH(QString, name);
    QFETCH(double, lr);
    QFETCH(int, steps);
    auto opt = makeOptimizer(name.toStdString());
    QVERIFY(opt);
    expectReachesMinimum(*opt, vec2(1.0, 2.0), vec2(1.0, -1.0), lr, steps);
  }
};

QTEST_APPLESS_MAIN(TestOptimizerConvergence)
#include "test_optimizer_convergence.moc"
