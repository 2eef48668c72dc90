#pragma once
// What the engine thread hands the GUI, by value: every run's status and a copy of its trace.
#include <QMetaType>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include "core/optimizers/update_parts.h"
#include "core/run/run.h"
#include "plots/run_view.h"

namespace gradscape::gui {

inline constexpr int kSnapshotPointDim = 4096;

struct RunSnapshot {
  RunStatus status = RunStatus::Running;
  std::string statusText;  // Run::statusText(), e.g. "diverged at step 17"
  int64_t iterations = 0;  // steps taken
  int64_t maxIterations = 0;
  double loss = 0.0;  // loss of the last recorded row (NaN before the first)
  // The current iterate x_k in full, for views of the model it parameterises (empty beyond
  // kSnapshotPointDim dimensions: the copy would cost more than it shows).
  Vec point;
  plots::RunView view;  // label and colour are filled in by the GUI
  // The next step x_{k+1} - x_k taken apart (Run::explainNextStep), for an unfinished run when
  // the user steps, pauses or resets; never while playing or running to the end, nor for a
  // new scenario (until a step or a reset).
  std::optional<UpdateParts> nextUpdate;
};

struct EngineSnapshot {
  uint64_t generation = 0;  // increases with every new scenario; older snapshots are stale
  std::vector<RunSnapshot> runs;
  bool allFinished = false;
  double progress = 0.0;  // steps taken / steps allowed, over all runs, in [0, 1]
};

}  // namespace gradscape::gui

Q_DECLARE_METATYPE(gradscape::gui::EngineSnapshot)
