import PedigreeCore

extension SQLiteWriter: RegistryWriting {}
