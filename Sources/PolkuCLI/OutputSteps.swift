import Foundation
import PolkuPipeline
import PolkuReport
import PolkuSyntax

/// What `render` and `checklist` share: loading one journey to make an output from, and
/// writing the output whole.
enum OutputSteps {
    /// The checked journey, or the exit status to stop with (after saying why). Refuses an
    /// output that is the journey itself, and shows the errors of a journey that has any.
    static func load(_ path: JourneyPath, target: String, pipeline: Pipeline, console: Console) -> Result<CheckedJourney, ExitStatus> {
        if target != "-" && Pipeline.sameFile(path, target) {
            console.show([Pipeline.writeProblem(target, .theJourneyItself)])
            return .failure(.usage)
        }
        let journey: CheckedJourney
        switch pipeline.load(path) {
        case .success(let loaded): journey = loaded
        case .failure(let problems):
            console.show(problems.items)
            return .failure(.usage)
        }
        let errors = journey.errors
        if !errors.isEmpty {
            console.show(journey.items.filter { $0.diagnostic.severity == .error })
            let language = console.language ?? journey.language
            console.error(errors.count == 1 ? say(language, .hasAnError, .text("\(path)"))
                          : say(language, .hasErrors, .text("\(path)"), .number(errors.count)))
            return .failure(.findings)
        }
        return .success(journey)
    }

    /// Writes an output: to standard output for `-`, else whole or not at all.
    static func write(_ bytes: [UInt8], to target: String, console: Console) -> ExitStatus {
        write(to: target, console: console) { _ in bytes }
    }

    /// `write(_:to:console:)` for an output made as it is written (`Pipeline.write(to:_:)`):
    /// on standard output each piece is written as it comes.
    static func write(to target: String, console: Console, _ produce: (_ send: @escaping ([UInt8]) -> Void) -> [UInt8]) -> ExitStatus {
        if target == "-" {
            let rest = produce { console.write(bytes: $0) }
            console.write(bytes: rest)
            return .ok
        }
        if let problem = Pipeline.write(to: target, produce) {
            console.show([problem])
            return .usage
        }
        return .ok
    }

    /// The output's path when none is given: beside the journey, with the format's
    /// extension; standard output when the journey comes from standard input or is not a
    /// file (`/dev/stdin`), which has no place beside it to write to.
    static func besideJourney(_ input: String, extension ext: String) -> String {
        if input == "-" || input.hasPrefix("/dev/") || input.hasPrefix("/proc/") { return "-" }
        return URL(fileURLWithPath: input).deletingPathExtension().path + "." + ext
    }

    /// The file extensions Polku writes, and the format each names.
    static let formatOfExtension: [String: String] = [
        "svg": "svg", "png": "png", "pdf": "pdf", "dot": "dot",
        "md": "md", "markdown": "md", "html": "html", "htm": "html", "csv": "csv", "xlsx": "xlsx",
    ]

    /// Why `--format` and `-o` disagree, when the output's extension names another format
    /// than `--format` gives (`--format png -o x.svg` would put PNG bytes in a file every
    /// program opens as SVG); nil when they agree, for an extension Polku does not write,
    /// and for standard output.
    static func formatMismatch(_ output: String?, format: String, language: KeywordLanguage) -> String? {
        guard let output, output != "-" else { return nil }
        let ext = fileExtension(output)
        guard let named = formatOfExtension[ext], named != format else { return nil }
        return say(language, .formatMismatch, .text(output), .text(ext), .text(format), .text(named))
    }

    /// The lower-cased extension of a path.
    static func fileExtension(_ path: String) -> String {
        URL(fileURLWithPath: path).pathExtension.lowercased()
    }
}

extension OutputSteps {
    /// Where a journey found in a folder goes under `--out-dir`: its path below the folder,
    /// with the output's extension.
    static func mirrored(_ file: JourneyPath, from folder: String, into outDir: String, extension ext: String) -> String {
        var relative = file.description
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        if relative.hasPrefix(prefix) { relative.removeFirst(prefix.count) }
        let withoutExtension = relative.hasSuffix("." + Pipeline.fileExtension)
            ? String(relative.dropLast(Pipeline.fileExtension.count + 1)) : relative
        return (outDir.hasSuffix("/") ? outDir : outDir + "/") + withoutExtension + "." + ext
    }

    /// The name of page `k` of `count`: the number before the extension, as many digits as
    /// `count` has (`plan.svg` → `plan-2.svg`, or `plan-02.svg` of twelve).
    static func numbered(_ target: String, _ k: Int, of count: Int) -> String {
        let digits = String(count).count
        let number = String(repeating: "0", count: digits - String(k).count) + String(k)
        let ext = URL(fileURLWithPath: target).pathExtension
        let slash = target.lastIndex(of: "/").map { target.index(after: $0) } ?? target.startIndex
        guard !ext.isEmpty, target[slash...].count > ext.count + 1 else { return "\(target)-\(number)" }
        return "\(target.dropLast(ext.count + 1))-\(number).\(ext)"
    }

    /// Creates the folders an output goes into; a problem if they cannot be made.
    static func makeFolder(for target: String) -> FileDiagnostic? {
        Pipeline.makeFolders(for: target)
    }
}
