<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommandLine</name>
    <message>
        <source>Run &apos;atelier --help&apos; for the commands and options.</source>
        <translation>运行 &apos;atelier --help&apos; 查看可用的命令和选项。</translation>
    </message>
    <message>
        <source>Workspace folder.</source>
        <translation>工作空间文件夹。</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>以 JSON 格式输出，而不是表格。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is missing an argument.</source>
        <translation>“%1”缺少参数。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; got an unexpected argument: %2</source>
        <translation>“%1”收到了意外的参数：%2</translation>
    </message>
    <message>
        <source>Add the sample datasets.</source>
        <translation>添加示例数据集。</translation>
    </message>
    <message>
        <source>Created workspace %1</source>
        <translation>已创建工作空间 %1</translation>
    </message>
    <message>
        <source>Sample data in %1: %2 classification images, %3 detection images with %4 boxes, %5 sentences with %6 entity spans.</source>
        <translation>示例数据位于 %1：%2 张分类图像，%3 张检测图像（共 %4 个标注框），%5 个句子（共 %6 个实体片段）。</translation>
    </message>
    <message>
        <source>Re-hash every stored object against its address.</source>
        <translation>重新计算每个已存储对象的哈希，并与其地址核对。</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>架构版本</translation>
    </message>
    <message>
        <source>%1 (this program: %2)</source>
        <translation>%1（本程序：%2）</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>目录库</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>数量统计</translation>
    </message>
    <message>
        <source>commits</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>run folders</source>
        <translation>运行文件夹</translation>
    </message>
    <message>
        <source>object bytes</source>
        <translation>对象字节数</translation>
    </message>
    <message numerus="yes">
        <source>%n stored objects are missing or damaged.</source>
        <translation>
            <numerusform>%n 个已存储对象缺失或已损坏。</numerusform>
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
        <translation>用法：
  atelier [--workspace DIR]                 启动应用程序（打开上次的工作空间，或显示欢迎页）
  atelier --screenshot FILE [--view NAME] [--workspace DIR]
                                            在屏幕外渲染窗口，保存为 PNG 后退出
                                            视图：welcome, pipelines, datasets, runs, models, pools
  atelier init DIR [--demo]                 创建工作空间；--demo 会添加示例数据
  atelier info [--verify]                   显示工作空间的架构版本、路径和数量统计；
                                            --verify 会重新计算每个已存储对象的哈希
  atelier --version | --help

所有子命令都接受 --workspace DIR（默认：当前文件夹）和 --json。
退出码：0 成功，1 输入被拒绝或运行失败，2 用法错误。
</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;. Commands: %2</source>
        <translation>未知命令“%1”。可用命令：%2</translation>
    </message>
    <message>
        <source>Write a PNG of the window.</source>
        <translation>将窗口保存为 PNG 图像。</translation>
    </message>
    <message>
        <source>View to show.</source>
        <translation>要显示的视图。</translation>
    </message>
    <message>
        <source>unknown view &apos;%1&apos;. Views: %2</source>
        <translation>未知视图“%1”。可用视图：%2</translation>
    </message>
    <message>
        <source>--view goes with --screenshot.</source>
        <translation>--view 需与 --screenshot 一起使用。</translation>
    </message>
    <message>
        <source>--view %1 needs a workspace: add --workspace DIR.</source>
        <translation>--view %1 需要工作空间：请添加 --workspace DIR。</translation>
    </message>
    <message>
        <source>The workspace did not open within 60 s.</source>
        <translation>工作空间未能在 60 秒内打开。</translation>
    </message>
    <message>
        <source>Cannot write the screenshot to %1.</source>
        <translation>无法将截图写入 %1。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>无法打开 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is not a valid SQLite database (%2).</source>
        <translation>%1 不是有效的 SQLite 数据库（%2）。</translation>
    </message>
    <message>
        <source>Catalog error in %1: %2.</source>
        <translation>目录库 %1 出错：%2。</translation>
    </message>
    <message>
        <source>The catalog has no table %1.</source>
        <translation>目录库中没有表 %1。</translation>
    </message>
    <message>
        <source>Catalog error in %1 (%2): %3.</source>
        <translation>目录库 %1 出错（%2）：%3。</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>Writing the demo data was cancelled.</source>
        <translation>已取消写入演示数据。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>GitRepository</name>
    <message>
        <source>unknown libgit2 error</source>
        <translation>未知的 libgit2 错误</translation>
    </message>
    <message>
        <source>A file path is empty.</source>
        <translation>文件路径为空。</translation>
    </message>
    <message>
        <source>The path “%1” contains a backslash; use “/” to separate folders.</source>
        <translation>路径“%1”包含反斜杠；请使用“/”分隔文件夹。</translation>
    </message>
    <message>
        <source>The path “%1” contains a NUL character.</source>
        <translation>路径“%1”包含 NUL 字符。</translation>
    </message>
    <message>
        <source>The path “%1” is absolute; give it relative to the repository.</source>
        <translation>路径“%1”是绝对路径；请给出相对于仓库的路径。</translation>
    </message>
    <message>
        <source>The path “%1” has an empty folder name.</source>
        <translation>路径“%1”中有空的文件夹名。</translation>
    </message>
    <message>
        <source>The path “%1” contains “.” or “..”; give a plain path inside the repository.</source>
        <translation>路径“%1”包含“.”或“..”；请给出仓库内的普通路径。</translation>
    </message>
    <message>
        <source>The path “%1” is inside “.git”, which only git may change.</source>
        <translation>路径“%1”位于“.git”内，其中的内容只能由 git 修改。</translation>
    </message>
    <message>
        <source>The path “%1” goes through the symbolic link “%2”; Atelier only writes plain files.</source>
        <translation>路径“%1”经过符号链接“%2”；Atelier 只写入普通文件。</translation>
    </message>
    <message>
        <source>Could not create the folder “%1”.</source>
        <translation>无法创建文件夹“%1”。</translation>
    </message>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>No commit was given.</source>
        <translation>未指定提交。</translation>
    </message>
    <message>
        <source>There is no commit “%1” in this repository.</source>
        <translation>此仓库中没有提交“%1”。</translation>
    </message>
    <message>
        <source>“%1” matches more than one commit; give more digits of its id.</source>
        <translation>“%1”匹配多个提交；请提供更多位的提交 ID。</translation>
    </message>
    <message>
        <source>“%1” does not name a commit: %2</source>
        <translation>“%1”未指向任何提交：%2</translation>
    </message>
    <message>
        <source>“%1” is not a commit: %2</source>
        <translation>“%1”不是提交：%2</translation>
    </message>
    <message>
        <source>Could not read the files of commit %1: %2</source>
        <translation>无法读取提交 %1 中的文件：%2</translation>
    </message>
    <message>
        <source>Could not read “%1” from a commit: %2</source>
        <translation>无法从提交中读取“%1”：%2</translation>
    </message>
    <message>
        <source>The repository was moved away and can no longer be used.</source>
        <translation>仓库已被移走，无法继续使用。</translation>
    </message>
    <message>
        <source>No folder was given for the repository.</source>
        <translation>未指定仓库所在的文件夹。</translation>
    </message>
    <message>
        <source>“%1” is already a git repository; open it instead.</source>
        <translation>“%1”已是 git 仓库；请直接打开它。</translation>
    </message>
    <message>
        <source>Could not create a repository in “%1”: %2</source>
        <translation>无法在“%1”中创建仓库：%2</translation>
    </message>
    <message>
        <source>Could not configure the repository in “%1”: %2</source>
        <translation>无法配置“%1”中的仓库：%2</translation>
    </message>
    <message>
        <source>“%1” is not a git repository.</source>
        <translation>“%1”不是 git 仓库。</translation>
    </message>
    <message>
        <source>Could not open the repository in “%1”: %2</source>
        <translation>无法打开“%1”中的仓库：%2</translation>
    </message>
    <message>
        <source>“%1” is a bare repository; Atelier needs one with a working tree.</source>
        <translation>“%1”是裸仓库；Atelier 需要带工作树的仓库。</translation>
    </message>
    <message>
        <source>“%1” is not the working tree of a git repository; open “%2” instead.</source>
        <translation>“%1”不是 git 仓库的工作树；请改为打开“%2”。</translation>
    </message>
    <message>
        <source>“%1” is both written and removed in one commit.</source>
        <translation>“%1”在同一次提交中既被写入又被删除。</translation>
    </message>
    <message>
        <source>“%1” is a folder; remove the files in it instead.</source>
        <translation>“%1”是文件夹；请改为删除其中的文件。</translation>
    </message>
    <message>
        <source>The commit message is empty; describe what changed.</source>
        <translation>提交说明为空；请描述所做的更改。</translation>
    </message>
    <message>
        <source>The commit author needs both a name and an e-mail address.</source>
        <translation>提交作者需要同时提供姓名和电子邮件地址。</translation>
    </message>
    <message>
        <source>The commit author is not valid: %1</source>
        <translation>提交作者无效：%1</translation>
    </message>
    <message>
        <source>Could not tidy the commit message: %1</source>
        <translation>无法整理提交说明：%1</translation>
    </message>
    <message>
        <source>Could not read the tip of “main”: %1</source>
        <translation>无法读取“main”分支的最新提交：%1</translation>
    </message>
    <message>
        <source>Could not read the branch “main”: %1</source>
        <translation>无法读取分支“main”：%1</translation>
    </message>
    <message>
        <source>Could not open the repository index: %1</source>
        <translation>无法打开仓库索引：%1</translation>
    </message>
    <message>
        <source>Could not prepare the repository index: %1</source>
        <translation>无法准备仓库索引：%1</translation>
    </message>
    <message>
        <source>Could not add “%1” to the commit: %2</source>
        <translation>无法将“%1”添加到提交：%2</translation>
    </message>
    <message>
        <source>Could not remove “%1”.</source>
        <translation>无法删除“%1”。</translation>
    </message>
    <message>
        <source>Could not remove “%1” from the commit: %2</source>
        <translation>无法从提交中移除“%1”：%2</translation>
    </message>
    <message>
        <source>Could not save the repository index: %1</source>
        <translation>无法保存仓库索引：%1</translation>
    </message>
    <message>
        <source>Could not store the committed files: %1</source>
        <translation>无法存储已提交的文件：%1</translation>
    </message>
    <message>
        <source>There is nothing to commit: the files are unchanged.</source>
        <translation>没有可提交的内容：文件未发生更改。</translation>
    </message>
    <message>
        <source>Could not read the committed files: %1</source>
        <translation>无法读取已提交的文件：%1</translation>
    </message>
    <message>
        <source>Could not create the commit: %1</source>
        <translation>无法创建提交：%1</translation>
    </message>
    <message>
        <source>The repository has no commits yet.</source>
        <translation>仓库中还没有任何提交。</translation>
    </message>
    <message>
        <source>Could not walk the history: %1</source>
        <translation>无法遍历提交历史：%1</translation>
    </message>
    <message>
        <source>Could not read commit %1: %2</source>
        <translation>无法读取提交 %1：%2</translation>
    </message>
    <message>
        <source>Could not read the parent of %1: %2</source>
        <translation>无法读取 %1 的父提交：%2</translation>
    </message>
    <message>
        <source>There is no file “%1” in commit %2.</source>
        <translation>提交 %2 中没有文件“%1”。</translation>
    </message>
    <message>
        <source>Could not look up “%1” in commit %2: %3</source>
        <translation>无法在提交 %2 中查找“%1”：%3</translation>
    </message>
    <message>
        <source>“%1” is a folder in commit %2, not a file.</source>
        <translation>在提交 %2 中，“%1”是文件夹，而不是文件。</translation>
    </message>
    <message>
        <source>Could not read “%1” in commit %2: %3</source>
        <translation>无法读取提交 %2 中的“%1”：%3</translation>
    </message>
    <message>
        <source>Could not compare %1 with %2: %3</source>
        <translation>无法比较 %1 与 %2：%3</translation>
    </message>
    <message>
        <source>Could not look for renamed files: %1</source>
        <translation>无法检测重命名的文件：%1</translation>
    </message>
    <message>
        <source>Could not compute the changes of “%1”: %2</source>
        <translation>无法计算“%1”的更改：%2</translation>
    </message>
    <message>
        <source>Could not count the changes of “%1”: %2</source>
        <translation>无法统计“%1”的更改：%2</translation>
    </message>
    <message>
        <source>Could not format the changes of “%1”: %2</source>
        <translation>无法格式化“%1”的更改：%2</translation>
    </message>
</context>
<context>
    <name>LocalMachine</name>
    <message>
        <source>nvidia-smi did not answer within %1 s.</source>
        <translation>nvidia-smi 未在 %1 秒内响应。</translation>
    </message>
    <message>
        <source>nvidia-smi failed (exit %1): %2</source>
        <translation>nvidia-smi 执行失败（退出码 %1）：%2</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>无输出信息</translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>Cannot read the schema version of %1: %2.</source>
        <translation>无法读取 %1 的架构版本：%2。</translation>
    </message>
    <message>
        <source>%1 was made by a newer Atelier (schema %2; this version knows up to %3). Update Atelier to open it.</source>
        <translation>%1 由较新版本的 Atelier 创建（架构版本 %2；此版本最高支持 %3）。请更新 Atelier 后再打开。</translation>
    </message>
    <message>
        <source>Upgrading the catalog to schema %1 failed: %2</source>
        <translation>将目录库升级到架构版本 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>ObjectStore</name>
    <message>
        <source>Cannot read %1: the file does not exist. Check the path and try again.</source>
        <translation>无法读取 %1：文件不存在。请检查路径后重试。</translation>
    </message>
    <message>
        <source>Cannot store %1: it is a folder, not a file. Choose a file instead.</source>
        <translation>无法存储 %1：它是文件夹，而不是文件。请选择一个文件。</translation>
    </message>
    <message>
        <source>Cannot store %1: it is not a regular file. Choose a regular file instead.</source>
        <translation>无法存储 %1：它不是普通文件。请选择一个普通文件。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Check that you have permission to read it.</source>
        <translation>无法读取 %1：%2。请检查您是否有读取权限。</translation>
    </message>
    <message>
        <source>Reading %1 failed: %2. Check the disk and try again.</source>
        <translation>读取 %1 失败：%2。请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Check the free space and permissions of the workspace.</source>
        <translation>无法写入 %1：%2。请检查工作空间的可用空间和权限。</translation>
    </message>
    <message>
        <source>“%1” is not a valid object id: expected 64 lower-case hexadecimal digits.</source>
        <translation>“%1”不是有效的对象 ID：应为 64 位小写十六进制数字。</translation>
    </message>
    <message>
        <source>object %1 is missing from %2; restore it from a backup or re-import the file</source>
        <translation>%2 中缺少对象 %1；请从备份恢复，或重新导入该文件</translation>
    </message>
    <message>
        <source>object %1 in %2 is not a regular file; remove %3 and re-import the file</source>
        <translation>%2 中的对象 %1 不是普通文件；请删除 %3 并重新导入该文件</translation>
    </message>
    <message>
        <source>object %1 in %2 is damaged (its content now hashes to %3); restore it from a backup or re-import the file</source>
        <translation>%2 中的对象 %1 已损坏（其内容的哈希现为 %3）；请从备份恢复，或重新导入该文件</translation>
    </message>
    <message>
        <source>Cannot store %1: the object store %2 does not exist. Reopen the workspace.</source>
        <translation>无法存储 %1：对象存储 %2 不存在。请重新打开工作空间。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Check the path and try again.</source>
        <translation>无法读取 %1：%2。请检查路径后重试。</translation>
    </message>
    <message>
        <source>object %1 in %2 is damaged (it is not a %3-byte file like %4); run a store check, then remove %5 and import the file again</source>
        <translation>%2 中的对象 %1 已损坏（它不是与 %4 相同的 %3 字节文件）；请先运行存储检查，然后删除 %5 并重新导入该文件</translation>
    </message>
    <message>
        <source>the folder cannot be created</source>
        <translation>无法创建该文件夹</translation>
    </message>
    <message>
        <source>%1 changed while it was being stored; try again when no program is writing to it.</source>
        <translation>%1 在存储过程中发生了变化；请在没有程序写入该文件时重试。</translation>
    </message>
</context>
<context>
    <name>Query</name>
    <message>
        <source>binding parameter %1</source>
        <translation>绑定参数 %1</translation>
    </message>
</context>
<context>
    <name>ViewSections</name>
    <message>
        <source>Pipelines</source>
        <translation>流水线</translation>
    </message>
    <message>
        <source>Workspace history</source>
        <translation>工作空间历史</translation>
    </message>
    <message>
        <source>Sample data ready to import</source>
        <translation>可导入的示例数据</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>CPU cores</source>
        <translation>CPU 核心</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>none found (no NVIDIA driver)</source>
        <translation>未找到（无 NVIDIA 驱动）</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>This workstation (pool “local”)</source>
        <translation>本工作站（资源池“local”）</translation>
    </message>
    <message>
        <source>this workstation</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <source>Slurm cluster</source>
        <translation>Slurm 集群</translation>
    </message>
    <message>
        <source>Kubernetes namespace</source>
        <translation>Kubernetes 命名空间</translation>
    </message>
    <message>
        <source>initializing</source>
        <translation>初始化中</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>abnormal</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>unbinding</source>
        <translation>解绑中</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 是文件，而不是文件夹。</translation>
    </message>
    <message>
        <source>%1 is already an Atelier workspace; open it instead.</source>
        <translation>%1 已是 Atelier 工作空间；请直接打开它。</translation>
    </message>
    <message>
        <source>%1 is not empty and is not an Atelier workspace; choose a new or empty folder.</source>
        <translation>%1 不为空，且不是 Atelier 工作空间；请选择新文件夹或空文件夹。</translation>
    </message>
    <message>
        <source>Cannot write to %1: permission denied. Choose a folder you can write to.</source>
        <translation>无法写入 %1：权限被拒绝。请选择您有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1: %2. Choose a folder you can write to.</source>
        <translation>无法创建文件夹 %1：%2。请选择您有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1: %2.</source>
        <translation>无法创建文件夹 %1：%2。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is a file, not a workspace folder.</source>
        <translation>%1 是文件，而不是工作空间文件夹。</translation>
    </message>
    <message>
        <source>%1 is not an Atelier workspace (it has no atelier.db). Create one with: atelier init %1</source>
        <translation>%1 不是 Atelier 工作空间（缺少 atelier.db）。可使用以下命令创建：atelier init %1</translation>
    </message>
    <message>
        <source>%1 is read-only: Atelier saves every edit at once and needs to write to the workspace. Make it writable or copy it somewhere you can write.</source>
        <translation>%1 为只读：Atelier 会立即保存每次编辑，因此需要写入工作空间。请将其设为可写，或复制到您有写入权限的位置。</translation>
    </message>
    <message>
        <source>%1 is damaged or is not an Atelier catalog; nothing was changed. Restore it from a backup.</source>
        <translation>%1 已损坏或不是 Atelier 目录库；未做任何更改。请从备份恢复。</translation>
    </message>
    <message>
        <source>%1 is a SQLite database but not an Atelier catalog; nothing was changed.</source>
        <translation>%1 是 SQLite 数据库，但不是 Atelier 目录库；未做任何更改。</translation>
    </message>
</context>
<context>
    <name>WorkspaceSnapshot</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Shapes — image classification</source>
        <translation>形状 — 图像分类</translation>
    </message>
    <message numerus="yes">
        <source>%n images</source>
        <translation>
            <numerusform>%n 张图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n classes</source>
        <translation>
            <numerusform>%n 个类别</numerusform>
        </translation>
    </message>
    <message>
        <source>Shapes — object detection (COCO)</source>
        <translation>形状 — 目标检测（COCO）</translation>
    </message>
    <message>
        <source>Sentences — text classification and entities</source>
        <translation>句子 — 文本分类与实体</translation>
    </message>
    <message numerus="yes">
        <source>%n sentences, English and Chinese</source>
        <translation>
            <numerusform>%n 个句子，含中文和英文</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atelier::ListPage</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
</context>
<context>
    <name>atelier::MainWindow</name>
    <message>
        <source>Pipelines</source>
        <translation>流水线</translation>
    </message>
    <message>
        <source>Graphs of jobs built from templates; every save is a version you can compare and restore.</source>
        <translation>由模板构建的作业图；每次保存都是一个版本，可随时对比和恢复。</translation>
    </message>
    <message>
        <source>No pipelines yet.
Saved pipelines appear here, each save a commit in the workspace&apos;s repo/.</source>
        <translation>暂无流水线。
已保存的流水线会显示在这里，每次保存都是工作空间 repo/ 中的一个提交。</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Images and text with their labels, versioned; import from COCO, VOC, YOLO, labelme, CSV, JSONL and CoNLL.</source>
        <translation>带标注的图像和文本，支持版本管理；可从 COCO、VOC、YOLO、labelme、CSV、JSONL 和 CoNLL 导入。</translation>
    </message>
    <message>
        <source>No datasets yet.
Import one with: atelier dataset import PATH --name NAME --format FORMAT</source>
        <translation>暂无数据集。
使用以下命令导入：atelier dataset import PATH --name NAME --format FORMAT</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Every execution of a pipeline, with its logs, metrics and the version it ran.</source>
        <translation>流水线的每次执行，包括日志、指标及所运行的版本。</translation>
    </message>
    <message>
        <source>No runs yet.
Run a pipeline and it appears here with its live metrics.</source>
        <translation>暂无运行。
运行流水线后，它会连同实时指标显示在这里。</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Registered models with versions, lineage and deployments.</source>
        <translation>已注册的模型，包括版本、血缘和部署。</translation>
    </message>
    <message>
        <source>No models yet.
Register one with: atelier model register PATH --name NAME</source>
        <translation>暂无模型。
使用以下命令注册：atelier model register PATH --name NAME</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>Where work runs: this workstation&apos;s CPUs and GPUs, or a cluster.</source>
        <translation>作业的运行位置：本工作站的 CPU 和 GPU，或集群。</translation>
    </message>
    <message>
        <source>No pools.</source>
        <translation>暂无资源池。</translation>
    </message>
    <message>
        <source>Atelier</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>新建工作空间(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>打开工作空间(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the &amp;Demo</source>
        <translation>打开演示(&amp;D)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close Workspace</source>
        <translation>关闭工作空间(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Atelier</source>
        <translation>关于 Atelier(&amp;A)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message numerus="yes">
        <source>Catalog schema %1 · %n commits</source>
        <translation>
            <numerusform>目录库架构版本 %1 · %n 个提交</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — Atelier</source>
        <translation>%1 — Atelier</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>正在创建 %1…</translation>
    </message>
    <message>
        <source>Making the demo workspace…</source>
        <translation>正在创建演示工作空间…</translation>
    </message>
    <message>
        <source>Making the workspace…</source>
        <translation>正在创建工作空间…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>新建工作空间</translation>
    </message>
    <message>
        <source>Choose a new, empty folder for the workspace</source>
        <translation>为工作空间选择一个新的空文件夹</translation>
    </message>
    <message>
        <source>Open a workspace folder</source>
        <translation>打开工作空间文件夹</translation>
    </message>
    <message>
        <source>About Atelier</source>
        <translation>关于 Atelier</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Atelier %1&lt;/h3&gt;&lt;p&gt;A desktop ML workstation: pipelines, labeling, runs and models, offline.&lt;/p&gt;&lt;p&gt;Qt %2 · SQLite %3 · libgit2 %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Atelier %1&lt;/h3&gt;&lt;p&gt;桌面机器学习工作站：流水线、标注、运行与模型，完全离线。&lt;/p&gt;&lt;p&gt;Qt %2 · SQLite %3 · libgit2 %4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>atelier::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Recorded as the author of every annotation you make.</source>
        <translation>将作为您所做每条标注的作者记录。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Annotator name:</source>
        <translation>标注员名称(&amp;A)：</translation>
    </message>
    <message>
        <source>Default &amp;pool:</source>
        <translation>默认资源池(&amp;P)：</translation>
    </message>
    <message>
        <source>Enter an annotator name: it is recorded with every annotation.</source>
        <translation>请输入标注员名称：它会随每条标注一起记录。</translation>
    </message>
    <message>
        <source>The new language applies when Atelier restarts.</source>
        <translation>新语言将在 Atelier 重启后生效。</translation>
    </message>
</context>
<context>
    <name>atelier::WelcomePage</name>
    <message>
        <source>Atelier</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <source>Build pipelines, label data, watch runs and ship models — on this workstation or your cluster, offline.</source>
        <translation>构建流水线、标注数据、查看运行、发布模型——在本工作站或您的集群上，完全离线。</translation>
    </message>
    <message>
        <source>New workspace…</source>
        <translation>新建工作空间…</translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation>打开工作空间…</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>打开演示</translation>
    </message>
    <message>
        <source>A workspace with sample images and sentences, made on this machine in a few seconds; no network needed.</source>
        <translation>一个包含示例图像和句子的工作空间，几秒内即可在本机生成；无需联网。</translation>
    </message>
    <message>
        <source>Recent workspaces</source>
        <translation>最近的工作空间</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>（缺失）</translation>
    </message>
    <message>
        <source>No recent workspaces yet — open the demo to look around.</source>
        <translation>暂无最近的工作空间——打开演示看看吧。</translation>
    </message>
</context>
</TS>
