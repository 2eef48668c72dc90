// Text for fonts with few glyphs (plots/text_encoding.h) and for GL2PS's files
// (plots/export/gl2ps_text.h, pdf_repair.h): ASCII spellings and PDF MacRomanEncoding bytes of
// the notation the program writes, checked against the bytes of the PDF specification's
// MacRomanEncoding table (annex D: emdash 0321 octal = 0xD1, eacute 0216 = 0x8E, ...); escaping
// for PDF strings and SVG; and a PDF laid out as GL2PS writes it, with an undeclared graphics
// state and a stray "ca", repaired so that every cross-reference offset, the startxref and the
// stream length still point where they must.
#include <QTest>

#include <string>
#include <vector>

#include "plots/export/gl2ps_text.h"
#include "plots/export/pdf_repair.h"
#include "plots/text_encoding.h"

using namespace gradscape::plots;

namespace {

// A PDF as GL2PS 1.4.2 lays one out: info, catalog, pages, the content stream (4) with its
// length in 5, the page (6) with its graphics states, the standard state (7); then the
// cross-reference table, trailer and startxref.
std::string gl2psLikePdf(const std::string& content) {
  std::vector<std::string> objects{
      "<<\n/Title (t)\n>>\n",
      "<<\n/Type /Catalog\n/Pages 3 0 R\n>>\n",
      "<<\n/Type /Pages\n/Kids [6 0 R]\n/Count 1\n>>\n",
      "<<\n/Length 5 0 R\n>>\nstream\n" + content + "endstream\n",
      std::to_string(content.size()) + "\n",
      "<<\n/Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 10 10]\n/Contents 4 0 R\n/Resources\n<<\n"
      "/ExtGState\n<<\n/GSa 7 0 R\n>>\n>>\n>>\n",
      "<<\n/Type /ExtGState\n>>\n",
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> at;
  for (size_t i = 0; i < objects.size(); ++i) {
    at.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "endobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 8\n0000000000 65535 f \n";
  for (size_t a : at) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", a);
    pdf += entry;
  }
  pdf += "trailer\n<<\n/Size 8\n/Root 2 0 R\n>>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// Whether every reference into `pdf` lands where it must: entry i of the cross-reference table
// at "i 0 obj", startxref at "xref", and the content stream as long as object 5 says.
QString structureFault(const std::string& pdf) {
  const size_t startxref = pdf.rfind("startxref\n");
  const size_t xref = std::stoul(pdf.substr(startxref + 10));
  if (pdf.compare(xref, 5, "xref\n") != 0) return "startxref";
  for (int i = 1; i <= 7; ++i) {
    const size_t at = std::stoul(pdf.substr(xref + 9 + 20 * static_cast<size_t>(i), 10));
    const std::string head = std::to_string(i) + " 0 obj\n";
    if (pdf.compare(at, head.size(), head) != 0) return "object " + QString::number(i);
  }
  const size_t stream = pdf.find("stream\n") + 7;
  const size_t length = std::stoul(pdf.substr(pdf.find("5 0 obj\n") + 8));
  if (pdf.compare(stream + length, 9, "endstream") != 0) return "stream length";
  return {};
}

}  // namespace

class TestTextEncoding : public QObject {
  Q_OBJECT

 private slots:
  void asciiAndMacRomanSpellings_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("ascii");
    QTest::addColumn<QByteArray>("macRoman");
    QTest::newRow("minus") << QByteArray("f − f_min") << QByteArray("f - f_min")
                           << QByteArray("f - f_min");
    QTest::newRow("em dash") << QByteArray("5000 — GD") << QByteArray("5000 - GD")
                             << QByteArray("5000 \xD1 GD");
    QTest::newRow("en dash, accents") << QByteArray("Léon–Rößler") << QByteArray("Leon-Rossler")
                                      << QByteArray("L\x8Eon\xD0R\x9A\xA7ler");
    QTest::newRow("symbols absent from PDF's MacRoman")
        << QByteArray("a ≤ b ≥ c ≠ d ≈ ∞") << QByteArray("a <= b >= c != d ~ inf")
        << QByteArray("a <= b >= c != d ~ inf");
    QTest::newRow("greek") << QByteArray("λ_max, η, Δ, μ")
                           << QByteArray("lambda_max, eta, Delta, mu")
                           << QByteArray("lambda_max, eta, Delta, \xB5");
    QTest::newRow("subscript run") << QByteArray("‖xₖ₊₁ − xₖ‖") << QByteArray("||x_k+1 - x_k||")
                                   << QByteArray("||x_k+1 - x_k||");
    QTest::newRow("superscripts") << QByteArray("10⁻³ x² ηₜ") << QByteArray("10^-3 x^2 eta_t")
                                  << QByteArray("10^-3 x^2 eta_t");
    QTest::newRow("arrows, nabla, middle dot")
        << QByteArray("∇f → 0 · 2") << QByteArray("grad f -> 0 * 2")
        << QByteArray("grad f -> 0 \xE1 2");
    QTest::newRow("combining hat") << QByteArray("x̂") << QByteArray("x") << QByteArray("x");
    QTest::newRow("not UTF-8, CJK")
        << QByteArray("a\xFF\xE2z 中") << QByteArray("a??z ?") << QByteArray("a??z ?");
  }
  void asciiAndMacRomanSpellings() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, ascii);
    QFETCH(QByteArray, macRoman);
    QCOMPARE(QByteArray::fromStdString(asciiSpelling(text.toStdString())), ascii);
    QCOMPARE(QByteArray::fromStdString(macRomanText(text.toStdString())), macRoman);
  }

  void pdfStringsEscapeParenthesesAndSvgTextEscapesMarkup() {
    QCOMPARE(pdfString("log10(f − c) \\ 2"), std::string("log10\\(f - c\\) \\\\ 2"));
    QCOMPARE(svgText("A<B & C>D"), std::string("A&lt;B &amp; C&gt;D"));
    QCOMPARE(svgText("f − f_min"), std::string("f − f_min"));
  }

  void repairDeclaresTheStatesAndDropsStrayOpacityKeepingOffsets() {
    const std::string content =
        "/GSa gs\nq\n/GS30 gs\nq\n0 0 1 rg\n1.00 ca\n0 0 m 1 1 l\nh f\nQ\n"
        "/GS41 gs\nq\n0.5 CA\nQ\n";
    const std::string pdf = gl2psLikePdf(content);
    QCOMPARE(structureFault(pdf), QString());  // the fixture itself is sound
    const std::string fixed = repairGl2psPdf(pdf);
    QCOMPARE(structureFault(fixed), QString());
    QVERIFY(fixed.find("/ExtGState\n<<\n/GS30 << >>\n/GS41 << >>\n/GSa 7 0 R\n>>") !=
            std::string::npos);
    QVERIFY(fixed.find(" ca\n") == std::string::npos);
    QVERIFY(fixed.find(" CA\n") == std::string::npos);
    QVERIFY(fixed.find("0 0 m 1 1 l\nh f\nQ\n/GS41 gs\nq\nQ\nendstream") != std::string::npos);
    // Nothing to repair, or not GL2PS's layout: the file as it was.
    const std::string sound = gl2psLikePdf("/GSa gs\n0 0 m\n");
    QCOMPARE(repairGl2psPdf(sound), sound);
    const std::string other = "%PDF-1.4\n1 0 obj\n<< >>\nendobj\n/GS30 gs\n";
    QCOMPARE(repairGl2psPdf(other), other);
  }
};

QTEST_APPLESS_MAIN(TestTextEncoding)
#include "test_text_encoding.moc"
