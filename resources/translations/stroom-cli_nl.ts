<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_BE" sourcelanguage="en">
<!-- The command-line help (helptext::tr, context "stroom-cli"): kept apart from lupdate's file; testclihelp lists every text and refuses one without its Dutch. -->
<context>
    <name>stroom-cli</name>
    <message>
        <source>A PDF (laid out for reading) or GeoJSON (the cameras, with the report as the collection&apos;s &apos;transparency&apos; member).</source>
        <translation>Een PDF (opgemaakt om te lezen) of GeoJSON (de camera&apos;s, met het rapport als lid &apos;transparency&apos; van de collectie).</translation>
    </message>
    <message>
        <source>A QGIS layout template (.qpt) to use instead of Stroom&apos;s.</source>
        <translation>Een QGIS-lay-outsjabloon (.qpt) om te gebruiken in plaats van dat van Stroom.</translation>
    </message>
    <message>
        <source>ANPR exports (.csv or .csv.gz), one or more.</source>
        <translation>ANPR-exports (.csv of .csv.gz), één of meer.</translation>
    </message>
    <message>
        <source>Add origin_name and destination_name after the usual columns (the register&apos;s camera names, or the zones&apos;).</source>
        <translation>Na de gewone kolommen origin_name en destination_name toevoegen (de cameranamen uit het register, of de zonenamen).</translation>
    </message>
    <message>
        <source>Adds cameras to the project&apos;s inventory, or updates them by id.</source>
        <translation>Voegt camera&apos;s toe aan de inventaris van het project, of werkt ze bij op id.</translation>
    </message>
    <message>
        <source>Adds zones to the project, or updates them by id, and assigns cameras to them.</source>
        <translation>Voegt zones toe aan het project, of werkt ze bij op id, en wijst er camera&apos;s aan toe.</translation>
    </message>
    <message>
        <source>Builds trips (L1) from the imported reads: a read of the same vehicle at the same camera within the duplicate window (--dedupe, 60 s) is dropped; a gap longer than --gap (30 minutes) starts a new trip; single-read trips are counted apart. Also builds the aggregate cube and the layers od_flows, od_zone_flows and camera_counts that QGIS shows. After an import only the hours the new reads can change are rebuilt.</source>
        <translation>Bouwt verplaatsingen (L1) op uit de geïmporteerde waarnemingen: een waarneming van hetzelfde voertuig aan dezelfde camera binnen het venster voor dubbele waarnemingen (--dedupe, 60 s) wordt geschrapt; een pauze langer dan --gap (30 minuten) start een nieuwe verplaatsing; verplaatsingen met één waarneming worden apart geteld. Bouwt ook de aggregatiekubus op en de lagen od_flows, od_zone_flows en camera_counts die QGIS toont. Na een import worden enkel de uren opnieuw opgebouwd die de nieuwe waarnemingen kunnen veranderen.</translation>
    </message>
    <message>
        <source>CRS of x/y columns in a CSV, e.g. EPSG:31370 (default WGS84 lon/lat).</source>
        <translation>CRS van de x/y-kolommen in een CSV, bv. EPSG:31370 (standaard WGS84 lon/lat).</translation>
    </message>
    <message>
        <source>CSV (lon/lat or x/y), GeoJSON, GeoPackage, Shapefile, OpenStreetMap (.osm).</source>
        <translation>CSV (lon/lat of x/y), GeoJSON, GeoPackage, Shapefile, OpenStreetMap (.osm).</translation>
    </message>
    <message>
        <source>Cameras per owner, the owner mapping table (one owner however it is spelled) and suggestions for near-duplicate names.</source>
        <translation>Camera&apos;s per eigenaar, de koppeltabel van eigenaars (één eigenaar, hoe die ook gespeld wordt) en voorstellen voor bijna-identieke namen.</translation>
    </message>
    <message>
        <source>Checks the audit trail&apos;s hash chain: exit 0 when it is intact, exit 3 naming the first record that was changed, deleted or inserted.</source>
        <translation>Controleert de hashketen van het auditlogboek: afsluitcode 0 als ze intact is, afsluitcode 3 met vermelding van het eerste record dat gewijzigd, verwijderd of ingevoegd werd.</translation>
    </message>
    <message>
        <source>Columns by role, e.g. time=tijdstip,camera=cam,pseudonym=hash (roles: time, camera, pseudonym, class, country, latitude, longitude, name, period_start, period_minutes, vehicles, from_camera, to_camera, mean_seconds, pair).</source>
        <translation>Kolommen per rol, bv. time=tijdstip,camera=cam,pseudonym=hash (rollen: time, camera, pseudonym, class, country, latitude, longitude, name, period_start, period_minutes, vehicles, from_camera, to_camera, mean_seconds, pair).</translation>
    </message>
    <message>
        <source>Comma-separated sizes in reads (default 1000000,10000000).</source>
        <translation>Kommagescheiden groottes in waarnemingen (standaard 1000000,10000000).</translation>
    </message>
    <message>
        <source>Creates a new, empty Stroom project (a GeoPackage).</source>
        <translation>Maakt een nieuw, leeg Stroom-project aan (een GeoPackage).</translation>
    </message>
    <message>
        <source>Days to simulate (default 7).</source>
        <translation>Aantal te simuleren dagen (standaard 7).</translation>
    </message>
    <message>
        <source>Distinct vehicles only, all classes together (a vehicle once per cell): camera,period,vehicles.</source>
        <translation>Enkel verschillende voertuigen, alle klassen samen (een voertuig één keer per cel): camera,period,vehicles.</translation>
    </message>
    <message>
        <source>Do not update trips and the cube afterwards (run &apos;stroom-cli trips&apos; later).</source>
        <translation>Verplaatsingen en kubus achteraf niet bijwerken (voer later &apos;stroom-cli trips&apos; uit).</translation>
    </message>
    <message>
        <source>Duplicate window in seconds (default 60).</source>
        <translation>Venster voor dubbele waarnemingen, in seconden (standaard 60).</translation>
    </message>
    <message>
        <source>Duplicate window in seconds (default: the stored one, 60).</source>
        <translation>Venster voor dubbele waarnemingen, in seconden (standaard: de opgeslagen waarde, 60).</translation>
    </message>
    <message>
        <source>Exact figures instead of perturbed ones (cell key method off); needs --purpose and is audited as layer L1. Also needed for --gap/--dedupe/--through-min/--through-max other than the project&apos;s.</source>
        <translation>Exacte cijfers in plaats van verstoorde (celsleutelmethode uit); vereist --purpose en wordt in het auditlogboek opgenomen als laag L1. Ook nodig voor --gap/--dedupe/--through-min/--through-max die afwijken van die van het project.</translation>
    </message>
    <message>
        <source>Export format(s), comma-separated: standard, nl, anpr-metrics, counts, pairflows, or all (default standard); plates writes the camera&apos;s side for stroom-edge (anpr-plates.csv: synthetic clear plates, never part of all).</source>
        <translation>Exportformaat of -formaten, kommagescheiden: standard, nl, anpr-metrics, counts, pairflows of all (standaard: standard); plates schrijft de camerakant voor stroom-edge weg (anpr-plates.csv: synthetische nummerplaten in klaartekst, nooit inbegrepen in all).</translation>
    </message>
    <message>
        <source>Field with the zone id (default: zone_id, id, code or wijknr).</source>
        <translation>Veld met de zone-id (standaard: zone_id, id, code of wijknr).</translation>
    </message>
    <message>
        <source>Field with the zone name (default: name, naam or wijk).</source>
        <translation>Veld met de zonenaam (standaard: name, naam of wijk).</translation>
    </message>
    <message>
        <source>First day (local date, yyyy-mm-dd).</source>
        <translation>Eerste dag (lokale datum, yyyy-mm-dd).</translation>
    </message>
    <message>
        <source>First day, yyyy-mm-dd (default 2026-03-02).</source>
        <translation>Eerste dag, yyyy-mm-dd (standaard 2026-03-02).</translation>
    </message>
    <message>
        <source>Folder for the interval files.</source>
        <translation>Map voor de intervalbestanden.</translation>
    </message>
    <message>
        <source>For aggregate files without period columns: START/END, e.g. 2017-10-01/2017-11-30.</source>
        <translation>Voor aggregaatbestanden zonder periodekolommen: START/END, bv. 2017-10-01/2017-11-30.</translation>
    </message>
    <message>
        <source>Generates the demo city around Ghent: cameras.csv, zones.geojson, ANPR exports, the true trips (truth-trips.csv) and simulation.json. Deterministic for a seed.</source>
        <translation>Genereert de demostad rond Gent: cameras.csv, zones.geojson, ANPR-exports, de werkelijke verplaatsingen (truth-trips.csv) en simulation.json. Deterministisch voor een gegeven seed.</translation>
    </message>
    <message>
        <source>GeoJSON, CSV, GeoPackage or (with --public) a PDF listing, by the file name.</source>
        <translation>GeoJSON, CSV, GeoPackage of (met --public) een PDF-lijst, afhankelijk van de bestandsnaam.</translation>
    </message>
    <message>
        <source>GeoJSON, GeoPackage or Shapefile with polygons.</source>
        <translation>GeoJSON, GeoPackage of Shapefile met polygonen.</translation>
    </message>
    <message>
        <source>Import a file even if it was imported before.</source>
        <translation>Een bestand importeren, ook als het al eerder geïmporteerd werd.</translation>
    </message>
    <message>
        <source>Imports pseudonymised ANPR exports (reads, into the project&apos;s L0 reads file) or aggregates from privacy-proof cameras (counts, pair flows). Each file is one transaction: a failure leaves the project as it was. Clear plates stop the import.</source>
        <translation>Importeert gepseudonimiseerde ANPR-exports (waarnemingen, in het L0-waarnemingenbestand van het project) of aggregaten van privacybestendige camera&apos;s (tellingen, paarstromen). Elk bestand is één transactie: bij een fout blijft het project zoals het was. Nummerplaten in klaartekst stoppen de import.</translation>
    </message>
    <message>
        <source>Last day (local date, inclusive).</source>
        <translation>Laatste dag (lokale datum, inbegrepen).</translation>
    </message>
    <message>
        <source>Layer to read (default: the first).</source>
        <translation>Te lezen laag (standaard: de eerste).</translation>
    </message>
    <message>
        <source>List spellings that probably mean the same owner.</source>
        <translation>Schrijfwijzen tonen die wellicht dezelfde eigenaar bedoelen.</translation>
    </message>
    <message>
        <source>Local time for intervals and key rotation (default Europe/Brussels).</source>
        <translation>Tijdzone voor de intervallen en de sleutelwissel (standaard Europe/Brussels).</translation>
    </message>
    <message>
        <source>Measure the aggregator on FILE (read into memory first) and stop.</source>
        <translation>De aggregator meten op FILE (eerst in het geheugen ingelezen) en stoppen.</translation>
    </message>
    <message>
        <source>Measures the import budget: the simulator&apos;s standard export into a new project, wall time and peak memory of the import process, store bytes per read; sqlite3&apos;s .import of the same file beside it; and the scaling between sizes. &apos;trips&apos; measures trip building and cube queries beside the trip definition as sqlite3 window-function SQL. &apos;pipeline&apos; measures import, trips and the OD matrix to a file, end to end. The export is read once before each import, so that every size is measured with it in memory. Prints a table on stdout.</source>
        <translation>Meet het importbudget: de standaardexport van de simulator in een nieuw project, kloktijd en piekgeheugen van het importproces, opslagbytes per waarneming; daarnaast de .import van sqlite3 op hetzelfde bestand; en de schaling tussen de groottes. &apos;trips&apos; meet het opbouwen van verplaatsingen en kubusquery&apos;s, naast de verplaatsingsdefinitie als sqlite3-SQL met vensterfuncties. &apos;pipeline&apos; meet import, verplaatsingen en de HB-matrix naar een bestand, van begin tot eind. De export wordt vóór elke import eenmaal gelezen, zodat elke grootte gemeten wordt met de export in het geheugen. Toont een tabel op stdout.</translation>
    </message>
    <message>
        <source>Measures the re-identification risk of the project&apos;s pseudonymised reads (L0): unicity, the share of vehicles that p = 1..4 random (camera, hour) points of their own reads single out (de Montjoye et al., &apos;Unique in the crowd&apos;, 2013); linkability, the share of pseudonyms seen on more than one local day; and the share of trips whose (day, start hour, origin, destination, class) group has fewer than k vehicles. Reads nothing out of the store.</source>
        <translation>Meet het heridentificatierisico van de gepseudonimiseerde waarnemingen (L0) van het project: uniciteit, het aandeel voertuigen dat al door p = 1..4 willekeurige punten (camera, uur) uit hun eigen waarnemingen uniek herkenbaar is (de Montjoye et al., &apos;Unique in the crowd&apos;, 2013); koppelbaarheid, het aandeel pseudoniemen dat op meer dan één lokale dag gezien werd; en het aandeel verplaatsingen waarvan de groep (dag, beginuur, herkomst, bestemming, klasse) minder dan k voertuigen telt. Haalt niets uit de opslag naar buiten.</translation>
    </message>
    <message>
        <source>Minimum distinct vehicles per cell (default: the project&apos;s, at least 10); cells under it are left out. Another k than the project&apos;s only with --exact.</source>
        <translation>Minimum aantal verschillende voertuigen per cel (standaard: dat van het project, minstens 10); cellen daaronder worden weggelaten. Een andere k dan die van het project enkel met --exact.</translation>
    </message>
    <message>
        <source>Minimum distinct vehicles per released cell (default 10; lower only with --exact).</source>
        <translation>Minimum aantal verschillende voertuigen per vrijgegeven cel (standaard 10; lager enkel met --exact).</translation>
    </message>
    <message>
        <source>Minutes per file (divides a day; default 15).</source>
        <translation>Minuten per bestand (deler van een dag; standaard 15).</translation>
    </message>
    <message>
        <source>No perturbation (validation runs; every file says so).</source>
        <translation>Geen verstoring (validatieruns; elk bestand vermeldt dat).</translation>
    </message>
    <message>
        <source>Number of cameras (default 120).</source>
        <translation>Aantal camera&apos;s (standaard 120).</translation>
    </message>
    <message>
        <source>Output file (.csv; flows and counts also .gpkg or .geojson, or linked data: .ttl, .jsonld).</source>
        <translation>Uitvoerbestand (.csv; bij flows en counts ook .gpkg of .geojson, of linked data: .ttl, .jsonld).</translation>
    </message>
    <message>
        <source>Linked data (.ttl, .jsonld): the base IRI of the cameras, zones and observations (default urn:stroom:PROJECT-ID:).</source>
        <translation>Linked data (.ttl, .jsonld): de basis-IRI van de camera&apos;s, zones en observaties (standaard urn:stroom:PROJECT-ID:).</translation>
    </message>
    <message>
        <source>Output folder.</source>
        <translation>Uitvoermap.</translation>
    </message>
    <message>
        <source>Print JSON (unicity {&quot;1&quot;..&quot;4&quot;}, linkable_share, trips_below_k_share, vehicles, reads) instead of text.</source>
        <translation>JSON uitvoeren (unicity {&quot;1&quot;..&quot;4&quot;}, linkable_share, trips_below_k_share, vehicles, reads) in plaats van tekst.</translation>
    </message>
    <message>
        <source>Prints the audit trail, oldest first, tab-separated: id, time (UTC), user (the OS account), action, purpose, layer, output, output SHA-256, k, suppressed cells.</source>
        <translation>Toont het auditlogboek, oudste eerst, tabgescheiden: id, tijd (UTC), gebruiker (het OS-account), actie, doel, laag, uitvoer, SHA-256 van de uitvoer, k, weggelaten cellen.</translation>
    </message>
    <message>
        <source>Purge every read.</source>
        <translation>Alle waarnemingen wissen.</translation>
    </message>
    <message>
        <source>Purge reads before this local date.</source>
        <translation>Waarnemingen vóór deze lokale datum wissen.</translation>
    </message>
    <message>
        <source>Purge reads older than this many days.</source>
        <translation>Waarnemingen ouder dan zoveel dagen wissen.</translation>
    </message>
    <message>
        <source>Purge the reads of import N (see the imports table).</source>
        <translation>De waarnemingen van import N wissen (zie de tabel imports).</translation>
    </message>
    <message>
        <source>Purge the trips (L1) of the range too (not with --import).</source>
        <translation>Ook de verplaatsingen (L1) van de periode wissen (niet met --import).</translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation>Seed voor de toevalsgenerator (standaard 1).</translation>
    </message>
    <message>
        <source>Rebuild everything instead of updating what new imports change.</source>
        <translation>Alles opnieuw opbouwen in plaats van enkel bij te werken wat nieuwe imports veranderen.</translation>
    </message>
    <message>
        <source>Record that ALIAS (an owner or operator as written) means OWNER.</source>
        <translation>Vastleggen dat ALIAS (een eigenaar of beheerder zoals geschreven) staat voor OWNER.</translation>
    </message>
    <message>
        <source>Removes pseudonymised reads (L0), and trips (L1) with --trips, for a range, keeping every aggregate: the cube (in PROJECT.gpkg.cube) and the L2 layers stay, so every released figure reads as before. The bytes are made unrecoverable (secure_delete, then VACUUM of the reads file); trips are never rebuilt before the purged range&apos;s end, and the cube&apos;s days before it are unlinked (a vehicle&apos;s days no longer connect; a &apos;vehicles&apos; figure over several of them counts it once per day). Every purge is in the audit trail.</source>
        <translation>Verwijdert gepseudonimiseerde waarnemingen (L0), en met --trips ook verplaatsingen (L1), voor een periode, met behoud van alle aggregaten: de kubus (in PROJECT.gpkg.cube) en de L2-lagen blijven, zodat elk vrijgegeven cijfer hetzelfde blijft. De bytes worden onherstelbaar gemaakt (secure_delete, daarna VACUUM van het waarnemingenbestand); verplaatsingen worden nooit opnieuw opgebouwd vóór het einde van de gewiste periode, en de dagen van de kubus daarvoor worden ontkoppeld (de dagen van een voertuig hangen niet langer samen; een cijfer &apos;vehicles&apos; over meerdere van die dagen telt het één keer per dag). Elke wisbeurt staat in het auditlogboek.</translation>
    </message>
    <message>
        <source>Replace FILE if it exists (never a file of the project).</source>
        <translation>FILE vervangen als het al bestaat (nooit een bestand van het project).</translation>
    </message>
    <message>
        <source>Run &apos;stroom-cli COMMAND --help&apos; for a command&apos;s options.
Exit codes: 0 done, 2 bad usage, 3 input rejected, 4 store problem.</source>
        <translation>Voer &apos;stroom-cli OPDRACHT --help&apos; uit voor de opties van een opdracht.
Afsluitcodes: 0 klaar, 2 verkeerd gebruik, 3 invoer geweigerd, 4 opslagprobleem.</translation>
    </message>
    <message>
        <source>Say what would go, removing nothing.</source>
        <translation>Tonen wat zou verdwijnen, zonder iets te verwijderen.</translation>
    </message>
    <message>
        <source>Seconds a read may arrive out of order (default 60).</source>
        <translation>Aantal seconden dat een waarneming buiten volgorde mag binnenkomen (standaard 60).</translation>
    </message>
    <message>
        <source>Set the project&apos;s retention period in days (0: none); it is applied now and at every open and import.</source>
        <translation>De bewaartermijn van het project instellen in dagen (0: geen); die wordt meteen toegepast en opnieuw bij elke opening en import.</translation>
    </message>
    <message>
        <source>Skip the sqlite3 reference run.</source>
        <translation>De sqlite3-referentierun overslaan.</translation>
    </message>
    <message>
        <source>Start hours H1-H2, local: 7-9 is 07:00 to 08:59.</source>
        <translation>Beginuren H1-H2, lokaal: 7-9 is 07:00 tot 08:59.</translation>
    </message>
    <message>
        <source>Take lines from an MQTT broker (with --topic).</source>
        <translation>Regels van een MQTT-broker ontvangen (met --topic).</translation>
    </message>
    <message>
        <source>Take lines over TCP (one client or several).</source>
        <translation>Regels via TCP ontvangen (één of meerdere clients).</translation>
    </message>
    <message>
        <source>The MQTT topic.</source>
        <translation>Het MQTT-topic.</translation>
    </message>
    <message>
        <source>The files hold clear plates: hash them (HMAC-SHA256; one set of random keys for all files of this command, rotating daily at 04:00 local time, kept in memory only).</source>
        <translation>De bestanden bevatten nummerplaten in klaartekst: hash ze (HMAC-SHA256; één set willekeurige sleutels voor alle bestanden van deze opdracht, die dagelijks om 04:00 lokale tijd wisselen en enkel in het geheugen bewaard worden).</translation>
    </message>
    <message>
        <source>The privacy-proof camera&apos;s side: reads clear plates (CSV lines &apos;timestamp,camera_id,plate,vehicle_class,country&apos;) from stdin, TCP or MQTT, keys each plate at once with a keyed hash (SipHash-2-4, a random key per day from 04:00 local, in memory only), rebuilds trips by Stroom&apos;s rules and writes, per interval, counts per camera and class (passages, distinct vehicles) and pair flows (trips that ended in the interval, mean travel time) after the privacy policy (k in distinct vehicles, cell key perturbation). Nothing per vehicle, no plate, hash or key is ever written or logged. Its files are imported with &apos;stroom-cli import PROJECT DIR/*.csv&apos;.</source>
        <translation>De kant van de privacybestendige camera: leest nummerplaten in klaartekst (CSV-regels &apos;timestamp,camera_id,plate,vehicle_class,country&apos;) van stdin, TCP of MQTT, vervangt elke nummerplaat meteen door een hash met sleutel (SipHash-2-4, een willekeurige sleutel per dag vanaf 04:00 lokale tijd, enkel in het geheugen), bouwt verplaatsingen op volgens de regels van Stroom en schrijft per interval tellingen per camera en klasse (passages, verschillende voertuigen) en paarstromen (verplaatsingen die in het interval eindigden, gemiddelde reistijd) weg, na toepassing van het privacybeleid (k in verschillende voertuigen, verstoring met celsleutels). Niets per voertuig, geen nummerplaat, hash of sleutel wordt ooit weggeschreven of gelogd. De bestanden worden geïmporteerd met &apos;stroom-cli import PROJECT DIR/*.csv&apos;.</translation>
    </message>
    <message>
        <source>The project file to create.</source>
        <translation>Het aan te maken projectbestand.</translation>
    </message>
    <message>
        <source>The project.</source>
        <translation>Het project.</translation>
    </message>
    <message>
        <source>The public register (L3): only the fields citizens may see.</source>
        <translation>Het openbare register (L3): enkel de velden die burgers mogen zien.</translation>
    </message>
    <message>
        <source>The register&apos;s CSV (camera_id column): reads of other cameras are counted apart.</source>
        <translation>De CSV van het register (kolom camera_id): waarnemingen van andere camera&apos;s worden apart geteld.</translation>
    </message>
    <message>
        <source>The typical day per camera: camera,day_type,hour,median_passages,days, the median over the days (weekdays and weekends apart) of the released passages per local hour, classes together.</source>
        <translation>De typische dag per camera: camera,day_type,hour,median_passages,days, de mediaan over de dagen (weekdagen en weekends apart) van de vrijgegeven passages per lokaal uur, alle klassen samen.</translation>
    </message>
    <message>
        <source>Through traffic only.</source>
        <translation>Enkel doorgaand verkeer.</translation>
    </message>
    <message>
        <source>Through traffic: at least this many minutes (default 1).</source>
        <translation>Doorgaand verkeer: minstens zoveel minuten (standaard 1).</translation>
    </message>
    <message>
        <source>Through traffic: at most this many minutes (default 20); with --through-min or this, one fixed window for every gate pair unless --through-window pair.</source>
        <translation>Doorgaand verkeer: hoogstens zoveel minuten (standaard 20); met --through-min of deze optie één vast venster voor elk poortpaar, tenzij --through-window pair.</translation>
    </message>
    <message>
        <source>pair (default): each gate pair&apos;s own window, its median crossing time + 3 robust standard deviations (1.4826 × MAD), at least 5 min, where the pair has 30 trips and k vehicles on a day or more (the others keep the fixed window); fixed: DESIGN&apos;s --through-min to --through-max for all.</source>
        <translation>pair (standaard): elk poortpaar zijn eigen venster, zijn mediane doorkruistijd + 3 robuuste standaardafwijkingen (1,4826 × MAD), minstens 5 min, waar het paar 30 of meer verplaatsingen en k voertuigen op een dag heeft (de andere houden het vaste venster); fixed: --through-min tot --through-max uit het ontwerp voor alle paren.</translation>
    </message>
    <message>
        <source>cordon (default): by the cameras&apos; roles cordon-in and cordon-out; role-free (ANPR Metrics&apos; definition, for projects without roles): a vehicle whose reads of a day span less than an hour, with no camera twice.</source>
        <translation>cordon (standaard): volgens de camerarollen cordon-in en cordon-out; role-free (definitie van ANPR Metrics, voor projecten zonder rollen): een voertuig waarvan de lezingen van een dag minder dan een uur beslaan, zonder een camera twee keer.</translation>
    </message>
    <message>
        <source>List through traffic&apos;s window of every gate pair that has one of its own (CSV on standard output: origin, destination, trips, median and window in minutes).</source>
        <translation>Toon het venster voor doorgaand verkeer van elk poortpaar dat er een eigen heeft (CSV op standaarduitvoer: herkomst, bestemming, verplaatsingen, mediaan en venster in minuten).</translation>
    </message>
    <message>
        <source>Time zone of local times (default Europe/Brussels for nl, UTC otherwise).</source>
        <translation>Tijdzone van de lokale tijden (standaard Europe/Brussels voor nl, anders UTC).</translation>
    </message>
    <message>
        <source>Trip gap in seconds (default 1800).</source>
        <translation>Maximale pauze binnen een verplaatsing, in seconden (standaard 1800).</translation>
    </message>
    <message>
        <source>Trip gap in seconds (default: the stored one, 1800).</source>
        <translation>Maximale pauze binnen een verplaatsing, in seconden (standaard: de opgeslagen waarde, 1800).</translation>
    </message>
    <message>
        <source>Usage: stroom-cli COMMAND [options] …

Commands:
</source>
        <translation>Gebruik: stroom-cli OPDRACHT [opties] …

Opdrachten:
</translation>
    </message>
    <message>
        <source>Vehicle classes, e.g. car,van (default all).</source>
        <translation>Voertuigklassen, bv. car,van (standaard alle).</translation>
    </message>
    <message>
        <source>Vehicles drawn for unicity (default 5000).</source>
        <translation>Aantal voertuigen in de steekproef voor uniciteit (standaard 5000).</translation>
    </message>
    <message>
        <source>Vehicles in the fleet (default 20000).</source>
        <translation>Aantal voertuigen in de vloot (standaard 20000).</translation>
    </message>
    <message>
        <source>Why (kept in the audit trail; default: publication for citizen oversight).</source>
        <translation>Waarom (wordt bewaard in het auditlogboek; standaard: publicatie voor toezicht door burgers).</translation>
    </message>
    <message>
        <source>Why (required; kept in the audit trail).</source>
        <translation>Waarom (verplicht; wordt bewaard in het auditlogboek).</translation>
    </message>
    <message>
        <source>Why the trip parameters change (needed for --gap, --dedupe, --through-min or --through-max other than the stored ones; kept in the audit trail).</source>
        <translation>Waarom de verplaatsingsparameters wijzigen (nodig voor --gap, --dedupe, --through-min of --through-max die afwijken van de opgeslagen waarden; wordt bewaard in het auditlogboek).</translation>
    </message>
    <message>
        <source>Why this export is made (required; kept in the audit trail).</source>
        <translation>Waarom deze export gemaakt wordt (verplicht; wordt bewaard in het auditlogboek).</translation>
    </message>
    <message>
        <source>With --pseudonymise: keys rotate daily (default) or weekly (Monday 04:00); a trip across a rotation is cut in two, and the summary says how many were.</source>
        <translation>Met --pseudonymise: de sleutels wisselen daily (dagelijks, standaard) of weekly (wekelijks, maandag 04:00); een verplaatsing over een wissel heen wordt in tweeën geknipt, en de samenvatting meldt hoeveel.</translation>
    </message>
    <message>
        <source>Worker threads (default: all cores).</source>
        <translation>Aantal werkthreads (standaard: alle kernen).</translation>
    </message>
    <message>
        <source>Working folder (default: a temporary one, removed afterwards).</source>
        <translation>Werkmap (standaard: een tijdelijke, die achteraf verwijderd wordt).</translation>
    </message>
    <message>
        <source>Write Stroom&apos;s default template to FILE (to restyle in QGIS) and stop.</source>
        <translation>Het standaardsjabloon van Stroom naar FILE schrijven (om in QGIS aan te passen) en stoppen.</translation>
    </message>
    <message>
        <source>Writes journey times per consecutive camera pair inside trips: n, median, 15th and 85th percentile in seconds, after dropping outliers beyond median ± 3 × MAD. Privacy: pairs with fewer than k distinct vehicles are left out and counted; n and the outliers are perturbed by the cell key method (the outliers left empty when they came from fewer than k vehicles); --exact gives exact figures, audited as L1.</source>
        <translation>Schrijft reistijden weg per opeenvolgend camerapaar binnen verplaatsingen: n, mediaan, 15e en 85e percentiel in seconden, na het weglaten van uitschieters buiten mediaan ± 3 × MAD. Privacy: paren met minder dan k verschillende voertuigen worden weggelaten en geteld; n en de uitschieters worden verstoord met de celsleutelmethode (de uitschieters blijven leeg als ze van minder dan k voertuigen kwamen); --exact geeft exacte cijfers, in het auditlogboek opgenomen als L1.</translation>
    </message>
    <message>
        <source>Writes passages (kept reads) and distinct vehicles per camera, period (local hour or day) and class (distinct vehicles exact over the cell&apos;s period). Privacy: cells with fewer than k distinct vehicles are left out and counted; both figures are perturbed by the cell key method (noise -2..+2, zero mean, variance 1); --exact gives exact figures, audited as L1. Counts imported from privacy-proof cameras are included as rows of their own (source &apos;aggregate&apos;; k is tested on their largest imported cell).</source>
        <translation>Schrijft passages (behouden waarnemingen) en verschillende voertuigen weg per camera, periode (lokaal uur of dag) en klasse (verschillende voertuigen exact over de periode van de cel). Privacy: cellen met minder dan k verschillende voertuigen worden weggelaten en geteld; beide cijfers worden verstoord met de celsleutelmethode (ruis -2..+2, gemiddelde nul, variantie 1); --exact geeft exacte cijfers, in het auditlogboek opgenomen als L1. Tellingen geïmporteerd van privacybestendige camera&apos;s worden als aparte rijen opgenomen (source &apos;aggregate&apos;; k wordt getoetst op hun grootste geïmporteerde cel).</translation>
    </message>
    <message>
        <source>Writes the PDF report (QGIS print layout, A4 landscape): title, flow map with legend, scale bar and north arrow, the largest OD flows, through traffic, counts per camera with an hourly profile, journey times, the camera inventory, and method and privacy. Every figure has at least k distinct vehicles behind it and is perturbed by the cell key method (--exact: exact, audited as L1); the report is recorded in the audit trail.</source>
        <translation>Schrijft het PDF-rapport weg (QGIS-afdruklay-out, A4 liggend): titel, stromenkaart met legende, schaalbalk en noordpijl, de grootste HB-stromen, doorgaand verkeer, tellingen per camera met een uurprofiel, reistijden, de camera-inventaris, en methode en privacy. Achter elk cijfer zitten minstens k verschillende voertuigen en elk cijfer is verstoord met de celsleutelmethode (--exact: exact, in het auditlogboek opgenomen als L1); het rapport wordt vastgelegd in het auditlogboek.</translation>
    </message>
    <message>
        <source>Writes the camera register; with --public only its public fields (id, name, site, directions, owner, operator, purpose, legal basis, registered, installed, status).</source>
        <translation>Schrijft het cameraregister weg; met --public enkel de openbare velden (id, naam, locatie, richtingen, eigenaar, beheerder, doel, rechtsgrond, geregistreerd, geïnstalleerd, status).</translation>
    </message>
    <message>
        <source>Writes the origin-destination matrix: origin,destination,trips sorted by origin then destination. Privacy: a cell needs at least k distinct vehicles (else it is left out and counted on stderr and in the audit trail); every published figure is perturbed by the cell key method (noise -2..+2, zero mean, variance 1: the same cell always reads the same, so differencing queries recovers nothing exactly); totals are sums of published cells. --exact gives exact figures, audited as layer L1. Single-read trips are counted apart and left out. Pair flows imported from privacy-proof cameras go to NAME.aggregates.csv beside --out (origin,destination,vehicles,source), through the same rules.</source>
        <translation>Schrijft de herkomst-bestemmingsmatrix (HB-matrix) weg: origin,destination,trips, gesorteerd op herkomst en dan op bestemming. Privacy: een cel heeft minstens k verschillende voertuigen nodig (anders wordt ze weggelaten en geteld op stderr en in het auditlogboek); elk gepubliceerd cijfer wordt verstoord met de celsleutelmethode (ruis -2..+2, gemiddelde nul, variantie 1: dezelfde cel geeft altijd hetzelfde resultaat, zodat verschilquery&apos;s niets exact prijsgeven); totalen zijn sommen van gepubliceerde cellen. --exact geeft exacte cijfers, in het auditlogboek opgenomen als laag L1. Verplaatsingen met één waarneming worden apart geteld en weggelaten. Paarstromen geïmporteerd van privacybestendige camera&apos;s gaan naar NAME.aggregates.csv naast --out (origin,destination,vehicles,source), volgens dezelfde regels.</translation>
    </message>
    <message>
        <source>Writes the transparency report for citizens (layer L3): the cameras by owner and purpose, what data is held (reads kept per month, aggregates, the retention period, what was purged), how published figures are protected (k, the cell key method), and what the data was used for, from the audit trail by month, kind of use, purpose and layer. It names no user and no file, and masks anything plate-like in a purpose. Recorded in the audit trail.</source>
        <translation>Schrijft het transparantierapport voor burgers weg (laag L3): de camera&apos;s per eigenaar en doel, welke gegevens bewaard worden (bewaarde waarnemingen per maand, aggregaten, de bewaartermijn, wat gewist werd), hoe gepubliceerde cijfers beschermd worden (k, de celsleutelmethode) en waarvoor de gegevens gebruikt werden, uit het auditlogboek per maand, soort gebruik, doel en laag. Het noemt geen gebruiker en geen bestand, en maskeert alles in een doel wat op een nummerplaat lijkt. Wordt vastgelegd in het auditlogboek.</translation>
    </message>
    <message>
        <source>[options]</source>
        <translation>[opties]</translation>
    </message>
    <message>
        <source>abort (default): a bad row stops the file; skip: bad rows are counted and left out.</source>
        <translation>abort (standaard): een foute rij stopt de verwerking van het bestand; skip: foute rijen worden geteld en weggelaten.</translation>
    </message>
    <message>
        <source>add or update cameras from CSV, GeoJSON, GeoPackage, Shapefile, OpenStreetMap</source>
        <translation>camera&apos;s toevoegen of bijwerken vanuit CSV, GeoJSON, GeoPackage, Shapefile, OpenStreetMap</translation>
    </message>
    <message>
        <source>add or update zones from GeoJSON, GeoPackage, Shapefile</source>
        <translation>zones toevoegen of bijwerken vanuit GeoJSON, GeoPackage, Shapefile</translation>
    </message>
    <message>
        <source>all (default), weekday or weekend.</source>
        <translation>all (standaard), weekday of weekend.</translation>
    </message>
    <message>
        <source>auto (default), standard, nl, anpr-metrics, counts or pairflows.</source>
        <translation>auto (standaard), standard, nl, anpr-metrics, counts of pairflows.</translation>
    </message>
    <message>
        <source>build (or rebuild) trips and the aggregate cube from the imported reads</source>
        <translation>verplaatsingen en de aggregatiekubus (opnieuw) opbouwen uit de geïmporteerde waarnemingen</translation>
    </message>
    <message>
        <source>camera (default) or city: with city, the distinct vehicles seen at any camera (each once), as period,vehicles; implies --distinct. Counts imported from privacy-proof cameras cannot say which vehicles they share and are left out of --distinct.</source>
        <translation>camera (standaard) of city: met city de verschillende voertuigen die aan eender welke camera gezien zijn (elk één keer), als period,vehicles; houdt --distinct in. Tellingen geïmporteerd van privacybestendige camera&apos;s kunnen niet zeggen welke voertuigen ze delen en blijven buiten --distinct.</translation>
    </message>
    <message>
        <source>camera (default) or zone.</source>
        <translation>camera (standaard) of zone.</translation>
    </message>
    <message>
        <source>cameras per owner; the owner mapping table; near-duplicate suggestions</source>
        <translation>camera&apos;s per eigenaar; de koppeltabel van eigenaars; voorstellen voor bijna-identieke namen</translation>
    </message>
    <message>
        <source>check the audit trail&apos;s hash chain (exit 3 names the first broken record)</source>
        <translation>de hashketen van het auditlogboek controleren (afsluitcode 3 noemt het eerste verbroken record)</translation>
    </message>
    <message>
        <source>counts and pair flows from clear plates at the camera, for Stroom; nothing per vehicle leaves it</source>
        <translation>tellingen en paarstromen uit nummerplaten in klaartekst aan de camera, voor Stroom; niets per voertuig verlaat de camera</translation>
    </message>
    <message>
        <source>create a new project (GeoPackage)</source>
        <translation>een nieuw project aanmaken (GeoPackage)</translation>
    </message>
    <message>
        <source>daily (default) or weekly, at 04:00 local.</source>
        <translation>daily (standaard) of weekly, om 04:00 lokale tijd.</translation>
    </message>
    <message>
        <source>for citizens: cameras by owner and purpose, data held, protection, uses by purpose</source>
        <translation>voor burgers: camera&apos;s per eigenaar en doel, bewaarde gegevens, bescherming, gebruik per doel</translation>
    </message>
    <message>
        <source>generate the demo city (cameras, zones, ANPR exports, true trips)</source>
        <translation>de demostad genereren (camera&apos;s, zones, ANPR-exports, werkelijke verplaatsingen)</translation>
    </message>
    <message>
        <source>hour (default) or day.</source>
        <translation>hour (standaard) of day.</translation>
    </message>
    <message>
        <source>hour or day: one long table origin,destination,period,trips (period a local hour or date), each period&apos;s cells released on their own (CSV only; pair flows imported from privacy-proof cameras are left out).</source>
        <translation>hour of day: één lange tabel origin,destination,period,trips (period een lokaal uur of een lokale datum), de cellen van elke periode elk apart vrijgegeven (enkel CSV; paarstromen geïmporteerd van privacybestendige camera&apos;s blijven erbuiten).</translation>
    </message>
    <message>
        <source>import ANPR exports (reads) or camera aggregates into a project</source>
        <translation>import van ANPR-exports (waarnemingen) of camera-aggregaten in een project</translation>
    </message>
    <message>
        <source>import, trips or pipeline.</source>
        <translation>import, trips of pipeline.</translation>
    </message>
    <message>
        <source>pipeline: runs of each size (default 1); the table gives the median.</source>
        <translation>pipeline: aantal runs per grootte (standaard 1); de tabel geeft de mediaan.</translation>
    </message>
    <message>
        <source>journey times between consecutive cameras (median, p15, p85)</source>
        <translation>reistijden tussen opeenvolgende camera&apos;s (mediaan, p15, p85)</translation>
    </message>
    <message>
        <source>measure the performance budgets against a reference tool</source>
        <translation>de prestatiebudgetten meten tegenover een referentietool</translation>
    </message>
    <message>
        <source>nl or en (default en), for the PDF.</source>
        <translation>nl of en (standaard en), voor de PDF.</translation>
    </message>
    <message>
        <source>nl or en (default en).</source>
        <translation>nl of en (standaard en).</translation>
    </message>
    <message>
        <source>origin-destination flows, counts and the camera register from pseudonymised ANPR data, on the command line</source>
        <translation>herkomst-bestemmingsstromen, tellingen en het cameraregister uit gepseudonimiseerde ANPR-data, op de opdrachtregel</translation>
    </message>
    <message>
        <source>origin-destination matrix (od.csv, or .gpkg/.geojson with flow lines)</source>
        <translation>herkomst-bestemmingsmatrix (od.csv, of .gpkg/.geojson met stroomlijnen)</translation>
    </message>
    <message>
        <source>passages and distinct vehicles per camera and hour or day</source>
        <translation>passages en verschillende voertuigen per camera en per uur of dag</translation>
    </message>
    <message>
        <source>re-identification risk of the reads: unicity, linkability, trips under k</source>
        <translation>heridentificatierisico van de waarnemingen: uniciteit, koppelbaarheid, verplaatsingen onder k</translation>
    </message>
    <message>
        <source>remove pseudonymised reads (and trips) for a range, keeping every aggregate; retention</source>
        <translation>gepseudonimiseerde waarnemingen (en verplaatsingen) van een periode verwijderen, met behoud van alle aggregaten; bewaartermijn</translation>
    </message>
    <message>
        <source>the PDF report (flow map, OD, counts, journey times, inventory, privacy)</source>
        <translation>het PDF-rapport (stromenkaart, HB, tellingen, reistijden, inventaris, privacy)</translation>
    </message>
    <message>
        <source>the audit trail: every export, report and copy, with user, purpose and layer</source>
        <translation>het auditlogboek: elke export, elk rapport en elke kopie, met gebruiker, doel en laag</translation>
    </message>
    <message>
        <source>the camera register (--public: the public register; .pdf: its listing)</source>
        <translation>het cameraregister (--public: het openbare register; .pdf: als lijst)</translation>
    </message>
    <message>
        <source>trips: run the sqlite3 window-function reference only up to this many reads (default 1000000; at 10 million it takes minutes).</source>
        <translation>trips: de sqlite3-referentie met vensterfuncties enkel uitvoeren tot zoveel waarnemingen (standaard 1000000; bij 10 miljoen duurt ze minuten).</translation>
    </message>
    <message>
        <source>The first period, FROM/TO (local dates, inclusive).</source>
        <translation>De eerste periode, VAN/TOT (lokale datums, inbegrepen).</translation>
    </message>
    <message>
        <source>The second period, FROM/TO (local dates, inclusive).</source>
        <translation>De tweede periode, VAN/TOT (lokale datums, inbegrepen).</translation>
    </message>
    <message>
        <source>Add origin_name and destination_name after the usual columns.</source>
        <translation>Voeg origin_name en destination_name toe na de gewone kolommen.</translation>
    </message>
    <message>
        <source>Compares the OD matrix of two periods (before and after a measure): origin,destination,before,after,change,change_pct,significant, where before and after are trips per day (each period&apos;s released figure divided by its days with data), change = after - before, change_pct against before. The other filters (days, hours, class, through) apply to both periods; the periods may not overlap and need at least 4 days with data each. Privacy: each period is released as a flows query for that period alone would be (k distinct vehicles, cell key noise unless --exact); a cell under k in a period has an empty figure there and no change; cells under k in both are left out and counted. Significant: a two-sided permutation test of the difference in daily trips at the 5% level, over every split of the days of both periods that exchanges weekdays with weekdays and weekend days with weekend days (or 4,999 random splits when there are more than 20,000), one test per cell with no correction for the number of cells (about 1 unchanged cell in 20 is flagged). .gpkg/.geojson write the same fields on the flow lines.</source>
        <translation>Vergelijkt de HB-matrix van twee periodes (voor en na een maatregel): origin,destination,before,after,change,change_pct,significant, waarbij before en after ritten per dag zijn (het vrijgegeven cijfer van de periode gedeeld door haar dagen met gegevens), change = after - before, change_pct ten opzichte van before. De andere filters (dagen, uren, klasse, doorgaand) gelden voor beide periodes; de periodes mogen niet overlappen en hebben elk minstens 4 dagen met gegevens nodig. Privacy: elke periode wordt vrijgegeven zoals een flows-opvraging voor die periode alleen (k verschillende voertuigen, celsleutelruis tenzij --exact); een cel onder k in een periode heeft daar een leeg cijfer en geen verandering; cellen onder k in beide worden weggelaten en geteld. Significant: een tweezijdige permutatietoets van het verschil in ritten per dag op het 5%-niveau, over elke verdeling van de dagen van beide periodes die weekdagen met weekdagen en weekenddagen met weekenddagen ruilt (of 4.999 willekeurige verdelingen als er meer dan 20.000 zijn), één toets per cel zonder correctie voor het aantal cellen (ongeveer 1 op 20 onveranderde cellen wordt gemarkeerd). .gpkg/.geojson schrijven dezelfde velden op de stroomlijnen.</translation>
    </message>
    <message>
        <source>the OD matrix of two periods: per-day change and whether it is significant</source>
        <translation>de HB-matrix van twee periodes: verandering per dag en of die significant is</translation>
    </message>
    <message>
        <source>With --after: a before/after page comparing this period (FROM/TO, local dates) with the later one, as compare releases it; the other pages show this period.</source>
        <translation>Met --after: een voor/na-pagina die deze periode (VAN/TOT, lokale datums) vergelijkt met de latere, zoals compare ze vrijgeeft; de andere pagina&apos;s tonen deze periode.</translation>
    </message>
    <message>
        <source>The later period of the before/after page (FROM/TO).</source>
        <translation>De latere periode van de voor/na-pagina (VAN/TOT).</translation>
    </message>
    <message>
        <source>Frame size in pixels (default 960x720).</source>
        <translation>Beeldgrootte in pixels (standaard 960x720).</translation>
    </message>
    <message>
        <source>Milliseconds per frame (default 800).</source>
        <translation>Milliseconden per beeld (standaard 800).</translation>
    </message>
    <message>
        <source>The largest flows drawn per frame (default 100).</source>
        <translation>De grootste stromen die per beeld getekend worden (standaard 100).</translation>
    </message>
    <message>
        <source>hour (each hour of the day, the filter&apos;s days together; default) or day (each local day).</source>
        <translation>hour (elk uur van de dag, de dagen van de filter samen; standaard) of day (elke lokale dag).</translation>
    </message>
    <message>
        <source>the flow map per hour of the day or per day, as an animated GIF</source>
        <translation>de stroomkaart per uur van de dag of per dag, als geanimeerde GIF</translation>
    </message>
    <message>
        <source>Writes the flow map through time as an animated GIF: one frame per hour of the day or per day, the period and the filter on each frame, one legend for all frames (set by the busiest frame, so widths and colours compare). Privacy: each frame&apos;s flows are released as a flows query for that hour or day alone would be (k distinct vehicles, cell key noise unless --exact); the file is recorded in the audit trail with the cells left out of every frame.</source>
        <translation>Schrijft de stroomkaart doorheen de tijd als geanimeerde GIF: één beeld per uur van de dag of per dag, met de periode en de filter op elk beeld, één legende voor alle beelden (bepaald door het drukste beeld, zodat breedtes en kleuren vergelijkbaar zijn). Privacy: de stromen van elk beeld worden vrijgegeven zoals een flows-opvraging voor dat uur of die dag alleen (k verschillende voertuigen, celsleutelruis tenzij --exact); het bestand wordt opgenomen in het auditlogboek met de cellen die in elk beeld zijn weggelaten.</translation>
    </message>
</context>
</TS>
