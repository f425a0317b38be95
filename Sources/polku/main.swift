import PolkuCLI

Polku.main(Array(CommandLine.arguments.dropFirst()))
