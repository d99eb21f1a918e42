import PedigreeCLI

PedigreeCommand.main()
