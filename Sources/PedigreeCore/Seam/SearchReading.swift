/// The search reads of a backend (see `RegistryReading`).
public protocol SearchReading {
}
