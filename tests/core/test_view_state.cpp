// A scenario's "view" (core/scenario/view_state.h): every field survives a write and a read,
// missing keys keep their defaults, a file without it has none, and a bad value is refused with
// its JSON path.
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "core/scenario/scenario_json.h"

using namespace gradscape;
using nlohmann::json;

namespace {

// A 4-D problem with two runs (a slice needs more than two dimensions).
const char* const kBase = R"({
  "name": "diagonal 4-D",
  "objective": {"type": "spectrum_quadratic", "dim": 4, "condition": 4, "max_eigenvalue": 4,
                "rotate": false},
  "start": [1, 1, 1, 1],
  "runs": [{"optimizer": {"type": "sgd", "lr": 0.1}}, {"optimizer": {"type": "sgd", "lr": 0.2}}]
})";

// A view with every field away from its default.
ViewState farView() {
  ViewState v;
  v.layout = ViewState::Layout::Surface;
  v.logColourScale = false;
  v.gradientArrows = true;
  v.quadraticModel = true;
  v.newtonSteps = true;
  v.analysisTab = int(ViewState::Tab::Model);
  v.chartQuantity = ViewState::Quantity::StepNorm;
  v.chartX = ViewState::ChartX::Evaluations;
  v.chartLogX = true;
  v.chartLogY = false;
  v.selectedRun = 1;
  v.liveMode = false;
  v.mapBox = ViewBox{-0.5, 0.25, -1.5, 0.75};
  ViewCamera c;
  c.position = {3.0, -4.0, 5.0};
  c.focalPoint = {0.1, 0.2, 0.3};
  c.viewUp = {0.0, 0.6, 0.8};
  c.viewAngle = 22.5;
  c.windowCenter = {0.125, -0.25};
  v.surfaceCamera = c;
  ViewSlice s;
  s.directions = ViewSlice::Directions::Random;
  s.halfWidth = 2.5;
  s.origin = Vec::Constant(4, 1.0);
  s.u = (Vec(4) << 1.0, 0.0, 0.5, 0.0).finished();
  s.v = (Vec(4) << 0.0, 1.0, 0.0, -0.25).finished();
  s.description = "two random directions";
  v.slice = s;
  return v;
}

json withView(const json& view) {
  json j = json::parse(kBase);
  j["view"] = view;
  return j;
}

}  // namespace

class TestViewState : public QObject {
  Q_OBJECT

 private slots:
  void everyFieldSurvivesAWriteAndARead() {
    Scenario s = parseScenario(kBase);
    s.view = farView();
    const Scenario back = scenarioFromJson(scenarioToJson(s));
    QVERIFY(back.view.has_value());
    const ViewState& v = *back.view;
    QCOMPARE(int(v.layout), int(ViewState::Layout::Surface));
    QCOMPARE(v.logColourScale, false);
    QCOMPARE(v.gradientArrows, true);
    QCOMPARE(v.quadraticModel, true);
    QCOMPARE(v.newtonSteps, true);
    QCOMPARE(v.analysisTab, 3);
    QCOMPARE(int(v.chartQuantity), int(ViewState::Quantity::StepNorm));
    QCOMPARE(int(v.chartX), int(ViewState::ChartX::Evaluations));
    QCOMPARE(v.chartLogX, true);
    QCOMPARE(v.chartLogY, false);
    QCOMPARE(v.selectedRun, 1);
    QCOMPARE(v.liveMode, false);
    QVERIFY(v.mapBox == (ViewBox{-0.5, 0.25, -1.5, 0.75}));
    QVERIFY(v.surfaceCamera.has_value());
    QCOMPARE(v.surfaceCamera->position[2], 5.0);
    QCOMPARE(v.surfaceCamera->focalPoint[1], 0.2);
    QCOMPARE(v.surfaceCamera->viewUp[2], 0.8);
    QCOMPARE(v.surfaceCamera->viewAngle, 22.5);
    QCOMPARE(v.surfaceCamera->windowCenter[1], -0.25);
    QVERIFY(v.slice.has_value());
    QCOMPARE(int(v.slice->directions), int(ViewSlice::Directions::Random));
    QCOMPARE(v.slice->halfWidth, 2.5);
    QCOMPARE(v.slice->u[2], 0.5);
    QCOMPARE(v.slice->v[3], -0.25);
    QCOMPARE(v.slice->origin.size(), Eigen::Index(4));
    QCOMPARE(v.slice->description, std::string("two random directions"));
    QVERIFY(back == s);  // and nothing else changed
  }

  void enumerationsAreWrittenByName() {
    const json j = viewStateToJson(farView());
    QCOMPARE(j["layout"].get<std::string>(), std::string("surface"));
    QCOMPARE(j["analysis_tab"].get<std::string>(), std::string("model"));
    QCOMPARE(j["chart_quantity"].get<std::string>(), std::string("step_norm"));
    QCOMPARE(j["chart_x"].get<std::string>(), std::string("evaluations"));
    QCOMPARE(j["slice"]["directions"].get<std::string>(), std::string("random"));
  }

  void aFileSavedWithAViewReopensWithIt() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("view.json").toStdString();
    Scenario s = parseScenario(kBase);
    s.view = farView();
    saveScenarioFile(s, path);
    QVERIFY(loadScenarioFile(path) == s);
  }

  void aFileWithoutAViewHasNone() {
    const Scenario s = parseScenario(kBase);
    QVERIFY(!s.view.has_value());
    QVERIFY(!scenarioToJson(s).contains("view"));
  }

  void missingKeysKeepTheirDefaults() {
    const Scenario s = scenarioFromJson(withView({{"layout", "contour"}, {"chart_log_y", false}}));
    QVERIFY(s.view.has_value());
    ViewState expected;  // the defaults, with the two keys given
    expected.layout = ViewState::Layout::Contour;
    expected.chartLogY = false;
    QVERIFY(*s.view == expected);
    QVERIFY(!s.view->mapBox && !s.view->surfaceCamera && !s.view->slice);
    QVERIFY(*scenarioFromJson(withView(json::object())).view == ViewState{});
  }

  void theDefaultSliceNeedsNoPlane() {
    const Scenario s = scenarioFromJson(
        withView({{"slice", {{"directions", "hessian_start"}, {"half_width", 3}}}}));
    QCOMPARE(s.view->slice->halfWidth, 3.0);
    QCOMPARE(s.view->slice->origin.size(), Eigen::Index(0));
    const json written = viewStateToJson(*s.view)["slice"];
    QVERIFY(!written.contains("origin") && !written.contains("u") && !written.contains("v"));
  }

  void badValuesAreRefusedWithTheirPath_data() {
    QTest::addColumn<QString>("view");
    QTest::addColumn<QString>("message");
    const auto row = [](const char* name, const char* view, const char* message) {
      QTest::newRow(name) << view << message;
    };
    row("not an object", R"([1])", "view: must be an object, got [1]");
    row("unknown key", R"({"zoom": 2})", "view.zoom: unknown key; expected one of: layout, ");
    row("layout name", R"({"layout": "grid"})",
        "view.layout: must be one of: contour, surface, both, got \"grid\"");
    row("flag as text", R"({"gradient_arrows": "yes"})",
        "view.gradient_arrows: must be true or false, got \"yes\"");
    row("tab by number", R"({"analysis_tab": 2})",
        "view.analysis_tab: must be one of: convergence, sharpness, spectrum, model, update, got "
        "2");
    row("quantity", R"({"chart_quantity": "loss2"})",
        "view.chart_quantity: must be one of: loss, gap, grad_norm, learning_rate, step_norm, "
        "got \"loss2\"");
    row("chart x", R"({"chart_x": "time"})",
        "view.chart_x: must be one of: iteration, evaluations, got \"time\"");
    row("run beyond the runs", R"({"selected_run": 2})",
        "view.selected_run: must be a run's index, 0 to 1, got 2");
    row("negative run", R"({"selected_run": -1})",
        "view.selected_run: must be a run's index, 0 to 1, got -1");
    row("box upside down", R"({"map_box": {"xmin": 1, "xmax": 0, "ymin": 0, "ymax": 1}})",
        "view.map_box.xmax: must be > xmin (1), got 0");
    row("box corner missing", R"({"map_box": {"xmin": 0, "xmax": 1, "ymin": 0}})",
        "view.map_box: missing \"ymax\"");
    row("box not finite", R"({"map_box": {"xmin": 0, "xmax": 1, "ymin": "a", "ymax": 1}})",
        "view.map_box.ymin: must be a finite number, got \"a\"");
    row("camera short", R"({"surface_camera": {"position": [0, 0], "focal_point": [0, 0, 0],
        "view_up": [0, 0, 1]}})",
        "view.surface_camera.position: must be an array of 3 numbers, got [0,0]");
    row("camera at its focal point", R"({"surface_camera": {"position": [1, 1, 1],
        "focal_point": [1, 1, 1], "view_up": [0, 0, 1]}})",
        "view.surface_camera.focal_point: must differ from the position");
    row("camera angle", R"({"surface_camera": {"position": [0, -1, 0], "focal_point": [0, 0, 0],
        "view_up": [0, 0, 1], "view_angle": 180}})",
        "view.surface_camera.view_angle: must be between 0 and 180 degrees, got 180");
    row("slice directions", R"({"slice": {"directions": "north"}})",
        "view.slice.directions: must be one of: hessian_start, hessian_iterate, path_pca, "
        "random, got \"north\"");
    row("slice plane missing", R"({"slice": {"directions": "random"}})",
        "view.slice: missing \"origin\" (the slice plane)");
    row("slice of the wrong dimension", R"({"slice": {"directions": "random",
        "origin": [0, 0, 0], "u": [1, 0, 0, 0], "v": [0, 1, 0, 0]}})",
        "view.slice.origin: must be an array of 4 numbers (the problem's dimension), got [0,0,0]");
    row("slice directions parallel", R"({"slice": {"directions": "path_pca",
        "origin": [0, 0, 0, 0], "u": [1, 2, 0, 0], "v": [2, 4, 0, 0]}})",
        "view.slice.v: must not be parallel to u (the plane needs two directions)");
    row("slice width", R"({"slice": {"half_width": 0}})",
        "view.slice.half_width: must be > 0, got 0");
  }

  void badValuesAreRefusedWithTheirPath() {
    QFETCH(QString, view);
    QFETCH(QString, message);
    try {
      (void)scenarioFromJson(withView(json::parse(view.toStdString())));
      QFAIL("expected ScenarioError");
    } catch (const ScenarioError& e) {
      const QString what = QString::fromStdString(e.what());
      QVERIFY2(what == message || (message.endsWith(", ") && what.startsWith(message)),
               qPrintable(what));
    }
  }

  void aSliceOnATwoDimensionalProblemIsRefused() {
    json j = json::parse(R"({"objective": "rosenbrock", "start": [-1, 1],
                             "runs": [{"optimizer": "sgd"}]})");
    j["view"] = {{"slice", {{"half_width", 2}}}};
    try {
      (void)scenarioFromJson(j);
      QFAIL("expected ScenarioError");
    } catch (const ScenarioError& e) {
      QCOMPARE(QString::fromStdString(e.path()), QStringLiteral("view.slice"));
      QVERIFY2(QString::fromStdString(e.message()).contains("2 dimensions"), e.what());
    }
  }
};

QTEST_APPLESS_MAIN(TestViewState)
#include "test_view_state.moc"
