import PedigreeCLI

PedigreeCommand.runAndExit()
