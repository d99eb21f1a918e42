import PedigreeCore
import PedigreeSQLite

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
    let edited = try recorded.compactMap { run -> CheckProblem? in
      guard try RunContent.digest(database, runID: run.runID) != run.digest else { return nil }
      return CheckProblem(
        area: .runContent,
        message: "run \(run.uuid): its params or metric points differ from what audit entry "
          + "\(run.entry) recorded (edited or removed behind Pedigree's back)")
    }
    return edited + (try unrecordedRuns())
  }

  /// Runs that no `run.start` or `run.record` entry created: inserted behind Pedigree's back (or
  /// their creating entry was removed, which the chain reports too).
  func unrecordedRuns() throws -> [CheckProblem] {
    try database.query(
      """
      SELECT r.uuid FROM runs r
      WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'run:' || r.uuid
                          AND a.action IN ('run.start', 'run.record'))
      ORDER BY r.id LIMIT 20
      """
    ) {
      CheckProblem(
        area: .runContent, message: "run \($0.string(0)): no audit entry records its creation")
    }
  }
}
