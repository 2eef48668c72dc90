// Text in vector pictures (plots/export/vector_export.h): a spectrum chart whose title holds
// "−", "—", "≤", "λ" and a subscript comes out of a PDF (read back by pdftotext) with the em dash
// itself and the rest spelled ("f - f_min — iteration 5000 <= lambda x_1"), not as the Mac
// Roman reading of UTF-8 bytes (",àí"); the same chart as SVG holds the real characters and
// stays well-formed XML with "<" and "&" in a reference line's label; pdftoppm reads the PDF
// without a syntax error (GL2PS named graphics states it never declared before the stems' dots,
// and VTK wrote "ca" as an operator); the chart keeps its title after the export.
#include <vtkChartXY.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "plots/export/offscreen_window.h"
#include "plots/export/vector_export.h"
#include "plots/spectrum_chart.h"
#include "support/chart_image.h"

using namespace gradscape;
using namespace gradscape::plots;
using namespace gradscape::testing;

namespace {

constexpr int kW = 640, kH = 400;
const std::string kTitle = "f − f_min — iteration 5000 ≤ λ x₁";
const std::string kLabel = "A<B & C";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Output {
  int exitCode = -1;
  QString out, err;
};

Output run(const QString& program, const QStringList& args) {
  QProcess p;
  p.start(program, args);
  Output o;
  if (!p.waitForFinished(60000)) return o;
  o.exitCode = p.exitCode();
  o.out = QString::fromUtf8(p.readAllStandardOutput());
  o.err = QString::fromUtf8(p.readAllStandardError());
  return o;
}

// Characters that only the Mac Roman reading of UTF-8 lead and continuation bytes gives
// (E2 -> "‚", 80 -> "Ä", 88 -> "à", 94 -> "î", 92 -> "í", CE -> "Œ", E2 82 -> "‚Ç").
bool mojibake(const QString& text) {
  for (const char* s : {"‚", "Ä", "à", "î", "í", "Œ", "Ç"}) {
    if (text.contains(QString::fromUtf8(s))) return true;
  }
  return false;
}

}  // namespace

class TestVectorText : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  std::string file(const char* name) const { return (dir_.path() + "/" + name).toStdString(); }

  // A spectrum titled kTitle (two stems topped by dots, a labelled reference line), drawn
  // once, written as `format` to `name`.
  std::string exported(OffscreenChart<SpectrumChart>& o, VectorFormat format, const char* name) {
    SpectrumData data;
    data.eigenvalues = {1.0, 3.0, 3.0};
    data.title = kTitle;
    data.color = {0.0, 0.45, 0.7};
    o.chart.setSpectrum(data);
    o.chart.setThresholds({{kLabel, 2.0}});
    o.window->Render();
    const std::string path = file(name);
    const std::string error = writeVectorPicture(o.window, path, {format, false, "chart"});
    if (!error.empty()) qWarning("%s", error.c_str());
    return path;
  }

 private slots:
  void initTestCase() {
    std::string why;
    QVERIFY2(OffscreenWindow::displayAvailable(&why), why.c_str());
    QVERIFY(dir_.isValid());
  }

  void pdfTextHasTheEmDashAndSpellsWhatItsFontLacks() {
    OffscreenChart<SpectrumChart> o(kW, kH);
    const std::string path = exported(o, VectorFormat::Pdf, "title.pdf");
    const Output text = run("pdftotext", {"-enc", "UTF-8", QString::fromStdString(path), "-"});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("f - f_min — iteration 5000 <= lambda x_1"), qPrintable(text.out));
    QVERIFY2(text.out.contains(QString::fromStdString(kLabel)), qPrintable(text.out));
    QVERIFY2(!mojibake(text.out), qPrintable(text.out));
    // The chart keeps its own title.
    QCOMPARE(std::string(o.xy()->GetTitle()), kTitle);
  }

  void svgHoldsTheRealCharactersAsWellFormedXml() {
    OffscreenChart<SpectrumChart> o(kW, kH);
    const std::string svg = slurp(exported(o, VectorFormat::Svg, "title.svg"));
    QVERIFY2(svg.find(">" + kTitle + "<") != std::string::npos, svg.c_str());
    QVERIFY(svg.find("A&lt;B &amp; C") != std::string::npos);
    QXmlStreamReader xml(QByteArray::fromStdString(svg));
    while (!xml.atEnd()) xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
  }

  void pdftoppmReadsThePdfWithoutSyntaxErrors() {
    OffscreenChart<SpectrumChart> o(kW, kH);
    const std::string path = exported(o, VectorFormat::Pdf, "markers.pdf");
    const Output raster = run("pdftoppm", {"-r", "36", "-png", "-singlefile",
                                           QString::fromStdString(path), file("markers").c_str()});
    QCOMPARE(raster.exitCode, 0);
    QVERIFY2(raster.err.isEmpty(), qPrintable(raster.err));
    // The stems' dots reached the file as specials, whose graphics states GL2PS names (and the
    // export declares as empty ones).
    QVERIFY(slurp(path).find(" << >>\n") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestVectorText)
#include "test_vector_text.moc"
