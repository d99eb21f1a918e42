import PedigreeCore

extension SQLiteWriter {
  /// Deletes a run tag (MLflow's `runs/delete-tag`): a `run_tag_events` row with no value keeps
  /// what was removed, and one `run.tag` entry records `key → {from, to: null}`.
  ///
  /// - Throws: `.notFound` when the run has no such tag (as MLflow answers).
  public func deleteRunTag(_ run: Ref, key: String) throws(PedigreeError) -> Outcome<NodeRef> {
    try Self.validateTags([key], [""])
    return try write {
      let node = try resolve(run)
      guard node.kind == .run else { throw PedigreeError.usage("\(run) is not a run") }
      guard
        let previous = try database.scalarString(
          "SELECT value FROM run_tags WHERE run_id = ? AND key = ?", [.integer(node.id), .text(key)])
      else {
        throw PedigreeError.notFound("No tag with name: \(key.prefix(250)) in run with id \(node.name)")
      }
      try database.run(
        "INSERT INTO run_tag_events(run_id, key, value, previous, actor, at) VALUES (?, ?, NULL, ?, ?, ?)",
        [.integer(node.id), .text(key), .text(previous), .text(actor), .integer(clock().milliseconds)])
      try database.run("DELETE FROM run_tags WHERE run_id = ? AND key = ?", [.integer(node.id), .text(key)])
      // A deletion touches no row that fact tracking watches (it follows inserts and updates):
      // touch the run itself, so that this entry records the run's facts without the tag.
      try database.run("UPDATE runs SET status = status WHERE id = ?", [.integer(node.id)])
      try appendAudit(
        action: .runTag, entity: "run:\(node.name)",
        details: [
          "tags": .object([key: .object(["from": .string(previous), "to": .null])]),
          "content_digest": .string(try RunContent.digest(database, runID: node.id)),
        ])
      return Outcome(value: node, changed: true)
    }
  }
}
