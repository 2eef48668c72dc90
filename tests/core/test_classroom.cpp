// A scenario's classroom settings: who sees and may change what (hide wins over lock, "*" with
// exceptions in "allow"), read and written with the scenario, and unknown names refused with the
// entry's JSON path.
#include <QTest>

#include <nlohmann/json.hpp>

#include "core/scenario/scenario_json.h"

using namespace gradscape;
using Access = Classroom::Access;

namespace {
std::string withClassroom(const std::string& classroom) {
  return R"({"objective": {"type": "booth"}, "start": [0, 0],
    "runs": [{"optimizer": {"type": "sgd", "lr": 0.1, "momentum": 0.9}}],
    "classroom": )" +
         classroom + "}";
}
}  // namespace

class TestClassroom : public QObject {
  Q_OBJECT

 private slots:
  void aScenarioWithoutClassroomLeavesEverythingOpen() {
    const Scenario s = parseScenario(
        R"({"objective": {"type": "booth"}, "runs": [{"optimizer": {"type": "sgd"}}]})");
    QVERIFY(s.classroom.empty());
    for (const char* control : {"lr", "objective", "runs", "start"}) {
      QVERIFY(s.classroom.access(control) == Access::Open);
    }
  }

  void onlyTheAllowedControlsStayOpenUnderAStar() {
    const Scenario s =
        parseScenario(withClassroom(R"({"lock": ["*"], "allow": ["lr", "momentum"]})"));
    QVERIFY(s.classroom.access("lr") == Access::Open);
    QVERIFY(s.classroom.access("momentum") == Access::Open);
    for (const char* control : {"dampening", "optimizer", "objective", "start", "runs", "stop"}) {
      QVERIFY2(s.classroom.access(control) == Access::Locked, control);
    }
  }

  void hiddenWinsOverLockedAndNamedControlsIgnoreAllow() {
    Classroom c;
    c.hide = {"schedule"};
    c.lock = {"schedule", "lr"};
    c.allow = {"lr"};  // allow exempts from "*" only
    QVERIFY(c.access("schedule") == Access::Hidden);
    QVERIFY(c.access("lr") == Access::Locked);
    QVERIFY(c.access("momentum") == Access::Open);
  }

  void classroomSurvivesWritingAndReading() {
    const Scenario s = parseScenario(
        withClassroom(R"({"hide": ["schedule", "curvature"], "lock": ["*"], "allow": ["lr"]})"));
    const Scenario again = scenarioFromJson(scenarioToJson(s));
    QCOMPARE(again.classroom.hide, (std::vector<std::string>{"schedule", "curvature"}));
    QCOMPARE(again.classroom.lock, (std::vector<std::string>{"*"}));
    QCOMPARE(again.classroom.allow, (std::vector<std::string>{"lr"}));
    QVERIFY(again == s);
    // Written only when there is one.
    Scenario plain = s;
    plain.classroom = {};
    QVERIFY(!scenarioToJson(plain).contains("classroom"));
  }

  void unknownNamesAndShapesAreRefusedWithTheirPath() {
    const auto error = [](const std::string& classroom) -> std::string {
      try {
        parseScenario(withClassroom(classroom));
      } catch (const ScenarioError& e) {
        return e.path() + ": " + e.message();
      }
      return "accepted";
    };
    QVERIFY(error(R"({"lock": ["lr", "learning_rate"]})")
                .starts_with("classroom.lock[1]: unknown control \"learning_rate\""));
    QVERIFY(error(R"({"hide": "lr"})").starts_with("classroom.hide: must be an array"));
    QVERIFY(error(R"({"lock": [3]})").starts_with("classroom.lock[0]: must be a string"));
    QVERIFY(error(R"({"freeze": []})").starts_with("classroom.freeze: unknown key"));
    QVERIFY(error(R"([])").starts_with("classroom: must be an object"));
  }
};

QTEST_APPLESS_MAIN(TestClassroom)
#include "test_classroom.moc"
