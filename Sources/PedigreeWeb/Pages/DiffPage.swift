import PedigreeCore
import PedigreeQuery

/// `/diff?a=REF&b=REF`: what differs between two model versions or runs (params, metrics,
/// inputs, code, artifact); only differences, with how many things were equal.
enum DiffPage {
  static func answer(_ request: Request, _ queries: Queries) throws(PedigreeError) -> WebUI.Answer {
    let a = try request.query.value("a")
    let b = try request.query.value("b")
    var content = PageContent(title: "Diff", section: "Diff")
    let form = Block.form(
      action: "/diff",
      inputs: [
        FormInput(label: "a", name: "a", value: a ?? "", size: 36),
        FormInput(label: "b", name: "b", value: b ?? "", size: 36),
      ], submit: "Compare")
    guard let a, let b else {
      content.blocks = [
        .text("Compare two model versions (NAME@N, NAME@ALIAS) or runs (run:ID).", cls: "muted"), form,
      ]
      if a != nil || b != nil { throw PedigreeError.usage("diff needs both a and b") }
      return .page(content)
    }
    let left = try queries.reader.resolve(a, kinds: [.model, .run])
    let right = try queries.reader.resolve(b, kinds: [.model, .run])
    let diff = try queries.diff(left, right)
    content.title = "Diff \(left.name) → \(right.name)"
    content.json = Link.to(Link.api("/diff"), [("a", left.typedRef), ("b", right.typedRef)])
    content.blocks.append(form)
    if diff.isEmpty { content.blocks.append(.text("No difference.", cls: "banner")) }
    content.blocks += Views.document(diff.document)
    return .page(content)
  }
}
