import PedigreeCore

extension SQLiteRegistry {
  public func openLineageBodyMismatches() throws(PedigreeError) -> [String] {
    try mapErrors {
      // The recorded facts hold each event's `body_sha256` (its key): a body edited behind
      // Pedigree's back no longer hashes to it. The digest is the ingest's: SHA-256 of the body
      // parsed and serialized canonically (`OpenLineageEvent.map`).
      let events = try database.prepareUncached("SELECT body_sha256, body FROM ol_events ORDER BY id")
      var mismatched: [String] = []
      while try events.step() {
        let recorded = events.row.string(0)
        let current = events.row.withBlob(1) { bytes in
          (try? JSONValue.parse(String(decoding: bytes, as: UTF8.self)))
            .map { Digest.sha256(Array($0.serialized().utf8)) }
        }
        if current != recorded { mismatched.append("openlineage_event:\(recorded)") }
      }
      return mismatched
    }
  }
}
