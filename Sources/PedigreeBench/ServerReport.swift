import Foundation

extension ServerBenchReport {
  /// The report as JSON: snake_case keys, sorted, indented.
  public func json() throws -> String { try ReportJSON.encode(self) }

  /// The median over `figures`' rounds of what `value` reads from each.
  static func median(_ figures: [ClientFigure], _ value: (ClientFigure) -> Double?) -> Double? {
    let values = figures.compactMap(value).sorted()
    return values.isEmpty ? nil : values[(values.count - 1) / 2]
  }

  /// The wall seconds of `phase` (the total for `nil`), or the client's CPU seconds in it.
  static func seconds(_ phase: String?, cpu: Bool = false) -> (ClientFigure) -> Double? {
    { figure in
      guard let phase else { return cpu ? figure.clientCpuSeconds : figure.totalSeconds }
      let found = figure.phases.first { $0.name == phase }
      return cpu ? found?.clientCpuSeconds : found?.seconds
    }
  }

  /// The side-by-side table: per phase, the median seconds against each server, MLflow's time
  /// over Pedigree's and the client's own CPU time (against Pedigree: the part of the phase no
  /// server can remove); then each round's totals and the load average around each.
  public func table() -> String {
    let rounds = pedigree.count
    var out = "MLflow client script against pedigree serve and mlflow server \(mlflowVersion ?? "(not run)")"
    out += ": \(runs) runs x (\(metrics) metrics x \(steps) steps); \(rounds) round(s), medians\n"
    out += "\(machine.cores) cores, \(machine.memoryGiB) GiB, \(machine.system)\n\n"
    var rows = [["phase", "pedigree s", "mlflow s", "mlflow / pedigree", "client CPU s (pedigree's)"]]
    let names = pedigree.first?.phases.map(\.name) ?? []
    for name in names as [String?] + [nil] {
      rows.append(
        row(name ?? "total", Self.seconds(name)) + [
          Self.median(pedigree, Self.seconds(name, cpu: true)).map { Format.fixed($0, 3) } ?? "-"
        ])
    }
    rows.append(row("server CPU (its process group)", \.serverCpuSeconds) + ["-"])
    out += Format.table(rows) + "\n\n"
    for (index, figure) in pedigree.enumerated() {
      out += "  round \(index + 1): pedigree \(summary(figure))"
      if index < mlflow.count { out += "; mlflow \(summary(mlflow[index]))" }
      out += "\n"
    }
    return out
  }

  /// A phase's (or a figure's) medians side by side, and their ratio.
  private func row(_ name: String, _ value: (ClientFigure) -> Double?) -> [String] {
    let ours = Self.median(pedigree, value)
    let theirs = Self.median(mlflow, value)
    return [
      name, ours.map { Format.fixed($0, 3) } ?? "-", theirs.map { Format.fixed($0, 3) } ?? "-",
      ours.flatMap { ours in theirs.map { Format.fixed($0 / ours, 1) + "x" } } ?? "-",
    ]
  }

  /// `12.34 s (client CPU 5.67 s, load 1.5 -> 2.0)`.
  private func summary(_ figure: ClientFigure) -> String {
    let load = [figure.loadBefore, figure.loadAfter].map { $0.map { Format.fixed($0, 1) } ?? "?" }
      .joined(separator: " -> ")
    let cpu = [("client", figure.clientCpuSeconds), ("server", figure.serverCpuSeconds)].compactMap {
      name, seconds in seconds.map { "\(name) CPU \(Format.fixed($0, 2)) s, " }
    }.joined()
    return "\(Format.fixed(figure.totalSeconds, 2)) s (\(cpu)load \(load))"
  }
}
