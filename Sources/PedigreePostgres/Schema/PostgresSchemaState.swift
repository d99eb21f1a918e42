import PedigreeCore

/// Where a PostgreSQL database stands relative to this binary's migrations (the SQLite
/// backend's `SchemaState`, read from `pedigree_registry` instead of PRAGMAs).
public enum PostgresSchemaState: Equatable, Sendable {
  /// No table, view or sequence in the schema Pedigree creates into: ready to become a registry.
  case uninitialized
  /// A registry at this binary's schema version.
  case current
  /// A registry at an older version; migrating upgrades it.
  case behind(Int)
  /// A registry written by a newer Pedigree; this binary refuses to touch it.
  case ahead(Int)
  /// The schema holds other relations and no Pedigree marker: another application's.
  case foreign
}

extension PostgresConnection {
  /// Reads what the database is. A registry is marked by the one row of `pedigree_registry`
  /// (application `pedigree`, its schema version) in the current schema (the first existing
  /// schema of `search_path`, normally `public`): the one Pedigree creates its tables in, and the
  /// only one looked at, so other applications' schemas in the same database do not matter.
  /// Run inside a transaction (one snapshot) when it must agree with what follows.
  public func schemaState() throws(PedigreeError) -> PostgresSchemaState {
    let probe = try execute(
      """
      SELECT current_schema(),
        (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')),
        current_schema() IS NOT NULL
          AND to_regclass(format('%I.pedigree_registry', coalesce(current_schema(), ''))) IS NOT NULL
      """)
    guard let row = probe.first, row.optionalString(0) != nil else {
      throw PedigreeError(
        .io,
        "database \(url.redacted) has no schema to hold a registry: its search_path names none "
          + "that exists",
        hint: "create the schema, or set search_path (options=-csearch_path=NAME in the URL)")
    }
    let relations = try row.int64(1)
    guard try row.bool(2) else { return relations == 0 ? .uninitialized : .foreign }
    let marker = try execute("SELECT application, schema_version FROM pedigree_registry")
    guard let mark = marker.first, try mark.string(0) == "pedigree" else { return .foreign }
    let version = try mark.int(1)
    if version > PostgresMigration.latestVersion { return .ahead(version) }
    return version == PostgresMigration.latestVersion ? .current : .behind(version)
  }
}
