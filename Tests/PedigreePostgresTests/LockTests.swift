import Foundation
import PedigreeCore
import PedigreePostgres
import PedigreeTestSupport
import Testing

/// Audited writes serialise on the audit chain's advisory lock; a writer that waits past the
/// lock timeout fails as busy (75), as SQLite's does past its busy timeout.
@Suite(needsPostgres) struct PostgresLockTests {
  /// Waits (without a deadline assertion: at most `attempts` polls) until some connection waits
  /// for the audit chain's advisory lock, as seen from `observer`.
  private func waitUntilSomeoneWaits(_ observer: PostgresConnection, attempts: Int = 2000) throws -> Bool {
    for _ in 0..<attempts {
      let waiting = try observer.execute(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
      ).first?.int(0)
      if waiting == 1 { return true }
      usleep(5000)
    }
    return false
  }

  @Test func advisoryLockSerialisesTwoWriters() throws {
    let database = try ScratchDatabase()
    let setup = try database.registry()
    try setup.execute("CREATE TABLE journal (n bigserial PRIMARY KEY, writer text, saw bigint)")
    let first = try database.connect()
    let observer = try database.connect()
    let secondDone = DispatchSemaphore(value: 0)
    let secondResult = ConcurrentResults<Void>()
    var sawWaiter = false
    try first.transaction {
      try first.lockAuditChain()
      try first.execute("INSERT INTO journal(writer, saw) SELECT 'first', count(*) FROM journal")
      // The second writer starts while the first holds the lock…
      Thread.detachNewThread {
        secondResult.add(
          Result {
            let second = try database.connect()
            try second.transaction {
              try second.lockAuditChain()
              // …and, once it has the lock, sees everything the first committed.
              try second.execute("INSERT INTO journal(writer, saw) SELECT 'second', count(*) FROM journal")
            }
          })
        secondDone.signal()
      }
      // The server shows it waiting for the lock: the first still holds it, so nothing of the
      // second's can be in the journal yet.
      sawWaiter = try waitUntilSomeoneWaits(observer)
      try first.execute("INSERT INTO journal(writer, saw) SELECT 'first', count(*) FROM journal")
    }
    secondDone.wait()
    try secondResult.values.first?.get()
    #expect(sawWaiter, "the second writer never waited for the lock")
    let journal = try observer.execute("SELECT writer, saw FROM journal ORDER BY n").map {
      "\(try $0.string(0)):\(try $0.int(1))"
    }
    #expect(journal == ["first:0", "first:1", "second:2"])
  }

  @Test func waitingPastTheLockTimeoutIsBusy() throws {
    let database = try ScratchDatabase()
    let holder = try database.connect()
    let waiter = try database.connect()
    try holder.transaction {
      try holder.lockAuditChain()
      let error = expectError(.busy) {
        try waiter.transaction(lockTimeout: .milliseconds(50)) { try waiter.lockAuditChain() }
      }
      #expect(error?.remedy == .retryOrWaitLonger)
      #expect(error?.message.contains("lock timeout") == true, "\(error?.message ?? "")")
    }
    // The failed transaction was rolled back: the connection is usable, the lock free.
    try waiter.transaction(lockTimeout: .milliseconds(50)) { try waiter.lockAuditChain() }
  }

  @Test func aRowLockPastTheTimeoutIsBusyToo() throws {
    let database = try ScratchDatabase()
    let holder = try database.connect()
    let waiter = try database.connect()
    try holder.execute("CREATE TABLE t (id int PRIMARY KEY, v int); INSERT INTO t VALUES (1, 0)")
    try holder.transaction {
      try holder.execute("UPDATE t SET v = 1 WHERE id = 1")
      expectError(.busy) {
        try waiter.transaction(lockTimeout: .milliseconds(50)) {
          try waiter.execute("UPDATE t SET v = 2 WHERE id = 1")
        }
      }
    }
    #expect(try waiter.execute("SELECT v FROM t").first?.int(0) == 1)
  }

  @Test func statementTimeoutIsBusy() throws {
    let connection = try ScratchDatabase().connect()
    expectError(.busy) {
      try connection.transaction {
        try connection.execute("SET LOCAL statement_timeout = 20")
        try connection.execute("SELECT pg_sleep(10)")
      }
    }
  }

  @Test func failedTransactionsLeaveNoTrace() throws {
    let connection = try ScratchDatabase().connect()
    try connection.execute("CREATE TABLE t (id int PRIMARY KEY)")
    struct Stop: Error {}
    #expect(throws: PedigreeError.self) {
      try connection.transaction {
        try connection.execute("INSERT INTO t VALUES (1)")
        throw Stop()
      }
    }
    expectError(.refused) {
      try connection.transaction {
        try connection.execute("INSERT INTO t VALUES (2)")
        try connection.execute("INSERT INTO t VALUES (2)")
      }
    }
    #expect(try connection.execute("SELECT count(*) FROM t").first?.int(0) == 0)
    #expect(!connection.isInTransaction)
  }
}
