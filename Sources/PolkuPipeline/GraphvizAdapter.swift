import PolkuGraphviz

// TEMPORARY: until Graphviz runs behind its own serial executor.
extension Graphviz {
    func renderBlocking(dot: String, format: GraphvizFormat) throws(GraphvizError) -> [UInt8] {
        try render(dot: dot, format: format)
    }
    func render(dot: String, format: GraphvizFormat) async throws(GraphvizError) -> [UInt8] {
        try render(dot: dot, format: format, layout: "nop2")
    }
}

extension GraphvizError {
    enum Kind { case unavailable, failed }
    var kind: Kind { message.contains("plugin") ? .unavailable : .failed }
}
