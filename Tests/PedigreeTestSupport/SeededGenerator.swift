/// The one seeded random generator of the tests: SplitMix64 (https://prng.di.unimi.it/splitmix64.c),
/// the generator whose finaliser `PedigreeBench`'s `SplitMix` hashes workloads with. Deterministic
/// on every machine, so a failing fuzz input or kill schedule is replayed from its seed.
///
/// ```swift
/// var random = SeededGenerator(seed: 0x5EED_2026)
/// let length = Int.random(in: 0...200, using: &random)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  /// The generator's whole state: the seed plus the number of values drawn times the golden gamma.
  public private(set) var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
