// The landscape and the paths as VTK XML: what VTK's own readers (ParaView's) get back from the
// files is the grid's every point and value and every run's path, iterations, losses and label,
// to the last bit; a failed write leaves nothing behind.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkDataArray.h>
#include <vtkIdList.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkStringArray.h>
#include <vtkStructuredGrid.h>
#include <vtkXMLPolyDataReader.h>
#include <vtkXMLStructuredGridReader.h>

#include <cmath>
#include <limits>

#include "core/objectives/objective_registry.h"
#include "plots/export/vtk_xml.h"

using namespace gradscape;
using namespace gradscape::plots;

namespace {

// Rosenbrock on an 11 x 7 grid over [-2, 2] x [-1, 3] (nx != ny, so x and y cannot be swapped
// unnoticed), with one sample made NaN as a pole would.
LandscapeGrid roseGrid() {
  const auto* entry = objectiveRegistry().find("rosenbrock");
  const auto f = entry->make(ParamValues::withDefaults(entry->params, {}));
  Box box{Vec(2), Vec(2)};
  box.lower << -2, -1;
  box.upper << 2, 3;
  LandscapeGrid g = sampleLandscape(*f, box, 11, 7);
  g.values[3 * 11 + 4] = std::numeric_limits<double>::quiet_NaN();
  return g;
}

RunView path(const std::string& label, std::vector<double> x, std::vector<double> y,
             bool diverged) {
  RunView v;
  v.label = label;
  v.x = std::move(x);
  v.y = std::move(y);
  for (size_t k = 0; k < v.x.size(); ++k) {
    v.iteration.push_back(static_cast<double>(3 * k));
    v.loss.push_back(1.0 / (1.0 + static_cast<double>(k)) + 1e-13);
  }
  v.diverged = diverged;
  return v;
}

}  // namespace

class TestVtkXmlExport : public QObject {
  Q_OBJECT

 private slots:
  void landscapeReadsBackAsItsGrid() {
    const LandscapeGrid grid = roseGrid();
    QTemporaryDir dir;
    const std::string file = dir.filePath("rose.vts").toStdString();
    QCOMPARE(writeLandscapeVts(grid, file), std::string());
    vtkNew<vtkXMLStructuredGridReader> reader;
    reader->SetFileName(file.c_str());
    reader->Update();
    vtkStructuredGrid* read = reader->GetOutput();
    int dims[3];
    read->GetDimensions(dims);
    QCOMPARE(dims[0], 11);
    QCOMPARE(dims[1], 7);
    QCOMPARE(dims[2], 1);
    vtkDataArray* f = read->GetPointData()->GetArray("f");
    QVERIFY(f != nullptr);
    QCOMPARE(f->GetNumberOfTuples(), vtkIdType{77});
    for (int j = 0; j < 7; ++j) {
      for (int i = 0; i < 11; ++i) {
        const vtkIdType id = j * 11 + i;
        double p[3];
        read->GetPoint(id, p);
        QCOMPARE(p[0], -2.0 + 4.0 * i / 10);
        QCOMPARE(p[1], -1.0 + 4.0 * j / 6);
        QCOMPARE(p[2], 0.0);
        if (i == 4 && j == 3) {
          QVERIFY(std::isnan(f->GetTuple1(id)));
        } else {
          // Rosenbrock by hand: (1 - x)^2 + 100 (y - x^2)^2.
          const double x = p[0], y = p[1];
          QVERIFY(f->GetTuple1(id) == grid.at(i, j));
          QVERIFY(std::abs(f->GetTuple1(id) -
                           ((1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x))) < 1e-9);
        }
      }
    }
  }

  void pathsReadBackAsPolylinesWithTheirData() {
    const std::vector<RunView> runs{
        path("Adam  lr=0.02", {-1.5, -1.0, 0.25, 0.999999999999}, {2.0, 1.0, 0.1, 1.0 / 3}, false),
        path("GD (2)", {0.5, 7e9}, {0.5, -3e9}, true)};
    QTemporaryDir dir;
    const std::string file = dir.filePath("paths.vtp").toStdString();
    QCOMPARE(writePathsVtp(runs, file), std::string());
    vtkNew<vtkXMLPolyDataReader> reader;
    reader->SetFileName(file.c_str());
    reader->Update();
    vtkPolyData* read = reader->GetOutput();
    QCOMPARE(read->GetNumberOfLines(), vtkIdType{2});
    QCOMPARE(read->GetNumberOfPoints(), vtkIdType{6});
    auto* label = vtkStringArray::SafeDownCast(read->GetCellData()->GetAbstractArray("label"));
    vtkDataArray* index = read->GetCellData()->GetArray("run");
    vtkDataArray* diverged = read->GetCellData()->GetArray("diverged");
    vtkDataArray* iteration = read->GetPointData()->GetArray("iteration");
    vtkDataArray* loss = read->GetPointData()->GetArray("loss");
    QVERIFY(label && index && diverged && iteration && loss);
    vtkCellArray* lines = read->GetLines();
    lines->InitTraversal();
    vtkNew<vtkIdList> ids;
    for (vtkIdType r = 0; r < 2; ++r) {
      const RunView& run = runs[static_cast<size_t>(r)];
      QVERIFY(lines->GetNextCell(ids));
      QCOMPARE(ids->GetNumberOfIds(), static_cast<vtkIdType>(run.x.size()));
      QVERIFY(std::string(label->GetValue(r)) == run.label);
      QCOMPARE(index->GetTuple1(r), static_cast<double>(r));
      QCOMPARE(diverged->GetTuple1(r), run.diverged ? 1.0 : 0.0);
      for (vtkIdType k = 0; k < ids->GetNumberOfIds(); ++k) {
        const vtkIdType id = ids->GetId(k);
        double p[3];
        read->GetPoint(id, p);
        const auto at = static_cast<size_t>(k);
        QVERIFY(p[0] == run.x[at]);
        QVERIFY(p[1] == run.y[at]);
        QCOMPARE(p[2], 0.0);
        QVERIFY(iteration->GetTuple1(id) == run.iteration[at]);
        QVERIFY(loss->GetTuple1(id) == run.loss[at]);
      }
    }
  }

  void aWriteThatCannotHappenLeavesNothing() {
    QTemporaryDir dir;
    QFile plain(dir.filePath("plain"));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    // A regular file as the parent folder: fails for root too.
    const std::string error =
        writeLandscapeVts(roseGrid(), dir.filePath("plain/rose.vts").toStdString());
    QVERIFY2(error.find("Not a directory") != std::string::npos, error.c_str());
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{"plain"});
  }
};

QTEST_APPLESS_MAIN(TestVtkXmlExport)
#include "test_vtk_xml_export.moc"
