import PolkuSyntax

/// The sentences of the problems with files, outputs and Graphviz, in English, Finnish and
/// Swedish. `PolkuIO` and `PolkuGraphviz` say what went wrong as data (`IOProblem`,
/// `GraphvizError`); the pipeline, where they become diagnostics, puts them into words here.
package enum PipelineMessage: String, MessageTemplates {
    // Files: `cannot-read`, `no-journeys`, `cannot-write`, and why
    case cannotRead, cannotWrite, noJourneyFiles
    case noSuchFileOrFolder, folderGiveJourney, folderGiveConfiguration, folderGiveFileName
    case notRegularFile, tooLarge, folderUnreadable, socketOrDevice
    case cannotCreateFolder, noSuchFolder, theJourneyItself
    // The system's words for the usual error numbers (the English is the C library's)
    case noSuchFileOrDirectory, permissionDenied, notPermitted, noSpace, readOnly
    case notADirectory, isADirectory, nameTooLong, tooManyLinks, quotaExceeded, inputOutput
    // Diagrams
    case diagramTooLarge, diagramTooLargeHelp, lowerResolution, smallerText
    // Graphviz
    case graphvizSaid, graphvizCannotStart, graphvizNoLayoutPlugins, graphvizNoCairo
    case graphvizCannotRead, graphvizCannotLayOut, graphvizErrorLayingOut
    case graphvizCannotRender, graphvizErrorRendering
    case pdfNothingToJoin, pdfUnreadable
    // Baselines
    case notABaseline

    package var en: String {
        switch self {
        case .cannotRead: "cannot read `{0}`: {1}"
        case .cannotWrite: "cannot write `{0}`: {1}"
        case .noJourneyFiles: "`{0}`: this folder has no journey files (*.{1}) in it"
        case .noSuchFileOrFolder: "there is no such file or folder"
        case .folderGiveJourney: "it is a folder; give a journey file, or the folder to check every *.{0} in it"
        case .folderGiveConfiguration: "it is a folder; give the configuration file, {0}"
        case .folderGiveFileName: "it is a folder; give a file name"
        case .notRegularFile: "it is not a regular file but a device, a pipe or a socket; give a journey file (or - to read standard input)"
        case .tooLarge: "it is larger than {0} MB, more than any journey; check that this is the file you meant"
        case .folderUnreadable: "this folder cannot be read ({0}), so the journeys in it were not checked"
        case .socketOrDevice: "it is a socket or a device Polku does not write to; give a file name"
        case .cannotCreateFolder: "the folder `{0}` cannot be created"
        case .noSuchFolder: "the folder `{0}` does not exist; create it first"
        case .theJourneyItself: "it is the journey itself (refusing to write over it); choose another -o"
        case .noSuchFileOrDirectory: "no such file or directory"
        case .permissionDenied: "permission denied"
        case .notPermitted: "operation not permitted"
        case .noSpace: "no space left on device"
        case .readOnly: "read-only file system"
        case .notADirectory: "not a directory"
        case .isADirectory: "is a directory"
        case .nameTooLong: "file name too long"
        case .tooManyLinks: "too many levels of symbolic links"
        case .quotaExceeded: "disk quota exceeded"
        case .inputOutput: "input/output error"
        case .diagramTooLarge: "the diagram is too large for a PNG picture ({0} × {1} inches)"
        case .diagramTooLargeHelp: "draw it as SVG or PDF: `--format svg` or `--format pdf`, or on pages: `--page a4`"
        case .lowerResolution: "the diagram is too large for {0} dpi as PNG; drawing it at {1} dpi (use SVG or PDF for full detail)"
        case .smallerText: "a lane of the diagram is taller than a page even with 8 pt text, so the pages are drawn smaller (text {0} pt); a larger sheet (--page a3) or --landscape keeps text at 8 pt"
        case .graphvizSaid: "Graphviz said: {0}"
        case .graphvizCannotStart: "Graphviz could not start (gvContext failed)"
        case .graphvizNoLayoutPlugins: "Graphviz has no layout plugins registered, so it cannot draw. Run `dot -c` as root once (it writes Graphviz's plugin list, config6a), or reinstall the libgvc6 package."
        case .graphvizNoCairo: "Graphviz cannot write {0} here: the cairo plugin is missing. Install the libgvc6 package (it brings the cairo plugin) and run `dot -c` as root."
        case .graphvizCannotRead: "Graphviz could not read the diagram Polku wrote; this is a bug in Polku"
        case .graphvizCannotLayOut: "Graphviz could not lay out the diagram"
        case .graphvizErrorLayingOut: "Graphviz reported an error while laying out the diagram"
        case .graphvizCannotRender: "Graphviz could not render {0}"
        case .graphvizErrorRendering: "Graphviz reported an error while rendering"
        case .pdfNothingToJoin: "Polku could not join the pages of the PDF: there are no PDF documents to join"
        case .pdfUnreadable: "Polku could not join the pages of the PDF: document {0} of {1} cannot be read: {2}"
        case .notABaseline: "it is not a baseline written by `polku check --write-baseline`; write it again with that option"
        }
    }

    package var fi: String {
        switch self {
        case .cannotRead: "`{0}` ei ole luettavissa: {1}"
        case .cannotWrite: "tiedostoon `{0}` ei voi kirjoittaa: {1}"
        case .noJourneyFiles: "`{0}`: tässä kansiossa ei ole palvelupolkutiedostoja (*.{1})"
        case .noSuchFileOrFolder: "tällaista tiedostoa tai kansiota ei ole"
        case .folderGiveJourney: "se on kansio; anna palvelupolkutiedosto tai kansio, jonka jokainen *.{0}-tiedosto tarkistetaan"
        case .folderGiveConfiguration: "se on kansio; anna asetustiedosto, {0}"
        case .folderGiveFileName: "se on kansio; anna tiedoston nimi"
        case .notRegularFile: "se ei ole tavallinen tiedosto vaan laite, putki tai pistoke; anna palvelupolkutiedosto (tai -, jolloin luetaan vakiosyöte)"
        case .tooLarge: "se on yli {0} Mt, suurempi kuin yksikään palvelupolku; tarkista, että tämä on tarkoittamasi tiedosto"
        case .folderUnreadable: "tätä kansiota ei voi lukea ({0}), joten sen palvelupolkuja ei tarkistettu"
        case .socketOrDevice: "se on pistoke tai laite, johon Polku ei kirjoita; anna tiedoston nimi"
        case .cannotCreateFolder: "kansiota `{0}` ei voi luoda"
        case .noSuchFolder: "kansiota `{0}` ei ole; luo se ensin"
        case .theJourneyItself: "se on itse palvelupolkutiedosto (Polku ei kirjoita sen päälle); valitse toinen -o"
        case .noSuchFileOrDirectory: "tiedostoa tai kansiota ei ole"
        case .permissionDenied: "käyttöoikeus puuttuu"
        case .notPermitted: "toiminto ei ole sallittu"
        case .noSpace: "levyllä ei ole tilaa"
        case .readOnly: "tiedostojärjestelmä on vain luettavissa"
        case .notADirectory: "polun osa ei ole kansio"
        case .isADirectory: "se on kansio"
        case .nameTooLong: "tiedoston nimi on liian pitkä"
        case .tooManyLinks: "liian monta symbolista linkkiä peräkkäin"
        case .quotaExceeded: "levykiintiö on täynnä"
        case .inputOutput: "luku- tai kirjoitusvirhe"
        case .diagramTooLarge: "kaavio on liian suuri PNG-kuvaksi ({0} × {1} tuumaa)"
        case .diagramTooLargeHelp: "tee kaaviosta SVG tai PDF: `--format svg` tai `--format pdf`, tai jaa se sivuille: `--page a4`"
        case .lowerResolution: "kaavio on liian suuri {0} dpi:n PNG-kuvaksi; se piirretään {1} dpi:n tarkkuudella (kaikki yksityiskohdat näkyvät SVG- tai PDF-muodossa)"
        case .smallerText: "kaavion kaista on sivua korkeampi 8 pt:n tekstilläkin, joten sivut piirretään pienempinä (teksti {0} pt); suuremmalla arkilla (--page a3) tai vaakasuunnassa (--landscape) teksti pysyy 8 pt:n kokoisena"
        case .graphvizSaid: "Graphvizin ilmoitus: {0}"
        case .graphvizCannotStart: "Graphviz ei käynnistynyt (gvContext epäonnistui)"
        case .graphvizNoLayoutPlugins: "Graphvizissa ei ole rekisteröityjä asettelulaajennuksia, joten se ei voi piirtää. Suorita `dot -c` kerran pääkäyttäjänä (root; se kirjoittaa Graphvizin laajennusluettelon, config6a) tai asenna libgvc6-paketti uudelleen."
        case .graphvizNoCairo: "Graphviz ei voi tehdä tässä {0}-tiedostoa: cairo-laajennus puuttuu. Asenna libgvc6-paketti (se tuo cairo-laajennuksen) ja suorita `dot -c` pääkäyttäjänä (root)."
        case .graphvizCannotRead: "Graphviz ei pystynyt lukemaan kaaviota, jonka Polku kirjoitti; tämä on Polun ohjelmavirhe"
        case .graphvizCannotLayOut: "Graphviz ei pystynyt asettelemaan kaaviota"
        case .graphvizErrorLayingOut: "Graphviz ilmoitti virheestä kaaviota asetellessaan"
        case .graphvizCannotRender: "Graphviz ei pystynyt tekemään {0}-tiedostoa"
        case .graphvizErrorRendering: "Graphviz ilmoitti virheestä kaaviota piirtäessään"
        case .pdfNothingToJoin: "Polku ei pystynyt yhdistämään PDF:n sivuja: yhdistettäviä PDF-tiedostoja ei ole"
        case .pdfUnreadable: "Polku ei pystynyt yhdistämään PDF:n sivuja: tiedostoa {0}/{1} ei voi lukea: {2}"
        case .notABaseline: "se ei ole komennon `polku check --write-baseline` kirjoittama lähtötaso; kirjoita se uudelleen sillä valitsimella"
        }
    }

    package var sv: String {
        switch self {
        case .cannotRead: "det går inte att läsa `{0}`: {1}"
        case .cannotWrite: "det går inte att skriva `{0}`: {1}"
        case .noJourneyFiles: "`{0}`: den här mappen innehåller inga kundresefiler (*.{1})"
        case .noSuchFileOrFolder: "det finns ingen sådan fil eller mapp"
        case .folderGiveJourney: "det är en mapp; ange en kundresefil, eller mappen för att granska alla *.{0} i den"
        case .folderGiveConfiguration: "det är en mapp; ange inställningsfilen, {0}"
        case .folderGiveFileName: "det är en mapp; ange ett filnamn"
        case .notRegularFile: "det är ingen vanlig fil utan en enhet, en pipe eller en socket; ange en kundresefil (eller - för att läsa standard in)"
        case .tooLarge: "den är större än {0} MB, mer än någon kundresa; kontrollera att det här är den fil du menade"
        case .folderUnreadable: "den här mappen kan inte läsas ({0}), så kundresorna i den granskades inte"
        case .socketOrDevice: "det är en socket eller en enhet som Polku inte skriver till; ange ett filnamn"
        case .cannotCreateFolder: "mappen `{0}` kan inte skapas"
        case .noSuchFolder: "mappen `{0}` finns inte; skapa den först"
        case .theJourneyItself: "det är själva kundresefilen (Polku skriver inte över den); välj en annan -o"
        case .noSuchFileOrDirectory: "filen eller mappen finns inte"
        case .permissionDenied: "åtkomst nekad"
        case .notPermitted: "åtgärden är inte tillåten"
        case .noSpace: "det finns inget utrymme kvar på enheten"
        case .readOnly: "filsystemet är skrivskyddat"
        case .notADirectory: "en del av sökvägen är ingen mapp"
        case .isADirectory: "det är en mapp"
        case .nameTooLong: "filnamnet är för långt"
        case .tooManyLinks: "för många symboliska länkar i rad"
        case .quotaExceeded: "diskkvoten är överskriden"
        case .inputOutput: "in- eller utmatningsfel"
        case .diagramTooLarge: "diagrammet är för stort för en PNG-bild ({0} × {1} tum)"
        case .diagramTooLargeHelp: "rita det som SVG eller PDF: `--format svg` eller `--format pdf`, eller på sidor: `--page a4`"
        case .lowerResolution: "diagrammet är för stort för {0} dpi som PNG; det ritas med {1} dpi (använd SVG eller PDF för alla detaljer)"
        case .smallerText: "en simbana i diagrammet är högre än en sida även med 8 pt text, så sidorna ritas mindre (text {0} pt); ett större ark (--page a3) eller liggande format (--landscape) behåller texten i 8 pt"
        case .graphvizSaid: "Graphviz sa: {0}"
        case .graphvizCannotStart: "Graphviz kunde inte starta (gvContext misslyckades)"
        case .graphvizNoLayoutPlugins: "Graphviz har inga layoutinsticksmoduler registrerade och kan därför inte rita. Kör `dot -c` en gång som root (det skriver Graphviz lista över insticksmoduler, config6a), eller installera om paketet libgvc6."
        case .graphvizNoCairo: "Graphviz kan inte skriva {0} här: insticksmodulen cairo saknas. Installera paketet libgvc6 (det innehåller cairo) och kör `dot -c` som root."
        case .graphvizCannotRead: "Graphviz kunde inte läsa diagrammet som Polku skrev; det här är ett fel i Polku"
        case .graphvizCannotLayOut: "Graphviz kunde inte göra diagrammets layout"
        case .graphvizErrorLayingOut: "Graphviz rapporterade ett fel när diagrammets layout gjordes"
        case .graphvizCannotRender: "Graphviz kunde inte skapa {0}"
        case .graphvizErrorRendering: "Graphviz rapporterade ett fel när diagrammet ritades"
        case .pdfNothingToJoin: "Polku kunde inte foga ihop sidorna i PDF-filen: det finns inga PDF-dokument att foga ihop"
        case .pdfUnreadable: "Polku kunde inte foga ihop sidorna i PDF-filen: dokument {0} av {1} kan inte läsas: {2}"
        case .notABaseline: "det är inte en baslinje skriven av `polku check --write-baseline`; skriv den igen med det valet"
        }
    }
}
