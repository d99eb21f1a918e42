import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// Pedigree's own SHA-256 (CSHA256, which keeps swift-crypto and Foundation off the CLI's path)
/// gives FIPS 180-4's digests on both of its paths (the x86 SHA extensions and portable C), in
/// one piece or in any split, the same as coreutils' `sha256sum`.
@Suite(.serialized) struct SHA256Tests {
  static func hex(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
  }

  /// The reference: coreutils' `sha256sum` over `bytes`.
  static func sha256sum(_ bytes: [UInt8]) throws -> String {
    let directory = TemporaryDirectory("pedigree-sha")
    let path = directory.path + "/input"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(String(decoding: output, as: UTF8.self).prefix(64))
  }

  /// Runs `body` on the portable path, then on the CPU's extensions when it has them.
  static func onEachPath(_ body: () throws -> Void) rethrows {
    let original = PedigreeCore.SHA256.usesCPUExtensions
    defer { PedigreeCore.SHA256.usesCPUExtensions = original }
    for extensions in [false, true] {
      PedigreeCore.SHA256.usesCPUExtensions = extensions
      try body()
    }
  }

  @Test func nistVectors() {
    let vectors: [(String, String)] = [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
      (
        String(repeating: "a", count: 1_000_000),
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
      ),
    ]
    Self.onEachPath {
      for (message, digest) in vectors {
        #expect(Self.hex(PedigreeCore.SHA256.hash(data: Array(message.utf8))) == digest)
      }
    }
    #expect(Digest.sha256(Array("abc".utf8)) == "sha256:" + vectors[1].1)
  }

  @Test func matchesSha256sumInAnySplit() throws {
    var generator = SeededGenerator(seed: 256)
    try Self.onEachPath {
      for length in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4095, 65_537] {
        let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let expected = try Self.sha256sum(bytes)
        #expect(Self.hex(PedigreeCore.SHA256.hash(data: bytes)) == expected, "length \(length)")
        var hasher = PedigreeCore.SHA256()
        var offset = 0
        while offset < length {
          let piece = min(Int.random(in: 0...130, using: &generator), length - offset)
          hasher.update(data: bytes[offset..<offset + piece])
          offset += piece
        }
        #expect(Self.hex(hasher.finalize()) == expected, "length \(length) in pieces")
        #expect(Self.hex(hasher.finalize()) == expected, "finalize leaves the hasher as it was")
      }
    }
  }

  @Test func hashesAFileLikeItsBytes() throws {
    let directory = TemporaryDirectory("pedigree-sha")
    let path = directory.path + "/blob"
    var generator = SeededGenerator(seed: 7)
    let bytes = (0..<(3 << 20) + 17).map { _ in UInt8.random(in: 0...255, using: &generator) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let file = try Digest.sha256(fileAt: path)
    #expect(file.size == Int64(bytes.count))
    #expect(file.digest == "sha256:" + (try Self.sha256sum(bytes)))
  }
}

/// `Paths` (the CLI's Foundation-free path text) answers as `NSString`'s path methods do.
@Suite struct PathsTests {
  /// (path, last component, parent) as NSString answers (corelibs' NSString traps on some of these).
  static let paths: [(String, String, String)] = [
    ("", "", ""), ("/", "/", "/"), ("a", "a", ""), ("a/", "a", ""), ("/a", "a", "/"), ("/a/b", "b", "/a"),
    ("/a/b/", "b", "/a"), ("a/b", "b", "a"), ("./x.db", "x.db", "."), ("/tmp/r/reg.db", "reg.db", "/tmp/r"),
  ]

  @Test func lastComponentAndParentAsNSString() {
    for (path, last, parent) in Self.paths {
      #expect(Paths.lastComponent(path) == last, "\(path)")
      #expect(Paths.deletingLastComponent(path) == parent, "\(path)")
    }
  }

  @Test func appendingAsNSString() {
    for (path, component) in [("a", "b"), ("a/", "b"), ("/", "b"), ("", "b"), ("/a", "b/c")] {
      #expect(Paths.appending(path, component) == (path as NSString).appendingPathComponent(component))
    }
  }

  @Test func numberText() {
    #expect(NumberText.double(0.123456789012, "%.8g") == String(format: "%.8g", 0.123456789012))
    #expect(NumberText.double(1536 / 1024, "%.1f") == "1.5")
    #expect(NumberText.zeroPadded(7, width: 4) == "0007")
    #expect(NumberText.zeroPadded(12345, width: 4) == "12345")
  }
}
