import Foundation
import PedigreeArtifacts
import PedigreeCore

extension RegistryOptions {
  /// The registry's content-addressed artifact store: `$PEDIGREE_ARTIFACTS`, else
  /// `<registry>.artifacts` (what `serve --artifacts` defaults to as well).
  var artifactStore: ArtifactStore {
    let configured = ProcessInfo.processInfo.environment["PEDIGREE_ARTIFACTS"].flatMap {
      $0.isEmpty ? nil : $0
    }
    return ArtifactStore(root: configured ?? path + ".artifacts")
  }
}

/// Copies a local artifact into the store's temporary area: `commitArtifact` makes it an object.
func stageArtifact(_ path: String, in store: ArtifactStore) throws(PedigreeError) -> ArtifactUpload {
  guard let input = FileHandle(forReadingAtPath: path) else {
    throw PedigreeError(.io, "cannot read \(path)")
  }
  defer { try? input.close() }
  let upload = try store.begin()
  do {
    while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty { try upload.append(chunk) }
  } catch {
    upload.abort()
    throw error as? PedigreeError ?? PedigreeError(.io, "cannot read \(path): \(error.localizedDescription)")
  }
  return upload
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
