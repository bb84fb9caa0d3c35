<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CocoFormat</name>
    <message numerus="yes">
        <source>%n %1 annotation(s) not written: COCO has no place for them</source>
        <translation>
            <numerusform>%n %1 annotation not written: COCO has no place for it</numerusform>
            <numerusform>%n %1 annotations not written: COCO has no place for them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n polygon(s) not kept as shapes, only their boxes: use --task segmentation</source>
        <translation>
            <numerusform>%n polygon not kept as a shape, only its box: use --task segmentation</numerusform>
            <numerusform>%n polygons not kept as shapes, only their boxes: use --task segmentation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n RLE mask(s) not kept as shapes, only their boxes: use --task segmentation</source>
        <translation>
            <numerusform>%n RLE mask not kept as a shape, only its box: use --task segmentation</numerusform>
            <numerusform>%n RLE masks not kept as shapes, only their boxes: use --task segmentation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the top-level &quot;%1&quot; block is not kept (%n item(s))</source>
        <translation>
            <numerusform>the top-level &quot;%1&quot; block is not kept (%n item)</numerusform>
            <numerusform>the top-level &quot;%1&quot; block is not kept (%n items)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>boxes only in %n annotation(s)</source>
        <translation>
            <numerusform>boxes only in %n annotation</numerusform>
            <numerusform>boxes only in %n annotations</numerusform>
        </translation>
    </message>
</context>
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
    <message numerus="yes">
        <source>Removed %n object files the catalog did not list (%1).</source>
        <translation>
            <numerusform>Removed %n object file the catalog did not list (%1).</numerusform>
            <numerusform>Removed %n object files the catalog did not list (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored objects are missing or damaged, and %1 object files are not in the catalog.</source>
        <translation>
            <numerusform>%n stored object is missing or damaged, and %1 object files are not in the catalog.</numerusform>
            <numerusform>%n stored objects are missing or damaged, and %1 object files are not in the catalog.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object files are not in the catalog; they changed within the last hour, so --repair keeps them: run it again later.</source>
        <translation>
            <numerusform>%n object file is not in the catalog; it changed within the last hour, so --repair keeps it: run it again later.</numerusform>
            <numerusform>%n object files are not in the catalog; they changed within the last hour, so --repair keeps them: run it again later.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object files are not in the catalog; &apos;atelier info --verify --repair&apos; removes them.</source>
        <translation>
            <numerusform>%n object file is not in the catalog; &apos;atelier info --verify --repair&apos; removes it.</numerusform>
            <numerusform>%n object files are not in the catalog; &apos;atelier info --verify --repair&apos; removes them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not finite (NaN or infinite)</source>
        <translation>
            <numerusform>%n not finite (NaN or infinite)</numerusform>
            <numerusform>%n not finite (NaN or infinite)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dataset(s) are incomplete (an import stopped half-way); --repair leaves them to you.</source>
        <translation>
            <numerusform>%n dataset is incomplete (an import stopped half-way); --repair leaves it to you.</numerusform>
            <numerusform>%n datasets are incomplete (an import stopped half-way); --repair leaves them to you.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sweep %1 of %2: %3 %4.%5, %n trials</source>
        <translation>
            <numerusform>Sweep %1 of %2: %3 %4.%5, %n trial</numerusform>
            <numerusform>Sweep %1 of %2: %3 %4.%5, %n trials</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&apos;sweep %1&apos; takes %n argument(s).</source>
        <translation>
            <numerusform>&apos;sweep %1&apos; takes %n argument.</numerusform>
            <numerusform>&apos;sweep %1&apos; takes %n arguments.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConllCodec</name>
    <message numerus="yes">
        <source>%n texts are not their tokens joined by one blank (several blanks, line breaks, a token cut at a span; the first: item %1): CoNLL keeps the tokens, not the exact text; export jsonl to keep it</source>
        <translation>
            <numerusform>%n text is not its tokens joined by one blank (several blanks, line breaks, a token cut at a span; the first: item %1): CoNLL keeps the tokens, not the exact text; export jsonl to keep it</numerusform>
            <numerusform>%n texts are not their tokens joined by one blank (several blanks, line breaks, a token cut at a span; the first: item %1): CoNLL keeps the tokens, not the exact text; export jsonl to keep it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens were cut in two where a span starts or ends inside them, as BIO tags whole tokens (the first: item %1)</source>
        <translation>
            <numerusform>%n token was cut in two where a span starts or ends inside it, as BIO tags whole tokens (the first: item %1)</numerusform>
            <numerusform>%n tokens were cut in two where a span starts or ends inside them, as BIO tags whole tokens (the first: item %1)</numerusform>
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
    <name>FormatGuess</name>
    <message numerus="yes">
        <source>%n sub-folder(s) of images, one per class</source>
        <translation>
            <numerusform>%n sub-folder of images, one per class</numerusform>
            <numerusform>%n sub-folders of images, one per class</numerusform>
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
    <name>ImageImportSession</name>
    <message numerus="yes">
        <source>%n annotation(s) identical to another on the same image (same label, shape and attributes) were kept once</source>
        <translation>
            <numerusform>%n annotation identical to another on the same image (same label, shape and attributes) was kept once</numerusform>
            <numerusform>%n annotations identical to another on the same image (same label, shape and attributes) were kept once</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) already in the dataset were not added again</source>
        <translation>
            <numerusform>%n annotation already in the dataset was not added again</numerusform>
            <numerusform>%n annotations already in the dataset were not added again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelmeExport</name>
    <message numerus="yes">
        <source>%n polygon(s) of several parts written as one polygon shape per part sharing a group_id</source>
        <translation>
            <numerusform>%n polygon of several parts written as one polygon shape per part sharing a group_id</numerusform>
            <numerusform>%n polygons of several parts written as one polygon shape per part sharing a group_id</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelmeFormat</name>
    <message numerus="yes">
        <source>%n polygon(s) became their bounding boxes: a detection dataset holds no polygons (their points are kept for the labelme export; import into a segmentation dataset to keep them as polygons)</source>
        <translation>
            <numerusform>%n polygon became its bounding box: a detection dataset holds no polygons (its points are kept for the labelme export; import into a segmentation dataset to keep it as a polygon)</numerusform>
            <numerusform>%n polygons became their bounding boxes: a detection dataset holds no polygons (their points are kept for the labelme export; import into a segmentation dataset to keep them as polygons)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Leftovers</name>
    <message numerus="yes">
        <source>%n run(s) whose Atelier process had ended were marked failed, their started tasks lost and their processes ended</source>
        <translation>
            <numerusform>%n run whose Atelier process had ended was marked failed, its started tasks lost and its processes ended</numerusform>
            <numerusform>%n runs whose Atelier process had ended were marked failed, their started tasks lost and their processes ended</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) left starting by a deploy that had ended were stopped</source>
        <translation>
            <numerusform>%n service left starting by a deploy that had ended was stopped</numerusform>
            <numerusform>%n services left starting by a deploy that had ended were stopped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) whose Atelier process had ended were marked lost and their servers stopped</source>
        <translation>
            <numerusform>%n session whose Atelier process had ended was marked lost and its server stopped</numerusform>
            <numerusform>%n sessions whose Atelier process had ended were marked lost and their servers stopped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cluster job(s) of their tasks were cancelled</source>
        <translation>
            <numerusform>%n cluster job of their tasks was cancelled</numerusform>
            <numerusform>%n cluster jobs of their tasks were cancelled</numerusform>
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
    <name>ModelRegistry</name>
    <message numerus="yes">
        <source>No model.json was derived: %n pickled file(s), not one estimator; %1.</source>
        <translation>
            <numerusform>No model.json was derived: %n pickled file, not one estimator; %1.</numerusform>
            <numerusform>No model.json was derived: %n pickled files, not one estimator; %1.</numerusform>
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
    <name>PngMaskFormat</name>
    <message numerus="yes">
        <source>%n image(s) are in several ImageSets lists; each was given the first of train, val, test, others: %1</source>
        <translation>
            <numerusform>%n image is in several ImageSets lists; it was given the first of train, val, test, others: %1</numerusform>
            <numerusform>%n images are in several ImageSets lists; each was given the first of train, val, test, others: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) have no SegmentationClass PNG to give their class; labelled &quot;object&quot;</source>
        <translation>
            <numerusform>%n instance has no SegmentationClass PNG to give its class; labelled &quot;object&quot;</numerusform>
            <numerusform>%n instances have no SegmentationClass PNG to give their class; labelled &quot;object&quot;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask pixel(s) have a colour outside VOC&apos;s palette; read as background</source>
        <translation>
            <numerusform>%n mask pixel has a colour outside VOC&apos;s palette; read as background</numerusform>
            <numerusform>%n mask pixels have a colour outside VOC&apos;s palette; read as background</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n polygon(s) written as their pixels; a mask PNG keeps no outline</source>
        <translation>
            <numerusform>%n polygon written as its pixels; a mask PNG keeps no outline</numerusform>
            <numerusform>%n polygons written as their pixels; a mask PNG keeps no outline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) without a split were listed in ImageSets/Segmentation/train.txt</source>
        <translation>
            <numerusform>%n image without a split was listed in ImageSets/Segmentation/train.txt</numerusform>
            <numerusform>%n images without a split were listed in ImageSets/Segmentation/train.txt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) past the 254th of their image are left out of SegmentationObject (SegmentationClass has them)</source>
        <translation>
            <numerusform>%n instance past the 254th of its image is left out of SegmentationObject (SegmentationClass has it)</numerusform>
            <numerusform>%n instances past the 254th of their image are left out of SegmentationObject (SegmentationClass has them)</numerusform>
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
    <name>TextFormats</name>
    <message numerus="yes">
        <source>%1 (in %n records; the first is here)</source>
        <translation>
            <numerusform>%1 (in %n record; it is here)</numerusform>
            <numerusform>%1 (in %n records; the first is here)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items keep more of their source file (&quot;%1&quot;) than %2 can hold; it was left out: export jsonl (or conll) to keep it</source>
        <translation>
            <numerusform>%n item keeps more of its source file (&quot;%1&quot;) than %2 can hold; it was left out: export jsonl (or conll) to keep it</numerusform>
            <numerusform>%n items keep more of their source file (&quot;%1&quot;) than %2 can hold; it was left out: export jsonl (or conll) to keep it</numerusform>
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
    <name>VocFormat</name>
    <message numerus="yes">
        <source>%n image(s) are in several ImageSets lists; each was given the first of train, val, test, others: %1</source>
        <translation>
            <numerusform>%n image is in several ImageSets lists; it was given the first of train, val, test, others: %1</numerusform>
            <numerusform>%n images are in several ImageSets lists; each was given the first of train, val, test, others: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VOC box(es) without an instance mask in SegmentationObject were kept as rectangle polygons</source>
        <translation>
            <numerusform>%n VOC box without an instance mask in SegmentationObject was kept as a rectangle polygon</numerusform>
            <numerusform>%n VOC boxes without an instance mask in SegmentationObject were kept as rectangle polygons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance mask(s) have no &lt;object&gt; of their number in the XML; named after their class</source>
        <translation>
            <numerusform>%n instance mask has no &lt;object&gt; of its number in the XML; named after its class</numerusform>
            <numerusform>%n instance masks have no &lt;object&gt; of their number in the XML; named after their class</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segmentation mask PNG(s) not imported: a detection dataset holds boxes (import into a segmentation dataset, --task segmentation)</source>
        <translation>
            <numerusform>%n segmentation mask PNG not imported: a detection dataset holds boxes (import into a segmentation dataset, --task segmentation)</numerusform>
            <numerusform>%n segmentation mask PNGs not imported: a detection dataset holds boxes (import into a segmentation dataset, --task segmentation)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask pixel(s) have a colour outside VOC&apos;s palette; read as background</source>
        <translation>
            <numerusform>%n mask pixel has a colour outside VOC&apos;s palette; read as background</numerusform>
            <numerusform>%n mask pixels have a colour outside VOC&apos;s palette; read as background</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segmentation mask PNG(s) in SegmentationClass/ or SegmentationObject/</source>
        <translation>
            <numerusform>%n segmentation mask PNG in SegmentationClass/ or SegmentationObject/</numerusform>
            <numerusform>%n segmentation mask PNGs in SegmentationClass/ or SegmentationObject/</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n %1 image(s) converted to JPEG (quality 95, transparency over white) as JPEGImages/&lt;name&gt;.jpg, which VOC readers open</source>
        <translation>
            <numerusform>%n %1 image converted to JPEG (quality 95, transparency over white) as JPEGImages/&lt;name&gt;.jpg, which VOC readers open</numerusform>
            <numerusform>%n %1 images converted to JPEG (quality 95, transparency over white) as JPEGImages/&lt;name&gt;.jpg, which VOC readers open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n JPEG image(s) renamed to &lt;name&gt;.jpg (content unchanged)</source>
        <translation>
            <numerusform>%n JPEG image renamed to &lt;name&gt;.jpg (content unchanged)</numerusform>
            <numerusform>%n JPEG images renamed to &lt;name&gt;.jpg (content unchanged)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) had fractional pixel edges; rounded to whole pixels (VOC counts pixels from 1)</source>
        <translation>
            <numerusform>%n box had fractional pixel edges; rounded to whole pixels (VOC counts pixels from 1)</numerusform>
            <numerusform>%n boxes had fractional pixel edges; rounded to whole pixels (VOC counts pixels from 1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n polygon(s) written as their pixels (SegmentationObject) and bounding box; VOC keeps no outline</source>
        <translation>
            <numerusform>%n polygon written as its pixels (SegmentationObject) and bounding box; VOC keeps no outline</numerusform>
            <numerusform>%n polygons written as their pixels (SegmentationObject) and bounding boxes; VOC keeps no outline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) from sub-folders were put side by side in JPEGImages/; their folders are not kept: %1</source>
        <translation>
            <numerusform>%n image from a sub-folder was put in JPEGImages/; its folder is not kept: %1</numerusform>
            <numerusform>%n images from sub-folders were put side by side in JPEGImages/; their folders are not kept: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) without a split were listed in ImageSets/Main/train.txt</source>
        <translation>
            <numerusform>%n image without a split was listed in ImageSets/Main/train.txt</numerusform>
            <numerusform>%n images without a split were listed in ImageSets/Main/train.txt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) past the 254th of their image are left out of SegmentationObject (in SegmentationClass and the XML they are)</source>
        <translation>
            <numerusform>%n instance past the 254th of its image is left out of SegmentationObject (in SegmentationClass and the XML it is)</numerusform>
            <numerusform>%n instances past the 254th of their image are left out of SegmentationObject (in SegmentationClass and the XML they are)</numerusform>
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
    <name>YoloExport</name>
    <message numerus="yes">
        <source>%n polygon(s) of several parts written as one outline joined by zero-width bridges (a YOLO-seg row holds one polygon)</source>
        <translation>
            <numerusform>%n polygon of several parts written as one outline joined by zero-width bridges (a YOLO-seg row holds one polygon)</numerusform>
            <numerusform>%n polygons of several parts written as one outline joined by zero-width bridges (a YOLO-seg row holds one polygon)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) without a split written to images/ and not listed in data.yaml</source>
        <translation>
            <numerusform>%n image without a split written to images/ and not listed in data.yaml</numerusform>
            <numerusform>%n images without a split written to images/ and not listed in data.yaml</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>YoloFormat</name>
    <message numerus="yes">
        <source>%n label file(s) without an image of the same name (this is the first); not imported</source>
        <translation>
            <numerusform>%n label file without an image of the same name (this is it); not imported</numerusform>
            <numerusform>%n label files without an image of the same name (this is the first); not imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box row(s) became 4-point polygons: a segmentation dataset holds no boxes</source>
        <translation>
            <numerusform>%n box row became a 4-point polygon: a segmentation dataset holds no boxes</numerusform>
            <numerusform>%n box rows became 4-point polygons: a segmentation dataset holds no boxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n polygon row(s) became their bounding boxes: a detection dataset holds no polygons (import into a segmentation dataset to keep them)</source>
        <translation>
            <numerusform>%n polygon row became its bounding box: a detection dataset holds no polygons (import into a segmentation dataset to keep it)</numerusform>
            <numerusform>%n polygon rows became their bounding boxes: a detection dataset holds no polygons (import into a segmentation dataset to keep them)</numerusform>
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
        <source>%n point(s) are NaN or infinite: the line breaks there, marked × on the x axis.</source>
        <translation>
            <numerusform>%n point is NaN or infinite: the line breaks there, marked × on the x axis.</numerusform>
            <numerusform>%n points are NaN or infinite: the line breaks there, marked × on the x axis.</numerusform>
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
    <message numerus="yes">
        <source>%n nodes selected.
Select one node to see its parameters.</source>
        <translation>
            <numerusform>%n node selected.
Select one node to see its parameters.</numerusform>
            <numerusform>%n nodes selected.
Select one node to see its parameters.</numerusform>
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
    <name>atelier::SweepRunner</name>
    <message numerus="yes">
        <source>The time limit (%n s) was reached.</source>
        <translation>
            <numerusform>The time limit (%n s) was reached.</numerusform>
            <numerusform>The time limit (%n s) was reached.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atelier::SweepsPanel</name>
    <message numerus="yes">
        <source>%1 — %n trials, %2</source>
        <translation>
            <numerusform>%1 — %n trial, %2</numerusform>
            <numerusform>%1 — %n trials, %2</numerusform>
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
