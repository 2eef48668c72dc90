#include "plots/chart_data.h"

#include <vtkDoubleArray.h>
#include <vtkNew.h>
#include <vtkTable.h>
#include <vtkTextProperty.h>

#include "plots/text_style.h"
#include "plots/theme.h"

namespace gradscape::plots {

unsigned char colorByte(double c) {
  return static_cast<unsigned char>(std::lround(std::clamp(c, 0.0, 1.0) * 255.0));
}

void styleFont(vtkTextProperty* property, int size, bool bold) {
  property->SetFontFamilyToArial();
  property->SetFontSize(size);
  property->SetBold(bold);
  property->ShadowOff();
  setTextColor(property, currentPalette().ink);
}

vtkSmartPointer<vtkTable> makeTable(std::initializer_list<const char*> columns) {
  auto table = vtkSmartPointer<vtkTable>::New();
  for (const char* name : columns) {
    vtkNew<vtkDoubleArray> column;
    column->SetName(name);
    table->AddColumn(column);
  }
  return table;
}

void drawableRows(const std::vector<double>& x, const std::vector<double>& y, const Drawable& keep,
                  std::vector<size_t>& rows) {
  rows.clear();
  const size_t n = std::min(x.size(), y.size());
  for (size_t i = 0; i < n; ++i) {
    if (keep(x[i], y[i])) rows.push_back(i);
  }
}

Bounds writeRows(vtkTable* table, const std::vector<double>& x, const std::vector<double>& y,
                 const std::vector<size_t>& rows, bool breakAtGaps) {
  size_t count = rows.size();
  if (breakAtGaps) {
    for (size_t j = 1; j < rows.size(); ++j) count += rows[j] != rows[j - 1] + 1 ? 1 : 0;
  }
  auto* xs = vtkDoubleArray::SafeDownCast(table->GetColumn(0));
  auto* ys = vtkDoubleArray::SafeDownCast(table->GetColumn(1));
  // SetNumberOfValues also shrinks (WritePointer would keep a longer old length).
  xs->SetNumberOfValues(static_cast<vtkIdType>(count));
  ys->SetNumberOfValues(static_cast<vtkIdType>(count));
  double* px = xs->GetPointer(0);
  double* py = ys->GetPointer(0);
  Bounds bounds;
  size_t k = 0;
  for (size_t j = 0; j < rows.size(); ++j) {
    if (count > rows.size() && j > 0 && rows[j] != rows[j - 1] + 1) {
      px[k] = py[k] = std::nan("");
      ++k;
    }
    px[k] = x[rows[j]];
    py[k] = y[rows[j]];
    bounds.add(px[k], py[k]);
    ++k;
  }
  xs->Modified();
  ys->Modified();
  table->Modified();
  return bounds;
}

void setColumn(vtkTable* table, int index, const std::vector<double>& values) {
  auto* column = vtkDoubleArray::SafeDownCast(table->GetColumn(index));
  column->SetNumberOfValues(static_cast<vtkIdType>(values.size()));
  std::copy(values.begin(), values.end(), column->GetPointer(0));
  column->Modified();
  table->Modified();
}

}  // namespace gradscape::plots
