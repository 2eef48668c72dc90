#include "core/objectives/mlp_classifier.h"

#include <cmath>
#include <random>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "core/objectives/sample_batch.h"
#include "core/registry/params.h"

namespace gradscape {

namespace {

using RowMat = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowVec = Eigen::RowVectorXd;

// The four blocks of a parameter (or gradient, or direction) vector, viewed in place.
template <class T>
struct Layers {
  using M = std::conditional_t<std::is_const_v<T>, const RowMat, RowMat>;
  using V = std::conditional_t<std::is_const_v<T>, const Vec, Vec>;
  Eigen::Map<M> w1;  // width x 2
  Eigen::Map<V> b1;  // width
  Eigen::Map<M> w2;  // classes x width
  Eigen::Map<V> b2;  // classes
  Layers(T* p, int w, int c)
      : w1(p, w, 2), b1(p + 2 * w, w), w2(p + 3 * w, c, w), b2(p + 3 * w + c * w, c) {}
};

std::vector<ParamSpec> mlpClassifierParams() {
  return {ParamSpec::choice("dataset", 1, {"two_spirals", "moons", "xor", "blobs"},
                            "toy 2-D data set the network classifies"),
          ParamSpec::integer("samples", 200, 4, 100000, "number of data points N"),
          ParamSpec::integer("classes", 3, 2, 10, "classes of the blobs data set (others have 2)"),
          ParamSpec::real("noise", 0.1, 0.0, 2.0,
                          "std of the jitter on spirals, moons and xor (blobs have unit spread)"),
          ParamSpec::integer("width", 16, 1, 1024, "hidden units"),
          ParamSpec::choice("activation", 0, {"tanh", "relu"}, "hidden-layer nonlinearity"),
          ParamSpec::real("l2", 0.0, 0.0, 10.0, "weight decay: adds (l2/2) |x|^2"),
          ParamSpec::integer("seed", 0, 0, 2147483648.0, "seed of the data set")};
}

LabeledData validatedData(const MlpClassifierOptions& o) {
  o.validate();
  return makeToyDataset(o.dataset, o.samples, o.classes, o.noise, o.seed);
}

}  // namespace

// Quantities of one forward pass, kept for the backward and R passes.
struct MlpClassifier::Forward {
  Mat a;       // width x B: hidden activations s(z1)
  Mat slope;   // width x B: s'(z1)
  Mat z2;      // classes x B: logits
  RowVec lse;  // log sum exp of each column of z2
  Mat p;       // classes x B: softmax(z2)
  Mat d2;      // classes x B: d loss / d z2 = (p - onehot(y)) / B   (backward)
  Mat da;      // width x B:   d loss / d a  = W2' d2                 (backward)
};

void MlpClassifierOptions::validate() const {
  const auto specs = mlpClassifierParams();
  requireInSpec(specs, "dataset", static_cast<int>(dataset));
  requireInSpec(specs, "samples", samples);
  requireInSpec(specs, "classes", classes);
  requireInSpec(specs, "noise", noise);
  requireInSpec(specs, "width", width);
  requireInSpec(specs, "activation", static_cast<int>(activation));
  requireInSpec(specs, "l2", l2);
  requireInSpec(specs, "seed", static_cast<double>(seed));
}

MlpClassifier::MlpClassifier(const MlpClassifierOptions& options)
    : MlpClassifier(validatedData(options), options.width, options.activation, options.l2) {}

MlpClassifier::MlpClassifier(LabeledData data, int width, MlpActivation activation, double l2)
    : data_(std::move(data)),
      width_(width),
      classes_(data_.classes),
      activation_(activation),
      l2_(l2) {
  requireOption(data_.dim() == 2, "data",
                "must have 2 features, got " + std::to_string(data_.dim()));
  requireOption(data_.size() >= 1, "samples", "must be >= 1, got 0");
  requireOption(data_.labels.size() == static_cast<size_t>(data_.size()), "data",
                "needs one label per sample, got " + std::to_string(data_.labels.size()));
  requireOption(classes_ >= 1, "classes", "must be >= 1, got " + std::to_string(classes_));
  for (const int y : data_.labels) {
    requireOption(y >= 0 && y < classes_, "data",
                  "labels must be in [0, classes), got " + std::to_string(y));
  }
  requireOption(width_ >= 1, "width", "must be >= 1, got " + std::to_string(width_));
  requireOption(std::isfinite(l2_) && l2_ >= 0.0, "l2", "must be >= 0, got " + formatNumber(l2_));
  inputs_ = data_.features.transpose();
}

MlpClassifier::Forward MlpClassifier::forward(VecCRef x, const Mat& inputs) const {
  const Layers<const double> w(x.data(), width_, classes_);
  Forward f;
  Mat z1 = w.w1 * inputs;
  z1.colwise() += w.b1;
  if (activation_ == MlpActivation::Tanh) {
    f.a = z1.array().tanh();
    f.slope = 1.0 - f.a.array().square();
  } else {
    f.a = z1.cwiseMax(0.0);
    f.slope = (z1.array() > 0.0).cast<double>();
  }
  f.z2.noalias() = w.w2 * f.a;
  f.z2.colwise() += w.b2;
  // Shift by the column maximum so exp cannot overflow.
  const RowVec top = f.z2.colwise().maxCoeff();
  f.p = (f.z2.rowwise() - top).array().exp();
  const RowVec sum = f.p.colwise().sum();
  f.p.array().rowwise() /= sum.array();
  f.lse = top.array() + sum.array().log();
  return f;
}

double MlpClassifier::backward(VecCRef x, const Mat& inputs, const std::vector<int>& labels,
                               Forward& f, VecRef g) const {
  const Layers<const double> w(x.data(), width_, classes_);
  const Eigen::Index count = inputs.cols();
  const double inv = 1.0 / static_cast<double>(count);
  // Cross-entropy -log p_y = lse - z_y, stable even where p_y underflows.
  double loss = 0.0;
  f.d2 = f.p;
  for (Eigen::Index n = 0; n < count; ++n) {
    const auto y = labels[static_cast<size_t>(n)];
    loss += f.lse[n] - f.z2(y, n);
    f.d2(y, n) -= 1.0;
  }
  f.d2 *= inv;
  f.da.noalias() = w.w2.transpose() * f.d2;
  const Mat d1 = f.da.cwiseProduct(f.slope);
  Layers<double> grad(g.data(), width_, classes_);
  grad.w2.noalias() = f.d2 * f.a.transpose();
  grad.b2 = f.d2.rowwise().sum();
  grad.w1.noalias() = d1 * inputs.transpose();
  grad.b1 = d1.rowwise().sum();
  return loss * inv;
}

double MlpClassifier::value(VecCRef x) const {
  const Forward f = forward(x, inputs_);
  double loss = 0.0;
  for (Eigen::Index n = 0; n < inputs_.cols(); ++n) {
    loss += f.lse[n] - f.z2(data_.labels[static_cast<size_t>(n)], n);
  }
  return loss / static_cast<double>(inputs_.cols()) + 0.5 * l2_ * x.squaredNorm();
}

double MlpClassifier::valueAndGradient(VecCRef x, VecRef g) const {
  Forward f = forward(x, inputs_);
  const double loss = backward(x, inputs_, data_.labels, f, g);
  g += l2_ * x;
  return loss + 0.5 * l2_ * x.squaredNorm();
}

double MlpClassifier::batchValueAndGradient(VecCRef x, std::span<const int> batch, VecRef g) const {
  checkSampleBatch(batch, inputs_.cols());
  Mat inputs(2, static_cast<Eigen::Index>(batch.size()));
  std::vector<int> labels(batch.size());
  for (size_t k = 0; k < batch.size(); ++k) {
    const int i = batch[k];
    inputs.col(static_cast<Eigen::Index>(k)) = inputs_.col(i);
    labels[k] = data_.labels[static_cast<size_t>(i)];
  }
  Forward f = forward(x, inputs);
  const double loss = backward(x, inputs, labels, f, g);
  g += l2_ * x;
  return loss + 0.5 * l2_ * x.squaredNorm();
}

// Pearlmutter's R-operator R{.} = d/dt (.)(x + t v) at t = 0, pushed through the forward and
// backward passes:
//   R z1 = V1 P + c1,  R a = s'(z1) R z1,  R z2 = V2 a + W2 R a + c2,
//   R p = p (R z2 - <p, R z2>)  (softmax Jacobian, per column),  R d2 = R p / B,
//   R gW2 = R d2 a' + d2 (R a)',  R da = V2' d2 + W2' R d2,
//   R d1 = R da s'(z1) + da s''(z1) R z1,  R gW1 = R d1 P',
// with s'' = -2 tanh s' for tanh and 0 for ReLU.
void MlpClassifier::hessianVectorProduct(VecCRef x, VecCRef v, VecRef hv) const {
  const Layers<const double> w(x.data(), width_, classes_);
  const Layers<const double> dir(v.data(), width_, classes_);
  Forward f = forward(x, inputs_);
  backward(x, inputs_, data_.labels, f, hv);  // hv is scratch here: it needs d2 and da
  const double inv = 1.0 / static_cast<double>(inputs_.cols());

  Mat rz1 = dir.w1 * inputs_;
  rz1.colwise() += dir.b1;
  const Mat ra = f.slope.cwiseProduct(rz1);
  Mat rz2 = dir.w2 * f.a;
  rz2.noalias() += w.w2 * ra;
  rz2.colwise() += dir.b2;
  const RowVec mean = f.p.cwiseProduct(rz2).colwise().sum();
  const Mat rd2 = inv * (f.p.array() * (rz2.rowwise() - mean).array()).matrix();

  Mat rda = dir.w2.transpose() * f.d2;
  rda.noalias() += w.w2.transpose() * rd2;
  Mat rd1 = rda.cwiseProduct(f.slope);
  if (activation_ == MlpActivation::Tanh) {
    rd1.array() -= 2.0 * f.da.array() * f.a.array() * f.slope.array() * rz1.array();
  }

  Layers<double> out(hv.data(), width_, classes_);
  out.w2.noalias() = rd2 * f.a.transpose();
  out.w2.noalias() += f.d2 * ra.transpose();
  out.b2 = rd2.rowwise().sum();
  out.w1.noalias() = rd1 * inputs_.transpose();
  out.b1 = rd1.rowwise().sum();
  hv += l2_ * v;
}

Box MlpClassifier::domain() const {
  return {Vec::Constant(dim(), -2.0), Vec::Constant(dim(), 2.0)};
}

Vec MlpClassifier::defaultStart(uint64_t seed) const {
  std::mt19937_64 rng(seed);
  Vec x(dim());
  const double hidden = 1.0 / std::sqrt(2.0);
  const double output = 1.0 / std::sqrt(static_cast<double>(width_));
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const double bound = i < Eigen::Index{3} * width_ ? hidden : output;
    const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
    x[i] = bound * (2.0 * u - 1.0);
  }
  return x;
}

void MlpClassifier::classProbabilities(VecCRef x, const Mat& points, Mat& probabilities) const {
  if (points.cols() != 2) {
    throw std::invalid_argument("points: must have 2 columns, got " +
                                std::to_string(points.cols()));
  }
  probabilities = forward(x, points.transpose()).p.transpose();
}

RegistryEntry<Objective> mlpClassifierEntry() {
  return {"mlp", "Two-layer MLP classifier",
          "mean cross-entropy of softmax(W2 s(W1 p + b1) + b2) on a toy 2-D data set + (l2/2)|x|^2",
          mlpClassifierParams(), [](const ParamValues& p) -> std::unique_ptr<Objective> {
            MlpClassifierOptions o;
            o.dataset = static_cast<ToyDataset>(p.choice("dataset"));
            o.samples = static_cast<int>(p.integer("samples"));
            o.classes = static_cast<int>(p.integer("classes"));
            o.noise = p.get("noise");
            o.width = static_cast<int>(p.integer("width"));
            o.activation = p.choice("activation") == 1 ? MlpActivation::Relu : MlpActivation::Tanh;
            o.l2 = p.get("l2");
            o.seed = static_cast<uint64_t>(p.integer("seed"));
            return std::make_unique<MlpClassifier>(o);
          }};
}

std::vector<Objective::ParameterRange> MlpClassifier::filters() const {
  // Layout: W1 (width x 2, row-major), b1 (width), W2 (classes x width, row-major), b2.
  std::vector<ParameterRange> out;
  for (int i = 0; i < width_; ++i) out.push_back({2 * i, 2});
  for (int c = 0; c < classes_; ++c) out.push_back({3 * width_ + c * width_, width_});
  return out;
}

}  // namespace gradscape
