#include "core/scenario/view_state.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "core/scenario/json_params.h"
#include "core/scenario/scenario.h"

namespace gradscape {

using json_detail::describe;
using nlohmann::json;

namespace {

// Enumerations are written by name, so a reordered enum never restores the wrong view.
constexpr std::array<std::string_view, 3> kLayouts = {"contour", "surface", "both"};
constexpr std::array<std::string_view, 5> kQuantities = {"loss", "gap", "grad_norm",
                                                         "learning_rate", "step_norm"};
constexpr std::array<std::string_view, 2> kChartXs = {"iteration", "evaluations"};
constexpr std::array<std::string_view, 5> kTabs = {"convergence", "sharpness", "spectrum", "model",
                                                   "update"};
constexpr std::array<std::string_view, 4> kDirections = {"hessian_start", "hessian_iterate",
                                                         "path_pca", "random"};

template <size_t N>
std::string namesOf(const std::array<std::string_view, N>& names) {
  std::string out;
  for (const auto name : names) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

template <size_t N>
int readName(const json& j, const std::string& path, const std::array<std::string_view, N>& names) {
  const auto it =
      j.is_string() ? std::find(names.begin(), names.end(), j.get<std::string>()) : names.end();
  if (it == names.end()) {
    throw ScenarioError(path, "must be one of: " + namesOf(names) + ", got " + describe(j));
  }
  return static_cast<int>(it - names.begin());
}

void requireObject(const json& j, const std::string& path) {
  if (!j.is_object()) throw ScenarioError(path, "must be an object, got " + describe(j));
}

void rejectUnknownKeys(const json& j, const std::string& path,
                       std::initializer_list<const char*> allowed) {
  for (const auto& item : j.items()) {
    const std::string& key = item.key();
    if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }) ==
        allowed.end()) {
      std::string names;
      for (const char* a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
      throw ScenarioError(path + "." + key, "unknown key; expected one of: " + names);
    }
  }
}

bool readFlag(const json& j, const std::string& path) {
  if (!j.is_boolean()) throw ScenarioError(path, "must be true or false, got " + describe(j));
  return j.get<bool>();
}

double readFinite(const json& j, const std::string& path) {
  if (!j.is_number() || !std::isfinite(j.get<double>())) {
    throw ScenarioError(path, "must be a finite number, got " + describe(j));
  }
  return j.get<double>();
}

template <size_t N>
std::array<double, N> readNumbers(const json& j, const std::string& path) {
  if (!j.is_array() || j.size() != N) {
    throw ScenarioError(
        path, "must be an array of " + std::to_string(N) + " numbers, got " + describe(j));
  }
  std::array<double, N> out{};
  for (size_t i = 0; i < N; ++i) out[i] = readFinite(j[i], path + "[" + std::to_string(i) + "]");
  return out;
}

Vec readVector(const json& j, const std::string& path, int dim) {
  if (!j.is_array() || static_cast<int>(j.size()) != dim) {
    throw ScenarioError(path, "must be an array of " + std::to_string(dim) +
                                  " numbers (the problem's dimension), got " + describe(j));
  }
  Vec x(dim);
  for (int i = 0; i < dim; ++i) {
    x[i] = readFinite(j[static_cast<size_t>(i)], path + "[" + std::to_string(i) + "]");
  }
  return x;
}

json vectorToJson(const Vec& x) {
  json a = json::array();
  for (Eigen::Index i = 0; i < x.size(); ++i) a.push_back(x[i]);
  return a;
}

ViewBox readBox(const json& j, const std::string& path) {
  requireObject(j, path);
  rejectUnknownKeys(j, path, {"xmin", "xmax", "ymin", "ymax"});
  ViewBox b;
  for (const char* key : {"xmin", "xmax", "ymin", "ymax"}) {
    if (!j.contains(key)) throw ScenarioError(path, std::string("missing \"") + key + "\"");
  }
  b.xmin = readFinite(j["xmin"], path + ".xmin");
  b.xmax = readFinite(j["xmax"], path + ".xmax");
  b.ymin = readFinite(j["ymin"], path + ".ymin");
  b.ymax = readFinite(j["ymax"], path + ".ymax");
  if (!(b.xmax > b.xmin)) {
    throw ScenarioError(path + ".xmax", "must be > xmin (" + formatNumber(b.xmin) + "), got " +
                                            describe(j["xmax"]));
  }
  if (!(b.ymax > b.ymin)) {
    throw ScenarioError(path + ".ymax", "must be > ymin (" + formatNumber(b.ymin) + "), got " +
                                            describe(j["ymax"]));
  }
  return b;
}

double norm(const std::array<double, 3>& a) {
  return std::sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
}

ViewCamera readCamera(const json& j, const std::string& path) {
  requireObject(j, path);
  rejectUnknownKeys(j, path, {"position", "focal_point", "view_up", "view_angle", "window_center"});
  ViewCamera c;
  for (const char* key : {"position", "focal_point", "view_up"}) {
    if (!j.contains(key)) throw ScenarioError(path, std::string("missing \"") + key + "\"");
  }
  c.position = readNumbers<3>(j["position"], path + ".position");
  c.focalPoint = readNumbers<3>(j["focal_point"], path + ".focal_point");
  c.viewUp = readNumbers<3>(j["view_up"], path + ".view_up");
  const std::array<double, 3> sight{c.focalPoint[0] - c.position[0],
                                    c.focalPoint[1] - c.position[1],
                                    c.focalPoint[2] - c.position[2]};
  if (!(norm(sight) > 0.0)) {
    throw ScenarioError(path + ".focal_point", "must differ from the position");
  }
  if (!(norm(c.viewUp) > 0.0)) throw ScenarioError(path + ".view_up", "must not be 0");
  if (j.contains("view_angle")) {
    c.viewAngle = readFinite(j["view_angle"], path + ".view_angle");
    if (!(c.viewAngle > 0.0 && c.viewAngle < 180.0)) {
      throw ScenarioError(path + ".view_angle",
                          "must be between 0 and 180 degrees, got " + describe(j["view_angle"]));
    }
  }
  if (j.contains("window_center")) {
    c.windowCenter = readNumbers<2>(j["window_center"], path + ".window_center");
  }
  return c;
}

ViewSlice readSlice(const json& j, const std::string& path, int dim) {
  requireObject(j, path);
  rejectUnknownKeys(j, path, {"directions", "half_width", "origin", "u", "v", "description"});
  if (dim <= 2) {
    throw ScenarioError(path, "this problem has " + std::to_string(dim) +
                                  " dimensions: its map is the landscape itself, not a slice");
  }
  ViewSlice s;
  if (j.contains("directions")) {
    s.directions = static_cast<ViewSlice::Directions>(
        readName(j["directions"], path + ".directions", kDirections));
  }
  if (j.contains("half_width")) {
    s.halfWidth = readFinite(j["half_width"], path + ".half_width");
    if (!(s.halfWidth > 0.0)) {
      throw ScenarioError(path + ".half_width", "must be > 0, got " + describe(j["half_width"]));
    }
  }
  if (j.contains("description")) {
    if (!j["description"].is_string()) {
      throw ScenarioError(path + ".description",
                          "must be a string, got " + describe(j["description"]));
    }
    s.description = j["description"].get<std::string>();
  }
  const bool needsPlane = s.directions != ViewSlice::Directions::HessianAtStart;
  for (const char* key : {"origin", "u", "v"}) {
    if (!needsPlane && j.contains(key)) {
      throw ScenarioError(path + "." + key,
                          "not used with \"hessian_start\" directions (computed from the "
                          "scenario); leave it out");
    }
    if (needsPlane && !j.contains(key)) {
      throw ScenarioError(path, std::string("missing \"") + key + "\" (the slice plane)");
    }
  }
  if (needsPlane) {
    s.origin = readVector(j["origin"], path + ".origin", dim);
    s.u = readVector(j["u"], path + ".u", dim);
    s.v = readVector(j["v"], path + ".v", dim);
    // The projection inverts the 2x2 Gram matrix of u and v.
    const double uu = s.u.squaredNorm(), vv = s.v.squaredNorm(), uv = s.u.dot(s.v);
    if (!(uu * vv - uv * uv > 1e-12 * uu * vv) || uu == 0.0) {
      throw ScenarioError(path + ".v",
                          "must not be parallel to u (the plane needs two directions)");
    }
  }
  return s;
}

}  // namespace

bool ViewSlice::operator==(const ViewSlice& other) const {
  const auto same = [](const Vec& a, const Vec& b) { return a.size() == b.size() && a == b; };
  return directions == other.directions && halfWidth == other.halfWidth &&
         same(origin, other.origin) && same(u, other.u) && same(v, other.v) &&
         description == other.description;
}

json viewStateToJson(const ViewState& v) {
  json j = {{"layout", kLayouts[static_cast<size_t>(v.layout)]},
            {"log_colour_scale", v.logColourScale},
            {"gradient_arrows", v.gradientArrows},
            {"quadratic_model", v.quadraticModel},
            {"newton_steps", v.newtonSteps},
            {"analysis_tab", kTabs[static_cast<size_t>(std::clamp(v.analysisTab, 0, 4))]},
            {"chart_quantity", kQuantities[static_cast<size_t>(v.chartQuantity)]},
            {"chart_x", kChartXs[static_cast<size_t>(v.chartX)]},
            {"chart_log_x", v.chartLogX},
            {"chart_log_y", v.chartLogY},
            {"selected_run", v.selectedRun},
            {"live_mode", v.liveMode}};
  if (v.mapBox) {
    j["map_box"] = {{"xmin", v.mapBox->xmin},
                    {"xmax", v.mapBox->xmax},
                    {"ymin", v.mapBox->ymin},
                    {"ymax", v.mapBox->ymax}};
  }
  if (const auto& c = v.surfaceCamera) {
    j["surface_camera"] = {{"position", c->position},
                           {"focal_point", c->focalPoint},
                           {"view_up", c->viewUp},
                           {"view_angle", c->viewAngle},
                           {"window_center", c->windowCenter}};
  }
  if (const auto& s = v.slice) {
    json slice = {{"directions", kDirections[static_cast<size_t>(s->directions)]},
                  {"half_width", s->halfWidth}};
    if (s->directions != ViewSlice::Directions::HessianAtStart) {
      slice["origin"] = vectorToJson(s->origin);
      slice["u"] = vectorToJson(s->u);
      slice["v"] = vectorToJson(s->v);
    }
    if (!s->description.empty()) slice["description"] = s->description;
    j["slice"] = slice;
  }
  return j;
}

ViewState readViewState(const json& j, const std::string& path, int dim, size_t runs) {
  requireObject(j, path);
  rejectUnknownKeys(
      j, path,
      {"layout", "log_colour_scale", "gradient_arrows", "quadratic_model", "newton_steps",
       "analysis_tab", "chart_quantity", "chart_x", "chart_log_x", "chart_log_y", "selected_run",
       "live_mode", "map_box", "surface_camera", "slice"});
  ViewState v;
  const auto at = [&](const char* key) { return path + "." + key; };
  if (j.contains("layout"))
    v.layout = static_cast<ViewState::Layout>(readName(j["layout"], at("layout"), kLayouts));
  const std::pair<const char*, bool*> flags[] = {{"log_colour_scale", &v.logColourScale},
                                                 {"gradient_arrows", &v.gradientArrows},
                                                 {"quadratic_model", &v.quadraticModel},
                                                 {"newton_steps", &v.newtonSteps},
                                                 {"chart_log_x", &v.chartLogX},
                                                 {"chart_log_y", &v.chartLogY},
                                                 {"live_mode", &v.liveMode}};
  for (const auto& [key, flag] : flags) {
    if (j.contains(key)) *flag = readFlag(j[key], at(key));
  }
  if (j.contains("analysis_tab"))
    v.analysisTab = readName(j["analysis_tab"], at("analysis_tab"), kTabs);
  if (j.contains("chart_quantity")) {
    v.chartQuantity = static_cast<ViewState::Quantity>(
        readName(j["chart_quantity"], at("chart_quantity"), kQuantities));
  }
  if (j.contains("chart_x"))
    v.chartX = static_cast<ViewState::ChartX>(readName(j["chart_x"], at("chart_x"), kChartXs));
  if (j.contains("selected_run")) {
    const json& r = j["selected_run"];
    const double max = static_cast<double>(runs) - 1.0;
    if (!r.is_number_integer() || r.get<double>() < 0.0 || r.get<double>() > max) {
      throw ScenarioError(at("selected_run"), "must be a run's index, 0 to " + formatNumber(max) +
                                                  ", got " + describe(r));
    }
    v.selectedRun = r.get<int>();
  }
  if (j.contains("map_box")) v.mapBox = readBox(j["map_box"], at("map_box"));
  if (j.contains("surface_camera"))
    v.surfaceCamera = readCamera(j["surface_camera"], at("surface_camera"));
  if (j.contains("slice")) v.slice = readSlice(j["slice"], at("slice"), dim);
  return v;
}

}  // namespace gradscape
