import Foundation
import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// The shared test support behaves as the tests built on it assume: a seed replays the same
/// inputs, temporary directories leave nothing behind, fixtures write what they say.
@Suite struct TestSupportTests {
  @Test func seededGeneratorIsSplitMix64() {
    // SplitMix64's reference outputs for seed 0 (https://prng.di.unimi.it/splitmix64.c).
    var random = SeededGenerator(seed: 0)
    #expect(
      [random.next(), random.next(), random.next()] == [
        0xe220_a839_7b1d_cdaf, 0x6e78_9e6a_a1b9_65f4, 0x06c4_5d18_8009_454f,
      ])
    var again = SeededGenerator(seed: 0x5EED)
    var other = SeededGenerator(seed: 0x5EED)
    #expect((0..<100).map { _ in again.next() } == (0..<100).map { _ in other.next() })
  }

  @Test func temporaryDirectoryIsRemovedWithEverythingInIt() throws {
    var path = ""
    do {
      let directory = TemporaryDirectory("pedigree-support")
      path = directory.path
      let file = try directory.write("a.txt", "hello")
      #expect(try String(contentsOfFile: file, encoding: .utf8) == "hello")
      #expect(directory.file("a.txt") == file && directory.url.path == path)
    }
    #expect(!path.isEmpty && !FileManager.default.fileExists(atPath: path))
  }

  @Test func fixtureWritesAsItsAuthor() throws {
    let fixture = try Fixture(actor: "support")
    let version = try fixture.version("m", seed: "a")
    #expect(version.ref == "m@1" && version.digest == Digest.sha256(Array("a".utf8)))
    #expect(try fixture.count("model_versions") == 1 && fixture.writer.author.actor == "support")
    #expect(try fixture.version("m", seed: "a").version == 1)
  }
}
