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
    <name>AccountFormDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/account_form.py" line="43"/>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/account_form.py" line="44"/>
        <source>Full name</source>
        <translation>Volledige naam</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/account_form.py" line="46"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/account_form.py" line="47"/>
        <source>The account&apos;s owner types the password: at least 10 characters.</source>
        <translation>De eigenaar van het account typt het wachtwoord: minstens 10 tekens.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/account_form.py" line="51"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/account_form.py" line="52"/>
        <source>Password again</source>
        <translation>Wachtwoord nogmaals</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/account_form.py" line="56"/>
        <source>Create account</source>
        <translation>Account aanmaken</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/account_form.py" line="66"/>
        <source>The two passwords differ.</source>
        <translation>De twee wachtwoorden verschillen.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="38"/>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="44"/>
        <source>Each step here is kept in the audit trail. A reset gives a temporary password that its owner must change at the next sign-in.</source>
        <translation>Elke stap hier wordt bewaard in het audittrail. Opnieuw instellen geeft een tijdelijk wachtwoord dat de eigenaar bij de volgende aanmelding moet wijzigen.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="52"/>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="52"/>
        <source>Full name</source>
        <translation>Volledige naam</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="52"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="52"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="65"/>
        <source>Add account…</source>
        <translation>Account toevoegen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="66"/>
        <source>Reset password</source>
        <translation>Wachtwoord opnieuw instellen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="67"/>
        <source>Release</source>
        <translation>Vrijgeven</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="73"/>
        <source>Change role</source>
        <translation>Rol wijzigen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="74"/>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="132"/>
        <source>Deactivate</source>
        <translation>Deactiveren</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="76"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="91"/>
        <source>deactivated</source>
        <translation>gedeactiveerd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="94"/>
        <source>waits until %1 after %2 wrong passwords</source>
        <translation>wacht tot %1 na %2 verkeerde wachtwoorden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="99"/>
        <source>must choose a new password</source>
        <translation>moet een nieuw wachtwoord kiezen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="100"/>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="132"/>
        <source>Reactivate</source>
        <translation>Heractiveren</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="157"/>
        <source>The temporary password of %1 is:

%2

Tell it to its owner in person. It works once: at the next sign-in they choose their own.</source>
        <translation>Het tijdelijke wachtwoord van %1 is:

%2

Vertel het de eigenaar persoonlijk. Het werkt één keer: bij de volgende aanmelding kiest die een eigen wachtwoord.</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="48"/>
        <source>Answer query %1</source>
        <translation>Query %1 beantwoorden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="51"/>
        <source>About: %1</source>
        <translation>Over: %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="58"/>
        <source>Your answer, as the trial office will read it</source>
        <translation>Uw antwoord, zoals het studiebureau het zal lezen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="60"/>
        <source>Correct the value (now: %1)</source>
        <translation>De waarde corrigeren (nu: %1)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="68"/>
        <source>Correct an event&apos;s time on the timeline, then answer in words.</source>
        <translation>Corrigeer de tijd van een gebeurtenis op de tijdlijn en antwoord dan in woorden.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="55"/>
        <source>Preparing the demo database…</source>
        <translation>De demodatabase wordt voorbereid…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="180"/>
        <source>when a procedure was completed</source>
        <translation>toen een procedure werd afgerond</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="181"/>
        <source>as the day&apos;s first backup</source>
        <translation>als eerste back-up van de dag</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="182"/>
        <source>before an upgrade of MIMIC Desktop</source>
        <translation>vóór een upgrade van MIMIC Desktop</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="202"/>
        <source>%1 is damaged or is not a MIMIC database, and there is no intact automatic backup of it in %2.

The file has not been changed. Ask IT or the trial office for help.</source>
        <translation>%1 is beschadigd of is geen MIMIC-database, en er staat geen intacte automatische back-up van in %2.

Het bestand is niet gewijzigd. Vraag de IT-afdeling of het trialbureau om hulp.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="220"/>
        <source>The database %1 is damaged and cannot be used.

The newest intact automatic backup of it was taken on %2, %3. Restore that backup? Entries saved after that moment are not in it. The damaged file is kept beside it, renamed, for IT or the trial office.

If you choose No, nothing is changed and MIMIC Desktop closes.</source>
        <translation>De database %1 is beschadigd en kan niet worden gebruikt.

De nieuwste intacte automatische back-up ervan is gemaakt op %2, %3. Die back-up terugzetten? Wat na dat moment is opgeslagen, staat er niet in. Het beschadigde bestand blijft ernaast bewaard, onder een andere naam, voor de IT-afdeling of het trialbureau.

Als u Nee kiest, wordt er niets gewijzigd en sluit MIMIC Desktop.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="245"/>
        <source>The backup of %1 is in place and open. The damaged file was kept as %2.</source>
        <translation>De back-up van %1 is teruggezet en geopend. Het beschadigde bestand is bewaard als %2.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="269"/>
        <source>Today&apos;s automatic backup could not be taken: %1

You can go on working; tell IT.</source>
        <translation>De automatische back-up van vandaag kon niet worden gemaakt: %1

U kunt doorwerken; meld het aan de IT-afdeling.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="114"/>
        <source>The database %1 is read-only: you can read it, but nothing can be saved in it (%2).

Do not record a procedure in it. Copy it to a writable folder, or ask IT to make it writable.</source>
        <translation>De database %1 is alleen-lezen: u kunt hem lezen, maar er kan niets in worden opgeslagen (%2).

Registreer er geen ingreep in. Kopieer hem naar een map waarin geschreven kan worden, of vraag IT hem schrijfbaar te maken.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="128"/>
        <source>The database you used on %1 at %2 is not there. It may have been moved, renamed or deleted, or the drive holding it is not connected. No new database has been made in its place.</source>
        <translation>De database die u op %1 gebruikte, in %2, is er niet. Hij is misschien verplaatst, hernoemd of verwijderd, of de schijf waarop hij staat is niet aangesloten. Er is geen nieuwe database voor in de plaats gemaakt.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="138"/>
        <source>Its newest intact automatic backup was taken on %1, %2.</source>
        <translation>De nieuwste intacte automatische reservekopie ervan is gemaakt op %1, %2.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="144"/>
        <source>Find it…</source>
        <translation>Zoeken…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="148"/>
        <source>Restore the backup</source>
        <translation>Reservekopie terugzetten</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="150"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="159"/>
        <source>Where is the database now?</source>
        <translation>Waar staat de database nu?</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="168"/>
        <source>The backup of %1 is in place and open.</source>
        <translation>De reservekopie van %1 staat op zijn plaats en is geopend.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="183"/>
        <source>after session files were imported</source>
        <translation>nadat sessiebestanden waren geïmporteerd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="195"/>
        <source>%1 is damaged or is not a MIMIC central database, and there is no intact automatic backup of it in %2.

The file has not been changed. Ask IT for help; the centres&apos; session files can be imported again into a new central database.</source>
        <translation>%1 is beschadigd of is geen centrale MIMIC-database, en er staat geen intacte automatische back-up van in %2.

Het bestand is niet gewijzigd. Vraag de IT-afdeling om hulp; de sessiebestanden van de centra kunnen opnieuw worden geïmporteerd in een nieuwe centrale database.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="211"/>
        <source>The central database %1 is damaged and cannot be used.

The newest intact automatic backup of it was taken on %2, %3. Restore that backup? Files imported after that moment are not in it: import them again. The damaged file is kept beside it, renamed, for IT.

If you choose No, nothing is changed and the window closes.</source>
        <translation>De centrale database %1 is beschadigd en kan niet worden gebruikt.

De nieuwste intacte automatische back-up ervan is gemaakt op %2, %3. Die back-up terugzetten? Bestanden die na dat moment zijn geïmporteerd, staan er niet in: importeer ze opnieuw. Het beschadigde bestand blijft ernaast bewaard, onder een andere naam, voor de IT-afdeling.

Als u Nee kiest, wordt er niets gewijzigd en sluit het venster.</translation>
    </message>
</context>
<context>
    <name>CentralApp</name>
    <message>
        <location filename="../../mimic_desktop/ui/central/app.py" line="73"/>
        <source>Sign in to the central study database</source>
        <translation>Aanmelden bij de centrale studiedatabase</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/app.py" line="32"/>
        <source>There is no central study database at %1. Check where the trial office keeps it: a database that was moved, or whose drive is not connected, is not made again here.</source>
        <translation>Er is geen centrale studiedatabase in %1. Controleer waar het trialbureau hem bewaart: een database die is verplaatst, of waarvan de schijf niet is aangesloten, wordt hier niet opnieuw gemaakt.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/app.py" line="65"/>
        <source>%1 has no accounts yet, so nobody can sign in to it. A central database is made together with its first data manager: ask whoever made this file to add one, or open the database the trial office uses.</source>
        <translation>%1 heeft nog geen accounts, dus niemand kan erbij aanmelden. Een centrale database wordt samen met de eerste datamanager gemaakt: vraag wie dit bestand heeft gemaakt er een toe te voegen, of open de database die het trialbureau gebruikt.</translation>
    </message>
</context>
<context>
    <name>CentralWindow</name>
    <message>
        <location filename="../../mimic_desktop/ui/central/window.py" line="69"/>
        <source>MIMIC central study database — %1</source>
        <translation>MIMIC centrale studiedatabase — %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/window.py" line="73"/>
        <source>Central</source>
        <translation>Centraal</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/window.py" line="78"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/window.py" line="90"/>
        <source>Central study database of the trial office: %1 — not an operating-room laptop&apos;s database. Records are read-only here: imported session files are kept as they came, and this window never edits a record.</source>
        <translation>Centrale studiedatabase van het trialbureau: %1 — niet de database van een OK-laptop. Dossiers zijn hier alleen-lezen: geïmporteerde sessiebestanden blijven zoals ze binnenkwamen, en dit venster wijzigt nooit een dossier.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/window.py" line="119"/>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/window.py" line="120"/>
        <source>Sessions</source>
        <translation>Sessies</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/window.py" line="121"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/window.py" line="122"/>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/window.py" line="156"/>
        <source>The new settings take effect when the running work has finished.</source>
        <translation>De nieuwe instellingen gaan in zodra het lopende werk klaar is.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/window.py" line="174"/>
        <source>The window closes when the running work has finished.</source>
        <translation>Het venster sluit zodra het lopende werk klaar is.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/window.py" line="123"/>
        <source>Queries</source>
        <translation>Query&apos;s</translation>
    </message>
</context>
<context>
    <name>CentreKeyDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/central/centre_key_dialog.py" line="41"/>
        <source>Add a centre key</source>
        <translation>Centrumsleutel toevoegen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/centre_key_dialog.py" line="56"/>
        <source>two digits, e.g. 03</source>
        <translation>twee cijfers, bijv. 03</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/centre_key_dialog.py" line="59"/>
        <source>Centre code</source>
        <translation>Centrumcode</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/centre_key_dialog.py" line="63"/>
        <source>No file chosen</source>
        <translation>Geen bestand gekozen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/centre_key_dialog.py" line="60"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/centre_key_dialog.py" line="68"/>
        <source>Key file</source>
        <translation>Sleutelbestand</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/centre_key_dialog.py" line="73"/>
        <source>Fingerprint</source>
        <translation>Vingerafdruk</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/centre_key_dialog.py" line="79"/>
        <source>The centre read out the same fingerprint by phone</source>
        <translation>Het centrum las telefonisch dezelfde vingerafdruk voor</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/centre_key_dialog.py" line="87"/>
        <source>Register</source>
        <translation>Registreren</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/centre_key_dialog.py" line="97"/>
        <source>The centre&apos;s public key</source>
        <translation>De publieke sleutel van het centrum</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/centre_key_dialog.py" line="97"/>
        <source>Public key files (*.pem);;All files (*)</source>
        <translation>Publieke-sleutelbestanden (*.pem);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/centre_key_dialog.py" line="46"/>
        <source>A centre sends its public key as a .pem file (saved on its laptop under Settings, &quot;Save the public key…&quot;). Files signed with a registered key are trusted as coming from that centre, so check the fingerprint with the centre by phone before registering it.</source>
        <translation>Een centrum stuurt zijn publieke sleutel als .pem-bestand (op zijn laptop bewaard via Instellingen, &quot;Publieke sleutel opslaan…&quot;). Bestanden die met een geregistreerde sleutel zijn ondertekend, worden vertrouwd als afkomstig van dat centrum; controleer de vingerafdruk dus telefonisch met het centrum voordat u hem registreert.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/centre_key_dialog.py" line="76"/>
        <source>only for a key that was withdrawn before</source>
        <translation>alleen voor een sleutel die eerder is ingetrokken</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/centre_key_dialog.py" line="77"/>
        <source>Why it is trusted again</source>
        <translation>Waarom hij weer vertrouwd wordt</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/password_dialog.py" line="25"/>
        <source>Change my password</source>
        <translation>Mijn wachtwoord wijzigen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/password_dialog.py" line="29"/>
        <source>A coordinator reset your password. Choose a new one of your own before you go on.</source>
        <translation>Een coördinator heeft uw wachtwoord opnieuw ingesteld. Kies een eigen nieuw wachtwoord voordat u verdergaat.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/password_dialog.py" line="37"/>
        <source>Current password</source>
        <translation>Huidig wachtwoord</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/password_dialog.py" line="38"/>
        <source>New password</source>
        <translation>Nieuw wachtwoord</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/password_dialog.py" line="39"/>
        <source>New password again</source>
        <translation>Nieuw wachtwoord nogmaals</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/password_dialog.py" line="40"/>
        <source>At least 10 characters; not one of the passwords everybody tries first.</source>
        <translation>Minstens 10 tekens; niet een van de wachtwoorden die iedereen als eerste probeert.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/password_dialog.py" line="47"/>
        <source>Change password</source>
        <translation>Wachtwoord wijzigen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/password_dialog.py" line="62"/>
        <source>The two new passwords differ.</source>
        <translation>De twee nieuwe wachtwoorden verschillen.</translation>
    </message>
</context>
<context>
    <name>ClockPanel</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/clock.py" line="42"/>
        <source>Since incision</source>
        <translation>Sinds incisie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/clock.py" line="45"/>
        <source>Since ICG</source>
        <translation>Sinds ICG</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/clock.py" line="89"/>
        <source>ICG time not recorded</source>
        <translation>Tijdstip ICG niet vastgelegd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/clock.py" line="91"/>
        <source>ICG to incision</source>
        <translation>ICG tot incisie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/clock.py" line="91"/>
        <source>ICG to now</source>
        <translation>ICG tot nu</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/clock.py" line="92"/>
        <source>within the protocol window</source>
        <translation>binnen het protocolvenster</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/clock.py" line="92"/>
        <source>OUTSIDE the protocol window</source>
        <translation>BUITEN het protocolvenster</translation>
    </message>
</context>
<context>
    <name>CompletionPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/completion_page.py" line="25"/>
        <source>Completion</source>
        <translation>Voltooien</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/completion_page.py" line="36"/>
        <source>Complete and lock</source>
        <translation>Voltooien en vergrendelen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/completion_page.py" line="62"/>
        <source>Completed and locked on %1. A change now needs a reason, kept in the audit trail.</source>
        <translation>Voltooid en vergrendeld op %1. Een wijziging vraagt nu om een reden, die in het audittrail wordt bewaard.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/completion_page.py" line="65"/>
        <source>Still missing before the record can be completed (%1):</source>
        <translation>Nog nodig voordat het dossier voltooid kan worden (%1):</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/completion_page.py" line="68"/>
        <source>Nothing is missing: the record can be completed and locked.</source>
        <translation>Er ontbreekt niets: het dossier kan voltooid en vergrendeld worden.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/completion_page.py" line="42"/>
        <source>Subject status</source>
        <translation>Status van de deelnemer</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/completion_page.py" line="48"/>
        <source>Change subject status…</source>
        <translation>Status van de deelnemer wijzigen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/completion_page.py" line="75"/>
        <source>Enrolled: the patient is part of the trial&apos;s analysis.</source>
        <translation>Geïncludeerd: de patiënt hoort bij de analyse van de studie.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/completion_page.py" line="76"/>
        <source>%1 since %2, and left out of the trial&apos;s analysis. Reason: %3</source>
        <translation>%1 sinds %2, en buiten de analyse van de studie gelaten. Reden: %3</translation>
    </message>
</context>
<context>
    <name>CorrectTimeDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="173"/>
        <source>Correct the time</source>
        <translation>Tijd corrigeren</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="182"/>
        <source>Correct time</source>
        <translation>Juiste tijd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="188"/>
        <source>%1 min earlier</source>
        <translation>%1 min eerder</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="188"/>
        <source>%1 min later</source>
        <translation>%1 min later</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="198"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="220"/>
        <source>Type the time as YYYY-MM-DD HH:MM:SS, or HH:MM:SS on the same day.</source>
        <translation>Typ de tijd als JJJJ-MM-DD UU:MM:SS, of UU:MM:SS op dezelfde dag.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="222"/>
        <source>This is the recorded time: type the time it really happened.</source>
        <translation>Dit is de vastgelegde tijd: typ de tijd waarop het echt gebeurde.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="292"/>
        <source>Unexpected error</source>
        <translation>Onverwachte fout</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="296"/>
        <source>Something went wrong inside MIMIC Desktop. Everything saved before this moment is safe, and what you were typing is still on the screen. Please save a report for the trial office.</source>
        <translation>Er ging iets mis in MIMIC Desktop. Alles wat vóór dit moment is opgeslagen, is veilig, en wat u aan het typen was staat nog op het scherm. Sla alstublieft een rapport op voor het trialbureau.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="306"/>
        <source>Save report</source>
        <translation>Rapport opslaan</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="316"/>
        <source>Report saved to %1</source>
        <translation>Rapport opgeslagen in %1</translation>
    </message>
</context>
<context>
    <name>DataExportDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/data_export_dialog.py" line="31"/>
        <source>Export data</source>
        <translation>Gegevens exporteren</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/data_export_dialog.py" line="39"/>
        <source>CSV tables with a data dictionary, for statisticians</source>
        <translation>CSV-tabellen met datadictionary, voor statistici</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/data_export_dialog.py" line="40"/>
        <source>REDCap data dictionary and import file</source>
        <translation>REDCap-datadictionary en importbestand</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/data_export_dialog.py" line="41"/>
        <source>CDISC ODM 1.3.2 (XML)</source>
        <translation>CDISC ODM 1.3.2 (XML)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/data_export_dialog.py" line="50"/>
        <source>Formats</source>
        <translation>Formaten</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/data_export_dialog.py" line="52"/>
        <source>Only %1</source>
        <translation>Alleen %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/data_export_dialog.py" line="54"/>
        <source>All procedures on this laptop (%1)</source>
        <translation>Alle procedures op deze laptop (%1)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/data_export_dialog.py" line="60"/>
        <source>Procedures</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/data_export_dialog.py" line="66"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/data_export_dialog.py" line="70"/>
        <source>Folder</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/data_export_dialog.py" line="72"/>
        <source>The files are pseudonymous (study IDs only), but free text goes with them: keep them where patient data may be kept. The export is noted in the audit trail.</source>
        <translation>De bestanden zijn gepseudonimiseerd (alleen studienummers), maar vrije tekst gaat mee: bewaar ze waar patiëntgegevens bewaard mogen worden. De export wordt in het audittrail vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/data_export_dialog.py" line="77"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/data_export_dialog.py" line="89"/>
        <source>Export into</source>
        <translation>Exporteren naar</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/data_export_dialog.py" line="42"/>
        <source>Castor EDC import files</source>
        <translation>Importbestanden voor Castor EDC</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/data_export_dialog.py" line="43"/>
        <source>CDISC Dataset-JSON 1.1</source>
        <translation>CDISC Dataset-JSON 1.1</translation>
    </message>
</context>
<context>
    <name>DelegateDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/delegate_dialog.py" line="31"/>
        <source>Let another surgeon sign</source>
        <translation>Een andere chirurg laten tekenen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/delegate_dialog.py" line="36"/>
        <source>The operating surgeon signs the questionnaire of %1. Another surgeon signs it only with a delegation: say who, and why.</source>
        <translation>De operateur tekent de vragenlijst van %1. Een andere chirurg tekent alleen met een delegatie: geef aan wie, en waarom.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/delegate_dialog.py" line="46"/>
        <source>Surgeon</source>
        <translation>Chirurg</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/delegate_dialog.py" line="49"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/delegate_dialog.py" line="56"/>
        <source>Record the delegation</source>
        <translation>Delegatie vastleggen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/delegate_dialog.py" line="74"/>
        <source>not saved: rewrite the text</source>
        <translation>niet opgeslagen: herschrijf de tekst</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../mimic_desktop/ui/app.py" line="142"/>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="51"/>
        <source>MIMIC Desktop</source>
        <translation>MIMIC Desktop</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="63"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="64"/>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="70"/>
        <source>These typed values or actions could not be saved:</source>
        <translation>Deze getypte waarden of handelingen konden niet worden opgeslagen:</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="72"/>
        <source>Go back to correct them, or discard them? Discarded values are not stored anywhere.</source>
        <translation>Teruggaan om ze te verbeteren, of ze weggooien? Weggegooide waarden worden nergens bewaard.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="76"/>
        <source>Go back</source>
        <translation>Teruggaan</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/dialogs.py" line="77"/>
        <source>Discard them</source>
        <translation>Weggooien</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="38"/>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="43"/>
        <source>Procedure summary</source>
        <translation>Samenvatting van de procedure</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="44"/>
        <source>Questionnaire, filled in</source>
        <translation>Vragenlijst, ingevuld</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="45"/>
        <source>Questionnaire, blank for paper</source>
        <translation>Vragenlijst, leeg voor op papier</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="53"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="60"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="63"/>
        <source>Save as PDF…</source>
        <translation>Opslaan als pdf…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="98"/>
        <source>Save the PDF as</source>
        <translation>De pdf opslaan als</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="98"/>
        <source>PDF files (*.pdf)</source>
        <translation>Pdf-bestanden (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="115"/>
        <source>The PDF was not written.</source>
        <translation>De pdf is niet geschreven.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="117"/>
        <source>Writing %1…</source>
        <translation>%1 wordt geschreven…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/documents_page.py" line="118"/>
        <source>Written to %1</source>
        <translation>Geschreven naar %1</translation>
    </message>
</context>
<context>
    <name>ExportWarningsDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/export_warnings.py" line="20"/>
        <source>Check before export</source>
        <translation>Controleren vóór export</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/export_warnings.py" line="24"/>
        <source>The session file of %1 is about to leave the hospital. Please check first:</source>
        <translation>Het sessiebestand van %1 staat op het punt het ziekenhuis te verlaten. Controleer eerst:</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/export_warnings.py" line="36"/>
        <source>Go back to change the record (a change to a completed record asks for a reason, kept in the audit trail), or export anyway when nothing here identifies the patient.</source>
        <translation>Ga terug om het dossier te wijzigen (een wijziging in een voltooid dossier vraagt om een reden, die in het audittrail wordt bewaard), of exporteer toch als niets hiervan de patiënt herkenbaar maakt.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/export_warnings.py" line="41"/>
        <source>Go back and fix</source>
        <translation>Terug om te verbeteren</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/export_warnings.py" line="43"/>
        <source>Export anyway</source>
        <translation>Toch exporteren</translation>
    </message>
</context>
<context>
    <name>ExportsPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="39"/>
        <source>Exports for statisticians</source>
        <translation>Exports voor statistici</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="52"/>
        <source>Flat CSV</source>
        <translation>Platte CSV</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="52"/>
        <source>procedures, lesions and complications, with a data dictionary</source>
        <translation>procedures, laesies en complicaties, met een datadictionary</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="53"/>
        <source>REDCap</source>
        <translation>REDCap</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="53"/>
        <source>data dictionary and import CSV, field labels in</source>
        <translation>datadictionary en import-CSV, veldlabels in het</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="54"/>
        <source>CDISC ODM 1.3.2</source>
        <translation>CDISC ODM 1.3.2</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="54"/>
        <source>one XML file with the metadata in English and Dutch</source>
        <translation>één XML-bestand met de metadata in het Engels en het Nederlands</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="70"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="91"/>
        <source>Folder to write the export into</source>
        <translation>Map voor de export</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="108"/>
        <source>Writing into %1…</source>
        <translation>Schrijven naar %1…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="114"/>
        <source>Written:
%1</source>
        <translation>Geschreven:
%1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="137"/>
        <source>Nothing was exported.</source>
        <translation>Er is niets geëxporteerd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="57"/>
        <source>Castor EDC</source>
        <translation>Castor EDC</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="58"/>
        <source>study data and repeating data import files, with their variable map</source>
        <translation>importbestanden voor studiegegevens en herhaalde gegevens, met hun variabelenkaart</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="60"/>
        <source>CDISC Dataset-JSON 1.1</source>
        <translation>CDISC Dataset-JSON 1.1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="60"/>
        <source>procedures, lesions and complications</source>
        <translation>ingrepen, laesies en complicaties</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="118"/>
        <source>The identifier check found %n text(s) that look like they hold a name, a number or a date. Ask the centre to correct them on its laptop and send the record again, then export again:</source>
        <translation>
            <numerusform>De identificatiecontrole vond %n tekst die een naam, een nummer of een datum lijkt te bevatten. Vraag het centrum hem op zijn laptop te corrigeren en het dossier opnieuw te sturen, en exporteer daarna opnieuw:</numerusform>
            <numerusform>De identificatiecontrole vond %n teksten die een naam, een nummer of een datum lijken te bevatten. Vraag het centrum ze op zijn laptop te corrigeren en het dossier opnieuw te sturen, en exporteer daarna opnieuw:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="128"/>
        <source>The identifier check found nothing that looks like a name, a number or a date in the free text: the files name no person.</source>
        <translation>De identificatiecontrole vond in de vrije tekst niets wat op een naam, een nummer of een datum lijkt: de bestanden noemen geen persoon.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="42"/>
        <source>Each export holds the current version of every session (superseded and voided sessions are left out) and is written into a folder you choose, in files whose names begin with mimic_central. Patients appear by study ID only; the free text is checked for anything that looks like a name, a number or a date, and what the check finds is listed here.</source>
        <translation>Elke export bevat de huidige versie van elke sessie (vervangen en ongeldig gemaakte sessies blijven erbuiten) en wordt geschreven in een map die u kiest, in bestanden waarvan de naam begint met mimic_central. Patiënten staan er alleen met hun studienummer in; de vrije tekst wordt gecontroleerd op alles wat op een naam, een nummer of een datum lijkt, en wat de controle vindt, staat hier.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../mimic_desktop/ui/form_widget.py" line="141"/>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-DD</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/form_widget.py" line="143"/>
        <source>YYYY-MM-DD HH:MM:SS</source>
        <translation>JJJJ-MM-DD UU:MM:SS</translation>
    </message>
</context>
<context>
    <name>FirstAccountDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="94"/>
        <source>Create the first coordinator account</source>
        <translation>Eerste coördinatoraccount aanmaken</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="96"/>
        <source>This database has no accounts yet. Create the study coordinator&apos;s account.</source>
        <translation>Deze database heeft nog geen accounts. Maak het account van de studiecoördinator aan.</translation>
    </message>
</context>
<context>
    <name>FluorescencePanel</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="38"/>
        <source>Fluorescence measured on a kept frame</source>
        <translation>Fluorescentie gemeten op een bewaard beeld</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="44"/>
        <source>No frame was kept with this lesion&apos;s findings: frames are kept while a video source is set.</source>
        <translation>Bij de bevindingen van deze laesie is geen beeld bewaard: beelden worden bewaard zolang een videobron is ingesteld.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="55"/>
        <source>Kept frame</source>
        <translation>Bewaard beeld</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="57"/>
        <source>Frame</source>
        <translation>Beeld</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="65"/>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="69"/>
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="82"/>
        <source>Draw the target (T)</source>
        <translation>Doelgebied tekenen (T)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="83"/>
        <source>Draw the background (B)</source>
        <translation>Achtergrond tekenen (B)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="93"/>
        <source>Frame: drag to draw a region; arrows move it, Shift+arrows resize it</source>
        <translation>Beeld: sleep om een gebied te tekenen; pijltjes verplaatsen het, Shift+pijltjes veranderen de grootte</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="98"/>
        <source>Drag on the frame to draw the chosen region. Keys: T target, B background, arrows move, Shift+arrows resize, Ctrl for ten pixels.</source>
        <translation>Sleep op het beeld om het gekozen gebied te tekenen. Toetsen: T doelgebied, B achtergrond, pijltjes verplaatsen, Shift+pijltjes veranderen de grootte, Ctrl voor tien pixels.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="72"/>
        <source>Store the measurement</source>
        <translation>Meting opslaan</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="116"/>
        <source>near-infrared (grey frame)</source>
        <translation>nabij-infrarood (grijs beeld)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="117"/>
        <source>green (overlay colour)</source>
        <translation>groen (kleur van de overlay)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="118"/>
        <source>red</source>
        <translation>rood</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="119"/>
        <source>blue</source>
        <translation>blauw</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="120"/>
        <source>grey of a colour frame</source>
        <translation>grijswaarde van een kleurenbeeld</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="142"/>
        <source>Frame %1 · %2 · %3</source>
        <translation>Beeld %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="205"/>
        <source>Draw a target and a background region to see their figures.</source>
        <translation>Teken een doelgebied en een achtergrond om hun waarden te zien.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="221"/>
        <source>Target %1: mean %2, SD %3</source>
        <translation>Doelgebied %1: gemiddelde %2, SD %3</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="225"/>
        <source>Background %1: mean %2, SD %3</source>
        <translation>Achtergrond %1: gemiddelde %2, SD %3</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="229"/>
        <source>Signal-to-background ratio: %1 on the %2 channel</source>
        <translation>Signaal-achtergrondverhouding: %1 op het kanaal %2</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="232"/>
        <source>Uncalibrated, relative to this frame: pixel values depend on the camera, its distance and angle.</source>
        <translation>Niet gekalibreerd, alleen ten opzichte van dit beeld: pixelwaarden hangen af van de camera, de afstand en de hoek.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="239"/>
        <source>No measurement stored for this lesion yet.</source>
        <translation>Voor deze laesie is nog geen meting opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/fluorescence_panel.py" line="244"/>
        <source>Stored: frame %1, ratio %2 (%3 channel)</source>
        <translation>Opgeslagen: beeld %1, verhouding %2 (kanaal %3)</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="132"/>
        <source>The patient cannot be enrolled:</source>
        <translation>De patiënt kan niet worden geïncludeerd:</translation>
    </message>
</context>
<context>
    <name>FramesTab</name>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_frames.py" line="31"/>
        <source>Frames are masked at the centre before they are kept, but a mask is set per imaging system and may miss a name burnt into a picture: look at a frame before using it, and ask the centre when it shows anything that identifies the patient.</source>
        <translation>Beelden worden in het centrum gemaskeerd voordat ze bewaard worden, maar een masker geldt per beeldvormingssysteem en kan een in het beeld gebrande naam missen: bekijk een beeld voordat u het gebruikt, en vraag het centrum als het iets toont dat de patiënt identificeert.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_frames.py" line="45"/>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_frames.py" line="46"/>
        <source>Event</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_frames.py" line="47"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_frames.py" line="48"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_frames.py" line="49"/>
        <source>Size (pixels)</source>
        <translation>Grootte (pixels)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_frames.py" line="50"/>
        <source>Pixels</source>
        <translation>Pixels</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_frames.py" line="73"/>
        <source>No imported version of this record lists a frame.</source>
        <translation>Geen geïmporteerde versie van dit dossier vermeldt een beeld.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_frames.py" line="82"/>
        <source>travelled</source>
        <translation>meegestuurd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_frames.py" line="82"/>
        <source>stayed at the centre</source>
        <translation>bleef in het centrum</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_frames.py" line="102"/>
        <source>Frame %1 cannot be shown as a picture.</source>
        <translation>Beeld %1 kan niet als afbeelding worden getoond.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_frames.py" line="105"/>
        <source>Frame %1, as the centre kept it (masked).</source>
        <translation>Beeld %1, zoals het centrum het bewaarde (gemaskeerd).</translation>
    </message>
</context>
<context>
    <name>FramesTravelSetting</name>
    <message>
        <location filename="../../mimic_desktop/ui/frames_travel_setting.py" line="24"/>
        <source>Near-infrared frames travel in session files</source>
        <translation>Nabij-infraroodbeelden gaan mee in sessiebestanden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/frames_travel_setting.py" line="32"/>
        <source>Off, the session file lists the kept frames by their hashes only. On, it carries their pixels too: masked, but a mask may miss a name a tower burnt into the picture, and the file grows by their size.</source>
        <translation>Uit: het sessiebestand vermeldt de bewaarde beelden alleen met hun hashes. Aan: het bevat ook hun pixels, gemaskeerd, maar een masker kan een naam missen die een toren in het beeld heeft gebrand, en het bestand groeit met hun grootte.</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="77"/>
        <source>History of the record</source>
        <translation>Geschiedenis van het dossier</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="79"/>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="83"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="86"/>
        <source>Every kind</source>
        <translation>Elke soort</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="92"/>
        <source>Find text</source>
        <translation>Tekst zoeken</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="100"/>
        <source>Save as CSV…</source>
        <translation>Opslaan als csv…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="107"/>
        <source>Save as PDF…</source>
        <translation>Opslaan als pdf…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="122"/>
        <source>Refused attempts</source>
        <translation>Geweigerde pogingen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="138"/>
        <source>Everyone</source>
        <translation>Iedereen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="160"/>
        <source>%1 of %2 entries shown</source>
        <translation>%1 van %2 regels getoond</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="178"/>
        <source>CSV files (*.csv)</source>
        <translation>Csv-bestanden (*.csv)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="178"/>
        <source>PDF files (*.pdf)</source>
        <translation>Pdf-bestanden (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="179"/>
        <source>Save the audit trail as</source>
        <translation>De audittrail opslaan als</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="191"/>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="197"/>
        <source>The file was not written.</source>
        <translation>Het bestand is niet geschreven.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="194"/>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="200"/>
        <source>Written to %1</source>
        <translation>Geschreven naar %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="199"/>
        <source>Writing %1…</source>
        <translation>%1 wordt geschreven…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/history_page.py" line="112"/>
        <source>Redact a text…</source>
        <translation>Een tekst onleesbaar maken…</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="45"/>
        <source>Import session files</source>
        <translation>Sessiebestanden importeren</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="48"/>
        <source>Choose the .mimic files a centre sent (by e-mail or on a USB stick), or a folder holding them. Each file is checked whole before anything is stored: a file imported before changes nothing, a newer version of a session supersedes the current one and both are kept, and a damaged, altered or unsigned file is rejected with the reason.</source>
        <translation>Kies de .mimic-bestanden die een centrum stuurde (per e-mail of op een USB-stick), of een map die ze bevat. Elk bestand wordt in zijn geheel gecontroleerd voordat er iets wordt opgeslagen: een eerder geïmporteerd bestand verandert niets, een nieuwere versie van een sessie vervangt de huidige en beide worden bewaard, en een beschadigd, gewijzigd of niet-ondertekend bestand wordt geweigerd met de reden.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="58"/>
        <source>Import files…</source>
        <translation>Bestanden importeren…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="61"/>
        <source>Import a folder…</source>
        <translation>Map importeren…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="78"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="78"/>
        <source>Study ID</source>
        <translation>Studienummer</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="78"/>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="78"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="78"/>
        <source>Details</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="83"/>
        <source>Copy the summary</source>
        <translation>Overzicht kopiëren</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="88"/>
        <source>Save the summary as text…</source>
        <translation>Overzicht opslaan als tekst…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="100"/>
        <source>Session files to import</source>
        <translation>Te importeren sessiebestanden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="102"/>
        <source>MIMIC session files (*.mimic);;All files (*)</source>
        <translation>MIMIC-sessiebestanden (*.mimic);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="108"/>
        <source>Folder of session files to import</source>
        <translation>Map met te importeren sessiebestanden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="117"/>
        <source>Looking for session files…</source>
        <translation>Sessiebestanden zoeken…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="125"/>
        <source>%1 of %2 checked: %3</source>
        <translation>%1 van %2 gecontroleerd: %3</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="132"/>
        <source>The import stopped: %1 The files marked not imported can be imported again.</source>
        <translation>De import is gestopt: %1 De bestanden gemarkeerd als niet geïmporteerd kunnen opnieuw worden geïmporteerd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="139"/>
        <source>The import has finished.</source>
        <translation>De import is klaar.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="141"/>
        <source>No session files (.mimic) were found there.</source>
        <translation>Daar zijn geen sessiebestanden (.mimic) gevonden.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="149"/>
        <source>The import did not finish. Files imported before the problem are kept.</source>
        <translation>De import is niet afgemaakt. Bestanden die vóór het probleem zijn geïmporteerd, blijven bewaard.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="161"/>
        <source>imported (new)</source>
        <translation>geïmporteerd (nieuw)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="162"/>
        <source>imported (supersedes)</source>
        <translation>geïmporteerd (vervangt)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="163"/>
        <source>imported (older version)</source>
        <translation>geïmporteerd (oudere versie)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="165"/>
        <source>duplicate</source>
        <translation>dubbel</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="166"/>
        <source>rejected</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="167"/>
        <source>not imported</source>
        <translation>niet geïmporteerd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="180"/>
        <source>Imported: %1 (new: %2, superseding an earlier version: %3, older version kept: %4) · duplicates: %5 · rejected: %6</source>
        <translation>Geïmporteerd: %1 (nieuw: %2, ter vervanging van een eerdere versie: %3, oudere versie bewaard: %4) · dubbel: %5 · geweigerd: %6</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="222"/>
        <source>Save the import summary as</source>
        <translation>Importoverzicht opslaan als</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="224"/>
        <source>Text files (*.txt)</source>
        <translation>Tekstbestanden (*.txt)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="238"/>
        <source>Summary saved to %1</source>
        <translation>Overzicht opgeslagen in %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="164"/>
        <source>imported, held back</source>
        <translation>geïmporteerd, achtergehouden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="186"/>
        <source>%n version(s) held back until a data manager releases them</source>
        <translation>
            <numerusform>%n versie achtergehouden tot een datamanager hem vrijgeeft</numerusform>
            <numerusform>%n versies achtergehouden tot een datamanager ze vrijgeeft</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeepIdentifierDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/identifier_check.py" line="49"/>
        <source>This text may identify the patient</source>
        <translation>Deze tekst kan de patiënt herkenbaar maken</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/identifier_check.py" line="56"/>
        <source>To save it as typed, say why (kept in the audit trail):</source>
        <translation>Zeg waarom, om hem op te slaan zoals getypt (dit blijft in het audittrail):</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/identifier_check.py" line="61"/>
        <source>Rewrite it</source>
        <translation>Herschrijven</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/identifier_check.py" line="63"/>
        <source>Save as typed</source>
        <translation>Opslaan zoals getypt</translation>
    </message>
</context>
<context>
    <name>LesionCards</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="64"/>
        <source>No lesion yet: press Lesion identified [L] or Occult lesion [O]</source>
        <translation>Nog geen laesie: druk op Laesie geïdentificeerd [L] of Occulte laesie [O]</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="101"/>
        <source>Make this the current lesion (Alt+%1)</source>
        <translation>Maak dit de huidige laesie (Alt+%1)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="62"/>
        <source>No lesion yet: L or O</source>
        <translation>Nog geen laesie: L of O</translation>
    </message>
</context>
<context>
    <name>LesionPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_page.py" line="31"/>
        <location filename="../../mimic_desktop/ui/live/lesion_page.py" line="33"/>
        <source>Back to the event buttons</source>
        <translation>Terug naar de gebeurtenisknoppen</translation>
    </message>
</context>
<context>
    <name>LesionPanel</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_panel.py" line="69"/>
        <source>Save lesion</source>
        <translation>Laesie opslaan</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_panel.py" line="114"/>
        <source>Current lesion: %1</source>
        <translation>Huidige laesie: %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_panel.py" line="114"/>
        <source>No current lesion</source>
        <translation>Geen huidige laesie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_panel.py" line="142"/>
        <source>%1 takes a number: “%2” is not part of one. Press Esc to return to the event keys.</source>
        <translation>%1 vraagt een getal: “%2” hoort daar niet bij. Druk op Esc om terug te gaan naar de gebeurtenistoetsen.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_panel.py" line="147"/>
        <source>No answer of %1 starts with “%2”. Press Esc to return to the event keys.</source>
        <translation>Geen antwoord van %1 begint met “%2”. Druk op Esc om terug te gaan naar de gebeurtenistoetsen.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_panel.py" line="200"/>
        <source>Typed before MIMIC Desktop closed, and saved now: %1</source>
        <translation>Getypt voordat MIMIC Desktop werd afgesloten, en nu opgeslagen: %1</translation>
    </message>
</context>
<context>
    <name>LesionText</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="186"/>
        <source>Lesion %1</source>
        <translation>Laesie %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="175"/>
        <source>Segment(s) %1 · %2</source>
        <translation>
            <numerusform>Segment %1 · %2</numerusform>
            <numerusform>Segmenten %1 · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="177"/>
        <source>Segment(s) %1 · size not entered yet</source>
        <translation>
            <numerusform>Segment %1 · grootte nog niet ingevuld</numerusform>
            <numerusform>Segmenten %1 · grootte nog niet ingevuld</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="179"/>
        <source>%1 · segment not entered yet</source>
        <translation>%1 · segment nog niet ingevuld</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="180"/>
        <source>Segment and size not entered yet</source>
        <translation>Segment en grootte nog niet ingevuld</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="192"/>
        <source>Specimen fluorescent: suspected R1</source>
        <translation>Preparaat fluorescent: verdacht R1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="193"/>
        <source>Specimen clear: suspected R0</source>
        <translation>Preparaat schoon: verdacht R0</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="194"/>
        <source>Specimen not assessed</source>
        <translation>Preparaat niet beoordeeld</translation>
    </message>
</context>
<context>
    <name>LesionsPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/lesions_page.py" line="55"/>
        <source>No lesions yet: lesions are identified on the live screen during surgery.</source>
        <translation>Nog geen laesies: laesies worden tijdens de operatie op het livescherm vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/lesions_page.py" line="101"/>
        <source>check the pathology</source>
        <translation>controleer de pathologie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/lesions_page.py" line="145"/>
        <source>R status: derived from the margin once it is entered (R0 from 1 mm).</source>
        <translation>R-status: volgt uit de marge zodra die is ingevuld (R0 vanaf 1 mm).</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/lesions_page.py" line="147"/>
        <source>R status (derived): %1</source>
        <translation>R-status (afgeleid): %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/lesions_page.py" line="149"/>
        <source>Final R status after the cavity re-resection: %1</source>
        <translation>Uiteindelijke R-status na naresectie van de holte: %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/lesions_page.py" line="38"/>
        <source>Remove lesion…</source>
        <translation>Laesie verwijderen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/lesions_page.py" line="40"/>
        <source>Take a lesion entered by mistake out of the record, with a reason</source>
        <translation>Een per vergissing ingevoerde laesie uit het dossier halen, met een reden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/lesions_page.py" line="197"/>
        <source>Remove lesion</source>
        <translation>Laesie verwijderen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/lesions_page.py" line="199"/>
        <source>Remove lesion %1 from the record? Say why: the lesion stays in the audit trail with your reason, and its number is not used again.</source>
        <translation>Laesie %1 uit het dossier verwijderen? Geef aan waarom: de laesie blijft met uw reden in het audittrail staan, en haar nummer wordt niet opnieuw gebruikt.</translation>
    </message>
</context>
<context>
    <name>LiveScreen</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="238"/>
        <source>Surgery has ended: complete the record in the Record tab.</source>
        <translation>De operatie is afgelopen: vul het dossier aan op het tabblad Dossier.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="342"/>
        <source>Keys log events: press the key shown on a button. Backspace strikes the last one through.</source>
        <translation>Toetsen leggen gebeurtenissen vast: druk op de toets die op een knop staat. Backspace streept de laatste door.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="465"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="562"/>
        <source>Strike through</source>
        <translation>Doorhalen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="555"/>
        <source>Why is this event wrong? It stays visible, struck through, with your reason.</source>
        <translation>Waarom is deze gebeurtenis onjuist? Ze blijft zichtbaar, doorgehaald, met uw reden.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="560"/>
        <source>Lesion %1 will be removed from the record with it, with the same reason. Its number is not used again.</source>
        <translation>Laesie %1 wordt daarmee uit het dossier verwijderd, met dezelfde reden. Haar nummer wordt niet opnieuw gebruikt.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="343"/>
        <source>Typing into %1 — press Enter or Esc to save it and return to the event keys.</source>
        <translation>U typt in %1 — druk op Enter of Esc om op te slaan en terug te gaan naar de gebeurtenistoetsen.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="350"/>
        <source>the video time</source>
        <translation>de videotijd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="369"/>
        <source>No event has the key %1.</source>
        <translation>Geen gebeurtenis heeft de toets %1.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="372"/>
        <source>%1 is not recorded: this record cannot be changed here.</source>
        <translation>%1 is niet vastgelegd: dit dossier kan hier niet worden gewijzigd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="374"/>
        <source>%1 is not recorded: surgery has ended, only a note may follow.</source>
        <translation>%1 is niet vastgelegd: de operatie is beëindigd, alleen een notitie kan nog volgen.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="377"/>
        <source>%1 is not recorded: it belongs to a lesion. Identify one first (%2) or choose one (Alt+number).</source>
        <translation>%1 is niet vastgelegd: dit hoort bij een laesie. Identificeer er eerst een (%2) of kies er een (Alt+nummer).</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="422"/>
        <source>Give up on these %1 actions? They are not stored, and cannot be brought back:

%2</source>
        <translation>Deze %1 handelingen opgeven? Ze worden niet opgeslagen en zijn niet terug te halen:

%2</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="430"/>
        <source>%1 actions given up, not stored</source>
        <translation>%1 handelingen opgegeven, niet opgeslagen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="503"/>
        <source>Video time %1</source>
        <translation>Videotijd %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="515"/>
        <source>The record looks unfinished:</source>
        <translation>Het dossier lijkt onvolledig:</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="517"/>
        <source>Record the end of surgery all the same?</source>
        <translation>Toch het einde van de operatie vastleggen?</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="520"/>
        <source>End of surgery not recorded.</source>
        <translation>Einde operatie niet vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="526"/>
        <source>Lesion %1 made current</source>
        <translation>Laesie %1 actueel gemaakt</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="539"/>
        <source>Lesion %1: %2</source>
        <translation>Laesie %1: %2</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="565"/>
        <source>Strike through %1</source>
        <translation>%1 doorhalen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="574"/>
        <source>There is no event to strike through.</source>
        <translation>Er is geen gebeurtenis om door te strepen.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="586"/>
        <source>Correct the time of %1</source>
        <translation>Tijd van %1 corrigeren</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="135"/>
        <source>Lesion details</source>
        <translation>Laesiegegevens</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="137"/>
        <source>Lesion details: segments on the map, size, source</source>
        <translation>Laesiegegevens: segmenten op de kaart, grootte, herkomst</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="139"/>
        <source>Show the current lesion&apos;s map and fields in place of the event buttons</source>
        <translation>Toon de kaart en velden van de huidige laesie in plaats van de gebeurtenisknoppen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="236"/>
        <source>One specimen: lesions {numbers}</source>
        <translation>Eén preparaat: laesies {numbers}</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="212"/>
        <source>Frames are not kept: %1</source>
        <translation>Er worden geen beelden bewaard: %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/live_screen.py" line="491"/>
        <source>%1 recorded without a frame: %2</source>
        <translation>%1 vastgelegd zonder beeld: %2</translation>
    </message>
</context>
<context>
    <name>LiverMap</name>
    <message>
        <location filename="../../mimic_desktop/ui/liver_map.py" line="89"/>
        <source>Couinaud map of the liver segments</source>
        <translation>Couinaud-kaart van de leversegmenten</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/liver_map.py" line="117"/>
        <source>Segment %1, marked</source>
        <translation>Segment %1, gemarkeerd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/liver_map.py" line="118"/>
        <source>Segment %1, not marked</source>
        <translation>Segment %1, niet gemarkeerd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/liver_map.py" line="126"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/liver_map.py" line="127"/>
        <source>Marked: %1. Arrow keys move between segments; Space or Enter marks one.</source>
        <translation>Gemarkeerd: %1. Pijltjestoetsen gaan van segment naar segment; spatie of Enter markeert er een.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/liver_map.py" line="124"/>
        <source>Segment %1</source>
        <translation>Segment %1</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../mimic_desktop/ui/lock_screen.py" line="86"/>
        <source>MIMIC Desktop is locked</source>
        <translation>MIMIC Desktop is vergrendeld</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/lock_screen.py" line="89"/>
        <source>It was not used for a while. %1 is signed in: type the password to go on. Nothing typed before was lost.</source>
        <translation>Het is een tijd niet gebruikt. %1 is aangemeld: typ het wachtwoord om verder te gaan. Niets van wat eerder werd getypt is verloren.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/lock_screen.py" line="102"/>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/lock_screen.py" line="109"/>
        <source>Sign in as someone else…</source>
        <translation>Aanmelden als iemand anders…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="106"/>
        <source>MIMIC Desktop</source>
        <translation>MIMIC Desktop</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="106"/>
        <source> — DEMO DATABASE</source>
        <translation> — DEMODATABASE</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="116"/>
        <source>DEMO DATABASE — practice data only, not for real patients</source>
        <translation>DEMODATABASE — alleen oefengegevens, niet voor echte patiënten</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="136"/>
        <source>Main</source>
        <translation>Hoofdbalk</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="143"/>
        <source>Procedures</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="145"/>
        <source>New procedure</source>
        <translation>Nieuwe procedure</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="148"/>
        <source>Switch user</source>
        <translation>Andere gebruiker</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="150"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="215"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="221"/>
        <source>Record</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="152"/>
        <source>About</source>
        <translation>Over</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="166"/>
        <source>Change my password…</source>
        <translation>Mijn wachtwoord wijzigen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="168"/>
        <source>Accounts…</source>
        <translation>Accounts…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/main_window.py" line="170"/>
        <source>Lock the screen</source>
        <translation>Scherm vergrendelen</translation>
    </message>
</context>
<context>
    <name>MoreEvents</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/more_events.py" line="37"/>
        <source>More</source>
        <translation>Meer</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/more_events.py" line="39"/>
        <source>More events, and lesions taken out together</source>
        <translation>Meer gebeurtenissen, en laesies die samen zijn verwijderd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/more_events.py" line="41"/>
        <source>The events recorded by their key alone, and the lesions taken out in one specimen</source>
        <translation>De gebeurtenissen die alleen met hun toets worden vastgelegd, en de laesies die in één preparaat zijn verwijderd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/more_events.py" line="69"/>
        <source>Taken out in one specimen with lesion {number}</source>
        <translation>In één preparaat verwijderd met laesie {number}</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/more_events.py" line="72"/>
        <source>Lesion {number}</source>
        <translation>Laesie {number}</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/accounts_dialog.py" line="188"/>
        <source>Add account</source>
        <translation>Account toevoegen</translation>
    </message>
</context>
<context>
    <name>NewProcedureWizard</name>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="155"/>
        <source>New procedure</source>
        <translation>Nieuwe procedure</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="163"/>
        <source>Every question here is needed to enrol the patient: each criterion answered, oral consent given, and the date of consent (today or earlier).</source>
        <translation>Elke vraag hier is nodig om de patiënt te includeren: elk criterium beantwoord, mondelinge toestemming gegeven en de datum van toestemming (vandaag of eerder).</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="174"/>
        <source>What is known before surgery is needed to enrol (marked *). The executed procedure and the blood loss are entered on the Record tab after surgery.</source>
        <translation>Wat vóór de operatie bekend is, is nodig om te includeren (gemarkeerd met *). De uitgevoerde ingreep en het bloedverlies worden na de operatie ingevuld op het tabblad Dossier.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="193"/>
        <source>This page is not needed to enrol: ICG is often given later. Its time and any reaction can be entered now or later on the Record tab (Patient page); what is entered here is checked.</source>
        <translation>Deze pagina is niet nodig om te includeren: ICG wordt vaak later gegeven. Het tijdstip en een eventuele reactie kunnen nu of later worden ingevuld op het tabblad Dossier (pagina Patiënt); wat hier wordt ingevuld, wordt gecontroleerd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="239"/>
        <source>Enter the time ICG was given to see the interval to now.</source>
        <translation>Vul het tijdstip van ICG-toediening in om het interval tot nu te zien.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="245"/>
        <source>ICG to now: %1 (protocol window %2–%3 h)</source>
        <translation>ICG tot nu: %1 (protocolvenster %2–%3 u)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="248"/>
        <source>Warning: this is outside the protocol window.</source>
        <translation>Let op: dit valt buiten het protocolvenster.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="219"/>
        <source>Choose the operating surgeon</source>
        <translation>Kies de operateur</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/wizard.py" line="227"/>
        <source>There is no surgeon account yet: a coordinator adds one first.</source>
        <translation>Er is nog geen account van een chirurg: een coördinator maakt er eerst een aan.</translation>
    </message>
</context>
<context>
    <name>NoticeLine</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/notice_line.py" line="21"/>
        <source>Notice</source>
        <translation>Melding</translation>
    </message>
</context>
<context>
    <name>OfficeKeySection</name>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="112"/>
        <source>The trial office&apos;s key</source>
        <translation>De sleutel van het studiebureau</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="114"/>
        <source>The trial office sends its questions about the records in query files signed with its own key. Register its public key file once, after checking its fingerprint with the office by phone.</source>
        <translation>Het studiebureau stuurt zijn vragen over de dossiers in querybestanden, ondertekend met zijn eigen sleutel. Registreer het bestand met zijn publieke sleutel één keer, nadat u de vingerafdruk telefonisch met het bureau hebt gecontroleerd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="118"/>
        <source>Register the trial office&apos;s key…</source>
        <translation>De sleutel van het studiebureau registreren…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="134"/>
        <source>No trial office key is registered yet.</source>
        <translation>Er is nog geen sleutel van het studiebureau geregistreerd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="136"/>
        <source>Registered: fingerprint %1</source>
        <translation>Geregistreerd: vingerafdruk %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="139"/>
        <source>The trial office&apos;s public key</source>
        <translation>De publieke sleutel van het studiebureau</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="77"/>
        <source>The patient does not meet the eligibility criteria:</source>
        <translation>De patiënt voldoet niet aan de geschiktheidscriteria:</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="83"/>
        <source>Operation time, incision to end of surgery: %1</source>
        <translation>Operatieduur, incisie tot einde operatie: %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="87"/>
        <source>Operation time: the incision and the end of surgery are recorded on the live screen.</source>
        <translation>Operatieduur: de incisie en het einde van de operatie worden op het livescherm vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="93"/>
        <source>node-positive primary</source>
        <translation>kliermetastasen bij de primaire tumor</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="94"/>
        <source>disease-free interval under 12 months</source>
        <translation>ziektevrij interval korter dan 12 maanden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="95"/>
        <source>more than one liver tumour</source>
        <translation>meer dan één levertumor</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="96"/>
        <source>largest tumour over 5 cm</source>
        <translation>grootste tumor groter dan 5 cm</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="97"/>
        <source>CEA over 200 ng/mL</source>
        <translation>CEA hoger dan 200 ng/mL</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="101"/>
        <source>Fong clinical risk score (derived): not yet known; it needs: %1</source>
        <translation>Fong klinische risicoscore (afgeleid): nog niet bekend; nodig: %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="105"/>
        <source>Fong clinical risk score (derived): %1 of 5</source>
        <translation>Fong klinische risicoscore (afgeleid): %1 van 5</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="111"/>
        <source>Enter the time ICG was given to see the interval to incision.</source>
        <translation>Vul het tijdstip van de ICG-toediening in om het interval tot de incisie te zien.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="114"/>
        <source>ICG to incision: known once the incision is recorded on the live screen.</source>
        <translation>ICG tot incisie: bekend zodra de incisie op het livescherm is vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="117"/>
        <source>ICG to incision: %1 (protocol window %2–%3 h)</source>
        <translation>ICG tot incisie: %1 (protocolvenster %2–%3 u)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="121"/>
        <source>Outside the protocol window.</source>
        <translation>Buiten het protocolvenster.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/patient_page.py" line="58"/>
        <source>The operating surgeon&apos;s account: %1</source>
        <translation>Het account van de operateur: %1</translation>
    </message>
</context>
<context>
    <name>PostopPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="51"/>
        <source>Complications within 90 days</source>
        <translation>Complicaties binnen 90 dagen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="55"/>
        <source>Grade</source>
        <translation>Graad</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="55"/>
        <source>Onset</source>
        <translation>Ontstaan</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="55"/>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="57"/>
        <source>Days after surgery</source>
        <translation>Dagen na de operatie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="73"/>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="137"/>
        <source>New complication</source>
        <translation>Nieuwe complicatie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="114"/>
        <source>This complication started more than 90 days after surgery.</source>
        <translation>Deze complicatie ontstond meer dan 90 dagen na de operatie.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="125"/>
        <source>after 90 days</source>
        <translation>na 90 dagen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="137"/>
        <source>Complication %1</source>
        <translation>Complicatie %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="78"/>
        <source>Remove complication…</source>
        <translation>Complicatie verwijderen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="81"/>
        <source>Take a complication entered by mistake out of the record, with a reason</source>
        <translation>Een per vergissing ingevoerde complicatie uit het dossier halen, met een reden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="222"/>
        <source>Remove complication</source>
        <translation>Complicatie verwijderen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/postop_page.py" line="224"/>
        <source>Remove complication %1 from the record? Say why: it stays in the audit trail with your reason, and its number is not used again.</source>
        <translation>Complicatie %1 uit het dossier verwijderen? Geef aan waarom: ze blijft met uw reden in het audittrail staan, en haar nummer wordt niet opnieuw gebruikt.</translation>
    </message>
</context>
<context>
    <name>ProcedureList</name>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="68"/>
        <source>Search by study ID, e.g. MIM-03-017</source>
        <translation>Zoek op studienummer, bijv. MIM-03-017</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="77"/>
        <source>New procedure</source>
        <translation>Nieuwe procedure</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="81"/>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="93"/>
        <source>Study ID</source>
        <translation>Studienummer</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="93"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="93"/>
        <source>Centre</source>
        <translation>Centrum</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="93"/>
        <source>Created</source>
        <translation>Aangemaakt</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="125"/>
        <source> (demo)</source>
        <translation> (demo)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="85"/>
        <source>Export data…</source>
        <translation>Gegevens exporteren…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="119"/>
        <source>CSV with a data dictionary, REDCap, or CDISC ODM</source>
        <translation>CSV met datadictionary, REDCap of CDISC ODM</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="121"/>
        <source>Your role (%1) cannot export data.</source>
        <translation>Uw rol (%1) kan geen gegevens exporteren.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="144"/>
        <source>%1 · changed since export of version %2</source>
        <translation>%1 · gewijzigd sinds export van versie %2</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="146"/>
        <source>%1 · version %2</source>
        <translation>%1 · versie %2</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="178"/>
        <source>Exporting into %1…</source>
        <translation>Exporteren naar %1…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="183"/>
        <source>The export stopped; no file is left half written.</source>
        <translation>De export is gestopt; er is geen half geschreven bestand achtergebleven.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="186"/>
        <source>Written into %1: %2</source>
        <translation>Geschreven in %1: %2</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="93"/>
        <source>Subject</source>
        <translation>Deelnemer</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="72"/>
        <source>Enrolled only</source>
        <translation>Alleen geïncludeerd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/procedure_list.py" line="74"/>
        <source>Hide the patients withdrawn, excluded or not operated</source>
        <translation>De teruggetrokken, geëxcludeerde en niet geopereerde patiënten verbergen</translation>
    </message>
</context>
<context>
    <name>PublicKeySection</name>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="53"/>
        <source>Public key for the trial office</source>
        <translation>Publieke sleutel voor het trialbureau</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="55"/>
        <source>The trial office checks every session file against this laptop&apos;s public key. Save the key file for them (USB stick or e-mail), then read them its fingerprint by phone, so that they know the file is yours. The private key never leaves this laptop.</source>
        <translation>Het trialbureau controleert elk sessiebestand met de publieke sleutel van deze laptop. Sla het sleutelbestand voor hen op (USB-stick of e-mail) en lees daarna de vingerafdruk telefonisch voor, zodat zij weten dat het bestand van u komt. De privésleutel verlaat deze laptop nooit.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="60"/>
        <source>Save the public key…</source>
        <translation>Publieke sleutel opslaan…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="69"/>
        <source>Only a coordinator can save the centre&apos;s public key.</source>
        <translation>Alleen een coördinator kan de publieke sleutel van het centrum opslaan.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="82"/>
        <source>Save the public key into</source>
        <translation>Publieke sleutel opslaan in</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="96"/>
        <source>Written: %1. Read this fingerprint to the trial office by phone:</source>
        <translation>Geschreven: %1. Lees deze vingerafdruk telefonisch voor aan het trialbureau:</translation>
    </message>
</context>
<context>
    <name>QueriesPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="89"/>
        <source>Queries from the trial office</source>
        <translation>Query&apos;s van het studiebureau</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="109"/>
        <source>Data queries</source>
        <translation>Dataquery&apos;s</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="112"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="119"/>
        <source>Centre, e.g. 03</source>
        <translation>Centrum, bv. 03</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="127"/>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="97"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="128"/>
        <source>Centre</source>
        <translation>Centrum</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="129"/>
        <source>Study ID</source>
        <translation>Studienummer</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="130"/>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="97"/>
        <source>About</source>
        <translation>Over</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="131"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="132"/>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="97"/>
        <source>Question</source>
        <translation>Vraag</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="133"/>
        <source>Value when asked</source>
        <translation>Waarde bij de vraag</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="135"/>
        <source>Value in the answering version</source>
        <translation>Waarde in de versie met het antwoord</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="145"/>
        <source>Raise a query…</source>
        <translation>Een query stellen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="148"/>
        <source>Run the automatic checks</source>
        <translation>De automatische controles uitvoeren</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="151"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="153"/>
        <source>Ask again…</source>
        <translation>Opnieuw vragen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="156"/>
        <source>Write the centre&apos;s query file…</source>
        <translation>Het querybestand van het centrum schrijven…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="217"/>
        <source>Query %1 raised: it goes out in the centre&apos;s next query file.</source>
        <translation>Query %1 gesteld: zij gaat mee in het volgende querybestand van het centrum.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="226"/>
        <source>%n query(ies) raised by the automatic checks.</source>
        <translation>
            <numerusform>%n query gesteld door de automatische controles.</numerusform>
            <numerusform>%n query&apos;s gesteld door de automatische controles.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="234"/>
        <source>Withdraw the query</source>
        <translation>De query intrekken</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="234"/>
        <source>Why is the query withdrawn?</source>
        <translation>Waarom wordt de query ingetrokken?</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="242"/>
        <source>Query %1 closed.</source>
        <translation>Query %1 gesloten.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="248"/>
        <source>Ask again</source>
        <translation>Opnieuw vragen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="248"/>
        <source>The new question, for the centre&apos;s next query file:</source>
        <translation>De nieuwe vraag, voor het volgende querybestand van het centrum:</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="255"/>
        <source>Query %1 asked again.</source>
        <translation>Query %1 opnieuw gesteld.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="262"/>
        <source>Type the centre&apos;s code in the filter first, or choose one of its queries.</source>
        <translation>Typ eerst de code van het centrum in het filter, of kies een van zijn query&apos;s.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="264"/>
        <source>Write the query file into</source>
        <translation>Het querybestand schrijven in</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="276"/>
        <source>Written: %1 (%2 for centre %3), signed with the trial office&apos;s key %4.</source>
        <translation>Geschreven: %1 (%2 voor centrum %3), ondertekend met de sleutel van het studiebureau %4.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="278"/>
        <source>%n query(ies)</source>
        <translation>
            <numerusform>%n query</numerusform>
            <numerusform>%n query&apos;s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="97"/>
        <source>Value now</source>
        <translation>Waarde nu</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="134"/>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="97"/>
        <source>Answer</source>
        <translation>Antwoord</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="113"/>
        <source>Import a query file…</source>
        <translation>Een querybestand importeren…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="118"/>
        <source>Answer…</source>
        <translation>Beantwoorden…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="131"/>
        <source>No queries from the trial office on this record.</source>
        <translation>Geen query&apos;s van het studiebureau over dit dossier.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="133"/>
        <source>%n query(ies) waiting for an answer.</source>
        <translation>
            <numerusform>%n query wacht op een antwoord.</numerusform>
            <numerusform>%n query&apos;s wachten op een antwoord.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="141"/>
        <source>(open)</source>
        <translation>(open)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="182"/>
        <source>Import a query file</source>
        <translation>Een querybestand importeren</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="182"/>
        <source>Query files (*.mimicq)</source>
        <translation>Querybestanden (*.mimicq)</translation>
    </message>
</context>
<context>
    <name>QuestionnairePage</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="37"/>
        <source>The operating surgeon answers these questions after the procedure and signs them with their own password. A change after signing needs a reason and voids the signature.</source>
        <translation>De operateur beantwoordt deze vragen na de ingreep en ondertekent ze met het eigen wachtwoord. Een wijziging na ondertekening vraagt om een reden en maakt de handtekening ongeldig.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="65"/>
        <source>Signature</source>
        <translation>Handtekening</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="80"/>
        <source>Sign the questionnaire…</source>
        <translation>Vragenlijst ondertekenen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="214"/>
        <source>Questions still to answer (marked *): %1</source>
        <translation>Nog te beantwoorden vragen (gemarkeerd met *): %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="216"/>
        <source>Every question is answered: the surgeon can sign.</source>
        <translation>Alle vragen zijn beantwoord: de operateur kan ondertekenen.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="219"/>
        <source>Signed by %1 (%2) on %3</source>
        <translation>Ondertekend door %1 (%2) op %3</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="221"/>
        <source>Meaning: %1</source>
        <translation>Betekenis: %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="223"/>
        <source>Voided on %1 by a change; reason: %2</source>
        <translation>Ongeldig gemaakt op %1 door een wijziging; reden: %2</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="228"/>
        <source>Content hash (SHA-256): %1</source>
        <translation>Inhoudshash (SHA-256): %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="76"/>
        <source>Let another surgeon sign…</source>
        <translation>Een andere chirurg laten tekenen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="99"/>
        <source>Whose answers</source>
        <translation>Wiens antwoorden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="111"/>
        <source>Confirm</source>
        <translation>Bevestigen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="113"/>
        <source>Confirm that this answer, entered on your word, is yours</source>
        <translation>Bevestig dat dit antwoord, op uw aanwijzing ingevoerd, van u is</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="147"/>
        <source>not answered</source>
        <translation>niet beantwoord</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="150"/>
        <source>entered by %1</source>
        <translation>ingevoerd door %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="152"/>
        <source>confirmed by %1</source>
        <translation>bevestigd door %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="159"/>
        <source>The operating surgeon (%1) is not yet an account: a coordinator maps the name to a surgeon&apos;s account before signing.</source>
        <translation>De operateur (%1) is nog geen account: een coördinator koppelt de naam aan het account van een chirurg voordat er wordt ondertekend.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="162"/>
        <source>Answers entered by someone else are signed only after %1 confirms each of them.</source>
        <translation>Antwoorden die iemand anders heeft ingevoerd, worden pas ondertekend nadat %1 elk ervan heeft bevestigd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="166"/>
        <source>Every answer was entered by %1.</source>
        <translation>Elk antwoord is ingevoerd door %1.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/questionnaire_page.py" line="175"/>
        <source>May sign by delegation: %1</source>
        <translation>Mag tekenen door delegatie: %1</translation>
    </message>
</context>
<context>
    <name>RaiseDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="48"/>
        <source>Raise a query</source>
        <translation>Een query stellen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="54"/>
        <source>Study ID</source>
        <translation>Studienummer</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="58"/>
        <source>A field of the record</source>
        <translation>Een veld van het dossier</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="59"/>
        <source>A field of a lesion</source>
        <translation>Een veld van een laesie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="60"/>
        <source>A field of a complication</source>
        <translation>Een veld van een complicatie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="61"/>
        <source>An intraoperative event</source>
        <translation>Een peroperatieve gebeurtenis</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="64"/>
        <source>About</source>
        <translation>Over</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="72"/>
        <source>Lesion, complication or event number</source>
        <translation>Nummer van laesie, complicatie of gebeurtenis</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="77"/>
        <source>Question</source>
        <translation>Vraag</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="68"/>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
</context>
<context>
    <name>RecordAccess</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/access.py" line="115"/>
        <source>Reason for the change</source>
        <translation>Reden voor de wijziging</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/access.py" line="156"/>
        <source>%1 is complete and locked. Say why it changes: the reason is kept with the change.</source>
        <translation>%1 is voltooid en vergrendeld. Geef aan waarom er iets verandert: de reden wordt bij de wijziging bewaard.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/access.py" line="163"/>
        <source>The questionnaire is signed. Say why an answer changes: the signature will be voided, and the surgeon signs again.</source>
        <translation>De vragenlijst is ondertekend. Geef aan waarom een antwoord verandert: de handtekening wordt ongeldig en de operateur ondertekent opnieuw.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/access.py" line="117"/>
        <source>no reason was given</source>
        <translation>er is geen reden gegeven</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/access.py" line="90"/>
        <location filename="../../mimic_desktop/ui/record/access.py" line="102"/>
        <source>not saved: rewrite the text</source>
        <translation>niet opgeslagen: herschrijf de tekst</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="37"/>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="41"/>
        <source>Record %1</source>
        <translation>Dossier %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="45"/>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="46"/>
        <source>Compare versions</source>
        <translation>Versies vergelijken</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="59"/>
        <source>current</source>
        <translation>huidig</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="59"/>
        <source>superseded</source>
        <translation>vervangen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="61"/>
        <source>Version %1 (%2), imported %3</source>
        <translation>Versie %1 (%2), geïmporteerd %3</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="77"/>
        <source>Open the summary (PDF)</source>
        <translation>Samenvatting openen (pdf)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="82"/>
        <source>Open the questionnaire (PDF)</source>
        <translation>Vragenlijst openen (pdf)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="91"/>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="117"/>
        <source>Part</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="91"/>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="118"/>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="91"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="102"/>
        <source>Compare</source>
        <translation>Vergelijk</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="104"/>
        <source>with</source>
        <translation>met</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="119"/>
        <source>Old value</source>
        <translation>Oude waarde</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="120"/>
        <source>New value</source>
        <translation>Nieuwe waarde</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="121"/>
        <source>Who (laptop account)</source>
        <translation>Wie (laptopaccount)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="122"/>
        <source>When (local time)</source>
        <translation>Wanneer (lokale tijd)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="123"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="138"/>
        <source>Exported %1 from the centre, file %2.</source>
        <translation>Geëxporteerd %1 door het centrum, bestand %2.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="141"/>
        <source>This file carries no change history (a file of format version 1).</source>
        <translation>Dit bestand bevat geen wijzigingsgeschiedenis (een bestand van formaatversie 1).</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="154"/>
        <source>No program to show PDFs was found; the copy is %1.</source>
        <translation>Er is geen programma gevonden dat pdf&apos;s toont; de kopie staat in %1.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="160"/>
        <source>Choose two different versions.</source>
        <translation>Kies twee verschillende versies.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="170"/>
        <source>Version %1 against version %2: %3 changed value(s).</source>
        <translation>Versie %1 tegenover versie %2: %3 gewijzigde waarde(n).</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="176"/>
        <source>The newer file carries no change history: who and why are not known here.</source>
        <translation>Het nieuwere bestand bevat geen wijzigingsgeschiedenis: wie en waarom zijn hier niet bekend.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/record_dialog.py" line="48"/>
        <source>Frames</source>
        <translation>Beelden</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="69"/>
        <source>Read-only: your role (%1) can read the record but not change it.</source>
        <translation>Alleen lezen: uw rol (%1) kan het dossier inzien maar niet wijzigen.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="92"/>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="93"/>
        <source>Timeline and video</source>
        <translation>Tijdlijn en video</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="94"/>
        <source>Lesions and pathology</source>
        <translation>Laesies en pathologie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="95"/>
        <source>Post-operative course</source>
        <translation>Postoperatief beloop</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="96"/>
        <source>Questionnaire</source>
        <translation>Vragenlijst</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="97"/>
        <source>Completion</source>
        <translation>Voltooien</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="101"/>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="105"/>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="104"/>
        <source>Queries</source>
        <translation>Query&apos;s</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="59"/>
        <source>Correct study ID…</source>
        <translation>Studienummer corrigeren…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/record_view.py" line="61"/>
        <source>Correct a study ID typed wrong at enrolment, with a reason</source>
        <translation>Een bij de inclusie verkeerd getypt studienummer corrigeren, met een reden</translation>
    </message>
</context>
<context>
    <name>RedactDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/redact_dialog.py" line="14"/>
        <source>Redact a text</source>
        <translation>Een tekst onleesbaar maken</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/redact_dialog.py" line="18"/>
        <source>Every free text, note and reason of this record that is exactly this text, now or earlier, will read [redacted], here, in its history and in every PDF and session file made from now on. The text cannot be brought back. Who redacted it, when and why stays in the audit trail.</source>
        <translation>Elke vrije tekst, notitie en reden van dit dossier die precies deze tekst is, nu of eerder, luidt voortaan [redacted]: hier, in de geschiedenis en in elke pdf en elk sessiebestand dat vanaf nu wordt gemaakt. De tekst is niet terug te halen. Wie hem onleesbaar maakte, wanneer en waarom blijft in het audittrail.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/redact_dialog.py" line="28"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/redact_dialog.py" line="31"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/redact_dialog.py" line="36"/>
        <source>Redact</source>
        <translation>Onleesbaar maken</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="53"/>
        <source>Compute again</source>
        <translation>Opnieuw berekenen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="56"/>
        <source>Save as PDF…</source>
        <translation>Opslaan als pdf…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="59"/>
        <source>Save as JSON…</source>
        <translation>Opslaan als JSON…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="81"/>
        <source>New sessions were imported: the report will be computed again when shown.</source>
        <translation>Er zijn nieuwe sessies geïmporteerd: het rapport wordt opnieuw berekend zodra het wordt getoond.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="90"/>
        <source>Computing the report on the current sessions…</source>
        <translation>Het rapport over de huidige sessies wordt berekend…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="103"/>
        <source>The report could not be computed.</source>
        <translation>Het rapport kon niet worden berekend.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="116"/>
        <source>%1 of %2; computed %3.</source>
        <translation>%1 van %2; berekend %3.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="117"/>
        <source>%n patient(s) analysed</source>
        <translation>
            <numerusform>%n patiënt geanalyseerd</numerusform>
            <numerusform>%n patiënten geanalyseerd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="118"/>
        <source>%n current session(s)</source>
        <translation>
            <numerusform>%n huidige sessie</numerusform>
            <numerusform>%n huidige sessies</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="138"/>
        <source>PDF files (*.pdf)</source>
        <translation>Pdf-bestanden (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="138"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-bestanden (*.json)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="142"/>
        <source>Save the trial report as</source>
        <translation>Trialrapport opslaan als</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="153"/>
        <source>Writing %1…</source>
        <translation>%1 wordt geschreven…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="160"/>
        <source>Report saved to %1</source>
        <translation>Rapport opgeslagen in %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="161"/>
        <source>The report was not saved.</source>
        <translation>Het rapport is niet opgeslagen.</translation>
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
        <location filename="../../mimic_desktop/ui/saved_indicator.py" line="37"/>
        <source>✖ Not saved: %1</source>
        <translation>✖ Niet opgeslagen: %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/saved_indicator.py" line="30"/>
        <source>↻ Not saved yet: database in use, retrying (%1 waiting)</source>
        <translation>↻ Nog niet opgeslagen: database in gebruik, opnieuw proberen (%1 wachtend)</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/section_editor.py" line="70"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/section_editor.py" line="72"/>
        <source>Save %1</source>
        <translation>%1 opslaan</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/section_editor.py" line="135"/>
        <source>%1: typed values not saved</source>
        <translation>%1: getypte waarden niet opgeslagen</translation>
    </message>
</context>
<context>
    <name>SessionExportPanel</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="55"/>
        <source>Session file for the trial office</source>
        <translation>Sessiebestand voor het trialbureau</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="57"/>
        <source>The session file carries the record and its two PDFs, signed with this laptop&apos;s key, to the trial office on a USB stick or by e-mail. Only a completed record can be exported. A record changed after its export is exported again as the next version of the same session, and the trial office keeps the newest. Nothing on this laptop is deleted because it was exported.</source>
        <translation>Het sessiebestand brengt het dossier en de twee pdf&apos;s, ondertekend met de sleutel van deze laptop, naar het trialbureau via een USB-stick of e-mail. Alleen een voltooid dossier kan worden geëxporteerd. Een dossier dat na de export is gewijzigd, wordt opnieuw geëxporteerd als de volgende versie van dezelfde sessie; het trialbureau bewaart de nieuwste. Niets op deze laptop wordt verwijderd omdat het is geëxporteerd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="68"/>
        <source>Export session file…</source>
        <translation>Sessiebestand exporteren…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="79"/>
        <source>Your role (%1) cannot export session files.</source>
        <translation>Uw rol (%1) kan geen sessiebestanden exporteren.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="95"/>
        <source>Changed since export: version %1 went out on %2. Export again to send version %3, which the trial office keeps in place of version %1 (same session).</source>
        <translation>Gewijzigd sinds de export: versie %1 is verstuurd op %2. Exporteer opnieuw om versie %3 te sturen; het trialbureau bewaart die in plaats van versie %1 (dezelfde sessie).</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="100"/>
        <source>Exported: version %1 on %2. Nothing has changed since.</source>
        <translation>Geëxporteerd: versie %1 op %2. Sindsdien is er niets gewijzigd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="103"/>
        <source>Complete, not exported yet. The export will be version %3.</source>
        <translation>Voltooid, nog niet geëxporteerd. De export wordt versie %3.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="107"/>
        <source>Not complete yet, so it cannot be exported: complete and lock it on the Completion page first.</source>
        <translation>Nog niet voltooid, dus nog niet te exporteren: voltooi en vergrendel het dossier eerst op de pagina Voltooien.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="125"/>
        <source>The trial office takes only completed records: completing locks the record, so that the file holds what was checked.</source>
        <translation>Het trialbureau neemt alleen voltooide dossiers aan: voltooien vergrendelt het dossier, zodat het bestand bevat wat gecontroleerd is.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="131"/>
        <source>Not exported. Change the record, then export again.</source>
        <translation>Niet geëxporteerd. Wijzig het dossier en exporteer daarna opnieuw.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="139"/>
        <source>Export the session file into</source>
        <translation>Het sessiebestand exporteren naar</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="167"/>
        <source>Nothing was exported.</source>
        <translation>Er is niets geëxporteerd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="169"/>
        <source>Exporting into %1…</source>
        <translation>Exporteren naar %1…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="173"/>
        <source>Exporting: step %1 of %2…</source>
        <translation>Exporteren: stap %1 van %2…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="178"/>
        <source>Written: %1</source>
        <translation>Geschreven: %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="180"/>
        <source>%1, version %2 of session %3.</source>
        <translation>%1, versie %2 van sessie %3.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="182"/>
        <source>Signed with this laptop&apos;s key, fingerprint %1.</source>
        <translation>Ondertekend met de sleutel van deze laptop, vingerafdruk %1.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="187"/>
        <source>Noted when exporting:</source>
        <translation>Opgemerkt bij het exporteren:</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="135"/>
        <source>Export the session file?</source>
        <translation>Het sessiebestand exporteren?</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/session_export.py" line="137"/>
        <source>Not exported.</source>
        <translation>Niet geëxporteerd.</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="40"/>
        <source>Imported session files</source>
        <translation>Geïmporteerde sessiebestanden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="49"/>
        <source>Search by study ID, e.g. MIM-03-017</source>
        <translation>Zoek op studienummer, bijv. MIM-03-017</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="55"/>
        <source>Record and versions…</source>
        <translation>Dossier en versies…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="73"/>
        <source>Study ID</source>
        <translation>Studienummer</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="74"/>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="111"/>
        <source>Centre</source>
        <translation>Centrum</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="75"/>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="76"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="77"/>
        <source>Signer key fingerprint</source>
        <translation>Vingerafdruk van de ondertekenende sleutel</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="78"/>
        <source>Imported at (local time)</source>
        <translation>Geïmporteerd op (lokale tijd)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="79"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="96"/>
        <source>Registered centre keys</source>
        <translation>Geregistreerde centrumsleutels</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="105"/>
        <source>Add a centre key…</source>
        <translation>Centrumsleutel toevoegen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="112"/>
        <source>Fingerprint</source>
        <translation>Vingerafdruk</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="113"/>
        <source>Registered at (local time)</source>
        <translation>Geregistreerd op (lokale tijd)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="167"/>
        <source>current</source>
        <translation>huidig</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="167"/>
        <source>superseded</source>
        <translation>vervangen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="157"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n bestand</numerusform>
            <numerusform>%n bestanden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="157"/>
        <source>%n current session(s)</source>
        <translation>
            <numerusform>%n huidige sessie</numerusform>
            <numerusform>%n huidige sessies</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="272"/>
        <source>Key %1 of centre %2 registered.</source>
        <translation>Sleutel %1 van centrum %2 geregistreerd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="274"/>
        <source>Key %1 of centre %2 was already registered.</source>
        <translation>Sleutel %1 van centrum %2 was al geregistreerd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="102"/>
        <source>Withdraw the key…</source>
        <translation>Sleutel intrekken…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="114"/>
        <source>Withdrawn (local time, reason)</source>
        <translation>Ingetrokken (lokale tijd, reden)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="147"/>
        <source>%1 (withdrawn since)</source>
        <translation>%1 (inmiddels ingetrokken)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="229"/>
        <source>Withdraw the key</source>
        <translation>Sleutel intrekken</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="232"/>
        <source>Withdraw key %1 of centre %2? The files imported under it stay imported and keep naming it; new files signed with it are refused. A key registered for the wrong centre can then be registered for the right one. Why is it withdrawn?</source>
        <translation>Sleutel %1 van centrum %2 intrekken? De bestanden die eronder zijn geïmporteerd, blijven geïmporteerd en blijven hem noemen; nieuwe bestanden die ermee zijn ondertekend, worden geweigerd. Een sleutel die voor het verkeerde centrum is geregistreerd, kan daarna voor het juiste centrum worden geregistreerd. Waarom wordt hij ingetrokken?</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="255"/>
        <source>Key %1 of centre %2 withdrawn.</source>
        <translation>Sleutel %1 van centrum %2 ingetrokken.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="165"/>
        <source>held back: far ahead of the last version seen</source>
        <translation>achtergehouden: ver voor op de laatst ontvangen versie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="169"/>
        <source>%1; the study ID was corrected to %2</source>
        <translation>%1; het studienummer is gecorrigeerd in %2</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="172"/>
        <source>%1; voided %2: %3</source>
        <translation>%1; ongeldig gemaakt %2: %3</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="234"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="253"/>
        <source>Dark (dimmed operating room)</source>
        <translation>Donker (gedimde operatiekamer)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="254"/>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="256"/>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="263"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="267"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="268"/>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="271"/>
        <source>The screen locks after this long without use; never while a procedure is recorded live.</source>
        <translation>Het scherm wordt na deze tijd zonder gebruik vergrendeld; nooit terwijl een procedure live wordt vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="273"/>
        <source>Lock the screen after</source>
        <translation>Scherm vergrendelen na</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="287"/>
        <source>Video source and masks…</source>
        <translation>Videobron en maskers…</translation>
    </message>
</context>
<context>
    <name>SettlingActions</name>
    <message>
        <location filename="../../mimic_desktop/ui/central/settling_actions.py" line="48"/>
        <source>Void the session…</source>
        <translation>Sessie ongeldig maken…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/settling_actions.py" line="51"/>
        <source>Restore the session…</source>
        <translation>Sessie herstellen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/settling_actions.py" line="54"/>
        <source>Release the version…</source>
        <translation>Versie vrijgeven…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/settling_actions.py" line="59"/>
        <source>Void the key&apos;s sessions…</source>
        <translation>Sessies van de sleutel ongeldig maken…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/settling_actions.py" line="62"/>
        <source>Restore the key&apos;s sessions…</source>
        <translation>Sessies van de sleutel herstellen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/settling_actions.py" line="87"/>
        <source>Void the session of %1? It is kept and shown here with the reason, and left out of the report and every export until it is restored. Why is it voided?</source>
        <translation>De sessie van %1 ongeldig maken? Ze blijft hier bewaard en zichtbaar met de reden, en blijft buiten het rapport en elke export tot ze wordt hersteld. Waarom wordt ze ongeldig gemaakt?</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/settling_actions.py" line="93"/>
        <source>Void the session</source>
        <translation>Sessie ongeldig maken</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/settling_actions.py" line="102"/>
        <source>Restore the session of %1, voided for: %2? Why is it restored?</source>
        <translation>De sessie van %1 herstellen, ongeldig gemaakt wegens: %2? Waarom wordt ze hersteld?</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/settling_actions.py" line="106"/>
        <source>Restore the session</source>
        <translation>Sessie herstellen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/settling_actions.py" line="116"/>
        <source>Version %1 of %2 was held back: it is far ahead of the last version seen. Release it once the centre has confirmed it; it becomes current when it is the newest. Why is it released?</source>
        <translation>Versie %1 van %2 is achtergehouden: ze ligt ver voor op de laatst ontvangen versie. Geef ze vrij zodra het centrum haar heeft bevestigd; ze wordt de huidige als ze de nieuwste is. Waarom wordt ze vrijgegeven?</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/settling_actions.py" line="122"/>
        <source>Release the version</source>
        <translation>Versie vrijgeven</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/settling_actions.py" line="132"/>
        <source>Void every session with a file imported under key %1 of centre %2 (a stolen key&apos;s, say)? They are kept and shown, and left out of the report and every export until restored. Why are they voided?</source>
        <translation>Elke sessie met een bestand dat onder sleutel %1 van centrum %2 is geïmporteerd ongeldig maken (bijvoorbeeld die van een gestolen sleutel)? Ze blijven bewaard en zichtbaar, en blijven buiten het rapport en elke export tot ze worden hersteld. Waarom worden ze ongeldig gemaakt?</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/settling_actions.py" line="137"/>
        <source>Void the key&apos;s sessions</source>
        <translation>Sessies van de sleutel ongeldig maken</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/settling_actions.py" line="146"/>
        <source>Restore the sessions voided with key %1 of centre %2? Why are they restored?</source>
        <translation>De sessies die met sleutel %1 van centrum %2 ongeldig zijn gemaakt herstellen? Waarom worden ze hersteld?</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/central/settling_actions.py" line="149"/>
        <source>Restore the key&apos;s sessions</source>
        <translation>Sessies van de sleutel herstellen</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="32"/>
        <source>Sign the questionnaire</source>
        <translation>De vragenlijst ondertekenen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="37"/>
        <source>Your signature binds your name, this moment and this meaning to the answers as they are now. Enter your own password to sign.</source>
        <translation>Uw handtekening verbindt uw naam, dit moment en deze betekenis aan de antwoorden zoals ze nu zijn. Vul uw eigen wachtwoord in om te ondertekenen.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="43"/>
        <source>Questionnaire of</source>
        <translation>Vragenlijst van</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="44"/>
        <source>Printed name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="46"/>
        <source>Date and time</source>
        <translation>Datum en tijd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="59"/>
        <source>Meaning</source>
        <translation>Betekenis</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="64"/>
        <source>Your password</source>
        <translation>Uw wachtwoord</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="68"/>
        <source>Sign</source>
        <translation>Ondertekenen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/sign_dialog.py" line="80"/>
        <source>Wrong password: the questionnaire was not signed. Enter your own password.</source>
        <translation>Onjuist wachtwoord: de vragenlijst is niet ondertekend. Vul uw eigen wachtwoord in.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="32"/>
        <source>Sign in to MIMIC Desktop</source>
        <translation>Aanmelden bij MIMIC Desktop</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="37"/>
        <source>Demo database: sign in as any demo account with the password %1.</source>
        <translation>Demodatabase: meld u aan met een van de demo-accounts en het wachtwoord %1.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="48"/>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="52"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="56"/>
        <source>Sign in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/sign_in.py" line="84"/>
        <source>Choose a password of your own to sign in.</source>
        <translation>Kies een eigen wachtwoord om aan te melden.</translation>
    </message>
</context>
<context>
    <name>StrikeDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/strike_dialog.py" line="24"/>
        <source>Pressed by mistake</source>
        <translation>Per ongeluk ingedrukt</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/strike_dialog.py" line="25"/>
        <source>Wrong event: another one happened</source>
        <translation>Verkeerde gebeurtenis: er gebeurde iets anders</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/strike_dialog.py" line="26"/>
        <source>Wrong lesion</source>
        <translation>Verkeerde laesie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/strike_dialog.py" line="27"/>
        <source>Recorded twice</source>
        <translation>Twee keer vastgelegd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/strike_dialog.py" line="40"/>
        <source>Or type the reason</source>
        <translation>Of typ de reden</translation>
    </message>
</context>
<context>
    <name>StudyIdDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/study_id_dialog.py" line="14"/>
        <source>Correct the study ID</source>
        <translation>Het studienummer corrigeren</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/study_id_dialog.py" line="18"/>
        <source>%1 is this record&apos;s study ID now. The correction and its reason go with every later session file, so that the trial office keeps the record&apos;s earlier versions under the right ID.</source>
        <translation>%1 is nu het studienummer van dit dossier. De correctie en de reden ervan gaan mee in elk later sessiebestand, zodat het trialbureau de eerdere versies van het dossier onder het juiste nummer bewaart.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/study_id_dialog.py" line="27"/>
        <source>The questionnaire&apos;s signature names the study ID: it is voided with the correction, and the surgeon signs again.</source>
        <translation>De handtekening onder de vragenlijst noemt het studienummer: ze wordt met de correctie ongeldig gemaakt, en de chirurg ondertekent opnieuw.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/study_id_dialog.py" line="38"/>
        <location filename="../../mimic_desktop/ui/record/study_id_dialog.py" line="42"/>
        <source>Right study ID</source>
        <translation>Juist studienummer</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/study_id_dialog.py" line="41"/>
        <source>Reason for the correction</source>
        <translation>Reden van de correctie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/study_id_dialog.py" line="43"/>
        <source>Reason</source>
        <translation>Reden</translation>
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
</context>
<context>
    <name>StudySettingsSection</name>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="164"/>
        <source>Study settings</source>
        <translation>Studie-instellingen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="165"/>
        <source>An ICG interval outside the window is flagged; new procedures start with the centre code.</source>
        <translation>Een ICG-interval buiten het venster wordt gemarkeerd; nieuwe procedures beginnen met de centrumcode.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="174"/>
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="176"/>
        <source>from injection to incision</source>
        <translation>van injectie tot incisie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="177"/>
        <source>ICG window</source>
        <translation>ICG-venster</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="180"/>
        <source>two digits, e.g. 03</source>
        <translation>twee cijfers, bijv. 03</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="182"/>
        <source>Centre code</source>
        <translation>Centrumcode</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/settings_dialog.py" line="190"/>
        <source>Only a coordinator can change the study settings.</source>
        <translation>Alleen een coördinator kan de studie-instellingen wijzigen.</translation>
    </message>
</context>
<context>
    <name>SubjectStatusDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/subject_status_dialog.py" line="28"/>
        <source>Subject status</source>
        <translation>Status van de deelnemer</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/subject_status_dialog.py" line="33"/>
        <source>A patient withdrawn, excluded or not operated stays on this laptop with everything entered, and is left out of the trial&apos;s analysis. Say why, and since when, for %1.</source>
        <translation>Een patiënt die is teruggetrokken, geëxcludeerd of niet geopereerd blijft met alles wat is ingevoerd op deze laptop, en blijft buiten de analyse van de studie. Zeg waarom, en sinds wanneer, voor %1.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/subject_status_dialog.py" line="45"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/subject_status_dialog.py" line="48"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/subject_status_dialog.py" line="51"/>
        <source>today, or YYYY-MM-DD</source>
        <translation>vandaag, of JJJJ-MM-DD</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/subject_status_dialog.py" line="52"/>
        <source>Since (YYYY-MM-DD)</source>
        <translation>Sinds (JJJJ-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/subject_status_dialog.py" line="56"/>
        <source>Set the status</source>
        <translation>Status vastleggen</translation>
    </message>
</context>
<context>
    <name>SurgeonMapping</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/surgeon_mapping.py" line="31"/>
        <source>Map to this account</source>
        <translation>Aan dit account koppelen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/surgeon_mapping.py" line="51"/>
        <source>The operating surgeon %1 is a typed name, not an account: the questionnaire cannot be signed until a coordinator maps the name to the surgeon&apos;s account (every record holding the name is mapped).</source>
        <translation>De operateur %1 is een getypte naam, geen account: de vragenlijst kan pas worden ondertekend als een coördinator de naam aan het account van de chirurg koppelt (elk dossier met deze naam wordt gekoppeld).</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="50"/>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="110"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="50"/>
        <source>Event</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="50"/>
        <source>Lesion</source>
        <translation>Laesie</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="50"/>
        <source>Note or reason</source>
        <translation>Notitie of reden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="78"/>
        <source>Strike through…</source>
        <translation>Doorhalen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="80"/>
        <source>Correct time…</source>
        <translation>Tijd corrigeren…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="110"/>
        <source>Time · video</source>
        <translation>Tijd · video</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="125"/>
        <source>%1 in the video recording</source>
        <translation>%1 in de video-opname</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="189"/>
        <source>Struck through: %1</source>
        <translation>Doorgehaald: %1</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="105"/>
        <source>%1 (removed)</source>
        <translation>%1 (verwijderd)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="71"/>
        <source>Show the newest</source>
        <translation>Nieuwste tonen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="145"/>
        <source>Not saved yet: database in use, retrying</source>
        <translation>Nog niet opgeslagen: database in gebruik, opnieuw proberen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="182"/>
        <source>Looking back: new events are not scrolled into view.</source>
        <translation>Terugkijken: nieuwe gebeurtenissen worden niet in beeld gescrold.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="184"/>
        <source>%1 new below.</source>
        <translation>%1 nieuw hieronder.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="52"/>
        <source>Timeline columns</source>
        <translation>Kolommen van de tijdlijn</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="46"/>
        <source>Timeline of the logged events</source>
        <translation>Tijdlijn van de vastgelegde gebeurtenissen</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="131"/>
        <source>A frame of the video is kept with this event.</source>
        <translation>Bij deze gebeurtenis is een beeld van de video bewaard.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/timeline.py" line="132"/>
        <source>frame kept</source>
        <translation>beeld bewaard</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="46"/>
        <source>Timeline and video</source>
        <translation>Tijdlijn en video</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="52"/>
        <source>Set the video time…</source>
        <translation>Videotijd instellen…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="60"/>
        <source>The record&apos;s events, each with its time in the video recording</source>
        <translation>De gebeurtenissen van het dossier, elk met de tijd in de video-opname</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="63"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="63"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="63"/>
        <source>Event</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="63"/>
        <source>Note or reason</source>
        <translation>Notitie of reden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="74"/>
        <source>No video time reference: the events have no position in the video recording yet.</source>
        <translation>Geen referentie voor de videotijd: de gebeurtenissen hebben nog geen plaats in de video-opname.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="76"/>
        <source>The video time reference names event %1, which is struck through: set it again.</source>
        <translation>De referentie voor de videotijd noemt gebeurtenis %1, die is doorgehaald: stel haar opnieuw in.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="81"/>
        <source>The video recording showed %1 at %2 (%3); every event&apos;s position follows from it.</source>
        <translation>De video-opname toonde %1 bij %2 (%3); de plaats van elke gebeurtenis volgt daaruit.</translation>
    </message>
</context>
<context>
    <name>VideoEntry</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/video_entry.py" line="47"/>
        <source>H:MM:SS shown now</source>
        <translation>U:MM:SS die nu getoond wordt</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/video_entry.py" line="48"/>
        <source>Time the video recording shows now</source>
        <translation>Tijd die de video-opname nu toont</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/video_entry.py" line="61"/>
        <location filename="../../mimic_desktop/ui/live/video_entry.py" line="66"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/video_entry.py" line="62"/>
        <source>Video time: not set</source>
        <translation>Videotijd: niet ingesteld</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/video_entry.py" line="73"/>
        <source>Type the time the tower&apos;s video recording shows now (H:MM:SS)</source>
        <translation>Typ de tijd die de video-opname van de toren nu toont (U:MM:SS)</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/video_entry.py" line="67"/>
        <source>Video time: its event is struck through, set it again</source>
        <translation>Videotijd: de gebeurtenis ervan is doorgehaald, stel haar opnieuw in</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/video_entry.py" line="72"/>
        <source>Video %1 at %2</source>
        <translation>Video %1 bij %2</translation>
    </message>
</context>
<context>
    <name>VideoReferenceDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="132"/>
        <source>Video time reference</source>
        <translation>Referentie voor de videotijd</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="137"/>
        <source>Choose an event and type the time the tower&apos;s video recording showed at it (H:MM:SS), as on the recording. Every other event&apos;s position in the recording follows from it.</source>
        <translation>Kies een gebeurtenis en typ de tijd die de video-opname van de toren erbij toonde (U:MM:SS), zoals op de opname. De plaats van elke andere gebeurtenis in de opname volgt daaruit.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="153"/>
        <source>Event</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="156"/>
        <source>H:MM:SS</source>
        <translation>U:MM:SS</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="159"/>
        <source>The recording showed</source>
        <translation>De opname toonde</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="162"/>
        <source>needed once the record is complete</source>
        <translation>nodig zodra het dossier compleet is</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="163"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/record/timeline_page.py" line="167"/>
        <source>Set the video time</source>
        <translation>Videotijd instellen</translation>
    </message>
</context>
<context>
    <name>VideoSettingsDialog</name>
    <message>
        <location filename="../../mimic_desktop/ui/video_settings.py" line="198"/>
        <source>Video source and masks</source>
        <translation>Videobron en maskers</translation>
    </message>
</context>
<context>
    <name>VideoSettingsSection</name>
    <message>
        <location filename="../../mimic_desktop/ui/video_settings.py" line="50"/>
        <source>Video source and masks</source>
        <translation>Videobron en maskers</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/video_settings.py" line="52"/>
        <source>With a video source the live screen keeps the frame of each fluorescence finding. Each imaging system&apos;s rectangles are blacked out before a frame is stored: towers burn patient details into the video.</source>
        <translation>Met een videobron bewaart het live-scherm het beeld van elke fluorescentiebevinding. De rechthoeken van elk beeldvormingssysteem worden zwart gemaakt voordat een beeld wordt bewaard: torens branden patiëntgegevens in de video.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/video_settings.py" line="59"/>
        <source>a capture device&apos;s number (0 for the first), or a file</source>
        <translation>het nummer van een opnameapparaat (0 voor het eerste), of een bestand</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/video_settings.py" line="60"/>
        <source>Choose a file…</source>
        <translation>Kies een bestand…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/video_settings.py" line="66"/>
        <source>Video source</source>
        <translation>Videobron</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/video_settings.py" line="72"/>
        <source>Imaging system</source>
        <translation>Beeldvormingssysteem</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/video_settings.py" line="75"/>
        <source>X,Y,W,H in the frame&apos;s pixels; several separated by ;</source>
        <translation>X,Y,B,H in pixels van het beeld; meerdere gescheiden door ;</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/video_settings.py" line="76"/>
        <source>Masks</source>
        <translation>Maskers</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/video_settings.py" line="91"/>
        <source>One frame of the video source, masked as it will be stored</source>
        <translation>Eén beeld van de videobron, gemaskeerd zoals het bewaard wordt</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/video_settings.py" line="92"/>
        <source>No frame shown yet.</source>
        <translation>Nog geen beeld getoond.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/video_settings.py" line="94"/>
        <source>Show a frame</source>
        <translation>Toon een beeld</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/video_settings.py" line="112"/>
        <source>Only a coordinator can change the video source and the masks.</source>
        <translation>Alleen een coördinator kan de videobron en de maskers wijzigen.</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/video_settings.py" line="123"/>
        <source>The video source</source>
        <translation>De videobron</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/video_settings.py" line="164"/>
        <source>No frame shown.</source>
        <translation>Geen beeld getoond.</translation>
    </message>
</context>
<context>
    <name>WaitingBar</name>
    <message>
        <location filename="../../mimic_desktop/ui/live/waiting_bar.py" line="26"/>
        <source>Give up on these…</source>
        <translation>Deze opgeven…</translation>
    </message>
    <message>
        <location filename="../../mimic_desktop/ui/live/waiting_bar.py" line="38"/>
        <source>Not saved yet: the database is in use by another program, retrying. Waiting (%1): %2</source>
        <translation>Nog niet opgeslagen: de database is in gebruik door een ander programma, opnieuw proberen. Wachtend (%1): %2</translation>
    </message>
</context>
</TS>
