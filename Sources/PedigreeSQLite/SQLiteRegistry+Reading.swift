import PedigreeCore

extension SQLiteRegistry: RegistryReading {}
