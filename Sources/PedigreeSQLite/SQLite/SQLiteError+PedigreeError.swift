import PedigreeCore

extension PedigreeError {
  /// Classifies an SQLite failure: busy, I/O, foreign file, or (anything else) an I/O failure
  /// of the database, with SQLite's message.
  public init(_ error: SQLiteError, path: String) {
    if error.isBusy {
      self.init(
        .busy, "database \(path) is busy: another process held its write lock past the timeout",
        hint: "retry, or wait longer for the lock", remedy: .retryOrWaitLonger)
    } else if error.isNotADatabase {
      self.init(.incompatible, "\(path) is not a Pedigree database (not an SQLite file)")
    } else if error.isReadOnly {
      self.init(
        .io, "\(path) is read-only to this process: \(error.message)",
        hint: "writes need write access to the file and its directory; so do reads, for SQLite's "
          + "\(path)-shm index, unless that file already exists")
    } else if error.isConstraint {
      self.init(.refused, "the database refused the write: \(error.message)")
    } else {
      self.init(.io, "cannot use database \(path): \(error.message)")
    }
  }
}
