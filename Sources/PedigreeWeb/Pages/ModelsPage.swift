import PedigreeCore
import PedigreeQuery

/// `/models`: every model with its latest version, version count and aliases now.
enum ModelsPage {
  static func answer(_ request: Request, _ queries: Queries) throws(PedigreeError) -> WebUI.Answer {
    var content = PageContent(title: "Models", json: Link.api("/models"), section: "Models")
    let models = try queries.modelList()
    content.blocks.append(
      models.isEmpty
        ? .text("No model is registered yet.", cls: "muted")
        : .table(
          headers: ["MODEL", "LATEST", "VERSIONS", "ALIASES NOW", "REGISTERED"],
          rows: models.map { model in
            var aliases: [Span] = []
            for alias in model.aliases {
              aliases.append(Views.chip(alias.alias, model: model.name))
              aliases.append(Span(" v\(alias.version) ", href: Link.version(model.name, alias.version)))
              if let bad = model.deprecatedData[alias.alias] {
                aliases.append(Span("(deprecated data: \(bad.joined(separator: ", "))) ", cls: "deprecated"))
              }
            }
            return Row(
              cells: [
                Cell(model.name, href: Link.model(model.name)),
                model.latestVersion.map { Cell("v\($0)", href: Link.version(model.name, $0)) } ?? Cell("-"),
                Cell(String(model.versionCount)), Cell(aliases.isEmpty ? [Span("-", cls: "muted")] : aliases),
                Cell("\(Views.time(model.createdAt, now: request.now)) by \(model.createdBy)"),
              ], cls: model.deprecatedData.isEmpty ? "" : "deprecated")
          }))
    return .page(content)
  }
}
