/// A problem reading or writing a file: not the journey's fault. The pipeline turns it into
/// a diagnostic (`cannot-read`, `cannot-write`, `no-journeys`) and the command line exits 2.
package struct IOProblem: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// The file or folder could not be read.
        case reading
        /// A folder holds no journey files.
        case noJourneys
        /// An output could not be written.
        case writing
    }

    package var path: String
    /// Why, in words that finish the sentence "cannot read `x`: ...".
    package var reason: String
    package var kind: Kind

    package init(_ path: String, _ reason: String, kind: Kind = .reading) {
        self.path = path
        self.reason = reason
        self.kind = kind
    }

    package var description: String {
        switch kind {
        case .reading: "cannot read `\(path)`: \(reason)"
        case .noJourneys: "`\(path)`: \(reason)"
        case .writing: "cannot write `\(path)`: \(reason)"
        }
    }
}
