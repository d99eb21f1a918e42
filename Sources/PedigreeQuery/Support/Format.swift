import PedigreeCore

/// How values read in human output (tables, text and Markdown reports).
public enum Format {
  /// A metric value for people: `NaN`, `Infinity`, `-Infinity`, or at most 8 significant digits
  /// (`0.12028574`, not `0.12028574293333336`; JSON output keeps every digit).
  public static func metric(_ value: Double?) -> String {
    guard let value else { return "-" }
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
    if value == value.rounded(.towardZero) && abs(value) < 1e15 { return String(Int64(value)) }
    let shortest = "\(value)"
    return shortest.count <= 10 ? shortest : NumberText.double(value, "%.8g")
  }

  /// A signed difference (`+0.012`, `-3`), or `-` when there is none.
  public static func delta(_ value: Double?) -> String {
    guard let value else { return "-" }
    return (value > 0 ? "+" : "") + metric(value)
  }

  /// A time in ISO 8601 UTC, or `-`.
  public static func time(_ value: Timestamp?) -> String { value?.iso8601 ?? "-" }

  /// An optional text, or `-`.
  public static func text(_ value: String?) -> String {
    guard let value, !value.isEmpty else { return "-" }
    return value
  }

  /// An optional integer, or `-`.
  public static func number(_ value: Int64?) -> String { value.map(String.init) ?? "-" }

  /// A digest shortened for tables: `sha256:1a2b3c4d5e6f`.
  public static func shortDigest(_ digest: String?) -> String {
    guard let digest else { return "-" }
    return String(digest.prefix("sha256:".count + 12))
  }

  /// A run id shortened for tables (its first 8 hex digits).
  public static func shortRunID(_ uuid: String) -> String { String(uuid.prefix(8)) }

  /// A byte count in binary units (`17.8 KiB`).
  public static func bytes(_ count: Int64?) -> String {
    guard let count else { return "-" }
    let units = ["B", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(count)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return unit == 0 ? "\(count) B" : "\(NumberText.double(value, "%.1f")) \(units[unit])"
  }

  /// Key/value pairs as `k=v, k=v`, or `-`.
  public static func pairs(_ values: [(key: String, value: String)]) -> String {
    values.isEmpty ? "-" : values.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
  }

  /// A list as `a, b`, or `-`.
  public static func list(_ values: [String]) -> String {
    values.isEmpty ? "-" : values.joined(separator: ", ")
  }
}
