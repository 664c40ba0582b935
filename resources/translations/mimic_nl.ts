<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/about.py" line="32"/>
        <source>About MIMIC Desktop</source>
        <translation>Over MIMIC Desktop</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/about.py" line="44"/>
        <source>Logs ICG-fluorescence-guided liver resections for the MIMIC trial.</source>
        <translation>Legt ICG-fluorescentiegeleide leverresecties vast voor de MIMIC-studie.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/about.py" line="54"/>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/about.py" line="55"/>
        <source>Backups</source>
        <translation>Reservekopieën</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/about.py" line="56"/>
        <source>Data folder</source>
        <translation>Gegevensmap</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/about.py" line="57"/>
        <source>Program</source>
        <translation>Programma</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/about.py" line="60"/>
        <source>Licences</source>
        <translation>Licenties</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/about.py" line="65"/>
        <source>PDF text: DejaVu Sans, under the Bitstream Vera fonts licence; the DejaVu changes are in the public domain (full text below).

Icons: Material Design Icons (Pictogrammers Free License), drawn by QtAwesome (MIT licence), which also carries Font Awesome Free, Elusive Icons, Phosphor, Remix Icon and Codicons under their own free licences.

Interface: Qt for Python (PySide6), under the GNU LGPL version 3.</source>
        <translation>Tekst in pdf&apos;s: DejaVu Sans, onder de Bitstream Vera-lettertypelicentie; de wijzigingen van DejaVu zijn vrij van rechten (volledige tekst hieronder).

Pictogrammen: Material Design Icons (Pictogrammers Free License), getekend door QtAwesome (MIT-licentie), dat ook Font Awesome Free, Elusive Icons, Phosphor, Remix Icon en Codicons meelevert onder hun eigen vrije licenties.

Interface: Qt for Python (PySide6), onder de GNU LGPL versie 3.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="46"/>
        <source>Preparing the demo database…</source>
        <translation>De demodatabase wordt voorbereid…</translation>
    </message>
    <message>
        <source>when a procedure was completed</source>
        <translation>toen een procedure werd afgerond</translation>
    </message>
    <message>
        <source>as the day&apos;s first backup</source>
        <translation>als eerste back-up van de dag</translation>
    </message>
    <message>
        <source>before an upgrade of MIMIC Desktop</source>
        <translation>vóór een upgrade van MIMIC Desktop</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a MIMIC database, and there is no intact automatic backup of it in %2.

The file has not been changed. Ask IT or the trial office for help.</source>
        <translation>%1 is beschadigd of is geen MIMIC-database, en er staat geen intacte automatische back-up van in %2.

Het bestand is niet gewijzigd. Vraag de IT-afdeling of het trialbureau om hulp.</translation>
    </message>
    <message>
        <source>The database %1 is damaged and cannot be used.

The newest intact automatic backup of it was taken on %2, %3. Restore that backup? Entries saved after that moment are not in it. The damaged file is kept beside it, renamed, for IT or the trial office.

If you choose No, nothing is changed and MIMIC Desktop closes.</source>
        <translation>De database %1 is beschadigd en kan niet worden gebruikt.

De nieuwste intacte automatische back-up ervan is gemaakt op %2, %3. Die back-up terugzetten? Wat na dat moment is opgeslagen, staat er niet in. Het beschadigde bestand blijft ernaast bewaard, onder een andere naam, voor de IT-afdeling of het trialbureau.

Als u Nee kiest, wordt er niets gewijzigd en sluit MIMIC Desktop.</translation>
    </message>
    <message>
        <source>The backup of %1 is in place and open. The damaged file was kept as %2.</source>
        <translation>De back-up van %1 is teruggezet en geopend. Het beschadigde bestand is bewaard als %2.</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup could not be taken: %1

You can go on working; tell IT.</source>
        <translation>De automatische back-up van vandaag kon niet worden gemaakt: %1

U kunt doorwerken; meld het aan de IT-afdeling.</translation>
    </message>
</context>
<context>
    <name>ClockPanel</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/clock.py" line="36"/>
        <source>Since incision</source>
        <translation>Sinds incisie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/clock.py" line="39"/>
        <source>Since ICG</source>
        <translation>Sinds ICG</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/clock.py" line="77"/>
        <source>ICG time not recorded</source>
        <translation>Tijdstip ICG niet vastgelegd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/clock.py" line="79"/>
        <source>ICG to incision</source>
        <translation>ICG tot incisie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/clock.py" line="79"/>
        <source>ICG to now</source>
        <translation>ICG tot nu</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/clock.py" line="80"/>
        <source>within the protocol window</source>
        <translation>binnen het protocolvenster</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/clock.py" line="80"/>
        <source>OUTSIDE the protocol window</source>
        <translation>BUITEN het protocolvenster</translation>
    </message>
</context>
<context>
    <name>CompletionPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/completion_page.py" line="20"/>
        <source>Completion</source>
        <translation>Voltooien</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/completion_page.py" line="31"/>
        <source>Complete and lock</source>
        <translation>Voltooien en vergrendelen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/completion_page.py" line="45"/>
        <source>Completed and locked on %1. A change now needs a reason, kept in the audit trail.</source>
        <translation>Voltooid en vergrendeld op %1. Een wijziging vraagt nu om een reden, die in het audittrail wordt bewaard.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/completion_page.py" line="48"/>
        <source>Still missing before the record can be completed (%1):</source>
        <translation>Nog nodig voordat het dossier voltooid kan worden (%1):</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/completion_page.py" line="51"/>
        <source>Nothing is missing: the record can be completed and locked.</source>
        <translation>Er ontbreekt niets: het dossier kan voltooid en vergrendeld worden.</translation>
    </message>
</context>
<context>
    <name>CorrectTimeDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="80"/>
        <source>Correct the time</source>
        <translation>Tijd corrigeren</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="87"/>
        <source>Correct time</source>
        <translation>Juiste tijd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="90"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="134"/>
        <source>Unexpected error</source>
        <translation>Onverwachte fout</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="138"/>
        <source>Something went wrong inside MIMIC Desktop. Everything saved before this moment is safe, and what you were typing is still on the screen. Please save a report for the trial office.</source>
        <translation>Er ging iets mis in MIMIC Desktop. Alles wat vóór dit moment is opgeslagen, is veilig, en wat u aan het typen was staat nog op het scherm. Sla alstublieft een rapport op voor het trialbureau.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="148"/>
        <source>Save report</source>
        <translation>Rapport opslaan</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="158"/>
        <source>Report saved to %1</source>
        <translation>Rapport opgeslagen in %1</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="35"/>
        <source>MIMIC Desktop</source>
        <translation>MIMIC Desktop</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="41"/>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="46"/>
        <source>Procedure summary</source>
        <translation>Samenvatting van de procedure</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="47"/>
        <source>Questionnaire, filled in</source>
        <translation>Vragenlijst, ingevuld</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="48"/>
        <source>Questionnaire, blank for paper</source>
        <translation>Vragenlijst, leeg voor op papier</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="56"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="63"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="66"/>
        <source>Save as PDF…</source>
        <translation>Opslaan als pdf…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="90"/>
        <source>Save the PDF as</source>
        <translation>De pdf opslaan als</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="90"/>
        <source>PDF files (*.pdf)</source>
        <translation>Pdf-bestanden (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="113"/>
        <source>The PDF was not written.</source>
        <translation>De pdf is niet geschreven.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="115"/>
        <source>Writing %1…</source>
        <translation>%1 wordt geschreven…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="116"/>
        <source>Written to %1</source>
        <translation>Geschreven naar %1</translation>
    </message>
</context>
<context>
    <name>FirstAccountDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="77"/>
        <source>Create the first coordinator account</source>
        <translation>Eerste coördinatoraccount aanmaken</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="80"/>
        <source>This database has no accounts yet. Create the study coordinator&apos;s account.</source>
        <translation>Deze database heeft nog geen accounts. Maak het account van de studiecoördinator aan.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="93"/>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="94"/>
        <source>Full name</source>
        <translation>Volledige naam</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="95"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="96"/>
        <source>Password again</source>
        <translation>Wachtwoord nogmaals</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="100"/>
        <source>Create account</source>
        <translation>Account aanmaken</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="107"/>
        <source>The two passwords differ.</source>
        <translation>De twee wachtwoorden verschillen.</translation>
    </message>
</context>
<context>
    <name>LesionCards</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="23"/>
        <source>No lesion yet: press Lesion identified [L] or Occult lesion [O]</source>
        <translation>Nog geen laesie: druk op Laesie geïdentificeerd [L] of Occulte laesie [O]</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="52"/>
        <source>Make this the current lesion (Alt+%1)</source>
        <translation>Maak dit de huidige laesie (Alt+%1)</translation>
    </message>
</context>
<context>
    <name>LesionPanel</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_panel.py" line="49"/>
        <source>Save lesion</source>
        <translation>Laesie opslaan</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_panel.py" line="68"/>
        <source>Current lesion: %1</source>
        <translation>Huidige laesie: %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_panel.py" line="68"/>
        <source>No current lesion</source>
        <translation>Geen huidige laesie</translation>
    </message>
</context>
<context>
    <name>LesionText</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="76"/>
        <source>Lesion %1</source>
        <translation>Laesie %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="79"/>
        <source>segment?</source>
        <translation>segment?</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="81"/>
        <source>Seg.</source>
        <translation>Seg.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="82"/>
        <source>size?</source>
        <translation>grootte?</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="85"/>
        <source>Specimen fluorescent: suspected R1</source>
        <translation>Preparaat fluorescent: verdacht R1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="86"/>
        <source>Specimen clear: suspected R0</source>
        <translation>Preparaat schoon: verdacht R0</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="87"/>
        <source>Specimen not assessed</source>
        <translation>Preparaat niet beoordeeld</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="91"/>
        <source>plane fluorescent</source>
        <translation>vlak fluorescent</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="93"/>
        <source>plane adapted</source>
        <translation>vlak aangepast</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="95"/>
        <source>cavity fluorescent</source>
        <translation>holte fluorescent</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="99"/>
        <source>extended resection</source>
        <translation>uitgebreide resectie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="101"/>
        <source>ablated</source>
        <translation>geableerd</translation>
    </message>
</context>
<context>
    <name>LesionsPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/lesions_page.py" line="47"/>
        <source>No lesions yet: lesions are identified on the live screen during surgery.</source>
        <translation>Nog geen laesies: laesies worden tijdens de operatie op het livescherm vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/lesions_page.py" line="90"/>
        <source>check the pathology</source>
        <translation>controleer de pathologie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/lesions_page.py" line="131"/>
        <source>R status: derived from the margin once it is entered (R0 from 1 mm).</source>
        <translation>R-status: volgt uit de marge zodra die is ingevuld (R0 vanaf 1 mm).</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/lesions_page.py" line="133"/>
        <source>R status (derived): %1</source>
        <translation>R-status (afgeleid): %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/lesions_page.py" line="135"/>
        <source>Final R status after the cavity re-resection: %1</source>
        <translation>Uiteindelijke R-status na naresectie van de holte: %1</translation>
    </message>
</context>
<context>
    <name>LiveScreen</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="99"/>
        <source>Surgery has ended: complete the record in the Record tab.</source>
        <translation>De operatie is afgelopen: vul het dossier aan op het tabblad Dossier.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="128"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="155"/>
        <source>Strike through</source>
        <translation>Doorhalen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="156"/>
        <source>Why is this event wrong? It stays visible, struck through, with your reason.</source>
        <translation>Waarom is deze gebeurtenis onjuist? Ze blijft zichtbaar, doorgehaald, met uw reden.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="66"/>
        <source>MIMIC Desktop</source>
        <translation>MIMIC Desktop</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="66"/>
        <source> — DEMO DATABASE</source>
        <translation> — DEMODATABASE</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="76"/>
        <source>DEMO DATABASE — practice data only, not for real patients</source>
        <translation>DEMODATABASE — alleen oefengegevens, niet voor echte patiënten</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="95"/>
        <source>Main</source>
        <translation>Hoofdbalk</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="100"/>
        <source>Procedures</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="102"/>
        <source>New procedure</source>
        <translation>Nieuwe procedure</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="105"/>
        <source>Switch user</source>
        <translation>Andere gebruiker</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="107"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="147"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="153"/>
        <source>Record</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="109"/>
        <source>About</source>
        <translation>Over</translation>
    </message>
</context>
<context>
    <name>NewProcedureWizard</name>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="112"/>
        <source>New procedure</source>
        <translation>Nieuwe procedure</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="151"/>
        <source>The patient cannot be enrolled:</source>
        <translation>De patiënt kan niet worden geïncludeerd:</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="157"/>
        <source>The ICG time lies in the future.</source>
        <translation>Het tijdstip van ICG ligt in de toekomst.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="163"/>
        <source>Enter the time ICG was given to see the interval to now.</source>
        <translation>Vul het tijdstip van ICG-toediening in om het interval tot nu te zien.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="169"/>
        <source>ICG to now: %1 (protocol window %2–%3 h)</source>
        <translation>ICG tot nu: %1 (protocolvenster %2–%3 u)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="172"/>
        <source>Warning: this is outside the protocol window.</source>
        <translation>Let op: dit valt buiten het protocolvenster.</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="61"/>
        <source>The patient does not meet the eligibility criteria:</source>
        <translation>De patiënt voldoet niet aan de geschiktheidscriteria:</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="67"/>
        <source>Operation time, incision to end of surgery: %1</source>
        <translation>Operatieduur, incisie tot einde operatie: %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="71"/>
        <source>Operation time: the incision and the end of surgery are recorded on the live screen.</source>
        <translation>Operatieduur: de incisie en het einde van de operatie worden op het livescherm vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="77"/>
        <source>node-positive primary</source>
        <translation>kliermetastasen bij de primaire tumor</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="78"/>
        <source>disease-free interval under 12 months</source>
        <translation>ziektevrij interval korter dan 12 maanden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="79"/>
        <source>more than one liver tumour</source>
        <translation>meer dan één levertumor</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="80"/>
        <source>largest tumour over 5 cm</source>
        <translation>grootste tumor groter dan 5 cm</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="81"/>
        <source>CEA over 200 ng/mL</source>
        <translation>CEA hoger dan 200 ng/mL</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="85"/>
        <source>Fong clinical risk score (derived): not yet known; it needs: %1</source>
        <translation>Fong klinische risicoscore (afgeleid): nog niet bekend; nodig: %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="89"/>
        <source>Fong clinical risk score (derived): %1 of 5</source>
        <translation>Fong klinische risicoscore (afgeleid): %1 van 5</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="95"/>
        <source>Enter the time ICG was given to see the interval to incision.</source>
        <translation>Vul het tijdstip van de ICG-toediening in om het interval tot de incisie te zien.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="98"/>
        <source>ICG to incision: known once the incision is recorded on the live screen.</source>
        <translation>ICG tot incisie: bekend zodra de incisie op het livescherm is vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="101"/>
        <source>ICG to incision: %1 (protocol window %2–%3 h)</source>
        <translation>ICG tot incisie: %1 (protocolvenster %2–%3 u)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="105"/>
        <source>Outside the protocol window.</source>
        <translation>Buiten het protocolvenster.</translation>
    </message>
</context>
<context>
    <name>PostopPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="47"/>
        <source>Complications within 90 days</source>
        <translation>Complicaties binnen 90 dagen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="51"/>
        <source>Grade</source>
        <translation>Graad</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="51"/>
        <source>Onset</source>
        <translation>Ontstaan</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="51"/>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="54"/>
        <source>Days after surgery</source>
        <translation>Dagen na de operatie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="67"/>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="125"/>
        <source>New complication</source>
        <translation>Nieuwe complicatie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="99"/>
        <source>This complication started more than 90 days after surgery.</source>
        <translation>Deze complicatie ontstond meer dan 90 dagen na de operatie.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="113"/>
        <source>after 90 days</source>
        <translation>na 90 dagen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="125"/>
        <source>Complication %1</source>
        <translation>Complicatie %1</translation>
    </message>
</context>
<context>
    <name>ProcedureList</name>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="48"/>
        <source>Search by study ID, e.g. MIM-03-017</source>
        <translation>Zoek op studienummer, bijv. MIM-03-017</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="52"/>
        <source>New procedure</source>
        <translation>Nieuwe procedure</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="56"/>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="64"/>
        <source>Study ID</source>
        <translation>Studienummer</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="64"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="64"/>
        <source>Centre</source>
        <translation>Centrum</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="64"/>
        <source>Created</source>
        <translation>Aangemaakt</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="81"/>
        <source> (demo)</source>
        <translation> (demo)</translation>
    </message>
</context>
<context>
    <name>QuestionnairePage</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="32"/>
        <source>The operating surgeon answers these questions after the procedure and signs them with their own password. A change after signing needs a reason and voids the signature.</source>
        <translation>De operateur beantwoordt deze vragen na de ingreep en ondertekent ze met het eigen wachtwoord. Een wijziging na ondertekening vraagt om een reden en maakt de handtekening ongeldig.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="59"/>
        <source>Signature</source>
        <translation>Handtekening</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="70"/>
        <source>Sign the questionnaire…</source>
        <translation>Vragenlijst ondertekenen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="93"/>
        <source>Questions still to answer (marked *): %1</source>
        <translation>Nog te beantwoorden vragen (gemarkeerd met *): %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="95"/>
        <source>Every question is answered: the surgeon can sign.</source>
        <translation>Alle vragen zijn beantwoord: de operateur kan ondertekenen.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="98"/>
        <source>Signed by %1 (%2) on %3</source>
        <translation>Ondertekend door %1 (%2) op %3</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="100"/>
        <source>Meaning: %1</source>
        <translation>Betekenis: %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="102"/>
        <source>Voided on %1 by a change; reason: %2</source>
        <translation>Ongeldig gemaakt op %1 door een wijziging; reden: %2</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="106"/>
        <source>Content hash (SHA-256): %1</source>
        <translation>Inhoudshash (SHA-256): %1</translation>
    </message>
</context>
<context>
    <name>RecordAccess</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/access.py" line="63"/>
        <source>Reason for the change</source>
        <translation>Reden voor de wijziging</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/access.py" line="65"/>
        <source>Not saved: no reason was given.</source>
        <translation>Niet opgeslagen: er is geen reden gegeven.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/access.py" line="84"/>
        <source>%1 is complete and locked. Say why it changes: the reason is kept with the change.</source>
        <translation>%1 is voltooid en vergrendeld. Geef aan waarom er iets verandert: de reden wordt bij de wijziging bewaard.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/access.py" line="91"/>
        <source>The questionnaire is signed. Say why an answer changes: the signature will be voided, and the surgeon signs again.</source>
        <translation>De vragenlijst is ondertekend. Geef aan waarom een antwoord verandert: de handtekening wordt ongeldig en de operateur ondertekent opnieuw.</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="46"/>
        <source>Read-only: your role (%1) can read the record but not change it.</source>
        <translation>Alleen lezen: uw rol (%1) kan het dossier inzien maar niet wijzigen.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="69"/>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="70"/>
        <source>Lesions and pathology</source>
        <translation>Laesies en pathologie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="71"/>
        <source>Post-operative course</source>
        <translation>Postoperatief beloop</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="72"/>
        <source>Questionnaire</source>
        <translation>Vragenlijst</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="73"/>
        <source>Completion</source>
        <translation>Voltooien</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="77"/>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
</context>
<context>
    <name>SavedIndicator</name>
    <message>
        <location filename="../../mimic_desktop/ui/saved_indicator.py" line="24"/>
        <source>✔ Saved %1</source>
        <translation>✔ Opgeslagen %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/saved_indicator.py" line="28"/>
        <source>✖ Not saved: %1</source>
        <translation>✖ Niet opgeslagen: %1</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/section_editor.py" line="68"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/section_editor.py" line="70"/>
        <source>Save %1</source>
        <translation>%1 opslaan</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="14"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="18"/>
        <source>Dark (dimmed operating room)</source>
        <translation>Donker (gedimde operatiekamer)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="19"/>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="21"/>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="28"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="24"/>
        <source>Sign the questionnaire</source>
        <translation>De vragenlijst ondertekenen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="29"/>
        <source>Your signature binds your name, this moment and this meaning to the answers as they are now. Enter your own password to sign.</source>
        <translation>Uw handtekening verbindt uw naam, dit moment en deze betekenis aan de antwoorden zoals ze nu zijn. Vul uw eigen wachtwoord in om te ondertekenen.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="35"/>
        <source>Questionnaire of</source>
        <translation>Vragenlijst van</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="36"/>
        <source>Printed name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="38"/>
        <source>Date and time</source>
        <translation>Datum en tijd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="42"/>
        <source>Meaning</source>
        <translation>Betekenis</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="46"/>
        <source>Your password</source>
        <translation>Uw wachtwoord</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="50"/>
        <source>Sign</source>
        <translation>Ondertekenen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="62"/>
        <source>Wrong password: the questionnaire was not signed. Enter your own password.</source>
        <translation>Onjuist wachtwoord: de vragenlijst is niet ondertekend. Vul uw eigen wachtwoord in.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="30"/>
        <source>Sign in to MIMIC Desktop</source>
        <translation>Aanmelden bij MIMIC Desktop</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="35"/>
        <source>Demo database: sign in as any demo account with the password %1.</source>
        <translation>Demodatabase: meld u aan met een van de demo-accounts en het wachtwoord %1.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="45"/>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="49"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="53"/>
        <source>Sign in</source>
        <translation>Aanmelden</translation>
    </message>
</context>
<context>
    <name>StudyPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="32"/>
        <source>Study ID and centre</source>
        <translation>Studienummer en centrum</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="34"/>
        <source>The pseudonymous study ID: MIM, the two-digit centre code, a three-digit number.</source>
        <translation>Het gepseudonimiseerde studienummer: MIM, de tweecijferige centrumcode, een driecijferig nummer.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="45"/>
        <source>Study ID</source>
        <translation>Studienummer</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="46"/>
        <source>Centre</source>
        <translation>Centrum</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="60"/>
        <source>Study ID %1 is already in use on this laptop.</source>
        <translation>Studienummer %1 is al in gebruik op deze laptop.</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="38"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="38"/>
        <source>Event</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="38"/>
        <source>Lesion</source>
        <translation>Laesie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="38"/>
        <source>Note or reason</source>
        <translation>Notitie of reden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="45"/>
        <source>Strike through…</source>
        <translation>Doorhalen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="47"/>
        <source>Correct time…</source>
        <translation>Tijd corrigeren…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="88"/>
        <source>Struck through: %1</source>
        <translation>Doorgehaald: %1</translation>
    </message>
</context>
</TS>
