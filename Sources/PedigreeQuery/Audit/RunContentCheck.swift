import PedigreeStore

extension Queries {
  /// Runs whose params or metric points are not what the audit log last recorded for them.
  ///
  /// Every write that adds params or metric points records the run's content digest (see
  /// `RunContent`) in its hash-chained audit entry; a run whose digest now differs was edited
  /// behind Pedigree's back, even if the tamperer dropped the append-only triggers and put them
  /// back (which schema drift cannot see).
  func runContentProblems() throws -> [CheckProblem] {
    let recorded = try database.query(
      """
      SELECT r.id, r.uuid, a.id, json_extract(a.details, '$.content_digest')
      FROM audit_log a JOIN runs r ON r.uuid = substr(a.entity, 5)
      WHERE a.action IN ('run.start', 'run.log', 'run.record')
        AND json_extract(a.details, '$.content_digest') IS NOT NULL
        AND a.id = (SELECT max(b.id) FROM audit_log b
                    WHERE b.entity = a.entity AND b.action IN ('run.start', 'run.log', 'run.record')
                      AND json_extract(b.details, '$.content_digest') IS NOT NULL)
      ORDER BY r.id
      """
    ) { (runID: $0.int64(0), uuid: $0.string(1), entry: $0.int64(2), digest: $0.string(3)) }
    return try recorded.compactMap { run in
      guard try RunContent.digest(database, runID: run.runID) != run.digest else { return nil }
      return CheckProblem(
        area: .runContent,
        message: "run \(run.uuid): its params or metric points differ from what audit entry "
          + "\(run.entry) recorded (edited or removed behind Pedigree's back)")
    }
  }
}
