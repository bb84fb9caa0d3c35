<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CommandLine</name>
    <message numerus="yes">
        <source>%n stored objects are missing or damaged.</source>
        <translation>
            <numerusform>%n stored object is missing or damaged.</numerusform>
            <numerusform>%n stored objects are missing or damaged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems in %1; fix them and validate again.</source>
        <translation>
            <numerusform>%n problem in %1; fix it and validate again.</numerusform>
            <numerusform>%n problems in %1; fix them and validate again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n versions</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not saved: the pipeline has %n problems.</source>
        <translation>
            <numerusform>Not saved: the pipeline has %n problem.</numerusform>
            <numerusform>Not saved: the pipeline has %n problems.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last %1  min %2  max %3  (%n points)</source>
        <translation>
            <numerusform>last %1  min %2  max %3  (%n point)</numerusform>
            <numerusform>last %1  min %2  max %3  (%n points)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n malformed lines were skipped.</source>
        <translation>
            <numerusform>%n malformed line was skipped.</numerusform>
            <numerusform>%n malformed lines were skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs are now in experiment %1.</source>
        <translation>
            <numerusform>%n run is now in experiment %1.</numerusform>
            <numerusform>%n runs are now in experiment %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelCommands</name>
    <message numerus="yes">
        <source>Registered %1 (%2, %n file(s), %3)</source>
        <translation>
            <numerusform>Registered %1 (%2, %n file, %3)</numerusform>
            <numerusform>Registered %1 (%2, %n files, %3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n feature</numerusform>
            <numerusform>%n features</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(none; %n param(s) the same)</source>
        <translation>
            <numerusform>(none; %n param the same)</numerusform>
            <numerusform>(none; %n params the same)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServingCommands</name>
    <message numerus="yes">
        <source>Wrote %n prediction(s) to %1</source>
        <translation>
            <numerusform>Wrote %n prediction to %1</numerusform>
            <numerusform>Wrote %n predictions to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViewSections</name>
    <message numerus="yes">
        <source>%n nodes</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 CPUs, %2, %n GPUs</source>
        <translation>
            <numerusform>%1 CPUs, %2, %n GPU</numerusform>
            <numerusform>%1 CPUs, %2, %n GPUs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkspaceSnapshot</name>
    <message numerus="yes">
        <source>%n images</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n classes</source>
        <translation>
            <numerusform>%n class</numerusform>
            <numerusform>%n classes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sentences, English and Chinese</source>
        <translation>
            <numerusform>%n sentence, English and Chinese</numerusform>
            <numerusform>%n sentences, English and Chinese</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nodes</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atelier::MainWindow</name>
    <message numerus="yes">
        <source>Catalog schema %1 · %n commits</source>
        <translation>
            <numerusform>Catalog schema %1 · %n commit</numerusform>
            <numerusform>Catalog schema %1 · %n commits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atelier::MetricChart</name>
    <message numerus="yes">
        <source>%n point(s) at or below zero are not shown on the log scale.</source>
        <translation>
            <numerusform>%n point at or below zero is not shown on the log scale.</numerusform>
            <numerusform>%n points at or below zero are not shown on the log scale.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) with a value that is not a number are not shown.</source>
        <translation>
            <numerusform>%n point with a value that is not a number is not shown.</numerusform>
            <numerusform>%n points with a value that is not a number are not shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atelier::ModelsView</name>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atelier::RunsView</name>
    <message numerus="yes">
        <source>%n malformed metric lines were skipped.</source>
        <translation>
            <numerusform>%n malformed metric line was skipped.</numerusform>
            <numerusform>%n malformed metric lines were skipped.</numerusform>
        </translation>
    </message>
</context>
</TS>
