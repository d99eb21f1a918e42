/// The SplitMix64 finaliser (https://prng.di.unimi.it/splitmix64.c) as a stateless hash: every
/// value of a workload is hashed from its seed and coordinates, so the same spec gives the same
/// bytes on every machine, and one value can be computed without generating those before it.
enum SplitMix {
  static func mix(_ word: UInt64) -> UInt64 {
    var z = word &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The hash of `seed` followed by `words`.
  static func hash(_ seed: UInt64, _ words: [UInt64]) -> UInt64 {
    words.reduce(mix(seed)) { hash, word in mix(hash ^ word) }
  }
}
