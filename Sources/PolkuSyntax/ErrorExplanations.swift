extension ErrorCode {
    /// What the error means and how to fix it, for `polku explain`, in English, Finnish and
    /// Swedish. Each language quotes the keywords in its own spelling (`palvelupolku:`,
    /// `kundresa:`), as a journey file in that language writes them; rule names,
    /// `polku.toml`'s names and command-line options stay as they are.
    package var explanationText: Trilingual {
        switch self {
        case .binaryFile: Trilingual(
            en: "The file contains a NUL byte, so it is not a text file. Check that you opened the right file; journey files are plain text saved as UTF-8.",
            fi: "Tiedostossa on NUL-tavu, joten se ei ole tekstitiedosto. Tarkista, että avasit oikean tiedoston; palvelupolkutiedostot ovat tavallista tekstiä, joka on tallennettu UTF-8-muodossa.",
            sv: "Filen innehåller en NUL-byte, så den är ingen textfil. Kontrollera att du öppnade rätt fil; kundresefiler är vanlig text som sparats som UTF-8.")
        case .invalidUTF8: Trilingual(
            en: "The file contains bytes that are not UTF-8 text, often because it was saved in an older encoding (Latin-1 or Windows-1252). Save it again as UTF-8 in your editor. Polku shows the first bad byte and reads the rest as well as it can.",
            fi: "Tiedostossa on tavuja, jotka eivät ole UTF-8-tekstiä. Usein syy on se, että tiedosto on tallennettu vanhemmalla merkistöllä (Latin-1 tai Windows-1252). Tallenna se editorissasi uudelleen UTF-8-muodossa. Polku näyttää ensimmäisen virheellisen tavun ja lukee loput niin hyvin kuin pystyy.",
            sv: "Filen innehåller byte som inte är UTF-8-text, ofta för att den sparades med en äldre teckenkodning (Latin-1 eller Windows-1252). Spara den igen som UTF-8 i din editor. Polku visar den första felaktiga byten och läser resten så gott det går.")
        case .missingJourney: Trilingual(
            en: "Every journey file starts with a line `journey: <title>` (or `palvelupolku:`, `kundresa:`) that names the journey.",
            fi: "Jokainen palvelupolkutiedosto alkaa rivillä `palvelupolku: <nimi>` (tai `kundresa:`, `journey:`), joka antaa palvelupolulle nimen.",
            sv: "Varje kundresefil börjar med en rad `kundresa: <rubrik>` (eller `palvelupolku:`, `journey:`) som ger kundresan dess namn.")
        case .journeyNotFirst: Trilingual(
            en: "The `journey:` line must be the first line of the file (comments and blank lines may come before it).",
            fi: "`palvelupolku:`-rivin pitää olla tiedoston ensimmäinen rivi (kommentit ja tyhjät rivit saavat olla ennen sitä).",
            sv: "Raden `kundresa:` måste vara filens första rad (kommentarer och tomma rader får stå före den).")
        case .duplicateJourney: Trilingual(
            en: "A file describes one journey, so it has one `journey:` line. Put a second journey in a file of its own.",
            fi: "Yksi tiedosto kuvaa yhden palvelupolun, joten siinä on yksi `palvelupolku:`-rivi. Kirjoita toinen palvelupolku omaan tiedostoonsa.",
            sv: "En fil beskriver en kundresa och har därför en enda `kundresa:`-rad. Skriv en andra kundresa i en egen fil.")
        case .missingTitle: Trilingual(
            en: "Journeys and steps need a title after the colon, for example `step ask: Asks for a book`.",
            fi: "Palvelupolku ja vaihe tarvitsevat nimen kaksoispisteen jälkeen, esimerkiksi `vaihe kysyy: Kysyy kirjaa`.",
            sv: "Kundresor och steg behöver en rubrik efter kolonet, till exempel `steg fråga: Frågar efter en bok`.")
        case .missingColon: Trilingual(
            en: "Every line is a keyword, a colon and text, for example `recommend: the e-book collection`. Text cannot continue on the next line: keep it on one line, or start another attribute such as `note:`.",
            fi: "Jokainen rivi on avainsana, kaksoispiste ja teksti, esimerkiksi `suosittele: e-kirjakokoelma`. Teksti ei voi jatkua seuraavalle riville: pidä se yhdellä rivillä tai aloita uusi rivi, esimerkiksi `huom:`.",
            sv: "Varje rad är ett nyckelord, ett kolon och text, till exempel `rekommendera: e-bokssamlingen`. Texten kan inte fortsätta på nästa rad: håll den på en rad, eller börja en ny rad, till exempel `anteckning:`.")
        case .missingKeyword: Trilingual(
            en: "A line starts with a colon. Write the keyword before it, for example `note: ...`.",
            fi: "Rivi alkaa kaksoispisteellä. Kirjoita avainsana sen eteen, esimerkiksi `huom: ...`.",
            sv: "En rad börjar med ett kolon. Skriv nyckelordet före det, till exempel `anteckning: ...`.")
        case .unknownKeyword: Trilingual(
            en: "The word before the colon is not one Polku knows. Keywords may be English, Finnish or Swedish; see Grammar/keywords.tsv for the full list.",
            fi: "Kaksoispistettä edeltävä sana ei ole Polun tuntema avainsana. Avainsanat voivat olla suomeksi, ruotsiksi tai englanniksi; kaikki avainsanat on lueteltu tiedostossa Grammar/keywords.tsv.",
            sv: "Ordet före kolonet är inget nyckelord som Polku känner till. Nyckelord kan vara på svenska, finska eller engelska; alla nyckelord finns i filen Grammar/keywords.tsv.")
        case .orphanAttribute: Trilingual(
            en: "An attribute such as `via:` or `recommend:` belongs to the header above it (the journey, a persona, a channel or a step). This one has no header above it.",
            fi: "Ominaisuus, kuten `kautta:` tai `suosittele:`, kuuluu yläpuolellaan olevaan otsikkoon (palvelupolkuun, asiakasprofiiliin, kanavaan tai vaiheeseen). Tämän rivin yläpuolella ei ole otsikkoa.",
            sv: "En egenskap som `via:` eller `rekommendera:` hör till rubriken ovanför den (kundresan, en kundprofil, en kanal eller ett steg). Den här raden har ingen rubrik ovanför sig.")
        case .misplacedAttribute: Trilingual(
            en: "Each attribute belongs to one kind of header: `competence:` and `presence:` rate a channel, `recommend:` and `follow-up:` describe a step, `uses:` describes a persona, and so on. Move the line under the right header.",
            fi: "Jokainen ominaisuus kuuluu tietynlaisen otsikon alle: `osaaminen:` ja `läsnäolo:` arvioivat kanavaa, `suosittele:` ja `jatko:` kuvaavat vaihetta, `käyttää:` kuvaa asiakasprofiilia ja niin edelleen. Siirrä rivi oikean otsikon alle.",
            sv: "Varje egenskap hör till ett slags rubrik: `kompetens:` och `närvaro:` bedömer en kanal, `rekommendera:` och `uppföljning:` beskriver ett steg, `använder:` beskriver en kundprofil, och så vidare. Flytta raden under rätt rubrik.")
        case .duplicateAttribute: Trilingual(
            en: "Some attributes can be given only once under the same header (`via:`, `next:`, `mood:`, `competence:`, `presence:`, `channels:`, `for:`). Keep one of them.",
            fi: "Jotkin ominaisuudet voi antaa saman otsikon alla vain kerran (`kautta:`, `seuraava:`, `tunnelma:`, `osaaminen:`, `läsnäolo:`, `kanavat:`, `kenelle:`). Säilytä niistä yksi.",
            sv: "Vissa egenskaper kan bara anges en gång under samma rubrik (`via:`, `nästa:`, `känsla:`, `kompetens:`, `närvaro:`, `kanaler:`, `för:`). Behåll en av dem.")
        case .emptyValue: Trilingual(
            en: "An attribute needs text after the colon. Write the text, or remove the line.",
            fi: "Ominaisuus tarvitsee tekstiä kaksoispisteen jälkeen. Kirjoita teksti tai poista rivi.",
            sv: "En egenskap behöver text efter kolonet. Skriv texten, eller ta bort raden.")
        case .textAfterPhase: Trilingual(
            en: "Phase headers (`before:`, `during:`, `after:`) take no text after the colon. Put the text in a comment line starting with `#`.",
            fi: "Palvelun vaiheen otsikossa (`ennen palvelua:`, `palvelun aikana:`, `palvelun jälkeen:`) ei ole tekstiä kaksoispisteen jälkeen. Kirjoita teksti kommenttiriville, joka alkaa merkillä `#`.",
            sv: "En fasrubrik (`före tjänsten:`, `under tjänsten:`, `efter tjänsten:`) har ingen text efter kolonet. Skriv texten på en kommentarrad som börjar med `#`.")
        case .missingId: Trilingual(
            en: "Personas and channels need an id after the keyword, for example `persona student: First-year student`. Steps and other lines refer to them by that id.",
            fi: "Asiakasprofiili ja kanava tarvitsevat tunnuksen avainsanan jälkeen, esimerkiksi `asiakasprofiili opiskelija: Ensimmäisen vuoden opiskelija`. Vaiheet ja muut rivit viittaavat niihin tällä tunnuksella.",
            sv: "Kundprofiler och kanaler behöver en id efter nyckelordet, till exempel `kundprofil student: Förstaårsstudent`. Steg och andra rader hänvisar till dem med den id:n.")
        case .invalidId: Trilingual(
            en: "Ids are one word of letters, digits, `-` and `_`, for example `first-visit` or `kysyy_kirjaa`.",
            fi: "Tunnus on yksi sana, jossa on kirjaimia, numeroita sekä merkkejä `-` ja `_`, esimerkiksi `ensimmäinen-käynti` tai `kysyy_kirjaa`.",
            sv: "En id är ett enda ord av bokstäver, siffror, `-` och `_`, till exempel `första-besöket` eller `frågar_efter_bok`.")
        case .duplicateId: Trilingual(
            en: "Two steps, two personas or two channels have the same id, so a reference to it would be ambiguous. Rename one of them.",
            fi: "Kahdella vaiheella, kahdella asiakasprofiililla tai kahdella kanavalla on sama tunnus, joten viittaus siihen olisi epäselvä. Anna toiselle niistä eri tunnus.",
            sv: "Två steg, två kundprofiler eller två kanaler har samma id, så en hänvisning till den vore tvetydig. Ge en av dem en annan id.")
        case .unknownChannel: Trilingual(
            en: "A `via:` or `channels:` names a channel that is neither built in (desk, premises, phone, email, chat, social, web, other, or their Finnish and Swedish names) nor declared with `channel <id>: <label>`.",
            fi: "`kautta:`- tai `kanavat:`-rivillä mainittu kanava ei ole valmis kanava (palvelupiste, tilat, puhelin, sähköposti, chatti, some, verkko, muu tai niiden ruotsin- ja englanninkieliset nimet) eikä sitä ole määritelty rivillä `kanava <tunnus>: <nimi>`.",
            sv: "En `via:` eller `kanaler:` anger en kanal som varken är inbyggd (disk, lokaler, telefon, e-post, chatt, sociala-medier, webb, annat, eller deras finska och engelska namn) eller definierad med en rad `kanal <id>: <namn>`.")
        case .unknownStep: Trilingual(
            en: "A `next:` names a step id that no step has. Step ids are the word after `step`, for example `pickup` in `step pickup: Collects the copy`.",
            fi: "`seuraava:`-rivillä on vaiheen tunnus, jota millään vaiheella ei ole. Vaiheen tunnus on `vaihe`-sanan jälkeinen sana, esimerkiksi `nouto` rivillä `vaihe nouto: Noutaa varauksen`.",
            sv: "En `nästa:` anger ett steg-id som inget steg har. Ett stegs id är ordet efter `steg`, till exempel `hämtning` i `steg hämtning: Hämtar sin reservation`.")
        case .unknownPersona: Trilingual(
            en: "A `for:` names a persona id that no `persona` line declares.",
            fi: "`kenelle:`-rivillä on asiakasprofiilin tunnus, jota mikään `asiakasprofiili`-rivi ei määrittele.",
            sv: "En `för:` anger ett kundprofil-id som ingen `kundprofil`-rad definierar.")
        case .invalidRating: Trilingual(
            en: "Ratings (`competence:`, `presence:`, `mood:`) are whole numbers from 1 (poor) to 5 (excellent).",
            fi: "Arviot (`osaaminen:`, `läsnäolo:`, `tunnelma:`) ovat kokonaislukuja 1 (heikko) – 5 (erinomainen).",
            sv: "Betyg (`kompetens:`, `närvaro:`, `känsla:`) är heltal från 1 (svagt) till 5 (utmärkt).")
        case .stepOutsidePhase: Trilingual(
            en: "Every step happens before, during or after the service. Put a phase header (`before:`, `during:` or `after:`) above the step.",
            fi: "Jokainen vaihe tapahtuu ennen palvelua, palvelun aikana tai palvelun jälkeen. Kirjoita vaiheen yläpuolelle otsikko `ennen palvelua:`, `palvelun aikana:` tai `palvelun jälkeen:`.",
            sv: "Varje steg sker före, under eller efter tjänsten. Skriv en fasrubrik (`före tjänsten:`, `under tjänsten:` eller `efter tjänsten:`) ovanför steget.")
        case .missingChannel: Trilingual(
            en: "Every step happens in a channel. Give the step a `via:` line, or give the journey a default with `via:` under the `journey:` line.",
            fi: "Jokainen vaihe tapahtuu jossakin kanavassa. Lisää vaiheelle `kautta:`-rivi tai anna koko palvelupolulle oletuskanava kirjoittamalla `kautta:` `palvelupolku:`-rivin alle.",
            sv: "Varje steg sker i en kanal. Ge steget en `via:`-rad, eller ge kundresan en standardkanal med `via:` under raden `kundresa:`.")
        case .unknownRule: Trilingual(
            en: "An `allow:` line names a checker rule that does not exist. `polku rules` lists every rule by name.",
            fi: "`salli:`-rivillä on tarkistimen sääntö, jota ei ole olemassa. `polku rules` luettelee kaikki säännöt nimeltä.",
            sv: "En `tillåt:`-rad anger en granskningsregel som inte finns. `polku rules` listar alla regler med namn.")
        case .allowWithoutReason: Trilingual(
            en: "An `allow:` line accepts a finding, and has to say why, so the next reader knows it was decided and not forgotten: `allow: missing-recommendation because the customer is in a hurry` (in Finnish `koska`, in Swedish `eftersom`).",
            fi: "`salli:`-rivi hyväksyy havainnon, ja sen pitää kertoa miksi, jotta seuraava lukija tietää, että asiasta on päätetty eikä se ole unohtunut: `salli: missing-recommendation koska asiakkaalla on kiire` (ruotsiksi `eftersom`, englanniksi `because`).",
            sv: "En `tillåt:`-rad godtar en iakttagelse och måste säga varför, så att nästa läsare vet att det var ett beslut och inte något som glömdes bort: `tillåt: missing-recommendation eftersom kunden har bråttom` (på finska `koska`, på engelska `because`).")
        case .cannotRead: Trilingual(
            en: "Polku could not read a file it was given: there is no such file, it is a folder where a journey file was expected, or you may not read it. The message says which. Check the path; a folder is checked whole (every *.polku file in it and below it).",
            fi: "Polku ei pystynyt lukemaan sille annettua tiedostoa: tiedostoa ei ole, se on kansio, vaikka odotettiin palvelupolkutiedostoa, tai sinulla ei ole oikeutta lukea sitä. Ilmoitus kertoo, mistä on kyse. Tarkista polku; kansio tarkistetaan kokonaan (jokainen *.polku-tiedosto siinä ja sen alikansioissa).",
            sv: "Polku kunde inte läsa en fil som den fick: filen finns inte, det är en mapp där en kundresefil väntades, eller du får inte läsa den. Meddelandet säger vilket. Kontrollera sökvägen; en mapp granskas i sin helhet (alla *.polku-filer i den och i dess undermappar).")
        case .noJourneys: Trilingual(
            en: "A folder was given, but there are no journey files (*.polku) in it or below it. Check the path, or give the journey files themselves.",
            fi: "Annoit kansion, mutta siinä tai sen alikansioissa ei ole palvelupolkutiedostoja (*.polku). Tarkista polku tai anna itse palvelupolkutiedostot.",
            sv: "En mapp angavs, men det finns inga kundresefiler (*.polku) i den eller i dess undermappar. Kontrollera sökvägen, eller ange själva kundresefilerna.")
        case .cannotWrite: Trilingual(
            en: "Polku could not write an output file: the folder does not exist, you may not write there, the disk is full, or the output would replace the journey it was made from. Nothing is left half-written: a file that was there before is left as it was.",
            fi: "Polku ei pystynyt kirjoittamaan tulostiedostoa: kansiota ei ole, sinulla ei ole oikeutta kirjoittaa sinne, levy on täynnä tai tiedosto korvaisi palvelupolun, josta se tehtiin. Mitään ei jää puoliksi kirjoitetuksi: aiemmin olemassa ollut tiedosto jää ennalleen.",
            sv: "Polku kunde inte skriva en utdatafil: mappen finns inte, du får inte skriva där, disken är full, eller filen skulle ersätta kundresan som den gjordes av. Ingenting blir halvskrivet: en fil som fanns där förut lämnas som den var.")
        case .configSyntax: Trilingual(
            en: "The configuration file (polku.toml) is not valid TOML, so none of it is used. The message shows the first place the TOML reader could not follow; a common cause is a value without quotes: write `missing-need = \"off\"`.",
            fi: "Asetustiedosto (polku.toml) ei ole kelvollista TOML-muotoa, joten sen asetuksista ei käytetä mitään. Ilmoitus näyttää ensimmäisen kohdan, jota TOML-lukija ei ymmärtänyt; tavallinen syy on arvo ilman lainausmerkkejä: kirjoita `missing-need = \"off\"`.",
            sv: "Inställningsfilen (polku.toml) är inte giltig TOML, så ingenting i den används. Meddelandet visar det första stället som TOML-läsaren inte kunde tolka; en vanlig orsak är ett värde utan citattecken: skriv `missing-need = \"off\"`.")
        case .configUnknownRule: Trilingual(
            en: "The configuration (polku.toml, or a --rule option) names a checker rule that does not exist. `polku rules` lists every rule by name.",
            fi: "Asetuksissa (polku.toml tai --rule-valitsin) on tarkistimen sääntö, jota ei ole olemassa. `polku rules` luettelee kaikki säännöt nimeltä.",
            sv: "Inställningarna (polku.toml eller ett --rule-alternativ) anger en granskningsregel som inte finns. `polku rules` listar alla regler med namn.")
        case .configInvalid: Trilingual(
            en: "The configuration (polku.toml, or a --rule option) has a section or a value Polku does not understand. polku.toml has two sections: `[rules]`, where each rule is set to \"error\", \"warning\", \"info\" or \"off\", and `[ignore]`, where a file pattern lists rule names: `\"drafts/*\" = [\"missing-need\"]`.",
            fi: "Asetuksissa (polku.toml tai --rule-valitsin) on osio tai arvo, jota Polku ei ymmärrä. Tiedostossa polku.toml on kaksi osiota: `[rules]`, jossa kunkin säännön vakavuustasoksi asetetaan \"error\", \"warning\", \"info\" tai \"off\", ja `[ignore]`, jossa tiedostojen nimimallille luetellaan säännöt, jotka eivät koske niitä tiedostoja: `\"drafts/*\" = [\"missing-need\"]`.",
            sv: "Inställningarna (polku.toml eller ett --rule-alternativ) har ett avsnitt eller ett värde som Polku inte förstår. Filen polku.toml har två avsnitt: `[rules]`, där varje regel sätts till \"error\", \"warning\", \"info\" eller \"off\", och `[ignore]`, där ett filnamnsmönster följs av en lista med regelnamn: `\"drafts/*\" = [\"missing-need\"]`.")
        case .graphvizUnavailable: Trilingual(
            en: "Graphviz, which Polku draws diagrams with, is not installed completely: its layout plugins are not registered, or the cairo plugin for PNG and PDF is missing. Install the libgvc6 package and run `dot -c` as root once.",
            fi: "Graphviz, jolla Polku piirtää kaaviot, ei ole asennettu kokonaan: sen asettelulaajennuksia ei ole rekisteröity, tai PNG- ja PDF-tiedostoihin tarvittava cairo-laajennus puuttuu. Asenna libgvc6-paketti ja suorita `dot -c` kerran pääkäyttäjänä (root).",
            sv: "Graphviz, som Polku ritar diagram med, är inte fullständigt installerat: dess layoutinsticksmoduler är inte registrerade, eller så saknas insticksmodulen cairo för PNG och PDF. Installera paketet libgvc6 och kör `dot -c` en gång som root.")
        case .graphvizFailed: Trilingual(
            en: "Graphviz could not draw the diagram Polku wrote for this journey. This is a bug in Polku; the message includes what Graphviz said, which helps to fix it.",
            fi: "Graphviz ei pystynyt piirtämään kaaviota, jonka Polku kirjoitti tästä palvelupolusta. Tämä on Polun ohjelmavirhe; ilmoituksessa on mukana Graphvizin oma viesti, joka auttaa korjaamaan sen.",
            sv: "Graphviz kunde inte rita diagrammet som Polku skrev för den här kundresan. Det här är ett fel i Polku; meddelandet innehåller vad Graphviz sa, vilket hjälper till att rätta det.")
        case .diagramTooLarge: Trilingual(
            en: "The diagram is too large to draw as a PNG picture that anyone could read: even at the lowest resolution Polku uses (18 pixels per inch) it would be wider or taller than 30,000 pixels, or larger than 100 million pixels in all. Draw it as SVG or PDF, which have no such limit.",
            fi: "Kaavio on liian suuri piirrettäväksi luettavana PNG-kuvana: pienimmälläkin Polun käyttämällä tarkkuudella (18 pikseliä tuumalle) se olisi yli 30 000 pikseliä leveä tai korkea tai yhteensä yli 100 miljoonaa pikseliä. Tee siitä SVG- tai PDF-tiedosto; niissä tällaista rajaa ei ole.",
            sv: "Diagrammet är för stort för att ritas som en PNG-bild som någon kan läsa: även med den lägsta upplösning Polku använder (18 pixlar per tum) skulle det bli bredare eller högre än 30 000 pixlar, eller större än 100 miljoner pixlar totalt. Rita det som SVG eller PDF, som inte har någon sådan gräns.")
        case .tooManyErrors: Trilingual(
            en: "The file has more than 1,000 errors, and Polku shows the first 1,000 (the first of them is usually the cause of many below it). Often the file is not a journey at all, or it was saved in another format. Fix the errors shown, or check that this is the file you meant, then check it again.",
            fi: "Tiedostossa on yli 1 000 virhettä, ja Polku näyttää niistä ensimmäiset 1 000 (ensimmäinen niistä on yleensä syynä moniin sen jälkeisiin). Usein tiedosto ei ole lainkaan palvelupolku, tai se on tallennettu jossakin muussa muodossa. Korjaa näytetyt virheet tai varmista, että tämä on tarkoittamasi tiedosto, ja tarkista se sitten uudelleen.",
            sv: "Filen har fler än 1 000 fel, och Polku visar de första 1 000 (det första felet orsakar oftast många av dem som följer). Ofta är filen ingen kundresa alls, eller så har den sparats i ett annat format. Rätta de fel som visas, eller kontrollera att det här är den fil du menade, och granska den sedan igen.")
        case .importInvalid: Trilingual(
            en: "`polku import` could not make a journey of this JSON or Mermaid file. For JSON, the message says where (`phases[1].steps[0].channel`): Polku reads the format that `polku export --to json` writes, described by Grammar/journey.schema.json. For Mermaid, it reads a user journey (`journey`, `title`, `section`, tasks) and the `%%` comments that `polku export --to mermaid` writes. Fix the place named and import again; nothing is written until the whole journey can be.",
            fi: "`polku import` ei pystynyt tekemään tästä JSON- tai Mermaid-tiedostosta palvelupolkua. JSONissa ilmoitus kertoo kohdan (`phases[1].steps[0].channel`): Polku lukee muotoa, jota `polku export --to json` kirjoittaa ja jonka Grammar/journey.schema.json kuvaa. Mermaidista se lukee asiakaspolun (`journey`, `title`, `section`, tehtävät) ja `%%`-kommentit, jotka `polku export --to mermaid` kirjoittaa. Korjaa mainittu kohta ja tuo tiedosto uudelleen; mitään ei kirjoiteta ennen kuin koko palvelupolku onnistuu.",
            sv: "`polku import` kunde inte göra en kundresa av den här JSON- eller Mermaid-filen. För JSON säger meddelandet var (`phases[1].steps[0].channel`): Polku läser det format som `polku export --to json` skriver och som Grammar/journey.schema.json beskriver. Från Mermaid läser den en kundresa (`journey`, `title`, `section`, uppgifter) och de `%%`-kommentarer som `polku export --to mermaid` skriver. Rätta det ställe som nämns och importera igen; ingenting skrivs förrän hela kundresan går att skriva.")
        case .importGuessed: Trilingual(
            en: "`polku import` had to guess while making a journey of a Mermaid file: a section whose name says no phase was put in one by its place (the first section before the service, the last after it, the others during it; after a section that names its phase, the same phase), a task with no channel in brackets went in the channel `other`, or a score outside 1 to 5 was left out. The journey is written; look at the lines named and correct the journey file where the guess was wrong.",
            fi: "`polku import` joutui arvaamaan tehdessään Mermaid-tiedostosta palvelupolkua: osio, jonka nimi ei kerro vaihetta, sijoitettiin vaiheeseen paikkansa mukaan (ensimmäinen ennen palvelua, viimeinen palvelun jälkeen, muut palvelun aikana; vaiheensa nimeävän osion jälkeen sama vaihe), tehtävä, jonka lopussa ei ollut kanavaa suluissa, sijoitettiin kanavaan `other`, tai pistemäärä, joka ei ollut 1–5, jätettiin pois. Palvelupolku kirjoitetaan; katso mainitut rivit ja korjaa palvelupolkutiedosto, jos arvaus meni väärin.",
            sv: "`polku import` fick gissa när en kundresa gjordes av en Mermaid-fil: ett avsnitt vars namn inte säger någon fas placerades efter sin plats (det första före tjänsten, det sista efter den, de andra under den; efter ett avsnitt som nämner sin fas, samma fas), en uppgift utan kanal inom parentes hamnade i kanalen `other`, eller ett betyg utanför 1 till 5 utelämnades. Kundresan skrivs; titta på de rader som nämns och rätta kundresefilen där gissningen blev fel.")
        }
    }
}
