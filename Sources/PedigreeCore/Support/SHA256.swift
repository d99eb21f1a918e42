import CSHA256

/// SHA-256 over Pedigree's own C implementation (`CSHA256`: the x86 SHA extensions when present,
/// portable C otherwise), so that nothing on the CLI's path needs swift-crypto, which brings in
/// Foundation and ICU at every start. The shape follows swift-crypto's `SHA256`.
public struct SHA256: Sendable {
  private var context = pedigree_sha256_context()

  /// A finished digest: 32 bytes.
  public typealias Digest = [UInt8]

  /// Starts an empty digest.
  public init() {
    pedigree_sha256_init(&context)
  }

  /// Adds `bytes` to the digest.
  public mutating func update(data bytes: some Sequence<UInt8>) {
    let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      update(bufferPointer: UnsafeRawBufferPointer(buffer))
    }
    if handled == nil {
      let copy = Array(bytes)
      copy.withUnsafeBytes { update(bufferPointer: $0) }
    }
  }

  /// Adds the bytes of `buffer` to the digest.
  public mutating func update(bufferPointer buffer: UnsafeRawBufferPointer) {
    guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
    pedigree_sha256_update(&context, base, buffer.count)
  }

  /// The digest of everything added.
  public func finalize() -> Digest {
    var copy = context
    var out = [UInt8](repeating: 0, count: 32)
    out.withUnsafeMutableBufferPointer { pedigree_sha256_final(&copy, $0.baseAddress) }
    return out
  }

  /// The digest of `bytes`.
  public static func hash(data bytes: some Sequence<UInt8>) -> Digest {
    var hasher = SHA256()
    hasher.update(data: bytes)
    return hasher.finalize()
  }

  /// Whether the CPU's SHA extensions do the work (else portable C, about a seventh as fast).
  /// Setting `false` forces the portable path (tests); `true` uses the extensions if present.
  public static var usesCPUExtensions: Bool {
    get { pedigree_sha256_uses_cpu_extensions() != 0 }
    set { pedigree_sha256_set_cpu_extensions(newValue ? 1 : 0) }
  }
}
