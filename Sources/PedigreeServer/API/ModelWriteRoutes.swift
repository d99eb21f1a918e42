import Hummingbird
import PedigreeCore
import PedigreeQuery

/// Model writes: register, promote, rollback, unalias, deprecate, tags, description.
extension RouterGroup<ServerContext> {
  func addModelWrites(_ registry: ServerRegistry) {
    write(
      .post, "models", role: .writer,
      allowing: ["name", "run", "artifact", "digest", "size_bytes", "alias", "description", "tags"],
      status: .created,
      registry
    ) { body, _ in
      let name = try body.requiredString("name")
      try Names.validate(name, as: "model")
      let alias = try body.string("alias")
      if let alias { try Names.validateAlias(alias) }
      let uri = try body.requiredString("artifact")
      let digest = try body.string("digest").map { (text) throws(PedigreeError) in try Digest.normalized(text)
      }
      var registration = ModelRegistration(
        model: name, run: try Ref.parse(try body.requiredString("run"), defaultKind: .run),
        artifact: ArtifactInput(
          name: uri.split(separator: "/").last.map(String.init) ?? uri, uri: uri, digest: digest,
          sizeBytes: try body.integer("size_bytes")),
        alias: alias, description: try body.string("description"))
      registration.tags = try body.pairs("tags")
      let prepared = registration
      return { writer in WriteDocuments.modelRegistered(try writer.registerModel(prepared), alias: alias) }
    }
    write(
      .post, "models/:name/versions/:version/promote", role: .writer, allowing: ["alias", "reason"], registry
    ) {
      body, path in
      let ref = try Self.versionRef(path)
      let alias = try body.requiredString("alias")
      try Names.validateAlias(alias)
      let reason = try body.string("reason")
      return { writer in try writer.promote(ref, to: alias, reason: reason).json }
    }
    write(.post, "models/:name/rollback", role: .promoter, allowing: ["alias", "to", "reason"], registry) {
      body, path in
      let name = try path.name("name", as: "model")
      let alias = try body.string("alias") ?? "production"
      try Names.validateAlias(alias)
      let to = try body.integer("to").map { (value) throws(PedigreeError) -> Int in
        guard value >= 1, value <= Int64(Int32.max) else {
          throw PedigreeError.usage("invalid version \(value)")
        }
        return Int(value)
      }
      let reason = try body.string("reason")
      return { writer in try writer.rollback(model: name, alias: alias, to: to, reason: reason).json }
    }
    write(.post, "models/:name/unalias", role: .writer, allowing: ["alias", "reason"], registry) {
      body, path in
      let name = try path.name("name", as: "model")
      let alias = try body.requiredString("alias")
      try Names.validateAlias(alias)
      let reason = try body.string("reason")
      return { writer in try writer.removeAlias(model: name, alias: alias, reason: reason).json }
    }
    write(.post, "models/:name/versions/:version/deprecate", role: .promoter, allowing: ["reason"], registry)
    {
      body, path in
      let ref = try Self.versionRef(path)
      let reason = try body.requiredString("reason")
      return { writer in
        WriteDocuments.modelDeprecated(try writer.deprecate(ref, reason: reason), reason: reason)
      }
    }
    write(.post, "models/:name/versions/:version/tags", role: .writer, allowing: ["set", "unset"], registry) {
      body, path in
      let ref = try Self.versionRef(path)
      let set = try body.pairs("set")
      let unset = try body.strings("unset")
      guard !set.isEmpty || !unset.isEmpty else { throw PedigreeError.usage("give set {k: v} or unset [k]") }
      return { writer in try writer.tagModelVersion(ref, set: set, unset: unset).json }
    }
    write(
      .post, "models/:name/versions/:version/describe", role: .writer, allowing: ["description"], registry
    ) {
      body, path in
      let ref = try Self.versionRef(path)
      guard body.object["description"] != nil else {
        throw PedigreeError.invalidInput("'description' is required")
      }
      let description = try body.string("description")
      return { writer in try writer.describeModelVersion(ref, description: description).json }
    }
  }

  /// `NAME@VERSION` (a number or an alias) from the path.
  static func versionRef(_ path: Parameters) throws(PedigreeError) -> Ref {
    try Ref.parse("\(try path.name("name", as: "model"))@\(path.get("version") ?? "")", defaultKind: .model)
  }
}
