import ArgumentParser
import PolkuPipeline
import PolkuSyntax

/// `polku check`: reads journey files and reports every problem and finding.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check journey files: errors, and the places to recommend or follow up.",
        discussion: """
        Give one or more journey files, or folders: a folder means every *.polku file in it \
        and below it.

        The checker's rules look for steps with no recommendation or follow-up and the other \
        gaps a service designer cares about (`polku rules` lists them). A polku.toml file in \
        the journey's folder or a folder above it sets their severities; --rule overrides it.

        Columns in every format are counted in Unicode characters (code points).

        Exit status: 0 when there is no error, 1 when a journey has errors or a finding of \
        severity error (or a warning, with --strict), 2 when the command was used wrongly or \
        a file could not be read.

        Examples:
          polku check Examples/
          polku check --format summary Examples/article-delivery.polku
          polku check --rule missing-recommendation=error --strict journeys/
          polku check --format sarif Examples/ > polku.sarif
          polku check --write-baseline polku-baseline.json journeys/
          polku check --baseline polku-baseline.json journeys/

        A baseline holds the findings accepted for now, keyed by rule, step (or channel, \
        persona) id and message, never by line: editing above a step does not bring its \
        findings back. Errors are never in a baseline.
        """
    )

    @Argument(help: "Journey files or folders to check (`-` reads standard input).")
    var paths: [String] = []

    @Option(help: "Output format: text (for people), short (one line each, for editors and CI), json, sarif (code scanning), summary (a table for a workshop projector).")
    var format: ReportFormat = .text

    @OptionGroup var checker: CheckerOptions

    @Flag(help: "Fail (exit 1) on warnings too, not only on errors.")
    var strict = false

    @Option(help: "Colour: auto (only on a terminal, never when NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Flag(name: .shortAndLong, help: "Say on standard error which configuration file each journey is checked with.")
    var verbose = false

    @Option(help: "Language of the messages: en, fi or sv (default: each journey's keywords; else POLKU_LANG or the locale).")
    var lang: KeywordLanguage?

    @Option(help: ArgumentHelp("Report only findings that are not in this baseline file (written with --write-baseline).", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Write today's findings to this baseline file, to accept them for now.", valueName: "file"))
    var writeBaseline: String?

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError(say(lang ?? EnvironmentLanguage.current, .giveAPath))
        }
        if baseline != nil && writeBaseline != nil {
            throw ValidationError(say(lang ?? EnvironmentLanguage.current, .baselineBoth))
        }
    }

    func run() throws {
        let console = Console(language: lang)
        let pipeline = checker.pipeline
        let (files, found) = pipeline.journeyFiles(paths)
        var problems = found
        var checked: [CheckedJourney] = []
        // `text` and `short` go journey by journey: each journey's lines are written as soon
        // as it is checked and the journey is let go, so a folder of thousands of journeys
        // takes the memory of one. The other formats (and baselines) need them all.
        let streaming = (format == .text || format == .short) && baseline == nil && writeBaseline == nil
        let colored = color.enabled()
        var tally = Reports.Tally()
        var failed = false
        if streaming { console.show(found) }
        for (n, path) in files.enumerated() {
            let source: SourceFile
            switch pipeline.read(path) {
            case .success(let read): source = read
            case .failure(let unreadable):
                if streaming { console.show(unreadable.items) }
                problems += unreadable.items
                continue
            }
            let location = path.isStandardInput ? nil : path
            if verbose {
                let used = pipeline.configurationFile(forJourneyAt: location)
                console.error(used.map { say(console.speaks, .configurationOf, .text("\(path)"), .text($0)) }
                              ?? say(console.speaks, .noConfigurationFile, .text("\(path)")))
            }
            switch pipeline.check(source, path: location) {
            case .success(let journey):
                guard streaming else { checked.append(journey); continue }
                Reports.write(part: journey, format: format, color: colored, language: lang, fallback: console.fallback) {
                    console.write(bytes: $0)
                }
                tally.add(journey)
                if journey.fails(strict: strict) { failed = true }
                // The last one is kept until the process ends, which frees it at once.
                if n == files.count - 1 { UntilExit.keep(journey) }
            case .failure(let configuration):
                // A configuration with mistakes would give wrong results for every file.
                console.show(configuration.items)
                return try finish(.usage, console)
            }
        }
        if streaming {
            if format == .text {
                console.write(Reports.closing(tally, language: tally.language(asked: lang, fallback: console.fallback)))
            }
            return try finish(!problems.isEmpty ? .usage : failed ? .findings : .ok, console)
        }
        console.show(problems)
        if let file = writeBaseline {
            let written = Baseline(checked)
            if let problem = Pipeline.write(Array(written.text.utf8), to: file) {
                console.show([problem])
                return try finish(.usage, console)
            }
            console.error(say(console.speaks, .baselineWritten, .number(written.findings.count), .text(file)))
        }
        if let file = baseline {
            switch Baseline.read(file) {
            case .failure(let unreadable):
                console.show(unreadable.items)
                return try finish(.usage, console)
            case .success(let accepted):
                let applied = accepted.apply(to: checked)
                checked = applied.journeys
                if applied.heldBack > 0 { console.error(say(console.speaks, .baselineHeldBack, .number(applied.heldBack), .text(file))) }
                if applied.stale > 0 { console.error(say(console.speaks, .baselineStale, .number(applied.stale), .text(file))) }
            }
        }
        // The report goes out as it is written, a chunk at a time.
        Reports.write(checked, format: format, color: colored, version: Polku.version,
                      language: lang, fallback: console.fallback) { console.write(bytes: $0) }
        UntilExit.keep(checked)
        var status = ExitStatus.ok
        if !problems.isEmpty { status = .usage }
        if status == .ok && checked.contains(where: { $0.fails(strict: strict) }) {
            status = .findings
        }
        try finish(status, console)
    }
}

extension CheckCommand {
    /// `polku check` followed by paths alone, the way an editor, a script or a first-time user
    /// runs it: the command with every option at its default, as ArgumentParser would have
    /// made it, without asking ArgumentParser. Reading a command line through it reflects on
    /// the command's options, and each new type it meets makes the Swift runtime scan every
    /// protocol conformance in the program (8,205 of them): two thirds of the instructions of
    /// checking one small journey. Anything that starts with `-` (an option, `--`, `-` for
    /// standard input, `-h`) goes to ArgumentParser as before; so does a line with no path,
    /// for its error. A test holds this command equal, property by property, to the one
    /// ArgumentParser makes from the same line.
    ///
    /// A function rather than an initializer: in an initializer (after `self.init()`), an
    /// assignment to an option made it a new option with that value as its default, still
    /// unparsed, and reading it stopped the process (seen in a release build).
    static func withPathsOnly(_ arguments: [String]) -> CheckCommand? {
        guard arguments.count > 1, arguments[0] == "check",
              !arguments.dropFirst().contains(where: { $0.utf8.first == UInt8(ascii: "-") }) else { return nil }
        var command = CheckCommand()
        command.paths = Array(arguments.dropFirst())
        command.format = .text
        var checker = CheckerOptions()
        checker.rules = []
        checker.config = nil
        command.checker = checker
        command.strict = false
        command.color = .auto
        command.verbose = false
        command.lang = nil
        command.baseline = nil
        command.writeBaseline = nil
        do { try command.validate() } catch { return nil }
        return command
    }
}
