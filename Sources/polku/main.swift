import Foundation
import PolkuCLI

exit(Polku.run(Array(CommandLine.arguments.dropFirst())))
