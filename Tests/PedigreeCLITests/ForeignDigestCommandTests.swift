import Foundation
import PedigreeCore
import Testing

/// Issue 16, foreign dataset digests through the real binary: `dataset register --digest
/// mlflow:<hex>` keeps it as given, a retry changes nothing, and `verify` says it cannot check it.
@Suite struct ForeignDigestCommandTests {
  @Test func aForeignDigestIsShownAsGivenAndCannotBeVerified() throws {
    let cli = try CLI.initialized()
    let registered = try cli.ok(
      "dataset", "register", "iris", "--uri", "s3://iris.csv", "--digest", "mlflow:fad98c68")
    #expect(registered == "iris@1")
    let again = try cli.run(
      "dataset", "register", "iris", "--uri", "s3://iris.csv", "--digest", "mlflow:FAD98C68", "--json")
    #expect(again.status == 0)
    #expect(try again.json()["changed"] == .bool(false))
    #expect(try again.json()["digest"] == .string("mlflow:fad98c68"))
    let shown = try cli.run("dataset", "show", "dataset:iris@1", "--json")
    #expect(try shown.json()["digest"] == .string("mlflow:fad98c68"))
    let file = try cli.write("iris.csv", "a,b\n1,2\n")
    let refused = try cli.fails(2, "verify", "dataset:iris@1", "--file", file)
    #expect(refused.stderr.contains("foreign digest mlflow:fad98c68"), "\(refused.stderr)")
    try cli.fails(64, "dataset", "register", "iris", "--uri", "s3://x", "--digest", "md5:fad98c68")
    try cli.fails(64, "dataset", "register", "iris", "--uri", "s3://x", "--digest", "mlflow:not-hex")
  }
}
