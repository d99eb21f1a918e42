import PedigreeCore

extension SQLiteWriter: RegistryWriting {
  public var reader: any RegistryReading { registry }
}
