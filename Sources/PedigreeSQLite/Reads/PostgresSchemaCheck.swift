import PedigreeCore

/// `db check`'s schema and foreign-key checks on PostgreSQL, read from its catalogs.
enum PostgresSchemaCheck {
  /// The registry's schema against what this binary's migrations create: the migrations are run
  /// into a scratch schema inside a savepoint (DDL is transactional in PostgreSQL), both schemas'
  /// objects are read from the catalogs with the schema's name taken out, and the savepoint is
  /// rolled back, so nothing is left behind. Columns, constraints, indexes, triggers (and whether
  /// each is enabled) and functions are compared: a dropped or disabled append-only trigger, or
  /// a trigger function rewritten to let edits through, is a finding.
  static func drift(_ database: Database, migrations: [Migration]) throws -> [CheckProblem] {
    let actual = try objects(database, schema: nil)
    let reference = "pedigree_reference_schema"
    let expected: [SchemaObject]
    let ownTransaction = !database.isInTransaction
    try database.execute(ownTransaction ? "BEGIN" : "SAVEPOINT pedigree_reference")
    do {
      try database.execute("CREATE SCHEMA \(reference); SET LOCAL search_path = \(reference)")
      for migration in migrations { try database.execute(migration.sql) }
      expected = try objects(database, schema: reference)
      try database.execute(ownTransaction ? "ROLLBACK" : "ROLLBACK TO pedigree_reference")
    } catch {
      try? database.execute(ownTransaction ? "ROLLBACK" : "ROLLBACK TO pedigree_reference")
      return [
        CheckProblem(
          area: .schema,
          message: "cannot build the reference schema to compare with (\(error)); the schema was not checked")
      ]
    }
    return SchemaObject.drift(expected: expected, actual: actual)
  }

  /// The objects of `schema` (the current one when `nil`), each as `(type, name, definition)`
  /// with the schema's own name removed from its definition.
  private static func objects(_ database: Database, schema: String?) throws -> [SchemaObject] {
    let namespace = schema.map { "'\($0)'" } ?? "current_schema()"
    let name = try database.scalarString("SELECT \(namespace)") ?? ""
    let rows = try database.query(
      """
      SELECT 'column', c.relname::text || '.' || a.attname::text,
        format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
          || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
          || CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END
          || coalesce(' COLLATE ' || co.collname::text, '')
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 100
      WHERE n.nspname = \(namespace) AND c.relkind IN ('r', 'v') AND a.attnum > 0 AND NOT a.attisdropped
      UNION ALL
      SELECT 'constraint', c.relname::text || '.' || k.conname::text, pg_get_constraintdef(k.oid)
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = \(namespace)
      UNION ALL
      SELECT 'index', i.indexname::text, i.indexdef FROM pg_indexes i WHERE i.schemaname = \(namespace)
      UNION ALL
      SELECT 'trigger', c.relname::text || '.' || t.tgname::text, pg_get_triggerdef(t.oid) || ' ' || t.tgenabled::text
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = \(namespace) AND NOT t.tgisinternal
      UNION ALL
      SELECT 'function', p.proname::text || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.prosrc
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = \(namespace)
      ORDER BY 1, 2
      """
    ) { ($0.string(0), $0.string(1), $0.string(2)) }
    return rows.map { type, objectName, definition in
      SchemaObject(
        type: type, name: objectName,
        sql: SchemaObject.normalized(
          definition.replacing("\"\(name)\".", with: "").replacing("\(name).", with: "")))
    }
  }

  /// Every foreign key of the current schema's tables, checked against the rows: each row whose
  /// key names no row of the referenced table is a finding, as `PRAGMA foreign_key_check` reports.
  static func foreignKeyProblems(_ database: Database) throws -> [CheckProblem] {
    let keys = try database.query(
      """
      SELECT c.relname, r.relname,
        (SELECT string_agg(format('%I', a.attname), ',' ORDER BY x.ordinality)
         FROM unnest(k.conkey) WITH ORDINALITY x(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.attnum),
        (SELECT string_agg(format('%I', a.attname), ',' ORDER BY x.ordinality)
         FROM unnest(k.confkey) WITH ORDINALITY x(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = x.attnum)
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema() ORDER BY c.relname, k.conname
      """
    ) { (table: $0.string(0), referenced: $0.string(1), columns: $0.string(2), targets: $0.string(3)) }
    var problems: [CheckProblem] = []
    for key in keys {
      let columns = key.columns.split(separator: ",")
      let targets = key.targets.split(separator: ",")
      let present = columns.map { "child.\($0) IS NOT NULL" }.joined(separator: " AND ")
      let match = zip(columns, targets).map { "parent.\($1) = child.\($0)" }.joined(separator: " AND ")
      let orphans =
        try database.scalarInt(
          """
          SELECT count(*) FROM "\(key.table)" child WHERE \(present)
            AND NOT EXISTS (SELECT 1 FROM "\(key.referenced)" parent WHERE \(match))
          """) ?? 0
      if orphans > 0 {
        problems.append(
          CheckProblem(
            area: .foreignKeys,
            message: "\(key.table): \(orphans) row(s) refer to a missing row of \(key.referenced)"))
      }
    }
    return problems
  }
}
