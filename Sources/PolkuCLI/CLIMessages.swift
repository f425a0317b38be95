import PolkuIO
import PolkuSyntax

/// What the command line itself says (option mistakes, output files, notes), in English,
/// Finnish and Swedish. Option names (`--page`) and file names stay as they are typed.
package enum CLIMessage: String, MessageTemplates {
    case giveAPath, configurationOf, noConfigurationFile, cannotWriteOutput
    case hasAnError, hasErrors, formatMismatch
    case checklistFormatUnknown, renderFormatUnknown
    case themeValues, dpiRange, pageOptionsNeedPage, marginRange, widthRange
    case folderNeedsOutDir, oneFileNotFolder, widthIsForPNG, pagesToStandardOutput
    case note, noSuchRuleOrError, didYouMean, rulesListsThem
    case rulesFooter, defaultSeverity, anError, streamClosed
    case starterBadChannel, starterBadPersona, starterExists, starterWritten
    case fmtGiveAPath, fmtOutputIsOneFile
    case baselineWritten, baselineHeldBack, baselineStale, baselineBoth
    case exportNeedsFormat, exportFormatUnknown, importFormatUnknown, importExists, importWritten, importStandardInput
    case workbookTooLarge, workbookTextCut, workbookTextsCut

    package var en: String {
        switch self {
        case .giveAPath: "give at least one journey file or folder, for example `polku check Examples/`"
        case .configurationOf: "polku: {0}: `{1}`"
        case .noConfigurationFile: "polku: {0}: no configuration file (every rule at its default)"
        case .cannotWriteOutput: "polku: cannot write to standard output: {0}"
        case .hasAnError: "polku: `{0}` has an error; fix it first"
        case .hasErrors: "polku: `{0}` has {1} errors; fix them first"
        case .formatMismatch: "polku: `{0}` is named as a .{1} file, but --format is {2}: name the file .{2}, or leave out --format to write {3}"
        case .checklistFormatUnknown: "polku: cannot tell the format of `{0}`: end it in .md, .html, .xlsx or .csv, or give --format"
        case .renderFormatUnknown: "polku: cannot tell the format of `{0}`: end it in .svg, .png, .pdf or .dot, or give --format"
        case .themeValues: "--theme is light or print, not `{0}`"
        case .dpiRange: "--dpi is a number from 36 to 1200"
        case .pageOptionsNeedPage: "--landscape, --portrait and --margin go with --page: add --page a4, a3 or letter"
        case .marginRange: "--margin is a number of millimetres from 0 to 50"
        case .widthRange: "--width is a number of pixels from 100 to 20000"
        case .folderNeedsOutDir: "polku: `{0}` is a folder: give --out-dir to say where its diagrams go"
        case .oneFileNotFolder: "polku: -o names one file; for a folder use --out-dir"
        case .widthIsForPNG: "polku: --width is the width of a PNG picture: write PNG (`-o name.png` or --format png), or leave out --width"
        case .pagesToStandardOutput: "polku: the diagram takes {0} pages, a file each: give -o name.svg (they become name-1.svg, name-2.svg …), or write one PDF with all of them (-o name.pdf)"
        case .note: "polku: note: {0}"
        case .noSuchRuleOrError: "there is no rule or error called `{0}`"
        case .didYouMean: "; did you mean `{0}`?"
        case .rulesListsThem: " (`polku rules` lists the rules)"
        case .rulesFooter: "Set a rule's severity in polku.toml ([rules] NAME = \"error\" | \"warning\" | \"info\" | \"off\") or with --rule NAME=SEVERITY."
        case .defaultSeverity: "{0} (default severity: {1})"
        case .anError: "{0} (an error)"
        case .streamClosed: "it is closed"
        case .starterBadChannel: "polku: `{0}` cannot be a channel id: use letters, digits, `-` and `_`, or a built-in channel's name"
        case .starterBadPersona: "polku: `{0}` cannot be a customer profile's id: use letters, digits, `-` and `_`"
        case .starterExists: "polku: `{0}` exists already, and `polku new` never writes over a file: choose another name"
        case .starterWritten: "Wrote `{0}`. Next: fill it in, then run `polku check {0}`."
        case .fmtGiveAPath: "give at least one journey file or folder, for example `polku fmt Examples/`"
        case .fmtOutputIsOneFile: "polku: -o is for one journey file; without it, files are formatted in place"
        case .baselineWritten: "polku: the baseline `{1}` now holds today's findings ({0}); `polku check --baseline {1}` reports only new ones"
        case .baselineHeldBack: "polku: findings in the baseline `{1}`, not shown: {0}"
        case .baselineStale: "polku: entries of the baseline `{1}` that match no finding any more: {0}; write it again with --write-baseline {1} to remove them"
        case .baselineBoth: "--baseline and --write-baseline go one at a time: first write the baseline, then check against it"
        case .exportNeedsFormat: "polku: say what to export to: --to mermaid or --to json (or -o name.mmd, name.md or name.json)"
        case .exportFormatUnknown: "polku: cannot tell the format of `{0}`: end it in .mmd or .md (Mermaid) or .json, or give --to"
        case .importFormatUnknown: "polku: cannot tell what `{0}` is: name it .json (Polku's journey format) or .mmd or .md (a Mermaid journey), or give --from"
        case .importExists: "polku: `{0}` exists already: give another file with -o, or --force to write over it"
        case .importWritten: "Wrote `{0}`. Next: run `polku check {0}`."
        case .importStandardInput: "polku: reading standard input, give --from json or --from mermaid"
        case .workbookTooLarge: "polku: the checklist has {0} rows, and a spreadsheet holds at most {1}: write it as CSV instead (`-o {2}`), or split the journey"
        case .workbookTextCut: "polku: note: the text in row {0} of the sheet is longer than a spreadsheet cell holds ({1} characters): the workbook shows its beginning, ending in “…”; the CSV checklist keeps it whole (`-o {2}`)"
        case .workbookTextsCut: "polku: note: {0} texts are longer than a spreadsheet cell holds ({1} characters), in rows {2} of the sheet: the workbook shows the beginning of each, ending in “…”; the CSV checklist keeps them whole (`-o {3}`)"
        }
    }

    package var fi: String {
        switch self {
        case .giveAPath: "anna ainakin yksi palvelupolkutiedosto tai kansio, esimerkiksi `polku check Examples/`"
        case .configurationOf: "polku: {0}: `{1}`"
        case .noConfigurationFile: "polku: {0}: ei asetustiedostoa (kaikki säännöt oletusasetuksin)"
        case .cannotWriteOutput: "polku: vakiotulosteeseen ei voi kirjoittaa: {0}"
        case .hasAnError: "polku: tiedostossa `{0}` on virhe; korjaa se ensin"
        case .hasErrors: "polku: tiedostossa `{0}` on {1} virhettä; korjaa ne ensin"
        case .formatMismatch: "polku: `{0}` on nimetty .{1}-tiedostoksi, mutta --format on {2}: anna tiedostolle pääte .{2} tai jätä --format pois, jolloin tuloksena on {3}"
        case .checklistFormatUnknown: "polku: tiedoston `{0}` muotoa ei voi päätellä: käytä päätettä .md, .html, .xlsx tai .csv tai anna --format"
        case .renderFormatUnknown: "polku: tiedoston `{0}` muotoa ei voi päätellä: käytä päätettä .svg, .png, .pdf tai .dot tai anna --format"
        case .themeValues: "--theme on light tai print, ei `{0}`"
        case .dpiRange: "--dpi on luku väliltä 36–1200"
        case .pageOptionsNeedPage: "--landscape, --portrait ja --margin kuuluvat yhteen --page-valinnan kanssa: lisää --page a4, a3 tai letter"
        case .marginRange: "--margin on millimetrimäärä väliltä 0–50"
        case .widthRange: "--width on pikselimäärä väliltä 100–20000"
        case .folderNeedsOutDir: "polku: `{0}` on kansio: kerro --out-dir-valinnalla, minne sen kaaviot kirjoitetaan"
        case .oneFileNotFolder: "polku: -o nimeää yhden tiedoston; käytä kansiolle --out-dir-valintaa"
        case .widthIsForPNG: "polku: --width on PNG-kuvan leveys: kirjoita PNG (`-o nimi.png` tai --format png) tai jätä --width pois"
        case .pagesToStandardOutput: "polku: kaavio vie {0} sivua, kukin omaan tiedostoonsa: anna -o nimi.svg (niistä tulee nimi-1.svg, nimi-2.svg …) tai kirjoita kaikki yhteen PDF-tiedostoon (-o nimi.pdf)"
        case .note: "polku: huom: {0}"
        case .noSuchRuleOrError: "sääntöä tai virhettä `{0}` ei ole"
        case .didYouMean: "; tarkoititko `{0}`?"
        case .rulesListsThem: " (`polku rules` luettelee säännöt)"
        case .rulesFooter: "Säännön vakavuuden voi asettaa tiedostossa polku.toml ([rules] NIMI = \"error\" | \"warning\" | \"info\" | \"off\") tai valinnalla --rule NIMI=VAKAVUUS."
        case .defaultSeverity: "{0} (oletusvakavuus: {1})"
        case .anError: "{0} (virhe)"
        case .streamClosed: "se on suljettu"
        case .starterBadChannel: "polku: `{0}` ei kelpaa kanavan tunnukseksi: käytä kirjaimia, numeroita sekä merkkejä `-` ja `_` tai valmiin kanavan nimeä"
        case .starterBadPersona: "polku: `{0}` ei kelpaa asiakasprofiilin tunnukseksi: käytä kirjaimia, numeroita sekä merkkejä `-` ja `_`"
        case .starterExists: "polku: `{0}` on jo olemassa, eikä `polku new` koskaan kirjoita tiedoston päälle: valitse toinen nimi"
        case .starterWritten: "Kirjoitettiin `{0}`. Seuraavaksi: täydennä se ja aja `polku check {0}`."
        case .fmtGiveAPath: "anna ainakin yksi palvelupolkutiedosto tai kansio, esimerkiksi `polku fmt Examples/`"
        case .fmtOutputIsOneFile: "polku: -o on yhdelle palvelupolkutiedostolle; ilman sitä tiedostot muotoillaan paikallaan"
        case .baselineWritten: "polku: lähtötasossa `{1}` ovat nyt tämän päivän havainnot ({0}); `polku check --baseline {1}` näyttää vain uudet"
        case .baselineHeldBack: "polku: lähtötasossa `{1}` olevia havaintoja, joita ei näytetä: {0}"
        case .baselineStale: "polku: lähtötason `{1}` kohtia, jotka eivät enää vastaa mitään havaintoa: {0}; poista ne kirjoittamalla se uudelleen: --write-baseline {1}"
        case .baselineBoth: "--baseline ja --write-baseline käytetään yksi kerrallaan: kirjoita ensin lähtötaso ja tarkista sitten sitä vasten"
        case .exportNeedsFormat: "polku: kerro, mihin muotoon viedään: --to mermaid tai --to json (tai -o nimi.mmd, nimi.md tai nimi.json)"
        case .exportFormatUnknown: "polku: tiedoston `{0}` muotoa ei voi päätellä: anna sille pääte .mmd tai .md (Mermaid) tai .json, tai anna --to"
        case .importFormatUnknown: "polku: ei voi päätellä, mikä `{0}` on: anna sille pääte .json (Polun palvelupolkumuoto) tai .mmd tai .md (Mermaid-asiakaspolku), tai anna --from"
        case .importExists: "polku: `{0}` on jo olemassa: anna toinen tiedosto valitsimella -o tai kirjoita sen päälle valitsimella --force"
        case .importWritten: "Kirjoitettiin `{0}`. Seuraavaksi: aja `polku check {0}`."
        case .importStandardInput: "polku: vakiosyötettä luettaessa anna --from json tai --from mermaid"
        case .workbookTooLarge: "polku: tarkistuslistassa on {0} riviä, ja taulukkoon mahtuu enintään {1}: kirjoita se CSV-tiedostoksi (`-o {2}`) tai jaa polku osiin"
        case .workbookTextCut: "polku: huom: teksti taulukon rivillä {0} on pidempi kuin taulukon soluun mahtuu ({1} merkkiä): työkirjassa näkyy sen alku, ja lopussa on ”…”. CSV-tarkistuslistassa teksti on kokonaan (`-o {2}`)"
        case .workbookTextsCut: "polku: huom: {0} tekstiä on pidempiä kuin taulukon soluun mahtuu ({1} merkkiä), taulukon riveillä {2}: työkirjassa näkyy kunkin alku, ja lopussa on ”…”. CSV-tarkistuslistassa tekstit ovat kokonaan (`-o {3}`)"
        }
    }

    package var sv: String {
        switch self {
        case .giveAPath: "ange minst en kundresefil eller mapp, till exempel `polku check Examples/`"
        case .configurationOf: "polku: {0}: `{1}`"
        case .noConfigurationFile: "polku: {0}: ingen konfigurationsfil (alla regler med standardinställning)"
        case .cannotWriteOutput: "polku: kan inte skriva till standard ut: {0}"
        case .hasAnError: "polku: `{0}` har ett fel; rätta det först"
        case .hasErrors: "polku: `{0}` har {1} fel; rätta dem först"
        case .formatMismatch: "polku: `{0}` är namngiven som en .{1}-fil, men --format är {2}: ge filen ändelsen .{2}, eller utelämna --format för att skriva {3}"
        case .checklistFormatUnknown: "polku: kan inte avgöra formatet för `{0}`: avsluta namnet med .md, .html, .xlsx eller .csv, eller ange --format"
        case .renderFormatUnknown: "polku: kan inte avgöra formatet för `{0}`: avsluta namnet med .svg, .png, .pdf eller .dot, eller ange --format"
        case .themeValues: "--theme är light eller print, inte `{0}`"
        case .dpiRange: "--dpi är ett tal från 36 till 1200"
        case .pageOptionsNeedPage: "--landscape, --portrait och --margin hör ihop med --page: lägg till --page a4, a3 eller letter"
        case .marginRange: "--margin är ett antal millimeter från 0 till 50"
        case .widthRange: "--width är ett antal pixlar från 100 till 20000"
        case .folderNeedsOutDir: "polku: `{0}` är en mapp: ange --out-dir för att säga vart dess diagram ska"
        case .oneFileNotFolder: "polku: -o anger en fil; för en mapp, använd --out-dir"
        case .widthIsForPNG: "polku: --width är bredden på en PNG-bild: skriv PNG (`-o namn.png` eller --format png), eller utelämna --width"
        case .pagesToStandardOutput: "polku: diagrammet tar {0} sidor, en fil per sida: ange -o namn.svg (de blir namn-1.svg, namn-2.svg …), eller skriv en PDF med alla (-o namn.pdf)"
        case .note: "polku: obs: {0}"
        case .noSuchRuleOrError: "det finns ingen regel eller inget fel som heter `{0}`"
        case .didYouMean: "; menade du `{0}`?"
        case .rulesListsThem: " (`polku rules` listar reglerna)"
        case .rulesFooter: "Ange en regels allvarlighetsgrad i polku.toml ([rules] NAMN = \"error\" | \"warning\" | \"info\" | \"off\") eller med --rule NAMN=GRAD."
        case .defaultSeverity: "{0} (standardgrad: {1})"
        case .anError: "{0} (ett fel)"
        case .streamClosed: "den är stängd"
        case .starterBadChannel: "polku: `{0}` kan inte vara en kanals id: använd bokstäver, siffror, `-` och `_`, eller en inbyggd kanals namn"
        case .starterBadPersona: "polku: `{0}` kan inte vara en kundprofils id: använd bokstäver, siffror, `-` och `_`"
        case .starterExists: "polku: `{0}` finns redan, och `polku new` skriver aldrig över en fil: välj ett annat namn"
        case .starterWritten: "Skrev `{0}`. Nästa steg: fyll i den och kör `polku check {0}`."
        case .fmtGiveAPath: "ange minst en kundresefil eller mapp, till exempel `polku fmt Examples/`"
        case .fmtOutputIsOneFile: "polku: -o gäller en kundresefil; utan det formateras filerna där de ligger"
        case .baselineWritten: "polku: baslinjen `{1}` innehåller nu dagens iakttagelser ({0}); `polku check --baseline {1}` visar bara nya"
        case .baselineHeldBack: "polku: iakttagelser i baslinjen `{1}` som inte visas: {0}"
        case .baselineStale: "polku: poster i baslinjen `{1}` som inte längre motsvarar någon iakttagelse: {0}; skriv den igen med --write-baseline {1} för att ta bort dem"
        case .baselineBoth: "--baseline och --write-baseline används en i taget: skriv först baslinjen och granska sedan mot den"
        case .exportNeedsFormat: "polku: säg vad som ska exporteras till: --to mermaid eller --to json (eller -o namn.mmd, namn.md eller namn.json)"
        case .exportFormatUnknown: "polku: det går inte att avgöra formatet för `{0}`: låt namnet sluta på .mmd eller .md (Mermaid) eller .json, eller ge --to"
        case .importFormatUnknown: "polku: det går inte att avgöra vad `{0}` är: låt namnet sluta på .json (Polkus kundreseformat) eller .mmd eller .md (en kundresa i Mermaid), eller ge --from"
        case .importExists: "polku: `{0}` finns redan: ge en annan fil med -o, eller --force för att skriva över den"
        case .importWritten: "Skrev `{0}`. Nästa steg: kör `polku check {0}`."
        case .importStandardInput: "polku: när standard input läses, ge --from json eller --from mermaid"
        case .workbookTooLarge: "polku: checklistan har {0} rader, och ett kalkylblad rymmer högst {1}: skriv den som CSV i stället (`-o {2}`), eller dela upp resan"
        case .workbookTextCut: "polku: obs: texten på rad {0} i kalkylbladet är längre än en cell rymmer ({1} tecken): arbetsboken visar dess början, som slutar med ”…”; CSV-checklistan har hela texten (`-o {2}`)"
        case .workbookTextsCut: "polku: obs: {0} texter är längre än en cell rymmer ({1} tecken), på raderna {2} i kalkylbladet: arbetsboken visar början av varje text, som slutar med ”…”; CSV-checklistan har hela texterna (`-o {3}`)"
        }
    }
}

/// The language of what the command line says when no journey decides it: `POLKU_LANG`,
/// then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `fi_FI.UTF-8` is Finnish, `sv_SE` and
/// `sv_FI` Swedish), then English.
package enum EnvironmentLanguage {
    package static var current: KeywordLanguage {
        for name in ["POLKU_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = StandardStreams.environment(name), !value.isEmpty else { continue }
            // The first variable that is set decides, as the C library does.
            return language(of: value) ?? .en
        }
        return .en
    }

    /// `fi`, `fi_FI.UTF-8`, `sv-SE` → the language; nil for any other.
    package static func language(of value: String) -> KeywordLanguage? {
        let code = value.lowercased().prefix { $0.isLetter }
        return KeywordLanguage(rawValue: String(code))
    }
}

/// A sentence of the command line's, in a language.
func say(_ language: KeywordLanguage, _ key: CLIMessage, _ values: MessageValue...) -> String {
    Message(key, values: values).text(language, keywords: language)
}
