#pragma once
// A two-layer perceptron on a toy 2-D data set: the smallest landscape with the features of
// deep-learning losses (symmetries, saddles, flat valleys, sharp and flat minima).
#include <cstdint>
#include <span>
#include <vector>

#include "core/data/labeled_data.h"
#include "core/data/toy_datasets.h"
#include "core/objectives/objective.h"
#include "core/registry/registry.h"

namespace gradscape {

enum class MlpActivation { Tanh, Relu };

struct MlpClassifierOptions {
  ToyDataset dataset = ToyDataset::Moons;
  int samples = 200;   // data set size N, 4..100000
  int classes = 3;     // used by Blobs; the other data sets have 2 classes. 2..10
  double noise = 0.1;  // coordinate jitter std of the data set, 0..2
  int width = 16;      // hidden units, 1..1024
  MlpActivation activation = MlpActivation::Tanh;
  double l2 = 0.0;    // weight decay: + (l2 / 2) ||x||^2, 0..10
  uint64_t seed = 0;  // data set seed, 0..2^31
  // Throws std::invalid_argument("<field>: ..., got <value>") naming the first bad field.
  void validate() const;
};

// f(x) = (1/N) sum_n CE(softmax(W2 s(W1 p_n + b1) + b2), y_n) + (l2/2) ||x||^2 with s = tanh or
// ReLU. x = [W1 (width x 2, row-major), b1 (width), W2 (classes x width, row-major), b2
// (classes)]. The batch is held as columns so every pass is a matrix product. The Hessian-vector
// product is Pearlmutter's R-operator (forward-over-reverse): one forward, one R-forward, one
// backward and one R-backward pass, about three gradients' worth of work. ReLU's second
// derivative is taken as 0 (and its slope at 0 as 0).
class MlpClassifier final : public Objective {
 public:
  explicit MlpClassifier(const MlpClassifierOptions& options = {});
  // A network on given 2-feature data (labels in [0, data.classes)).
  MlpClassifier(LabeledData data, int width, MlpActivation activation, double l2);

  int dim() const override { return (3 + classes_) * width_ + classes_; }
  double value(VecCRef x) const override;
  void gradient(VecCRef x, VecRef g) const override { valueAndGradient(x, g); }
  double valueAndGradient(VecCRef x, VecRef g) const override;
  Mat hessian(VecCRef x) const override { return hessianFromProducts(*this, x); }
  void hessianVectorProduct(VecCRef x, VecCRef v, VecRef hv) const override;
  Box domain() const override;
  // PyTorch nn.Linear's default initialisation: every weight and bias of a layer uniform in
  // [-1/sqrt(fan_in), 1/sqrt(fan_in)] (fan_in 2 for the hidden layer, width for the output).
  Vec defaultStart(uint64_t seed) const override;
  int64_t sampleCount() const override { return data_.size(); }
  double batchValueAndGradient(VecCRef x, std::span<const int> batch, VecRef g) const override;

  // The rows of W1 and of W2 (each neuron's incoming weights); biases are left out.
  std::vector<ParameterRange> filters() const override;
  const LabeledData& data() const { return data_; }
  int classes() const { return classes_; }
  int width() const { return width_; }
  MlpActivation activation() const { return activation_; }
  // Softmax outputs at `points` (m x 2, one per row) into `probabilities` (m x classes).
  void classProbabilities(VecCRef x, const Mat& points, Mat& probabilities) const;

 private:
  struct Forward;
  Forward forward(VecCRef x, const Mat& inputs) const;
  // Mean cross-entropy of `labels` under f.p and its gradient (no l2 term).
  double backward(VecCRef x, const Mat& inputs, const std::vector<int>& labels, Forward& f,
                  VecRef g) const;

  LabeledData data_;
  Mat inputs_;  // 2 x N: the features with one sample per column
  int width_;
  int classes_;
  MlpActivation activation_;
  double l2_;
};

RegistryEntry<Objective> mlpClassifierEntry();

}  // namespace gradscape
