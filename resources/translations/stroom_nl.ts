<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_BE">
<context>
    <name>Basemap</name>
    <message>
        <source>No basemap</source>
        <translation>Geen achtergrondkaart</translation>
    </message>
    <message>
        <source>Roads of the project</source>
        <translation>Wegen van het project</translation>
    </message>
    <message>
        <source>Roads from a file</source>
        <translation>Wegen uit een bestand</translation>
    </message>
    <message>
        <source>OpenStreetMap (online)</source>
        <translation>OpenStreetMap (online)</translation>
    </message>
    <message>
        <source>GRB base map, Flanders (online)</source>
        <translation>GRB-basiskaart Vlaanderen (online)</translation>
    </message>
    <message>
        <source>Orthophoto, Flanders (online)</source>
        <translation>Orthofoto Vlaanderen (online)</translation>
    </message>
    <message>
        <source>© OpenStreetMap contributors, ODbL</source>
        <translation>© OpenStreetMap-bijdragers, ODbL</translation>
    </message>
    <message>
        <source>© Digitaal Vlaanderen, Flemish model licence for free reuse</source>
        <translation>© Digitaal Vlaanderen, Modellicentie Gratis Hergebruik</translation>
    </message>
    <message>
        <source>Roads: the project&apos;s road layer</source>
        <translation>Wegen: de weglaag van het project</translation>
    </message>
    <message>
        <source>no basemap chosen</source>
        <translation>geen achtergrondkaart gekozen</translation>
    </message>
    <message>
        <source>no network: %1</source>
        <translation>geen netwerk: %1</translation>
    </message>
    <message>
        <source>the server did not give the layer</source>
        <translation>de server leverde de laag niet</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: dat bestand bestaat niet</translation>
    </message>
    <message>
        <source>Roads (%1)</source>
        <translation>Wegen (%1)</translation>
    </message>
    <message>
        <source>the project has no road layer</source>
        <translation>het project heeft geen weglaag</translation>
    </message>
    <message>
        <source>%1: no road lines in it</source>
        <translation>%1: bevat geen weglijnen</translation>
    </message>
    <message>
        <source>Minor roads</source>
        <translation>Lokale wegen</translation>
    </message>
    <message>
        <source>Secondary roads</source>
        <translation>Secundaire wegen</translation>
    </message>
    <message>
        <source>Main roads</source>
        <translation>Hoofdwegen</translation>
    </message>
</context>
<context>
    <name>CameraSymbology</name>
    <message>
        <source>Owner unknown</source>
        <translation>Eigenaar onbekend</translation>
    </message>
    <message>
        <source>Purpose unknown</source>
        <translation>Doel onbekend</translation>
    </message>
</context>
<context>
    <name>ErrorBoundary</name>
    <message>
        <source>The map library reported a problem: %1</source>
        <translation>De kaartbibliotheek meldt een probleem: %1</translation>
    </message>
    <message>
        <source>Unexpected problem: %1</source>
        <translation>Onverwacht probleem: %1</translation>
    </message>
    <message>
        <source>Unexpected problem of an unknown kind</source>
        <translation>Onverwacht probleem van onbekende aard</translation>
    </message>
</context>
<context>
    <name>FlowAnimation</name>
    <message>
        <source>%1 trips in %2 flows drawn · k = %3</source>
        <translation>%1 verplaatsingen in %2 getekende stromen · k = %3</translation>
    </message>
</context>
<context>
    <name>FlowMap</name>
    <message>
        <source>Flows (trips)</source>
        <translation>Stromen (verplaatsingen)</translation>
    </message>
    <message>
        <source>%1 – %2 trips</source>
        <translation>%1 – %2 verplaatsingen</translation>
    </message>
    <message>
        <source>%1 trips or more</source>
        <translation>%1 verplaatsingen of meer</translation>
    </message>
    <message>
        <source>Trips within a zone</source>
        <translation>Verplaatsingen binnen een zone</translation>
    </message>
    <message>
        <source>Trips within the zone</source>
        <translation>Verplaatsingen binnen de zone</translation>
    </message>
    <message>
        <source>−50 % or less (or under k after)</source>
        <translation>−50 % of minder (of onder k na)</translation>
    </message>
    <message>
        <source>−50 % to −20 %</source>
        <translation>−50 % tot −20 %</translation>
    </message>
    <message>
        <source>−20 % to −5 %</source>
        <translation>−20 % tot −5 %</translation>
    </message>
    <message>
        <source>−5 % to +5 %</source>
        <translation>−5 % tot +5 %</translation>
    </message>
    <message>
        <source>+5 % to +20 %</source>
        <translation>+5 % tot +20 %</translation>
    </message>
    <message>
        <source>+20 % to +50 %</source>
        <translation>+20 % tot +50 %</translation>
    </message>
    <message>
        <source>+50 % or more (or under k before)</source>
        <translation>+50 % of meer (of onder k voor)</translation>
    </message>
    <message>
        <source>Not significant (5 %)</source>
        <translation>Niet significant (5 %)</translation>
    </message>
    <message>
        <source>Change in trips per day</source>
        <translation>Verandering in verplaatsingen per dag</translation>
    </message>
</context>
<context>
    <name>PrivacyGuard</name>
    <message>
        <source>looks like a clear number plate, not a pseudonym; Stroom never stores plates. Pseudonymise the export first, or import with --pseudonymise</source>
        <translation>lijkt op een leesbare nummerplaat, niet op een pseudoniem; Stroom bewaart nooit nummerplaten. Pseudonimiseer de export eerst, of importeer met --pseudonymise</translation>
    </message>
    <message>
        <source>is not a pseudonym (expected at least 16 characters of hex or base64, or a UUID); import with --pseudonymise to hash it on import</source>
        <translation>is geen pseudoniem (verwacht: minstens 16 tekens hex of base64, of een UUID); importeer met --pseudonymise om het bij de import te hashen</translation>
    </message>
</context>
<context>
    <name>ProjectLayers</name>
    <message>
        <source>Cameras</source>
        <translation>Camera&apos;s</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>%1: no such project file</source>
        <translation>%1: dit projectbestand bestaat niet</translation>
    </message>
    <message>
        <source>%1: the cameras or zones layer cannot be opened</source>
        <translation>%1: de laag met camera&apos;s of zones kan niet worden geopend</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>QGIS data providers missing: %1 (QGIS prefix %2). Install the Debian package qgis-providers, or set STROOM_QGIS_PREFIX.</source>
        <translation>QGIS-gegevensproviders ontbreken: %1 (QGIS-prefix %2). Installeer het Debian-pakket qgis-providers of stel STROOM_QGIS_PREFIX in.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Stroom: origin-destination flows, counts and the camera register from pseudonymised ANPR data.</source>
        <translation>Stroom: herkomst-bestemmingsstromen, tellingen en het cameraregister uit gepseudonimiseerde ANPR-gegevens.</translation>
    </message>
    <message>
        <source>Project to open (default: the demo city).</source>
        <translation>Te openen project (standaard: de demostad).</translation>
    </message>
    <message>
        <source>Save a screenshot of the window and quit.</source>
        <translation>Een schermafdruk van het venster bewaren en afsluiten.</translation>
    </message>
    <message>
        <source>Window size, e.g. 1400x900.</source>
        <translation>Venstergrootte, bv. 1400x900.</translation>
    </message>
    <message>
        <source>Open the import dialog with FILE chosen (repeatable).</source>
        <translation>Het importvenster openen met BESTAND gekozen (herhaalbaar).</translation>
    </message>
    <message>
        <source>Select a camera (by id) and show its details.</source>
        <translation>Een camera selecteren (op id) en de details tonen.</translation>
    </message>
    <message>
        <source>Open with the camera register shown.</source>
        <translation>Openen met het cameraregister zichtbaar.</translation>
    </message>
    <message>
        <source>origin-destination flows, counts and the camera register from pseudonymised ANPR data, on a map</source>
        <translation>herkomst-bestemmingsstromen, tellingen en het cameraregister uit gepseudonimiseerde ANPR-gegevens, op een kaart</translation>
    </message>
    <message>
        <source>Start with these filters, e.g. hours=7-10,class=truck,through,zones,days=weekday; from=DATE,to=DATE,compare=FROM/TO compares that period with a later one.</source>
        <translation>Starten met deze filters, bv. hours=7-10,class=truck,through,zones,days=weekday; from=DATUM,to=DATUM,compare=VAN/TOT vergelijkt die periode met een latere.</translation>
    </message>
</context>
<context>
    <name>stroom::FlowFilter</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 tot %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>vanaf %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>tot %1</translation>
    </message>
    <message>
        <source>weekdays</source>
        <translation>weekdagen</translation>
    </message>
    <message>
        <source>weekends</source>
        <translation>weekends</translation>
    </message>
    <message>
        <source>%1–%2 h</source>
        <translation>%1–%2 u</translation>
    </message>
    <message>
        <source>through traffic only</source>
        <translation>enkel doorgaand verkeer</translation>
    </message>
</context>
<context>
    <name>stroom::desktop::MainWindow</name>
    <message>
        <source>Stroom</source>
        <translation>Stroom</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nieuw project…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>Project &amp;openen…</translation>
    </message>
    <message>
        <source>&amp;Import ANPR data…</source>
        <translation>ANPR-gegevens &amp;importeren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Be&amp;eld</translation>
    </message>
    <message>
        <source>Zoom to &amp;project</source>
        <translation>Zoomen naar &amp;project</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Kaart</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Stroom</source>
        <translation>&amp;Over Stroom</translation>
    </message>
    <message>
        <source>%1 – Stroom</source>
        <translation>%1 – Stroom</translation>
    </message>
    <message numerus="yes">
        <source>%n camera(s)</source>
        <translation>
            <numerusform>%n camera</numerusform>
            <numerusform>%n camera&apos;s</numerusform>
        </translation>
    </message>
    <message>
        <source>New Stroom project</source>
        <translation>Nieuw Stroom-project</translation>
    </message>
    <message>
        <source>Stroom project (*.gpkg)</source>
        <translation>Stroom-project (*.gpkg)</translation>
    </message>
    <message>
        <source>Open Stroom project</source>
        <translation>Stroom-project openen</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>Open eerst een project of maak er een aan.</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>The view was not saved: %1</source>
        <translation>De weergave is niet bewaard: %1</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Systeemtaal</translation>
    </message>
    <message>
        <source>The language changes when Stroom starts again.</source>
        <translation>De taal verandert wanneer Stroom opnieuw start.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>&amp;Rapport exporteren…</translation>
    </message>
    <message>
        <source>Cameras by &amp;purpose (else by owner)</source>
        <translation>Camera&apos;s per &amp;doel (anders per eigenaar)</translation>
    </message>
    <message>
        <source>P&amp;lace a camera</source>
        <translation>Camera &amp;plaatsen</translation>
    </message>
    <message>
        <source>&amp;Move a camera</source>
        <translation>Camera &amp;verplaatsen</translation>
    </message>
    <message>
        <source>&amp;Turn a camera (Shift adds a direction)</source>
        <translation>Camera &amp;draaien (Shift voegt een richting toe)</translation>
    </message>
    <message>
        <source>Import &amp;cameras…</source>
        <translation>&amp;Camera&apos;s importeren…</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Camera&apos;s</translation>
    </message>
    <message>
        <source>Cameras (*.csv *.geojson *.json *.gpkg *.shp *.osm);;All files (*)</source>
        <translation>Camera&apos;s (*.csv *.geojson *.json *.gpkg *.shp *.osm);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>&amp;Publish the camera register…</source>
        <translation>Cameraregister &amp;publiceren…</translation>
    </message>
    <message>
        <source>Public camera register</source>
        <translation>Publiek cameraregister</translation>
    </message>
    <message>
        <source>PDF listing (*.pdf);;GeoJSON (*.geojson);;CSV (*.csv)</source>
        <translation>PDF-lijst (*.pdf);;GeoJSON (*.geojson);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>What is this publication for? (kept in the audit trail)</source>
        <translation>Waarvoor dient deze publicatie? (bewaard in het auditlogboek)</translation>
    </message>
    <message>
        <source>publication of the camera register</source>
        <translation>publicatie van het cameraregister</translation>
    </message>
    <message>
        <source>The public register was written to %1</source>
        <translation>Het publieke register is weggeschreven naar %1</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Auditlogboek…</translation>
    </message>
    <message>
        <source>P&amp;urge reads…</source>
        <translation>&amp;Waarnemingen wissen…</translation>
    </message>
    <message>
        <source>Publish the &amp;transparency report…</source>
        <translation>&amp;Transparantierapport publiceren…</translation>
    </message>
    <message>
        <source>Transparency report</source>
        <translation>Transparantierapport</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;GeoJSON (*.geojson)</source>
        <translation>PDF (*.pdf);;GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <source>publication for citizen oversight</source>
        <translation>publicatie voor toezicht door burgers</translation>
    </message>
    <message>
        <source>The transparency report was written to %1</source>
        <translation>Het transparantierapport is weggeschreven naar %1</translation>
    </message>
    <message>
        <source>&amp;Re-identification risk…</source>
        <translation>&amp;Heridentificatierisico…</translation>
    </message>
    <message>
        <source>Import &amp;zones…</source>
        <translation>&amp;Zones importeren…</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>Zones (*.geojson *.json *.gpkg *.shp);;All files (*)</source>
        <translation>Zones (*.geojson *.json *.gpkg *.shp);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>%1: no features with attributes in it</source>
        <translation>%1: bevat geen objecten met attributen</translation>
    </message>
    <message>
        <source>Which field holds each zone&apos;s id?</source>
        <translation>Welk veld bevat de id van elke zone?</translation>
    </message>
    <message>
        <source>Which field holds its name?</source>
        <translation>Welk veld bevat de naam van elke zone?</translation>
    </message>
    <message>
        <source>Show its flows</source>
        <translation>Stromen van deze camera tonen</translation>
    </message>
    <message>
        <source>Zoom to the camera</source>
        <translation>Inzoomen op de camera</translation>
    </message>
    <message>
        <source>Show in the register</source>
        <translation>Tonen in het register</translation>
    </message>
    <message>
        <source>Edit the camera…</source>
        <translation>De camera bewerken…</translation>
    </message>
    <message>
        <source>Copy the camera id</source>
        <translation>De id van de camera kopiëren</translation>
    </message>
    <message>
        <source>Zoom to project</source>
        <translation>Zoomen naar het project</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>Zoomen naar de selectie</translation>
    </message>
    <message>
        <source>&amp;Manual</source>
        <translation>&amp;Handleiding</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>Animatie exporteren</translation>
    </message>
    <message>
        <source>Animated GIF (*.gif)</source>
        <translation>Geanimeerde GIF (*.gif)</translation>
    </message>
    <message>
        <source>What is this animation for? (kept in the audit trail)</source>
        <translation>Waarvoor dient deze animatie? (bewaard in het auditlogboek)</translation>
    </message>
    <message>
        <source>The animation was written to %1</source>
        <translation>De animatie is weggeschreven naar %1</translation>
    </message>
    <message>
        <source>&amp;Through traffic…</source>
        <translation>&amp;Doorgaand verkeer…</translation>
    </message>
</context>
<context>
    <name>stroom::maps::LayoutKit</name>
    <message>
        <source>%1: the PDF could not be written (%2)</source>
        <translation>%1: de pdf kon niet worden geschreven (%2)</translation>
    </message>
</context>
<context>
    <name>stroom::maps::RegisterListing</name>
    <message>
        <source>Public register of ANPR cameras</source>
        <translation>Publiek register van ANPR-camera&apos;s</translation>
    </message>
    <message>
        <source>%1 · %2 cameras · as of %3. Public fields only: who owns each camera, what it is for and on what legal basis.</source>
        <translation>%1 · %2 camera&apos;s · stand van %3. Enkel publieke velden: van wie elke camera is, waarvoor ze dient en op welke rechtsgrond.</translation>
    </message>
    <message>
        <source>owner unknown</source>
        <translation>eigenaar onbekend</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Camera&apos;s</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Rechtsgrond</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>Richtingen</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Geregistreerd</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 other owners</source>
        <translation>%1 andere eigenaars</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>Doeleinden</translation>
    </message>
</context>
<context>
    <name>stroom::maps::ReportLayout</name>
    <message>
        <source>Traffic flows from ANPR cameras</source>
        <translation>Verkeersstromen uit ANPR-camera&apos;s</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>Periode: %1</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>geen gegevens</translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation>Filters: %1</translation>
    </message>
    <message>
        <source>none (all trips)</source>
        <translation>geen (alle verplaatsingen)</translation>
    </message>
    <message>
        <source>Purpose: %1</source>
        <translation>Doel: %1</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>niet opgegeven</translation>
    </message>
    <message>
        <source>Generated: %1</source>
        <translation>Aangemaakt: %1</translation>
    </message>
    <message>
        <source>Where trips go: the largest flows</source>
        <translation>Waar verplaatsingen heen gaan: de grootste stromen</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>The largest origin–destination flows</source>
        <translation>De grootste herkomst-bestemmingsstromen</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkomst</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Bestemming</translation>
    </message>
    <message>
        <source>Trips</source>
        <translation>Verplaatsingen</translation>
    </message>
    <message>
        <source>Share of origin</source>
        <translation>Aandeel van de herkomst</translation>
    </message>
    <message>
        <source>Through traffic</source>
        <translation>Doorgaand verkeer</translation>
    </message>
    <message>
        <source>Passages per camera</source>
        <translation>Passages per camera</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Passages</translation>
    </message>
    <message>
        <source>Journey times between consecutive cameras</source>
        <translation>Reistijden tussen opeenvolgende camera&apos;s</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Naar</translation>
    </message>
    <message>
        <source>Median (min)</source>
        <translation>Mediaan (min)</translation>
    </message>
    <message>
        <source>15th pct (min)</source>
        <translation>15e pct (min)</translation>
    </message>
    <message>
        <source>85th pct (min)</source>
        <translation>85e pct (min)</translation>
    </message>
    <message>
        <source>The cameras: who owns them and what for</source>
        <translation>De camera&apos;s: van wie ze zijn en waarvoor ze dienen</translation>
    </message>
    <message>
        <source>owner unknown</source>
        <translation>eigenaar onbekend</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Camera&apos;s</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Politie</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Verkeer</translation>
    </message>
    <message>
        <source>LEZ</source>
        <translation>LEZ</translation>
    </message>
    <message>
        <source>Section control</source>
        <translation>Trajectcontrole</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>Parkeren</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>Unregistered</source>
        <translation>Niet geregistreerd</translation>
    </message>
    <message>
        <source>No legal basis</source>
        <translation>Zonder rechtsgrond</translation>
    </message>
    <message>
        <source>%1 cameras in the register. Unregistered: seen in the ANPR data but not in the register. The register is public information (layer L3).</source>
        <translation>%1 camera&apos;s in het register. Niet geregistreerd: gezien in de ANPR-gegevens maar niet in het register. Het register is openbare informatie (laag L3).</translation>
    </message>
    <message>
        <source>Method and privacy</source>
        <translation>Methode en privacy</translation>
    </message>
    <message>
        <source>Method. Number-plate reads arrive pseudonymised: clear plates never enter Stroom. Reads of one pseudonym are taken in time order; a read at the same camera within %1 s of an earlier one is a duplicate; reads form one trip while the gap between them is at most %2 s. Origin and destination are the first and last camera of a trip. Trips seen by one camera only are counted apart. Journey times are taken between consecutive cameras of a trip.</source>
        <translation>Methode. Nummerplaatwaarnemingen komen gepseudonimiseerd binnen: leesbare nummerplaten komen nooit in Stroom. De waarnemingen van één pseudoniem worden in tijdsvolgorde gezet; een waarneming bij dezelfde camera binnen %1 s na een eerdere geldt als dubbel; waarnemingen vormen één verplaatsing zolang de tussentijd hoogstens %2 s is. Herkomst en bestemming zijn de eerste en de laatste camera van een verplaatsing. Verplaatsingen die door slechts één camera gezien zijn, worden apart geteld. Reistijden worden gemeten tussen opeenvolgende camera&apos;s van een verplaatsing.</translation>
    </message>
    <message>
        <source>Retention. No pseudonymised reads (L0) are kept in this project.</source>
        <translation>Bewaring. Dit project bewaart geen gepseudonimiseerde waarnemingen (L0).</translation>
    </message>
    <message>
        <source>Retention. The project keeps %1 pseudonymised reads (L0) from %2 to %3, in a separate file that is never shared with the project; they can be purged once aggregated, and the aggregates stay.</source>
        <translation>Bewaring. Het project bewaart %1 gepseudonimiseerde waarnemingen (L0) van %2 tot %3, in een apart bestand dat nooit met het project wordt gedeeld; ze kunnen worden gewist zodra ze geaggregeerd zijn; de aggregaten blijven bestaan.</translation>
    </message>
    <message>
        <source>Purpose of this report: %1.</source>
        <translation>Doel van dit rapport: %1.</translation>
    </message>
    <message>
        <source>Generated on %1 by Stroom; this report is recorded in the project&apos;s audit trail.</source>
        <translation>Aangemaakt op %1 door Stroom; dit rapport staat in het auditlogboek van het project.</translation>
    </message>
    <message>
        <source>%1 · %2 · generated %3 · page %4 of %5</source>
        <translation>%1 · %2 · aangemaakt %3 · pagina %4 van %5</translation>
    </message>
    <message>
        <source>%1: not a readable QGIS layout template (.qpt)</source>
        <translation>%1: geen leesbaar QGIS-lay-outsjabloon (.qpt)</translation>
    </message>
    <message>
        <source>%1: the template could not be loaded</source>
        <translation>%1: het sjabloon kon niet worden geladen</translation>
    </message>
    <message>
        <source>Nothing to map yet: the project has no cameras or zones with a position.</source>
        <translation>Nog niets op de kaart: het project heeft geen camera&apos;s of zones met een ligging.</translation>
    </message>
    <message>
        <source>Data layer: exact figures (L1, audited); every figure stands for at least k = %1 distinct vehicles.</source>
        <translation>Gegevenslaag: exacte cijfers (L1, gelogd); elk cijfer staat voor minstens k = %1 verschillende voertuigen.</translation>
    </message>
    <message>
        <source>Data layer: L2 aggregates; every figure stands for at least k = %1 distinct vehicles and is perturbed (cell key method, at most ±2).</source>
        <translation>Gegevenslaag: L2-aggregaten; elk cijfer staat voor minstens k = %1 verschillende voertuigen en is verstoord (celsleutelmethode, hoogstens ±2).</translation>
    </message>
    <message>
        <source>Arrows: the largest flows between cameras (at least k = %1 vehicles each), width and colour by trips. Dots: cameras by owner. Outlines: districts. Belgian Lambert 72.</source>
        <translation>Pijlen: de grootste stromen tussen camera&apos;s (elk minstens k = %1 voertuigen), breedte en kleur volgens het aantal verplaatsingen. Punten: camera&apos;s per eigenaar. Omtrekken: wijken. Belgische Lambert 72.</translation>
    </message>
    <message>
        <source>Passages per hour of the day (local time), all cameras, by vehicle class. Each bar is a published figure; hours with fewer than k = %1 vehicles of a class are left out.</source>
        <translation>Passages per uur van de dag (lokale tijd), alle camera&apos;s, per voertuigklasse. Elke staaf is een gepubliceerd cijfer; uren met minder dan k = %1 voertuigen van een klasse zijn weggelaten.</translation>
    </message>
    <message>
        <source>The camera pairs with the most observations. Outliers further than three median absolute deviations from the median are left out before the median and percentiles are taken. %1 pairs with fewer than k = %2 distinct vehicles are not shown.</source>
        <translation>De cameraparen met de meeste waarnemingen. Uitschieters verder dan drie mediane absolute afwijkingen van de mediaan zijn weggelaten voor de mediaan en de percentielen berekend worden. %1 paren met minder dan k = %2 verschillende voertuigen worden niet getoond.</translation>
    </message>
    <message>
        <source>Data layer. This report shows exact figures (layer L1, recorded in the audit trail with its purpose). Every cell, count and journey time in it stands for at least k = %1 distinct vehicles; %2 cells under k were suppressed in total (OD %3, counts %4, journey times %5).</source>
        <translation>Gegevenslaag. Dit rapport toont exacte cijfers (laag L1, met het doel vastgelegd in het auditlogboek). Elke cel, telling en reistijd staat voor minstens k = %1 verschillende voertuigen; in totaal zijn %2 cellen onder k weggelaten (HB %3, tellingen %4, reistijden %5).</translation>
    </message>
    <message>
        <source>Retention period: %1 days; older reads are purged whenever the project is opened or data is imported, and every purge is in the audit trail.</source>
        <translation>Bewaartermijn: %1 dagen; oudere waarnemingen worden gewist telkens het project geopend of gegevens geïmporteerd worden, en elke wissing staat in het auditlogboek.</translation>
    </message>
    <message>
        <source>No retention period is set: reads are kept until they are purged (stroom-cli purge).</source>
        <translation>Er is geen bewaartermijn ingesteld: waarnemingen blijven bewaard tot ze gewist worden (stroom-cli purge).</translation>
    </message>
    <message>
        <source>Re-identification risk of the kept reads: %1 %, %2 %, %3 % and %4 % of vehicles are singled out by 1, 2, 3 and 4 of their own (camera, hour) points (unicity, after de Montjoye et al. 2013); %5 % of pseudonyms are seen on more than one day; %6 % of trips fall in groups of fewer than k vehicles, which is why only aggregates leave the store.</source>
        <translation>Heridentificatierisico van de bewaarde waarnemingen: %1 %, %2 %, %3 % en %4 % van de voertuigen zijn uniek herkenbaar aan 1, 2, 3 en 4 van hun eigen (camera, uur)-punten (uniciteit, naar de Montjoye e.a. 2013); %5 % van de pseudoniemen komt op meer dan één dag voor; %6 % van de verplaatsingen valt in groepen van minder dan k voertuigen, en daarom verlaten enkel aggregaten de opslag.</translation>
    </message>
    <message>
        <source>Data layer. This report shows L2 aggregates only. Every cell, count and journey time in it stands for at least k = %1 distinct vehicles on one day; %2 cells under k were suppressed in total (OD %3, counts %4, journey times %5). Every figure is perturbed by the cell key method: each trip and read carries a secret random key, a cell&apos;s key is the sum of its records&apos; keys, and a published table adds noise of -2 to +2 (zero mean, variance 1) chosen by that key. The same cell always reads the same, so the difference of two overlapping queries hits a suppressed value no more often than two equal noises do (about one time in four); many queries combined can do better, and every query is in the audit trail. Totals are sums of the published figures. Exact figures are released only for a stated purpose and are audited as layer L1.</source>
        <translation>Gegevenslaag. Dit rapport toont enkel L2-aggregaten. Elke cel, telling en reistijd staat voor minstens k = %1 verschillende voertuigen op één dag; in totaal zijn %2 cellen onder k weggelaten (HB %3, tellingen %4, reistijden %5). Elk cijfer is verstoord met de celsleutelmethode: elke verplaatsing en elke waarneming draagt een geheime willekeurige sleutel, de sleutel van een cel is de som van de sleutels van haar records, en een gepubliceerde tabel telt er ruis van -2 tot +2 bij (gemiddeld nul, variantie 1), bepaald door die sleutel. Dezelfde cel geeft altijd hetzelfde getal, dus het verschil tussen twee overlappende bevragingen onthult een weggelaten waarde niet vaker dan twee ruistermen gelijk zijn (ongeveer één keer op vier); met veel bevragingen samen lukt dat vaker, en elke bevraging staat in het auditlogboek. Totalen zijn sommen van de gepubliceerde cijfers. Exacte cijfers worden enkel voor een opgegeven doel vrijgegeven en als laag L1 gelogd.</translation>
    </message>
    <message>
        <source>Before and after: %1 against %2</source>
        <translation>Voor en na: %1 tegenover %2</translation>
    </message>
    <message>
        <source>&lt; k</source>
        <translation>&lt; k</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Voor</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Verandering</translation>
    </message>
    <message>
        <source>Trips per day: before %1 (%2 days), after %3 (%4 days). %5 of %6 flows changed significantly (a permutation test over the days, weekdays with weekdays, 5 %: about 1 in 20 unchanged flows is flagged by chance); the table lists the largest. Each period is released on its own: &quot;&lt; k&quot; where a period had fewer than k = %7 vehicles; %8 flows under k in both are left out.</source>
        <translation>Verplaatsingen per dag: voor %1 (%2 dagen), na %3 (%4 dagen). %5 van %6 stromen veranderden significant (een permutatietoets over de dagen, weekdagen met weekdagen, 5 %: ongeveer 1 op 20 onveranderde stromen wordt toevallig gemarkeerd); de tabel toont de grootste. Elke periode wordt apart vrijgegeven: &quot;&lt; k&quot; waar een periode minder dan k = %7 voertuigen had; %8 stromen onder k in beide worden weggelaten.</translation>
    </message>
    <message>
        <source>Unique vehicles per day, all cameras: median %1 (%2–%3 over %4 days). A vehicle seen at several cameras on a day counts once; each day is released on its own.</source>
        <translation>Unieke voertuigen per dag, alle camera&apos;s: mediaan %1 (%2–%3 over %4 dagen). Een voertuig dat op een dag bij meerdere camera&apos;s gezien wordt, telt één keer; elke dag wordt apart vrijgegeven.</translation>
    </message>
    <message>
        <source>Parameters: duplicate window %1 s, trip gap %2 s, through traffic %3, minimum cell count k = %4</source>
        <translation>Parameters: venster voor dubbele waarnemingen %1 s, maximale pauze binnen een verplaatsing %2 s, doorgaand verkeer %3, minimale celwaarde k = %4</translation>
    </message>
    <message>
        <source>%1 trips between two or more cameras.

Through traffic (%2): %3 trips (%4 %).
Destination traffic (in at the cordon, ending inside): %5 (%6 %).
Origin traffic (starting inside, out at the cordon): %7 (%8 %).
Internal traffic: %9 (%10 %).

%11 trips were seen by one camera only and are left out of the matrix. %12 OD cells under k = %13 are not shown.</source>
        <translation>%1 verplaatsingen langs twee of meer camera&apos;s.

Doorgaand verkeer (%2): %3 verplaatsingen (%4 %).
Bestemmingsverkeer (rijdt het cordon in en eindigt erbinnen): %5 (%6 %).
Herkomstverkeer (begint binnen het cordon en verlaat het): %7 (%8 %).
Intern verkeer: %9 (%10 %).

%11 verplaatsingen werden door slechts één camera gezien en blijven buiten de matrix. %12 HB-cellen onder k = %13 worden niet getoond.</translation>
    </message>
    <message>
        <source>role-free: a vehicle whose reads of a day span less than an hour, no camera twice</source>
        <translation>zonder rollen: een voertuig waarvan de lezingen van een dag minder dan een uur beslaan, geen camera twee keer</translation>
    </message>
    <message>
        <source>in at the cordon, out at the cordon within each gate pair&apos;s own window, its median crossing time + 3 robust SD (%1 pairs; the others %2–%3 min)</source>
        <translation>rijdt het cordon in en verlaat het binnen het eigen venster van het poortpaar, zijn mediane doorkruistijd + 3 robuuste SD (%1 paren; de andere %2–%3 min)</translation>
    </message>
    <message>
        <source>in at the cordon, out at the cordon within %1–%2 min</source>
        <translation>rijdt het cordon in en verlaat het %1–%2 min later</translation>
    </message>
    <message>
        <source>The cameras read %1 % of the vehicles that pass (estimated from the gate pairs&apos; usual paths). A through trip needs both its gates to read: corrected for the reads they miss, through traffic is about %2 % of the trips.</source>
        <translation>De camera&apos;s lezen %1 % van de voertuigen die passeren (geschat uit de gebruikelijke routes van de poortparen). Een doorgaande verplaatsing heeft de lezing van beide poorten nodig: gecorrigeerd voor de gemiste lezingen is doorgaand verkeer ongeveer %2 % van de verplaatsingen.</translation>
    </message>
    <message>
        <source>role-free</source>
        <translation>zonder rollen</translation>
    </message>
    <message>
        <source>a window per gate pair (%1 pairs; others %2–%3 min)</source>
        <translation>een venster per poortpaar (%1 paren; andere %2–%3 min)</translation>
    </message>
    <message>
        <source>%1–%2 min</source>
        <translation>%1–%2 min</translation>
    </message>
</context>
<context>
    <name>stroom::maps::TransparencyListing</name>
    <message>
        <source>OD flows exported</source>
        <translation>HB-stromen geëxporteerd</translation>
    </message>
    <message>
        <source>counts exported</source>
        <translation>tellingen geëxporteerd</translation>
    </message>
    <message>
        <source>journey times exported</source>
        <translation>reistijden geëxporteerd</translation>
    </message>
    <message>
        <source>report</source>
        <translation>rapport</translation>
    </message>
    <message>
        <source>copied to the clipboard</source>
        <translation>naar het klembord gekopieerd</translation>
    </message>
    <message>
        <source>public register published</source>
        <translation>publiek register gepubliceerd</translation>
    </message>
    <message>
        <source>camera register exported</source>
        <translation>cameraregister geëxporteerd</translation>
    </message>
    <message>
        <source>transparency report</source>
        <translation>transparantierapport</translation>
    </message>
    <message>
        <source>reads purged</source>
        <translation>waarnemingen gewist</translation>
    </message>
    <message>
        <source>retention period changed</source>
        <translation>bewaartermijn gewijzigd</translation>
    </message>
    <message>
        <source>trip parameters changed</source>
        <translation>verplaatsingsparameters gewijzigd</translation>
    </message>
    <message>
        <source>reads file found missing</source>
        <translation>waarnemingenbestand niet gevonden</translation>
    </message>
    <message>
        <source>audit trail started</source>
        <translation>auditlogboek gestart</translation>
    </message>
    <message>
        <source>Transparency report: ANPR cameras and their data</source>
        <translation>Transparantierapport: ANPR-camera&apos;s en hun gegevens</translation>
    </message>
    <message>
        <source>%1 · as of %2 · %3 cameras. For citizens: who owns the cameras and what for, what data is kept and for how long, how published figures are protected, and what the data was used for.</source>
        <translation>%1 · stand van %2 · %3 camera&apos;s. Voor burgers: van wie de camera&apos;s zijn en waarvoor ze dienen, welke gegevens hoe lang bewaard worden, hoe gepubliceerde cijfers beschermd zijn, en waarvoor de gegevens gebruikt zijn.</translation>
    </message>
    <message>
        <source>What data is held</source>
        <translation>Welke gegevens bewaard worden</translation>
    </message>
    <message>
        <source>Pseudonymised plate reads (no plates): %1 kept, from %2 to %3.</source>
        <translation>Gepseudonimiseerde nummerplaatwaarnemingen (geen nummerplaten): %1 bewaard, van %2 tot %3.</translation>
    </message>
    <message>
        <source>Pseudonymised plate reads: none kept.</source>
        <translation>Gepseudonimiseerde nummerplaatwaarnemingen: geen bewaard.</translation>
    </message>
    <message>
        <source>Aggregated figures (trips and counts per hour, never per vehicle in anything published): from %1 to %2.</source>
        <translation>Geaggregeerde cijfers (verplaatsingen en tellingen per uur; in publicaties nooit per voertuig): van %1 tot %2.</translation>
    </message>
    <message>
        <source>Aggregated figures: none yet.</source>
        <translation>Geaggregeerde cijfers: nog geen.</translation>
    </message>
    <message>
        <source>Counts from privacy-proof cameras (aggregated in the camera): %1 cells.</source>
        <translation>Tellingen van privacyvriendelijke camera&apos;s (in de camera geaggregeerd): %1 cellen.</translation>
    </message>
    <message>
        <source>Retention: reads are deleted after %1 days, automatically.</source>
        <translation>Bewaartermijn: waarnemingen worden na %1 dagen automatisch verwijderd.</translation>
    </message>
    <message>
        <source>Retention: no automatic deletion period is set; reads are deleted by hand.</source>
        <translation>Bewaartermijn: er is geen automatische bewaartermijn ingesteld; waarnemingen worden met de hand verwijderd.</translation>
    </message>
    <message>
        <source>Reads before %1 have been deleted; their aggregated figures remain.</source>
        <translation>Waarnemingen van vóór %1 zijn verwijderd; hun geaggregeerde cijfers blijven.</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Maand</translation>
    </message>
    <message>
        <source>Reads kept</source>
        <translation>Bewaarde waarnemingen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>How published figures are protected</source>
        <translation>Hoe gepubliceerde cijfers beschermd zijn</translation>
    </message>
    <message>
        <source>No plate is ever stored: plates are replaced by pseudonyms before import.
A figure is published only when at least %1 different vehicles are behind it on one day; smaller figures are suppressed, and the number suppressed is stated.
Every published figure is perturbed by the cell key method (at most ±%2, zero on average), so that subtracting one table from another no longer reveals a suppressed figure reliably. Exact figures are for authorised staff only, with a stated purpose, and recorded.
Every export, report and copy is recorded in a tamper-evident audit trail; its uses are summarised below.</source>
        <translation>Er wordt nooit een nummerplaat bewaard: nummerplaten worden vóór de import door pseudoniemen vervangen.
Een cijfer wordt alleen gepubliceerd als er op één dag minstens %1 verschillende voertuigen achter zitten; kleinere cijfers worden weggelaten, en hoeveel er weggelaten zijn wordt vermeld.
Elk gepubliceerd cijfer wordt met de celsleutelmethode licht verstoord (hoogstens ±%2, gemiddeld nul), zodat het aftrekken van twee tabellen een weggelaten cijfer niet meer betrouwbaar prijsgeeft. Exacte cijfers zijn enkel voor gemachtigd personeel, met een opgegeven doel, en worden vastgelegd.
Elke export, elk rapport en elke kopie wordt vastgelegd in een beveiligd auditlogboek waarin elke latere wijziging opvalt; het gebruik staat hieronder samengevat.</translation>
    </message>
    <message>
        <source>What the data was used for</source>
        <translation>Waarvoor de gegevens gebruikt zijn</translation>
    </message>
    <message>
        <source>From the audit trail, by month, kind of use, purpose (as stated by the user; anything that looks like a plate is masked) and data layer (L0 reads, L1 trips, L2 aggregates, L3 public). No names of users and no file names.</source>
        <translation>Uit het auditlogboek, per maand, soort gebruik, doel (zoals de gebruiker het opgaf; wat op een nummerplaat lijkt, is gemaskeerd) en gegevenslaag (L0 waarnemingen, L1 verplaatsingen, L2 aggregaten, L3 publiek). Geen namen van gebruikers en geen bestandsnamen.</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Gebruik</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Laag</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Aantal keer</translation>
    </message>
</context>
<context>
    <name>stroom::vehicleclass</name>
    <message>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <source>Cars</source>
        <translation>Auto&apos;s</translation>
    </message>
    <message>
        <source>Vans</source>
        <translation>Bestelwagens</translation>
    </message>
    <message>
        <source>Trucks</source>
        <translation>Vrachtwagens</translation>
    </message>
    <message>
        <source>Buses</source>
        <translation>Bussen</translation>
    </message>
    <message>
        <source>Motorcycles</source>
        <translation>Motorfietsen</translation>
    </message>
</context>
<context>
    <name>stroom::vocabulary</name>
    <message>
        <source>Police</source>
        <translation>Politie</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Verkeer</translation>
    </message>
    <message>
        <source>Low-emission zone</source>
        <translation>Lage-emissiezone</translation>
    </message>
    <message>
        <source>Section control</source>
        <translation>Trajectcontrole</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>Parkeren</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Gepland</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Buiten dienst</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <source>Cordon, inbound</source>
        <translation>Cordon, inkomend</translation>
    </message>
    <message>
        <source>Cordon, outbound</source>
        <translation>Cordon, uitgaand</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>Screenline</source>
        <translation>Screenline</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::AboutDialog</name>
    <message>
        <source>&lt;h2&gt;Stroom %1&lt;/h2&gt;&lt;p&gt;Origin–destination flows, counts, through traffic and journey times from pseudonymised ANPR camera data, with the camera register and privacy built in: no clear plates are stored, small figures are suppressed, every export is audited.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QGIS&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;GDAL&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SQLite&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h3&gt;Data&lt;/h3&gt;&lt;p&gt;Ghent districts (demo zones): Stad Gent open data, Flemish model licence for free reuse (source: Stad Gent).&lt;/p&gt;&lt;p&gt;Map data, where an OpenStreetMap basemap or OSM cameras are used: © OpenStreetMap contributors, ODbL 1.0.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Stroom %1&lt;/h2&gt;&lt;p&gt;Herkomst-bestemmingsstromen, tellingen, doorgaand verkeer en reistijden uit gepseudonimiseerde ANPR-cameragegevens, met het cameraregister en privacy ingebouwd: er worden geen leesbare nummerplaten bewaard, kleine cijfers worden weggelaten, elke export wordt gelogd.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QGIS&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;GDAL&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SQLite&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h3&gt;Gegevens&lt;/h3&gt;&lt;p&gt;Gentse stadswijken (demozones): open data van Stad Gent, Vlaamse modellicentie voor gratis hergebruik (bron: Stad Gent).&lt;/p&gt;&lt;p&gt;Kaartgegevens, waar een OpenStreetMap-achtergrondkaart of OSM-camera&apos;s worden gebruikt: © OpenStreetMap-bijdragers, ODbL 1.0.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Stroom</source>
        <translation>Over Stroom</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::AddLayerDialog</name>
    <message>
        <source>Add a layer</source>
        <translation>Een laag toevoegen</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Auditlogboek</translation>
    </message>
    <message>
        <source>Every export, report, copy and parameter change of this project, newest first. Each record carries the hash of the one before it, so an edited, deleted or inserted record breaks the chain.</source>
        <translation>Elke export, elk rapport, elke kopie en elke parameterwijziging van dit project, nieuwste eerst. Elk record draagt de hash van het vorige, zodat een gewijzigd, verwijderd of ingevoegd record de keten breekt.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Tijd (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Laag</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Uitvoer</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Weggelaten</translation>
    </message>
    <message>
        <source>Verify again</source>
        <translation>Opnieuw controleren</translation>
    </message>
    <message numerus="yes">
        <source>The chain is intact: %n record(s), none edited, deleted or inserted.</source>
        <translation>
            <numerusform>De keten is intact: %n record, niets gewijzigd, verwijderd of ingevoegd.</numerusform>
            <numerusform>De keten is intact: %n records, niets gewijzigd, verwijderd of ingevoegd.</numerusform>
        </translation>
    </message>
    <message>
        <source>The chain is broken: %1</source>
        <translation>De keten is gebroken: %1</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::CameraDialog</name>
    <message>
        <source>New camera</source>
        <translation>Nieuwe camera</translation>
    </message>
    <message>
        <source>Camera %1</source>
        <translation>Camera %1</translation>
    </message>
    <message>
        <source>degrees, several with &apos;;&apos; (e.g. 335;45)</source>
        <translation>graden, meerdere met &apos;;&apos; (bv. 335;45)</translation>
    </message>
    <message>
        <source>Registered with the supervisory authority</source>
        <translation>Aangemeld bij de toezichthouder</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Lengtegraad</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Breedtegraad</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>Richtingen</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Beheerder</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Rechtsgrond</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Opmerkingen</translation>
    </message>
    <message>
        <source>directions are degrees from 0 to 359, several separated by &apos;;&apos;</source>
        <translation>richtingen zijn graden van 0 tot 359, meerdere gescheiden door &apos;;&apos;</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::CameraTableModel</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Beheerder</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Rechtsgrond</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Geregistreerd</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::CompletenessDialog</name>
    <message>
        <source>Completeness of the register</source>
        <translation>Volledigheid van het register</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; cameras in the register. Double-click a camera to fill its gaps.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; camera&apos;s in het register. Dubbelklik op een camera om de ontbrekende gegevens aan te vullen.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Camera&apos;s</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>By owner</source>
        <translation>Per eigenaar</translation>
    </message>
    <message>
        <source>By purpose</source>
        <translation>Per doel</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>Per status</translation>
    </message>
    <message>
        <source>Without owner</source>
        <translation>Zonder eigenaar</translation>
    </message>
    <message>
        <source>Every camera needs an owner: who answers for it.</source>
        <translation>Elke camera heeft een eigenaar nodig: wie er verantwoordelijk voor is.</translation>
    </message>
    <message>
        <source>Without legal basis</source>
        <translation>Zonder rechtsgrond</translation>
    </message>
    <message>
        <source>The law the camera is operated under; required for police cameras.</source>
        <translation>De wet op grond waarvan de camera wordt ingezet; verplicht voor politiecamera&apos;s.</translation>
    </message>
    <message>
        <source>Without purpose</source>
        <translation>Zonder doel</translation>
    </message>
    <message>
        <source>What the camera is for: police, traffic, LEZ, …</source>
        <translation>Waarvoor de camera dient: politie, verkeer, LEZ, …</translation>
    </message>
    <message>
        <source>Seen in the ANPR data, not in the register</source>
        <translation>Gezien in de ANPR-gegevens, niet in het register</translation>
    </message>
    <message>
        <source>These cameras send reads but nobody registered them: find their owner and purpose.</source>
        <translation>Deze camera&apos;s leveren waarnemingen, maar niemand heeft ze geregistreerd: zoek hun eigenaar en doel op.</translation>
    </message>
    <message>
        <source>Not in the official register</source>
        <translation>Niet in het officiële register</translation>
    </message>
    <message>
        <source>Known (from OpenStreetMap or the data) but not declared in the official register.</source>
        <translation>Bekend (uit OpenStreetMap of de gegevens) maar niet opgenomen in het officiële register.</translation>
    </message>
    <message>
        <source>Active but silent in the data</source>
        <translation>Actief maar zonder waarnemingen</translation>
    </message>
    <message>
        <source>Active but silent in %1</source>
        <translation>Actief maar zonder waarnemingen in %1</translation>
    </message>
    <message>
        <source>Registered and active, yet no reads (or fewer than k vehicles, which are never shown): possibly out of service.</source>
        <translation>Geregistreerd en actief, maar geen waarnemingen (of minder dan k voertuigen, die nooit getoond worden): mogelijk buiten dienst.</translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation>Tonen op de kaart</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::DetailsPanel</name>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&lt;p&gt;Click a camera, a zone or a flow on the map to see its details here.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Klik op een camera, een zone of een stroom op de kaart om de details hier te zien.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Beheerder</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Rechtsgrond</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>niet opgegeven</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Geregistreerd</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no: seen in ANPR data, not in the register</source>
        <translation>nee: gezien in ANPR-gegevens, niet in het register</translation>
    </message>
    <message>
        <source>%1 passages under these filters</source>
        <translation>%1 passages met deze filters</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>uur</translation>
    </message>
    <message>
        <source>Passages per hour of the day</source>
        <translation>Passages per uur van de dag</translation>
    </message>
    <message>
        <source>Zone %1</source>
        <translation>Zone %1</translation>
    </message>
    <message>
        <source>Trips leaving: %1</source>
        <translation>Vertrekkende verplaatsingen: %1</translation>
    </message>
    <message>
        <source>Trips arriving: %1</source>
        <translation>Aankomende verplaatsingen: %1</translation>
    </message>
    <message>
        <source>Cameras in the zone: %1</source>
        <translation>Camera&apos;s in de zone: %1</translation>
    </message>
    <message>
        <source>Trips: %1</source>
        <translation>Verplaatsingen: %1</translation>
    </message>
    <message>
        <source>Share of the trips leaving %1: %2 %</source>
        <translation>Aandeel van de verplaatsingen vanuit %1: %2 %</translation>
    </message>
    <message>
        <source>Journey time: median %1 min (15th–85th percentile %2–%3 min, %4 trips)</source>
        <translation>Reistijd: mediaan %1 min (15e–85e percentiel %2–%3 min, %4 verplaatsingen)</translation>
    </message>
    <message>
        <source>Fewer than k = %1 vehicles under these filters: not shown.</source>
        <translation>Minder dan k = %1 voertuigen met deze filters: niet getoond.</translation>
    </message>
    <message>
        <source>Journey time: fewer than k = %1 vehicles, not shown</source>
        <translation>Reistijd: minder dan k = %1 voertuigen, niet getoond</translation>
    </message>
    <message>
        <source>%1: fewer than %2 vehicles each</source>
        <translation>%1: elk minder dan %2 voertuigen</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;A new project.&lt;/b&gt; Next:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;File &amp;gt; Import cameras… (the register: CSV, GeoJSON, GeoPackage, OpenStreetMap)&lt;/li&gt;&lt;li&gt;File &amp;gt; Import zones… (districts, for flows between them: GeoJSON, GeoPackage, Shapefile)&lt;/li&gt;&lt;li&gt;File &amp;gt; Import ANPR data… (pseudonymised exports, or counts from privacy-proof cameras)&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;The flow map, the OD matrix and the counts follow each import.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Een nieuw project.&lt;/b&gt; Volgende stappen:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Bestand &amp;gt; Camera&apos;s importeren… (het register: CSV, GeoJSON, GeoPackage, OpenStreetMap)&lt;/li&gt;&lt;li&gt;Bestand &amp;gt; Zones importeren… (wijken, voor stromen ertussen: GeoJSON, GeoPackage, Shapefile)&lt;/li&gt;&lt;li&gt;Bestand &amp;gt; ANPR-gegevens importeren… (gepseudonimiseerde exports, of tellingen van privacyvriendelijke camera&apos;s)&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;De stromenkaart, de HB-matrix en de tellingen worden na elke import bijgewerkt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 trips per day</source>
        <translation>%1 verplaatsingen per dag</translation>
    </message>
    <message>
        <source>fewer than k = %1 vehicles, no figure</source>
        <translation>minder dan k = %1 voertuigen, geen cijfer</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>Voor: %1</translation>
    </message>
    <message>
        <source>After: %1</source>
        <translation>Na: %1</translation>
    </message>
    <message>
        <source>Change: %1 per day (%2 %)</source>
        <translation>Verandering: %1 per dag (%2 %)</translation>
    </message>
    <message>
        <source>Change: %1 per day</source>
        <translation>Verandering: %1 per dag</translation>
    </message>
    <message>
        <source>Significant: the change stands out from the day-to-day variation (5 %)</source>
        <translation>Significant: de verandering steekt uit boven de schommeling van dag tot dag (5 %)</translation>
    </message>
    <message>
        <source>Not significant: within the day-to-day variation (5 %)</source>
        <translation>Niet significant: binnen de schommeling van dag tot dag (5 %)</translation>
    </message>
    <message numerus="yes">
        <source>Unique vehicles per day: median %1 (%2–%3 over %n day(s); a vehicle seen several times on a day counts once)</source>
        <translation>
            <numerusform>Unieke voertuigen per dag: mediaan %1 (%2–%3 over %n dag; een voertuig dat op een dag meermaals gezien wordt, telt één keer)</numerusform>
            <numerusform>Unieke voertuigen per dag: mediaan %1 (%2–%3 over %n dagen; een voertuig dat op een dag meermaals gezien wordt, telt één keer)</numerusform>
        </translation>
    </message>
    <message>
        <source>Typical weekend day: busiest hour %1:00–%2:00, median %3 passages (over %4 days)</source>
        <translation>Typische weekenddag: drukste uur %1:00–%2:00, mediaan %3 passages (over %4 dagen)</translation>
    </message>
    <message>
        <source>Typical weekday: busiest hour %1:00–%2:00, median %3 passages (over %4 days)</source>
        <translation>Typische weekdag: drukste uur %1:00–%2:00, mediaan %3 passages (over %4 dagen)</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::FilterPanel</name>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Alle dagen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>All days of the week</source>
        <translation>Alle dagen van de week</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>Weekdagen</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>Weekend</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dagen</translation>
    </message>
    <message>
        <source>Start hour</source>
        <translation>Vertrekuur</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Voertuigen</translation>
    </message>
    <message>
        <source>Through traffic only</source>
        <translation>Enkel doorgaand verkeer</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Camera&apos;s</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>Tussen</translation>
    </message>
    <message>
        <source>Largest flows</source>
        <translation>Grootste stromen</translation>
    </message>
    <message>
        <source> trips</source>
        <translation> verplaatsingen</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>Minstens</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; trips in the released cells, &lt;b&gt;%2&lt;/b&gt; through traffic; %3 flows drawn (%4 trips).&lt;br&gt;Privacy: cells with fewer than &lt;b&gt;k = %5&lt;/b&gt; vehicles are never shown: &lt;b&gt;%6&lt;/b&gt; suppressed; figures are perturbed (±2 at most). %7 single-read trips are left out of the matrix.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; verplaatsingen in de vrijgegeven cellen, &lt;b&gt;%2&lt;/b&gt; doorgaand verkeer; %3 stromen getekend (%4 verplaatsingen).&lt;br&gt;Privacy: cellen met minder dan &lt;b&gt;k = %5&lt;/b&gt; voertuigen worden nooit getoond: &lt;b&gt;%6&lt;/b&gt; weggelaten; cijfers zijn verstoord (hoogstens ±2). %7 verplaatsingen met maar één waarneming vallen buiten de matrix.</translation>
    </message>
    <message>
        <source>Off: the classes follow the flows drawn, so a narrow filter uses the whole colour ramp. On: the classes stay as they are while you filter.</source>
        <translation>Uit: de klassen volgen de getekende stromen, zodat ook een smalle filter de hele kleurschaal gebruikt. Aan: de klassen blijven zoals ze zijn terwijl u filtert.</translation>
    </message>
    <message>
        <source>No flow has %1 or more vehicles on one day under this filter: widen it (more hours, more classes, zones instead of cameras).</source>
        <translation>Geen enkele stroom telt onder deze filter %1 of meer voertuigen op één dag: verruim de filter (meer uren, meer klassen, zones in plaats van camera&apos;s).</translation>
    </message>
    <message>
        <source>Lock the legend</source>
        <translation>Legende vastzetten</translation>
    </message>
    <message>
        <source>Keeps the legend&apos;s classes while you filter, to compare views</source>
        <translation>Houdt de klassen van de legende vast terwijl u filtert, om weergaven te vergelijken</translation>
    </message>
    <message>
        <source>Trips that enter at the cordon and leave it again within the crossing window</source>
        <translation>Verplaatsingen die het cordon binnenrijden en het binnen het doorkruisingsvenster weer verlaten</translation>
    </message>
    <message>
        <source>unknown (no cordon roles)</source>
        <translation>onbekend (geen cordonrollen)</translation>
    </message>
    <message>
        <source>Compare with a later period</source>
        <translation>Vergelijken met een latere periode</translation>
    </message>
    <message>
        <source>Draws each flow&apos;s change in trips per day between the period above (before) and this one (after): blue less, red more, grey when the change is within the day-to-day variation (a permutation test over the days, 5 %).</source>
        <translation>Tekent per stroom de verandering in verplaatsingen per dag tussen de periode hierboven (voor) en deze (na): blauw minder, rood meer, grijs als de verandering binnen de schommeling van dag tot dag valt (een permutatietoets over de dagen, 5 %).</translation>
    </message>
    <message>
        <source>After from</source>
        <translation>Na: van</translation>
    </message>
    <message>
        <source>After to</source>
        <translation>Na: tot</translation>
    </message>
    <message>
        <source>Before from</source>
        <translation>Voor: van</translation>
    </message>
    <message>
        <source>Before to</source>
        <translation>Voor: tot</translation>
    </message>
    <message>
        <source>Trips per day, &lt;b&gt;%1&lt;/b&gt; (%2 days) before and &lt;b&gt;%3&lt;/b&gt; (%4 days) after: %5 flows drawn, &lt;b&gt;%6&lt;/b&gt; changed significantly (permutation test over the days, 5 %; about 1 in 20 unchanged flows is flagged by chance).&lt;br&gt;Privacy: each period is released on its own: cells with fewer than &lt;b&gt;k = %7&lt;/b&gt; vehicles in a period have no figure there; %8 cells under k in both.</source>
        <translation>Verplaatsingen per dag, &lt;b&gt;%1&lt;/b&gt; (%2 dagen) voor en &lt;b&gt;%3&lt;/b&gt; (%4 dagen) na: %5 stromen getekend, &lt;b&gt;%6&lt;/b&gt; significant veranderd (permutatietoets over de dagen, 5 %; ongeveer 1 op 20 onveranderde stromen wordt toevallig gemarkeerd).&lt;br&gt;Privacy: elke periode wordt apart vrijgegeven: cellen met minder dan &lt;b&gt;k = %7&lt;/b&gt; voertuigen in een periode hebben daar geen cijfer; %8 cellen onder k in beide.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Whole period</source>
        <translation>Hele periode</translation>
    </message>
    <message>
        <source>Hour by hour</source>
        <translation>Uur per uur</translation>
    </message>
    <message>
        <source>Day by day</source>
        <translation>Dag per dag</translation>
    </message>
    <message>
        <source>Steps the map through the hours of the day (the filter&apos;s days together) or through the days, with one legend for every step</source>
        <translation>Laat de kaart de uren van de dag (de dagen van de filter samen) of de dagen doorlopen, met één legende voor elke stap</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Afspelen / pauzeren</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Time per step while playing</source>
        <translation>Tijd per stap tijdens het afspelen</translation>
    </message>
    <message>
        <source>Export animation…</source>
        <translation>Animatie exporteren…</translation>
    </message>
    <message>
        <source>Window…</source>
        <translation>Venster…</translation>
    </message>
    <message>
        <source>How through traffic is told: the cordon roles and each gate pair&apos;s crossing window, or role-free</source>
        <translation>Hoe doorgaand verkeer wordt bepaald: de cordonrollen en het doorkruisvenster van elk poortpaar, of zonder rollen</translation>
    </message>
    <message>
        <source>Unique vehicles per day, all cameras: counting…</source>
        <translation>Unieke voertuigen per dag, alle camera&apos;s: wordt geteld…</translation>
    </message>
    <message>
        <source>Unique vehicles per day, all cameras: no day has k = %1 vehicles or more under this filter.</source>
        <translation>Unieke voertuigen per dag, alle camera&apos;s: geen enkele dag heeft k = %1 voertuigen of meer onder deze filter.</translation>
    </message>
    <message>
        <source>Unique vehicles per day, all cameras: median %1 (%2–%3 over %4 days; a vehicle seen at several cameras on a day counts once).</source>
        <translation>Unieke voertuigen per dag, alle camera&apos;s: mediaan %1 (%2–%3 over %4 dagen; een voertuig dat op een dag aan meerdere camera&apos;s gezien wordt, telt één keer).</translation>
    </message>
    <message>
        <source>Through traffic (role-free): %1 % of these trips.</source>
        <translation>Doorgaand verkeer (zonder rollen): %1 % van deze verplaatsingen.</translation>
    </message>
    <message>
        <source>Through traffic: %1 % of these trips.</source>
        <translation>Doorgaand verkeer: %1 % van deze verplaatsingen.</translation>
    </message>
    <message>
        <source>Through traffic: %1 % of these trips; about %2 % with the through trips whose gate read the cameras missed (read rate %3 %).</source>
        <translation>Doorgaand verkeer: %1 % van deze verplaatsingen; ongeveer %2 % met de doorgaande verplaatsingen waarvan de camera&apos;s een poortlezing misten (leesgraad %3 %).</translation>
    </message>
    <message>
        <source>This project has no cameras with the roles cordon-in and cordon-out, so through traffic cannot be told: give the cameras on the city&apos;s boundary their roles in the register, or count it role-free (Window…).</source>
        <translation>Dit project heeft geen camera&apos;s met de rollen cordon-in en cordon-out, dus doorgaand verkeer kan niet worden bepaald: geef de camera&apos;s op de stadsgrens hun rol in het register, of tel het zonder rollen (Venster…).</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::HelpBrowser</name>
    <message>
        <source>Stroom %1 – Manual</source>
        <translation>Stroom %1 – Handleiding</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vooruit</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhoud</translation>
    </message>
    <message>
        <source>The manual is not installed here: it is in the package stroom, under /usr/share/stroom/manual, and in the source under resources/manual.</source>
        <translation>De handleiding is hier niet geïnstalleerd: ze zit in het pakket stroom, onder /usr/share/stroom/manual, en in de broncode onder resources/manual.</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::ImportDialog</name>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudoniem</translation>
    </message>
    <message>
        <source>Vehicle class</source>
        <translation>Voertuigklasse</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Breedtegraad</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Lengtegraad</translation>
    </message>
    <message>
        <source>Camera name</source>
        <translation>Cameranaam</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>Begin van de periode</translation>
    </message>
    <message>
        <source>Period (minutes)</source>
        <translation>Periode (minuten)</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Voertuigen</translation>
    </message>
    <message>
        <source>From camera</source>
        <translation>Van camera</translation>
    </message>
    <message>
        <source>To camera</source>
        <translation>Naar camera</translation>
    </message>
    <message>
        <source>Mean seconds</source>
        <translation>Gemiddelde tijd (s)</translation>
    </message>
    <message>
        <source>Camera pair (from_to)</source>
        <translation>Camerapaar (van_naar)</translation>
    </message>
    <message>
        <source>Import ANPR data</source>
        <translation>ANPR-gegevens importeren</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Bestanden toevoegen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>How to read them</source>
        <translation>Hoe ze te lezen</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formaat</translation>
    </message>
    <message>
        <source>Default (Europe/Brussels for Flemish exports, UTC otherwise)</source>
        <translation>Standaard (Europe/Brussels voor Vlaamse exports, anders UTC)</translation>
    </message>
    <message>
        <source>For local times without a UTC offset. In the autumn hour that happens twice, the first pass is summer time until the file&apos;s clock steps back; times in the spring gap are rejected.</source>
        <translation>Voor lokale tijden zonder UTC-verschil. In het herfstuur dat twee keer voorkomt, geldt de eerste keer zomertijd tot de klok in het bestand teruggaat; tijden in het ontbrekende lenteuur worden geweigerd.</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Tijdzone</translation>
    </message>
    <message>
        <source>Stop at the first bad row (nothing is stored)</source>
        <translation>Stoppen bij de eerste foute rij (er wordt niets bewaard)</translation>
    </message>
    <message>
        <source>Skip bad rows, count them and keep a sample</source>
        <translation>Foute rijen overslaan, tellen en een staal bewaren</translation>
    </message>
    <message>
        <source>Bad rows</source>
        <translation>Foute rijen</translation>
    </message>
    <message>
        <source>Import again even if a file was imported before</source>
        <translation>Opnieuw importeren, ook als een bestand al eerder werd geïmporteerd</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>ANPR exports</source>
        <translation>ANPR-exports</translation>
    </message>
    <message>
        <source>ANPR exports (*.csv *.csv.gz *.txt *.gz);;All files (*)</source>
        <translation>ANPR-exports (*.csv *.csv.gz *.txt *.gz);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Add one or more ANPR exports (CSV, optionally gzip-compressed).</source>
        <translation>Voeg een of meer ANPR-exports toe (CSV, eventueel met gzip gecomprimeerd).</translation>
    </message>
    <message>
        <source>Unknown time zone &apos;%1&apos;</source>
        <translation>Onbekende tijdzone &apos;%1&apos;</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <source>Read as &lt;b&gt;%1&lt;/b&gt;, delimiter %2, local times in %3.</source>
        <translation>Gelezen als &lt;b&gt;%1&lt;/b&gt;, scheidingsteken %2, lokale tijden in %3.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>%1 rows, %2 stored, %3 rejected; %4 new camera(s) flagged unregistered; %5 s</source>
        <translation>%1 rijen, %2 bewaard, %3 geweigerd; %4 nieuwe camera(&apos;s) gemarkeerd als niet-geregistreerd; %5 s</translation>
    </message>
    <message>
        <source>Cancelled: the file being imported was rolled back.</source>
        <translation>Geannuleerd: de import van het lopende bestand is ongedaan gemaakt.</translation>
    </message>
    <message>
        <source>Detect from the header</source>
        <translation>Herkennen aan de kopregel</translation>
    </message>
    <message>
        <source>Standard (timestamp, camera_id, plate_hash …)</source>
        <translation>Standaard (timestamp, camera_id, plate_hash …)</translation>
    </message>
    <message>
        <source>Flemish/Dutch (tijdstip; camera; kenteken_hash …)</source>
        <translation>Vlaams/Nederlands (tijdstip; camera; kenteken_hash …)</translation>
    </message>
    <message>
        <source>ANPR Metrics (Plate, Latitude, Longitude …)</source>
        <translation>ANPR Metrics (Plate, Latitude, Longitude …)</translation>
    </message>
    <message>
        <source>Counts from privacy-proof cameras</source>
        <translation>Tellingen van privacyvriendelijke camera&apos;s</translation>
    </message>
    <message>
        <source>Camera-pair flows from privacy-proof cameras</source>
        <translation>Stromen tussen cameraparen van privacyvriendelijke camera&apos;s</translation>
    </message>
    <message numerus="yes">
        <source>Trips brought up to date: %n trip(s) built from %1 reads.</source>
        <translation>
            <numerusform>Verplaatsingen bijgewerkt: %n, opgebouwd uit %1 waarnemingen.</numerusform>
            <numerusform>Verplaatsingen bijgewerkt: %n, opgebouwd uit %1 waarnemingen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The data is stored, but updating the trips failed: %1</source>
        <translation>De gegevens zijn bewaard, maar het bijwerken van de verplaatsingen mislukte: %1</translation>
    </message>
    <message>
        <source>The files hold clear plates: pseudonymise them on import (HMAC-SHA256, one set of random keys for all files, rotating daily at 04:00, never stored)</source>
        <translation>De bestanden bevatten leesbare nummerplaten: pseudonimiseer ze bij het importeren (HMAC-SHA256, één set willekeurige sleutels voor alle bestanden, dagelijks vernieuwd om 04:00, nooit opgeslagen)</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Passages</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::LayerManager</name>
    <message>
        <source>&amp;Layer</source>
        <translation>&amp;Laag</translation>
    </message>
    <message>
        <source>&amp;Add layer…</source>
        <translation>Laag &amp;toevoegen…</translation>
    </message>
    <message>
        <source>&amp;Remove the added layer</source>
        <translation>De toegevoegde laag &amp;verwijderen</translation>
    </message>
    <message>
        <source>Select a layer you added in the layer panel first; the project&apos;s own layers stay.</source>
        <translation>Selecteer eerst een laag die u toevoegde in het lagenpaneel; de eigen lagen van het project blijven.</translation>
    </message>
    <message>
        <source>&amp;Basemap</source>
        <translation>&amp;Achtergrondkaart</translation>
    </message>
    <message>
        <source>Road file</source>
        <translation>Wegenbestand</translation>
    </message>
    <message>
        <source>Roads (*.gpkg *.shp *.geojson *.json *.osm *.pbf);;All files (*)</source>
        <translation>Wegen (*.gpkg *.shp *.geojson *.json *.osm *.pbf);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>The basemap “%1” cannot be shown: %2. The map works without it.</source>
        <translation>De achtergrondkaart “%1” kan niet getoond worden: %2. De kaart werkt ook zonder.</translation>
    </message>
    <message>
        <source>%1: not a layer QGIS can read (%2)</source>
        <translation>%1: geen laag die QGIS kan lezen (%2)</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::LayersPanel</name>
    <message>
        <source>Layers</source>
        <translation>Lagen</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::MapStatus</name>
    <message>
        <source>Belgian Lambert 72</source>
        <translation>Belgische Lambert 72</translation>
    </message>
    <message>
        <source>x %1  y %2</source>
        <translation>x %1  y %2</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::MapTips</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;Owner: %3&lt;br&gt;Purpose: %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;Eigenaar: %3&lt;br&gt;Doel: %4</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 → %2&lt;/b&gt;&lt;br&gt;%3 trips, %4 % of the origin&apos;s</source>
        <translation>&lt;b&gt;%1 → %2&lt;/b&gt;&lt;br&gt;%3 verplaatsingen, %4 % van alle verplaatsingen uit de herkomst</translation>
    </message>
    <message>
        <source>under k</source>
        <translation>onder k</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 → %2&lt;/b&gt;&lt;br&gt;%3 → %4 trips per day%5</source>
        <translation>&lt;b&gt;%1 → %2&lt;/b&gt;&lt;br&gt;%3 → %4 verplaatsingen per dag%5</translation>
    </message>
    <message>
        <source>, significant</source>
        <translation>, significant</translation>
    </message>
    <message>
        <source>, not significant</source>
        <translation>, niet significant</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::MapToolBar</name>
    <message>
        <source>Map tools</source>
        <translation>Kaartgereedschap</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Verschuiven</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <source>The whole project</source>
        <translation>Het hele project</translation>
    </message>
    <message>
        <source>Zoom to the selection</source>
        <translation>Zoomen naar de selectie</translation>
    </message>
    <message>
        <source>Select and identify a camera, zone or flow</source>
        <translation>Een camera, zone of stroom selecteren en bekijken</translation>
    </message>
    <message>
        <source>Measure a distance</source>
        <translation>Een afstand meten</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::MeasureTool</name>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>Distance: %1</source>
        <translation>Afstand: %1</translation>
    </message>
    <message>
        <source>Distance: %1 (click to start again)</source>
        <translation>Afstand: %1 (klik om opnieuw te beginnen)</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::OdTableModel</name>
    <message>
        <source>Origin</source>
        <translation>Herkomst</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Bestemming</translation>
    </message>
    <message>
        <source>Trips</source>
        <translation>Ritten</translation>
    </message>
    <message>
        <source>Trips between the two, as released (cells under k are not listed)</source>
        <translation>Verplaatsingen tussen beide, zoals vrijgegeven (cellen onder k staan er niet in)</translation>
    </message>
    <message>
        <source>Share of the origin&apos;s trips that go to this destination</source>
        <translation>Aandeel van de verplaatsingen uit de herkomst dat naar deze bestemming gaat</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Aandeel</translation>
    </message>
    <message>
        <source>Significant: stands out from the day-to-day variation (5 %)</source>
        <translation>Significant: steekt uit boven de schommeling van dag tot dag (5 %)</translation>
    </message>
    <message>
        <source>Not significant: within the day-to-day variation (5 %)</source>
        <translation>Niet significant: binnen de schommeling van dag tot dag (5 %)</translation>
    </message>
    <message>
        <source>Trips per day before → after, each period as released (&quot;&lt; k&quot;: under k there)</source>
        <translation>Verplaatsingen per dag voor → na, elke periode zoals vrijgegeven (&quot;&lt; k&quot;: daar onder k)</translation>
    </message>
    <message>
        <source>Change in trips per day against before; bold: significant (5 %)</source>
        <translation>Verandering in verplaatsingen per dag tegenover voor; vet: significant (5 %)</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Per dag</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Verandering</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::OdTablePanel</name>
    <message>
        <source>OD matrix</source>
        <translation>HB-matrix</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exporteren…</translation>
    </message>
    <message>
        <source>Export the OD matrix</source>
        <translation>De HB-matrix exporteren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;GeoPackage (*.gpkg)</source>
        <translation>CSV (*.csv);;GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>What is this export for? (kept in the audit trail)</source>
        <translation>Waarvoor dient deze export? (wordt bewaard in het auditlogboek)</translation>
    </message>
    <message>
        <source>%1 OD pairs written to %2; %3 cells under k = %4 left out</source>
        <translation>%1 HB-paren geschreven naar %2; %3 cellen onder k = %4 weggelaten</translation>
    </message>
    <message>
        <source>Say what the export is for: the purpose is kept in the audit trail, and nothing was written.</source>
        <translation>Geef op waarvoor de export dient: het doel wordt in het auditlogboek bewaard. Er is niets weggeschreven.</translation>
    </message>
    <message>
        <source>Find a place…</source>
        <translation>Zoek een plaats…</translation>
    </message>
    <message>
        <source>Shows the rows whose origin or destination (name or id) contains this text</source>
        <translation>Toont de rijen waarvan de herkomst of bestemming (naam of id) deze tekst bevat</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::PurgeDialog</name>
    <message>
        <source>Purge reads</source>
        <translation>Waarnemingen wissen</translation>
    </message>
    <message>
        <source>Pseudonymised reads (L0) are removed for good; every aggregate (the flows, counts and journey times Stroom has computed) stays, so every released figure reads as before.</source>
        <translation>Gepseudonimiseerde waarnemingen (L0) worden definitief verwijderd; elk aggregaat (de stromen, tellingen en reistijden die Stroom berekende) blijft, zodat elk vrijgegeven cijfer hetzelfde blijft.</translation>
    </message>
    <message>
        <source>Reads before</source>
        <translation>Waarnemingen vóór</translation>
    </message>
    <message>
        <source>Reads older than (days)</source>
        <translation>Waarnemingen ouder dan (dagen)</translation>
    </message>
    <message>
        <source>Every read</source>
        <translation>Alle waarnemingen</translation>
    </message>
    <message>
        <source>Also the trips (L1) of that period</source>
        <translation>Ook de verplaatsingen (L1) van die periode</translation>
    </message>
    <message>
        <source>e.g. retention period of 90 days (council decision)</source>
        <translation>bv. bewaartermijn van 90 dagen (gemeenteraadsbesluit)</translation>
    </message>
    <message>
        <source>Purpose (required)</source>
        <translation>Doel (verplicht)</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Nothing matches: no read is that old.</source>
        <translation>Niets komt overeen: geen enkele waarneming is zo oud.</translation>
    </message>
    <message>
        <source>Goes: %1 reads, %2 trips, %3 pseudonyms. Stays: every aggregate, the camera register and the audit trail.</source>
        <translation>Verdwijnt: %1 waarnemingen, %2 verplaatsingen, %3 pseudoniemen. Blijft: elk aggregaat, het cameraregister en het auditlogboek.</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::RegisterPanel</name>
    <message>
        <source>Camera register</source>
        <translation>Cameraregister</translation>
    </message>
    <message>
        <source>Search cameras, owners, purposes…</source>
        <translation>Zoek camera&apos;s, eigenaars, doelen…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Toevoegen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Geschiedenis…</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Geschiedenis van %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <source>%1  %2  #%3  %4: &apos;%5&apos; → &apos;%6&apos;
</source>
        <translation>%1  %2  #%3  %4: &apos;%5&apos; → &apos;%6&apos;
</translation>
    </message>
    <message>
        <source>Owners…</source>
        <translation>Eigenaars…</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 updated, %4 unchanged.</source>
        <translation>%1: %2 nieuw, %3 bijgewerkt, %4 ongewijzigd.</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>Eigenaars</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Schrijfwijze</translation>
    </message>
    <message>
        <source>Means owner</source>
        <translation>Hoort bij eigenaar</translation>
    </message>
    <message>
        <source>Completeness…</source>
        <translation>Volledigheid…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; cameras. Without owner: &lt;b&gt;%2&lt;/b&gt;; without legal basis: &lt;b&gt;%3&lt;/b&gt;; not in the official register: &lt;b&gt;%4&lt;/b&gt; (&lt;b&gt;%5&lt;/b&gt; of them seen in the data); registered and active but silent %6: &lt;b&gt;%7&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; camera&apos;s. Zonder eigenaar: &lt;b&gt;%2&lt;/b&gt;; zonder rechtsgrond: &lt;b&gt;%3&lt;/b&gt;; niet in het officiële register: &lt;b&gt;%4&lt;/b&gt; (waarvan &lt;b&gt;%5&lt;/b&gt; gezien in de gegevens); geregistreerd en actief maar zonder waarnemingen %6: &lt;b&gt;%7&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>in the data</source>
        <translation>in de gegevens</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>Open eerst een project of maak er een aan.</translation>
    </message>
    <message>
        <source>Owner names that may mean the same owner. Choose a pair, check which spelling to keep, and press Merge; the cameras are renamed and the choice is remembered for later imports. Nothing changes until you press Merge.</source>
        <translation>Namen van eigenaars die misschien dezelfde eigenaar aanduiden. Kies een paar, controleer welke schrijfwijze u behoudt en klik op Samenvoegen; de camera&apos;s worden hernoemd en de keuze wordt onthouden voor latere imports. Er verandert niets zolang u niet op Samenvoegen klikt.</translation>
    </message>
    <message>
        <source>No similar owner names</source>
        <translation>Geen gelijkaardige namen van eigenaars</translation>
    </message>
    <message>
        <source>Choose a pair…</source>
        <translation>Kies een paar…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Samenvoegen</translation>
    </message>
    <message>
        <source>Merge renames the owner of 1 camera from “%1” to “%2”.</source>
        <translation>Samenvoegen hernoemt de eigenaar van 1 camera van “%1” naar “%2”.</translation>
    </message>
    <message>
        <source>Merge renames the owner of %1 cameras from “%2” to “%3”.</source>
        <translation>Samenvoegen hernoemt de eigenaar van %1 camera&apos;s van “%2” naar “%3”.</translation>
    </message>
    <message>
        <source>%1: %2 new zones, %3 updated, %4 unchanged; %5 zones in the project.</source>
        <translation>%1: %2 nieuwe zones, %3 bijgewerkt, %4 ongewijzigd; %5 zones in het project.</translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation>Tonen op de kaart</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::ReportDialog</name>
    <message>
        <source>Export report</source>
        <translation>Rapport exporteren</translation>
    </message>
    <message>
        <source>e.g. evaluation of the circulation plan for the city council</source>
        <translation>bv. evaluatie van het circulatieplan voor de gemeenteraad</translation>
    </message>
    <message>
        <source>Purpose (required)</source>
        <translation>Doel (verplicht)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation>Filters: %1</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Pdf exporteren</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>Pdf (*.pdf)</translation>
    </message>
    <message>
        <source>Say what the report is for: the purpose is kept in the audit trail.</source>
        <translation>Geef op waarvoor het rapport dient: het doel wordt in het auditlogboek bewaard.</translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>Geschreven naar %1.</translation>
    </message>
    <message>
        <source>none (all trips)</source>
        <translation>geen (alle verplaatsingen)</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::RiskDialog</name>
    <message>
        <source>Re-identification risk</source>
        <translation>Heridentificatierisico</translation>
    </message>
    <message>
        <source>How easily the pseudonymised reads this project keeps could point to one vehicle. Only aggregates of at least k vehicles leave the store; these figures say why that rule matters, and what a purge or a shorter retention period would remove.</source>
        <translation>Hoe gemakkelijk de gepseudonimiseerde waarnemingen die dit project bewaart naar één voertuig kunnen wijzen. Enkel aggregaten van minstens k voertuigen verlaten de opslag; deze cijfers tonen waarom die regel telt, en wat een wissing of een kortere bewaartermijn zou wegnemen.</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Bezig met meten…</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Maat</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Wat het betekent</translation>
    </message>
    <message>
        <source>This project keeps no pseudonymised reads (never imported, purged, or the reads file moved away): there is nothing to re-identify. Its aggregates carry no pseudonyms.</source>
        <translation>Dit project bewaart geen gepseudonimiseerde waarnemingen (nooit geïmporteerd, gewist, of het waarnemingenbestand is verplaatst): er valt niets te heridentificeren. De aggregaten bevatten geen pseudoniemen.</translation>
    </message>
    <message>
        <source>The risk could not be measured: %1</source>
        <translation>Het risico kon niet worden gemeten: %1</translation>
    </message>
    <message>
        <source>%1 reads of %2 vehicles (pseudonyms) kept; unicity drawn from %3 vehicles.</source>
        <translation>%1 waarnemingen van %2 voertuigen (pseudoniemen) bewaard; uniciteit berekend op een steekproef van %3 voertuigen.</translation>
    </message>
    <message>
        <source>Unicity, 1 point</source>
        <translation>Uniciteit, 1 punt</translation>
    </message>
    <message>
        <source>Unicity, %1 points</source>
        <translation>Uniciteit, %1 punten</translation>
    </message>
    <message>
        <source>Share of vehicles that one random (camera, hour) point of their own reads singles out: someone who saw the vehicle there and then finds its whole trace.</source>
        <translation>Aandeel voertuigen dat al aan één willekeurig (camera, uur)-punt uit hun eigen waarnemingen uniek herkenbaar is: wie het voertuig daar en toen zag, vindt zijn hele spoor.</translation>
    </message>
    <message>
        <source>Share of vehicles that %1 random (camera, hour) points of their own reads single out.</source>
        <translation>Aandeel voertuigen dat aan %1 willekeurige (camera, uur)-punten uit hun eigen waarnemingen uniek herkenbaar is.</translation>
    </message>
    <message>
        <source>Linkable over days</source>
        <translation>Koppelbaar over dagen</translation>
    </message>
    <message>
        <source>Share of pseudonyms seen on more than one local day: the source does not change its keys daily, so days can be joined into longer traces.</source>
        <translation>Aandeel pseudoniemen dat op meer dan één lokale dag voorkomt: de bron wisselt haar sleutels niet dagelijks, dus dagen kunnen tot langere sporen worden samengevoegd.</translation>
    </message>
    <message>
        <source>Trips in groups under k = %1</source>
        <translation>Verplaatsingen in groepen onder k = %1</translation>
    </message>
    <message>
        <source>Share of trips whose (day, start hour, origin, destination, class) group has fewer than k vehicles: figures that are never published on their own.</source>
        <translation>Aandeel verplaatsingen waarvan de groep (dag, vertrekuur, herkomst, bestemming, klasse) minder dan k voertuigen telt: cijfers die nooit op zichzelf gepubliceerd worden.</translation>
    </message>
</context>
<context>
    <name>stroom::widgets::ThroughTrafficDialog</name>
    <message>
        <source>Through traffic</source>
        <translation>Doorgaand verkeer</translation>
    </message>
    <message>
        <source>Through traffic crosses the city without stopping: it enters at a cordon-in camera and leaves at a cordon-out camera within the crossing window.</source>
        <translation>Doorgaand verkeer doorkruist de stad zonder te stoppen: het komt binnen aan een cordon-in-camera en verlaat de stad aan een cordon-uit-camera binnen het doorkruisvenster.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>By the cameras&apos; cordon roles</source>
        <translation>Volgens de cordonrollen van de camera&apos;s</translation>
    </message>
    <message>
        <source>Role-free (ANPR Metrics&apos; definition)</source>
        <translation>Zonder rollen (definitie van ANPR Metrics)</translation>
    </message>
    <message>
        <source>A vehicle whose reads of a day span less than an hour, with no camera read twice, is through traffic: for projects without cordon roles.</source>
        <translation>Een voertuig waarvan de lezingen van een dag minder dan een uur beslaan, zonder dat een camera het twee keer las, is doorgaand verkeer: voor projecten zonder cordonrollen.</translation>
    </message>
    <message>
        <source>No camera of this project has the role cordon-in or cordon-out: give the cameras on the city&apos;s boundary their roles in the register, or count through traffic role-free.</source>
        <translation>Geen enkele camera van dit project heeft de rol cordon-in of cordon-out: geef de camera&apos;s op de stadsgrens hun rol in het register, of tel doorgaand verkeer zonder rollen.</translation>
    </message>
    <message>
        <source>Crossing window</source>
        <translation>Doorkruisvenster</translation>
    </message>
    <message>
        <source>Each gate pair its own, from its trips</source>
        <translation>Elk poortpaar een eigen venster, uit zijn verplaatsingen</translation>
    </message>
    <message>
        <source>One window for every gate pair</source>
        <translation>Eén venster voor elk poortpaar</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <source>(also for the gate pairs with too few trips of their own)</source>
        <translation>(ook voor de poortparen met te weinig eigen verplaatsingen)</translation>
    </message>
    <message>
        <source>Enters at</source>
        <translation>Komt binnen aan</translation>
    </message>
    <message>
        <source>Leaves at</source>
        <translation>Verlaat aan</translation>
    </message>
    <message>
        <source>Trips</source>
        <translation>Verplaatsingen</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Mediaan</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Venster</translation>
    </message>
    <message>
        <source>Why the definition changes (kept in the audit trail)</source>
        <translation>Waarom de definitie wijzigt (bewaard in het auditlogboek)</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>The window&apos;s end lies before its start.</source>
        <translation>Het einde van het venster ligt vóór het begin.</translation>
    </message>
    <message>
        <source>Changing the definition builds every trip again and changes every figure from then on; give its purpose.</source>
        <translation>Een andere definitie bouwt elke verplaatsing opnieuw op en verandert vanaf dan elk cijfer; geef het doel op.</translation>
    </message>
    <message>
        <source>Through traffic is counted role-free.</source>
        <translation>Doorgaand verkeer wordt zonder rollen geteld.</translation>
    </message>
    <message>
        <source>Gate pairs with a window of their own: %1, from %2 days of trips; the others keep %3–%4 min.</source>
        <translation>Poortparen met een eigen venster: %1, uit %2 dagen verplaatsingen; de andere houden %3–%4 min.</translation>
    </message>
    <message>
        <source>One window for every gate pair: %1–%2 min.</source>
        <translation>Eén venster voor elk poortpaar: %1–%2 min.</translation>
    </message>
    <message>
        <source>The cameras read %1 % of the vehicles that pass (estimated from %2 passages on the gate pairs&apos; usual paths): a through trip needs both its gates to read, so about %3 % of through traffic is not seen as such.</source>
        <translation>De camera&apos;s lezen %1 % van de voertuigen die passeren (geschat uit %2 passages op de gebruikelijke routes van de poortparen): een doorgaande verplaatsing heeft de lezing van beide poorten nodig, dus ongeveer %3 % van het doorgaand verkeer wordt niet als zodanig gezien.</translation>
    </message>
    <message>
        <source>Build trips</source>
        <translation>Verplaatsingen opbouwen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Building the trips with the new definition…</source>
        <translation>De verplaatsingen worden opgebouwd met de nieuwe definitie…</translation>
    </message>
    <message>
        <source>Cancelled: the trips are as they were.</source>
        <translation>Geannuleerd: de verplaatsingen zijn zoals ze waren.</translation>
    </message>
    <message>
        <source>The trips could not be built: %1</source>
        <translation>De verplaatsingen konden niet worden opgebouwd: %1</translation>
    </message>
    <message>
        <source>The pair&apos;s median crossing time + 3 robust standard deviations (1.4826 × MAD), at least 5 min, for pairs with 30 trips and k vehicles on a day or more.</source>
        <translation>De mediane doorkruistijd van het paar + 3 robuuste standaardafwijkingen (1,4826 × MAD), minstens 5 min, voor paren met 30 of meer verplaatsingen en k voertuigen op een dag.</translation>
    </message>
</context>
</TS>
