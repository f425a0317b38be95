/// A problem reading or writing a file: not the journey's fault. Plain data: the pipeline
/// puts it into words (in the language asked for) as a diagnostic (`cannot-read`,
/// `cannot-write`, `no-journeys`), and the command line exits 2.
package struct IOProblem: Error, Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// The file or folder could not be read.
        case reading
        /// An output could not be written.
        case writing
    }

    /// Why: what finishes the sentence "cannot read `x`: ...".
    package enum Reason: Sendable, Equatable {
        /// What the system said, by its error number (`errno`).
        case system(Int32)
        /// Nothing has this name (found while looking for journey files).
        case noSuchFileOrFolder
        /// A folder where a file was expected; `instead` is what to give.
        case folder(instead: Instead)
        /// A device, a pipe or a socket where a journey file was expected.
        case notRegularFile
        /// Larger than Polku reads, in megabytes.
        case tooLarge(megabytes: Int)
        /// A folder below the one given could not be read (the system's error number).
        case folderUnreadable(Int32)
        /// A folder with no journey files (`*.extension`) in it or below it (`no-journeys`).
        case noJourneyFiles(fileExtension: String)
        /// A socket or a block device given as an output.
        case socketOrDevice
        /// The folder an output goes into could not be made.
        case cannotCreateFolder(String)
        /// The folder an output goes into does not exist.
        case noSuchFolder(String)
        /// The output would be written over the journey it is made from.
        case theJourneyItself
    }

    /// What to give instead of a folder.
    package enum Instead: Sendable, Equatable {
        /// A journey file, or the folder to `check` (journey files end in `.fileExtension`).
        case journey(fileExtension: String)
        /// The configuration file, named `fileName`.
        case configuration(fileName: String)
        /// A file name (for an output).
        case fileName
    }

    package var path: String
    package var reason: Reason
    package var kind: Kind

    package init(_ path: String, _ reason: Reason, kind: Kind = .reading) {
        self.path = path
        self.reason = reason
        self.kind = kind
    }
}
