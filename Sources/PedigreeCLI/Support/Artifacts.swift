import PedigreeArtifacts
import PedigreeCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension RegistryOptions {
  /// The registry's content-addressed artifact store: `$PEDIGREE_ARTIFACTS`, else
  /// `ArtifactStore.beside(registry:)` (what `serve --artifacts` defaults to as well).
  var artifactStore: ArtifactStore {
    let configured = ProcessInfo.processInfo.environment["PEDIGREE_ARTIFACTS"].flatMap {
      $0.isEmpty ? nil : $0
    }
    return configured.map { ArtifactStore(root: $0) } ?? ArtifactStore.beside(registry: path)
  }
}

/// Stores a staged artifact under its digest, refusing a file that changed since it was hashed.
func commitArtifact(_ upload: ArtifactUpload, path: String, expecting digest: String?) throws(PedigreeError) {
  let stored = try upload.commit()
  if let digest, digest != stored.digest {
    throw PedigreeError.invalidInput(
      "\(path) changed while it was read: it hashed to \(digest), then to \(stored.digest)",
      hint: "register it again once it is no longer being written")
  }
}
