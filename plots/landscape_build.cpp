#include "plots/landscape_build.h"

namespace gradscape::plots {

BuiltLandscape buildLandscape(const LandscapeRequest& request, const SamplingProgress& progress) {
  BuiltLandscape built;
  try {
    built.source = landscapeSource(request.objective, request.start, request.title,
                                   request.minHalfWidth, request.plane);
    built.content = makeLandscapeContent(*built.source.shown, built.source.title, request.style,
                                         built.source.samples, progress);
    built.cancelled = built.content.grid.nx == 0;
  } catch (const std::exception& e) {
    built.error = e.what();
  }
  return built;
}

}  // namespace gradscape::plots
