<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="131"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mimic_desktop/ui/central/sessions_page.py" line="131"/>
        <source>%n current session(s)</source>
        <translation>
            <numerusform>%n current session</numerusform>
            <numerusform>%n current sessions</numerusform>
        </translation>
    </message>
</context>
</TS>
