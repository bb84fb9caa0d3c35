<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommandLine</name>
    <message>
        <source>Run &apos;atelier --help&apos; for the commands and options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is missing an argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; got an unexpected argument: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the sample datasets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample data in %1: %2 classification images, %3 detection images with %4 boxes, %5 sentences with %6 entity spans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-hash every stored object against its address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (this program: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n stored objects are missing or damaged.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Usage:
  atelier [--workspace DIR]                 the application (last workspace, or the welcome page)
  atelier --screenshot FILE [--view NAME] [--workspace DIR]
                                            render the window offscreen to a PNG and exit
                                            views: welcome, pipelines, datasets, runs, models, pools
  atelier init DIR [--demo]                 make a workspace; --demo adds sample data
  atelier info [--verify]                   schema version, paths and counts of a workspace;
                                            --verify re-hashes every stored object
  atelier --version | --help

Every subcommand takes --workspace DIR (default: the current folder) and --json.
Exit codes: 0 success, 1 refused input or failed run, 2 usage error.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;. Commands: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a PNG of the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown view &apos;%1&apos;. Views: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--view goes with --screenshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--view %1 needs a workspace: add --workspace DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace did not open within 60 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the screenshot to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid SQLite database (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog error in %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog has no table %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog error in %1 (%2): %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>Writing the demo data was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GitRepository</name>
    <message>
        <source>unknown libgit2 error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file path is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path “%1” contains a backslash; use “/” to separate folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path “%1” contains a NUL character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path “%1” is absolute; give it relative to the repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path “%1” has an empty folder name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path “%1” contains “.” or “..”; give a plain path inside the repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path “%1” is inside “.git”, which only git may change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path “%1” goes through the symbolic link “%2”; Atelier only writes plain files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No commit was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no commit “%1” in this repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” matches more than one commit; give more digits of its id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not name a commit: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a commit: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the files of commit %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read “%1” from a commit: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository was moved away and can no longer be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No folder was given for the repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is already a git repository; open it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create a repository in “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not configure the repository in “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a git repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the repository in “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a bare repository; Atelier needs one with a working tree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not the working tree of a git repository; open “%2” instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is both written and removed in one commit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a folder; remove the files in it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The commit message is empty; describe what changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The commit author needs both a name and an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The commit author is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not tidy the commit message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the tip of “main”: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the branch “main”: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the repository index: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not prepare the repository index: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not add “%1” to the commit: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove “%1” from the commit: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the repository index: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the committed files: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to commit: the files are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the committed files: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the commit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository has no commits yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not walk the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read commit %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the parent of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file “%1” in commit %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not look up “%1” in commit %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a folder in commit %2, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read “%1” in commit %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not compare %1 with %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not look for renamed files: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not compute the changes of “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count the changes of “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not format the changes of “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalMachine</name>
    <message>
        <source>nvidia-smi did not answer within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nvidia-smi failed (exit %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>Cannot read the schema version of %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was made by a newer Atelier (schema %2; this version knows up to %3). Update Atelier to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the catalog to schema %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObjectStore</name>
    <message>
        <source>Cannot read %1: the file does not exist. Check the path and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot store %1: it is a folder, not a file. Choose a file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot store %1: it is not a regular file. Choose a regular file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Check that you have permission to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 failed: %2. Check the disk and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Check the free space and permissions of the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid object id: expected 64 lower-case hexadecimal digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object %1 is missing from %2; restore it from a backup or re-import the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object %1 in %2 is not a regular file; remove %3 and re-import the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object %1 in %2 is damaged (its content now hashes to %3); restore it from a backup or re-import the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot store %1: the object store %2 does not exist. Reopen the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Check the path and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object %1 in %2 is damaged (it is not a %3-byte file like %4); run a store check, then remove %5 and import the file again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder cannot be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed while it was being stored; try again when no program is writing to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Query</name>
    <message>
        <source>binding parameter %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewSections</name>
    <message>
        <source>Pipelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample data ready to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none found (no NVIDIA driver)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation (pool “local”)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already an Atelier workspace; open it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not empty and is not an Atelier workspace; choose a new or empty folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to %1: permission denied. Choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1: %2. Choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file, not a workspace folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an Atelier workspace (it has no atelier.db). Create one with: atelier init %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is read-only: Atelier saves every edit at once and needs to write to the workspace. Make it writable or copy it somewhere you can write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged or is not an Atelier catalog; nothing was changed. Restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a SQLite database but not an Atelier catalog; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspaceSnapshot</name>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shapes — image classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n images</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n classes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Shapes — object detection (COCO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentences — text classification and entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sentences, English and Chinese</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atelier::ListPage</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atelier::MainWindow</name>
    <message>
        <source>Pipelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphs of jobs built from templates; every save is a version you can compare and restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pipelines yet.
Saved pipelines appear here, each save a commit in the workspace&apos;s repo/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images and text with their labels, versioned; import from COCO, VOC, YOLO, labelme, CSV, JSONL and CoNLL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No datasets yet.
Import one with: atelier dataset import PATH --name NAME --format FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every execution of a pipeline, with its logs, metrics and the version it ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet.
Run a pipeline and it appears here with its live metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered models with versions, lineage and deployments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No models yet.
Register one with: atelier model register PATH --name NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where work runs: this workstation&apos;s CPUs and GPUs, or a cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atelier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Atelier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Catalog schema %1 · %n commits</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — Atelier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the demo workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new, empty folder for the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a workspace folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Atelier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Atelier %1&lt;/h3&gt;&lt;p&gt;A desktop ML workstation: pipelines, labeling, runs and models, offline.&lt;/p&gt;&lt;p&gt;Qt %2 · SQLite %3 · libgit2 %4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atelier::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as the author of every annotation you make.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotator name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;pool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an annotator name: it is recorded with every annotation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies when Atelier restarts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atelier::WelcomePage</name>
    <message>
        <source>Atelier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build pipelines, label data, watch runs and ship models — on this workstation or your cluster, offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workspace with sample images and sentences, made on this machine in a few seconds; no network needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent workspaces yet — open the demo to look around.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
