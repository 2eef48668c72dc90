// The spectrum panel's analyses: the request a run and iterate make, starting one on the worker,
// its progress, and showing its result (or why there is none).
#include <QLocale>
#include <algorithm>
#include <cmath>

#include "app/gui/app_theme.h"
#include "app/gui/spectrum_panel_impl.h"
#include "app/gui/theme_follow.h"

namespace gradscape::gui {

using spectrum_panel::RequestKey;

std::optional<RequestKey> SpectrumPanel::Impl::currentKey() const {
  if (!scenario || index < 0 || size_t(index) >= scenario->runs.size()) return std::nullopt;
  return RequestKey{scenario->objective, scenario->runs[size_t(index)], index, slider->value(),
                    static_cast<SpectrumChoice>(method->currentData().toInt())};
}

void SpectrumPanel::Impl::setSummary(const QString& text, bool warning) {
  summary->setText(text);
  // A warning in the theme's alert colour, following theme changes while it is shown.
  setThemedStyleSheet(summary, [warning] {
    return warning ? QStringLiteral("color:%1;").arg(uiColors().alertText.name()) : QString();
  });
  summary->setToolTip(text + "\n\n" +
                      tr("Largest and smallest Hessian eigenvalue, dimension, method and time, "
                         "and the stability threshold of the run's optimizer at this iterate "
                         "(e.g. 2/lr for GD)"));
}

void SpectrumPanel::Impl::setBusy(bool on) {
  analyse->setText(on ? tr("Restart") : tr("Analyse"));
  progressDelay.stop();
  progress->setRange(0, 0);
  progress->hide();
  cancel->hide();
  if (on) progressDelay.start();
}

void SpectrumPanel::Impl::start() {
  debounce.stop();
  const auto key = currentKey();
  if (!key) {
    setSummary(tr("No run to analyse"), true);
    emit self->analysisFailed(tr("no run to analyse"));
    return;
  }
  worker->start(
      {*scenario, size_t(index), key->iteration, key->choice, std::nullopt},
      [this](SpectrumJob::Stage stage, double fraction) { onProgress(stage, fraction); },
      [this](const SpectrumJobResult& result) { onDone(result); });
  requested = key;
  setBusy(true);
}

void SpectrumPanel::Impl::onProgress(SpectrumJob::Stage stage, double fraction) {
  const QString at = tr("iteration %1").arg(QLocale().toString(qlonglong(slider->value())));
  if (stage == SpectrumJob::Stage::Replaying) {
    // A share once the replay reports one; busy until then.
    progress->setRange(0, fraction < 0.0 ? 0 : 1000);
    if (fraction >= 0.0) progress->setValue(int(std::lround(1000.0 * std::min(fraction, 1.0))));
    setSummary(tr("Replaying %1 to %2…").arg(name, at), false);
  } else {
    progress->setRange(0, 1000);
    progress->setValue(int(std::lround(1000.0 * std::clamp(fraction, 0.0, 1.0))));
    setSummary(tr("Analysing the Hessian at %1…").arg(at), false);
  }
}

void SpectrumPanel::Impl::onDone(const SpectrumJobResult& result) {
  setBusy(false);
  if (!result.report) {
    const QString message = QString::fromStdString(result.error);
    setSummary(message, !result.cancelled);
    emit self->analysisFailed(message);
    return;
  }
  report = *result.report;
  reportedIteration = result.iterate.iteration;
  shown = plots::spectrumData(*result.report, result.request);
  thresholds = plots::thresholdLines(result.threshold, result.iterate.lr);
  chart.setThresholds(thresholds);
  retitle();
  shownSummary = QString::fromStdString(spectrumSummary(result));
  setSummary(shownSummary, false);
  emit self->analysisFinished();
}

// The title and colour of the shown spectrum follow the run's name and colour.
void SpectrumPanel::Impl::retitle() {
  shown.title = reportedIteration
                    ? tr("Hessian spectrum at iteration %1 — %2")
                          .arg(*reportedIteration)
                          .arg(name)
                          .toStdString()
                    : tr("Hessian spectrum: choose an iterate and press Analyse").toStdString();
  shown.color = color;
  chart.setSpectrum(shown);
  view->requestRender();
}

void SpectrumPanel::Impl::clearShown() {
  report.reset();
  reportedIteration.reset();
  shown = plots::SpectrumData{};
  thresholds.clear();
  chart.setThresholds({});
  retitle();
  shownSummary.clear();
  setSummary(QString(), false);
}

// Analyses a changed run, 200 ms later, unless the newest request already was of it.
void SpectrumPanel::Impl::scheduleWhenRunChanged() {
  const auto key = currentKey();
  if (key && (!requested || !requested->sameRun(*key))) debounce.start();
}

void SpectrumPanel::Impl::autoAnalyse() {
  if (!self->isVisible()) return;  // stays stale; showEvent analyses then
  const auto key = currentKey();
  if (key && requested != key) start();
}

}  // namespace gradscape::gui
