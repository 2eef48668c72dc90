// What tells the runs apart: their colours (every two of the first ten far apart in CIEDE2000),
// their names (unique), the numbers in their labels (short), and the legend entry of a run that
// diverged at its first step.
#include <vtkAxis.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkPlot.h>

#include <QTest>

#include <cmath>
#include <numbers>
#include <set>
#include <string>
#include <vector>

#include "plots/convergence_chart.h"
#include "plots/rgb.h"
#include "plots/run_label.h"
#include "plots/run_view.h"
#include "support/chart_image.h"

using namespace gradscape;
using namespace gradscape::plots;

namespace {

struct Lab {
  double l, a, b;
};

// sRGB (D65) to CIELAB.
Lab toLab(Rgb c) {
  auto linear = [](double u) {
    return u <= 0.04045 ? u / 12.92 : std::pow((u + 0.055) / 1.055, 2.4);
  };
  const double r = linear(c.r), g = linear(c.g), b = linear(c.b);
  const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
  auto f = [](double t) {
    constexpr double d = 6.0 / 29.0;
    return t > d * d * d ? std::cbrt(t) : t / (3.0 * d * d) + 4.0 / 29.0;
  };
  return {116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))};
}

double degrees(double radians) {
  return radians * 180.0 / std::numbers::pi;
}
double radians(double degrees) {
  return degrees * std::numbers::pi / 180.0;
}

// CIEDE2000 colour difference (Sharma, Wu and Dalal, Color Res. Appl. 30, 2005).
double ciede2000(Lab p, Lab q) {
  const double c1 = std::hypot(p.a, p.b), c2 = std::hypot(q.a, q.b);
  const double cMean7 = std::pow((c1 + c2) / 2.0, 7.0);
  const double g = 0.5 * (1.0 - std::sqrt(cMean7 / (cMean7 + std::pow(25.0, 7.0))));
  const double a1 = (1.0 + g) * p.a, a2 = (1.0 + g) * q.a;
  const double c1p = std::hypot(a1, p.b), c2p = std::hypot(a2, q.b);
  auto hue = [](double b, double a) {
    if (a == 0.0 && b == 0.0) return 0.0;
    const double h = degrees(std::atan2(b, a));
    return h < 0.0 ? h + 360.0 : h;
  };
  const double h1 = hue(p.b, a1), h2 = hue(q.b, a2);
  const double dL = q.l - p.l, dC = c2p - c1p;
  double dh = 0.0;
  if (c1p * c2p != 0.0) {
    dh = h2 - h1;
    if (dh > 180.0) dh -= 360.0;
    if (dh < -180.0) dh += 360.0;
  }
  const double dH = 2.0 * std::sqrt(c1p * c2p) * std::sin(radians(dh) / 2.0);
  const double lMean = (p.l + q.l) / 2.0, cMean = (c1p + c2p) / 2.0;
  double hMean = h1 + h2;
  if (c1p * c2p != 0.0) {
    hMean = std::abs(h1 - h2) <= 180.0 ? (h1 + h2) / 2.0
            : h1 + h2 < 360.0          ? (h1 + h2 + 360.0) / 2.0
                                       : (h1 + h2 - 360.0) / 2.0;
  }
  const double t =
      1.0 - 0.17 * std::cos(radians(hMean - 30.0)) + 0.24 * std::cos(radians(2.0 * hMean)) +
      0.32 * std::cos(radians(3.0 * hMean + 6.0)) - 0.20 * std::cos(radians(4.0 * hMean - 63.0));
  const double dTheta = 30.0 * std::exp(-std::pow((hMean - 275.0) / 25.0, 2.0));
  const double cMeanP7 = std::pow(cMean, 7.0);
  const double rc = 2.0 * std::sqrt(cMeanP7 / (cMeanP7 + std::pow(25.0, 7.0)));
  const double sl =
      1.0 + 0.015 * std::pow(lMean - 50.0, 2.0) / std::sqrt(20.0 + std::pow(lMean - 50.0, 2.0));
  const double sc = 1.0 + 0.045 * cMean, sh = 1.0 + 0.015 * cMean * t;
  const double rt = -std::sin(radians(2.0 * dTheta)) * rc;
  return std::sqrt(std::pow(dL / sl, 2.0) + std::pow(dC / sc, 2.0) + std::pow(dH / sh, 2.0) +
                   rt * (dC / sc) * (dH / sh));
}

// The smallest difference between two of the first n run colours.
double closestPair(int n, int& first, int& second) {
  double closest = INFINITY;
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      const double d = ciede2000(toLab(runColor(i)), toLab(runColor(j)));
      if (d < closest) {
        closest = d;
        first = i;
        second = j;
      }
    }
  }
  return closest;
}

RunSpec specOf(const std::string& label, const std::string& optimizer, double lr) {
  RunSpec spec;
  spec.label = label;
  spec.optimizer = optimizer;
  spec.optimizerParams.set("lr", lr);
  return spec;
}

}  // namespace

class TestRunPalette : public QObject {
  Q_OBJECT

 private slots:
  void ciede2000MatchesSharmasTestPairs() {
    // Pairs 1 and 17 of Sharma, Wu and Dalal's table.
    QVERIFY(std::abs(ciede2000({50.0, 2.6772, -79.7751}, {50.0, 0.0, -82.7485}) - 2.0425) < 1e-4);
    QVERIFY(std::abs(ciede2000({50.0, 2.5, 0.0}, {73.0, 25.0, -18.0}) - 27.1492) < 1e-4);
  }

  void theFirstEightRunColoursAreFarApart() {
    // 27 and more: distinct at a glance even as thin lines (the old palette had 12.8).
    int i = 0, j = 0;
    const double closest = closestPair(8, i, j);
    QVERIFY2(closest > 25.0,
             qPrintable(QStringLiteral("runs %1 and %2: CIEDE2000 %3").arg(i).arg(j).arg(closest)));
  }

  void tenRunColoursAreDistinctAndThenRepeat() {
    int i = 0, j = 0;
    const double closest = closestPair(10, i, j);
    QVERIFY2(closest > 20.0,
             qPrintable(QStringLiteral("runs %1 and %2: CIEDE2000 %3").arg(i).arg(j).arg(closest)));
    QVERIFY(runColor(10) == runColor(0));
    QVERIFY(runColor(-1) == runColor(9));
  }

  void labelsShowFourSignificantDigits() {
    QCOMPARE(labelNumber(0.03305785123966942), std::string("0.03306"));
    QCOMPARE(labelNumber(0.001), std::string("0.001"));
    QCOMPARE(labelNumber(1e-5), std::string("1e-5"));
    QCOMPARE(labelNumber(2000.0), std::string("2000"));
    QCOMPARE(labelNumber(123456.0), std::string("1.235e5"));
    QCOMPARE(legendLabel(specOf("GD", "sgd", 0.03305785123966942)), std::string("GD (lr=0.03306)"));
  }

  void choicesAreNamedWithoutTheirParameter() {
    RunSpec spec = specOf("L-BFGS", "lbfgs", 1.0);
    spec.optimizerParams.set("line_search", 2.0);  // strong_wolfe
    const std::string label = legendLabel(spec);
    QVERIFY2(label.find("line_search=") == std::string::npos, label.c_str());
    QVERIFY2(label.find("strong_wolfe") != std::string::npos, label.c_str());
  }

  void runsWithTheSameLabelGetDistinctNames() {
    const auto names = runNames({specOf("Adam", "adam", 0.01), specOf("GD", "sgd", 0.1),
                                 specOf("Adam", "adam", 0.01), specOf("", "adam", 0.01),
                                 specOf("Adam", "adam", 0.02)});
    QCOMPARE(names.size(), size_t{5});
    QCOMPARE(names[0].name, std::string("Adam"));
    QCOMPARE(names[2].name, std::string("Adam (2)"));
    QCOMPARE(names[3].name, std::string("Adam (3)"));  // no label: the optimizer's title
    QCOMPARE(names[4].name, std::string("Adam (4)"));
    QCOMPARE(names[2].label, std::string("Adam (2) (lr=0.01)"));
    std::set<std::string> labels;
    for (const auto& n : names) labels.insert(n.label);
    QCOMPARE(labels.size(), names.size());
  }

  void aRunDivergedAtItsFirstStepHasALegendEntry() {
    gradscape::testing::OffscreenChart<ConvergenceChart> o(900, 400);
    o.chart.setLogY(false);
    RunView gone;
    gone.name = "Newton";
    gone.color = runColor(2);
    gone.diverged = true;
    gone.iteration = {0.0};
    gone.loss = {5.0};
    gone.gradNorm = gone.stepNorm = gone.lr = gone.x = gone.y = {1.0};
    RunView fine = gone;
    fine.name = "GD";
    fine.diverged = false;
    fine.iteration = {0.0, 1.0, 2.0};
    fine.loss = {5.0, 2.0, 1.0};
    fine.gradNorm = fine.stepNorm = fine.lr = fine.x = fine.y = {1.0, 1.0, 1.0};
    o.chart.setRuns({fine, gone}, ConvergenceQuantity::Loss, std::nullopt);
    o.render();
    std::set<std::string> inLegend;
    for (vtkIdType i = 0; i < o.xy()->GetNumberOfPlots(); ++i) {
      vtkPlot* plot = o.xy()->GetPlot(i);
      if (plot->GetVisible() && plot->GetLegendVisibility()) inLegend.insert(plot->GetLabel());
    }
    QCOMPARE(inLegend, (std::set<std::string>{"GD", "Newton (diverged)"}));
  }

  void aWideChartKeepsItsLegendBesideThePlotArea() {
    for (const int width : {900, 400}) {
      gradscape::testing::OffscreenChart<ConvergenceChart> o(width, 400);
      RunView run;
      run.name = "a run with a long name";
      run.color = runColor(0);
      run.iteration = {0.0, 1.0, 2.0};
      run.loss = {5.0, 2.0, 1.0};
      run.gradNorm = run.stepNorm = run.lr = run.x = run.y = {1.0, 1.0, 1.0};
      o.chart.setRuns({run}, ConvergenceQuantity::Loss, std::nullopt);
      o.render();
      o.render();  // the legend is placed by the chart's layout in its paint
      vtkChartLegend* legend = o.xy()->GetLegend();
      const double plotRight = o.xy()->GetAxis(vtkAxis::BOTTOM)->GetPoint2()[0];
      if (width >= 560) {
        QVERIFY(!legend->GetInline());
        QVERIFY2(legend->GetPoint()[0] >= plotRight,
                 qPrintable(QStringLiteral("legend at %1, plot area ends at %2")
                                .arg(legend->GetPoint()[0])
                                .arg(plotRight)));
      } else {
        QVERIFY(legend->GetInline());
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestRunPalette)
#include "test_run_palette.moc"
