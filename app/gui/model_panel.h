#pragma once
// The Model view: what a classifier has learnt, drawn over its 2-D input plane (decision regions,
// boundary, training data) at one parameter vector, usually the selected run's current iterate.
// Parameters may stream in at any rate: the map is rebuilt at most kRedrawsPerSecond times a
// second (fewer when a rebuild is slow) with the newest ones, and only while the panel is
// visible. Sampling runs on the GUI thread: about 5 ms for a width-16 network on a 121 x 121 grid.
#include <QString>
#include <QWidget>
#include <cstdint>
#include <memory>

#include "core/types.h"

namespace gradscape {
class MlpClassifier;
}
namespace gradscape::plots {
class DecisionMap;
}

namespace gradscape::gui {

class VtkView;

class ModelPanel : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kRedrawsPerSecond = 10;

  explicit ModelPanel(QWidget* parent = nullptr);
  ~ModelPanel() override;

  // Shows the decision regions of `model`; nullptr shows a hint to choose the Two-layer MLP
  // objective instead. A different model forgets the parameters (they were another network's):
  // until new ones come, the map shows the training data alone.
  void setModel(std::shared_ptr<const MlpClassifier> model);
  // The network's parameters x (after `iteration` steps of run `runName`). Ignored without a
  // model or when x does not have the model's dimension.
  void setParameters(const Vec& x, const QString& runName, int64_t iteration);

  VtkView* view() const;
  plots::DecisionMap& map() const;

  // Grid points per side for a network: a rebuild runs the network on the grid and on the data
  // (for the accuracy), about (width + classes) work per point, and should stay near 30 ms.
  // 121 for width 16 on 200 points, 35 for width 1024, never below 25.
  static int gridSizeFor(const MlpClassifier& model);

 signals:
  // After the map was rebuilt from the newest model and parameters.
  void mapRebuilt();

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void schedule();
  void rebuild();

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::gui
