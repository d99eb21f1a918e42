/// The dataset reads of a backend (see `RegistryReading`).
public protocol DatasetReading {
}
