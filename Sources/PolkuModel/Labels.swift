import PolkuSyntax

/// Names people read for phases and built-in channels, in the three languages, in the
/// seeds' own words. Diagrams, checklists and reports use these; ids stay as written.
package enum Labels {
    package static func phase(_ phase: Phase, _ language: KeywordLanguage) -> String {
        switch (phase, language) {
        case (.before, .en): "Before"
        case (.during, .en): "During"
        case (.after, .en): "After"
        case (.before, .fi): "Ennen palvelua"
        case (.during, .fi): "Palvelun aikana"
        case (.after, .fi): "Palvelun jälkeen"
        // A bare "Under" is ambiguous in Swedish: the full names, as in the checklists.
        case (.before, .sv): "Före tjänsten"
        case (.during, .sv): "Under tjänsten"
        case (.after, .sv): "Efter tjänsten"
        }
    }

    /// A phase as a heading: "Before the service", "Ennen palvelua", "Före tjänsten".
    package static func phaseHeading(_ phase: Phase, _ language: KeywordLanguage) -> String {
        switch (phase, language) {
        case (.before, .en): "Before the service"
        case (.during, .en): "During the service"
        case (.after, .en): "After the service"
        case (.before, .fi): "Ennen palvelua"
        case (.during, .fi): "Palvelun aikana"
        case (.after, .fi): "Palvelun jälkeen"
        case (.before, .sv): "Före tjänsten"
        case (.during, .sv): "Under tjänsten"
        case (.after, .sv): "Efter tjänsten"
        }
    }

    package static func channel(_ channel: BuiltinChannel, _ language: KeywordLanguage) -> String {
        switch language {
        case .en:
            switch channel {
            case .desk: "Service desk"
            case .premises: "Library spaces"
            case .phone: "Phone"
            case .email: "Email"
            case .chat: "Chat"
            case .social: "Social media"
            case .web: "Web and e-services"
            case .other: "Other"
            }
        case .fi:
            switch channel {
            case .desk: "Palvelupiste"
            case .premises: "Kirjaston tilat"
            case .phone: "Puhelin"
            case .email: "Sähköposti"
            case .chat: "Chat"
            case .social: "Some"
            case .web: "Verkkosivut ja e-palvelut"
            case .other: "Muu"
            }
        case .sv:
            switch channel {
            case .desk: "Informationsdisk"
            case .premises: "Bibliotekets lokaler"
            case .phone: "Telefon"
            case .email: "E-post"
            case .chat: "Chatt"
            case .social: "Sociala medier"
            case .web: "Webbplats och e-tjänster"
            case .other: "Annat"
            }
        }
    }
}

extension Journey {
    /// The name of a channel as people read it: its declared label, else the built-in
    /// channel's name in `language`, else its id.
    package func channelName(_ index: Int, _ language: KeywordLanguage? = nil) -> String {
        let channel = channels[index]
        if let label = channel.label?.value, !label.isEmpty { return label }
        if let builtin = channel.builtin { return Labels.channel(builtin, language ?? self.language) }
        return channel.id
    }

    /// A short name for tables: the built-in channel's name, else the declared label or id.
    package func channelShortName(_ index: Int, _ language: KeywordLanguage? = nil) -> String {
        if let builtin = channels[index].builtin { return Labels.channel(builtin, language ?? self.language) }
        return channelName(index, language)
    }
}
