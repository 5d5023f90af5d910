import ConcordCLI

await ConcordCommand.start()
