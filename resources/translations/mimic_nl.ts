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
        <location filename="../../mimic_desktop/ui/about.py" line="43"/>
        <source>Logs ICG-fluorescence-guided liver resections for the MIMIC trial.</source>
        <translation>Legt ICG-fluorescentiegeleide leverresecties vast voor de MIMIC-studie.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/about.py" line="53"/>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/about.py" line="54"/>
        <source>Backups</source>
        <translation>Reservekopieën</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/about.py" line="55"/>
        <source>Data folder</source>
        <translation>Gegevensmap</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/about.py" line="56"/>
        <source>Program</source>
        <translation>Programma</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/about.py" line="59"/>
        <source>Licences</source>
        <translation>Licenties</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/about.py" line="64"/>
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
</context>
<context>
    <name>FirstAccountDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="79"/>
        <source>Create the first coordinator account</source>
        <translation>Eerste coördinatoraccount aanmaken</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="82"/>
        <source>This database has no accounts yet. Create the study coordinator&apos;s account.</source>
        <translation>Deze database heeft nog geen accounts. Maak het account van de studiecoördinator aan.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="95"/>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="96"/>
        <source>Full name</source>
        <translation>Volledige naam</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="97"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="98"/>
        <source>Password again</source>
        <translation>Wachtwoord nogmaals</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="105"/>
        <source>Create account</source>
        <translation>Account aanmaken</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="112"/>
        <source>The two passwords differ.</source>
        <translation>De twee wachtwoorden verschillen.</translation>
    </message>
</context>
<context>
    <name>LesionCards</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="22"/>
        <source>No lesion yet: press Lesion identified [L] or Occult lesion [O]</source>
        <translation>Nog geen laesie: druk op Laesie geïdentificeerd [L] of Occulte laesie [O]</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="51"/>
        <source>Make this the current lesion (Alt+%1)</source>
        <translation>Maak dit de huidige laesie (Alt+%1)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="64"/>
        <source>Lesion %1</source>
        <translation>Laesie %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="67"/>
        <source>segment?</source>
        <translation>segment?</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="69"/>
        <source>Seg.</source>
        <translation>Seg.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="70"/>
        <source>size?</source>
        <translation>grootte?</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="73"/>
        <source>Specimen fluorescent: suspected R1</source>
        <translation>Preparaat fluorescent: verdacht R1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="74"/>
        <source>Specimen clear: suspected R0</source>
        <translation>Preparaat schoon: verdacht R0</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="75"/>
        <source>Specimen not assessed</source>
        <translation>Preparaat niet beoordeeld</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="79"/>
        <source>plane fluorescent</source>
        <translation>vlak fluorescent</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="81"/>
        <source>plane adapted</source>
        <translation>vlak aangepast</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="83"/>
        <source>cavity fluorescent</source>
        <translation>holte fluorescent</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="87"/>
        <source>extended resection</source>
        <translation>uitgebreide resectie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="89"/>
        <source>ablated</source>
        <translation>geableerd</translation>
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
        <location filename="../../mimic_desktop/ui/main_window.py" line="48"/>
        <source>Pathology, post-operative course and the questionnaire come here.</source>
        <translation>Pathologie, postoperatief beloop en de vragenlijst komen hier.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="83"/>
        <source>MIMIC Desktop</source>
        <translation>MIMIC Desktop</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="83"/>
        <source> — DEMO DATABASE</source>
        <translation> — DEMODATABASE</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="93"/>
        <source>DEMO DATABASE — practice data only, not for real patients</source>
        <translation>DEMODATABASE — alleen oefengegevens, niet voor echte patiënten</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="111"/>
        <source>Main</source>
        <translation>Hoofdbalk</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="116"/>
        <source>Procedures</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="118"/>
        <source>New procedure</source>
        <translation>Nieuwe procedure</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="121"/>
        <source>Switch user</source>
        <translation>Andere gebruiker</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="123"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="125"/>
        <source>About</source>
        <translation>Over</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="163"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="168"/>
        <source>Record</source>
        <translation>Dossier</translation>
    </message>
</context>
<context>
    <name>NewProcedureWizard</name>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="127"/>
        <source>New procedure</source>
        <translation>Nieuwe procedure</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="166"/>
        <source>The patient cannot be enrolled:</source>
        <translation>De patiënt kan niet worden geïncludeerd:</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="172"/>
        <source>The ICG time lies in the future.</source>
        <translation>Het tijdstip van ICG ligt in de toekomst.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="178"/>
        <source>Enter the time ICG was given to see the interval to now.</source>
        <translation>Vul het tijdstip van ICG-toediening in om het interval tot nu te zien.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="184"/>
        <source>ICG to now: %1 (protocol window %2–%3 h)</source>
        <translation>ICG tot nu: %1 (protocolvenster %2–%3 u)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="187"/>
        <source>Warning: this is outside the protocol window.</source>
        <translation>Let op: dit valt buiten het protocolvenster.</translation>
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
    <name>SignInDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="29"/>
        <source>Sign in to MIMIC Desktop</source>
        <translation>Aanmelden bij MIMIC Desktop</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="34"/>
        <source>Demo database: sign in as any demo account with the password %1.</source>
        <translation>Demodatabase: meld u aan met een van de demo-accounts en het wachtwoord %1.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="44"/>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="48"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="55"/>
        <source>Sign in</source>
        <translation>Aanmelden</translation>
    </message>
</context>
<context>
    <name>StudyPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="47"/>
        <source>Study ID and centre</source>
        <translation>Studienummer en centrum</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="49"/>
        <source>The pseudonymous study ID: MIM, the two-digit centre code, a three-digit number.</source>
        <translation>Het gepseudonimiseerde studienummer: MIM, de tweecijferige centrumcode, een driecijferig nummer.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="60"/>
        <source>Study ID</source>
        <translation>Studienummer</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="61"/>
        <source>Centre</source>
        <translation>Centrum</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="75"/>
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
