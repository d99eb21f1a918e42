// `swift run -c release pedigree-bench`: see `pedigree-bench --help` and README.md, "Performance".
import PedigreeBench

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

exit(BenchCommand.main(Array(CommandLine.arguments.dropFirst())))
