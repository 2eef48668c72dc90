#pragma once
// A std::vector whose resize() leaves new elements of trivial types uninitialized: the trace
// sizes its storage ahead of the rows it will write, and zeroing megabytes that are about to be
// overwritten (or never used, when a run stops early) would cost more than the run itself.
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace gradscape {

template <class T>
struct DefaultInitAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = DefaultInitAllocator<U>;
  };
  DefaultInitAllocator() = default;
  template <class U>
  explicit DefaultInitAllocator(const DefaultInitAllocator<U>& /*other*/) noexcept {}

  // resize(n) constructs with no arguments: default-initialize (no zeroing) instead of
  // value-initialize.
  template <class U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    std::allocator_traits<std::allocator<T>>::construct(static_cast<std::allocator<T>&>(*this), p,
                                                        std::forward<Args>(args)...);
  }
};

template <class T>
using UninitializedVector = std::vector<T, DefaultInitAllocator<T>>;

}  // namespace gradscape
