import Foundation
import PedigreeTestSupport
import Testing

/// The harness's own guarantees: a registry-unchanged check that cannot read the registry fails
/// instead of comparing two empty snapshots.
@Suite struct HarnessTests {
  @Test(sqliteOnly) func anUnreadableRegistryFailsTheSnapshotLoudly() throws {
    let cli = CLI()
    #expect(cli.snapshot().isEmpty, "no registry file yet: nothing to compare")
    try cli.write("reg.db", String(repeating: "not a database ", count: 400))
    withKnownIssue("the snapshot of a file that is not a registry is a recorded issue") {
      _ = cli.snapshot()
    }
    try FileManager.default.removeItem(atPath: cli.database)
    try cli.ok("init")
    #expect(cli.snapshot().contains { $0.hasPrefix("audit_log: ") })
  }

  /// The posix_spawn runner never blocks on a child's full stderr (a Process + Pipe runner
  /// that reads stdout to the end first deadlocks here).
  @Test func aChildWritingMegabytesToStderrFinishes() throws {
    let shell = try Spawned.run("/bin/sh", ["-c", "head -c 1048576 /dev/zero >&2; echo done"])
    #expect(shell.status == 0 && shell.stdout == "done\n" && shell.stderr.utf8.count == 1_048_576)
  }
}
