#include "core/objectives/objective_registry.h"

#include "core/objectives/ackley.h"
#include "core/objectives/beale.h"
#include "core/objectives/booth.h"
#include "core/objectives/branin.h"
#include "core/objectives/easom.h"
#include "core/objectives/goldstein_price.h"
#include "core/objectives/himmelblau.h"
#include "core/objectives/levy_n13.h"
#include "core/objectives/linear_regression.h"
#include "core/objectives/logistic_regression.h"
#include "core/objectives/matrix_sensing.h"
#include "core/objectives/matyas.h"
#include "core/objectives/mccormick.h"
#include "core/objectives/mlp_classifier.h"
#include "core/objectives/monkey_saddle.h"
#include "core/objectives/rastrigin.h"
#include "core/objectives/rosenbrock.h"
#include "core/objectives/rotated_quadratic.h"
#include "core/objectives/saddle.h"
#include "core/objectives/six_hump_camel.h"
#include "core/objectives/softmax_regression.h"
#include "core/objectives/spectrum_quadratic.h"
#include "core/objectives/styblinski_tang.h"
#include "core/objectives/three_hump_camel.h"

namespace gradscape {

const Registry<Objective>& objectiveRegistry() {
  static const Registry<Objective> registry({
      // Valleys and bowls.
      rosenbrockEntry(),
      rotatedQuadraticEntry(),
      bealeEntry(),
      boothEntry(),
      matyasEntry(),
      goldsteinPriceEntry(),
      mccormickEntry(),
      // Several minima.
      himmelblauEntry(),
      sixHumpCamelEntry(),
      threeHumpCamelEntry(),
      braninEntry(),
      styblinskiTangEntry(),
      // Many local minima, flat plateaus.
      rastriginEntry(),
      ackleyEntry(),
      levyN13Entry(),
      easomEntry(),
      // No minimum.
      saddleEntry(),
      monkeySaddleEntry(),
      // Many dimensions: chosen spectra and models fitted to generated data.
      spectrumQuadraticEntry(),
      linearRegressionEntry(),
      logisticRegressionEntry(),
      softmaxRegressionEntry(),
      mlpClassifierEntry(),
      matrixSensingEntry(),
  });
  return registry;
}

}  // namespace gradscape
