/// Which channels a written journey declares, and where, so that Polku reads them back in
/// the same order. Polku orders channels by where each is first named: the journey's
/// `via:`, the customer profiles' `channels:`, the `channel` declarations, the steps' `via:`.
/// Importers and the Mermaid export write profiles before declarations, as most journeys
/// do; when that would change the order, every channel is declared, in order, before the
/// profiles.
enum ChannelDeclarations {
    struct Plan: Equatable {
        /// For each channel in order: whether it gets a `channel` line.
        var declare: [Bool]
        /// True when the declarations go before the customer profiles.
        var beforeProfiles: Bool
    }

    /// - Parameters:
    ///   - order: the channels' canonical ids in the order to keep.
    ///   - mustDeclare: for each, whether it has to be declared anyway (a channel of the
    ///     library's own, or one with a label, a rating or a note).
    ///   - stepChannels: each step's channel, in step order.
    static func plan(order: [String], journeyChannel: String?, personaChannels: [[String]], mustDeclare: [Bool],
                     stepChannels: [String?]) -> Plan {
        var named: [String] = []
        func name(_ id: String) { if !named.contains(id) { named.append(id) } }
        journeyChannel.map(name)
        personaChannels.joined().forEach(name)
        zip(order, mustDeclare).filter(\.1).forEach { name($0.0) }
        stepChannels.compactMap { $0 }.forEach(name)
        if named == order { return Plan(declare: mustDeclare, beforeProfiles: false) }
        return Plan(declare: zip(order, mustDeclare).map { $1 || $0 != journeyChannel }, beforeProfiles: true)
    }
}
