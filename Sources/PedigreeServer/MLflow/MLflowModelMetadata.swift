import Foundation
import Hummingbird
import PedigreeCore

extension MLflowAPI {
  /// A registered model's own metadata (MLFLOW.md §a, the "N" rows of the registry):
  /// `registered-models/update`, `set-tag`, `delete-tag` and `search`, and `model-versions/delete-tag`.
  func addModelMetadataRoutes() {
    on(.patch, "registered-models/update", .writer) { message, context in
      let name = try message.required("name")
      let description = try message.string("description") ?? ""
      let model = try await write(context) {
        try $0.updateRegisteredModel(name: name, description: description, setTags: [], deleteTags: [])
      }
      return try await read {
        .object(["registered_model": try MLflowDocuments.registeredModel($0, model.value)])
      }
    }
    on(.post, "registered-models/set-tag", .writer) { message, context in
      let name = try message.required("name")
      let tag = KeyValue(try message.required("key"), try message.string("value") ?? "")
      _ = try await write(context) {
        try $0.updateRegisteredModel(name: name, description: nil, setTags: [tag], deleteTags: [])
      }
      return MLflowAPI.empty
    }
    on(.delete, "registered-models/delete-tag", .writer) { message, context in
      let name = try message.required("name")
      let key = try message.required("key")
      _ = try await write(context) {
        try $0.updateRegisteredModel(name: name, description: nil, setTags: [], deleteTags: [key])
      }
      return MLflowAPI.empty
    }
    on(.delete, "model-versions/delete-tag", .writer) { message, context in
      let ref = try MLflowAPI.versionRef(message)
      let key = try message.required("key")
      _ = try await write(context) { try $0.tagModelVersion(ref, set: [], unset: [key]) }
      return MLflowAPI.empty
    }
    on(.get, "registered-models/search", .reader) { message, _ in
      let filter = try MLflowModelFilter(try message.string("filter") ?? "")
      let descending =
        try message.strings("order_by").first.map { $0.lowercased().hasSuffix("desc") } ?? false
      let maxResults = Int(try message.int64("max_results") ?? 100)
      guard (1...1000).contains(maxResults) else {
        throw MLflowError.invalid("max_results must be between 1 and 1000")
      }
      let offset = try PageToken.offset(try message.string("page_token"))
      return try await read { reader in
        var models = try reader.modelList().map(\.name).sorted().compactMap {
          try reader.registeredModel(named: $0)
        }.filter(filter.matches)
        if descending { models.reverse() }
        let (page, next) = PageToken.page(models, offset: offset, limit: maxResults)
        let documents = try page.map { try MLflowDocuments.registeredModel(reader, $0) }
        return MLflowDocuments.object([
          ("registered_models", documents.isEmpty ? nil : .array(documents)),
          ("next_page_token", next.map(JSONValue.string)),
        ])
      }
    }
  }
}

/// `registered-models/search`'s filter: terms on `name` (`=`, `!=`, `LIKE`, `ILIKE`) and
/// `tags.K` or `tag.K` (`=`, `!=`; a backquoted key), joined by `and`. `LIKE`'s `%` and `_` as
/// in SQL; `LIKE` is case-sensitive, `ILIKE` not. The client itself appends
/// ``tag.`mlflow.prompt.is_prompt` != 'true'``, which every model without that tag meets.
struct MLflowModelFilter {
  private struct Term {
    enum Field { case name, tag(String) }
    let field: Field
    let operation: String
    let value: String
  }

  private var terms: [Term] = []

  init(_ text: String) throws {
    let parts = text.components(separatedBy: " and ").flatMap { $0.components(separatedBy: " AND ") }
    for part in parts where !part.allSatisfy(\.isWhitespace) {
      terms.append(try Self.term(part.trimmingCharacters(in: .whitespaces)))
    }
  }

  private static func term(_ text: String) throws -> Term {
    let unsupported = MLflowError.invalid(
      "unsupported registered model filter '\(text.prefix(80))': use name = '…', name LIKE '…%' or tags.K = '…'"
    )
    guard let quote = text.last, quote == "'" || quote == "\"",
      let open = text.dropLast().lastIndex(of: quote)
    else { throw unsupported }
    let value = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
    let head = text[..<open].split(separator: " ", omittingEmptySubsequences: true)
    let (fieldText, operation): (Substring, String)
    if head.count == 2 {
      (fieldText, operation) = (head[0], head[1].uppercased())
    } else if head.count == 1, let index = head[0].firstIndex(where: { "=!".contains($0) }) {
      (fieldText, operation) = (head[0][..<index], String(head[0][index...]))
    } else {
      throw unsupported
    }
    let field: Term.Field
    if fieldText.lowercased() == "name" {
      field = .name
    } else if let dot = fieldText.firstIndex(of: "."),
      ["tag", "tags"].contains(fieldText[..<dot].lowercased())
    {
      let key = fieldText[fieldText.index(after: dot)...]
      field = .tag(key.trimmingCharacters(in: CharacterSet(charactersIn: "`\"")))
    } else {
      throw unsupported
    }
    let allowed: Set<String> = if case .name = field { ["=", "!=", "LIKE", "ILIKE"] } else { ["=", "!="] }
    guard allowed.contains(operation) else { throw unsupported }
    return Term(field: field, operation: operation, value: value)
  }

  /// Whether the model meets every term.
  func matches(_ model: RegisteredModelInfo) -> Bool {
    terms.allSatisfy { term in
      let actual: String? =
        switch term.field {
        case .name: model.name
        case .tag(let key): model.tags.first { $0.key == key }?.value
        }
      switch term.operation {
      case "=": return actual == term.value
      case "!=": return actual != term.value  // a model without the tag too, as MLflow's server
      case "LIKE":
        return actual.map { Self.like(Array($0.unicodeScalars), Array(term.value.unicodeScalars)) } ?? false
      default:
        return actual.map {
          Self.like(Array($0.lowercased().unicodeScalars), Array(term.value.lowercased().unicodeScalars))
        } ?? false
      }
    }
  }

  /// SQL's LIKE: `%` any run of characters, `_` one character.
  private static func like(_ text: [Unicode.Scalar], _ pattern: [Unicode.Scalar]) -> Bool {
    var (t, p) = (0, 0)
    var backtrack: (pattern: Int, text: Int)?
    while t < text.count {
      if p < pattern.count, pattern[p] == "%" {
        backtrack = (p, t)
        p += 1
      } else if p < pattern.count, pattern[p] == "_" || pattern[p] == text[t] {
        p += 1
        t += 1
      } else if let resume = backtrack {
        backtrack = (resume.pattern, resume.text + 1)
        (p, t) = (resume.pattern + 1, resume.text + 1)
      } else {
        return false
      }
    }
    while p < pattern.count, pattern[p] == "%" { p += 1 }
    return p == pattern.count
  }
}
