import Foundation
import Testing

/// Outputs are written whole or not at all, and never over the journey.
@Suite struct OutputSafetyTests {
    /// Runs polku under `sh` with a file-size limit of `blocks` kilobytes.
    func runLimited(_ blocks: Int, _ arguments: [String]) throws -> RunResult {
        let quoted = ([Fixture.binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f \(blocks); exec " + quoted.joined(separator: " ")]
        process.currentDirectoryURL = Fixture.root
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return RunResult(status: process.terminationStatus, stdout: "", stderr: errText)
    }

    @Test func aFullDiskLeavesNothingHalfWritten() throws {
        let folder = try TempFolder()
        let target = folder.url.appendingPathComponent("big.svg").path
        // An old diagram is there; a failed run must leave it as it was.
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        // 4 KiB is less than any diagram: the write fails part-way, as on a full disk.
        let r = try runLimited(4, ["render", "Examples/social-media-event.polku", "-o", target])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("cannot write `\(target)`"), "\(r.stderr)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(left == ["big.svg"], "left behind: \(left)")
    }

    @Test func aReadOnlyPlaceIsAClearError() throws {
        let r = try runPolku(["checklist", "Examples/article-delivery.polku", "-o", "/proc/polku-checklist.md"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot write `/proc/polku-checklist.md`"), "\(r.stderr)")
    }

    @Test func aMissingFolderIsAClearErrorForEveryWriter() throws {
        for args in [["render", "Examples/article-delivery.polku", "-o", "/no/such/folder/a.svg"],
                     ["checklist", "Examples/article-delivery.polku", "-o", "/no/such/folder/a.md"]] {
            let r = try runPolku(args)
            #expect(r.status == 2)
            #expect(r.stderr.contains("the folder `/no/such/folder` does not exist"), "\(r.stderr)")
        }
    }

    @Test func theJourneyIsNeverOverwritten() throws {
        let folder = try TempFolder()
        let journey = try folder.write("j.polku", baselineExample)
        // The same file under another name is caught too.
        let alias = folder.url.appendingPathComponent("alias.svg").path
        try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: journey)
        let mdAlias = folder.url.appendingPathComponent("alias.md").path
        try FileManager.default.createSymbolicLink(atPath: mdAlias, withDestinationPath: journey)
        for args in [["render", journey, "-o", alias], ["checklist", journey, "-o", mdAlias, "--format", "md"],
                     ["render", journey, "-o", journey, "--format", "svg"]] {
            let r = try runPolku(args)
            #expect(r.status == 2)
            #expect(r.stderr.contains("refusing"))
        }
        #expect(try String(contentsOfFile: journey, encoding: .utf8) == baselineExample)
    }
}
