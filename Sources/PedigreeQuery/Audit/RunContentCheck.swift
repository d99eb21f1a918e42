import PedigreeCore

extension Queries {
  /// Runs whose params or metric points are not what the audit log last recorded for them.
  ///
  /// Every write that adds params or metric points records the run's content digest (see
  /// `RunContent`) in its hash-chained audit entry; a run whose digest now differs was edited
  /// behind Pedigree's back, even if the tamperer dropped the append-only triggers and put them
  /// back (which schema drift cannot see).
  func runContentProblems() throws -> [CheckProblem] {
    let edited = try reader.runContentDigests().compactMap { run -> CheckProblem? in
      guard run.current != run.recorded else { return nil }
      return CheckProblem(
        area: .runContent,
        message: "run \(run.run): its params or metric points differ from what audit entry "
          + "\(run.entry) recorded (edited or removed behind Pedigree's back)")
    }
    return edited + (try unrecordedRuns())
  }

  /// Runs that no `run.start` or `run.record` entry created: inserted behind Pedigree's back (or
  /// their creating entry was removed, which the chain reports too).
  func unrecordedRuns() throws -> [CheckProblem] {
    try reader.unrecordedRuns().map {
      CheckProblem(area: .runContent, message: "run \($0): no audit entry records its creation")
    }
  }
}
