/// The file-level checks of a backend for `db check` (see `RegistryReading`): what only the
/// storage engine can tell, such as page integrity, foreign keys and schema drift.
public protocol IntegrityChecking {
}
