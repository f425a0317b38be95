// Times the stages of Polku in-process on one journey file, so the figures measure the
// work and not the process start. Used by `bench/run`; not installed for users.
//
//   polku-bench FILE [ITERATIONS]
//   polku-bench --render FILE [RENDERS] [--format svg|png|pdf] [--pipeline]
//
// Prints one line of JSON: bytes, steps, best seconds per stage over the iterations (each
// report format too, written whole and thrown away), and the process's peak resident memory.
// With --render, draws the journey RENDERS times (10,000 by default) through Graphviz in this
// one process and prints the resident memory as it goes (see RenderBench.swift).
import Foundation
import PolkuCheck
import PolkuModel
import PolkuPipeline
import PolkuSyntax

let arguments = CommandLine.arguments
if arguments.count >= 2 && arguments[1] == "--render" {
    exit(RenderBench.run(Array(arguments.dropFirst(2))))
}
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: polku-bench FILE [ITERATIONS]\n".utf8))
    exit(2)
}
let iterations = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let bytes = [UInt8](data)

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var best = (parse: Double.infinity, resolve: Double.infinity, frontEnd: Double.infinity, check: Double.infinity)
var findings = 0
var steps = 0
var diagnostics = 0
for _ in 0..<iterations {
    var tree: SyntaxTree?
    let source = SourceFile(name: arguments[1], bytes: bytes)
    let p = seconds { tree = JourneyParser.parse(source) }
    var journey: Journey?
    let r = seconds { journey = Resolver.resolve(tree!).0 }
    var analysis: Analysis?
    let f = seconds { analysis = Analysis(SourceFile(name: arguments[1], bytes: bytes)) }
    diagnostics = analysis!.diagnostics.count
    // The checker alone: every rule at its default severity, on the analysed journey.
    let c = seconds { findings = Checker.check(analysis!).diagnostics.count }
    steps = journey!.steps.count
    best = (min(best.parse, p), min(best.resolve, r), min(best.frontEnd, f), min(best.check, c))
}
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let peakBytes = Int(usage.ru_maxrss) * 1024
// Each report format alone, written whole for the checked journey and thrown away (after the
// peak memory is read: that figure is the stages').
var reports: [(String, Double)] = []
if case .success(let checked) = Pipeline().check(SourceFile(name: arguments[1], bytes: bytes), path: nil) {
    for format in ReportFormat.allCases {
        var best = Double.infinity
        for _ in 0..<iterations {
            best = min(best, seconds { Reports.write([checked], format: format, version: "bench", send: { _ in }) })
        }
        reports.append((format.rawValue, best))
    }
}
let reportFields = reports.map { "\"report_\($0.0)_s\": \($0.1), " }.joined()
print("{\"bytes\": \(bytes.count), \"steps\": \(steps), \"diagnostics\": \(diagnostics), \"parse_s\": \(best.parse), \"resolve_s\": \(best.resolve), \"front_end_s\": \(best.frontEnd), \"check_s\": \(best.check), \"findings\": \(findings), \(reportFields)\"peak_rss_bytes\": \(peakBytes)}")
