/// Paths under MLflow's artifact root, as the artifact proxy names them:
/// `<exp>/<run>/artifacts/<relpath>` for a run's files, `<exp>/models/<m-id>/artifacts/<relpath>`
/// for a logged model's.
public enum MLflowPath {
  /// Whose file a path is.
  public enum Owner: Equatable, Sendable {
    case run(uuid: String, relativePath: String)
    case loggedModel(id: String, relativePath: String)
  }

  /// The URI MLflow's client resolves against the tracking server.
  public static func uri(_ path: String) -> String { "mlflow-artifacts:/\(path)" }

  /// Validates a relative path: no empty, `.` or `..` segment, not absolute, no NUL or other
  /// control character, at most 1024 bytes.
  public static func validate(_ path: String) throws(PedigreeError) {
    guard !path.isEmpty, path.utf8.count <= 1024, !path.hasPrefix("/") else {
      throw PedigreeError.usage(
        "invalid artifact path '\(path.prefix(80))'",
        hint: "artifact paths are relative, at most 1024 bytes")
    }
    if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f || $0 == "\\" }) {
      throw PedigreeError.usage("artifact path contains a control character or a backslash")
    }
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    if segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
      throw PedigreeError.usage(
        "invalid artifact path '\(path.prefix(80))': no empty, '.' or '..' segments")
    }
  }

  /// The run or logged model a file path belongs to.
  public static func owner(of path: String) throws(PedigreeError) -> Owner {
    try validate(path)
    let segments = path.split(separator: "/").map(String.init)
    if segments.count >= 5, segments[1] == "models", segments[3] == "artifacts" {
      return .loggedModel(id: segments[2], relativePath: segments[4...].joined(separator: "/"))
    }
    if segments.count >= 4, segments[2] == "artifacts" {
      return .run(uuid: segments[1], relativePath: segments[3...].joined(separator: "/"))
    }
    throw PedigreeError.usage(
      "artifact path '\(path.prefix(80))' is not under a run or a logged model",
      hint: "upload under <experiment>/<run>/artifacts/ or <experiment>/models/<m-id>/artifacts/")
  }
}

extension MLflowPath {
  /// The path of an `mlflow-artifacts:` URI (`mlflow-artifacts:/0/abc/artifacts/model`, also
  /// with a host: `mlflow-artifacts://host:5000/0/…`), or `nil` for another scheme.
  public static func stripScheme(_ uri: String) -> String? {
    guard uri.hasPrefix("mlflow-artifacts:") else { return nil }
    var rest = uri.dropFirst("mlflow-artifacts:".count)
    if rest.hasPrefix("//") {
      rest = rest.dropFirst(2)
      rest = rest.drop { $0 != "/" }
    }
    let path = String(rest.drop { $0 == "/" })
    return path.isEmpty ? nil : path
  }
}
