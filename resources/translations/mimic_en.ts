<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ExportsPage</name>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/exports_page.py" line="118"/>
        <source>The identifier check found %n text(s) that look like they hold a name, a number or a date. Ask the centre to correct them on its laptop and send the record again, then export again:</source>
        <translation>
            <numerusform>The identifier check found %n text that looks like it holds a name, a number or a date. Ask the centre to correct it on its laptop and send the record again, then export again:</numerusform>
            <numerusform>The identifier check found %n texts that look like they hold a name, a number or a date. Ask the centre to correct them on its laptop and send the record again, then export again:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/import_page.py" line="186"/>
        <source>%n version(s) held back until a data manager releases them</source>
        <translation>
            <numerusform>%n version held back until a data manager releases it</numerusform>
            <numerusform>%n versions held back until a data manager releases them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LesionText</name>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="175"/>
        <source>Segment(s) %1 · %2</source>
        <translation>
            <numerusform>Segment %1 · %2</numerusform>
            <numerusform>Segments %1 · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/live/lesion_cards.py" line="177"/>
        <source>Segment(s) %1 · size not entered yet</source>
        <translation>
            <numerusform>Segment %1 · size not entered yet</numerusform>
            <numerusform>Segments %1 · size not entered yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueriesPage</name>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/record/queries_page.py" line="133"/>
        <source>%n query(ies) waiting for an answer.</source>
        <translation>
            <numerusform>%n query waiting for an answer.</numerusform>
            <numerusform>%n queries waiting for an answer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="226"/>
        <source>%n query(ies) raised by the automatic checks.</source>
        <translation>
            <numerusform>%n query raised by the automatic checks.</numerusform>
            <numerusform>%n queries raised by the automatic checks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/queries_page.py" line="278"/>
        <source>%n query(ies)</source>
        <translation>
            <numerusform>%n query</numerusform>
            <numerusform>%n queries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="117"/>
        <source>%n patient(s) analysed</source>
        <translation>
            <numerusform>%n patient analysed</numerusform>
            <numerusform>%n patients analysed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/report_page.py" line="118"/>
        <source>%n current session(s)</source>
        <translation>
            <numerusform>%n current session</numerusform>
            <numerusform>%n current sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="157"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="157"/>
        <source>%n current session(s)</source>
        <translation>
            <numerusform>%n current session</numerusform>
            <numerusform>%n current sessions</numerusform>
        </translation>
    </message>
</context>
</TS>
