#pragma once
// Vector and matrix aliases used throughout the engine.
#include <Eigen/Core>

namespace gradscape {

using Vec = Eigen::VectorXd;
using Mat = Eigen::MatrixXd;
// Read-only view of any contiguous vector expression (no copy for Vec, blocks, maps).
using VecCRef = const Eigen::Ref<const Eigen::VectorXd>&;
// Writable view of a vector of the right size.
using VecRef = Eigen::Ref<Eigen::VectorXd>;

}  // namespace gradscape
