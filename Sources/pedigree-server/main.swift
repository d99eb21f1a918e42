import Foundation
import PedigreeServer

// `pedigree serve` execs this with its validated flags.
exit(await PedigreeServerMain.run(Array(CommandLine.arguments.dropFirst())))
