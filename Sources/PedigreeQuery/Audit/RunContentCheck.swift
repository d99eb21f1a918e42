import PedigreeCore

extension Queries {
  /// Runs whose params or metric points are not what the audit log last recorded for them, or
  /// whose stored latest metric values are not their histories' last points.
  ///
  /// Every write that adds params or metric points records the run's content digest (see
  /// `RunContent`) in its hash-chained audit entry; a run whose digest now differs was edited
  /// behind Pedigree's back, even if the tamperer dropped the append-only triggers and put them
  /// back (which schema drift cannot see).
  func runContentProblems() throws -> [CheckProblem] {
    var problems: [CheckProblem] = []
    for run in try reader.runContentDigests() {
      if run.current != run.recorded {
        problems.append(
          CheckProblem(
            area: .runContent,
            message: "run \(run.run): its params or metric points differ from what audit entry "
              + "\(run.entry) recorded (edited or removed behind Pedigree's back)"))
      } else if let stale = run.stale {
        // The points are the recorded ones, so the stored latest values were edited.
        problems.append(
          CheckProblem(
            area: .runContent,
            message: "run \(run.run): \(stale) (latest_metrics edited behind Pedigree's back)"))
      }
    }
    return problems + (try unrecordedRuns())
  }

  /// Runs that no `run.start` or `run.record` entry created: inserted behind Pedigree's back (or
  /// their creating entry was removed, which the chain reports too).
  func unrecordedRuns() throws -> [CheckProblem] {
    try reader.unrecordedRuns().map {
      CheckProblem(area: .runContent, message: "run \($0): no audit entry records its creation")
    }
  }
}
