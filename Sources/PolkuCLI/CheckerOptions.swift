import ArgumentParser
import PolkuPipeline

/// The options every command that runs the checker shares: `--rule` and `--config`.
struct CheckerOptions: ParsableArguments {
    @Option(name: .customLong("rule"), help: ArgumentHelp("Set a rule's severity: NAME=error|warning|info|off. Repeatable.", valueName: "name=severity"))
    var rules: [String] = []

    @Option(help: ArgumentHelp("Use this configuration file instead of the nearest polku.toml.", valueName: "file"))
    var config: String?

    /// The pipeline these options ask for, for a command that runs once.
    var pipeline: Pipeline {
        Pipeline(Pipeline.Settings(configuration: config.map { .file($0) } ?? .nearest, overrides: rules, oncePerFolder: true))
    }
}
