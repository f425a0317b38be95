import Foundation

/// Finds journey files: a file stays as it is, a folder becomes every file with the
/// journey extension below it, sorted, so runs are repeatable.
package enum JourneyFiles {
    /// - Parameter fileExtension: without the dot (`polku`).
    package static func expand(_ paths: [String], fileExtension: String) -> (files: [String], problems: [IOProblem]) {
        var files: [String] = []
        var problems: [IOProblem] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" {
                files.append(path)
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(IOProblem(path, "there is no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            var found: [String] = []
            if let walker = fm.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String {
                    if relative.hasSuffix("." + fileExtension) {
                        let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
                        var isDir: ObjCBool = false
                        if fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { found.append(full) }
                    }
                }
            }
            if found.isEmpty {
                problems.append(IOProblem(path, "this folder has no journey files (*.\(fileExtension)) in it", kind: .noJourneys))
            }
            files.append(contentsOf: found.sorted())
        }
        return (files, problems)
    }

    /// The nearest file called `name` in the folder of `file` or a folder above it.
    package static func nearest(_ name: String, above file: String) -> String? {
        var dir = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent()
        while true {
            let candidate = dir.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }
}
