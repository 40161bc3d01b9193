#pragma once
// A set of small integers (ranks 0..n-1) as a 64-ary tree of bit words:
// insert, erase, predecessor and successor in O(log64 n), no allocation after
// construction. The sweeps keep their staircases in it, keyed by sort rank.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace request::pareto {

// Ordered set of ranks below a fixed bound.
class RankSet {
public:
  // Returned by next/prev when there is no such rank.
  static constexpr size_t k_none = static_cast<size_t>(-1);

  // An empty set of ranks below n.
  explicit RankSet(size_t n) {
    size_t s = n == 0 ? 1 : n;
    do {
      s = (s + 63) / 64;
      m_levels.emplace_back(s, 0);
    } while (s > 1);
  }

  // Adds rank i.
  void insert(size_t i) {
    for (auto& level : m_levels) {
      level[i >> 6] |= uint64_t{1} << (i & 63);
      i >>= 6;
    }
  }

  // Removes rank i.
  void erase(size_t i) {
    for (auto& level : m_levels) {
      uint64_t& w = level[i >> 6];
      w &= ~(uint64_t{1} << (i & 63));
      if (w) break;
      i >>= 6;
    }
  }

  // The smallest rank >= i in the set, or k_none.
  size_t next(size_t i) const {
    size_t h = 0;
    for (; h < m_levels.size(); ++h) {
      if ((i >> 6) >= m_levels[h].size()) return k_none;
      uint64_t w = m_levels[h][i >> 6] & (~uint64_t{0} << (i & 63));
      if (w) {
        i = (i & ~size_t{63}) | static_cast<size_t>(std::countr_zero(w));
        break;
      }
      i = (i >> 6) + 1;
    }
    if (h == m_levels.size()) return k_none;
    while (h > 0) {
      --h;
      i = (i << 6) | static_cast<size_t>(std::countr_zero(m_levels[h][i]));
    }
    return i;
  }

  // The largest rank <= i in the set, or k_none.
  size_t prev(size_t i) const {
    size_t h = 0;
    for (; h < m_levels.size(); ++h) {
      uint64_t w = m_levels[h][i >> 6] & (~uint64_t{0} >> (63 - (i & 63)));
      if (w) {
        i = (i & ~size_t{63}) | static_cast<size_t>(63 - std::countl_zero(w));
        break;
      }
      if ((i >> 6) == 0) return k_none;
      i = (i >> 6) - 1;
    }
    if (h == m_levels.size()) return k_none;
    while (h > 0) {
      --h;
      i = (i << 6) | static_cast<size_t>(63 - std::countl_zero(m_levels[h][i]));
    }
    return i;
  }

private:
  std::vector<std::vector<uint64_t>> m_levels;  // m_levels[0] holds one bit per rank
};

}  // namespace request::pareto
