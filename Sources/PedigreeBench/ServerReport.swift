import Foundation

extension ServerBenchReport {
  /// The report as JSON: snake_case keys, sorted, indented.
  public func json() throws -> String { try ReportJSON.encode(self) }

  /// The median seconds of `phase` (or of the total, for `nil`) over `figures`' rounds.
  static func median(_ figures: [ClientFigure], _ phase: String?) -> Double? {
    let values = figures.compactMap { figure in
      phase.map { name in figure.phases.first { $0.name == name }?.seconds } ?? figure.totalSeconds
    }.sorted()
    return values.isEmpty ? nil : values[(values.count - 1) / 2]
  }

  /// The side-by-side table: per phase, the median seconds against each server and MLflow's time
  /// over Pedigree's; then each round's totals and the load average around each.
  public func table() -> String {
    let rounds = pedigree.count
    var out = "MLflow client script against pedigree serve and mlflow server \(mlflowVersion ?? "(not run)")"
    out += ": \(runs) runs x (\(metrics) metrics x \(steps) steps); \(rounds) round(s), medians\n"
    out += "\(machine.cores) cores, \(machine.memoryGiB) GiB, \(machine.system)\n\n"
    var rows = [["phase", "pedigree s", "mlflow s", "mlflow / pedigree"]]
    let names = pedigree.first?.phases.map(\.name) ?? []
    for name in names as [String?] + [nil] {
      let ours = Self.median(pedigree, name)
      let theirs = Self.median(mlflow, name)
      rows.append([
        name ?? "total", ours.map { Format.fixed($0, 3) } ?? "-", theirs.map { Format.fixed($0, 3) } ?? "-",
        ours.flatMap { ours in theirs.map { Format.fixed($0 / ours, 1) + "x" } } ?? "-",
      ])
    }
    out += Format.table(rows) + "\n\n"
    for (index, figure) in pedigree.enumerated() {
      out += "  round \(index + 1): pedigree \(Format.fixed(figure.totalSeconds, 2)) s (load \(load(figure)))"
      if index < mlflow.count {
        out += ", mlflow \(Format.fixed(mlflow[index].totalSeconds, 2)) s (load \(load(mlflow[index])))"
      }
      out += "\n"
    }
    return out
  }

  private func load(_ figure: ClientFigure) -> String {
    [figure.loadBefore, figure.loadAfter].map { $0.map { Format.fixed($0, 1) } ?? "?" }
      .joined(separator: " -> ")
  }
}
