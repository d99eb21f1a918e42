/// The model reads of a backend (see `RegistryReading`).
public protocol ModelReading {
}
