/// A parsed `run search` filter: a superset of MLflow's search syntax.
///
/// ```swift
/// let filter = try RunFilter.parse(
///   "metrics.auc > 0.9 and params.lr = '0.01' and tags.team = 'risk' and attributes.status = 'finished'")
/// let result = try registry.searchRuns(filter: filter)
/// ```
///
/// - Fields: `metrics.KEY` (the latest value: highest step, then latest timestamp), `params.KEY`,
///   `tags.KEY`, and `attributes.NAME` for `status`, `run_id` (`id`), `run_name` (`name`),
///   `experiment`, `actor` (`user`), `start_time`, `end_time`, `git_commit`, `git_repo`,
///   `entry_point`. Prefixes may be singular (`metric.`, `param.`, `tag.`, `attribute.`, `attr.`,
///   `run.`). A key with other characters than letters, digits, `_ - . /` is quoted in backticks
///   or double quotes: ``metrics.`val loss` ``.
/// - Operators: `= != < <= > >= LIKE ILIKE IN`, `NOT LIKE`, `NOT ILIKE`, `NOT IN`, `IS NULL`,
///   `IS NOT NULL` (the key is absent / present); `and` binds tighter than `or`; parentheses.
///   Keywords are case-insensitive.
/// - Values: strings in single or double quotes (the quote doubled or after a backslash inside,
///   `\\` for a backslash), numbers (`3`, `-0.5`, `1e-4`).
/// - Types: metrics compare with numbers, params and tags with strings (as MLflow compares
///   params), times with ISO 8601 strings or integer milliseconds. `LIKE` is case-sensitive and
///   `ILIKE` is not (ASCII case only); in both `%` is any run of characters and `_` any one.
/// - A comparison on a metric, param or tag that a run lacks is false, whatever the operator, and
///   so is a comparison with a NaN metric.
///
/// Mistakes are `PedigreeError`s of kind `.usage` that name the column (1-based, in characters)
/// and what was expected there. The filter compiles to parameterised SQL: nothing in it is ever
/// run as SQL.
public struct RunFilter: Equatable, Sendable, CustomStringConvertible {
  package let expression: FilterExpression?

  package init(expression: FilterExpression?) { self.expression = expression }

  /// The filter every run matches (an empty filter).
  public static let all = RunFilter(expression: nil)

  /// The filter in canonical form (inner groups parenthesised), which parses back to itself.
  public var description: String { FilterExpression.canonical(expression) }

  /// The fields the filter names, in order of first appearance.
  package var fields: [SearchField] { expression?.fields ?? [] }
}

/// The order of `run search` results: `--order-by EXPR`.
///
/// ```swift
/// let order = try RunOrder.parse("metrics.auc DESC, attributes.start_time")
/// ```
///
/// Terms are fields as in `RunFilter`, each optionally followed by `ASC` (the default) or `DESC`,
/// separated by commas. Runs lacking an ordered metric, param or tag (or with a NaN metric, or no
/// end time) sort last in either direction. Ties end in start time, newest first, then run id.
/// The default order is `attributes.start_time DESC`.
public struct RunOrder: Equatable, Sendable, CustomStringConvertible {
  package struct Term: Equatable, Sendable {
    package var field: SearchField
    package var descending: Bool

    package init(field: SearchField, descending: Bool) {
      self.field = field
      self.descending = descending
    }

    /// `field ASC, field DESC`.
    package static func describe(_ terms: [Term]) -> String {
      terms.map { $0.field.description + ($0.descending ? " DESC" : " ASC") }.joined(separator: ", ")
    }
  }

  package let terms: [Term]

  package init(terms: [Term]) { self.terms = terms }

  /// Newest first: `attributes.start_time DESC`.
  public static let `default` = RunOrder(
    terms: [Term(field: .attribute(.startTime), descending: true)])

  public var description: String { RunOrder.Term.describe(terms) }
}

extension FilterExpression {
  /// A whole filter in canonical form: the top level unparenthesised, inner groups parenthesised.
  package static func canonical(_ expression: FilterExpression?) -> String {
    switch expression {
    case nil: ""
    case .and(let terms)?: terms.map(\.description).joined(separator: " AND ")
    case .or(let terms)?: terms.map(\.description).joined(separator: " OR ")
    case .comparison(let comparison)?: comparison.description
    }
  }
}

/// A parsed `model search` filter: the run-search language over model versions.
///
/// ```swift
/// let filter = try ModelVersionFilter.parse(
///   "aliases = 'staging' and run.metrics.auc >= 0.9 and tags.reviewed = 'yes' and deprecated = false")
/// let versions = try registry.searchModelVersions(filter: filter)
/// ```
///
/// - Fields: `name`, `version`, `description`, `deprecated` (`true`/`false`), `created_at`,
///   `created_by` (bare, or as `attributes.NAME`), `tags.KEY` (the version's tags), `aliases`
///   (the aliases pointing at it now: `aliases = 'production'`, `aliases IN (…)`,
///   `aliases IS NULL` for none), and the source run's fields behind `run.`: `run.metrics.KEY`
///   (latest value), `run.params.KEY`, `run.tags.KEY`, `run.attributes.NAME` (or `run.NAME`).
/// - Operators, values, types and quoting as in `RunFilter`. A negated comparison on `aliases`
///   (`!=`, `NOT IN`, `NOT LIKE`) holds when no alias matches the positive one.
///
/// It compiles to parameterised SQL with the same compiler as `run search`.
public struct ModelVersionFilter: Equatable, Sendable, CustomStringConvertible {
  package let expression: FilterExpression?

  package init(expression: FilterExpression?) { self.expression = expression }

  /// The filter every version matches.
  public static let all = ModelVersionFilter(expression: nil)

  /// The filter in canonical form, which parses back to itself.
  public var description: String { FilterExpression.canonical(expression) }
}

/// The order of `model search` results: fields as in `ModelVersionFilter`, each `ASC` (the
/// default) or `DESC`. Versions lacking an ordered key sort last; ties end in creation time,
/// newest first, then model name and version. The default is `created_at DESC`.
public struct ModelVersionOrder: Equatable, Sendable, CustomStringConvertible {
  package let terms: [RunOrder.Term]

  package init(terms: [RunOrder.Term]) { self.terms = terms }

  /// Newest first: `created_at DESC`.
  public static let `default` = ModelVersionOrder(
    terms: [RunOrder.Term(field: .version(.createdAt), descending: true)])

  public var description: String { RunOrder.Term.describe(terms) }
}
