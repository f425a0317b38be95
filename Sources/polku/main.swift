import Foundation
import PolkuCLI

// A write past a file-size limit should be an error Polku reports, not a signal that kills
// it: with SIGXFSZ ignored, write() fails with EFBIG and the output is not left half-written.
signal(SIGXFSZ, SIG_IGN)
exit(Polku.run(Array(CommandLine.arguments.dropFirst())))
