import Foundation
import PolkuSyntax
import TOMLKit

// Reading `polku.toml` is the only use of TOMLKit, kept in this file so that everything else
// in the checker builds without it (the fuzzer compiles the sources directly).
extension Configuration {
    /// Reads and checks a configuration file.
    public static func load(_ path: String) throws(ConfigurationProblem) -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationProblem(path: path, message: "cannot read the configuration file")
        }
        let text = String(decoding: data, as: UTF8.self)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationProblem(path: path, line: error.source.begin.line, column: error.source.begin.column,
                                       message: "this is not valid TOML: \(error.description)")
        } catch {
            throw ConfigurationProblem(path: path, message: "this is not valid TOML")
        }
        var config = Configuration()
        config.path = path
        func line(of key: String) -> Int? {
            for (n, l) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where l.contains(key) { return n + 1 }
            return nil
        }
        func checkRule(_ name: String) throws(ConfigurationProblem) {
            if RuleRegistry.info(named: name) == nil {
                var message = "there is no checker rule `\(name)`"
                if let near = Suggestions.closest(to: name, among: RuleRegistry.names) { message += "; did you mean `\(near)`?" }
                throw ConfigurationProblem(path: path, line: line(of: name), message: message)
            }
        }
        for key in table.keys.sorted() where key != "rules" && key != "ignore" {
            throw ConfigurationProblem(path: path, line: line(of: key),
                                       message: "unknown section `\(key)`; polku.toml has `[rules]` and `[ignore]`")
        }
        if let rules = table["rules"] {
            guard let rules = rules.table else {
                throw ConfigurationProblem(path: path, line: line(of: "rules"), message: "`rules` must be a table: `[rules]`")
            }
            for name in rules.keys.sorted() {
                try checkRule(name)
                guard let value = rules[name]?.string, let setting = RuleSetting(rawValue: value) else {
                    throw ConfigurationProblem(path: path, line: line(of: name),
                                               message: "`\(name)` must be one of \"error\", \"warning\", \"info\" or \"off\"")
                }
                config.settings[name] = setting
            }
        }
        if let ignore = table["ignore"] {
            guard let ignore = ignore.table else {
                throw ConfigurationProblem(path: path, line: line(of: "ignore"), message: "`ignore` must be a table: `[ignore]`")
            }
            for pattern in ignore.keys.sorted() {
                guard let list = ignore[pattern]?.array else {
                    throw ConfigurationProblem(path: path, line: line(of: pattern),
                                               message: "`\(pattern)` must list rule names, for example [\"missing-need\"]")
                }
                var names: [String] = []
                for item in list {
                    guard let name = item.string else {
                        throw ConfigurationProblem(path: path, line: line(of: pattern), message: "rule names are strings in quotes")
                    }
                    try checkRule(name)
                    names.append(name)
                }
                config.ignores.append((pattern, names))
            }
        }
        return config
    }

}
