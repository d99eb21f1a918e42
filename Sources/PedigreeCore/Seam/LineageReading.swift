/// The lineage reads of a backend (see `RegistryReading`).
public protocol LineageReading {
}
