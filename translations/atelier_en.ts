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
    <name>DatasetStore</name>
    <message numerus="yes">
        <source>The label &quot;%1&quot; is used by %n annotation(s); remove them with the label or rename the label instead.</source>
        <translation>
            <numerusform>The label &quot;%1&quot; is used by %n annotation; remove it with the label or rename the label instead.</numerusform>
            <numerusform>The label &quot;%1&quot; is used by %n annotations; remove them with the label or rename the label instead.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageAnnotationCommands</name>
    <message numerus="yes">
        <source>Add %n shape(s)</source>
        <translation>
            <numerusform>Add %n shape</numerusform>
            <numerusform>Add %n shapes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n shape(s)</source>
        <translation>
            <numerusform>Delete %n shape</numerusform>
            <numerusform>Delete %n shapes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message numerus="yes">
        <source>Upgrading the catalog left %n row(s) whose reference is missing; the upgrade was undone.</source>
        <translation>
            <numerusform>Upgrading the catalog left %n row whose reference is missing; the upgrade was undone.</numerusform>
            <numerusform>Upgrading the catalog left %n rows whose reference is missing; the upgrade was undone.</numerusform>
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
    <name>MoveItemsCommand</name>
    <message numerus="yes">
        <source>Move %n item(s)</source>
        <translation>
            <numerusform>Move %n item</numerusform>
            <numerusform>Move %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemoveItemsCommand</name>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>Delete %n item</numerusform>
            <numerusform>Delete %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n link(s)</source>
        <translation>
            <numerusform>Delete %n link</numerusform>
            <numerusform>Delete %n links</numerusform>
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
    <name>atelier::ImageAnnotator</name>
    <message numerus="yes">
        <source>Copy %n shape(s) from the previous image</source>
        <translation>
            <numerusform>Copy %n shape from the previous image</numerusform>
            <numerusform>Copy %n shapes from the previous image</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atelier::ImageBrowser</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
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
    <name>atelier::PropertiesPanel</name>
    <message numerus="yes">
        <source>%n nodes</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n links</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nodes selected.
Select one node to edit it.</source>
        <translation>
            <numerusform>%n node selected.
Select one node to edit it.</numerusform>
            <numerusform>%n nodes selected.
Select one node to edit it.</numerusform>
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
<context>
    <name>atelier::TextAgreementView</name>
    <message numerus="yes">
        <source>Agreement needs two annotators: this dataset has %n.</source>
        <translation>
            <numerusform>Agreement needs two annotators: this dataset has %n.</numerusform>
            <numerusform>Agreement needs two annotators: this dataset has %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>observed %1 · chance %2 · %n item(s)</source>
        <translation>
            <numerusform>observed %1 · chance %2 · %n item</numerusform>
            <numerusform>observed %1 · chance %2 · %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %2 both annotated %n item(s); they disagree on %3.</source>
        <translation>
            <numerusform>%1 and %2 both annotated %n item; they disagree on %3.</numerusform>
            <numerusform>%1 and %2 both annotated %n items; they disagree on %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atelier::TextAnnotator</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) · next: %1 by %2</source>
        <translation>
            <numerusform>%n suggestion · next: %1 by %2</numerusform>
            <numerusform>%n suggestions · next: %1 by %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 suggested %n label(s) on %2 item(s).</source>
        <translation>
            <numerusform>%1 suggested %n label on %2 item(s).</numerusform>
            <numerusform>%1 suggested %n labels on %2 item(s).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atelier::VersionsPanel</name>
    <message numerus="yes">
        <source>%1: %n changes.</source>
        <translation>
            <numerusform>%1: %n change.</numerusform>
            <numerusform>%1: %n changes.</numerusform>
        </translation>
    </message>
</context>
</TS>
