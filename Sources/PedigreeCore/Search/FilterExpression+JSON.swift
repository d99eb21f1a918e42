/// A parsed filter as JSON and back, so a backend can store one (a promotion policy's
/// `--require`) and compile it later without the parser:
/// `{"and": [E…]}`, `{"or": [E…]}`, `{"field": F, "op": "=", "values": [V…]}`, where a field is
/// `{"metric"|"param"|"tag"|"version_tag": KEY}`, `{"attribute"|"version": NAME}`,
/// `{"aliases": true}` or `{"run": F}`, and a value `{"text": S}`, `{"number": "0.9"}` (exact
/// text), `{"time": MS}` or `{"boolean": B}`.
extension FilterExpression {
  package var storedJSON: JSONValue {
    switch self {
    case .and(let terms): .object(["and": .array(terms.map(\.storedJSON))])
    case .or(let terms): .object(["or": .array(terms.map(\.storedJSON))])
    case .comparison(let comparison):
      .object([
        "field": comparison.field.storedJSON, "op": .string(comparison.op.rawValue),
        "values": .array(comparison.values.map(\.storedJSON)),
      ])
    }
  }

  /// Reads `storedJSON` back; `nil` when the document is not one.
  package init?(storedJSON json: JSONValue) {
    if case .array(let terms)? = json["and"] {
      guard let parsed = FilterExpression.terms(terms) else { return nil }
      self = .and(parsed)
    } else if case .array(let terms)? = json["or"] {
      guard let parsed = FilterExpression.terms(terms) else { return nil }
      self = .or(parsed)
    } else {
      guard let fieldJSON = json["field"], let field = SearchField(storedJSON: fieldJSON),
        case .string(let opText)? = json["op"], let op = FilterOperator(rawValue: opText),
        case .array(let valuesJSON)? = json["values"]
      else { return nil }
      let values = valuesJSON.compactMap(FilterValue.init(storedJSON:))
      guard values.count == valuesJSON.count else { return nil }
      self = .comparison(FilterComparison(field: field, op: op, values: values))
    }
  }

  private static func terms(_ terms: [JSONValue]) -> [FilterExpression]? {
    let parsed = terms.compactMap(FilterExpression.init(storedJSON:))
    return parsed.count == terms.count && !parsed.isEmpty ? parsed : nil
  }
}

extension SearchField {
  fileprivate var storedJSON: JSONValue {
    switch self {
    case .metric(let key): .object(["metric": .string(key)])
    case .param(let key): .object(["param": .string(key)])
    case .tag(let key): .object(["tag": .string(key)])
    case .attribute(let attribute): .object(["attribute": .string(attribute.rawValue)])
    case .versionTag(let key): .object(["version_tag": .string(key)])
    case .version(let attribute): .object(["version": .string(attribute.rawValue)])
    case .aliases: .object(["aliases": .bool(true)])
    case .run(let field): .object(["run": field.storedJSON])
    }
  }

  fileprivate init?(storedJSON json: JSONValue) {
    guard case .object(let object) = json, object.pairs.count == 1, let (kind, value) = object.pairs.first
    else { return nil }
    switch (kind, value) {
    case ("metric", .string(let key)): self = .metric(key)
    case ("param", .string(let key)): self = .param(key)
    case ("tag", .string(let key)): self = .tag(key)
    case ("version_tag", .string(let key)): self = .versionTag(key)
    case ("attribute", .string(let name)):
      guard let attribute = RunAttribute(rawValue: name) else { return nil }
      self = .attribute(attribute)
    case ("version", .string(let name)):
      guard let attribute = ModelVersionAttribute(rawValue: name) else { return nil }
      self = .version(attribute)
    case ("aliases", .bool(true)): self = .aliases
    case ("run", let inner):
      guard let field = SearchField(storedJSON: inner) else { return nil }
      self = .run(field)
    default: return nil
    }
  }
}

extension FilterValue {
  fileprivate var storedJSON: JSONValue {
    switch self {
    case .text(let text): .object(["text": .string(text)])
    case .number(let number): .object(["number": .string(String(number))])
    case .time(let milliseconds): .object(["time": .integer(milliseconds)])
    case .boolean(let value): .object(["boolean": .bool(value)])
    }
  }

  fileprivate init?(storedJSON json: JSONValue) {
    switch (json["text"], json["number"], json["time"], json["boolean"]) {
    case (.string(let text)?, nil, nil, nil): self = .text(text)
    case (nil, .string(let text)?, nil, nil):
      guard let number = Double(text) else { return nil }
      self = .number(number)
    case (nil, nil, .integer(let milliseconds)?, nil): self = .time(milliseconds)
    case (nil, nil, nil, .bool(let value)?): self = .boolean(value)
    default: return nil
    }
  }
}
