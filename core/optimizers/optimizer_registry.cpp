#include "core/optimizers/optimizer_registry.h"

#include "core/optimizers/adabelief.h"
#include "core/optimizers/adabound.h"
#include "core/optimizers/adadelta.h"
#include "core/optimizers/adagrad.h"
#include "core/optimizers/adam_family.h"
#include "core/optimizers/adamax.h"
#include "core/optimizers/heavy_ball.h"
#include "core/optimizers/lbfgs.h"
#include "core/optimizers/lion.h"
#include "core/optimizers/nadam.h"
#include "core/optimizers/newton.h"
#include "core/optimizers/radam.h"
#include "core/optimizers/rmsprop.h"
#include "core/optimizers/sgd.h"

namespace gradscape {

const Registry<Optimizer>& optimizerRegistry() {
  static const Registry<Optimizer> registry({
      sgdEntry(),
      adagradEntry(),
      rmspropEntry(),
      adadeltaEntry(),
      adamEntry(),
      adamwEntry(),
      amsgradEntry(),
      adamaxEntry(),
      nadamEntry(),
      radamEntry(),
      heavyBallEntry(),
      lionEntry(),
      adaBeliefEntry(),
      adaBoundEntry(),
      newtonEntry(),
      lbfgsEntry(),
  });
  return registry;
}

}  // namespace gradscape
