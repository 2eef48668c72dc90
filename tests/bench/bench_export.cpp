// Picture export (plots/export): the contour map of the default scenario (scenarios/default.json,
// its seven runs finished) written as a PNG at twice its size: render, read back, encode, write.
// The map is 900 x 700 pixels, about its size in a 1500 x 940 window; the picture 1800 x 1400.
// Run under Xvfb: xvfb-run -a -s "-screen 0 1920x1200x24" build/ci/tests/bench/bench_export
#include <benchmark/benchmark.h>
#include <vtkRenderWindow.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/scenario/scenario.h"
#include "core/scenario/scenario_json.h"
#include "plots/contour_scene.h"
#include "plots/export/offscreen_window.h"
#include "plots/export/picture.h"
#include "plots/export/picture_files.h"
#include "plots/landscape_content.h"
#include "plots/run_view.h"

using namespace gradscape;
using namespace gradscape::plots;

namespace {

struct DefaultMap {
  ContourScene scene;
  OffscreenWindow window{900, 700};
  DefaultMap() {
    const Scenario scenario = loadScenarioFile(GRADSCAPE_SOURCE_DIR "/scenarios/default.json");
    const auto objective = makeObjective(scenario.objective);
    scene.setLandscape(makeLandscapeContent(*objective, scenario.name, LandscapeStyle{}));
    std::vector<RunView> runs;
    int index = 0;
    for (auto& run : makeRuns(scenario)) {
      run->runToEnd();
      RunView view = makeRunView(run->trace());
      view.color = runColor(index++);
      view.finished = true;
      runs.push_back(std::move(view));
    }
    scene.setRuns(runs);
    window.addRenderer(scene.renderer());
    window.window()->Render();
  }
  ~DefaultMap() { window.removeRenderer(scene.renderer()); }
  DefaultMap(const DefaultMap&) = delete;
  DefaultMap& operator=(const DefaultMap&) = delete;
};

void BM_MapPngAt2x(benchmark::State& state) {
  std::string why;
  if (!OffscreenWindow::displayAvailable(&why)) {
    state.SkipWithError(why.c_str());
    return;
  }
  DefaultMap map;
  const std::string path =
      (std::filesystem::temp_directory_path() / "gradscape-bench-map.png").string();
  for (auto _ : state) {
    const Picture picture = renderPicture(map.window.window(), {2.0, false});
    const std::string error = writePng(picture, path);
    if (!error.empty()) state.SkipWithError(error.c_str());
    benchmark::DoNotOptimize(picture.rgba.data());
  }
  std::filesystem::remove(path);
}
BENCHMARK(BM_MapPngAt2x)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
