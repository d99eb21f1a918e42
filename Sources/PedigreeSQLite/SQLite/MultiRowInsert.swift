/// An `INSERT` written with up to `maximumRows` rows per statement, its SQL texts built once for
/// each row count: a write's rows of one table go in one statement instead of one each (each
/// statement run is a VDBE program started, its cursors opened, reset and cleared).
struct MultiRowInsert {
  /// The most rows one statement carries.
  let maximumRows: Int
  /// Parameters per row (the `?` in `row`).
  private let columns: Int32
  private let texts: [String]

  /// - Parameters:
  ///   - head: the statement up to its `VALUES` (`INSERT INTO t(a, b)`).
  ///   - row: one row's values (`(?, ?)`).
  ///   - tail: what follows the rows (an `ON CONFLICT` clause), if anything.
  init(_ head: String, row: String, tail: String = "", maximumRows: Int) {
    self.maximumRows = maximumRows
    columns = Int32(row.filter { $0 == "?" }.count)
    texts = (1...maximumRows).map { count in
      head + " VALUES " + Array(repeating: row, count: count).joined(separator: ", ")
        + (tail.isEmpty ? "" : " " + tail)
    }
  }

  /// Inserts `rows` in statements of up to `maximumRows` rows. `bind` binds one row's values
  /// from the 1-based parameter index it is given; `afterEach` runs after each statement, with
  /// the rows it carried (`database.changes` is then that statement's).
  func run<Rows: Collection>(
    _ rows: Rows, in database: Database, bind: (Statement, Rows.Element, Int32) throws -> Void,
    afterEach: (Rows.SubSequence) throws -> Void = { _ in }
  ) throws {
    var start = rows.startIndex
    while start < rows.endIndex {
      let end = rows.index(start, offsetBy: maximumRows, limitedBy: rows.endIndex) ?? rows.endIndex
      let group = rows[start..<end]
      start = end
      let statement = try database.prepare(texts[group.count - 1])
      var index: Int32 = 1
      for row in group {
        try bind(statement, row, index)
        index += columns
      }
      try statement.run()
      try afterEach(group)
    }
  }
}
