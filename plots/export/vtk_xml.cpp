#include "plots/export/vtk_xml.h"

#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkDoubleArray.h>
#include <vtkIntArray.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkStringArray.h>
#include <vtkStructuredGrid.h>
#include <vtkXMLPolyDataWriter.h>
#include <vtkXMLStructuredGridWriter.h>

#include "core/io/atomic_file.h"

namespace gradscape::plots {

namespace {

// The writer's output as a string ("" when VTK could not write it).
template <class Writer, class Data>
std::string xmlText(Data* data) {
  vtkNew<Writer> writer;
  writer->SetInputData(data);
  writer->SetDataModeToBinary();  // base64 in the XML: plain text, every bit of every double
  writer->WriteToOutputStringOn();
  if (writer->Write() != 1) return {};
  return writer->GetOutputString();
}

std::string writeText(const std::string& text, const std::string& path) {
  if (text.empty()) return "cannot write '" + path + "': VTK could not encode the data";
  return writeFileAtomically(path, text);
}

}  // namespace

std::string landscapeVtsText(const LandscapeGrid& grid) {
  vtkNew<vtkStructuredGrid> sg;
  sg->SetDimensions(grid.nx, grid.ny, 1);
  vtkNew<vtkPoints> points;
  points->SetDataTypeToDouble();
  points->SetNumberOfPoints(static_cast<vtkIdType>(grid.nx) * grid.ny);
  vtkNew<vtkDoubleArray> f;
  f->SetName("f");
  f->SetNumberOfValues(points->GetNumberOfPoints());
  // VTK's structured order is x fastest, then y: the grid's own index j * nx + i.
  for (int j = 0; j < grid.ny; ++j) {
    for (int i = 0; i < grid.nx; ++i) {
      const vtkIdType id = static_cast<vtkIdType>(j) * grid.nx + i;
      points->SetPoint(id, grid.x(i), grid.y(j), 0.0);
      f->SetValue(id, grid.at(i, j));
    }
  }
  sg->SetPoints(points);
  sg->GetPointData()->AddArray(f);
  sg->GetPointData()->SetActiveScalars("f");
  return xmlText<vtkXMLStructuredGridWriter>(sg.Get());
}

std::string pathsVtpText(const std::vector<RunView>& runs) {
  vtkNew<vtkPolyData> poly;
  vtkNew<vtkPoints> points;
  points->SetDataTypeToDouble();
  vtkNew<vtkCellArray> lines;
  vtkNew<vtkDoubleArray> iteration, loss;
  iteration->SetName("iteration");
  loss->SetName("loss");
  vtkNew<vtkStringArray> label;
  label->SetName("label");
  vtkNew<vtkIntArray> index, diverged;
  index->SetName("run");
  diverged->SetName("diverged");
  for (size_t r = 0; r < runs.size(); ++r) {
    const RunView& run = runs[r];
    lines->InsertNextCell(static_cast<vtkIdType>(run.x.size()));
    for (size_t k = 0; k < run.x.size(); ++k) {
      lines->InsertCellPoint(points->InsertNextPoint(run.x[k], run.y[k], 0.0));
      iteration->InsertNextValue(run.iteration[k]);
      loss->InsertNextValue(run.loss[k]);
    }
    label->InsertNextValue(run.label);
    index->InsertNextValue(static_cast<int>(r));
    diverged->InsertNextValue(run.diverged ? 1 : 0);
  }
  poly->SetPoints(points);
  poly->SetLines(lines);
  poly->GetPointData()->AddArray(iteration);
  poly->GetPointData()->AddArray(loss);
  poly->GetCellData()->AddArray(label);
  poly->GetCellData()->AddArray(index);
  poly->GetCellData()->AddArray(diverged);
  return xmlText<vtkXMLPolyDataWriter>(poly.Get());
}

std::string writeLandscapeVts(const LandscapeGrid& grid, const std::string& path) {
  return writeText(landscapeVtsText(grid), path);
}

std::string writePathsVtp(const std::vector<RunView>& runs, const std::string& path) {
  return writeText(pathsVtpText(runs), path);
}

}  // namespace gradscape::plots
