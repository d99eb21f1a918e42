/// The audit reads of a backend (see `RegistryReading`).
public protocol AuditReading {
}
