// Generated from Grammar/keywords.tsv by scripts/generate-keywords: do not edit by hand.
// Change Grammar/keywords.tsv, run scripts/generate-keywords and commit both files.

extension Keywords {
    /// Every keyword, one entry a row of `Grammar/keywords.tsv`, in its order.
    package static let table: [KeywordEntry] = [
        .init(meaning: .header(.journey), en: ["journey"], fi: ["palvelupolku", "polku"], sv: ["kundresa", "resa"]),
        .init(meaning: .header(.persona), en: ["persona"], fi: ["asiakasprofiili", "profiili"], sv: ["kundprofil", "persona"]),
        .init(meaning: .header(.channel), en: ["channel"], fi: ["kanava"], sv: ["kanal"]),
        .init(meaning: .header(.step), en: ["step"], fi: ["vaihe"], sv: ["steg"]),
        .init(meaning: .phase(.before), en: ["before"], fi: ["ennen palvelua", "ennen"], sv: ["före tjänsten", "före"]),
        .init(meaning: .phase(.during), en: ["during"], fi: ["palvelun aikana", "aikana"], sv: ["under tjänsten", "under"]),
        .init(meaning: .phase(.after), en: ["after"], fi: ["palvelun jälkeen", "jälkeen"], sv: ["efter tjänsten", "efter"]),
        .init(meaning: .attribute(.via), en: ["via"], fi: ["kautta"], sv: ["via"]),
        .init(meaning: .attribute(.note), en: ["note"], fi: ["huom", "muistiinpano"], sv: ["anteckning", "not"]),
        .init(meaning: .attribute(.for), en: ["for"], fi: ["kenelle"], sv: ["för"]),
        .init(meaning: .attribute(.uses), en: ["uses"], fi: ["käyttää", "käyttötavat"], sv: ["använder"]),
        .init(meaning: .attribute(.channels), en: ["channels"], fi: ["kanavat"], sv: ["kanaler"]),
        .init(meaning: .attribute(.assurance), en: ["assurance"], fi: ["varmistus", "toteutumisen varmistaminen"], sv: ["säkerställande"]),
        .init(meaning: .attribute(.competence), en: ["competence"], fi: ["osaaminen"], sv: ["kompetens"]),
        .init(meaning: .attribute(.presence), en: ["presence"], fi: ["läsnäolo"], sv: ["närvaro"]),
        .init(meaning: .attribute(.need), en: ["need"], fi: ["tarve"], sv: ["behov"]),
        .init(meaning: .attribute(.by), en: ["by"], fi: ["palvelee", "rooli"], sv: ["roll", "av"]),
        .init(meaning: .attribute(.recommend), en: ["recommend"], fi: ["suosittele", "vinkkaa"], sv: ["rekommendera", "tipsa"]),
        .init(meaning: .attribute(.followUp), en: ["follow-up", "followup"], fi: ["jatko", "seuranta"], sv: ["uppföljning"]),
        .init(meaning: .attribute(.feedback), en: ["feedback"], fi: ["palaute"], sv: ["återkoppling", "synpunkter"]),
        .init(meaning: .attribute(.next), en: ["next"], fi: ["seuraava"], sv: ["nästa"]),
        .init(meaning: .attribute(.mood), en: ["mood"], fi: ["tunnelma"], sv: ["känsla"]),
        .init(meaning: .attribute(.allow), en: ["allow"], fi: ["salli"], sv: ["tillåt"]),
        .init(meaning: .end, en: ["end"], fi: ["loppu"], sv: ["slut"]),
        .init(meaning: .because, en: ["because"], fi: ["koska"], sv: ["eftersom"]),
        .init(meaning: .channel(.desk), en: ["desk"], fi: ["palvelupiste"], sv: ["disk", "informationsdisk"]),
        .init(meaning: .channel(.premises), en: ["premises"], fi: ["tilat", "kirjaston-tilat"], sv: ["lokaler", "bibliotekets-lokaler"]),
        .init(meaning: .channel(.phone), en: ["phone"], fi: ["puhelin"], sv: ["telefon"]),
        .init(meaning: .channel(.email), en: ["email", "e-mail"], fi: ["sähköposti"], sv: ["e-post"]),
        .init(meaning: .channel(.chat), en: ["chat"], fi: ["chatti"], sv: ["chatt"]),
        .init(meaning: .channel(.social), en: ["social"], fi: ["some"], sv: ["sociala-medier"]),
        .init(meaning: .channel(.web), en: ["web"], fi: ["verkko", "verkkosivut"], sv: ["webb", "webbplats"]),
        .init(meaning: .channel(.other), en: ["other"], fi: ["muu"], sv: ["annat"]),
    ]
}
