import PedigreeCLI

await PedigreeCommand.runAndExit()
