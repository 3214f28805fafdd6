import PonderCLI

await PonderCommand.runAndExit()
