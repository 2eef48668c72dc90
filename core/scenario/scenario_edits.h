#pragma once
// Edits of a scenario's scenario-wide values as the desktop program makes them (the user drags
// the start, edits the stop rules). A run follows a scenario-wide value while its own equals it;
// a run whose own value differs (an override read from a file: "runs": [{"start": ...}]) keeps
// it, so opening a file and editing the scenario-wide values never silently undoes the file's
// per-run choices.
#include "core/scenario/scenario.h"

namespace gradscape {

// Sets the scenario's start. Runs whose start equals the old one move with it; so do runs whose
// start has another dimension than the new one (after a change of problem their own start no
// longer fits). Returns how many runs kept a start of their own.
int setScenarioStart(Scenario& scenario, const Vec& start);

// Sets the scenario's stop rules. Runs whose rules equal the old ones take the new ones. Returns
// how many runs kept rules of their own.
int setScenarioStop(Scenario& scenario, const StopRules& stop);

}  // namespace gradscape
