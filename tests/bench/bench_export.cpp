// Picture export (plots/export): the contour map of the default scenario (scenarios/default.json,
// its seven runs finished) written as a PNG at twice its size: render, read back, encode, write;
// then the render and the encoding alone. The map is 900 x 700 pixels, about its size in a
// 1500 x 940 window; the picture 1800 x 1400. Before each picture the map draws an untimed frame
// at its own size, as the view does after an export. GRADSCAPE_BENCH_PNG=path keeps one
// picture.
// Run under Xvfb: xvfb-run -a -s "-screen 0 1920x1200x24" build/ci/tests/bench/bench_export
#include <benchmark/benchmark.h>
#include <vtkRenderWindow.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
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

// 5 repetitions of 5 pictures in milliseconds of wall time, the medians reported.
void fiveOfFive(benchmark::internal::Benchmark* b) {
  b->Unit(benchmark::kMillisecond)
      ->Iterations(5)
      ->Repetitions(5)
      ->ReportAggregatesOnly(true)
      ->UseRealTime();
}

// The same, and the least of the repetitions beside the median.
void fiveOfFiveWithMinimum(benchmark::internal::Benchmark* b) {
  fiveOfFive(b);
  b->ComputeStatistics(
      "min", [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); });
}

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
  // A frame at the window's own size, untimed: in the program the view shows itself again after
  // every export, so each picture draws the landscape anew rather than reusing the previous
  // picture's (plots/backdrop_renderer.h).
  void showOnScreen(benchmark::State& state) {
    state.PauseTiming();
    window.window()->Render();
    state.ResumeTiming();
  }
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
    map.showOnScreen(state);
    const Picture picture = renderPicture(map.window.window(), {2.0, false});
    const std::string error = writePng(picture, path);
    if (!error.empty()) state.SkipWithError(error.c_str());
    benchmark::DoNotOptimize(picture.rgba.data());
  }
  if (const char* keep = std::getenv("GRADSCAPE_BENCH_PNG")) {
    std::filesystem::copy_file(path, keep, std::filesystem::copy_options::overwrite_existing);
  }
  std::filesystem::remove(path);
}
BENCHMARK(BM_MapPngAt2x)->Apply(fiveOfFiveWithMinimum);

// Where the time goes: the render and read-back alone, then the PNG encoding alone (of the same
// picture, kept: 1800 x 1400 RGB).
void BM_MapRenderAt2x(benchmark::State& state) {
  std::string why;
  if (!OffscreenWindow::displayAvailable(&why)) {
    state.SkipWithError(why.c_str());
    return;
  }
  DefaultMap map;
  for (auto _ : state) {
    map.showOnScreen(state);
    const Picture picture = renderPicture(map.window.window(), {2.0, false});
    benchmark::DoNotOptimize(picture.rgba.data());
  }
}
BENCHMARK(BM_MapRenderAt2x)->Apply(fiveOfFiveWithMinimum);

void BM_MapPngEncodeAt2x(benchmark::State& state) {
  std::string why;
  if (!OffscreenWindow::displayAvailable(&why)) {
    state.SkipWithError(why.c_str());
    return;
  }
  DefaultMap map;
  const Picture picture = renderPicture(map.window.window(), {2.0, false});
  size_t bytes = 0;
  for (auto _ : state) {
    const std::vector<unsigned char> png = encodePng(picture);
    bytes = png.size();
    benchmark::DoNotOptimize(png.data());
  }
  state.counters["png_kB"] = static_cast<double>(bytes) / 1000.0;
}
BENCHMARK(BM_MapPngEncodeAt2x)->Apply(fiveOfFive);

}  // namespace

BENCHMARK_MAIN();
