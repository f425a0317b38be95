// `polku-bench --render FILE [RENDERS] [--format svg|png|pdf] [--pipeline]`: memory of one
// long-running process that draws the same journey again and again. Prints the resident
// set (VmRSS) before the first render and after 1, 10, 100, 1,000, 10,000 ... renders, and
// the time per render between those points. Without --pipeline the DOT text is made once and
// only Graphviz runs in the loop; with it, every round also reads, checks and writes the DOT.
import Foundation
import PolkuCheck
import PolkuDiagram
import PolkuGraphviz
import PolkuModel
import PolkuSyntax

enum RenderBench {
    static func run(_ arguments: [String]) -> Int32 {
        var rest = arguments
        var format = GraphvizFormat.svg
        var pipeline = false
        if let i = rest.firstIndex(of: "--pipeline") { pipeline = true; rest.remove(at: i) }
        if let i = rest.firstIndex(of: "--format"), i + 1 < rest.count, let f = GraphvizFormat(rawValue: rest[i + 1]) {
            format = f
            rest.removeSubrange(i...(i + 1))
        }
        guard let path = rest.first, let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("usage: polku-bench --render FILE [RENDERS] [--format svg|png|pdf] [--pipeline]\n".utf8))
            return 2
        }
        let renders = rest.count > 1 ? Int(rest[1]) ?? 10_000 : 10_000
        let bytes = [UInt8](data)
        func dot() -> (String, Int) {
            let result = Checker.check(Analysis(SourceFile(name: path, bytes: bytes)))
            // The timeline, as in bench/RESULTS.md (auto would draw a long journey compact).
            return (SwimlaneDiagram.dot(result, options: DiagramOptions(layout: .timeline)), result.analysis.journey.steps.count)
        }
        let (fixedDot, steps) = dot()
        print("journey: \(path) (\(steps) steps), \(format.rawValue.uppercased()), DOT \(fixedDot.utf8.count) bytes, "
              + (pipeline ? "whole pipeline each round" : "DOT made once, Graphviz only in the loop"))
        print("| renders | VmRSS MB | KB more per render since previous | wall ms per render since previous | CPU ms per render since previous |")
        print("|---:|---:|---:|---:|---:|")
        var checkpoints: [Int] = []
        var next = 1
        while next < renders { checkpoints.append(next); next *= 10 }
        checkpoints.append(renders)
        var previous = (renders: 0, rss: residentKB(), time: DispatchTime.now().uptimeNanoseconds, cpu: cpuSeconds())
        print("| 0 | \(mb(previous.rss)) | | | |")
        let start = previous.time
        var outputBytes = 0
        for round in 1...renders {
            let text = pipeline ? dot().0 : fixedDot
            do {
                outputBytes = try Graphviz.shared.renderBlocking(dot: text, format: format).count
            } catch {
                FileHandle.standardError.write(Data("polku-bench: \(error)\n".utf8))
                return 1
            }
            if checkpoints.contains(round) {
                let now = DispatchTime.now().uptimeNanoseconds
                let rss = residentKB()
                let cpu = cpuSeconds()
                let n = Double(round - previous.renders)
                let growth = Double(rss - previous.rss) / n
                let ms = Double(now - previous.time) / 1e6 / n
                let cpuMs = (cpu - previous.cpu) * 1000 / n
                print("| \(round.formatted()) | \(mb(rss)) | \(String(format: "%.2f", growth)) | \(String(format: "%.2f", ms)) | \(String(format: "%.2f", cpuMs)) |")
                previous = (round, rss, now, cpu)
            }
        }
        let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("\(renders.formatted()) renders in \(String(format: "%.1f", total)) s (\(String(format: "%.1f", cpuSeconds())) s of CPU): "
              + "\(String(format: "%.2f", total * 1000 / Double(renders))) ms per render; output \(outputBytes) bytes")
        return 0
    }

    /// The resident set in KiB, from /proc/self/status (VmRSS); 0 where there is none.
    static func residentKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }

    /// User and system time of this process so far: unlike the wall clock, not lengthened by
    /// other work on a shared machine.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func mb(_ kb: Int) -> String { String(format: "%.1f", Double(kb) / 1024) }
}
