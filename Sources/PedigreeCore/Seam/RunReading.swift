/// The run reads of a backend (see `RegistryReading`).
public protocol RunReading {
}
