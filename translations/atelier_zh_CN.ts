<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArchiveReader</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>the zip file is damaged (no central directory)</source>
        <translation>zip 文件已损坏（没有中央目录）</translation>
    </message>
    <message>
        <source>the zip file is damaged (central directory outside the file)</source>
        <translation>zip 文件已损坏（中央目录位于文件之外）</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>the zip file is damaged (entry %1)</source>
        <translation>zip 文件已损坏（归档项 %1）</translation>
    </message>
    <message>
        <source>links are not unpacked</source>
        <translation>不解压链接</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>the path is absolute or leaves the archive (..)</source>
        <translation>路径是绝对路径或指向归档之外（..）</translation>
    </message>
    <message>
        <source>encrypted entries are not read</source>
        <translation>不读取加密的归档项</translation>
    </message>
    <message>
        <source>compression method %1 is not supported</source>
        <translation>不支持压缩方法 %1</translation>
    </message>
    <message>
        <source>damaged entry header</source>
        <translation>归档项头已损坏</translation>
    </message>
    <message>
        <source>the entry is cut off</source>
        <translation>归档项被截断</translation>
    </message>
    <message>
        <source>zlib failed to start</source>
        <translation>zlib 启动失败</translation>
    </message>
    <message>
        <source>the compressed data is damaged</source>
        <translation>压缩数据已损坏</translation>
    </message>
    <message>
        <source>checksum mismatch</source>
        <translation>校验和不匹配</translation>
    </message>
    <message>
        <source>too many entries</source>
        <translation>归档项过多</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>not a tar archive, or it is cut off</source>
        <translation>不是 tar 归档，或已被截断</translation>
    </message>
    <message>
        <source>the tar archive is damaged (bad header)</source>
        <translation>tar 归档已损坏（头部无效）</translation>
    </message>
    <message>
        <source>the tar archive is damaged (bad size)</source>
        <translation>tar 归档已损坏（大小无效）</translation>
    </message>
    <message>
        <source>the tar archive is damaged (huge header)</source>
        <translation>tar 归档已损坏（头部过大）</translation>
    </message>
    <message>
        <source>the tar archive is cut off</source>
        <translation>tar 归档被截断</translation>
    </message>
    <message>
        <source>%1 is not a zip or tar archive</source>
        <translation>%1 不是 zip 或 tar 归档</translation>
    </message>
    <message>
        <source>a file of the same name as its folder is already unpacked</source>
        <translation>已解压出一个与其文件夹同名的文件</translation>
    </message>
    <message>
        <source>a folder of the same name is already unpacked</source>
        <translation>已解压出一个同名文件夹</translation>
    </message>
    <message>
        <source>the name contains control characters</source>
        <translation>名称中含有控制字符</translation>
    </message>
    <message>
        <source>the zip file is damaged (its ZIP64 end record is missing)</source>
        <translation>zip 文件已损坏（缺少 ZIP64 结尾记录）</translation>
    </message>
    <message>
        <source>%1 expands more than %2:1 (%3 MB from %4 KB so far); the archive is refused as a compression bomb (unpack it yourself if you trust it, and import the folder)</source>
        <translation>%1 的膨胀比超过 %2:1（目前已从 %4 KB 解压出 %3 MB）；该归档被视为压缩炸弹而拒绝（如果您信任它，请自行解压，然后导入该文件夹）</translation>
    </message>
    <message>
        <source>the archive unpacks to more than %1 MB; it is refused (raise the limit with --max-unpacked-mb only for a trusted archive)</source>
        <translation>该归档解压后超过 %1 MB；已拒绝（仅对可信的归档才用 --max-unpacked-mb 提高上限）</translation>
    </message>
    <message>
        <source>the archive unpacks to more than the %1 MB free on the disk of %2; free some space (or lower --max-unpacked-mb to refuse such archives at once)</source>
        <translation>该归档解压后超过 %2 所在磁盘的 %1 MB 可用空间；请释放一些空间（或调低 --max-unpacked-mb，以便直接拒绝此类归档）</translation>
    </message>
</context>
<context>
    <name>CanvasStyle</name>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>已缓存</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
</context>
<context>
    <name>ChangeNoteGeometryCommand</name>
    <message>
        <source>Resize a note</source>
        <translation>调整便签大小</translation>
    </message>
</context>
<context>
    <name>ChangeNoteTextCommand</name>
    <message>
        <source>Edit a note</source>
        <translation>编辑便签</translation>
    </message>
</context>
<context>
    <name>ChangeValueCommand</name>
    <message>
        <source>Change the pipeline's %1</source>
        <translation>更改流水线的%1</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>更改 %2 的%1</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU 数</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU 数</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
</context>
<context>
    <name>CocoFormat</name>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation>不是有效的 JSON：%1（位于第 %2 字节）</translation>
    </message>
    <message>
        <source>no "images" and "annotations" arrays: not a COCO file</source>
        <translation>没有 "images" 和 "annotations" 数组：不是 COCO 文件</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>a category without an integer id or a name was skipped</source>
        <translation>已跳过一个没有整数 id 或名称的类别</translation>
    </message>
    <message>
        <source>image entry %1 has no integer "id" or no "file_name"; skipped</source>
        <translation>图像条目 %1 没有整数 "id" 或没有 "file_name"；已跳过</translation>
    </message>
    <message>
        <source>image id %1 is listed twice; the second (%2) was skipped</source>
        <translation>图像 id %1 出现了两次；第二个（%2）已跳过</translation>
    </message>
    <message>
        <source>annotation id %1</source>
        <translation>标注 id %1</translation>
    </message>
    <message>
        <source>annotation %1</source>
        <translation>标注 %1</translation>
    </message>
    <message>
        <source>%1: image id %2 is not in "images"; skipped</source>
        <translation>%1：图像 id %2 不在 "images" 中；已跳过</translation>
    </message>
    <message>
        <source>%1: category id %2 is not in "categories"; skipped</source>
        <translation>%1：类别 id %2 不在 "categories" 中；已跳过</translation>
    </message>
    <message>
        <source>%1: "bbox" must be [x, y, width, height]; skipped</source>
        <translation>%1："bbox" 必须为 [x, y, width, height]；已跳过</translation>
    </message>
    <message>
        <source>No COCO annotation file (JSON with "images" and "annotations") in %1.</source>
        <translation>%1 中没有 COCO 标注文件（包含 "images" 和 "annotations" 的 JSON）。</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message numerus="yes">
        <source>%n %1 annotation(s) not written: COCO has no place for them</source>
        <translation>
            <numerusform>%n 条 %1 标注未写入：COCO 中没有存放它们的位置</numerusform>
        </translation>
    </message>
    <message>
        <source>annotation %1 is not a valid JSON object; skipped</source>
        <translation>标注 %1 不是有效的 JSON 对象；已跳过</translation>
    </message>
    <message numerus="yes">
        <source>%n polygon(s) not kept as shapes, only their boxes: use --task segmentation</source>
        <translation>
            <numerusform>%n 个多边形未保留为形状，只保留了其矩形框：请使用 --task segmentation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n RLE mask(s) not kept as shapes, only their boxes: use --task segmentation</source>
        <translation>
            <numerusform>%n 个 RLE 掩码未保留为形状，只保留了其矩形框：请使用 --task segmentation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the top-level "%1" block is not kept (%n item(s))</source>
        <translation>
            <numerusform>未保留顶层的“%1”块（%n 项）</numerusform>
        </translation>
    </message>
    <message>
        <source>the top-level "%1" block is not kept</source>
        <translation>未保留顶层的“%1”块</translation>
    </message>
    <message>
        <source>category id %1 is listed twice; the second ("%2") was skipped</source>
        <translation>类别 id %1 出现了两次；第二个（“%2”）已跳过</translation>
    </message>
    <message>
        <source>categories %1 and %2 are both named "%3"; they share one label, which keeps id %1</source>
        <translation>类别 %1 和 %2 都名为“%3”；它们共用一个标签，该标签保留 id %1</translation>
    </message>
    <message>
        <source>%1: a polygon needs an even number (≥ 6) of coordinates; that part was skipped</source>
        <translation>%1：多边形需要偶数个（≥ 6）坐标；该部分已跳过</translation>
    </message>
    <message>
        <source>%1: the RLE segmentation is malformed ("size": [h, w] and "counts" summing to h × w); %2</source>
        <translation>%1：RLE 分割格式有误（需要 "size": [h, w]，且 "counts" 之和为 h × w）；%2</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>its bbox was kept</source>
        <translation>已保留其 bbox</translation>
    </message>
    <message>
        <source>the COCO file inside the archive was not looked in; detection by default (pass --task segmentation to keep polygons and masks)</source>
        <translation>未检查归档中的 COCO 文件；默认按检测任务导入（传入 --task segmentation 可保留多边形和掩码）</translation>
    </message>
    <message numerus="yes">
        <source>boxes only in %n annotation(s)</source>
        <translation>
            <numerusform>仅有矩形框的标注：%n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>polygons in %1 and masks in %2 of %3 annotations</source>
        <translation>%3 条标注中，%1 条含多边形，%2 条含掩码</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Run 'atelier --help' for the commands and options.</source>
        <translation>运行 'atelier --help' 查看可用的命令和选项。</translation>
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
        <source>'%1' is missing an argument.</source>
        <translation>“%1”缺少参数。</translation>
    </message>
    <message>
        <source>'%1' got an unexpected argument: %2</source>
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
        <source>unknown command '%1'. Commands: %2</source>
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
        <source>unknown view '%1'. Views: %2</source>
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
    <message>
        <source>%1 is valid: %2 nodes, %3 links.</source>
        <translation>%1 有效：%2 个节点，%3 条连线。</translation>
    </message>
    <message numerus="yes">
        <source>%n problems in %1; fix them and validate again.</source>
        <translation>
            <numerusform>%1 中有 %n 个问题；请修正后重新验证。</numerusform>
        </translation>
    </message>
    <message>
        <source>Pool to run on.</source>
        <translation>运行所用的资源池。</translation>
    </message>
    <message>
        <source>Set a variable.</source>
        <translation>设置变量。</translation>
    </message>
    <message>
        <source>Run from this node.</source>
        <translation>从此节点开始运行。</translation>
    </message>
    <message>
        <source>Run only this node.</source>
        <translation>仅运行此节点。</translation>
    </message>
    <message>
        <source>Run every node again.</source>
        <translation>重新运行所有节点。</translation>
    </message>
    <message>
        <source>The schedule slot this run stands for.</source>
        <translation>此次运行所对应的调度时间点。</translation>
    </message>
    <message>
        <source>--logical-date takes an ISO 8601 time, not "%1".</source>
        <translation>--logical-date 需要 ISO 8601 时间，而不是“%1”。</translation>
    </message>
    <message>
        <source>--from and --only cannot be used together.</source>
        <translation>--from 和 --only 不能同时使用。</translation>
    </message>
    <message>
        <source>--set takes NAME=VALUE, not "%1".</source>
        <translation>--set 的格式为 NAME=VALUE，而不是“%1”。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Run %1 of %2%3</source>
        <translation>流水线 %2 的运行 %1%3</translation>
    </message>
    <message>
        <source> (uncommitted version; snapshot kept in the run folder)</source>
        <translation>（未提交的版本；快照保存在运行文件夹中）</translation>
    </message>
    <message>
        <source> at commit %1</source>
        <translation>（提交 %1）</translation>
    </message>
    <message>
        <source>Run %1 %2.</source>
        <translation>运行 %1：%2。</translation>
    </message>
    <message>
        <source>Run %1 %2; 'atelier runs show %1' has the details.</source>
        <translation>运行 %1：%2；'atelier runs show %1' 可查看详细信息。</translation>
    </message>
    <message numerus="yes">
        <source>%n versions</source>
        <translation>
            <numerusform>%n 个版本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not saved: the pipeline has %n problems.</source>
        <translation>
            <numerusform>未保存：流水线有 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>保存 %1</translation>
    </message>
    <message>
        <source>Saved %1 as commit %2.</source>
        <translation>已将 %1 保存为提交 %2。</translation>
    </message>
    <message>
        <source>No saved pipeline is named "%1".</source>
        <translation>没有名为“%1”的已保存流水线。</translation>
    </message>
    <message>
        <source>No structural changes.</source>
        <translation>没有结构性更改。</translation>
    </message>
    <message>
        <source>Restored %1; the new version is commit %2.</source>
        <translation>已恢复 %1；新版本为提交 %2。</translation>
    </message>
    <message>
        <source>Commit message.</source>
        <translation>提交说明。</translation>
    </message>
    <message>
        <source>unknown pipeline action '%1'. Actions: %2</source>
        <translation>未知的 pipeline 操作“%1”。可用操作：%2</translation>
    </message>
    <message>
        <source>'pipeline %1' takes %2 argument(s).</source>
        <translation>'pipeline %1' 需要 %2 个参数。</translation>
    </message>
    <message>
        <source>No runs yet.</source>
        <translation>暂无运行记录。</translation>
    </message>
    <message>
        <source>Run %1 — %2</source>
        <translation>运行 %1 — %2</translation>
    </message>
    <message>
        <source>State: %1   pool: %2   commit: %3</source>
        <translation>状态：%1   资源池：%2   提交：%3</translation>
    </message>
    <message>
        <source>(uncommitted)</source>
        <translation>（未提交）</translation>
    </message>
    <message>
        <source>Started %1, took %2</source>
        <translation>开始于 %1，耗时 %2</translation>
    </message>
    <message>
        <source>attempts %1</source>
        <translation>尝试 %1 次</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>Run %1 has no task "%2".</source>
        <translation>运行 %1 中没有任务“%2”。</translation>
    </message>
    <message>
        <source>Task %1 of run %2 has no %3 (it did not start).</source>
        <translation>运行 %2 的任务 %1 没有 %3（该任务未启动）。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write to the standard output.</source>
        <translation>无法写入标准输出。</translation>
    </message>
    <message>
        <source>Asked run %1 to stop; its running tasks get SIGTERM, then SIGKILL.</source>
        <translation>已请求停止运行 %1；其运行中的任务会先收到 SIGTERM，然后是 SIGKILL。</translation>
    </message>
    <message>
        <source>Only this pipeline's runs.</source>
        <translation>仅显示此流水线的运行记录。</translation>
    </message>
    <message>
        <source>How many runs.</source>
        <translation>显示多少条运行记录。</translation>
    </message>
    <message>
        <source>Show stderr.</source>
        <translation>显示 stderr。</translation>
    </message>
    <message>
        <source>unknown runs action '%1'. Actions: %2</source>
        <translation>未知的 runs 操作“%1”。可用操作：%2</translation>
    </message>
    <message>
        <source>'runs %1' takes %2 argument(s).</source>
        <translation>'runs %1' 需要 %2 个参数。</translation>
    </message>
    <message>
        <source>Started %1 for %2 (pid %3)</source>
        <translation>已启动 %1（调度时间 %2，pid %3）</translation>
    </message>
    <message>
        <source>Look once, start what is due, exit.</source>
        <translation>检查一次，启动到期的运行，然后退出。</translation>
    </message>
    <message>
        <source>Seconds between looks (default 30).</source>
        <translation>两次检查之间的秒数（默认 30）。</translation>
    </message>
    <message>
        <source>--interval takes a whole number of seconds, 1 or more.</source>
        <translation>--interval 需要一个整数秒数，至少为 1。</translation>
    </message>
    <message>
        <source>Watching the schedules of %1 every %2 s; Ctrl+C ends.</source>
        <translation>每 %2 秒检查一次 %1 的调度；按 Ctrl+C 结束。</translation>
    </message>
    <message>
        <source>Run %1 has no metrics.</source>
        <translation>运行 %1 没有指标。</translation>
    </message>
    <message numerus="yes">
        <source>last %1  min %2  max %3  (%n points)</source>
        <translation>
            <numerusform>最新 %1  最小 %2  最大 %3  （%n 个点）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n malformed lines were skipped.</source>
        <translation>
            <numerusform>已跳过 %n 个格式错误的行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported from %1:</source>
        <translation>已从 %1 导入：</translation>
    </message>
    <message>
        <source>  experiments: %1 (deleted, skipped: %2)</source>
        <translation>  实验：%1（已删除，已跳过：%2）</translation>
    </message>
    <message>
        <source>  metric points: %1, params: %2, tags: %3</source>
        <translation>  指标点：%1，参数：%2，标签：%3</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>No run could be imported from %1; see the problems above.</source>
        <translation>未能从 %1 导入任何运行；请查看上方列出的问题。</translation>
    </message>
    <message>
        <source>Only this metric.</source>
        <translation>仅显示此指标。</translation>
    </message>
    <message>
        <source>Put the run into this experiment.</source>
        <translation>将该运行放入此实验。</translation>
    </message>
    <message>
        <source>* best run for that metric</source>
        <translation>* 表示该指标的最佳运行</translation>
    </message>
    <message numerus="yes">
        <source>%n runs are now in experiment %1.</source>
        <translation>
            <numerusform>%n 个运行已加入实验 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>'runs %1' takes at least %2 argument(s).</source>
        <translation>“runs %1”至少需要 %2 个参数。</translation>
    </message>
    <message>
        <source>
Pipelines, runs and models:
  atelier pipeline validate|run FILE|NAME [--set K=V] [--from N | --only N] [--no-cache]
  atelier pipeline list | save FILE [-m MSG] | history NAME | diff NAME A [B] | restore NAME COMMIT
  atelier runs list | show RUN | logs RUN TASK | stop RUN | metrics RUN | compare RUN... |
               experiment NAME RUN... | import-mlflow DIR
  atelier scheduler [--once]                start scheduled runs as they fall due
  atelier model register|list|show|alias|validate|compare|deploy|undeploy|predict|services …
</source>
        <translation>
流水线、运行与模型：
  atelier pipeline validate|run FILE|NAME [--set K=V] [--from N | --only N] [--no-cache]
  atelier pipeline list | save FILE [-m MSG] | history NAME | diff NAME A [B] | restore NAME COMMIT
  atelier runs list | show RUN | logs RUN TASK | stop RUN | metrics RUN | compare RUN... |
               experiment NAME RUN... | import-mlflow DIR
  atelier scheduler [--once]                按调度到期启动运行
  atelier model register|list|show|alias|validate|compare|deploy|undeploy|predict|services …
</translation>
    </message>
    <message>
        <source>--limit takes a whole number, 1 or more.</source>
        <translation>--limit 需要一个不小于 1 的整数。</translation>
    </message>
    <message>
        <source>Show what would run, run nothing.</source>
        <translation>只显示将运行的内容，不实际运行。</translation>
    </message>
    <message>
        <source>no display found (DISPLAY and WAYLAND_DISPLAY are unset). Start Atelier on a desktop, or use the command line or --screenshot FILE.</source>
        <translation>未找到显示器（DISPLAY 和 WAYLAND_DISPLAY 均未设置）。请在桌面环境中启动 Atelier，或使用命令行或 --screenshot FILE。</translation>
    </message>
    <message>
        <source>
Pools (where work runs):
  atelier pool list | check NAME | remove NAME
  atelier pool add-slurm NAME --url URL [--token-file F] [--user U] [--partition P]
               [--account A] [--staging DIR] [--api-version V] [--auth local|token-file|scontrol]
  atelier pipeline run … --pool NAME     run nodes that name no pool there
</source>
        <translation>
资源池（作业的运行位置）：
  atelier pool list | check NAME | remove NAME
  atelier pool add-slurm NAME --url URL [--token-file F] [--user U] [--partition P]
               [--account A] [--staging DIR] [--api-version V] [--auth local|token-file|scontrol]
  atelier pipeline run … --pool NAME     在该资源池上运行未指定资源池的节点
</translation>
    </message>
    <message>
        <source>%1 nodes × %2 CPUs, %3 MB, %4 GPUs</source>
        <translation>%1 个节点 × %2 个 CPU、%3 MB 内存、%4 个 GPU</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>CAPACITY</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>CHECKED</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <source>Pool %1: %2%3</source>
        <translation>资源池 %1：%2%3</translation>
    </message>
    <message>
        <source>Pool %1 is %2: %3</source>
        <translation>资源池 %1 的状态为 %2：%3</translation>
    </message>
    <message>
        <source>slurmrestd: http(s)://HOST:PORT or unix:/PATH.</source>
        <translation>slurmrestd 地址：http(s)://HOST:PORT 或 unix:/PATH。</translation>
    </message>
    <message>
        <source>File holding a JWT (mode 0600).</source>
        <translation>存放 JWT 的文件（权限 0600）。</translation>
    </message>
    <message>
        <source>Slurm user (default: you).</source>
        <translation>Slurm 用户（默认：当前用户）。</translation>
    </message>
    <message>
        <source>Slurm partition.</source>
        <translation>Slurm 分区。</translation>
    </message>
    <message>
        <source>Slurm account.</source>
        <translation>Slurm 账户。</translation>
    </message>
    <message>
        <source>Folder both this machine and the cluster see.</source>
        <translation>本机和集群都能访问的文件夹。</translation>
    </message>
    <message>
        <source>slurmrestd API (default v0.0.38).</source>
        <translation>slurmrestd API 版本（默认 v0.0.38）。</translation>
    </message>
    <message>
        <source>local (unix socket), token-file, or scontrol (mint tokens on demand).</source>
        <translation>local（unix 套接字）、token-file 或 scontrol（按需签发令牌）。</translation>
    </message>
    <message>
        <source>Do not check it now.</source>
        <translation>暂不检查。</translation>
    </message>
    <message>
        <source>unknown pool action '%1'. Actions: %2</source>
        <translation>未知的 pool 操作“%1”。可用操作：%2</translation>
    </message>
    <message>
        <source>'pool %1' takes a pool name.</source>
        <translation>'pool %1' 需要一个资源池名称。</translation>
    </message>
    <message>
        <source>'pool list' takes no argument.</source>
        <translation>'pool list' 不接受参数。</translation>
    </message>
    <message>
        <source>Removed pool %1.</source>
        <translation>已移除资源池 %1。</translation>
    </message>
    <message>
        <source>'pool add-slurm' needs --url URL.</source>
        <translation>'pool add-slurm' 需要 --url URL。</translation>
    </message>
    <message>
        <source>--auth token-file needs --token-file F.</source>
        <translation>--auth token-file 需要 --token-file F。</translation>
    </message>
    <message>
        <source>Added pool %1 (initializing; 'atelier pool check %1' checks it).</source>
        <translation>已添加资源池 %1（初始化中；'atelier pool check %1' 可对其进行检查）。</translation>
    </message>
    <message>
        <source>Added pool %1.</source>
        <translation>已添加资源池 %1。</translation>
    </message>
    <message>
        <source>
Datasets:
  atelier dataset import PATH --name N --format F [--task T] | list | show N |
               export N[@V] --format F --out DIR | version N -m MSG | formats
</source>
        <translation>
数据集：
  atelier dataset import PATH --name N --format F [--task T] | list | show N |
               export N[@V] --format F --out DIR | version N -m MSG | formats
</translation>
    </message>
    <message>
        <source>With --verify: remove the object files the catalog does not list.</source>
        <translation>与 --verify 一起使用：删除目录库中未列出的对象文件。</translation>
    </message>
    <message>
        <source>--repair works with --verify: 'atelier info --verify --repair'.</source>
        <translation>--repair 需与 --verify 一起使用：'atelier info --verify --repair'。</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n object files the catalog did not list (%1).</source>
        <translation>
            <numerusform>已删除 %n 个目录库中未列出的对象文件（%1）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not in the catalog; changed within the last hour, it is kept (an import may still be recording it).</source>
        <translation>%1 不在目录库中；它在最近一小时内有改动，因此予以保留（可能仍有导入正在记录它）。</translation>
    </message>
    <message>
        <source>%1 is not in the catalog (left by an interrupted import?).</source>
        <translation>%1 不在目录库中（可能是被中断的导入遗留的？）。</translation>
    </message>
    <message numerus="yes">
        <source>%n stored objects are missing or damaged, and %1 object files are not in the catalog.</source>
        <translation>
            <numerusform>%n 个已存储对象缺失或已损坏，另有 %1 个对象文件不在目录库中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object files are not in the catalog; they changed within the last hour, so --repair keeps them: run it again later.</source>
        <translation>
            <numerusform>%n 个对象文件不在目录库中；它们在最近一小时内有改动，因此 --repair 予以保留：请稍后再次运行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object files are not in the catalog; 'atelier info --verify --repair' removes them.</source>
        <translation>
            <numerusform>%n 个对象文件不在目录库中；'atelier info --verify --repair' 会删除它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>Started %1, not ended when imported (duration unknown)</source>
        <translation>开始于 %1，导入时尚未结束（时长未知）</translation>
    </message>
    <message>
        <source>Nested in run %1</source>
        <translation>嵌套于运行 %1 中</translation>
    </message>
    <message>
        <source>Nested runs: %1</source>
        <translation>嵌套的运行：%1</translation>
    </message>
    <message>
        <source>Params:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message numerus="yes">
        <source>%n not finite (NaN or infinite)</source>
        <translation>
            <numerusform>%n 个非有限值（NaN 或无穷大）</numerusform>
        </translation>
    </message>
    <message>
        <source>  runs: %1 imported, %2 already imported, %3 updated (they were running or scheduled), %4 deleted (skipped), %5 left out</source>
        <translation>  运行：已导入 %1 个，%2 个此前已导入，已更新 %3 个（它们曾处于运行中或已调度状态），%4 个已删除（已跳过），%5 个未纳入</translation>
    </message>
    <message numerus="yes">
        <source>%n dataset(s) are incomplete (an import stopped half-way); --repair leaves them to you.</source>
        <translation>
            <numerusform>%n 个数据集不完整（导入中途停止）；--repair 不处理它们，需由您自行处理。</numerusform>
        </translation>
    </message>
    <message>
        <source>
Sweeps (hyperparameter search with Optuna):
  atelier sweep run PIPELINE --param NODE.PARAM=SPEC… --objective NODE.METRIC
               --direction maximize|minimize [--trials N] [--parallel K] [--seed N] [--name NAME]
               [--sampler tpe|random|grid|cmaes] [--pruner none|median|hyperband] [--timeout S]
               SPEC: float(LO,HI), logfloat(LO,HI), int(LO,HI[,STEP]), choice(A,B,…)
  atelier sweep list | show NAME | stop NAME | resume NAME
</source>
        <translation>
扫描（使用 Optuna 进行超参数搜索）：
  atelier sweep run PIPELINE --param NODE.PARAM=SPEC… --objective NODE.METRIC
               --direction maximize|minimize [--trials N] [--parallel K] [--seed N] [--name NAME]
               [--sampler tpe|random|grid|cmaes] [--pruner none|median|hyperband] [--timeout S]
               SPEC: float(LO,HI), logfloat(LO,HI), int(LO,HI[,STEP]), choice(A,B,…)
  atelier sweep list | show NAME | stop NAME | resume NAME
</translation>
    </message>
    <message>
        <source>A swept parameter: NODE.PARAM=SPEC.</source>
        <translation>一个扫描参数：NODE.PARAM=SPEC。</translation>
    </message>
    <message>
        <source>The metric to optimise.</source>
        <translation>要优化的指标。</translation>
    </message>
    <message>
        <source>maximize or minimize.</source>
        <translation>maximize 或 minimize。</translation>
    </message>
    <message>
        <source>Number of trials (default 20).</source>
        <translation>试验数（默认 20）。</translation>
    </message>
    <message>
        <source>Trials at once (default 1).</source>
        <translation>同时进行的试验数（默认 1）。</translation>
    </message>
    <message>
        <source>tpe, random, grid or cmaes.</source>
        <translation>tpe、random、grid 或 cmaes。</translation>
    </message>
    <message>
        <source>none, median or hyperband.</source>
        <translation>none、median 或 hyperband。</translation>
    </message>
    <message>
        <source>Start no trial after this many seconds.</source>
        <translation>超过此秒数后不再启动新试验。</translation>
    </message>
    <message>
        <source>Seed of the sampler.</source>
        <translation>采样器的随机种子。</translation>
    </message>
    <message>
        <source>Name of the sweep.</source>
        <translation>扫描的名称。</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>No trial has completed.</source>
        <translation>尚无试验完成。</translation>
    </message>
    <message>
        <source>Best: trial %1, value %2 (run %3): %4</source>
        <translation>最佳：试验 %1，值 %2（运行 %3）：%4</translation>
    </message>
    <message>
        <source>trial %1 started: run %2  %3</source>
        <translation>试验 %1 已启动：运行 %2  %3</translation>
    </message>
    <message>
        <source>trial %1 %2 %3 %4</source>
        <translation>试验 %1 %2 %3 %4</translation>
    </message>
    <message numerus="yes">
        <source>Sweep %1 of %2: %3 %4.%5, %n trials</source>
        <translation>
            <numerusform>%2 的扫描 %1：%3 %4.%5，%n 个试验</numerusform>
        </translation>
    </message>
    <message>
        <source>Sweep %1 %2.</source>
        <translation>扫描 %1 %2。</translation>
    </message>
    <message>
        <source>--direction takes maximize or minimize, not "%1".</source>
        <translation>--direction 只接受 maximize 或 minimize，而不是“%1”。</translation>
    </message>
    <message>
        <source>--trials takes a whole number of 1 or more.</source>
        <translation>--trials 需要一个不小于 1 的整数。</translation>
    </message>
    <message>
        <source>--parallel takes a whole number of 1 or more.</source>
        <translation>--parallel 需要一个不小于 1 的整数。</translation>
    </message>
    <message>
        <source>--timeout takes a whole number of seconds, 1 or more.</source>
        <translation>--timeout 需要一个以秒为单位、不小于 1 的整数。</translation>
    </message>
    <message>
        <source>--seed takes a whole number from 0 to 4294967295.</source>
        <translation>--seed 需要一个 0 到 4294967295 之间的整数。</translation>
    </message>
    <message>
        <source>--sampler takes tpe, random, grid or cmaes, not "%1".</source>
        <translation>--sampler 只接受 tpe、random、grid 或 cmaes，而不是“%1”。</translation>
    </message>
    <message>
        <source>--pruner takes none, median or hyperband, not "%1".</source>
        <translation>--pruner 只接受 none、median 或 hyperband，而不是“%1”。</translation>
    </message>
    <message>
        <source>--name %1: use letters, digits, '-', '_' and '.', starting with a letter or digit.</source>
        <translation>--name %1：请使用字母、数字、'-'、'_' 和 '.'，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>Sweep %1 of %2: %3 %4.%5 (%6 sampler, %7 pruner)</source>
        <translation>%2 的扫描 %1：%3 %4.%5（%6 采样器，%7 剪枝器）</translation>
    </message>
    <message>
        <source>State: %1%2</source>
        <translation>状态：%1%2</translation>
    </message>
    <message>
        <source>Study: %1 in %2</source>
        <translation>研究：%1（位于 %2）</translation>
    </message>
    <message>
        <source>Importances (fANOVA): %1</source>
        <translation>重要性（fANOVA）：%1</translation>
    </message>
    <message>
        <source>Sweep %1 was asked to stop and has not yet; its trials are being stopped.</source>
        <translation>已请求扫描 %1 停止，但它尚未停止；正在停止其试验。</translation>
    </message>
    <message>
        <source>Sweep %1 is running (process %2); 'atelier sweep stop %1' first.</source>
        <translation>扫描 %1 正在运行（进程 %2）；请先执行 'atelier sweep stop %1'。</translation>
    </message>
    <message>
        <source>unknown sweep action '%1'. Actions: %2</source>
        <translation>未知的扫描操作 '%1'。可用操作：%2</translation>
    </message>
    <message numerus="yes">
        <source>'sweep %1' takes %n argument(s).</source>
        <translation>
            <numerusform>'sweep %1' 需要 %n 个参数。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not start %1 for %2: %3</source>
        <translation>无法为 %2 启动 %1：%3</translation>
    </message>
    <message>
        <source>Usage:
  atelier [--workspace DIR]                 the application (last workspace, or the welcome page)
  atelier --screenshot FILE [--view NAME] [--workspace DIR]
                                            render the window offscreen to a PNG and exit
                                            views: welcome, pipelines, datasets, runs, models, sessions, pools
  atelier init DIR [--demo]                 make a workspace; --demo adds sample data
  atelier info [--verify [--repair]]        schema version, paths and counts of a workspace;
                                            --verify re-hashes every stored object and lists
                                            files the catalog does not know; --repair removes those
  atelier --version | --help

Every subcommand takes --workspace DIR (default: the current folder) and --json.
Exit codes: 0 success, 1 refused input or failed run, 2 usage error.
</source>
        <translation>用法：
  atelier [--workspace DIR]                 启动应用程序（打开上次的工作空间，或显示欢迎页）
  atelier --screenshot FILE [--view NAME] [--workspace DIR]
                                            在屏幕外渲染窗口，保存为 PNG 后退出
                                            视图：welcome, pipelines, datasets, runs, models, sessions, pools
  atelier init DIR [--demo]                 创建工作空间；--demo 会添加示例数据
  atelier info [--verify [--repair]]        显示工作空间的架构版本、路径和数量统计；
                                            --verify 会重新计算每个已存储对象的哈希，并列出
                                            目录库中未记录的文件；--repair 会删除这些文件
  atelier --version | --help

所有子命令都接受 --workspace DIR（默认：当前文件夹）和 --json。
退出码：0 成功，1 输入被拒绝或运行失败，2 用法错误。
</translation>
    </message>
    <message>
        <source>
Interactive sessions (Jupyter):
  atelier session start [--name N] [--pool P] [--cpus N] [--memory MB] [--gpus N]
               [--bind inputK=SOURCE]... [--idle-timeout MIN|Ns]
               SOURCE: dataset:NAME[@V], model:NAME[:V|@ALIAS], run:RUN/NODE[/PORT], path:DIR
  atelier session list | show N | stop N | restart N | logs N | open N
</source>
        <translation>
交互式会话（Jupyter）：
  atelier session start [--name N] [--pool P] [--cpus N] [--memory MB] [--gpus N]
               [--bind inputK=SOURCE]... [--idle-timeout MIN|Ns]
               SOURCE: dataset:NAME[@V], model:NAME[:V|@ALIAS], run:RUN/NODE[/PORT], path:DIR
  atelier session list | show N | stop N | restart N | logs N | open N
</translation>
    </message>
    <message>
        <source>unknown session action '%1'. Actions: %2</source>
        <translation>未知的 session 操作“%1”。可用操作：%2</translation>
    </message>
    <message>
        <source>
Images (environments a node may run in, through podman):
  atelier image list | inspect N | remove N | pull REF
  atelier image import TAR --name N[:TAG] | build CONTEXT --name N[:TAG]
</source>
        <translation>
镜像（节点可通过 podman 在其中运行的环境）：
  atelier image list | inspect N | remove N | pull REF
  atelier image import TAR --name N[:TAG] | build CONTEXT --name N[:TAG]
</translation>
    </message>
    <message>
        <source>id:      %1</source>
        <translation>ID：       %1</translation>
    </message>
    <message>
        <source>names:   %1</source>
        <translation>名称：     %1</translation>
    </message>
    <message>
        <source>size:    %1</source>
        <translation>大小：     %1</translation>
    </message>
    <message>
        <source>created: %1</source>
        <translation>创建时间： %1</translation>
    </message>
    <message>
        <source>system:  %1/%2</source>
        <translation>系统：     %1/%2</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>The image's name: NAME[:TAG].</source>
        <translation>镜像名称：NAME[:TAG]。</translation>
    </message>
    <message>
        <source>unknown image action '%1'. Actions: %2</source>
        <translation>未知的镜像操作 '%1'。可用操作：%2</translation>
    </message>
    <message>
        <source>'image list' takes no argument.</source>
        <translation>'image list' 不接受参数。</translation>
    </message>
    <message>
        <source>'image %1' takes one argument.</source>
        <translation>'image %1' 需要一个参数。</translation>
    </message>
    <message>
        <source>'image %1' needs --name NAME[:TAG].</source>
        <translation>'image %1' 需要 --name NAME[:TAG]。</translation>
    </message>
    <message>
        <source>Imported %1 (%2).</source>
        <translation>已导入 %1（%2）。</translation>
    </message>
    <message>
        <source>Built %1 (%2).</source>
        <translation>已构建 %1（%2）。</translation>
    </message>
    <message>
        <source>Pulled %1 (%2).</source>
        <translation>已拉取 %1（%2）。</translation>
    </message>
    <message>
        <source>Removed image %1.</source>
        <translation>已移除镜像 %1。</translation>
    </message>
    <message>
        <source>image %1 (%2)</source>
        <translation>镜像 %1（%2）</translation>
    </message>
    <message>
        <source>Run %1 had lost the Atelier process running it; it is marked failed and its started tasks lost. Process groups and cluster jobs ended now: %2.</source>
        <translation>运行 %1 已失去运行它的 Atelier 进程；已将其标记为失败，其已启动的任务标记为丢失。现已结束的进程组和集群作业：%2。</translation>
    </message>
    <message>
        <source>Pool the trials run on (default: local).</source>
        <translation>试验运行所用的资源池（默认：local）。</translation>
    </message>
    <message>
        <source>'sweep run' needs at least one --param NODE.PARAM=SPEC, or a "sweep" section in the pipeline.</source>
        <translation>'sweep run' 需要至少一个 --param NODE.PARAM=SPEC，或流水线中的 "sweep" 部分。</translation>
    </message>
    <message>
        <source>'sweep run' needs --objective NODE.METRIC (or an objective in the pipeline's sweep section).</source>
        <translation>'sweep run' 需要 --objective NODE.METRIC（或在流水线的 sweep 部分中指定目标）。</translation>
    </message>
    <message>
        <source>'sweep run' needs --direction maximize or minimize (or a direction in the pipeline's sweep section).</source>
        <translation>'sweep run' 需要 --direction maximize 或 minimize（或在流水线的 sweep 部分中指定方向）。</translation>
    </message>
</context>
<context>
    <name>ConllCodec</name>
    <message>
        <source>(a line starting with '#' is a token; comment lines "# key = value" are read only in a file where every sentence starts with one)</source>
        <translation>（以“#”开头的行是一个词元；仅当文件中每个句子都以“# key = value”注释行开头时，才会读取这些注释行）</translation>
    </message>
    <message>
        <source>%1 ends no %2 entity (no B-%2 or I-%2 before it); the sentence was skipped</source>
        <translation>%1 没有可结束的 %2 实体（它之前没有 B-%2 或 I-%2）；已跳过该句</translation>
    </message>
    <message>
        <source>IOB1 tags (an I- tag starts an entity) were read as IOB2</source>
        <translation>IOB1 标记（以 I- 标记开始实体）已按 IOB2 读取</translation>
    </message>
    <message>
        <source>its lines have different numbers of columns; the columns between token and tag were not kept</source>
        <translation>其各行的列数不同；词元与标记之间的列未保留</translation>
    </message>
    <message numerus="yes">
        <source>%n texts are not their tokens joined by one blank (several blanks, line breaks, a token cut at a span; the first: item %1): CoNLL keeps the tokens, not the exact text; export jsonl to keep it</source>
        <translation>
            <numerusform>%n 条文本不等于其词元以单个空格连接的结果（多个空格、换行、词元在片段处被切开；第一条：条目 %1）：CoNLL 只保留词元，不保留原文；如需保留请导出为 jsonl</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens were cut in two where a span starts or ends inside them, as BIO tags whole tokens (the first: item %1)</source>
        <translation>
            <numerusform>%n 个词元因片段在其内部开始或结束而被切成两半，因为 BIO 只标记完整的词元（第一个：条目 %1）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CronExpression</name>
    <message>
        <source>minute</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>day of month</source>
        <translation>日</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>day of week</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>empty entry in a list</source>
        <translation>列表中有空条目</translation>
    </message>
    <message>
        <source>step “%1” is not a number</source>
        <translation>步长“%1”不是数字</translation>
    </message>
    <message>
        <source>step must be positive</source>
        <translation>步长必须为正数</translation>
    </message>
    <message>
        <source>range %1 runs backwards; write the smaller value first</source>
        <translation>范围 %1 是反向的；请先写较小的值</translation>
    </message>
    <message>
        <source>a range is missing a value</source>
        <translation>范围缺少一个值</translation>
    </message>
    <message>
        <source>value %1 out of range %2–%3</source>
        <translation>值 %1 超出范围 %2–%3</translation>
    </message>
    <message>
        <source>“%1” is neither a number nor a name</source>
        <translation>“%1”既不是数字也不是名称</translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <source>Invalid cron expression “%1”: %2. Write five fields (minute hour day-of-month month day-of-week) or a macro such as @daily.</source>
        <translation>无效的 cron 表达式“%1”：%2。请写五个字段（分钟 小时 日 月 星期），或使用 @daily 等宏。</translation>
    </message>
    <message>
        <source>The cron expression is empty. Write five fields (minute hour day-of-month month day-of-week) or a macro such as @daily.</source>
        <translation>cron 表达式为空。请写五个字段（分钟 小时 日 月 星期），或使用 @daily 等宏。</translation>
    </message>
    <message>
        <source>unknown macro %1</source>
        <translation>未知的宏 %1</translation>
    </message>
    <message>
        <source>expected 5 fields, got %1</source>
        <translation>应为 5 个字段，实际为 %1 个</translation>
    </message>
    <message>
        <source>Invalid %1 field “%2” in cron expression “%3”: %4.</source>
        <translation>cron 表达式“%3”中的%1字段“%2”无效：%4。</translation>
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
        <source>The disk holding %1 is full; free some space and try again.</source>
        <translation>%1 所在的磁盘已满；请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>Another Atelier process kept the catalog %1 busy for more than %2 s; try again when it has finished.</source>
        <translation>另一个 Atelier 进程占用目录库 %1 超过 %2 秒；请在其完成后重试。</translation>
    </message>
</context>
<context>
    <name>DatasetCommands</name>
    <message>
        <source>FORMAT</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>MEDIA</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>DIRECTION</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>TASKS</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>import, export</source>
        <translation>导入、导出</translation>
    </message>
    <message>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>'dataset import' takes one PATH.</source>
        <translation>'dataset import' 只接受一个 PATH。</translation>
    </message>
    <message>
        <source>'dataset import' needs --name N and --format F.</source>
        <translation>'dataset import' 需要 --name N 和 --format F。</translation>
    </message>
    <message>
        <source>unknown task '%1'.</source>
        <translation>未知任务“%1”。</translation>
    </message>
    <message>
        <source>Imported into "%1": %2 new items, %3 duplicates, %4 annotations, %5 unreadable, %6 warnings.</source>
        <translation>已导入到“%1”：新条目 %2 个，重复 %3 个，标注 %4 条，无法读取 %5 个，警告 %6 条。</translation>
    </message>
    <message>
        <source>… and %1 more (--json lists them all)</source>
        <translation>… 另有 %1 项（--json 会列出全部）</translation>
    </message>
    <message>
        <source>Duplicates (same content already in the dataset):</source>
        <translation>重复项（数据集中已有相同内容）：</translation>
    </message>
    <message>
        <source>Unreadable (skipped):</source>
        <translation>无法读取（已跳过）：</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>No datasets yet. Import one with 'atelier dataset import'.</source>
        <translation>还没有数据集。请使用 'atelier dataset import' 导入一个。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>TASK</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>ITEMS</source>
        <translation>条目数</translation>
    </message>
    <message>
        <source>LABELED</source>
        <translation>已标注</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>'dataset show' takes the dataset's NAME.</source>
        <translation>'dataset show' 需要数据集的 NAME。</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>标注员</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>LABEL</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>COLOR</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>ANNOTATIONS</source>
        <translation>标注数</translation>
    </message>
    <message>
        <source>COMMIT</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>MESSAGE</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>'dataset export' takes the dataset's NAME (or NAME@VERSION).</source>
        <translation>'dataset export' 需要数据集的 NAME（或 NAME@VERSION）。</translation>
    </message>
    <message>
        <source>'dataset export' needs --format F and --out DIR.</source>
        <translation>'dataset export' 需要 --format F 和 --out DIR。</translation>
    </message>
    <message>
        <source>give the version once: NAME@VERSION or --version V.</source>
        <translation>版本只能指定一次：使用 NAME@VERSION 或 --version V。</translation>
    </message>
    <message>
        <source>%1 is not empty; export into a new or empty folder.</source>
        <translation>%1 不为空；请导出到新的或空的文件夹。</translation>
    </message>
    <message>
        <source>Exported %1 of %2</source>
        <translation>已导出 %1 / %2</translation>
    </message>
    <message>
        <source>Exported %1 as %2 into %3: %4 items, %5 annotations.</source>
        <translation>已将 %1 以 %2 格式导出到 %3：%4 个条目，%5 条标注。</translation>
    </message>
    <message>
        <source>'dataset version' takes the dataset's NAME.</source>
        <translation>'dataset version' 需要数据集的 NAME。</translation>
    </message>
    <message>
        <source>'dataset version' needs -m MESSAGE.</source>
        <translation>'dataset version' 需要 -m MESSAGE。</translation>
    </message>
    <message>
        <source>%1 version %2 (commit %3): %4 items, %5 annotations.</source>
        <translation>%1 版本 %2（提交 %3）：%4 个条目，%5 条标注。</translation>
    </message>
    <message>
        <source>'dataset remove' takes the dataset's NAME.</source>
        <translation>'dataset remove' 需要数据集的 NAME。</translation>
    </message>
    <message>
        <source>Removed %1 (its versions stay in the repository history).</source>
        <translation>已移除 %1（其各版本仍保留在仓库历史中）。</translation>
    </message>
    <message>
        <source>import: the dataset.</source>
        <translation>import：目标数据集。</translation>
    </message>
    <message>
        <source>import, export: the format.</source>
        <translation>import、export：格式。</translation>
    </message>
    <message>
        <source>import: the task of a new dataset.</source>
        <translation>import：新数据集的任务类型。</translation>
    </message>
    <message>
        <source>import: items may carry several labels.</source>
        <translation>import：条目可带多个标签。</translation>
    </message>
    <message>
        <source>import: entity spans may overlap.</source>
        <translation>import：实体片段可以重叠。</translation>
    </message>
    <message>
        <source>import: pairs carry a 0–1 score.</source>
        <translation>import：文本对带有 0–1 的分数。</translation>
    </message>
    <message>
        <source>The annotator recorded (default: from settings).</source>
        <translation>记录的标注员（默认：取自设置）。</translation>
    </message>
    <message>
        <source>import: refuse archives that unpack past this.</source>
        <translation>import：拒绝解压后超过此大小的归档。</translation>
    </message>
    <message>
        <source>export: the output folder.</source>
        <translation>export：输出文件夹。</translation>
    </message>
    <message>
        <source>export: the version (default: now).</source>
        <translation>export：要导出的版本（默认：当前状态）。</translation>
    </message>
    <message>
        <source>export: only this annotator's annotations.</source>
        <translation>export：仅导出该标注员的标注。</translation>
    </message>
    <message>
        <source>export: also pending model suggestions.</source>
        <translation>export：同时导出待处理的模型建议。</translation>
    </message>
    <message>
        <source>version: the message.</source>
        <translation>version：提交说明。</translation>
    </message>
    <message>
        <source>unknown dataset action '%1'.</source>
        <translation>未知的数据集操作“%1”。</translation>
    </message>
    <message>
        <source>--max-unpacked-mb takes a whole number of megabytes from 1 to %1.</source>
        <translation>--max-unpacked-mb 须为 1 到 %1 之间的整数（单位 MB）。</translation>
    </message>
    <message>
        <source>Usage:
  atelier dataset import PATH --name N --format F [--task T] [--multi-label]
                         [--overlapping-spans] [--pair-score] [--author A]
                         [--max-unpacked-mb MB] [--max-image-pixels N]
          PATH: a folder, a file, or a zip / tar(.gz) archive; into N (made when
          missing). Bad files are skipped and listed; the rest is imported.
  atelier dataset list
  atelier dataset show N
  atelier dataset export N[@VERSION] --format F --out DIR [--version V]
                         [--author A] [--include-suggested]
  atelier dataset version N -m MESSAGE   freeze the annotations as version N+1
  atelier dataset formats                formats each media imports / exports
  atelier dataset remove N
Tasks: classification, detection, segmentation, text_classification, entities, pairs.
</source>
        <translation>用法：
  atelier dataset import PATH --name N --format F [--task T] [--multi-label]
                         [--overlapping-spans] [--pair-score] [--author A]
                         [--max-unpacked-mb MB] [--max-image-pixels N]
          PATH：文件夹、文件，或 zip / tar(.gz) 归档；导入到 N（不存在时
          自动创建）。无效文件会被跳过并列出，其余内容照常导入。
  atelier dataset list
  atelier dataset show N
  atelier dataset export N[@VERSION] --format F --out DIR [--version V]
                         [--author A] [--include-suggested]
  atelier dataset version N -m MESSAGE   将标注冻结为版本 N+1
  atelier dataset formats                各媒体类型可导入 / 导出的格式
  atelier dataset remove N
任务：classification, detection, segmentation, text_classification, entities, pairs。
</translation>
    </message>
    <message>
        <source>--max-image-pixels takes a whole number of pixels (width × height), at least 1; the default is %1.</source>
        <translation>--max-image-pixels 需要一个表示像素数（宽 × 高）的整数，至少为 1；默认值为 %1。</translation>
    </message>
    <message>
        <source>Task: %1, chosen from the content: %2.</source>
        <translation>任务：%1，根据内容选定：%2。</translation>
    </message>
    <message>
        <source>Nothing in %1 could be imported as %2; see the entries listed above.</source>
        <translation>%1 中没有任何内容可以作为 %2 导入；请查看上方列出的条目。</translation>
    </message>
    <message>
        <source>import: refuse images that declare more pixels (default: %1).</source>
        <translation>import：拒绝声明像素数超过此值的图像（默认：%1）。</translation>
    </message>
    <message>
        <source>importing</source>
        <translation>导入中</translation>
    </message>
    <message>
        <source>INCOMPLETE</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>完整</translation>
    </message>
    <message>
        <source>"%1" is incomplete: the import of %2 started %3 stopped before its end. Import it again to finish it (items already in are counted as duplicates), or 'atelier dataset remove %1'.</source>
        <translation>“%1”不完整：从 %2 的导入（开始于 %3）在结束前中断。请重新导入以完成（已导入的条目将计为重复项），或执行 'atelier dataset remove %1'。</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>DatasetStore</name>
    <message>
        <source>"%1" is not a valid dataset name: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.</source>
        <translation>“%1”不是有效的数据集名称：请使用 1 到 64 个字母、数字、'.'、'_' 或 '-'，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>"%1" names no version: write NAME@N with N a version number (1, 2, …).</source>
        <translation>“%1”未指定版本：请写成 NAME@N，其中 N 为版本号（1、2、…）。</translation>
    </message>
    <message>
        <source>A dataset named "%1" already exists; choose another name.</source>
        <translation>名为“%1”的数据集已存在；请另选名称。</translation>
    </message>
    <message>
        <source>There is no dataset with id %1.</source>
        <translation>不存在 ID 为 %1 的数据集。</translation>
    </message>
    <message>
        <source>There is no dataset named "%1"; `atelier dataset list` shows them.</source>
        <translation>不存在名为“%1”的数据集；`atelier dataset list` 可列出所有数据集。</translation>
    </message>
    <message>
        <source>"%1" is not a valid label: use 1 to 100 characters on one line.</source>
        <translation>“%1”不是有效的标签：请使用单行的 1 到 100 个字符。</translation>
    </message>
    <message>
        <source>The label "%1" is already in the label set.</source>
        <translation>标签“%1”已在标签集中。</translation>
    </message>
    <message>
        <source>The hotkey %1 is already used by the label "%2".</source>
        <translation>快捷键 %1 已被标签“%2”使用。</translation>
    </message>
    <message>
        <source>The label "%1" is not in the label set.</source>
        <translation>标签“%1”不在标签集中。</translation>
    </message>
    <message numerus="yes">
        <source>The label "%1" is used by %n annotation(s); remove them with the label or rename the label instead.</source>
        <translation>
            <numerusform>标签“%1”被 %n 个标注使用；请将这些标注与标签一并删除，或改为重命名该标签。</numerusform>
        </translation>
    </message>
    <message>
        <source>The item %1 is not in this list.</source>
        <translation>条目 %1 不在此列表中。</translation>
    </message>
    <message>
        <source>There is no item with id %1.</source>
        <translation>不存在 ID 为 %1 的条目。</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>damaged, or not in a supported image format</source>
        <translation>已损坏，或不是受支持的图像格式</translation>
    </message>
    <message>
        <source>not a readable image (%1)</source>
        <translation>不是可读取的图像（%1）</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>the image is truncated (its end marker is missing)</source>
        <translation>图像被截断（缺少结束标记）</translation>
    </message>
    <message>
        <source>The dataset "%1" holds text; images cannot be added to it.</source>
        <translation>数据集“%1”包含文本；无法向其中添加图像。</translation>
    </message>
    <message>
        <source>The dataset "%1" holds images; text cannot be added to it.</source>
        <translation>数据集“%1”包含图像；无法向其中添加文本。</translation>
    </message>
    <message>
        <source>the text is empty</source>
        <translation>文本为空</translation>
    </message>
    <message>
        <source>a text pair needs its second text (text_b); it is empty</source>
        <translation>文本对需要第二段文本 (text_b)；但它为空</translation>
    </message>
    <message>
        <source>only text-pair datasets take a second text (text_b)</source>
        <translation>只有文本对数据集才接受第二段文本 (text_b)</translation>
    </message>
    <message>
        <source>A review approves (reviewed) or rejects an item.</source>
        <translation>审核用于批准（已审核）或拒绝一个条目。</translation>
    </message>
    <message>
        <source>There is no annotation with id %1.</source>
        <translation>不存在 ID 为 %1 的标注。</translation>
    </message>
    <message>
        <source>A %1 annotation does not fit the %2 dataset "%3" (it takes %4).</source>
        <translation>%1 标注不适用于 %2 数据集“%3”（它接受 %4）。</translation>
    </message>
    <message>
        <source>The annotation has no label.</source>
        <translation>该标注没有标签。</translation>
    </message>
    <message>
        <source>A box needs [x, y, width, height] with a positive width and height.</source>
        <translation>矩形框需要 [x, y, width, height]，且宽度和高度为正数。</translation>
    </message>
    <message>
        <source>The box [%1, %2, %3, %4] goes outside the %5×%6 image.</source>
        <translation>矩形框 [%1, %2, %3, %4] 超出了 %5×%6 图像的范围。</translation>
    </message>
    <message>
        <source>The polygon point (%1, %2) lies outside the %3×%4 image.</source>
        <translation>多边形的点 (%1, %2) 位于 %3×%4 图像之外。</translation>
    </message>
    <message>
        <source>The span [%1, %2) is not inside the text (%3 characters).</source>
        <translation>片段 [%1, %2) 不在文本范围内（%3 个字符）。</translation>
    </message>
    <message>
        <source>The span [%1, %2) overlaps "%3" [%4, %5); this dataset does not allow overlapping spans.</source>
        <translation>片段 [%1, %2) 与“%3” [%4, %5) 重叠；此数据集不允许片段重叠。</translation>
    </message>
    <message>
        <source>A pair score must lie between 0 and 1.</source>
        <translation>文本对评分必须介于 0 和 1 之间。</translation>
    </message>
    <message>
        <source>A pair score must be a number.</source>
        <translation>文本对评分必须是数字。</translation>
    </message>
    <message>
        <source>This dataset scores pairs from 0 to 1; the score is missing.</source>
        <translation>此数据集为文本对打 0 到 1 的分数；缺少评分。</translation>
    </message>
    <message>
        <source>This dataset takes one label per item and %1 already gave "%2"; change that label instead.</source>
        <translation>此数据集每个条目只接受一个标签，而 %1 已给出“%2”；请改为修改该标签。</translation>
    </message>
    <message>
        <source>The dataset "%1" takes one label per item; %2 were given.</source>
        <translation>数据集“%1”每个条目只接受一个标签；但给出了 %2 个。</translation>
    </message>
    <message>
        <source>Version %1 of "%2" cannot be read from repo/ (commit %3): %4</source>
        <translation>无法从 repo/ 读取“%2”的版本 %1（提交 %3）：%4</translation>
    </message>
    <message>
        <source>Dataset %1: version %2</source>
        <translation>数据集 %1：版本 %2</translation>
    </message>
    <message>
        <source>Dataset %1: version %2 — %3</source>
        <translation>数据集 %1：版本 %2 — %3</translation>
    </message>
    <message>
        <source>The dataset "%1" has no version %2; `atelier dataset show %1` lists its versions.</source>
        <translation>数据集“%1”没有版本 %2；`atelier dataset show %1` 可列出其版本。</translation>
    </message>
    <message>
        <source>%1 is %2×%3 pixels (%4), more than the limit of %5 that guards against decompression bombs; if the image is genuine, import it with a higher limit (--max-image-pixels N)</source>
        <translation>%1 为 %2×%3 像素（%4），超过了防范解压炸弹的上限 %5；如果该图像确属正常，请用更高的上限导入（--max-image-pixels N）</translation>
    </message>
    <message>
        <source>A polygon needs at least three [x, y] points in each part.</source>
        <translation>多边形的每个部分都至少需要三个 [x, y] 点。</translation>
    </message>
    <message>
        <source>A mask needs {"size": [height, width], "counts": …} whose runs cover the whole image.</source>
        <translation>掩码需要 {"size": [height, width], "counts": …}，且其游程覆盖整张图像。</translation>
    </message>
    <message>
        <source>The %1×%2 mask does not match the %3×%4 image.</source>
        <translation>%1×%2 的掩码与 %3×%4 的图像不匹配。</translation>
    </message>
    <message>
        <source>Another import into "%1" is running (%2, process %3 on %4, since %5); wait for it to finish.</source>
        <translation>另一个向“%1”的导入正在进行（%2，%4 上的进程 %3，自 %5 起）；请等待其完成。</translation>
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
    <name>EnvironmentSpec</name>
    <message>
        <source>environment.image must be a string such as "localhost/base:1" or "host"</source>
        <translation>environment.image 必须是字符串，例如 "localhost/base:1" 或 "host"</translation>
    </message>
    <message>
        <source>environment.network must be true or false</source>
        <translation>environment.network 必须是 true 或 false</translation>
    </message>
    <message>
        <source>environment.%1 is not a known field (known: image, network)</source>
        <translation>environment.%1 不是已知字段（已知字段：image、network）</translation>
    </message>
    <message>
        <source>environment.image "%1" is not an image name; write NAME[:TAG], for example localhost/base:1 ('atelier image list' shows them)</source>
        <translation>environment.image “%1”不是镜像名称；请写成 NAME[:TAG]，例如 localhost/base:1（'atelier image list' 会列出所有镜像）</translation>
    </message>
</context>
<context>
    <name>FolderFormat</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>a box needs "bbox": [x, y, width, height]</source>
        <translation>矩形框需要 "bbox": [x, y, width, height]</translation>
    </message>
    <message>
        <source>a %1 annotation does not fit a %2 dataset</source>
        <translation>%1 标注不适用于 %2 数据集</translation>
    </message>
    <message>
        <source>%1 is neither a folder nor a zip or tar archive.</source>
        <translation>%1 既不是文件夹，也不是 zip 或 tar 归档。</translation>
    </message>
    <message>
        <source>not an image file (by its name)</source>
        <translation>不是图像文件（根据文件名判断）</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>%1 holds no .csv file.</source>
        <translation>%1 中没有 .csv 文件。</translation>
    </message>
    <message>
        <source>%1 has no image column: its header needs "image" (or path, file, filename) and "label".</source>
        <translation>%1 没有图像列：表头需要包含 "image"（或 path、file、filename）和 "label"。</translation>
    </message>
    <message>
        <source>line %1 has no image; skipped</source>
        <translation>第 %1 行没有图像；已跳过</translation>
    </message>
    <message>
        <source>%1 holds no .jsonl file.</source>
        <translation>%1 中没有 .jsonl 文件。</translation>
    </message>
    <message>
        <source>line %1 is not a JSON object (%2); skipped</source>
        <translation>第 %1 行不是 JSON 对象（%2）；已跳过</translation>
    </message>
    <message>
        <source>line %1 has no "image"; skipped</source>
        <translation>第 %1 行没有 "image"；已跳过</translation>
    </message>
    <message>
        <source>line %1: %2; skipped</source>
        <translation>第 %1 行：%2；已跳过</translation>
    </message>
    <message>
        <source>a mask needs "rle": {"size": [h, w], "counts": …}</source>
        <translation>掩码需要 "rle": {"size": [h, w], "counts": …}</translation>
    </message>
    <message>
        <source>polygons or masks on %1 of %2 images</source>
        <translation>%2 张图像中有 %1 张带有多边形或掩码</translation>
    </message>
    <message>
        <source>boxes on %1 of %2 images</source>
        <translation>%2 张图像中有 %1 张带有矩形框</translation>
    </message>
</context>
<context>
    <name>FormatGuess</name>
    <message>
        <source>a COCO annotation file (images, annotations and categories)</source>
        <translation>COCO 标注文件（images、annotations 和 categories）</translation>
    </message>
    <message>
        <source>a labelme file (shapes)</source>
        <translation>labelme 文件（shapes）</translation>
    </message>
    <message>
        <source>a YOLO data.yaml</source>
        <translation>YOLO data.yaml</translation>
    </message>
    <message>
        <source>a .%1 file</source>
        <translation>.%1 文件</translation>
    </message>
    <message>
        <source>Annotations/ holds Pascal VOC XML files</source>
        <translation>Annotations/ 中包含 Pascal VOC XML 文件</translation>
    </message>
    <message>
        <source>labels/, data.yaml or classes.txt, as YOLO has</source>
        <translation>labels/、data.yaml 或 classes.txt，与 YOLO 的结构一致</translation>
    </message>
    <message>
        <source>PNG mask folders (SegmentationClass/ or SegmentationObject/)</source>
        <translation>PNG 掩码文件夹（SegmentationClass/ 或 SegmentationObject/）</translation>
    </message>
    <message>
        <source>%1 is a COCO annotation file</source>
        <translation>%1 是 COCO 标注文件</translation>
    </message>
    <message>
        <source>annotations/%1 is a COCO annotation file</source>
        <translation>annotations/%1 是 COCO 标注文件</translation>
    </message>
    <message>
        <source>labelme JSON files (shapes) beside the images</source>
        <translation>图像旁的 labelme JSON 文件（shapes）</translation>
    </message>
    <message numerus="yes">
        <source>%n sub-folder(s) of images, one per class</source>
        <translation>
            <numerusform>%n 个图像子文件夹，每个类别一个</numerusform>
        </translation>
    </message>
    <message>
        <source>images without annotation files</source>
        <translation>没有标注文件的图像</translation>
    </message>
</context>
<context>
    <name>FormatRegistry</name>
    <message>
        <source>The format "%1" cannot import %2 datasets.</source>
        <translation>格式“%1”无法导入 %2 数据集。</translation>
    </message>
    <message>
        <source>Unknown import format "%1"; use one of: %2.</source>
        <translation>未知的导入格式“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>"%1" may hold images or text; say which with --task (for example --task classification or --task text_classification).</source>
        <translation>“%1”可能包含图像或文本；请用 --task 指明（例如 --task classification 或 --task text_classification）。</translation>
    </message>
    <message>
        <source>%1 does not exist; give a file or folder to import.</source>
        <translation>%1 不存在；请指定要导入的文件或文件夹。</translation>
    </message>
    <message>
        <source>The dataset "%1" is a %2 dataset, not %3; import under another name.</source>
        <translation>数据集“%1”是 %2 数据集，而非 %3；请使用其他名称导入。</translation>
    </message>
    <message>
        <source>The format "%1" cannot carry %2 annotations.</source>
        <translation>格式“%1”无法承载 %2 标注。</translation>
    </message>
    <message>
        <source>Cannot export the %1 dataset "%2" as "%3"; use one of: %4.</source>
        <translation>无法将 %1 数据集“%2”导出为“%3”；请使用以下之一：%4。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>the default of the format "%1" (nothing richer found; pass --task to choose)</source>
        <translation>格式“%1”的默认值（未找到更丰富的内容；可传入 --task 选择）</translation>
    </message>
    <message>
        <source>"%1" is left incomplete: import it again to finish it, or remove it.</source>
        <translation>“%1”仍不完整：请重新导入以完成，或将其移除。</translation>
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
    <name>GraphGenerator</name>
    <message>
        <source>Cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ImageAnnotationCommands</name>
    <message>
        <source>Draw box</source>
        <translation>绘制矩形框</translation>
    </message>
    <message>
        <source>Draw polygon</source>
        <translation>绘制多边形</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message numerus="yes">
        <source>Add %n shape(s)</source>
        <translation>
            <numerusform>添加 %n 个形状</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n shape(s)</source>
        <translation>
            <numerusform>删除 %n 个形状</numerusform>
        </translation>
    </message>
    <message>
        <source>Paint mask</source>
        <translation>绘制掩码</translation>
    </message>
</context>
<context>
    <name>ImageExportWriter</name>
    <message>
        <source>Cannot copy the image of %1 (object %2) to %3.</source>
        <translation>无法将 %1（对象 %2）的图像复制到 %3。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ImageFormats</name>
    <message>
        <source>a folder (or zip / tar archive) of images, one sub-folder per class</source>
        <translation>图像文件夹（或 zip / tar 归档），每个类别一个子文件夹</translation>
    </message>
    <message>
        <source>CSV with columns image,label (labels joined by ';')</source>
        <translation>包含 image,label 列的 CSV（多个标签以 ';' 连接）</translation>
    </message>
    <message>
        <source>JSON lines: {"image", "annotations": [{"label", "bbox" | "points"}]}</source>
        <translation>JSON lines：{"image", "annotations": [{"label", "bbox" | "points"}]}</translation>
    </message>
    <message>
        <source>YOLO: images/, labels/*.txt and classes.txt or data.yaml</source>
        <translation>YOLO：images/、labels/*.txt 以及 classes.txt 或 data.yaml</translation>
    </message>
    <message>
        <source>COCO JSON (boxes, polygons, RLE masks, categories) with its images</source>
        <translation>COCO JSON（矩形框、多边形、RLE 掩码、类别）及其图像</translation>
    </message>
    <message>
        <source>Pascal VOC: Annotations/*.xml, JPEGImages/, ImageSets/ splits, SegmentationClass/ and SegmentationObject/ masks</source>
        <translation>Pascal VOC：Annotations/*.xml、JPEGImages/、ImageSets/ 划分、SegmentationClass/ 和 SegmentationObject/ 掩码</translation>
    </message>
    <message>
        <source>PNG mask folders: indexed PNGs in SegmentationClass/ and SegmentationObject/ (255 = void) beside the images</source>
        <translation>PNG 掩码文件夹：图像旁的 SegmentationClass/ 和 SegmentationObject/ 中的索引 PNG（255 = void）</translation>
    </message>
    <message>
        <source>labelme: one JSON per image (polygons, rectangles, circles)</source>
        <translation>labelme：每张图像一个 JSON（多边形、矩形、圆形）</translation>
    </message>
</context>
<context>
    <name>ImageImportSession</name>
    <message>
        <source>Unpacking %1</source>
        <translation>正在解压 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>the "%1" box [%2, %3, %4, %5] lies outside the %6×%7 image; skipped</source>
        <translation>“%1”矩形框 [%2, %3, %4, %5] 位于 %6×%7 图像之外；已跳过</translation>
    </message>
    <message>
        <source>the "%1" box [%2, %3, %4, %5] goes outside the %6×%7 image; clipped to it</source>
        <translation>“%1”矩形框 [%2, %3, %4, %5] 超出 %6×%7 图像范围；已裁剪到图像内</translation>
    </message>
    <message>
        <source>a "%1" polygon goes outside the %2×%3 image; its points were moved onto the edge</source>
        <translation>一个“%1”多边形超出 %2×%3 图像范围；超出的点已移到图像边缘</translation>
    </message>
    <message>
        <source>a "%1" annotation was skipped: %2</source>
        <translation>已跳过一个“%1”标注：%2</translation>
    </message>
    <message>
        <source>the image file is missing</source>
        <translation>图像文件缺失</translation>
    </message>
    <message>
        <source>same content as %1</source>
        <translation>与 %1 内容相同</translation>
    </message>
    <message>
        <source>Imported %1 of %2</source>
        <translation>已导入 %1 / %2</translation>
    </message>
    <message>
        <source>refers to a file outside the imported folder</source>
        <translation>引用了导入文件夹之外的文件</translation>
    </message>
    <message>
        <source>Cannot make a folder in %1 to unpack %2.</source>
        <translation>无法在 %1 中创建用于解压 %2 的文件夹。</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) identical to another on the same image (same label, shape and attributes) were kept once</source>
        <translation>
            <numerusform>%n 条标注与同一图像上的另一条相同（标签、形状和属性均相同），只保留了一条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) already in the dataset were not added again</source>
        <translation>
            <numerusform>%n 条标注已在数据集中，未重复添加</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IndexedMasks</name>
    <message>
        <source>%1 is not a readable PNG</source>
        <translation>%1 不是可读取的 PNG</translation>
    </message>
    <message>
        <source>the class PNG is %1×%2 but the object PNG %3×%4</source>
        <translation>类别 PNG 为 %1×%2，但对象 PNG 为 %3×%4</translation>
    </message>
</context>
<context>
    <name>JobRules</name>
    <message>
        <source>The job name is empty; give it a name of 1 to %1 characters.</source>
        <translation>作业名称为空；请为其指定 1 到 %1 个字符的名称。</translation>
    </message>
    <message>
        <source>The job name "%1" has %2 characters; at most %3 are allowed. Shorten it.</source>
        <translation>作业名称“%1”有 %2 个字符，最多允许 %3 个。请缩短名称。</translation>
    </message>
    <message>
        <source>The job name "%1" contains an emoji, which is not supported; use letters, digits and punctuation.</source>
        <translation>作业名称“%1”包含表情符号，这不受支持；请使用字母、数字和标点符号。</translation>
    </message>
    <message>
        <source>The job description is empty; describe the job in 1 to %1 characters.</source>
        <translation>作业描述为空；请用 1 到 %1 个字符描述该作业。</translation>
    </message>
    <message>
        <source>The job description has %1 characters; at most %2 are allowed. Shorten it.</source>
        <translation>作业描述有 %1 个字符，最多允许 %2 个。请缩短描述。</translation>
    </message>
    <message>
        <source>The job description contains an emoji, which is not supported.</source>
        <translation>作业描述包含表情符号，这不受支持。</translation>
    </message>
    <message>
        <source>Job %1 asks for %2 nodes; pool %3 has %4. Ask for fewer nodes or choose a larger pool.</source>
        <translation>作业 %1 需要 %2 个节点；资源池 %3 只有 %4 个。请减少节点数，或选择更大的资源池。</translation>
    </message>
    <message>
        <source>Job %1 asks for %2 CPUs per node; pool %3 has at most %4. Lower the CPUs or choose a larger pool.</source>
        <translation>作业 %1 每个节点需要 %2 个 CPU；资源池 %3 最多提供 %4 个。请减少 CPU 数，或选择更大的资源池。</translation>
    </message>
    <message>
        <source>Job %1 asks for %2 MB of memory per node; pool %3 has at most %4 MB. Lower the memory or choose a larger pool.</source>
        <translation>作业 %1 每个节点需要 %2 MB 内存；资源池 %3 最多提供 %4 MB。请降低内存需求，或选择更大的资源池。</translation>
    </message>
    <message>
        <source>Job %1 asks for %2 GPUs per node; pool %3 has %4. Lower the GPUs or choose a pool with more.</source>
        <translation>作业 %1 每个节点需要 %2 个 GPU；资源池 %3 只有 %4 个。请减少 GPU 数，或选择 GPU 更多的资源池。</translation>
    </message>
    <message>
        <source>Job %1 asks for a maximum duration of %2 hours; it must be between 1 and 168 hours. Change the node's timeout.</source>
        <translation>作业 %1 要求的最长运行时间为 %2 小时，但该值必须在 1 到 168 小时之间。请修改节点的超时设置。</translation>
    </message>
</context>
<context>
    <name>LabelmeExport</name>
    <message>
        <source>mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>%1 %2 annotation(s) not written: labelme 5 has no such shape</source>
        <translation>%1 条%2标注未写入：labelme 5 没有这种形状</translation>
    </message>
    <message numerus="yes">
        <source>%n polygon(s) of several parts written as one polygon shape per part sharing a group_id</source>
        <translation>
            <numerusform>%n 个由多个部分组成的多边形已按每部分一个多边形形状写入，并共用一个 group_id</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelmeFormat</name>
    <message>
        <source>No labelme .json file in %1.</source>
        <translation>%1 中没有 labelme .json 文件。</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation>不是有效的 JSON：%1（位于第 %2 字节）</translation>
    </message>
    <message>
        <source>no "shapes": not a labelme file</source>
        <translation>没有 "shapes"：不是 labelme 文件</translation>
    </message>
    <message>
        <source>cannot unpack its imageData</source>
        <translation>无法解码其 imageData</translation>
    </message>
    <message>
        <source>no "imagePath" and no "imageData"</source>
        <translation>没有 "imagePath"，也没有 "imageData"</translation>
    </message>
    <message>
        <source>shape %1 has no label; skipped</source>
        <translation>形状 %1 没有标签；已跳过</translation>
    </message>
    <message>
        <source>%1 %2 shape(s) skipped: a %3 dataset holds %4 (this file has the first)</source>
        <translation>已跳过 %1 个 %2 形状：%3 数据集%4（第一个在此文件中）</translation>
    </message>
    <message>
        <source>polygons and masks only</source>
        <translation>仅限多边形和掩码</translation>
    </message>
    <message>
        <source>boxes only</source>
        <translation>仅限矩形框</translation>
    </message>
    <message>
        <source>shape %1 ("%2"): a %3 with %4 points is not valid; skipped</source>
        <translation>形状 %1（“%2”）：具有 %4 个点的 %3 无效；已跳过</translation>
    </message>
    <message numerus="yes">
        <source>%n polygon(s) became their bounding boxes: a detection dataset holds no polygons (their points are kept for the labelme export; import into a segmentation dataset to keep them as polygons)</source>
        <translation>
            <numerusform>%n 个多边形已转为其外接矩形框：检测数据集不包含多边形（其点会保留用于 labelme 导出；如需保留为多边形，请导入到分割数据集）</numerusform>
        </translation>
    </message>
    <message>
        <source>polygons or circles in %1 of %2 labelme shapes</source>
        <translation>%2 个 labelme 形状中有 %1 个多边形或圆形</translation>
    </message>
    <message>
        <source>rectangles only (%1 of %2 labelme shapes)</source>
        <translation>仅矩形（%2 个 labelme 形状中有 %1 个）</translation>
    </message>
</context>
<context>
    <name>Leftovers</name>
    <message numerus="yes">
        <source>%n run(s) whose Atelier process had ended were marked failed, their started tasks lost and their processes ended</source>
        <translation>
            <numerusform>%n 个运行的 Atelier 进程已结束：已将其标记为失败，其已启动的任务标记为丢失，并结束了其进程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) left starting by a deploy that had ended were stopped</source>
        <translation>
            <numerusform>已停止 %n 个服务：其部署已结束，但服务仍处于启动中</numerusform>
        </translation>
    </message>
    <message>
        <source>Service %1 (pid %2) did not stop, even after SIGKILL.</source>
        <translation>服务 %1（pid %2）即使在 SIGKILL 之后仍未停止。</translation>
    </message>
    <message>
        <source>the deploying Atelier process (pid %1) ended before the service answered; the service was stopped</source>
        <translation>执行部署的 Atelier 进程（pid %1）在服务响应前已结束；服务已停止</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) whose Atelier process had ended were marked lost and their servers stopped</source>
        <translation>
            <numerusform>%n 个会话的 Atelier 进程已结束：已将其标记为丢失，并停止了其服务器</numerusform>
        </translation>
    </message>
    <message>
        <source>the job of task %1 on pool %2: %3</source>
        <translation>任务 %1 在资源池 %2 上的作业：%3</translation>
    </message>
    <message numerus="yes">
        <source>%n cluster job(s) of their tasks were cancelled</source>
        <translation>
            <numerusform>已取消其任务的 %n 个集群作业</numerusform>
        </translation>
    </message>
    <message>
        <source>could not cancel %1 ('atelier runs stop RUN' tries again)</source>
        <translation>无法取消 %1（'atelier runs stop RUN' 会重试）</translation>
    </message>
    <message>
        <source>Run %1: could not cancel %2.</source>
        <translation>运行 %1：无法取消 %2。</translation>
    </message>
    <message>
        <source>the container of task %1: %2</source>
        <translation>任务 %1 的容器：%2</translation>
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
    <name>LogPage</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
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
    <message numerus="yes">
        <source>Upgrading the catalog left %n row(s) whose reference is missing; the upgrade was undone.</source>
        <translation>
            <numerusform>升级目录库后有 %n 行的引用缺失；升级已撤销。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MlflowImport</name>
    <message>
        <source>a symbolic link; links are not followed</source>
        <translation>是符号链接；不会跟随链接</translation>
    </message>
    <message>
        <source>larger than %1 bytes; skipped</source>
        <translation>大于 %1 字节；已跳过</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>nested too deep; skipped</source>
        <translation>嵌套层级过深；已跳过</translation>
    </message>
    <message>
        <source>not "timestamp value step"; line skipped</source>
        <translation>格式不是 "timestamp value step"；已跳过该行</translation>
    </message>
    <message>
        <source>the experiment could not be recorded</source>
        <translation>无法记录该实验</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a folder.</source>
        <translation>%1 不存在或不是文件夹。</translation>
    </message>
    <message>
        <source>no meta.yaml; not an experiment folder, skipped</source>
        <translation>没有 meta.yaml；不是实验文件夹，已跳过</translation>
    </message>
    <message>
        <source>%1 is not an MLflow file store (no experiment folders with meta.yaml). Give the mlruns folder itself.</source>
        <translation>%1 不是 MLflow 文件存储（没有包含 meta.yaml 的实验文件夹）。请直接指定 mlruns 文件夹本身。</translation>
    </message>
    <message>
        <source>the experiment has no name; skipped</source>
        <translation>该实验没有名称；已跳过</translation>
    </message>
    <message>
        <source>no meta.yaml; not a run folder, skipped</source>
        <translation>没有 meta.yaml；不是运行文件夹，已跳过</translation>
    </message>
    <message>
        <source>no run_id; the run was skipped</source>
        <translation>缺少 run_id；已跳过该运行</translation>
    </message>
    <message>
        <source>run_id %1 does not match the run's folder; the run was skipped</source>
        <translation>run_id %1 与该运行所在的文件夹不匹配；已跳过该运行</translation>
    </message>
    <message>
        <source>unknown run status "%1"; the run was skipped</source>
        <translation>未知的运行状态“%1”；已跳过该运行</translation>
    </message>
    <message>
        <source>the run could not be written: %1</source>
        <translation>无法写入该运行：%1</translation>
    </message>
    <message>
        <source>running in MLflow when imported; import the store again to bring it up to date</source>
        <translation>导入时在 MLflow 中仍在运行；请再次导入该存储以更新</translation>
    </message>
    <message>
        <source>scheduled in MLflow when imported; import the store again to bring it up to date</source>
        <translation>导入时在 MLflow 中已调度；请再次导入该存储以更新</translation>
    </message>
</context>
<context>
    <name>ModelCommands</name>
    <message>
        <source>Usage:
  atelier model register PATH --name N [--run RUN] [--description D] [--tag k=v]…
                         [--dataset NAME@VERSION]… [--alias ALIAS] [--trust-pickle]
  atelier model register --run RUN --name N [--task NODE] [--port PORT]
                         the task's outputs/PORT folder (default: the last task
                         with a 'model' output)
  atelier model list [NAME]
  atelier model show NAME[:VERSION|@ALIAS]
  atelier model alias NAME VERSION ALIAS | alias NAME ALIAS --remove
  atelier model validate NAME[:VERSION|@ALIAS]
  atelier model compare NAME V1 V2
  atelier model runs RUN                 versions registered from a run
  atelier model deploy|undeploy|predict|services …
</source>
        <translation>用法：
  atelier model register PATH --name N [--run RUN] [--description D] [--tag k=v]…
                         [--dataset NAME@VERSION]… [--alias ALIAS] [--trust-pickle]
  atelier model register --run RUN --name N [--task NODE] [--port PORT]
                         使用该任务的 outputs/PORT 文件夹（默认：最后一个
                         带有 'model' 输出的任务）
  atelier model list [NAME]
  atelier model show NAME[:VERSION|@ALIAS]
  atelier model alias NAME VERSION ALIAS | alias NAME ALIAS --remove
  atelier model validate NAME[:VERSION|@ALIAS]
  atelier model compare NAME V1 V2
  atelier model runs RUN                 列出从某次运行注册的版本
  atelier model deploy|undeploy|predict|services …
</translation>
    </message>
    <message>
        <source>'model register' takes one PATH, got: %1</source>
        <translation>'model register' 只接受一个 PATH，实际收到：%1</translation>
    </message>
    <message>
        <source>'model register' needs --name NAME.</source>
        <translation>'model register' 需要 --name NAME。</translation>
    </message>
    <message>
        <source>'model register' needs a PATH (a file or a folder) or --run RUN.</source>
        <translation>'model register' 需要 PATH（文件或文件夹）或 --run RUN。</translation>
    </message>
    <message>
        <source>--tag takes KEY=VALUE, got '%1'.</source>
        <translation>--tag 的格式为 KEY=VALUE，而不是“%1”。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 holds pickle-based files (%2) from outside the workspace: loading a pickle can run any code. Refused; if you trust where it came from, run again with --trust-pickle.</source>
        <translation>%1 包含来自工作空间之外的基于 pickle 的文件（%2）：加载 pickle 文件可能执行任意代码。已拒绝；如果您信任其来源，请加上 --trust-pickle 重新运行。</translation>
    </message>
    <message>
        <source>atelier: warning: registering pickle-based files from outside the workspace (%1); loading them can run any code.</source>
        <translation>atelier：警告：正在注册来自工作空间之外的基于 pickle 的文件（%1）；加载这些文件可能执行任意代码。</translation>
    </message>
    <message>
        <source>Registered %1, but the alias was refused: %2</source>
        <translation>已注册 %1，但别名被拒绝：%2</translation>
    </message>
    <message numerus="yes">
        <source>Registered %1 (%2, %n file(s), %3)</source>
        <translation>
            <numerusform>已注册 %1（%2，%n 个文件，%3）</numerusform>
        </translation>
    </message>
    <message>
        <source>From run %1, task %2</source>
        <translation>来自运行 %1，任务 %2</translation>
    </message>
    <message>
        <source>Aliases: %1</source>
        <translation>别名：%1</translation>
    </message>
    <message>
        <source>No models yet. Register one with 'atelier model register'.</source>
        <translation>暂无模型。请使用 'atelier model register' 注册模型。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>VER</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>FRAMEWORK</source>
        <translation>框架</translation>
    </message>
    <message>
        <source>VALIDATION</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>ALIASES</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>'model show' takes NAME, NAME:VERSION or NAME@ALIAS.</source>
        <translation>'model show' 需要 NAME、NAME:VERSION 或 NAME@ALIAS。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>框架</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1，由 %2 创建</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>%1 (task %2)</source>
        <translation>%1（任务 %2）</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>not run ('atelier model validate %1')</source>
        <translation>未运行（'atelier model validate %1'）</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n 个特征</numerusform>
        </translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Alias history</source>
        <translation>别名历史</translation>
    </message>
    <message>
        <source>'model alias NAME ALIAS --remove' takes a name and an alias.</source>
        <translation>'model alias NAME ALIAS --remove' 需要一个名称和一个别名。</translation>
    </message>
    <message>
        <source>Removed alias %1 of %2.</source>
        <translation>已移除 %2 的别名 %1。</translation>
    </message>
    <message>
        <source>'model alias' takes NAME VERSION ALIAS, e.g. 'model alias shapes 3 production'.</source>
        <translation>'model alias' 需要 NAME VERSION ALIAS，例如 'model alias shapes 3 production'。</translation>
    </message>
    <message>
        <source>'%1' is not a version number.</source>
        <translation>“%1”不是版本号。</translation>
    </message>
    <message>
        <source>%1@%2 → version %3</source>
        <translation>%1@%2 → 版本 %3</translation>
    </message>
    <message>
        <source>%1@%2 already points at version %3</source>
        <translation>%1@%2 已指向版本 %3</translation>
    </message>
    <message>
        <source>%1@%2 moved from version %3 to %4</source>
        <translation>%1@%2 已从版本 %3 改为指向版本 %4</translation>
    </message>
    <message>
        <source>'model validate' takes NAME, NAME:VERSION or NAME@ALIAS.</source>
        <translation>'model validate' 需要 NAME、NAME:VERSION 或 NAME@ALIAS。</translation>
    </message>
    <message>
        <source>PASSED %1 (%2): %3</source>
        <translation>校验通过 %1（%2）：%3</translation>
    </message>
    <message>
        <source>FAILED %1 (%2): %3</source>
        <translation>校验失败 %1（%2）：%3</translation>
    </message>
    <message>
        <source>%1 did not load: %2</source>
        <translation>%1 未能加载：%2</translation>
    </message>
    <message>
        <source>'model compare' takes NAME V1 V2.</source>
        <translation>'model compare' 需要 NAME V1 V2。</translation>
    </message>
    <message>
        <source>'model compare' takes two version numbers.</source>
        <translation>'model compare' 需要两个版本号。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Params that differ</source>
        <translation>不同的参数</translation>
    </message>
    <message numerus="yes">
        <source>(none; %n param(s) the same)</source>
        <translation>
            <numerusform>（无；%n 个参数相同）</numerusform>
        </translation>
    </message>
    <message>
        <source>register: the model's name.</source>
        <translation>register：模型名称。</translation>
    </message>
    <message>
        <source>register: the run the model comes from.</source>
        <translation>register：模型来源的运行。</translation>
    </message>
    <message>
        <source>register --run: the task whose output to take.</source>
        <translation>register --run：要取用其输出的任务。</translation>
    </message>
    <message>
        <source>register: a description.</source>
        <translation>register：描述。</translation>
    </message>
    <message>
        <source>register: a tag KEY=VALUE (repeatable).</source>
        <translation>register：标签 KEY=VALUE（可重复）。</translation>
    </message>
    <message>
        <source>register: a dataset version it was trained on (repeatable).</source>
        <translation>register：训练所用的数据集版本（可重复）。</translation>
    </message>
    <message>
        <source>register: point this alias at the new version.</source>
        <translation>register：将此别名指向新版本。</translation>
    </message>
    <message>
        <source>alias: remove the alias instead of setting it.</source>
        <translation>alias：移除该别名，而不是设置它。</translation>
    </message>
    <message>
        <source>unknown action 'model %1'.</source>
        <translation>未知操作“model %1”。</translation>
    </message>
    <message>
        <source>'model runs' takes a run id.</source>
        <translation>'model runs' 需要一个运行 ID。</translation>
    </message>
    <message>
        <source>No model versions come from run %1.</source>
        <translation>没有来自运行 %1 的模型版本。</translation>
    </message>
    <message>
        <source>register: keep the newest version when its files are the same.</source>
        <translation>register：文件相同时保留最新版本。</translation>
    </message>
    <message>
        <source>atelier: warning: %1</source>
        <translation>atelier：警告：%1</translation>
    </message>
    <message>
        <source>register: accept pickle-based files from outside the workspace (loading them can run any code). A bare scikit-learn pickle is then loaded once to derive the model.json that serving needs.</source>
        <translation>register：接受来自工作空间之外的基于 pickle 的文件（加载这些文件可能执行任意代码）。此时会加载一次纯 scikit-learn pickle，以生成服务所需的 model.json。</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>host</source>
        <translation>宿主机</translation>
    </message>
</context>
<context>
    <name>ModelRegistry</name>
    <message>
        <source>Task %1 of run %2 has no output '%3' with files (state: %4).</source>
        <translation>运行 %2 的任务 %1 没有包含文件的输出“%3”（状态：%4）。</translation>
    </message>
    <message>
        <source>Run %1 has no task %2.</source>
        <translation>运行 %1 中没有任务 %2。</translation>
    </message>
    <message>
        <source>No task of run %1 has an output '%2' with files: name the task with --task, or the port with --port.</source>
        <translation>运行 %1 中没有任何任务具有包含文件的输出“%2”：请用 --task 指定任务，或用 --port 指定端口。</translation>
    </message>
    <message>
        <source>No run given to register a model from.</source>
        <translation>未指定要从中注册模型的运行。</translation>
    </message>
    <message>
        <source>'%1' is not a model name: use letters, digits, '.', '_' and '-', starting with a letter or digit.</source>
        <translation>“%1”不是有效的模型名称：只能使用字母、数字、“.”、“_”和“-”，且须以字母或数字开头。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 holds no files to register.</source>
        <translation>%1 中没有可注册的文件。</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>%1 holds pickle-based files (%2) from outside the workspace: loading them can run any code. Register them only if you trust where they came from, and confirm that you do.</source>
        <translation>%1 包含来自工作空间之外的基于 pickle 的文件（%2）：加载这些文件可能执行任意代码。请仅在您信任其来源时注册，并明确确认这一点。</translation>
    </message>
    <message>
        <source>The new model version could not be read back.</source>
        <translation>无法读回新的模型版本。</translation>
    </message>
    <message>
        <source>There is no model '%1'. 'atelier model list' shows the registered ones.</source>
        <translation>没有模型“%1”。'atelier model list' 会列出已注册的模型。</translation>
    </message>
    <message>
        <source>Model '%1' has no version %2.</source>
        <translation>模型“%1”没有版本 %2。</translation>
    </message>
    <message>
        <source>Model '%1' has no versions.</source>
        <translation>模型“%1”没有任何版本。</translation>
    </message>
    <message>
        <source>Model '%1' has no alias '%2'.</source>
        <translation>模型“%1”没有别名“%2”。</translation>
    </message>
    <message>
        <source>'%1' is not a version number: write NAME:VERSION, e.g. %2:1.</source>
        <translation>“%1”不是版本号：请写成 NAME:VERSION，例如 %2:1。</translation>
    </message>
    <message>
        <source>'%1' is not an alias name: start with a letter, then letters, digits, '.', '_' or '-' ('latest' is reserved).</source>
        <translation>“%1”不是有效的别名：须以字母开头，其后可使用字母、数字、“.”、“_”或“-”（“latest”为保留名称）。</translation>
    </message>
    <message>
        <source>Cannot write the derived model.json: %1</source>
        <translation>无法写入生成的 model.json：%1</translation>
    </message>
    <message>
        <source>add a model.json that lists the "features" beside it and register the folder, or the version cannot be deployed or predict</source>
        <translation>请在其旁边添加一个列出 "features" 的 model.json，并注册该文件夹，否则该版本无法部署或预测</translation>
    </message>
    <message numerus="yes">
        <source>No model.json was derived: %n pickled file(s), not one estimator; %1.</source>
        <translation>
            <numerusform>未生成 model.json：有 %n 个 pickle 文件，而不是一个估计器；%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>No model.json was derived from %1: %2; %3.</source>
        <translation>未能从 %1 生成 model.json：%2；%3。</translation>
    </message>
</context>
<context>
    <name>ModelServices</name>
    <message>
        <source>%1:%2 is a %3 model; the built-in serving template serves scikit-learn and XGBoost models.</source>
        <translation>%1:%2 是 %3 模型；内置的服务模板只支持 scikit-learn 和 XGBoost 模型。</translation>
    </message>
    <message>
        <source>Model version %1 has no files to serve.</source>
        <translation>模型版本 %1 没有可供服务的文件。</translation>
    </message>
    <message>
        <source>The catalog lists a model file outside its folder: %1</source>
        <translation>目录库中列出了一个位于其文件夹之外的模型文件：%1</translation>
    </message>
    <message>
        <source>The object store has lost %1 (object %2); 'atelier info' checks the store.</source>
        <translation>对象存储中丢失了 %1（对象 %2）；'atelier info' 可检查对象存储。</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Cannot copy %1 to %2.</source>
        <translation>无法将 %1 复制到 %2。</translation>
    </message>
    <message>
        <source>Cannot prepare the service's logs in %1: %2</source>
        <translation>无法在 %1 中准备服务日志：%2</translation>
    </message>
    <message>
        <source>Cannot start a process: %1</source>
        <translation>无法启动进程：%1</translation>
    </message>
    <message>
        <source>Cannot start a process.</source>
        <translation>无法启动进程。</translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>无法运行 %1：%2</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder: %1</source>
        <translation>无法创建临时文件夹：%1</translation>
    </message>
    <message>
        <source>The serving template serve.py is missing; set ATELIER_SERVING_DIR to its folder.</source>
        <translation>缺少服务模板 serve.py；请将 ATELIER_SERVING_DIR 设置为其所在的文件夹。</translation>
    </message>
    <message>
        <source>serve.py stopped: %1</source>
        <translation>serve.py 已停止：%1</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2：%3</translation>
    </message>
    <message>
        <source>Services run on the local pool for now, not on '%1'.</source>
        <translation>服务目前只能在 local 资源池上运行，不能在“%1”上运行。</translation>
    </message>
    <message>
        <source>Port %1 is out of range.</source>
        <translation>端口 %1 超出范围。</translation>
    </message>
    <message>
        <source>Port %1 on %2 is in use (or the address is not this machine's); choose another with --port, or leave it out for a free one.</source>
        <translation>%2 上的端口 %1 已被占用（或该地址不属于本机）；请用 --port 另选端口，或省略该选项以使用空闲端口。</translation>
    </message>
    <message>
        <source>Service folder %1 already exists.</source>
        <translation>服务文件夹 %1 已存在。</translation>
    </message>
    <message>
        <source>the service did not start</source>
        <translation>服务未能启动</translation>
    </message>
    <message>
        <source>Deploying %1:%2 failed: %3</source>
        <translation>部署 %1:%2 失败：%3</translation>
    </message>
    <message>
        <source>no answer from GET /health within %1 s (see %2)</source>
        <translation>GET /health 在 %1 秒内无响应（请查看 %2）</translation>
    </message>
    <message>
        <source>Service %1 (pid %2) did not stop, even after SIGKILL.</source>
        <translation>服务 %1（pid %2）在发送 SIGKILL 后仍未停止。</translation>
    </message>
    <message>
        <source>stopped, but port %1 is still in use by another process</source>
        <translation>已停止，但端口 %1 仍被另一个进程占用</translation>
    </message>
    <message>
        <source>the service's process (pid %1) has ended</source>
        <translation>服务进程（pid %1）已结束</translation>
    </message>
    <message>
        <source>the service's process (pid %1) has ended: %2</source>
        <translation>服务进程（pid %1）已结束：%2</translation>
    </message>
    <message>
        <source>No service '%1'; 'atelier model services' lists them.</source>
        <translation>没有服务“%1”；'atelier model services' 会列出所有服务。</translation>
    </message>
    <message>
        <source>Service %1 refused the rows (HTTP %2): %3</source>
        <translation>服务 %1 拒绝了这些行（HTTP %2）：%3</translation>
    </message>
    <message>
        <source>Service %1 answered without predictions.</source>
        <translation>服务 %1 的响应中没有预测结果。</translation>
    </message>
    <message>
        <source>serve.py answered without predictions.</source>
        <translation>serve.py 的响应中没有预测结果。</translation>
    </message>
    <message>
        <source>No file %1.</source>
        <translation>没有文件 %1。</translation>
    </message>
    <message>
        <source>libcurl could not start a request.</source>
        <translation>libcurl 无法发起请求。</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>无法连接 %1：%2</translation>
    </message>
    <message>
        <source>serve.py did not finish within %1 minutes and was stopped.</source>
        <translation>serve.py 未在 %1 分钟内完成，已被停止。</translation>
    </message>
    <message>
        <source>A body cap of %1 MiB is out of range (1 to %2).</source>
        <translation>请求体上限 %1 MiB 超出范围（1 到 %2）。</translation>
    </message>
    <message>
        <source>Deploying %1:%2 was cancelled: another command stopped service %3 while it was starting.</source>
        <translation>部署 %1:%2 已取消：另一条命令在服务 %3 启动期间将其停止。</translation>
    </message>
    <message>
        <source>No service or model named '%1' has been deployed; 'atelier model services' lists them.</source>
        <translation>没有已部署的名为“%1”的服务或模型；“atelier model services”会列出它们。</translation>
    </message>
</context>
<context>
    <name>ModelValidator</name>
    <message>
        <source>Model %1:%2 lists a file outside its folder: %3.</source>
        <translation>模型 %1:%2 列出了一个位于其文件夹之外的文件：%3。</translation>
    </message>
    <message>
        <source>The stored file %1 of model %2:%3 is missing from the object store (%4).</source>
        <translation>模型 %2:%3 的已存储文件 %1 在对象存储中缺失（%4）。</translation>
    </message>
    <message>
        <source>Cannot make a folder for %1.</source>
        <translation>无法为 %1 创建文件夹。</translation>
    </message>
    <message>
        <source>Cannot copy %1 to %2.</source>
        <translation>无法将 %1 复制到 %2。</translation>
    </message>
    <message>
        <source>The validation script is missing: %1.</source>
        <translation>缺少校验脚本：%1。</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>Loading the model took longer than %1 s.</source>
        <translation>加载模型耗时超过 %1 秒。</translation>
    </message>
    <message>
        <source>The validation process ended with status %1 without a result: %2</source>
        <translation>校验进程以状态 %1 结束，未返回结果：%2</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>无输出信息</translation>
    </message>
    <message>
        <source>Cannot make a temporary folder: %1</source>
        <translation>无法创建临时文件夹：%1</translation>
    </message>
</context>
<context>
    <name>MoveItemsCommand</name>
    <message>
        <source>Auto-layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message numerus="yes">
        <source>Move %n item(s)</source>
        <translation>
            <numerusform>移动 %n 个条目</numerusform>
        </translation>
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
    <message>
        <source>The object store %1 does not exist. Reopen the workspace.</source>
        <translation>对象存储 %1 不存在。请重新打开工作空间。</translation>
    </message>
</context>
<context>
    <name>OutputOpener</name>
    <message>
        <source>Cannot show the notebook</source>
        <translation>无法显示笔记本</translation>
    </message>
    <message>
        <source>%1 could not be rendered as HTML: %2</source>
        <translation>无法将 %1 渲染为 HTML：%2</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>the jupyter command was not found (Debian package: jupyter-nbconvert).</source>
        <translation>未找到 jupyter 命令（Debian 软件包：jupyter-nbconvert）。</translation>
    </message>
    <message>
        <source>jupyter nbconvert exited with code %1</source>
        <translation>jupyter nbconvert 已退出，退出码为 %1</translation>
    </message>
</context>
<context>
    <name>ParallelCoordinates</name>
    <message>
        <source>objective</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>PipelineClipboard</name>
    <message>
        <source>The clipboard holds no Atelier nodes: it is not a JSON object (copy nodes from a pipeline canvas, or a pipeline file).</source>
        <translation>剪贴板中没有 Atelier 节点：内容不是 JSON 对象（请从流水线画布或流水线文件中复制节点）。</translation>
    </message>
    <message>
        <source>clipboard: %1 must be a format number such as 1</source>
        <translation>剪贴板：%1 必须是格式编号，例如 1</translation>
    </message>
    <message>
        <source>clipboard: copied by a newer Atelier (format %1; this one reads %2). Update Atelier to paste it.</source>
        <translation>剪贴板：内容由更新版本的 Atelier 复制（格式 %1；当前版本读取 %2）。请更新 Atelier 后再粘贴。</translation>
    </message>
    <message>
        <source>The clipboard holds JSON, but not Atelier nodes nor a pipeline (no "%1" nor "format" and "nodes" field).</source>
        <translation>剪贴板中是 JSON，但既不是 Atelier 节点也不是流水线（没有 "%1" 字段，也没有 "format" 和 "nodes" 字段）。</translation>
    </message>
    <message>
        <source>clipboard: nodes[%1].id "%2" is used twice</source>
        <translation>剪贴板：nodes[%1].id "%2" 被使用了两次</translation>
    </message>
</context>
<context>
    <name>PipelineDiff</name>
    <message>
        <source>(unset)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>node %1</source>
        <translation>节点 %1</translation>
    </message>
    <message>
        <source>link %1</source>
        <translation>连线 %1</translation>
    </message>
    <message>
        <source>pipeline %1</source>
        <translation>流水线 %1</translation>
    </message>
    <message>
        <source>schedule: %1 → %2</source>
        <translation>调度：%1 → %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>PipelineDocument</name>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be a whole number of at least %1</source>
        <translation>必须是不小于 %1 的整数</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>必须是数组</translation>
    </message>
    <message>
        <source>is not a known field (known: %1)</source>
        <translation>不是已知字段（已知字段：%1）</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1：%2 %3</translation>
    </message>
    <message>
        <source>%1:%2:%3: malformed JSON: %4</source>
        <translation>%1:%2:%3: JSON 格式错误：%4</translation>
    </message>
    <message>
        <source>%1: a pipeline is a JSON object, not an array or a value</source>
        <translation>%1：流水线必须是 JSON 对象，而不是数组或单个值</translation>
    </message>
    <message>
        <source>is %1; this Atelier reads format %2 (update Atelier)</source>
        <translation>为 %1；此版本的 Atelier 只能读取格式 %2（请更新 Atelier）</translation>
    </message>
    <message>
        <source>must look like "node.port"</source>
        <translation>格式必须为 "node.port"</translation>
    </message>
    <message>
        <source>must be an ISO 8601 time such as 2026-11-01T00:00:00Z</source>
        <translation>必须是 ISO 8601 时间，例如 2026-11-01T00:00:00Z</translation>
    </message>
    <message>
        <source>must be [x, y]</source>
        <translation>必须是 [x, y]</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>must be [width, height], both above 0</source>
        <translation>必须为 [width, height]，且两者均大于 0</translation>
    </message>
    <message>
        <source>must be named "node.param"</source>
        <translation>名称格式必须为 "node.param"</translation>
    </message>
    <message>
        <source>must be a SPEC text such as "float(0.1,1)" or "choice(a,b)"</source>
        <translation>必须是 SPEC 文本，例如 "float(0.1,1)" 或 "choice(a,b)"</translation>
    </message>
    <message>
        <source>must look like "node.metric"</source>
        <translation>格式必须为 "node.metric"</translation>
    </message>
    <message>
        <source>must be maximize or minimize</source>
        <translation>必须是 maximize 或 minimize</translation>
    </message>
    <message>
        <source>must be tpe, random, grid or cmaes</source>
        <translation>必须是 tpe、random、grid 或 cmaes</translation>
    </message>
    <message>
        <source>must be none, median or hyperband</source>
        <translation>必须是 none、median 或 hyperband</translation>
    </message>
</context>
<context>
    <name>PipelineStore</name>
    <message>
        <source>The version %1 of %2 is named "%3"; restoring it would save it under another name.</source>
        <translation>%2 的版本 %1 名为“%3”；恢复它会将其保存为另一个名称。</translation>
    </message>
    <message>
        <source>Restore %1 to %2</source>
        <translation>将 %1 恢复到 %2</translation>
    </message>
    <message>
        <source>There is no pipeline file %1 and no saved pipeline named "%1" (saved: %2).</source>
        <translation>没有流水线文件 %1，也没有名为“%1”的已保存流水线（已保存：%2）。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The name "%1" cannot be saved: its file name %2.json belongs to the pipeline "%3". Choose a name that differs in its letters or digits.</source>
        <translation>无法保存名称“%1”：其文件名 %2.json 属于流水线“%3”。请选择一个在字母或数字上有所不同的名称。</translation>
    </message>
</context>
<context>
    <name>PipelineValidator</name>
    <message>
        <source>node %1</source>
        <translation>节点 %1</translation>
    </message>
    <message>
        <source>edge %1</source>
        <translation>连线 %1</translation>
    </message>
    <message>
        <source>The pipeline has a cycle: %1. Remove one of its links.</source>
        <translation>流水线中存在环：%1。请删除其中的一条连线。</translation>
    </message>
    <message>
        <source>the pipeline needs a name</source>
        <translation>流水线需要一个名称</translation>
    </message>
    <message>
        <source>"%1" is not a valid id (letters, digits, _ and -, not starting with a digit)</source>
        <translation>“%1”不是有效的 ID（只能包含字母、数字、_ 和 -，且不能以数字开头）</translation>
    </message>
    <message>
        <source>the id is used by another node</source>
        <translation>该 ID 已被另一个节点使用</translation>
    </message>
    <message>
        <source>%1 has no parameter "%2" (it has: %3)</source>
        <translation>%1 没有参数“%2”（可用参数：%3）</translation>
    </message>
    <message>
        <source>uses {{variables.%1}}, which the pipeline does not define</source>
        <translation>使用了 {{variables.%1}}，但流水线未定义该变量</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>must be a whole number, 0 or more</source>
        <translation>必须是大于或等于 0 的整数</translation>
    </message>
    <message>
        <source>links from %1, but there is no node "%2"</source>
        <translation>连线起点为 %1，但不存在节点“%2”</translation>
    </message>
    <message>
        <source>links to %1, but there is no node "%2"</source>
        <translation>连线终点为 %1，但不存在节点“%2”</translation>
    </message>
    <message>
        <source>links %1 to itself</source>
        <translation>将 %1 连到了自身</translation>
    </message>
    <message>
        <source>%1 has no output port "%2"</source>
        <translation>%1 没有输出端口“%2”</translation>
    </message>
    <message>
        <source>%1 has no input port "%2"</source>
        <translation>%1 没有输入端口“%2”</translation>
    </message>
    <message>
        <source>cannot link %1 (%2) to %3 (%4): the port types do not fit</source>
        <translation>无法将 %1（%2）连到 %3（%4）：端口类型不匹配</translation>
    </message>
    <message>
        <source>%1 already has a link; an input takes one</source>
        <translation>%1 已有连线；一个输入只能接一条连线</translation>
    </message>
    <message>
        <source>the input "%1" (%2) needs a link</source>
        <translation>输入“%1”（%2）需要一条连线</translation>
    </message>
    <message>
        <source>is on a cycle: %1. Remove one of its links.</source>
        <translation>位于环上：%1。请删除其中的一条连线。</translation>
    </message>
    <message>
        <source>is not a resource (use cpus, memory_mb, gpus, nodes or processes_per_node)</source>
        <translation>不是资源（请使用 cpus、memory_mb、gpus、nodes 或 processes_per_node）</translation>
    </message>
    <message>
        <source>%1 processes per node need a distributed strategy, and %2 supports none</source>
        <translation>每个节点 %1 个进程需要分布式策略，而 %2 不支持任何分布式策略</translation>
    </message>
    <message>
        <source>unknown strategy "%1" (known: %2)</source>
        <translation>未知的策略“%1”（已知策略：%2）</translation>
    </message>
    <message>
        <source>%1 does not support distributed training with "%2" (it supports: %3)</source>
        <translation>%1 不支持使用“%2”进行分布式训练（它支持：%3）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>processes_per_node must be at least 1</source>
        <translation>processes_per_node 必须至少为 1</translation>
    </message>
</context>
<context>
    <name>PngMaskFormat</name>
    <message>
        <source>%1 is not a folder: choose the folder that holds SegmentationClass/ or SegmentationObject/.</source>
        <translation>%1 不是文件夹：请选择包含 SegmentationClass/ 或 SegmentationObject/ 的文件夹。</translation>
    </message>
    <message>
        <source>refers to a file outside the imported folder</source>
        <translation>指向导入文件夹之外的文件</translation>
    </message>
    <message>
        <source>No PNG in a SegmentationClass/ or SegmentationObject/ folder under %1.</source>
        <translation>%1 下的 SegmentationClass/ 或 SegmentationObject/ 文件夹中没有 PNG。</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) are in several ImageSets lists; each was given the first of train, val, test, others: %1</source>
        <translation>
            <numerusform>%n 张图像位于多个 ImageSets 列表中；每张都按 train、val、test、其他 的顺序取第一个：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) have no SegmentationClass PNG to give their class; labelled "object"</source>
        <translation>
            <numerusform>%n 个实例没有可提供类别的 SegmentationClass PNG；已标为“object”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask pixel(s) have a colour outside VOC's palette; read as background</source>
        <translation>
            <numerusform>%n 个掩码像素的颜色不在 VOC 调色板中；已作为背景读取</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message numerus="yes">
        <source>%n polygon(s) written as their pixels; a mask PNG keeps no outline</source>
        <translation>
            <numerusform>%n 个多边形已按其像素写入；掩码 PNG 不保留轮廓</numerusform>
        </translation>
    </message>
    <message>
        <source>annotation fields a mask PNG has no place for were left out: %1</source>
        <translation>掩码 PNG 无处存放的标注字段已略去：%1</translation>
    </message>
    <message>
        <source>image fields a mask folder has no place for were left out: %1</source>
        <translation>掩码文件夹无处存放的图像字段已略去：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) without a split were listed in ImageSets/Segmentation/train.txt</source>
        <translation>
            <numerusform>%n 张没有划分的图像已列入 ImageSets/Segmentation/train.txt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) past the 254th of their image are left out of SegmentationObject (SegmentationClass has them)</source>
        <translation>
            <numerusform>%n 个实例超出其图像的第 254 个，未写入 SegmentationObject（SegmentationClass 中有它们）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Podman</name>
    <message>
        <source>Check podman with 'podman info'; podman reads its settings (runtime, cgroup manager, ulimits) from containers.conf or $CONTAINERS_CONF.</source>
        <translation>请用 'podman info' 检查 podman；podman 从 containers.conf 或 $CONTAINERS_CONF 读取其设置（运行时、cgroup 管理器、ulimits）。</translation>
    </message>
    <message>
        <source>"%1" is not an image name; write NAME[:TAG] in lower case, for example localhost/base:1</source>
        <translation>“%1”不是镜像名称；请用小写写成 NAME[:TAG]，例如 localhost/base:1</translation>
    </message>
    <message>
        <source>podman is not installed here (looked for '%1'), so tasks cannot run in images. Install it (apt-get install podman) or run the node on the host ("environment": {"image": "host"}).</source>
        <translation>此处未安装 podman（查找了 '%1'），因此任务无法在镜像中运行。请安装它（apt-get install podman），或在宿主机上运行该节点（"environment": {"image": "host"}）。</translation>
    </message>
    <message>
        <source>podman could not start: %1. %2</source>
        <translation>podman 无法启动：%1。%2</translation>
    </message>
    <message>
        <source>podman %1 did not answer within %2 s. %3</source>
        <translation>podman %1 在 %2 秒内无响应。%3</translation>
    </message>
    <message>
        <source>podman %1 failed: %2. %3</source>
        <translation>podman %1 失败：%2。%3</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>无消息</translation>
    </message>
    <message>
        <source>There is no image "%1" here. 'atelier image list' shows the images; 'atelier image import' or 'atelier image build' makes one.</source>
        <translation>此处没有镜像“%1”。'atelier image list' 会列出所有镜像；'atelier image import' 或 'atelier image build' 可创建镜像。</translation>
    </message>
    <message>
        <source>There is no image "%1" here.</source>
        <translation>此处没有镜像“%1”。</translation>
    </message>
    <message>
        <source>There is no file %1 to import.</source>
        <translation>要导入的文件 %1 不存在。</translation>
    </message>
    <message>
        <source>There is no file %1 to load.</source>
        <translation>要加载的文件 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a folder holding a Containerfile or Dockerfile.</source>
        <translation>%1 不是包含 Containerfile 或 Dockerfile 的文件夹。</translation>
    </message>
    <message>
        <source>Pulling needs a registry this machine can reach; without one, use 'atelier image import' or 'atelier image load'.</source>
        <translation>拉取镜像需要本机能访问的镜像仓库；如果没有，请使用 'atelier image import' 或 'atelier image load'。</translation>
    </message>
    <message>
        <source>python3 in image %1 cannot import %2: %3. Build an image that has them (atelier image build).</source>
        <translation>镜像 %1 中的 python3 无法导入 %2：%3。请构建包含这些模块的镜像（atelier image build）。</translation>
    </message>
    <message>
        <source>podman could not be started</source>
        <translation>无法启动 podman</translation>
    </message>
    <message>
        <source>podman did not answer</source>
        <translation>podman 没有响应</translation>
    </message>
</context>
<context>
    <name>PoolHealth</name>
    <message>
        <source>%1 pools are not supported by this version.</source>
        <translation>此版本不支持 %1 资源池。</translation>
    </message>
    <message>
        <source>Pool %1 has never been checked; run 'atelier pool check %1'.</source>
        <translation>资源池 %1 从未检查过；请运行 'atelier pool check %1'。</translation>
    </message>
    <message>
        <source>Pool %1 is a %2 pool; this version runs work on local and Slurm pools.</source>
        <translation>资源池 %1 是 %2 资源池；此版本只能在 local 和 Slurm 资源池上运行作业。</translation>
    </message>
    <message>
        <source>The staging folder %1 does not exist; create it where the cluster sees it too.</source>
        <translation>暂存文件夹 %1 不存在；请在集群也能访问的位置创建它。</translation>
    </message>
</context>
<context>
    <name>PoolStore</name>
    <message>
        <source>"%1" is not a pool name: use 1–50 letters, digits, '-', '_' or '.', starting with a letter or a digit.</source>
        <translation>“%1”不是有效的资源池名称：请使用 1–50 个字母、数字、'-'、'_' 或 '.'，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>There is no pool "%1" (pools: %2); 'atelier pool list' shows them.</source>
        <translation>没有名为“%1”的资源池（现有资源池：%2）；'atelier pool list' 会列出所有资源池。</translation>
    </message>
    <message>
        <source>A unix socket URL names an absolute path: unix:/path/to/slurmrestd.sock, not "%1".</source>
        <translation>unix 套接字 URL 必须指定绝对路径：unix:/path/to/slurmrestd.sock，而不是“%1”。</translation>
    </message>
    <message>
        <source>"%1" is not a slurmrestd address: use http(s)://HOST:PORT or unix:/path/to/slurmrestd.sock.</source>
        <translation>“%1”不是有效的 slurmrestd 地址：请使用 http(s)://HOST:PORT 或 unix:/path/to/slurmrestd.sock。</translation>
    </message>
    <message>
        <source>Unknown authentication "%1"; use local, token-file or scontrol.</source>
        <translation>未知的认证方式“%1”；请使用 local、token-file 或 scontrol。</translation>
    </message>
    <message>
        <source>Local authentication works only on a unix socket; give --token-file for %1.</source>
        <translation>local 认证仅适用于 unix 套接字；请为 %1 指定 --token-file。</translation>
    </message>
    <message>
        <source>The token file must be an absolute path, not "%1".</source>
        <translation>令牌文件必须是绝对路径，而不是“%1”。</translation>
    </message>
    <message>
        <source>The staging folder must be an absolute path that this machine and the cluster both see; give --staging DIR.</source>
        <translation>暂存文件夹必须是本机和集群都能访问的绝对路径；请指定 --staging DIR。</translation>
    </message>
    <message>
        <source>No Slurm user name; give --user.</source>
        <translation>缺少 Slurm 用户名；请指定 --user。</translation>
    </message>
    <message>
        <source>A pool named "%1" already exists; choose another name or remove it first.</source>
        <translation>名为“%1”的资源池已存在；请换一个名称，或先将其移除。</translation>
    </message>
    <message>
        <source>Unknown pool state "%1".</source>
        <translation>未知的资源池状态“%1”。</translation>
    </message>
    <message>
        <source>The local pool is this machine; it cannot be removed.</source>
        <translation>local 资源池即本机，无法移除。</translation>
    </message>
    <message>
        <source>Pool "%1" has %2 running tasks; stop their runs first.</source>
        <translation>资源池“%1”上有 %2 个正在运行的任务；请先停止这些任务所属的运行。</translation>
    </message>
    <message>
        <source>"%1" is not a Slurm user name: use 1–64 letters, digits, '.', '_' or '-', not starting with '-'.</source>
        <translation>“%1”不是有效的 Slurm 用户名：请使用 1–64 个字母、数字、“.”、“_”或“-”，且不能以“-”开头。</translation>
    </message>
    <message>
        <source>"%1" is not a Slurm partition name: use 1–64 letters, digits, '.', '_' or '-', not starting with '-'.</source>
        <translation>“%1”不是有效的 Slurm 分区名：请使用 1–64 个字母、数字、“.”、“_”或“-”，且不能以“-”开头。</translation>
    </message>
    <message>
        <source>"%1" is not a Slurm account name: use 1–64 letters, digits, '.', '_' or '-', not starting with '-'.</source>
        <translation>“%1”不是有效的 Slurm 账户名：请使用 1–64 个字母、数字、“.”、“_”或“-”，且不能以“-”开头。</translation>
    </message>
    <message>
        <source>The slurmrestd address %1 holds a user name or password; give only https://HOST:PORT and put credentials in a token file (--token-file).</source>
        <translation>slurmrestd 地址 %1 中包含用户名或密码；请只填写 https://HOST:PORT，并把凭据放入令牌文件（--token-file）。</translation>
    </message>
    <message>
        <source>The slurmrestd address %1 has a query or a fragment ('?' or '#'); give only https://HOST:PORT and put credentials in a token file (--token-file).</source>
        <translation>slurmrestd 地址 %1 中包含查询或片段（“?”或“#”）；请只填写 https://HOST:PORT，并把凭据放入令牌文件（--token-file）。</translation>
    </message>
    <message>
        <source>API version "%1" is not supported; use v0.0.36, v0.0.37 or v0.0.38.</source>
        <translation>不支持 API 版本“%1”；请使用 v0.0.36、v0.0.37 或 v0.0.38。</translation>
    </message>
    <message>
        <source>%1 would send the Slurm token unencrypted; use https:// (plain http:// is allowed only for 127.0.0.1, ::1 or localhost).</source>
        <translation>%1 会以明文发送 Slurm 令牌；请使用 https://（仅 127.0.0.1、::1 或 localhost 允许使用 http://）。</translation>
    </message>
    <message>
        <source>The slurmrestd address %1 has a path after the host; Atelier adds the API path (/slurm/%2/…) itself, and a token in the address would be stored in the catalog and shown by 'atelier pool list'. Give only https://HOST:PORT and put the token in a token file (--token-file).</source>
        <translation>slurmrestd 地址 %1 在主机后面带有路径；Atelier 会自行添加 API 路径（/slurm/%2/…），而地址中的令牌会被存入目录库并由 'atelier pool list' 显示。请只填写 https://HOST:PORT，并把令牌放入令牌文件（--token-file）。</translation>
    </message>
</context>
<context>
    <name>PoolTasks</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Every pool is online.</source>
        <translation>所有资源池均在线。</translation>
    </message>
    <message>
        <source>Pool %1 added: online.</source>
        <translation>已添加资源池 %1：在线。</translation>
    </message>
    <message>
        <source>Pool %1 added, but it is %2: %3</source>
        <translation>已添加资源池 %1，但其状态为 %2：%3</translation>
    </message>
</context>
<context>
    <name>PythonResolver</name>
    <message>
        <source>No python3 found. Install it with: apt-get install python3</source>
        <translation>未找到 python3。请使用以下命令安装：apt-get install python3</translation>
    </message>
    <message>
        <source>No Python can import %1 (tried %2). Install %3 with apt-get, or set an interpreter that has them in Settings.</source>
        <translation>没有能导入 %1 的 Python（已尝试 %2）。请使用 apt-get 安装 %3，或在“设置”中指定一个已安装这些包的解释器。</translation>
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
    <name>RemoveItemsCommand</name>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>删除 %n 个条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n link(s)</source>
        <translation>
            <numerusform>删除 %n 条连线</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunSnapshot</name>
    <message>
        <source>The pipeline of run %1 cannot be shown: %2</source>
        <translation>无法显示运行 %1 的流水线：%2</translation>
    </message>
</context>
<context>
    <name>RunStore</name>
    <message>
        <source>There is no run %1; 'atelier runs list' shows the runs.</source>
        <translation>没有运行 %1；'atelier runs list' 会列出所有运行记录。</translation>
    </message>
    <message>
        <source>the Atelier process running it (pid %1) ended unexpectedly</source>
        <translation>运行它的 Atelier 进程（pid %1）意外结束</translation>
    </message>
    <message>
        <source>Run %1 is %2; only a pending or running run can be stopped.</source>
        <translation>运行 %1 的状态为 %2；只能停止等待中或运行中的运行。</translation>
    </message>
    <message>
        <source>An experiment needs a name of 1 to 100 characters.</source>
        <translation>实验名称须为 1 到 100 个字符。</translation>
    </message>
    <message>
        <source>%1 already has a run for the slot %2; nothing was started.</source>
        <translation>%1 在调度时间 %2 已有一次运行；未启动任何内容。</translation>
    </message>
    <message>
        <source>Run %1 was imported from MLflow; Atelier does not run it, so it cannot stop it. Stop it where it runs.</source>
        <translation>运行 %1 是从 MLflow 导入的；Atelier 并不运行它，因此无法停止它。请在其运行的地方停止它。</translation>
    </message>
    <message>
        <source>The processes of run %1 (group %2) did not end, even after SIGKILL.</source>
        <translation>运行 %1 的进程（进程组 %2）即使在 SIGKILL 之后仍未结束。</translation>
    </message>
</context>
<context>
    <name>ScheduleService</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ServiceStore</name>
    <message>
        <source>No model version with id %1.</source>
        <translation>没有 id 为 %1 的模型版本。</translation>
    </message>
</context>
<context>
    <name>ServingCommands</name>
    <message>
        <source>'model %1' needs a model or a service.</source>
        <translation>'model %1' 需要指定模型或服务。</translation>
    </message>
    <message>
        <source>Unknown model action: %1</source>
        <translation>未知的 model 操作：%1</translation>
    </message>
    <message>
        <source> (pid %1)</source>
        <translation>（pid %1）</translation>
    </message>
    <message>
        <source>--host needs an address.</source>
        <translation>--host 需要一个地址。</translation>
    </message>
    <message>
        <source>--port needs a number from 0 to 65535, not '%1'.</source>
        <translation>--port 需要 0 到 65535 之间的数字，而不是“%1”。</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>已部署</translation>
    </message>
    <message>
        <source>Nothing to stop: no service of '%1' is running.</source>
        <translation>无需停止：“%1”没有正在运行的服务。</translation>
    </message>
    <message>
        <source>Stopped %1</source>
        <translation>已停止 %1</translation>
    </message>
    <message>
        <source>Restarted</source>
        <translation>已重启</translation>
    </message>
    <message>
        <source>'model predict' needs either --rows JSON or --input CSV --output CSV.</source>
        <translation>'model predict' 需要 --rows JSON，或 --input CSV --output CSV。</translation>
    </message>
    <message>
        <source>--input needs --output, the CSV to write.</source>
        <translation>--input 需要配合 --output（要写入的 CSV）使用。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n prediction(s) to %1</source>
        <translation>
            <numerusform>已将 %n 条预测结果写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>--rows needs a JSON list of rows, e.g. '[{"x": 1}]': %1</source>
        <translation>--rows 需要 JSON 格式的行列表，例如 '[{"x": 1}]'：%1</translation>
    </message>
    <message>
        <source>No services.</source>
        <translation>暂无服务。</translation>
    </message>
    <message>
        <source>SERVICE	MODEL	STATE	URL	PID	REQUESTS	MEAN MS	MESSAGE</source>
        <translation>服务	模型	状态	URL	PID	请求数	平均延迟(ms)	消息</translation>
    </message>
    <message>
        <source>deploy: the port to listen on (default: a free one).</source>
        <translation>deploy：监听的端口（默认：任一空闲端口）。</translation>
    </message>
    <message>
        <source>deploy: the address to listen on (default: 127.0.0.1, this machine only).</source>
        <translation>deploy：监听的地址（默认：127.0.0.1，仅限本机访问）。</translation>
    </message>
    <message>
        <source>predict: a CSV with the model's feature columns.</source>
        <translation>predict：包含模型特征列的 CSV。</translation>
    </message>
    <message>
        <source>predict: the CSV to write the predictions to.</source>
        <translation>predict：写入预测结果的 CSV。</translation>
    </message>
    <message>
        <source>predict: rows as JSON, e.g. '[{"x": 1.5}]'.</source>
        <translation>predict：JSON 格式的行，例如 '[{"x": 1.5}]'。</translation>
    </message>
    <message>
        <source>The service listens on %1 port %2: it is reachable from the network by anyone who can reach this machine (use --host 127.0.0.1 for this machine only).</source>
        <translation>服务监听 %1 的端口 %2：任何能访问本机的人都可以通过网络访问它（使用 --host 127.0.0.1 则仅限本机）。</translation>
    </message>
    <message>
        <source>--max-body-mb needs a number of MiB from 1 to %1, not '%2'.</source>
        <translation>--max-body-mb 需要 1 到 %1 之间的 MiB 数，而不是“%2”。</translation>
    </message>
    <message>
        <source>deploy: the largest request body the service accepts, in MiB; a bigger one is refused with HTTP 413 (default: %1). Kept by 'model restart'.</source>
        <translation>deploy：服务可接受的最大请求体，单位为 MiB；更大的请求体会以 HTTP 413 拒绝（默认：%1）。'model restart' 会保留此设置。</translation>
    </message>
</context>
<context>
    <name>SessionCommands</name>
    <message>
        <source>'session %1' takes a session's name.</source>
        <translation>'session %1' 需要一个会话名称。</translation>
    </message>
    <message>
        <source>unknown action 'session %1'.</source>
        <translation>未知操作“session %1”。</translation>
    </message>
    <message>
        <source>--cpus needs a whole number of at least 1.</source>
        <translation>--cpus 需要一个不小于 1 的整数。</translation>
    </message>
    <message>
        <source>--memory needs megabytes, at least 64.</source>
        <translation>--memory 需要以 MB 为单位的数值，至少为 64。</translation>
    </message>
    <message>
        <source>--gpus needs a whole number of at least 0.</source>
        <translation>--gpus 需要一个不小于 0 的整数。</translation>
    </message>
    <message>
        <source>--idle-timeout needs minutes (e.g. 30 or 0.5) or seconds (e.g. 20s), not '%1'.</source>
        <translation>--idle-timeout 需要分钟数（例如 30 或 0.5）或秒数（例如 20s），而不是“%1”。</translation>
    </message>
    <message>
        <source>--bind needs inputK=SOURCE with K from 0 to 4, not '%1'.</source>
        <translation>--bind 的格式为 inputK=SOURCE（K 为 0 到 4），而不是“%1”。</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>已启动</translation>
    </message>
    <message>
        <source>NAME	POOL	STATE	CPUS	MEMORY	GPUS	STARTED	MESSAGE</source>
        <translation>名称	资源池	状态	CPU	内存	GPU	开始时间	消息</translation>
    </message>
    <message>
        <source>Session %1 has no log yet.</source>
        <translation>会话 %1 还没有日志。</translation>
    </message>
    <message>
        <source>Could not start the browser; open %1 yourself.</source>
        <translation>无法启动浏览器；请自行打开 %1。</translation>
    </message>
    <message>
        <source>Opened %1 in the browser.</source>
        <translation>已在浏览器中打开 %1。</translation>
    </message>
    <message>
        <source>stopped: its supervising process was asked to end</source>
        <translation>已停止：其监管进程被要求结束</translation>
    </message>
    <message>
        <source>start: the session's name.</source>
        <translation>start：会话名称。</translation>
    </message>
    <message>
        <source>start: the pool to run on (default: local).</source>
        <translation>start：运行所用的资源池（默认：local）。</translation>
    </message>
    <message>
        <source>start: CPUs (default 1).</source>
        <translation>start：CPU 数（默认 1）。</translation>
    </message>
    <message>
        <source>start: memory in MB (default 2048).</source>
        <translation>start：内存，单位 MB（默认 2048）。</translation>
    </message>
    <message>
        <source>start: GPUs (default 0).</source>
        <translation>start：GPU 数（默认 0）。</translation>
    </message>
    <message>
        <source>start: inputK=SOURCE, bound read-only (repeatable); SOURCE is dataset:NAME[@V], model:NAME[:V|@ALIAS], run:RUN/NODE[/PORT] or path:DIR.</source>
        <translation>start：inputK=SOURCE，以只读方式绑定（可重复）；SOURCE 为 dataset:NAME[@V]、model:NAME[:V|@ALIAS]、run:RUN/NODE[/PORT] 或 path:DIR。</translation>
    </message>
    <message>
        <source>start: stop after this many minutes without activity (or seconds: 30s).</source>
        <translation>start：无活动达到此分钟数后停止（也可用秒数：30s）。</translation>
    </message>
</context>
<context>
    <name>SessionJail</name>
    <message>
        <source>unexpected argument '%1'</source>
        <translation>意外的参数“%1”</translation>
    </message>
    <message>
        <source>no program to run after '--'</source>
        <translation>“--”之后没有要运行的程序</translation>
    </message>
    <message>
        <source>cannot bind %1 onto %2: %3</source>
        <translation>无法将 %1 绑定到 %2：%3</translation>
    </message>
    <message>
        <source>cannot make %1 read-only: %2</source>
        <translation>无法将 %1 设为只读：%2</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>无法运行 %1：%2</translation>
    </message>
</context>
<context>
    <name>SessionSources</name>
    <message>
        <source>Cannot prepare %1.</source>
        <translation>无法准备 %1。</translation>
    </message>
    <message>
        <source>'%1' is not a source: use dataset:NAME[@VERSION], model:NAME[:V|@ALIAS], run:RUN/NODE[/PORT] or path:DIR.</source>
        <translation>“%1”不是有效的来源：请使用 dataset:NAME[@VERSION]、model:NAME[:V|@ALIAS]、run:RUN/NODE[/PORT] 或 path:DIR。</translation>
    </message>
    <message>
        <source>'%1': a run output is run:RUN/NODE or run:RUN/NODE/PORT.</source>
        <translation>“%1”：运行输出的格式为 run:RUN/NODE 或 run:RUN/NODE/PORT。</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 不是文件夹。</translation>
    </message>
    <message>
        <source>Task %1 of run %2 has no output folder %3 (state: %4).</source>
        <translation>运行 %2 的任务 %1 没有输出文件夹 %3（状态：%4）。</translation>
    </message>
    <message>
        <source>Run %1 has no task %2.</source>
        <translation>运行 %1 中没有任务 %2。</translation>
    </message>
</context>
<context>
    <name>SessionStore</name>
    <message>
        <source>Session %1 is %2; stop it first ('atelier session stop %1').</source>
        <translation>会话 %1 的状态为 %2；请先停止它（'atelier session stop %1'）。</translation>
    </message>
    <message>
        <source>The server of session %1 (process group %2) did not stop, even after SIGKILL.</source>
        <translation>会话 %1 的服务器（进程组 %2）即使在 SIGKILL 之后仍未停止。</translation>
    </message>
    <message>
        <source>the Atelier process supervising it (pid %1) ended unexpectedly; its server was stopped</source>
        <translation>监管它的 Atelier 进程（pid %1）意外结束；其服务器已停止</translation>
    </message>
</context>
<context>
    <name>Sessions</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Cannot link %1 to %2.</source>
        <translation>无法创建从 %1 指向 %2 的链接。</translation>
    </message>
    <message>
        <source>'%1' is not a session name: use a letter or digit, then letters, digits, '.', '_' or '-' (64 at most).</source>
        <translation>“%1”不是有效的会话名称：请以字母或数字开头，其后可使用字母、数字、'.'、'_' 或 '-'（最多 64 个字符）。</translation>
    </message>
    <message>
        <source>Bind each of input0…input4 at most once (input%1).</source>
        <translation>input0…input4 每个最多只能绑定一次（input%1）。</translation>
    </message>
    <message>
        <source>A session needs at least 1 CPU and 64 MB of memory, no negative GPUs and no negative idle timeout.</source>
        <translation>会话至少需要 1 个 CPU 和 64 MB 内存，且 GPU 数和空闲超时均不能为负数。</translation>
    </message>
    <message>
        <source>input%1 (%2): %3</source>
        <translation>input%1（%2）：%3</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>Session %1 vanished.</source>
        <translation>会话 %1 已消失。</translation>
    </message>
    <message>
        <source>The session's supervisor ended: %1</source>
        <translation>会话的监管进程已结束：%1</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <source>The server of session %1 (process group %2) did not stop, even after SIGKILL.</source>
        <translation>会话 %1 的服务器（进程组 %2）即使在 SIGKILL 之后仍未停止。</translation>
    </message>
    <message>
        <source>stopped by the user; its supervisor did not answer within %1 s</source>
        <translation>已由用户停止；其监管进程未在 %1 秒内响应</translation>
    </message>
    <message>
        <source>No session named %1 ('atelier session list' shows them).</source>
        <translation>没有名为 %1 的会话（'atelier session list' 可列出所有会话）。</translation>
    </message>
    <message>
        <source>Session %1 is %2, not running.</source>
        <translation>会话 %1 的状态为 %2，而非运行中。</translation>
    </message>
</context>
<context>
    <name>SlurmClient</name>
    <message>
        <source>The token file %1 does not exist; write a token from 'scontrol token' into it (mode 0600).</source>
        <translation>令牌文件 %1 不存在；请将 'scontrol token' 生成的令牌写入该文件（权限 0600）。</translation>
    </message>
    <message>
        <source>The token file %1 is not a file.</source>
        <translation>令牌文件 %1 不是文件。</translation>
    </message>
    <message>
        <source>The token file %1 can be read by others (mode %2); run 'chmod 600 %1' and try again.</source>
        <translation>令牌文件 %1 可被其他用户读取（权限 %2）；请运行 'chmod 600 %1' 后重试。</translation>
    </message>
    <message>
        <source>Cannot read the token file %1: %2.</source>
        <translation>无法读取令牌文件 %1：%2。</translation>
    </message>
    <message>
        <source>The token file %1 does not hold one token on one line.</source>
        <translation>令牌文件 %1 的内容不是单独一行的一个令牌。</translation>
    </message>
    <message>
        <source>scontrol is not installed here, so no token can be minted; give the pool a token file instead.</source>
        <translation>本机未安装 scontrol，无法签发令牌；请改为给资源池指定令牌文件。</translation>
    </message>
    <message>
        <source>'scontrol token' failed: %1</source>
        <translation>'scontrol token' 失败：%1</translation>
    </message>
    <message>
        <source>'scontrol token' printed no token.</source>
        <translation>'scontrol token' 未输出任何令牌。</translation>
    </message>
    <message>
        <source>libcurl could not start a request.</source>
        <translation>libcurl 无法发起请求。</translation>
    </message>
    <message>
        <source>slurmrestd at %1 does not answer: %2</source>
        <translation>位于 %1 的 slurmrestd 无响应：%2</translation>
    </message>
    <message>
        <source>slurmrestd at %1 refused the credentials (HTTP %2); check the user and the token.</source>
        <translation>位于 %1 的 slurmrestd 拒绝了凭据（HTTP %2）；请检查用户和令牌。</translation>
    </message>
    <message>
        <source>slurmrestd at %1 failed (HTTP %2).</source>
        <translation>位于 %1 的 slurmrestd 出错（HTTP %2）。</translation>
    </message>
    <message>
        <source>slurmrestd at %1 answered HTTP %2 without JSON (is API version %3 enabled?).</source>
        <translation>位于 %1 的 slurmrestd 返回了 HTTP %2，但没有 JSON 内容（是否已启用 API 版本 %3？）。</translation>
    </message>
    <message>
        <source>Slurm refused: %1</source>
        <translation>Slurm 拒绝了请求：%1</translation>
    </message>
    <message>
        <source>slurmrestd at %1 answered HTTP %2.</source>
        <translation>位于 %1 的 slurmrestd 返回了 HTTP %2。</translation>
    </message>
    <message>
        <source>slurmrestd answers but no Slurm controller is up.</source>
        <translation>slurmrestd 有响应，但没有正在运行的 Slurm 控制器。</translation>
    </message>
    <message>
        <source>The cluster has no nodes.</source>
        <translation>集群中没有节点。</translation>
    </message>
    <message>
        <source>Partition "%1" does not exist or has no nodes.</source>
        <translation>分区“%1”不存在或没有节点。</translation>
    </message>
    <message>
        <source>No node can take work: %1</source>
        <translation>没有可接受作业的节点：%1</translation>
    </message>
    <message>
        <source>slurmrestd accepted the job but gave no job id.</source>
        <translation>slurmrestd 接受了作业，但未返回作业 ID。</translation>
    </message>
    <message>
        <source>Slurm does not know job %1.</source>
        <translation>Slurm 中找不到作业 %1。</translation>
    </message>
    <message>
        <source>The token file %1 is a symbolic link; give the path of the file itself.</source>
        <translation>令牌文件 %1 是符号链接；请给出文件本身的路径。</translation>
    </message>
    <message>
        <source>The token file %1 belongs to another user; copy the token into a file of your own (mode 0600).</source>
        <translation>令牌文件 %1 属于其他用户；请把令牌复制到您自己的文件中（权限 0600）。</translation>
    </message>
</context>
<context>
    <name>SweepConfig</name>
    <message>
        <source>The sweep file lacks its name, pipeline or parameters.</source>
        <translation>扫描文件缺少名称、流水线或参数。</translation>
    </message>
    <message>
        <source>--objective %1: write NODE.METRIC, e.g. train.accuracy.</source>
        <translation>--objective %1：请写成 NODE.METRIC，例如 train.accuracy。</translation>
    </message>
    <message>
        <source>%1: %2 is swept twice.</source>
        <translation>%1：%2 被扫描了两次。</translation>
    </message>
    <message>
        <source>%1: the pipeline has no node "%2" (its nodes: %3).</source>
        <translation>%1：流水线中没有节点“%2”（其节点：%3）。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: node %2 (%3) has no parameter "%4" (it has: %5).</source>
        <translation>%1：节点 %2（%3）没有参数“%4”（其参数：%5）。</translation>
    </message>
    <message>
        <source>--objective %1.%2: the pipeline has no node "%1" (its nodes: %3).</source>
        <translation>--objective %1.%2：流水线中没有节点“%1”（其节点：%3）。</translation>
    </message>
    <message>
        <source>--param %1: the grid sampler takes int(…) and choice(…) only; a float range has no grid.</source>
        <translation>--param %1：grid 采样器仅接受 int(…) 和 choice(…)；float 范围无法构成网格。</translation>
    </message>
    <message>
        <source>the choice %1 does not fit %2 (a %3 parameter): %4</source>
        <translation>选项 %1 不适用于 %2（%3 参数）：%4</translation>
    </message>
    <message>
        <source>%1 is a %2 parameter; a range fits only int and float parameters (use choice(…))</source>
        <translation>%1 是 %2 参数；取值范围只适用于 int 和 float 参数（请使用 choice(…)）</translation>
    </message>
    <message>
        <source>%1 is an int parameter; sweep it with int(LO,HI[,STEP])</source>
        <translation>%1 是 int 参数；请用 int(LO,HI[,STEP]) 对其进行扫描</translation>
    </message>
    <message>
        <source>the range leaves the schema of %1: %2</source>
        <translation>该取值范围超出了 %1 的参数定义：%2</translation>
    </message>
    <message>
        <source>%1: write NODE.PARAM=SPEC, where SPEC is float(LO,HI), logfloat(LO,HI), int(LO,HI[,STEP]) or choice(A,B,…).</source>
        <translation>%1：请写成 NODE.PARAM=SPEC，其中 SPEC 为 float(LO,HI)、logfloat(LO,HI)、int(LO,HI[,STEP]) 或 choice(A,B,…)。</translation>
    </message>
    <message>
        <source>%1: unknown kind "%2"; use float, logfloat, int or choice.</source>
        <translation>%1：未知的类型“%2”；请使用 float、logfloat、int 或 choice。</translation>
    </message>
    <message>
        <source>%1: choice(…) needs one or more values, none empty.</source>
        <translation>%1：choice(…) 需要一个或多个值，且均不能为空。</translation>
    </message>
    <message>
        <source>%1: int takes (LO,HI) or (LO,HI,STEP).</source>
        <translation>%1：int 接受 (LO,HI) 或 (LO,HI,STEP)。</translation>
    </message>
    <message>
        <source>%1: %2 takes (LO,HI).</source>
        <translation>%1：%2 接受 (LO,HI)。</translation>
    </message>
    <message>
        <source>%1: the bounds and step of int(…) must be whole numbers.</source>
        <translation>%1：int(…) 的上下界和步长必须是整数。</translation>
    </message>
    <message>
        <source>%1: the bounds of %2(…) must be numbers.</source>
        <translation>%1：%2(…) 的上下界必须是数字。</translation>
    </message>
    <message>
        <source>%1: the low bound must be below the high bound.</source>
        <translation>%1：下界必须小于上界。</translation>
    </message>
    <message>
        <source>%1: the step must be 1 or more.</source>
        <translation>%1：步长必须不小于 1。</translation>
    </message>
    <message>
        <source>%1: logfloat needs a low bound above 0.</source>
        <translation>%1：logfloat 的下界必须大于 0。</translation>
    </message>
    <message>
        <source>%1: sweep.params.%2</source>
        <translation>%1：sweep.params.%2</translation>
    </message>
    <message>
        <source>%1: sweep.objective: write NODE.METRIC, e.g. train.accuracy.</source>
        <translation>%1：sweep.objective：请写成 NODE.METRIC，例如 train.accuracy。</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
</context>
<context>
    <name>SweepDriver</name>
    <message>
        <source>The sweep helper %1 is missing; reinstall Atelier or set ATELIER_SWEEPS_DIR to its folder.</source>
        <translation>缺少扫描辅助程序 %1；请重新安装 Atelier，或将 ATELIER_SWEEPS_DIR 设为其所在文件夹。</translation>
    </message>
    <message>
        <source>Sweeps need Optuna, and no Python here has it: %1. Install the Debian package python3-optuna (or 'pip install optuna').</source>
        <translation>扫描需要 Optuna，但此处没有任何 Python 安装了它：%1。请安装 Debian 软件包 python3-optuna（或 'pip install optuna'）。</translation>
    </message>
    <message>
        <source>The sweep helper is not running.</source>
        <translation>扫描辅助程序未在运行。</translation>
    </message>
    <message>
        <source>The sweep helper gave no answer to "%1"%2</source>
        <translation>扫描辅助程序未对“%1”作出回应%2</translation>
    </message>
    <message>
        <source>Optuna refused "%1": %2</source>
        <translation>Optuna 拒绝了“%1”：%2</translation>
    </message>
</context>
<context>
    <name>SweepStore</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>A sweep named %1 exists; choose another --name, or 'atelier sweep resume %1'.</source>
        <translation>名为 %1 的扫描已存在；请选择其他 --name，或执行 'atelier sweep resume %1'。</translation>
    </message>
    <message>
        <source>Could not make %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>No sweep is named "%1"; this workspace has none.</source>
        <translation>没有名为“%1”的扫描；此工作区中没有任何扫描。</translation>
    </message>
    <message>
        <source>No sweep is named "%1" (sweeps: %2).</source>
        <translation>没有名为“%1”的扫描（现有扫描：%2）。</translation>
    </message>
    <message>
        <source>Could not ask sweep %1 to stop: %2</source>
        <translation>无法请求扫描 %1 停止：%2</translation>
    </message>
    <message>
        <source>Sweep %1 is not running (it is %2).</source>
        <translation>扫描 %1 未在运行（其状态为 %2）。</translation>
    </message>
</context>
<context>
    <name>TemplateLibrary</name>
    <message>
        <source>template folder %1 does not exist</source>
        <translation>模板文件夹 %1 不存在</translation>
    </message>
    <message>
        <source>%1/template.json: template %2 is already defined in %3</source>
        <translation>%1/template.json：模板 %2 已在 %3 中定义</translation>
    </message>
    <message>
        <source>unknown template '%1'</source>
        <translation>未知模板“%1”</translation>
    </message>
    <message>
        <source>template %1 has no version %2 (available: %3)</source>
        <translation>模板 %1 没有版本 %2（可用版本：%3）</translation>
    </message>
    <message>
        <source>a link that leads nowhere</source>
        <translation>指向不存在目标的链接</translation>
    </message>
    <message>
        <source>template folder %1 is not used: %2 is %3, outside the workspace and the installed templates (%4). Copy the templates into the workspace instead of linking to them.</source>
        <translation>未使用模板文件夹 %1：%2 是 %3，位于工作空间和已安装模板（%4）之外。请将模板复制到工作空间中，而不是链接到它们。</translation>
    </message>
</context>
<context>
    <name>TemplateSpec</name>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1：%2：%3</translation>
    </message>
    <message>
        <source>unknown field (expected one of: %1)</source>
        <translation>未知字段（应为以下之一：%1）</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>expected a string (got %1)</source>
        <translation>应为字符串（实际为 %1）</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>expected true or false (got %1)</source>
        <translation>应为 true 或 false（实际为 %1）</translation>
    </message>
    <message>
        <source>expected an array (got %1)</source>
        <translation>应为数组（实际为 %1）</translation>
    </message>
    <message>
        <source>expected an object (got %1)</source>
        <translation>应为对象（实际为 %1）</translation>
    </message>
    <message>
        <source>'%1' is not a valid name: use letters, digits and '_', not starting with a digit</source>
        <translation>“%1”不是有效的名称：只能使用字母、数字和“_”，且不能以数字开头</translation>
    </message>
    <message>
        <source>'%1' is declared twice</source>
        <translation>“%1”被声明了两次</translation>
    </message>
    <message>
        <source>unknown port type '%1' (expected one of: %2)</source>
        <translation>未知的端口类型“%1”（应为以下之一：%2）</translation>
    </message>
    <message>
        <source>unknown parameter type '%1' (expected one of: %2)</source>
        <translation>未知的参数类型“%1”（应为以下之一：%2）</translation>
    </message>
    <message>
        <source>only enum parameters have choices</source>
        <translation>只有 enum 参数才有 choices</translation>
    </message>
    <message>
        <source>expected a non-empty array of strings</source>
        <translation>应为非空的字符串数组</translation>
    </message>
    <message>
        <source>'%1' is listed twice</source>
        <translation>“%1”被列出了两次</translation>
    </message>
    <message>
        <source>an enum parameter needs a non-empty array of choices</source>
        <translation>enum 参数需要一个非空的 choices 数组</translation>
    </message>
    <message>
        <source>only int and float parameters have a range</source>
        <translation>只有 int 和 float 参数才有取值范围</translation>
    </message>
    <message>
        <source>expected [min, max] numbers</source>
        <translation>应为 [min, max] 两个数字</translation>
    </message>
    <message>
        <source>min %1 is above max %2</source>
        <translation>最小值 %1 大于最大值 %2</translation>
    </message>
    <message>
        <source>only string, text and path parameters have a regex</source>
        <translation>只有 string、text 和 path 参数才有正则表达式</translation>
    </message>
    <message>
        <source>invalid regular expression at offset %1: %2</source>
        <translation>正则表达式在偏移量 %1 处无效：%2</translation>
    </message>
    <message>
        <source>expected a non-negative whole number (got %1)</source>
        <translation>应为非负整数（实际为 %1）</translation>
    </message>
    <message>
        <source>the program must not be empty</source>
        <translation>程序不能为空</translation>
    </message>
    <message>
        <source>%1 names no declared parameter</source>
        <translation>%1 不是已声明的参数</translation>
    </message>
    <message>
        <source>%1 names no declared input</source>
        <translation>%1 不是已声明的输入</translation>
    </message>
    <message>
        <source>%1 names no declared output</source>
        <translation>%1 不是已声明的输出</translation>
    </message>
    <message>
        <source>%1: not valid JSON at offset %2: %3</source>
        <translation>%1：在偏移量 %2 处不是有效的 JSON：%3</translation>
    </message>
    <message>
        <source>%1: expected a JSON object with id, version, name and command</source>
        <translation>%1：应为包含 id、version、name 和 command 的 JSON 对象</translation>
    </message>
    <message>
        <source>'%1' is not a valid id: use lower-case letters, digits and '-', starting with a letter</source>
        <translation>“%1”不是有效的 ID：只能使用小写字母、数字和“-”，且必须以字母开头</translation>
    </message>
    <message>
        <source>'%1' is not a version such as 1.0 or 1.2.3</source>
        <translation>“%1”不是有效的版本号，例如 1.0 或 1.2.3</translation>
    </message>
    <message>
        <source>%1: cannot read %2: %3</source>
        <translation>%1：无法读取 %2：%3</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>必须填写值</translation>
    </message>
    <message>
        <source>must be text (got %1)</source>
        <translation>必须是文本（实际为 %1）</translation>
    </message>
    <message>
        <source>%1 does not match %2</source>
        <translation>%1 与 %2 不匹配</translation>
    </message>
    <message>
        <source>must be a number (got %1)</source>
        <translation>必须是数字（实际为 %1）</translation>
    </message>
    <message>
        <source>must be a whole number (got %1)</source>
        <translation>必须是整数（实际为 %1）</translation>
    </message>
    <message>
        <source>must be between %1 and %2 (got %3)</source>
        <translation>必须介于 %1 和 %2 之间（实际为 %3）</translation>
    </message>
    <message>
        <source>must be at least %1 (got %2)</source>
        <translation>必须至少为 %1（实际为 %2）</translation>
    </message>
    <message>
        <source>must be at most %1 (got %2)</source>
        <translation>必须至多为 %1（实际为 %2）</translation>
    </message>
    <message>
        <source>must be true or false (got %1)</source>
        <translation>必须是 true 或 false（实际为 %1）</translation>
    </message>
    <message>
        <source>must be one of %1 (got %2)</source>
        <translation>必须是 %1 之一（实际为 %2）</translation>
    </message>
    <message>
        <source>the template has no such port</source>
        <translation>模板没有此端口</translation>
    </message>
    <message>
        <source>the template has no parameter '%1'</source>
        <translation>模板没有参数“%1”</translation>
    </message>
    <message>
        <source>unknown strategy "%1" (known: %2)</source>
        <translation>未知的策略“%1”（已知策略：%2）</translation>
    </message>
    <message>
        <source>a distributed template's command starts with {python}</source>
        <translation>分布式模板的命令必须以 {python} 开头</translation>
    </message>
    <message>
        <source>must be an object such as {"image": "NAME:TAG"}</source>
        <translation>必须是对象，例如 {"image": "NAME:TAG"}</translation>
    </message>
</context>
<context>
    <name>TextAgreement</name>
    <message>
        <source>Agreement is measured on text datasets; "%1" holds images.</source>
        <translation>一致性针对文本数据集计算；“%1”包含的是图像。</translation>
    </message>
    <message>
        <source>Name two different annotators to compare (see the dataset's authors).</source>
        <translation>请指定两名不同的标注员进行比较（参见数据集的作者）。</translation>
    </message>
    <message>
        <source>Annotation %1 is not on item %2; choose among the item's annotations.</source>
        <translation>标注 %1 不在条目 %2 上；请从该条目的标注中选择。</translation>
    </message>
    <message>
        <source>adjudicated</source>
        <translation>已裁决</translation>
    </message>
</context>
<context>
    <name>TextBulkWriter</name>
    <message>
        <source>the text is empty</source>
        <translation>文本为空</translation>
    </message>
    <message>
        <source>a text pair needs its second text (text_b); it is empty</source>
        <translation>文本对需要第二段文本 (text_b)；该文本为空</translation>
    </message>
    <message>
        <source>a %1 annotation does not fit a %2 dataset</source>
        <translation>%1 标注不适用于 %2 数据集</translation>
    </message>
    <message>
        <source>the annotation has no label</source>
        <translation>标注没有标签</translation>
    </message>
    <message>
        <source>the span [%1, %2) is not inside the text (%3 characters)</source>
        <translation>片段 [%1, %2) 不在文本范围内（%3 个字符）</translation>
    </message>
    <message>
        <source>the span [%1, %2) overlaps "%3" [%4, %5); this dataset does not allow overlapping spans</source>
        <translation>片段 [%1, %2) 与“%3” [%4, %5) 重叠；此数据集不允许片段重叠</translation>
    </message>
    <message>
        <source>a pair score must lie between 0 and 1</source>
        <translation>文本对评分必须介于 0 和 1 之间</translation>
    </message>
    <message>
        <source>this dataset scores pairs from 0 to 1; the score is missing</source>
        <translation>此数据集以 0 到 1 为文本对评分；缺少评分</translation>
    </message>
    <message>
        <source>this dataset takes one label per item; "%1" was left out</source>
        <translation>此数据集每个条目只接受一个标签；已略去“%1”</translation>
    </message>
</context>
<context>
    <name>TextCodec</name>
    <message>
        <source>the line is not valid UTF-8; save the file as UTF-8</source>
        <translation>该行不是有效的 UTF-8；请将文件保存为 UTF-8</translation>
    </message>
    <message>
        <source>the span [%1, %2) "%3" is not inside the text (%4 UTF-16 units)</source>
        <translation>片段 [%1, %2) “%3” 不在文本范围内（文本长 %4 个 UTF-16 单元）</translation>
    </message>
    <message>
        <source>the span [%1, %2) covers "%3", not "%4" as the file says</source>
        <translation>片段 [%1, %2) 覆盖的是“%3”，而不是文件中所写的“%4”</translation>
    </message>
    <message>
        <source>the span [%1, %2) cuts an emoji or other character in two</source>
        <translation>片段 [%1, %2) 将一个表情符号或其他字符切成了两半</translation>
    </message>
    <message>
        <source>"text" is not a string</source>
        <translation>"text" 不是字符串</translation>
    </message>
    <message>
        <source>"score" is not a number</source>
        <translation>"score" 不是数字</translation>
    </message>
    <message>
        <source>"label" is neither a label, a list of labels nor spans</source>
        <translation>"label" 既不是标签、标签列表，也不是片段</translation>
    </message>
    <message>
        <source>a label entry is neither a label nor a span</source>
        <translation>某个标签条目既不是标签也不是片段</translation>
    </message>
    <message>
        <source>"spans" is not a list</source>
        <translation>"spans" 不是列表</translation>
    </message>
    <message>
        <source>a span needs a start, an end and a label</source>
        <translation>片段需要起点、终点和标签</translation>
    </message>
    <message>
        <source>the record has no text</source>
        <translation>该记录没有文本</translation>
    </message>
    <message>
        <source>not JSON (%1 at column %2)</source>
        <translation>不是有效的 JSON（%1，位于第 %2 列）</translation>
    </message>
    <message>
        <source>the line is not a JSON object</source>
        <translation>该行不是 JSON 对象</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>The Label Studio file is not valid UTF-8; export it again as JSON.</source>
        <translation>Label Studio 文件不是有效的 UTF-8；请重新导出为 JSON。</translation>
    </message>
    <message>
        <source>The Label Studio file is not JSON (%1 at byte %2); export it again as JSON.</source>
        <translation>Label Studio 文件不是有效的 JSON（%1，位于第 %2 字节）；请重新导出为 JSON。</translation>
    </message>
    <message>
        <source>task %1: %2</source>
        <translation>任务 %1：%2</translation>
    </message>
    <message>
        <source>The file is empty; a CSV needs a header line and rows.</source>
        <translation>文件为空；CSV 需要一个表头行和若干数据行。</translation>
    </message>
    <message>
        <source>line 1: the header is not valid UTF-8; save the file as UTF-8.</source>
        <translation>第 1 行：表头不是有效的 UTF-8；请将文件保存为 UTF-8。</translation>
    </message>
    <message>
        <source>line 1: there is no column "%1"; the header has: %2. Nothing was imported; name the column with %3.</source>
        <translation>第 1 行：没有“%1”列；表头包含：%2。未导入任何内容；请用 %3 指定列名。</translation>
    </message>
    <message>
        <source>line 1: no text column found (looked for "text", "sentence", "content", …); the header has: %1. Nothing was imported; name it with --text-column.</source>
        <translation>第 1 行：未找到文本列（查找了 "text"、"sentence"、"content" 等）；表头包含：%1。未导入任何内容；请用 --text-column 指定列名。</translation>
    </message>
    <message>
        <source>a quoted field is not closed; the rest of the file was read as part of it</source>
        <translation>有一个带引号的字段未闭合；文件的其余部分都被当作该字段读取</translation>
    </message>
    <message>
        <source>the row has %1 fields, the header %2</source>
        <translation>该行有 %1 个字段，而表头有 %2 个</translation>
    </message>
    <message>
        <source>the score "%1" is not a number</source>
        <translation>分数“%1”不是数字</translation>
    </message>
    <message>
        <source>the spans cell is not a JSON list</source>
        <translation>spans 单元格不是 JSON 列表</translation>
    </message>
    <message>
        <source>"%1" is not a BIO tag (write O, B-LABEL or I-LABEL); the sentence was skipped</source>
        <translation>“%1”不是 BIO 标记（应写作 O、B-LABEL 或 I-LABEL）；已跳过该句</translation>
    </message>
    <message>
        <source>"%1" has no tag column (write TOKEN&lt;tab&gt;TAG); the sentence was skipped</source>
        <translation>“%1”没有标记列（应写作 TOKEN&lt;tab&gt;TAG）；已跳过该句</translation>
    </message>
    <message>
        <source>Unknown text format "%1"; use one of: %2.</source>
        <translation>未知的文本格式“%1”；请使用以下格式之一：%2。</translation>
    </message>
    <message>
        <source>item %1: the span [%2, %3) "%4" overlaps [%5, %6) "%7"; BIO cannot hold both, it was left out</source>
        <translation>条目 %1：片段 [%2, %3) “%4” 与 [%5, %6) “%7” 重叠；BIO 无法同时表示两者，已略去</translation>
    </message>
    <message>
        <source>the span [%1, %2) has no label</source>
        <translation>片段 [%1, %2) 没有标签</translation>
    </message>
    <message>
        <source>the span [%1, %2) "%3" is not inside the text (%4 characters; offsets count Unicode code points)</source>
        <translation>片段 [%1, %2) “%3” 不在文本范围内（文本长 %4 个字符；偏移量按 Unicode 码位计数）</translation>
    </message>
</context>
<context>
    <name>TextCommands</name>
    <message>
        <source>give the dataset's NAME</source>
        <translation>请指定数据集的 NAME</translation>
    </message>
    <message>
        <source>'dataset suggest' needs either --from FILE --model NAME[@VERSION] or --template ID.</source>
        <translation>'dataset suggest' 需要 --from FILE --model NAME[@VERSION] 或 --template ID。</translation>
    </message>
    <message>
        <source>'dataset suggest --from' needs --model NAME[@VERSION].</source>
        <translation>'dataset suggest --from' 需要 --model NAME[@VERSION]。</translation>
    </message>
    <message>
        <source>--param takes NAME=VALUE, not '%1'.</source>
        <translation>--param 的格式为 NAME=VALUE，而不是 '%1'。</translation>
    </message>
    <message>
        <source>suggest: %1…</source>
        <translation>suggest：%1…</translation>
    </message>
    <message>
        <source>%1 suggestions from %2 on %3 items of "%4" (%5 records read, %6 skipped).</source>
        <translation>%2 在 "%4" 的 %3 个条目上给出了 %1 条建议（读取 %5 条记录，跳过 %6 条）。</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>'dataset agreement' needs --authors A,B (two annotators).</source>
        <translation>'dataset agreement' 需要 --authors A,B（两名标注员）。</translation>
    </message>
    <message>
        <source>%1 items annotated by both %2 and %3.</source>
        <translation>%1 个条目同时由 %2 和 %3 标注。</translation>
    </message>
    <message>
        <source>Span F1 %1 (precision %2, recall %3; %4 of %5 / %6 spans match exactly).</source>
        <translation>片段 F1 %1（精确率 %2，召回率 %3；%5 / %6 个片段中有 %4 个完全匹配）。</translation>
    </message>
    <message>
        <source>Cohen's kappa %1 (observed agreement %2, expected by chance %3).</source>
        <translation>Cohen's kappa %1（观察一致性 %2，随机期望一致性 %3）。</translation>
    </message>
    <message>
        <source>ITEM</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>'dataset resolve' needs --item ID and --keep ID[,ID…] (annotation ids from 'dataset agreement --json').</source>
        <translation>'dataset resolve' 需要 --item ID 和 --keep ID[,ID…]（标注 id 来自 'dataset agreement --json'）。</translation>
    </message>
    <message>
        <source>--keep takes annotation ids separated by commas, not '%1'.</source>
        <translation>--keep 接受以逗号分隔的标注 id，而不是 '%1'。</translation>
    </message>
    <message>
        <source>Item %1 is not in "%2".</source>
        <translation>条目 %1 不在 "%2" 中。</translation>
    </message>
    <message>
        <source>Item %1 resolved: %2 annotations kept, the others set aside.</source>
        <translation>条目 %1 已裁决：保留 %2 条标注，其余已搁置。</translation>
    </message>
    <message>
        <source>--measure is least-confidence or margin, not '%1'.</source>
        <translation>--measure 应为 least-confidence 或 margin，而不是 '%1'。</translation>
    </message>
    <message>
        <source>--limit takes a whole number (0: every item).</source>
        <translation>--limit 需要一个整数（0：全部条目）。</translation>
    </message>
    <message>
        <source>UNCERTAINTY</source>
        <translation>不确定度</translation>
    </message>
    <message>
        <source>SUGGESTED</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>import csv/tsv: the text column.</source>
        <translation>import csv/tsv：文本列。</translation>
    </message>
    <message>
        <source>import csv/tsv: the label column.</source>
        <translation>import csv/tsv：标签列。</translation>
    </message>
    <message>
        <source>import csv/tsv: the second text of a pair.</source>
        <translation>import csv/tsv：文本对中的第二段文本。</translation>
    </message>
    <message>
        <source>import csv/tsv: a 0–1 pair score.</source>
        <translation>import csv/tsv：0–1 的文本对评分。</translation>
    </message>
    <message>
        <source>import csv/tsv: spans as a JSON list.</source>
        <translation>import csv/tsv：以 JSON 列表表示的片段。</translation>
    </message>
    <message>
        <source>suggest: a predictions JSONL file.</source>
        <translation>suggest：预测结果 JSONL 文件。</translation>
    </message>
    <message>
        <source>suggest: the model, NAME[@VERSION].</source>
        <translation>suggest：模型，NAME[@VERSION]。</translation>
    </message>
    <message>
        <source>suggest: run a suggester (text-tfidf-suggest, text-dict-suggest).</source>
        <translation>suggest：运行建议器（text-tfidf-suggest、text-dict-suggest）。</translation>
    </message>
    <message>
        <source>suggest: a template param NAME=VALUE.</source>
        <translation>suggest：模板参数 NAME=VALUE。</translation>
    </message>
    <message>
        <source>agreement: two annotators A,B.</source>
        <translation>agreement：两名标注员 A,B。</translation>
    </message>
    <message>
        <source>resolve: the item id.</source>
        <translation>resolve：条目 id。</translation>
    </message>
    <message>
        <source>resolve: the annotation ids to keep.</source>
        <translation>resolve：要保留的标注 id。</translation>
    </message>
    <message>
        <source>queue: least-confidence (default) or margin.</source>
        <translation>queue：least-confidence（默认）或 margin。</translation>
    </message>
    <message>
        <source>queue: items shown (0: all; default 20).</source>
        <translation>queue：显示的条目数（0：全部；默认 20）。</translation>
    </message>
    <message>
        <source>queue: labeled items too.</source>
        <translation>queue：同时包括已标注的条目。</translation>
    </message>
    <message>
        <source>Text datasets:
  atelier dataset import FILE --name N --format txt|csv|tsv|jsonl|conll|labelstudio|doccano
          [--task text_classification|entities|pairs] [--text-column C]
          [--label-column C] [--text-b-column C] [--score-column C] [--spans-column C]
          Bad lines are skipped and listed with their line number; the rest is imported.
          A file that cannot be read at all (no text column) imports nothing.
  atelier dataset suggest N --from FILE --model NAME[@VERSION]
          import a model's predictions as suggestions (source model:NAME@VERSION)
  atelier dataset suggest N --template text-tfidf-suggest|text-dict-suggest
          [--param NAME=VALUE]…   train / match on the dataset and suggest
  atelier dataset queue N [--measure least-confidence|margin] [--limit K] [--all]
          unlabeled items, the model's least certain first (active learning)
  atelier dataset agreement N --authors A,B   Cohen's kappa or span F1, disagreements
  atelier dataset resolve N --item ID --keep ID[,ID…]   adjudicate a disagreement
</source>
        <translation>文本数据集：
  atelier dataset import FILE --name N --format txt|csv|tsv|jsonl|conll|labelstudio|doccano
          [--task text_classification|entities|pairs] [--text-column C]
          [--label-column C] [--text-b-column C] [--score-column C] [--spans-column C]
          有问题的行会被跳过并列出其行号；其余内容照常导入。
          完全无法读取的文件（没有文本列）不会导入任何内容。
  atelier dataset suggest N --from FILE --model NAME[@VERSION]
          将模型的预测导入为建议（来源 model:NAME@VERSION）
  atelier dataset suggest N --template text-tfidf-suggest|text-dict-suggest
          [--param NAME=VALUE]…   在数据集上训练/匹配并给出建议
  atelier dataset queue N [--measure least-confidence|margin] [--limit K] [--all]
          未标注的条目，模型最不确定的排在前面（主动学习）
  atelier dataset agreement N --authors A,B   Cohen's kappa 或片段 F1，以及分歧
  atelier dataset resolve N --item ID --keep ID[,ID…]   裁决一处分歧
</translation>
    </message>
    <message>
        <source>Add span "%1"</source>
        <translation>添加片段 "%1"</translation>
    </message>
    <message>
        <source>Relabel as "%1"</source>
        <translation>重新标记为 "%1"</translation>
    </message>
    <message>
        <source>Delete "%1"</source>
        <translation>删除 "%1"</translation>
    </message>
    <message>
        <source>Accept suggestion "%1"</source>
        <translation>接受建议 "%1"</translation>
    </message>
    <message>
        <source>Reject suggestion "%1"</source>
        <translation>拒绝建议 "%1"</translation>
    </message>
    <message>
        <source>Clear labels</source>
        <translation>清除标签</translation>
    </message>
    <message>
        <source>Label as %1</source>
        <translation>标记为 %1</translation>
    </message>
    <message>
        <source>Score %1</source>
        <translation>评分 %1</translation>
    </message>
    <message>
        <source>Judge pair "%1"</source>
        <translation>判定文本对 "%1"</translation>
    </message>
    <message>
        <source>Nothing to compare: 'dataset show %1' lists who annotated it.</source>
        <translation>没有可比较的条目：'dataset show %1' 会列出标注过它的人。</translation>
    </message>
</context>
<context>
    <name>TextFormats</name>
    <message>
        <source>%1 labels for a single-label dataset; only "%2" was kept</source>
        <translation>单标签数据集中有 %1 个标签；仅保留了“%2”</translation>
    </message>
    <message>
        <source>"%1" is not a pair label (similar / not_similar, 1 / 0); left unlabeled</source>
        <translation>“%1”不是文本对标签（similar / not_similar，1 / 0）；保持未标注</translation>
    </message>
    <message>
        <source>the score %1 is outside 0–1; left out</source>
        <translation>评分 %1 超出 0–1 范围；已略去</translation>
    </message>
    <message>
        <source>%1 is a folder; give the %2 file to import.</source>
        <translation>%1 是文件夹；请指定要导入的 %2 文件。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>same text (after normalisation) as %1; %2 annotations by %3 added to it</source>
        <translation>与 %1 文本相同（规范化后）；已将 %3 的 %2 条标注添加到其中</translation>
    </message>
    <message>
        <source>same text (after normalisation) as %1</source>
        <translation>与 %1 文本相同（规范化后）</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>Plain text, one item per line</source>
        <translation>纯文本，每行一个条目</translation>
    </message>
    <message>
        <source>CSV with a header: text, label (several joined by '|'), text_b, score, spans (JSON)</source>
        <translation>带表头的 CSV：text、label（多个以 '|' 连接）、text_b、score、spans (JSON)</translation>
    </message>
    <message>
        <source>Tab-separated values with a header (as CSV)</source>
        <translation>带表头的制表符分隔值（同 CSV）</translation>
    </message>
    <message>
        <source>JSON lines: text, label(s), text_b, score, spans [{start, end, label}] in code points</source>
        <translation>JSON lines：text、label(s)、text_b、score、spans [{start, end, label}]，以码位计</translation>
    </message>
    <message>
        <source>Label Studio JSON export (spans in UTF-16 units)</source>
        <translation>Label Studio JSON 导出（片段以 UTF-16 单元计）</translation>
    </message>
    <message>
        <source>doccano JSONL: text, label [[start, end, label]]</source>
        <translation>doccano JSONL：text、label [[start, end, label]]</translation>
    </message>
    <message numerus="yes">
        <source>%1 (in %n records; the first is here)</source>
        <translation>
            <numerusform>%1（见于 %n 条记录；第一条在此）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items keep more of their source file ("%1") than %2 can hold; it was left out: export jsonl (or conll) to keep it</source>
        <translation>
            <numerusform>%n 个条目保留的源文件内容（“%1”）超出了 %2 的容纳范围；已略去：如需保留，请导出为 jsonl（或 conll）</numerusform>
        </translation>
    </message>
    <message>
        <source>spans in "%1" in %2 of %3 records</source>
        <translation>%3 条记录中有 %2 条在“%1”中含片段</translation>
    </message>
    <message>
        <source>a second text in "%1" in %2 of %3 records</source>
        <translation>%3 条记录中有 %2 条在“%1”中含第二段文本</translation>
    </message>
    <message>
        <source>no spans and no second text in %1 records (labels in %2)</source>
        <translation>%1 条记录中没有片段，也没有第二段文本（标签位于 %2）</translation>
    </message>
    <message>
        <source>CoNLL-2003: token, other columns, NE tag (IOB1, IOB2 or BIOES) per line, a blank line between sentences, -DOCSTART- between documents; written back as plain CoNLL with IOB2 tags</source>
        <translation>CoNLL-2003：每行一个词元、其他列和 NE 标记（IOB1、IOB2 或 BIOES），句子之间以空行分隔，文档之间以 -DOCSTART- 分隔；写回时为带 IOB2 标记的普通 CoNLL</translation>
    </message>
</context>
<context>
    <name>TextSuggestions</name>
    <message>
        <source>"%1" does not name a model; write NAME or NAME@VERSION (for example tfidf@2).</source>
        <translation>“%1”不是模型名称；请写作 NAME 或 NAME@VERSION（例如 tfidf@2）。</translation>
    </message>
    <message>
        <source>Cannot read the predictions %1: %2; give a JSONL file.</source>
        <translation>无法读取预测文件 %1：%2；请提供 JSONL 文件。</translation>
    </message>
    <message>
        <source>"%1" holds images; text predictions cannot be imported into it.</source>
        <translation>“%1”包含的是图像；无法向其中导入文本预测。</translation>
    </message>
    <message>
        <source>no item of the dataset has this text</source>
        <translation>数据集中没有条目包含此文本</translation>
    </message>
    <message>
        <source>no item %1 in the dataset (and no text that matches one)</source>
        <translation>数据集中没有条目 %1（也没有与之匹配的文本）</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder: %1.</source>
        <translation>无法创建临时文件夹：%1。</translation>
    </message>
    <message>
        <source>Cannot create folders in %1.</source>
        <translation>无法在 %1 中创建文件夹。</translation>
    </message>
    <message>
        <source>Cannot start %1: %2.</source>
        <translation>无法启动 %1：%2。</translation>
    </message>
    <message>
        <source>%1 ran past %2 s and was stopped.</source>
        <translation>%1 运行超过 %2 秒，已被停止。</translation>
    </message>
    <message>
        <source>The suggester was cancelled.</source>
        <translation>建议生成器已取消。</translation>
    </message>
    <message>
        <source>%1 failed (exit %2): %3</source>
        <translation>%1 失败（退出码 %2）：%3</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>无消息</translation>
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
    <message numerus="yes">
        <source>%n nodes</source>
        <translation>
            <numerusform>%n 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 CPUs, %2, %n GPUs</source>
        <translation>
            <numerusform>%1 个 CPU、%2 内存、%n 个 GPU</numerusform>
        </translation>
    </message>
    <message>
        <source>never checked</source>
        <translation>从未检查</translation>
    </message>
    <message>
        <source>Health checks (atelier pool check NAME)</source>
        <translation>健康检查（atelier pool check NAME）</translation>
    </message>
    <message>
        <source>No images</source>
        <translation>无镜像</translation>
    </message>
    <message>
        <source>Images (atelier image list)</source>
        <translation>镜像（atelier image list）</translation>
    </message>
</context>
<context>
    <name>VocFormat</name>
    <message>
        <source>No VOC .xml file in %1.</source>
        <translation>%1 中没有 VOC .xml 文件。</translation>
    </message>
    <message>
        <source>no &lt;filename&gt;: which image it describes is unknown</source>
        <translation>没有 &lt;filename&gt;：无法确定它描述的是哪张图像</translation>
    </message>
    <message>
        <source>object %1 has no &lt;name&gt; or no numeric &lt;bndbox&gt; (xmin, ymin, xmax, ymax); skipped</source>
        <translation>对象 %1 没有 &lt;name&gt; 或没有数值型 &lt;bndbox&gt;（xmin, ymin, xmax, ymax）；已跳过</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>object %1 ("%2") has xmax &lt; xmin or ymax &lt; ymin; skipped</source>
        <translation>对象 %1（“%2”）的 xmax &lt; xmin 或 ymax &lt; ymin；已跳过</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) are in several ImageSets lists; each was given the first of train, val, test, others: %1</source>
        <translation>
            <numerusform>%n 张图像位于多个 ImageSets 列表中；每张都按 train、val、test、其他 的顺序取第一个：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VOC box(es) without an instance mask in SegmentationObject were kept as rectangle polygons</source>
        <translation>
            <numerusform>%n 个在 SegmentationObject 中没有实例掩码的 VOC 矩形框已保留为矩形多边形</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance mask(s) have no &lt;object&gt; of their number in the XML; named after their class</source>
        <translation>
            <numerusform>%n 个实例掩码在 XML 中没有对应编号的 &lt;object&gt;；已按其类别命名</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segmentation mask PNG(s) not imported: a detection dataset holds boxes (import into a segmentation dataset, --task segmentation)</source>
        <translation>
            <numerusform>%n 个分割掩码 PNG 未导入：检测数据集只包含矩形框（请导入到分割数据集，--task segmentation）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask pixel(s) have a colour outside VOC's palette; read as background</source>
        <translation>
            <numerusform>%n 个掩码像素的颜色不在 VOC 调色板中；已作为背景读取</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segmentation mask PNG(s) in SegmentationClass/ or SegmentationObject/</source>
        <translation>
            <numerusform>SegmentationClass/ 或 SegmentationObject/ 中有 %n 个分割掩码 PNG</numerusform>
        </translation>
    </message>
    <message>
        <source>boxes only: no SegmentationClass/ or SegmentationObject/ PNG</source>
        <translation>仅矩形框：没有 SegmentationClass/ 或 SegmentationObject/ PNG</translation>
    </message>
    <message>
        <source>Cannot read the image of %1 to convert it to JPEG: %2</source>
        <translation>无法读取 %1 的图像以将其转换为 JPEG：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n %1 image(s) converted to JPEG (quality 95, transparency over white) as JPEGImages/&lt;name&gt;.jpg, which VOC readers open</source>
        <translation>
            <numerusform>%n 张 %1 图像已转换为 JPEG（质量 95，透明部分以白色填充），保存为 JPEGImages/&lt;name&gt;.jpg，以便 VOC 读取器打开</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n JPEG image(s) renamed to &lt;name&gt;.jpg (content unchanged)</source>
        <translation>
            <numerusform>%n 张 JPEG 图像已重命名为 &lt;name&gt;.jpg（内容不变）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) had fractional pixel edges; rounded to whole pixels (VOC counts pixels from 1)</source>
        <translation>
            <numerusform>%n 个矩形框的边缘为小数像素；已取整到整像素（VOC 的像素从 1 开始计数）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n polygon(s) written as their pixels (SegmentationObject) and bounding box; VOC keeps no outline</source>
        <translation>
            <numerusform>%n 个多边形已按其像素（SegmentationObject）和外接矩形框写入；VOC 不保留轮廓</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) from sub-folders were put side by side in JPEGImages/; their folders are not kept: %1</source>
        <translation>
            <numerusform>%n 张来自子文件夹的图像已并列放入 JPEGImages/；其文件夹结构未保留：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>annotation fields VOC has no place for were left out: %1</source>
        <translation>VOC 无处存放的标注字段已略去：%1</translation>
    </message>
    <message>
        <source>image fields VOC has no place for were left out: %1</source>
        <translation>VOC 无处存放的图像字段已略去：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) without a split were listed in ImageSets/Main/train.txt</source>
        <translation>
            <numerusform>%n 张没有划分的图像已列入 ImageSets/Main/train.txt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) past the 254th of their image are left out of SegmentationObject (in SegmentationClass and the XML they are)</source>
        <translation>
            <numerusform>%n 个实例超出其图像的第 254 个，未写入 SegmentationObject（它们在 SegmentationClass 和 XML 中）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VocXml</name>
    <message>
        <source>empty XML file</source>
        <translation>XML 文件为空</translation>
    </message>
    <message>
        <source>not a VOC file (root element &lt;%1&gt;)</source>
        <translation>不是 VOC 文件（根元素为 &lt;%1&gt;）</translation>
    </message>
    <message>
        <source>not valid XML: line %1: %2</source>
        <translation>不是有效的 XML：第 %1 行：%2</translation>
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
    <message>
        <source>Cannot remove %1: check the permissions of the workspace's objects folder.</source>
        <translation>无法删除 %1：请检查工作空间 objects 文件夹的权限。</translation>
    </message>
    <message>
        <source>The demo pipeline %1 cannot be read: reinstall Atelier.</source>
        <translation>无法读取演示流水线 %1：请重新安装 Atelier。</translation>
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
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message numerus="yes">
        <source>%n nodes</source>
        <translation>
            <numerusform>%n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>schedule %1</source>
        <translation>调度 %1</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>cached</source>
        <translation>已缓存</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>丢失</translation>
    </message>
</context>
<context>
    <name>YoloExport</name>
    <message>
        <source>the label "%1" has the class id %2, not a free class index; it gets the next free one</source>
        <translation>标签“%1”的类别 id 为 %2，不是空闲的类别索引；将为其分配下一个空闲索引</translation>
    </message>
    <message>
        <source>mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>%1 %2 annotation(s) not written: YOLO label files hold boxes and polygons only</source>
        <translation>%1 条%2标注未写入：YOLO 标签文件只能存放矩形框和多边形</translation>
    </message>
    <message numerus="yes">
        <source>%n polygon(s) of several parts written as one outline joined by zero-width bridges (a YOLO-seg row holds one polygon)</source>
        <translation>
            <numerusform>%n 个由多个部分组成的多边形已写为一条以零宽桥连接的轮廓（一行 YOLO-seg 只存放一个多边形）</numerusform>
        </translation>
    </message>
    <message>
        <source>no label has the class id(s) %1; written as placeholders class_N so that the ids stay</source>
        <translation>没有标签的类别 id 为 %1；已写入占位名 class_N，以保持 id 不变</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) without a split written to images/ and not listed in data.yaml</source>
        <translation>
            <numerusform>%n 张没有划分的图像已写入 images/，且未列入 data.yaml</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 image(s) of a split Ultralytics does not know (only train, val, test); not listed in data.yaml</source>
        <translation>%1 张图像属于 Ultralytics 不认识的划分（只认 train、val、test）；未列入 data.yaml</translation>
    </message>
</context>
<context>
    <name>YoloFormat</name>
    <message>
        <source>line %1: not numbers; skipped</source>
        <translation>第 %1 行：不是数字；已跳过</translation>
    </message>
    <message>
        <source>line %1: class %2 is not in %3 (%4 classes); skipped</source>
        <translation>第 %1 行：类别 %2 不在 %3 中（共 %4 个类别）；已跳过</translation>
    </message>
    <message>
        <source>line %1: expected 5 numbers (class cx cy w h) or a polygon, found %2; skipped</source>
        <translation>第 %1 行：应为 5 个数字（class cx cy w h）或一个多边形，实际为 %2；已跳过</translation>
    </message>
    <message>
        <source>its class names differ from those of %1; %1's are used</source>
        <translation>其类别名称与 %1 的不同；使用 %1 的类别名称</translation>
    </message>
    <message>
        <source>classes %1 and %2 are both named "%3"; they become one label</source>
        <translation>类别 %1 和 %2 都名为“%3”；它们合并为一个标签</translation>
    </message>
    <message numerus="yes">
        <source>%n label file(s) without an image of the same name (this is the first); not imported</source>
        <translation>
            <numerusform>%n 个标签文件没有同名的图像（此文件是第一个）；未导入</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the YOLO dataset's folder (images/, labels/, data.yaml or classes.txt) or an archive of it.</source>
        <translation>请指定 YOLO 数据集的文件夹（包含 images/、labels/、data.yaml 或 classes.txt）或其归档。</translation>
    </message>
    <message>
        <source>no class names (data.yaml names:, classes.txt or obj.names); classes are named by their number</source>
        <translation>没有类别名称（data.yaml 的 names:、classes.txt 或 obj.names）；类别以其编号命名</translation>
    </message>
    <message numerus="yes">
        <source>%n box row(s) became 4-point polygons: a segmentation dataset holds no boxes</source>
        <translation>
            <numerusform>%n 个矩形框行已转为 4 点多边形：分割数据集不包含矩形框</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n polygon row(s) became their bounding boxes: a detection dataset holds no polygons (import into a segmentation dataset to keep them)</source>
        <translation>
            <numerusform>%n 个多边形行已转为其外接矩形框：检测数据集不包含多边形（如需保留，请导入到分割数据集）</numerusform>
        </translation>
    </message>
    <message>
        <source>polygon rows (YOLO-seg) in %1 of %2 label rows</source>
        <translation>%2 个标签行中有 %1 个多边形行（YOLO-seg）</translation>
    </message>
    <message>
        <source>box rows only (%1 label rows)</source>
        <translation>仅矩形框行（%1 个标签行）</translation>
    </message>
</context>
<context>
    <name>YoloYaml</name>
    <message>
        <source>line %1 is not "key: value"; ignored</source>
        <translation>第 %1 行不是“key: value”；已忽略</translation>
    </message>
    <message>
        <source>%1: line %2 is not a "- item"; the list was not read</source>
        <translation>%1：第 %2 行不是“- item”；未读取该列表</translation>
    </message>
    <message>
        <source>%1: (line %2) a value followed by indented lines is not read; write a list or an index map</source>
        <translation>%1：（第 %2 行）后跟缩进行的值不会被读取；请写成列表或索引映射</translation>
    </message>
    <message>
        <source>nc: "%1" is not a class count; ignored</source>
        <translation>nc：“%1”不是类别数；已忽略</translation>
    </message>
    <message>
        <source>names: "%1" is not "index: name"; the names were not read (write a list or an index map)</source>
        <translation>names：“%1”不是“index: name”；未读取类别名称（请写成列表或索引映射）</translation>
    </message>
    <message>
        <source>names: the index %1 is given twice; the first name is kept</source>
        <translation>names：索引 %1 出现了两次；保留第一个名称</translation>
    </message>
    <message>
        <source>names: "%1" is neither a list nor an index map; the names were not read</source>
        <translation>names：“%1”既不是列表也不是索引映射；未读取类别名称</translation>
    </message>
    <message>
        <source>names: entry %1 is empty; the names were not read</source>
        <translation>names：第 %1 项为空；未读取类别名称</translation>
    </message>
    <message>
        <source>nc: %1 but names: lists %2 classes; the names are used</source>
        <translation>nc 为 %1，但 names: 列出了 %2 个类别；使用类别名称</translation>
    </message>
</context>
<context>
    <name>atelier::AnnotationCanvas</name>
    <message>
        <source>Delete vertex</source>
        <translation>删除顶点</translation>
    </message>
    <message>
        <source>A polygon keeps at least three points; delete the polygon with Esc, then Delete.</source>
        <translation>多边形至少保留三个点；如需删除多边形，请按 Esc，再按 Delete。</translation>
    </message>
    <message>
        <source>Change label</source>
        <translation>更改标签</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>A polygon needs at least three points.</source>
        <translation>多边形至少需要三个点。</translation>
    </message>
    <message>
        <source>Resize box</source>
        <translation>调整矩形框大小</translation>
    </message>
    <message>
        <source>Move vertex</source>
        <translation>移动顶点</translation>
    </message>
    <message>
        <source>Add vertex</source>
        <translation>添加顶点</translation>
    </message>
    <message>
        <source>Select a mask first: the eraser takes pixels off the selected mask.</source>
        <translation>请先选择一个掩码：橡皮擦会从所选掩码上擦除像素。</translation>
    </message>
    <message>
        <source>Pick a label first: the brush paints a new mask of that label.</source>
        <translation>请先选择一个标签：画笔会绘制一个该标签的新掩码。</translation>
    </message>
    <message>
        <source>Erase mask</source>
        <translation>擦除掩码</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>擦除</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>绘制</translation>
    </message>
</context>
<context>
    <name>atelier::CanvasScene</name>
    <message>
        <source>Unknown template %1</source>
        <translation>未知模板 %1</translation>
    </message>
    <message>
        <source>Nothing to paste: copy nodes first, or their JSON text.</source>
        <translation>没有可粘贴的内容：请先复制节点或其 JSON 文本。</translation>
    </message>
    <message>
        <source>Cannot paste: %1</source>
        <translation>无法粘贴：%1</translation>
    </message>
    <message>
        <source>%1 was removed</source>
        <translation>%1 已被移除</translation>
    </message>
    <message>
        <source>%1 has no output to link from.</source>
        <translation>%1 没有可引出连线的输出。</translation>
    </message>
    <message>
        <source>%1 has no input to link to.</source>
        <translation>%1 没有可接入连线的输入。</translation>
    </message>
</context>
<context>
    <name>atelier::Connector</name>
    <message>
        <source>pool %1 cannot run tasks in images (%2); run the node on the host or on a local or Slurm pool</source>
        <translation>资源池 %1 无法在镜像中运行任务（%2）；请在宿主机上运行该节点，或在 local 或 Slurm 资源池上运行</translation>
    </message>
</context>
<context>
    <name>atelier::ContentHash</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
</context>
<context>
    <name>atelier::DatasetsPage</name>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>检测</translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation>分割</translation>
    </message>
    <message>
        <source>Text classification</source>
        <translation>文本分类</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <source>Text pairs</source>
        <translation>文本对</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Images and text with their labels, versioned; import from COCO, VOC, YOLO, labelme, CSV, JSONL and CoNLL.</source>
        <translation>带标签的图像和文本，支持版本管理；可从 COCO、VOC、YOLO、labelme、CSV、JSONL 和 CoNLL 导入。</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Version…</source>
        <translation>创建版本…</translation>
    </message>
    <message>
        <source>Freeze the selected dataset's labels as a new version</source>
        <translation>将所选数据集的标签冻结为新版本</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Unlabeled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <source>Labeled</source>
        <translation>已标注</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>No datasets yet.
Import images or texts with Import…, or make an empty dataset with New…</source>
        <translation>还没有数据集。
使用“导入…”导入图像或文本，或使用“新建…”创建空数据集。</translation>
    </message>
    <message>
        <source>Sample data ready to import</source>
        <translation>可导入的示例数据</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Double-click to import</source>
        <translation>双击导入</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>New dataset</source>
        <translation>新建数据集</translation>
    </message>
    <message>
        <source>letters, digits, . _ -</source>
        <translation>字母、数字、. _ -</translation>
    </message>
    <message>
        <source>An item may carry several labels</source>
        <translation>一个条目可带多个标签</translation>
    </message>
    <message>
        <source>cat, dog, bird</source>
        <translation>猫, 狗, 鸟</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Made dataset %1.</source>
        <translation>已创建数据集 %1。</translation>
    </message>
    <message>
        <source>New version of %1</source>
        <translation>%1 的新版本</translation>
    </message>
    <message>
        <source>What changed since the last version (the commit message):</source>
        <translation>自上一版本以来的变更（提交说明）：</translation>
    </message>
    <message>
        <source>A version needs a message saying what changed; nothing was made.</source>
        <translation>创建版本需要填写变更说明；未创建任何版本。</translation>
    </message>
    <message>
        <source>Making a version of %1…</source>
        <translation>正在创建 %1 的版本…</translation>
    </message>
    <message>
        <source>%1 version %2 saved (commit %3).</source>
        <translation>%1 版本 %2 已保存（提交 %3）。</translation>
    </message>
    <message>
        <source>%1 (importing…)</source>
        <translation>%1（导入中…）</translation>
    </message>
    <message>
        <source>%1 (incomplete)</source>
        <translation>%1（不完整）</translation>
    </message>
    <message>
        <source>Being imported from %1 (process %2); the list grows until the import ends.</source>
        <translation>正在从 %1 导入（进程 %2）；列表会持续增加，直至导入结束。</translation>
    </message>
    <message>
        <source>The import of %1 stopped before its end: this dataset lacks part of it. Import it again to finish it, or remove the dataset.</source>
        <translation>从 %1 的导入在结束前中断：此数据集缺少部分内容。请重新导入以完成，或移除该数据集。</translation>
    </message>
</context>
<context>
    <name>atelier::ExportDatasetDialog</name>
    <message>
        <source>Export %1</source>
        <translation>导出 %1</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>What</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Into folder</source>
        <translation>目标文件夹</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Choose the folder to export into.</source>
        <translation>请选择要导出到的文件夹。</translation>
    </message>
    <message>
        <source>No export format is available for this dataset.</source>
        <translation>此数据集没有可用的导出格式。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Wrote %1 items and %2 annotations into %3.</source>
        <translation>已将 %1 个条目和 %2 条标注写入 %3。</translation>
    </message>
    <message>
        <source>Export cancelled; the folder may hold part of the export.</source>
        <translation>导出已取消；该文件夹中可能留有部分导出内容。</translation>
    </message>
</context>
<context>
    <name>atelier::GraphModel</name>
    <message>
        <source>There is no node "%1".</source>
        <translation>不存在节点 "%1"。</translation>
    </message>
    <message>
        <source>A node cannot be linked to itself (%1 → %2).</source>
        <translation>节点不能连接到自身（%1 → %2）。</translation>
    </message>
    <message>
        <source>The template of %1 (%2) is unknown, so its ports are too.</source>
        <translation>%1 的模板（%2）未知，因此其端口也未知。</translation>
    </message>
    <message>
        <source>%1 has no output port "%2".</source>
        <translation>%1 没有输出端口 "%2"。</translation>
    </message>
    <message>
        <source>%1 has no input port "%2".</source>
        <translation>%1 没有输入端口 "%2"。</translation>
    </message>
    <message>
        <source>Cannot link %1 (%2) to %3 (%4): the port types do not fit.</source>
        <translation>无法将 %1（%2）连接到 %3（%4）：端口类型不匹配。</translation>
    </message>
    <message>
        <source>%1 is already linked to %2.</source>
        <translation>%1 已连接到 %2。</translation>
    </message>
    <message>
        <source>%1 already has a link from %2; an input takes one. Remove that link first.</source>
        <translation>%1 已有一条来自 %2 的连线；一个输入只能接受一条连线。请先移除该连线。</translation>
    </message>
    <message>
        <source>This link would close a cycle: %1. A pipeline runs each node once, after the nodes upstream of it.</source>
        <translation>此连线会形成环路：%1。流水线中每个节点只运行一次，且在其上游节点之后运行。</translation>
    </message>
    <message>
        <source>Both ends are outputs; link an output to an input.</source>
        <translation>两端都是输出；请将输出连接到输入。</translation>
    </message>
    <message>
        <source>Both ends are inputs; link an output to an input.</source>
        <translation>两端都是输入；请将输出连接到输入。</translation>
    </message>
    <message>
        <source>the pipeline needs a name</source>
        <translation>流水线需要名称</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>%1 has no %2 port "%3".</source>
        <translation>%1 没有%2端口 "%3"。</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>%1.%2 already has a link from %3; an input takes one.</source>
        <translation>%1.%2 已有一条来自 %3 的连线；一个输入只能接受一条连线。</translation>
    </message>
    <message>
        <source>%1 has no %2 that fits %3.%4 (%5); pick another template.</source>
        <translation>%1 没有与 %3.%4（%5）匹配的%2；请选择其他模板。</translation>
    </message>
    <message>
        <source>Link %1 to %2</source>
        <translation>将 %1 连接到 %2</translation>
    </message>
    <message>
        <source>There is no link from %1 to %2.</source>
        <translation>不存在从 %1 到 %2 的连线。</translation>
    </message>
    <message>
        <source>Move link</source>
        <translation>移动连线</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>必须是文本</translation>
    </message>
    <message>
        <source>must be an object of names to text</source>
        <translation>必须是由名称映射到文本的对象</translation>
    </message>
    <message>
        <source>the value of %1 must be text</source>
        <translation>%1 的值必须是文本</translation>
    </message>
    <message>
        <source>is not a field of a pipeline</source>
        <translation>不是流水线的字段</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须为 true 或 false</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>%1 has no such parameter</source>
        <translation>%1 没有此参数</translation>
    </message>
    <message>
        <source>is not a field of a node</source>
        <translation>不是节点的字段</translation>
    </message>
    <message>
        <source>There is nothing to paste: the clipboard holds no nodes and no notes.</source>
        <translation>没有可粘贴的内容：剪贴板中没有节点，也没有便签。</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加便签</translation>
    </message>
    <message>
        <source>%1 must be an object or null</source>
        <translation>%1 必须是对象或 null</translation>
    </message>
    <message>
        <source>must be an object such as {"image": "NAME:TAG"}</source>
        <translation>必须是对象，例如 {"image": "NAME:TAG"}</translation>
    </message>
    <message>
        <source>must be a strategy such as "pytorch-ddp"</source>
        <translation>必须是一种策略，例如“pytorch-ddp”</translation>
    </message>
    <message>
        <source>%1 does not support distributed training with "%2"</source>
        <translation>%1 不支持用“%2”进行分布式训练</translation>
    </message>
    <message>
        <source>is not a resource (use cpus, memory_mb, gpus or processes_per_node)</source>
        <translation>不是资源（请使用 cpus、memory_mb、gpus 或 processes_per_node）</translation>
    </message>
</context>
<context>
    <name>atelier::ImageAnnotationDocument</name>
    <message>
        <source>The changed shape was never saved.</source>
        <translation>修改后的形状从未保存。</translation>
    </message>
</context>
<context>
    <name>atelier::ImageAnnotator</name>
    <message>
        <source>unlabeled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <source>labeled</source>
        <translation>已标注</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Comment (required to reject)</source>
        <translation>意见（拒绝时必填）</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Accept this image's labels and go to the next (Ctrl+Return)</source>
        <translation>接受此图像的标签并转到下一张 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Send this image back with the comment (Ctrl+Backspace)</source>
        <translation>附上意见退回此图像 (Ctrl+Backspace)</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>所有更改已保存</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>x %1  y %2</source>
        <translation>x %1  y %2</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Status: %1 — “%2”</source>
        <translation>状态：%1 — “%2”</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>‹ Images</source>
        <translation>‹ 图像</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Previous image (A)</source>
        <translation>上一张图像 (A)</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next image (D)</source>
        <translation>下一张图像 (D)</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Select, move and resize (V)</source>
        <translation>选择、移动和调整大小 (V)</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>矩形框</translation>
    </message>
    <message>
        <source>Draw boxes (R)</source>
        <translation>绘制矩形框 (R)</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>多边形</translation>
    </message>
    <message>
        <source>Draw polygons: click the points, Enter or a click on the first point closes (P)</source>
        <translation>绘制多边形：依次单击各点，按 Enter 或单击第一个点闭合 (P)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Copy previous</source>
        <translation>复制上一张</translation>
    </message>
    <message>
        <source>Add the previous image's shapes to this one (Ctrl+Shift+V)</source>
        <translation>将上一张图像的形状添加到此图像 (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Fit the image to the window (F)</source>
        <translation>使图像适应窗口 (F)</translation>
    </message>
    <message>
        <source>Accept or reject each image</source>
        <translation>接受或拒绝每张图像</translation>
    </message>
    <message>
        <source>Pick an image in the grid.</source>
        <translation>请在网格中选择一张图像。</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Cannot show %1: %2</source>
        <translation>无法显示 %1：%2</translation>
    </message>
    <message>
        <source>%1 · %2 × %3 · %4</source>
        <translation>%1 · %2 × %3 · %4</translation>
    </message>
    <message>
        <source>Set label %1</source>
        <translation>设置标签 %1</translation>
    </message>
    <message>
        <source>The previous image is still being read; try again.</source>
        <translation>仍在读取上一张图像；请重试。</translation>
    </message>
    <message>
        <source>The previous image has no shapes to copy.</source>
        <translation>上一张图像没有可复制的形状。</translation>
    </message>
    <message numerus="yes">
        <source>Copy %n shape(s) from the previous image</source>
        <translation>
            <numerusform>从上一张图像复制 %n 个形状</numerusform>
        </translation>
    </message>
    <message>
        <source>Say what is wrong in the comment before rejecting.</source>
        <translation>拒绝前请在意见中说明问题所在。</translation>
    </message>
    <message>
        <source>&lt;b&gt;V&lt;/b&gt; select · &lt;b&gt;R&lt;/b&gt; box · &lt;b&gt;P&lt;/b&gt; polygon&lt;br&gt;&lt;b&gt;B&lt;/b&gt; brush · &lt;b&gt;E&lt;/b&gt; eraser · &lt;b&gt;[&lt;/b&gt; &lt;b&gt;]&lt;/b&gt; size&lt;br&gt;&lt;b&gt;1–9&lt;/b&gt; label · &lt;b&gt;A&lt;/b&gt;/&lt;b&gt;D&lt;/b&gt; previous/next&lt;br&gt;Wheel zoom · Space+drag pan · &lt;b&gt;F&lt;/b&gt; fit&lt;br&gt;Double-click an edge: add a vertex&lt;br&gt;Alt+click a vertex: delete it</source>
        <translation>&lt;b&gt;V&lt;/b&gt; 选择 · &lt;b&gt;R&lt;/b&gt; 矩形框 · &lt;b&gt;P&lt;/b&gt; 多边形&lt;br&gt;&lt;b&gt;B&lt;/b&gt; 画笔 · &lt;b&gt;E&lt;/b&gt; 橡皮擦 · &lt;b&gt;[&lt;/b&gt; &lt;b&gt;]&lt;/b&gt; 大小&lt;br&gt;&lt;b&gt;1–9&lt;/b&gt; 标签 · &lt;b&gt;A&lt;/b&gt;/&lt;b&gt;D&lt;/b&gt; 上一张/下一张&lt;br&gt;滚轮缩放 · 空格+拖动平移 · &lt;b&gt;F&lt;/b&gt; 适应窗口&lt;br&gt;双击边线：添加顶点&lt;br&gt;Alt+单击顶点：删除该顶点</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Paint a mask: onto the selected mask, or a new one of the current label ([ and ] change the size) (B)</source>
        <translation>绘制掩码：画在所选掩码上，或以当前标签新建一个掩码（[ 和 ] 调整大小）(B)</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Erase pixels of the selected mask ([ and ] change the size) (E)</source>
        <translation>擦除所选掩码的像素（[ 和 ] 调整大小）(E)</translation>
    </message>
    <message>
        <source>Masks belong to segmentation datasets; this one is not.</source>
        <translation>掩码属于分割数据集；此数据集不是。</translation>
    </message>
    <message>
        <source>Eraser %1 px</source>
        <translation>橡皮擦 %1 px</translation>
    </message>
    <message>
        <source>Brush %1 px</source>
        <translation>画笔 %1 px</translation>
    </message>
    <message>
        <source>Back to the image grid (Alt+Left, or Esc twice)</source>
        <translation>返回图像网格（Alt+Left，或按两次 Esc）</translation>
    </message>
</context>
<context>
    <name>atelier::ImageBrowser</name>
    <message>
        <source>Unlabeled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <source>Labeled</source>
        <translation>已标注</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Image classification</source>
        <translation>图像分类</translation>
    </message>
    <message>
        <source>Object detection</source>
        <translation>目标检测</translation>
    </message>
    <message>
        <source>Instance segmentation</source>
        <translation>实例分割</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>‹ Datasets</source>
        <translation>‹ 数据集</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Open the selected image (or the first) in the annotator</source>
        <translation>在标注器中打开所选图像（或第一张）</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Accept or reject the images one after the other</source>
        <translation>逐一接受或拒绝图像</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Search file names</source>
        <translation>搜索文件名</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <source>Import order</source>
        <translation>导入顺序</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Recently changed</source>
        <translation>最近更改</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>缩略图大小</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 张图像</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 images</source>
        <translation>%1 / %2 张图像</translation>
    </message>
    <message>
        <source>Back to the list of datasets (Alt+Left)</source>
        <translation>返回数据集列表（Alt+Left）</translation>
    </message>
</context>
<context>
    <name>atelier::ImportDatasetDialog</name>
    <message>
        <source>Image classification</source>
        <translation>图像分类</translation>
    </message>
    <message>
        <source>Object detection (boxes)</source>
        <translation>目标检测（矩形框）</translation>
    </message>
    <message>
        <source>Instance segmentation (polygons)</source>
        <translation>实例分割（多边形）</translation>
    </message>
    <message>
        <source>Text classification</source>
        <translation>文本分类</translation>
    </message>
    <message>
        <source>Entities (text spans)</source>
        <translation>实体（文本片段）</translation>
    </message>
    <message>
        <source>Text pairs</source>
        <translation>文本对</translation>
    </message>
    <message>
        <source>Import a dataset</source>
        <translation>导入数据集</translation>
    </message>
    <message>
        <source>A folder, a .zip or .tar archive, or an annotation file</source>
        <translation>文件夹、.zip 或 .tar 归档，或标注文件</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>导入来源</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>New or existing dataset (letters, digits, . _ -)</source>
        <translation>新建或已有的数据集（字母、数字、. _ -）</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>Datasets (*.zip *.tar *.tar.gz *.tgz *.json *.jsonl *.csv *.txt *.conll *.yaml);;All files (*)</source>
        <translation>数据集 (*.zip *.tar *.tar.gz *.tgz *.json *.jsonl *.csv *.txt *.conll *.yaml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a folder or file that exists to import from.</source>
        <translation>请选择一个存在的文件夹或文件作为导入来源。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>将在当前文件完成后停止…</translation>
    </message>
    <message>
        <source>Imported %1 items and %2 annotations into %3; %4 duplicates, %5 unreadable.</source>
        <translation>已将 %1 个条目和 %2 个标注导入 %3；%4 个重复，%5 个无法读取。</translation>
    </message>
    <message>
        <source>Unreadable (skipped):</source>
        <translation>无法读取（已跳过）：</translation>
    </message>
    <message>
        <source>Duplicates (already in the dataset):</source>
        <translation>重复（已在数据集中）：</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>Import cancelled. </source>
        <translation>导入已取消。 </translation>
    </message>
    <message>
        <source>From the content</source>
        <translation>根据内容</translation>
    </message>
    <message>
        <source>Task %1, chosen from the content: %2.</source>
        <translation>任务 %1，根据内容选定：%2。</translation>
    </message>
    <message>
        <source>The format is detected from what the path holds.</source>
        <translation>格式将根据路径中的内容自动检测。</translation>
    </message>
    <message>
        <source>Looking at the content…</source>
        <translation>正在检查内容…</translation>
    </message>
    <message>
        <source>The content does not tell its format: choose one.</source>
        <translation>无法从内容判断格式：请选择一种。</translation>
    </message>
    <message>
        <source>Detected %1: %2.</source>
        <translation>检测到 %1：%2。</translation>
    </message>
    <message>
        <source>Detected %1: %2. Task: %3.</source>
        <translation>检测到 %1：%2。任务：%3。</translation>
    </message>
    <message>
        <source>The content looks like %1 (%2), not %3: choose “%1” or “From the content”.</source>
        <translation>内容看起来是 %1（%2），而不是 %3：请选择“%1”或“根据内容”。</translation>
    </message>
    <message>
        <source>The content does not tell its format: choose one under Format.</source>
        <translation>无法从内容判断格式：请在“格式”下选择一种。</translation>
    </message>
    <message>
        <source>Still looking at the content: try again in a moment, or choose the format.</source>
        <translation>仍在检查内容：请稍后重试，或选择格式。</translation>
    </message>
    <message>
        <source>The content looks like %1 (%2): choose that format and import again.</source>
        <translation>内容看起来是 %1（%2）：请选择该格式并重新导入。</translation>
    </message>
</context>
<context>
    <name>atelier::LabelDistributionChart</name>
    <message>
        <source>No labels yet.</source>
        <translation>还没有标签。</translation>
    </message>
</context>
<context>
    <name>atelier::LabelPicker</name>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>New label, then Enter</source>
        <translation>输入新标签后按 Enter</translation>
    </message>
    <message>
        <source>%1 (key %2)</source>
        <translation>%1（按键 %2）</translation>
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
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>atelier::LocalConnector</name>
    <message>
        <source>exited with code %1</source>
        <translation>退出码 %1</translation>
    </message>
</context>
<context>
    <name>atelier::LocalProcess</name>
    <message>
        <source>cannot write the output of '%1' to '%2': %3</source>
        <translation>无法将“%1”的输出写入“%2”：%3</translation>
    </message>
    <message>
        <source>[atelier: output truncated after %1 bytes; %2 bytes dropped]</source>
        <translation>[atelier：输出超过 %1 字节后被截断；丢弃了 %2 字节]</translation>
    </message>
    <message>
        <source>timed out after %1 s</source>
        <translation>%1 秒后超时</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>ended by signal %1 (%2)</source>
        <translation>被信号 %1（%2）终止</translation>
    </message>
    <message>
        <source>nothing to run: the command is empty</source>
        <translation>没有可运行的内容：命令为空</translation>
    </message>
    <message>
        <source>cannot run '%1': the working directory '%2' does not exist</source>
        <translation>无法运行“%1”：工作目录“%2”不存在</translation>
    </message>
    <message>
        <source>cannot run '%1': not found</source>
        <translation>无法运行“%1”：未找到</translation>
    </message>
    <message>
        <source>cannot run '%1': %2</source>
        <translation>无法运行“%1”：%2</translation>
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
Saved pipelines appear here, each save a commit in the workspace's repo/.</source>
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
        <source>Where work runs: this workstation's CPUs and GPUs, or a cluster.</source>
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
    <message>
        <source>&amp;Pools</source>
        <translation>资源池(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Check Pools</source>
        <translation>检查资源池(&amp;C)</translation>
    </message>
    <message>
        <source>Checking pools…</source>
        <translation>正在检查资源池…</translation>
    </message>
    <message>
        <source>&amp;Add Slurm Pool…</source>
        <translation>添加 Slurm 资源池(&amp;A)…</translation>
    </message>
    <message>
        <source>Adding pool %1…</source>
        <translation>正在添加资源池 %1…</translation>
    </message>
    <message>
        <source>Open the Selected Run on the &amp;Canvas</source>
        <translation>在画布上打开所选运行(&amp;C)</translation>
    </message>
    <message>
        <source>Select a run in the Runs view first.</source>
        <translation>请先在“运行”视图中选择一个运行。</translation>
    </message>
    <message>
        <source>%1[*] — Atelier</source>
        <translation>%1[*] — Atelier</translation>
    </message>
    <message>
        <source>%1 was not opened: the pipeline has unsaved changes.</source>
        <translation>未打开 %1：流水线有未保存的更改。</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Jupyter sessions with datasets and models bound read-only.</source>
        <translation>以只读方式绑定数据集和模型的 Jupyter 会话。</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>暂无会话。</translation>
    </message>
</context>
<context>
    <name>atelier::MetricChart</name>
    <message>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>挂钟时间</translation>
    </message>
    <message>
        <source>Relative time (s)</source>
        <translation>相对时间（秒）</translation>
    </message>
    <message>
        <source>&amp;X axis:</source>
        <translation>X 轴(&amp;X)：</translation>
    </message>
    <message>
        <source>Exponential moving average weight: 0 shows the raw values</source>
        <translation>指数移动平均权重：0 表示显示原始值</translation>
    </message>
    <message>
        <source>&amp;Smoothing:</source>
        <translation>平滑(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Log scale</source>
        <translation>对数刻度(&amp;L)</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>导出 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>步数 %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1
%2: %3</source>
        <translation>%1
%2：%3</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) at or below zero are not shown on the log scale.</source>
        <translation>
            <numerusform>对数刻度下不显示 %n 个小于或等于零的点。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Chart as PNG</source>
        <translation>将图表导出为 PNG</translation>
    </message>
    <message>
        <source>chart.png</source>
        <translation>chart.png</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Could not write %1. Check that the folder exists and that you may write to it, then try again.</source>
        <translation>无法写入 %1。请检查文件夹是否存在以及您是否有写入权限，然后重试。</translation>
    </message>
    <message>
        <source>Export Chart Data as CSV</source>
        <translation>将图表数据导出为 CSV</translation>
    </message>
    <message>
        <source>metrics.csv</source>
        <translation>metrics.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export Chart Data</source>
        <translation>导出图表数据</translation>
    </message>
    <message>
        <source>NaN (not a number)</source>
        <translation>NaN（非数字）</translation>
    </message>
    <message>
        <source>+infinity</source>
        <translation>+无穷大</translation>
    </message>
    <message>
        <source>-infinity</source>
        <translation>-无穷大</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) are NaN or infinite: the line breaks there, marked × on the x axis.</source>
        <translation>
            <numerusform>%n 个点为 NaN 或无穷大：折线在此处断开，并在 x 轴上以 × 标出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>atelier::Minimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>概览：单击或拖动以移动视图</translation>
    </message>
</context>
<context>
    <name>atelier::ModelsView</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Registered models with versions, lineage and deployments.</source>
        <translation>已注册的模型，包括版本、血缘和部署。</translation>
    </message>
    <message>
        <source>Model / version</source>
        <translation>模型 / 版本</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>框架</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>试用</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Load the model with its framework in a separate, clean process.</source>
        <translation>在独立、干净的进程中用模型所属框架加载模型。</translation>
    </message>
    <message>
        <source>Set alias…</source>
        <translation>设置别名…</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>对比版本：</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Metric or parameter</source>
        <translation>指标或参数</translation>
    </message>
    <message>
        <source>This version</source>
        <translation>此版本</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>对比版本</translation>
    </message>
    <message>
        <source>%1:%2 loads with %3.</source>
        <translation>%1:%2 可用 %3 加载。</translation>
    </message>
    <message>
        <source>%1:%2 failed validation: %3</source>
        <translation>%1:%2 校验失败：%3</translation>
    </message>
    <message>
        <source>Set alias</source>
        <translation>设置别名</translation>
    </message>
    <message>
        <source>Alias (e.g. production, staging):</source>
        <translation>别名（例如 production、staging）：</translation>
    </message>
    <message>
        <source>%1 now points at %2:%3.</source>
        <translation>%1 现已指向 %2:%3。</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Requests and latency of the selected service:</source>
        <translation>所选服务的请求数和延迟：</translation>
    </message>
    <message>
        <source>Rows to send to the selected version's running service, as a JSON list of objects (feature → value):</source>
        <translation>要发送给所选版本运行中服务的行，格式为 JSON 对象列表（特征 → 值）：</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>No models yet. Register one with: atelier model register PATH --name NAME, or run the demo pipeline, which registers its model.</source>
        <translation>暂无模型。使用以下命令注册：atelier model register PATH --name NAME；或运行演示流水线，它会注册其模型。</translation>
    </message>
    <message>
        <source>not validated yet</source>
        <translation>尚未校验</translation>
    </message>
    <message>
        <source>validation passed</source>
        <translation>校验通过</translation>
    </message>
    <message>
        <source>validation failed: %1</source>
        <translation>校验失败：%1</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>（无描述）</translation>
    </message>
    <message>
        <source>Registered from %1</source>
        <translation>注册自 %1</translation>
    </message>
    <message>
        <source>From run %1, task %2</source>
        <translation>来自运行 %1，任务 %2</translation>
    </message>
    <message>
        <source>pipeline commit %1</source>
        <translation>流水线提交 %1</translation>
    </message>
    <message>
        <source>dataset %1 %2</source>
        <translation>数据集 %1 %2</translation>
    </message>
    <message>
        <source>service %1 (%2)</source>
        <translation>服务 %1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>(choose a version)</source>
        <translation>（选择版本）</translation>
    </message>
    <message>
        <source>Compared.</source>
        <translation>已对比。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>%1:%2 is served at %3</source>
        <translation>%1:%2 的服务地址为 %3</translation>
    </message>
    <message>
        <source>Stopped %1.</source>
        <translation>已停止 %1。</translation>
    </message>
    <message>
        <source>Write the rows as a JSON list of objects, e.g. [{"f1": 0.5}].</source>
        <translation>请将行写成 JSON 对象列表，例如 [{"f1": 0.5}]。</translation>
    </message>
    <message>
        <source>Answered.</source>
        <translation>已响应。</translation>
    </message>
    <message>
        <source>%1:%2 has no running service; deploy it first.</source>
        <translation>%1:%2 没有正在运行的服务；请先部署。</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>延迟（毫秒）</translation>
    </message>
    <message>
        <source>Its log (errors and messages):</source>
        <translation>服务日志（错误与消息）：</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · 版本 %2</translation>
    </message>
    <message>
        <source>in image %1 (%2)</source>
        <translation>在镜像 %1（%2）中</translation>
    </message>
</context>
<context>
    <name>atelier::ParallelCoordinatesChart</name>
    <message>
        <source>Parameters against the objective</source>
        <translation>参数与目标的关系</translation>
    </message>
    <message>
        <source>No completed trial yet.</source>
        <translation>尚无已完成的试验。</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1（%2%）</translation>
    </message>
    <message>
        <source>Trial %1: %2</source>
        <translation>试验 %1：%2</translation>
    </message>
</context>
<context>
    <name>atelier::PipelineEditor</name>
    <message>
        <source>Restore “%1”? It becomes the newest version, as a new commit; your unsaved edits are dropped.</source>
        <translation>恢复“%1”？它将作为一次新提交成为最新版本；未保存的编辑将被丢弃。</translation>
    </message>
    <message>
        <source>Restore “%1”? It becomes the newest version, as a new commit; the versions after it stay in the history.</source>
        <translation>恢复“%1”？它将作为一次新提交成为最新版本；其后的版本仍保留在历史记录中。</translation>
    </message>
    <message>
        <source>Restore a version</source>
        <translation>恢复版本</translation>
    </message>
    <message>
        <source>Run %1 started.</source>
        <translation>运行 %1 已开始。</translation>
    </message>
    <message>
        <source>Run %1 %2.</source>
        <translation>运行 %1 %2。</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>流水线</translation>
    </message>
    <message>
        <source>The pipeline being edited</source>
        <translation>正在编辑的流水线</translation>
    </message>
    <message>
        <source>No pipeline</source>
        <translation>无流水线</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Make a new, empty pipeline</source>
        <translation>新建一个空流水线</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save a new version with a message (Ctrl+S)</source>
        <translation>保存新版本并附上说明 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Versions of this pipeline: compare and restore</source>
        <translation>此流水线的版本：比较与恢复</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Arrange</source>
        <translation>排列</translation>
    </message>
    <message>
        <source>Lay the graph out from left to right</source>
        <translation>从左到右排布图</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Show the whole pipeline (F)</source>
        <translation>显示整个流水线 (F)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run the whole pipeline (F5)</source>
        <translation>运行整个流水线 (F5)</translation>
    </message>
    <message>
        <source>From here</source>
        <translation>从此处</translation>
    </message>
    <message>
        <source>Run the selected node and everything downstream of it; upstream outputs come from earlier runs</source>
        <translation>运行所选节点及其所有下游节点；上游输出取自之前的运行</translation>
    </message>
    <message>
        <source>Only this</source>
        <translation>仅此节点</translation>
    </message>
    <message>
        <source>Debug: run only the selected node, with its inputs from earlier runs</source>
        <translation>调试：仅运行所选节点，其输入取自之前的运行</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the run (Shift+F5)</source>
        <translation>停止运行 (Shift+F5)</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>调度…</translation>
    </message>
    <message>
        <source>Run this pipeline on a cron schedule</source>
        <translation>按 cron 调度运行此流水线</translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <translation>%1（未保存）</translation>
    </message>
    <message>
        <source>Give the pipeline a name.</source>
        <translation>请为流水线命名。</translation>
    </message>
    <message>
        <source>There is already a pipeline saved as “%1”; choose another name.</source>
        <translation>已有名为“%1”的流水线；请另选名称。</translation>
    </message>
    <message>
        <source>New pipeline “%1”: drag templates from the palette, then Save.</source>
        <translation>新流水线“%1”：从组件面板拖入模板，然后保存。</translation>
    </message>
    <message>
        <source>New pipeline</source>
        <translation>新建流水线</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved. Save them as a new version first?</source>
        <translation>“%1”有未保存的更改。是否先将其保存为新版本？</translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation>没有要保存的更改。</translation>
    </message>
    <message>
        <source>Save a version</source>
        <translation>保存版本</translation>
    </message>
    <message>
        <source>Name of the new pipeline:</source>
        <translation>新流水线的名称：</translation>
    </message>
    <message>
        <source>The run uses the saved pipeline. Describe your changes to save them:</source>
        <translation>运行使用已保存的流水线。请描述您的更改以保存它们：</translation>
    </message>
    <message>
        <source>Describe the changes in this version:</source>
        <translation>描述此版本中的更改：</translation>
    </message>
    <message>
        <source>Saved version %1.</source>
        <translation>已保存版本 %1。</translation>
    </message>
    <message>
        <source>Restored version %1 as %2.</source>
        <translation>已将版本 %1 恢复为 %2。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Comparing versions&lt;/b&gt; — %1: %2 added, %3 removed, %4 changed (read-only). &lt;a href="back"&gt;Back to editing&lt;/a&gt;</source>
        <translation>&lt;b&gt;正在比较版本&lt;/b&gt; — %1：新增 %2，删除 %3，更改 %4（只读）。&lt;a href="back"&gt;返回编辑&lt;/a&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Run %1&lt;/b&gt; of %2, %3 — the pipeline as it was%4 (read-only). &lt;a href="back"&gt;Back to editing&lt;/a&gt;</source>
        <translation>&lt;b&gt;运行 %1&lt;/b&gt;（%2，%3）— 当时的流水线%4，只读。&lt;a href="back"&gt;返回编辑&lt;/a&gt;</translation>
    </message>
    <message>
        <source> at version %1</source>
        <translation> (版本 %1)</translation>
    </message>
    <message>
        <source>A run is going; wait for it or stop it first.</source>
        <translation>有运行正在进行；请等待其完成或先停止它。</translation>
    </message>
    <message>
        <source>Select one node to run from, or to run alone.</source>
        <translation>请选择一个节点作为运行起点，或单独运行。</translation>
    </message>
    <message>
        <source>The pipeline has no nodes yet; drag templates from the palette first.</source>
        <translation>流水线还没有节点；请先从组件面板拖入模板。</translation>
    </message>
    <message>
        <source>Changes before a run</source>
        <translation>运行前的更改</translation>
    </message>
    <message>
        <source>Asked the run to stop; running tasks get SIGTERM, then SIGKILL.</source>
        <translation>已请求停止运行；正在运行的任务将收到 SIGTERM，随后是 SIGKILL。</translation>
    </message>
    <message>
        <source>No pipeline yet.

Click New to make one, then drag templates from the palette onto the canvas.</source>
        <translation>还没有流水线。

点击“新建”创建一个，然后从组件面板将模板拖到画布上。</translation>
    </message>
    <message>
        <source>Choose a pipeline above, or click New.</source>
        <translation>请在上方选择一条流水线，或点击“新建”。</translation>
    </message>
    <message>
        <source>Template %1 is not in this workspace's library; its parameters cannot be checked.</source>
        <translation>模板 %1 不在此工作空间的模板库中；无法检查其参数。</translation>
    </message>
    <message>
        <source>Templates that take a %1</source>
        <translation>接受 %1 的模板</translation>
    </message>
    <message>
        <source>Templates that give a %1</source>
        <translation>产出 %1 的模板</translation>
    </message>
    <message>
        <source>Schedule changed; save a version for the scheduler to use it.</source>
        <translation>调度已更改；请保存一个版本以供调度器使用。</translation>
    </message>
    <message>
        <source>● edited</source>
        <translation>● 已编辑</translation>
    </message>
    <message>
        <source>Changes not saved as a version yet</source>
        <translation>更改尚未保存为版本</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation>撤销%1 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Redo %1 (Ctrl+Shift+Z)</source>
        <translation>重做%1 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>流水线</translation>
    </message>
    <message>
        <source>Runs of this pipeline; click one to see the pipeline as it was at that run</source>
        <translation>此流水线的运行；点击某次运行可查看该运行时的流水线</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Show or hide the overview in the corner of the canvas</source>
        <translation>显示或隐藏画布角落的概览</translation>
    </message>
    <message>
        <source>Note: a run would refuse this version until it is fixed:
• %1

%2</source>
        <translation>注意：在修复之前，运行将拒绝此版本：
• %1

%2</translation>
    </message>
    <message>
        <source>Saved version %1, but a run would refuse it: %2</source>
        <translation>已保存版本 %1，但运行将拒绝它：%2</translation>
    </message>
    <message>
        <source>Run %1, started %2%3</source>
        <translation>运行 %1，开始于 %2%3</translation>
    </message>
    <message>
        <source>
Off until the pipeline passes its Checks: %1</source>
        <translation>
在流水线通过检查之前不可用：%1</translation>
    </message>
    <message>
        <source>Run is off until the pipeline passes its Checks: %1</source>
        <translation>在流水线通过检查之前无法运行：%1</translation>
    </message>
</context>
<context>
    <name>atelier::PipelineSession</name>
    <message>
        <source>A version needs a message: say in a few words what changed.</source>
        <translation>版本需要一条说明：请简要说明改动内容。</translation>
    </message>
    <message>
        <source>The pipeline has no name; give it one before saving.</source>
        <translation>流水线没有名称；请在保存前为其命名。</translation>
    </message>
    <message>
        <source>Another pipeline is saved as “%1”; rename this one before saving.</source>
        <translation>已有另一条流水线保存为“%1”；请在保存前重命名此流水线。</translation>
    </message>
</context>
<context>
    <name>atelier::PoolConnections</name>
    <message>
        <source>pool %1 is %2</source>
        <translation>资源池 %1 为 %2</translation>
    </message>
    <message>
        <source>pool %1 is %2: %3</source>
        <translation>资源池 %1 为 %2：%3</translation>
    </message>
    <message>
        <source>Pool %1 is %2: %3; nothing was run.</source>
        <translation>资源池 %1 为 %2：%3；没有运行任何内容。</translation>
    </message>
</context>
<context>
    <name>atelier::PropertiesPanel</name>
    <message>
        <source>Not valid JSON (%1); write an object, an array or a value.</source>
        <translation>不是有效的 JSON（%1）；请输入一个对象、数组或值。</translation>
    </message>
    <message>
        <source>one value expected</source>
        <translation>应为单个值</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>This template has no parameters.</source>
        <translation>此模板没有参数。</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>流水线</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Select a node to edit its parameters. Drag a template from the palette onto the canvas, double-click the canvas or press Ctrl+. to add one.</source>
        <translation>选择一个节点以编辑其参数。将模板从组件面板拖到画布上、双击画布或按 Ctrl+. 即可添加节点。</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message numerus="yes">
        <source>%n nodes</source>
        <translation>
            <numerusform>%n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message numerus="yes">
        <source>%n links</source>
        <translation>
            <numerusform>%n 条连线</numerusform>
        </translation>
    </message>
    <message>
        <source>
Variables: %1</source>
        <translation>
变量：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source> &lt;a href="schedule"&gt;Change…&lt;/a&gt;</source>
        <translation> &lt;a href="schedule"&gt;更改…&lt;/a&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (UTC)%2&lt;br&gt;%3 · at most %4 at once%5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（UTC）%2&lt;br&gt;%3 · 最多同时运行 %4 个%5</translation>
    </message>
    <message>
        <source>catches up missed slots</source>
        <translation>补跑错过的时段</translation>
    </message>
    <message>
        <source>newest slot only</source>
        <translation>仅运行最新时段</translation>
    </message>
    <message>
        <source> · waits for the previous slot</source>
        <translation> · 等待上一时段完成</translation>
    </message>
    <message>
        <source>Runs only when started.%1</source>
        <translation>仅在手动启动时运行。%1</translation>
    </message>
    <message>
        <source>✓ Ready to run: no problem found.</source>
        <translation>✓ 可以运行：未发现问题。</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>A run would refuse this pipeline:
• %1</source>
        <translation>运行将拒绝此流水线：
• %1</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>执行</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Skip this node</source>
        <translation>跳过此节点</translation>
    </message>
    <message>
        <source>A skipped node does not run; the nodes after it use its outputs from an earlier run.</source>
        <translation>已跳过的节点不会运行；其后的节点将使用它在之前某次运行中的输出。</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU 数</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU 数</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>Select a node to edit its parameters.

Drag a template from the palette onto the canvas, or press Ctrl+. to add one.</source>
        <translation>选择一个节点以编辑其参数。

将模板从组件面板拖到画布上，或按 Ctrl+. 添加节点。</translation>
    </message>
    <message numerus="yes">
        <source>%n nodes selected.
Select one node to edit it.</source>
        <translation>
            <numerusform>已选择 %n 个节点。
请只选择一个节点进行编辑。</numerusform>
        </translation>
    </message>
    <message>
        <source>The run's pool</source>
        <translation>运行所用的资源池</translation>
    </message>
    <message>
        <source>Node %1 · template %2</source>
        <translation>节点 %1 · 模板 %2</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>默认值：%1</translation>
    </message>
    <message>
        <source>%1 Default: %2</source>
        <translation>%1 默认值：%2</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The template cannot be read, so its parameters cannot be edited here.</source>
        <translation>无法读取该模板，因此无法在此编辑其参数。</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose a file or folder</source>
        <translation>选择文件或文件夹</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>{{variables.NAME}}</source>
        <translation>{{variables.NAME}}</translation>
    </message>
    <message>
        <source>Use a substitution such as {{variables.seed}} instead of a number</source>
        <translation>使用 {{variables.seed}} 之类的替换变量代替数字</translation>
    </message>
    <message>
        <source>template: %1</source>
        <translation>模板：%1</translation>
    </message>
    <message>
        <source>template: %1 MB</source>
        <translation>模板：%1 MB</translation>
    </message>
    <message>
        <source>%1 (unknown pool)</source>
        <translation>%1（未知资源池）</translation>
    </message>
    <message>
        <source>Required: give a value.</source>
        <translation>必填：请填写一个值。</translation>
    </message>
    <message>
        <source>Select a node to see its parameters as they were (read-only).</source>
        <translation>选择一个节点以查看其当时的参数（只读）。</translation>
    </message>
    <message numerus="yes">
        <source>%n nodes selected.
Select one node to see its parameters.</source>
        <translation>
            <numerusform>已选择 %n 个节点。
选择一个节点以查看其参数。</numerusform>
        </translation>
    </message>
    <message>
        <source>Where the task runs: on this machine's own Python and tools (host), or in a container image (NAME:TAG, through podman).</source>
        <translation>任务的运行位置：本机自带的 Python 和工具（宿主机），或容器镜像（NAME:TAG，通过 podman）。</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>host</source>
        <translation>宿主机</translation>
    </message>
    <message>
        <source>Run the task as several processes that train together (PyTorch DDP: RANK, WORLD_SIZE, MASTER_ADDR are set for each).</source>
        <translation>将任务作为多个共同训练的进程运行（PyTorch DDP：每个进程都会设置 RANK、WORLD_SIZE、MASTER_ADDR）。</translation>
    </message>
    <message>
        <source>Processes on each node; CPUs are per process.</source>
        <translation>每个节点上的进程数；CPU 数按每个进程计。</translation>
    </message>
    <message>
        <source>Distributed</source>
        <translation>分布式</translation>
    </message>
    <message>
        <source>Processes per node</source>
        <translation>每节点进程数</translation>
    </message>
    <message>
        <source>none (one process)</source>
        <translation>无（单个进程）</translation>
    </message>
</context>
<context>
    <name>atelier::QuickAddPopup</name>
    <message>
        <source>Add a node: type to search templates</source>
        <translation>添加节点：输入以搜索模板</translation>
    </message>
</context>
<context>
    <name>atelier::RunController</name>
    <message>
        <source>A run started here is still going; wait for it or stop it first.</source>
        <translation>此处启动的运行仍在进行；请等待其完成或先停止它。</translation>
    </message>
    <message>
        <source>Save the pipeline first: a run uses the saved version.</source>
        <translation>请先保存流水线：运行使用已保存的版本。</translation>
    </message>
    <message>
        <source>Select one node to run from, or to run alone.</source>
        <translation>请选择一个节点作为运行起点，或单独运行。</translation>
    </message>
    <message>
        <source>the run process ended before it recorded a run</source>
        <translation>运行进程在记录运行之前就已结束</translation>
    </message>
    <message>
        <source>The run did not start: %1</source>
        <translation>运行未启动：%1</translation>
    </message>
</context>
<context>
    <name>atelier::RunExecutor</name>
    <message>
        <source>The pipeline is not valid; nothing was run:
%1</source>
        <translation>流水线无效；未运行任何内容：
%1</translation>
    </message>
    <message>
        <source>The pipeline has no node "%1"; nothing was run.</source>
        <translation>流水线中没有节点“%1”；未运行任何内容。</translation>
    </message>
    <message>
        <source>Node %1 needs the outputs of %2, and no earlier run of this pipeline has them. Run the whole pipeline first, or start from %2 with --from.</source>
        <translation>节点 %1 需要 %2 的输出，但此流水线之前的运行中都没有这些输出。请先运行整个流水线，或使用 --from 从 %2 开始运行。</translation>
    </message>
    <message>
        <source>outputs reused from run %1</source>
        <translation>复用了运行 %1 的输出</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>not part of this run</source>
        <translation>不在此次运行范围内</translation>
    </message>
    <message>
        <source>the run was stopped</source>
        <translation>运行已被停止</translation>
    </message>
    <message>
        <source>skipped (the node is set to skip)</source>
        <translation>已跳过（节点设置为跳过）</translation>
    </message>
    <message>
        <source>skipped: upstream %1 was skipped</source>
        <translation>已跳过：上游 %1 已跳过</translation>
    </message>
    <message>
        <source>asks for %1 CPUs, %2 MB and %3 GPUs; pool %4 has at most %5 CPUs, %6 MB and %7 GPUs. Lower the node's resources or choose a larger pool.</source>
        <translation>需要 %1 个 CPU、%2 MB 内存和 %3 个 GPU；资源池 %4 最多提供 %5 个 CPU、%6 MB 内存和 %7 个 GPU。请降低节点的资源需求，或选择更大的资源池。</translation>
    </message>
    <message>
        <source>skipped: upstream %1 failed</source>
        <translation>已跳过：上游 %1 失败</translation>
    </message>
    <message>
        <source>unknown substitution {{%1}}</source>
        <translation>未知的替换变量 {{%1}}</translation>
    </message>
    <message>
        <source>outputs reused: same template, params and inputs</source>
        <translation>复用了输出：模板、参数和输入均相同</translation>
    </message>
    <message>
        <source>output was truncated</source>
        <translation>输出已被截断</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>attempt %1 failed (%2); retrying in %3 s</source>
        <translation>第 %1 次尝试失败（%2）；%3 秒后重试</translation>
    </message>
    <message>
        <source>The run could not record its progress in the catalog: %1</source>
        <translation>运行无法将进度记录到目录库：%1</translation>
    </message>
    <message>
        <source>the node is set to skip</source>
        <translation>该节点被设置为跳过</translation>
    </message>
    <message>
        <source>upstream %1 is skipped</source>
        <translation>上游 %1 被跳过</translation>
    </message>
    <message>
        <source>same template, params and inputs as before</source>
        <translation>模板、参数和输入与之前相同</translation>
    </message>
    <message>
        <source>Node %1 runs on pool "%2", which does not exist; nothing was run. 'atelier pool list' shows the pools.</source>
        <translation>节点 %1 指定在资源池“%2”上运行，但该资源池不存在；未运行任何内容。'atelier pool list' 会列出所有资源池。</translation>
    </message>
    <message>
        <source>refused before submit: %1</source>
        <translation>提交前被拒绝：%1</translation>
    </message>
    <message>
        <source>asks for %1 nodes; pool %2 is one machine. Run it on a cluster pool.</source>
        <translation>需要 %1 个节点；资源池 %2 只有一台机器。请在集群资源池上运行。</translation>
    </message>
    <message>
        <source>submitting to pool %1</source>
        <translation>正在提交到资源池 %1</translation>
    </message>
    <message>
        <source>skipped: upstream %1 was lost</source>
        <translation>已跳过：上游 %1 已丢失</translation>
    </message>
    <message>
        <source>Node %1 runs in image %2: %3 Nothing was run.</source>
        <translation>节点 %1 在镜像 %2 中运行：%3 未运行任何内容。</translation>
    </message>
    <message>
        <source>in image %1 (%2)</source>
        <translation>在镜像 %1（%2）中</translation>
    </message>
</context>
<context>
    <name>atelier::RunLauncher</name>
    <message>
        <source>--from and --only cannot be used together.</source>
        <translation>--from 和 --only 不能同时使用。</translation>
    </message>
    <message>
        <source>The run was not prepared.</source>
        <translation>运行尚未准备好。</translation>
    </message>
    <message>
        <source>it says %1</source>
        <translation>目录库记录为 %1</translation>
    </message>
    <message>
        <source>Run %1 finished as %2, but the catalog could not record it (%3). Free disk space or fix the workspace, then check 'atelier runs show %1'.</source>
        <translation>运行 %1 以 %2 结束，但目录库无法记录此结果（%3）。请释放磁盘空间或修复工作区，然后用 'atelier runs show %1' 检查。</translation>
    </message>
    <message>
        <source>Some task states of run %1 could not be recorded: %2</source>
        <translation>运行 %1 的部分任务状态无法记录：%2</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
</context>
<context>
    <name>atelier::RunOverlay</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最新值</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>No run yet. Run the pipeline (Run all) and each node shows its state; select a node to see its logs, metrics and outputs.</source>
        <translation>尚无运行。运行流水线（全部运行）后，每个节点都会显示其状态；选择节点可查看其日志、指标和输出。</translation>
    </message>
    <message>
        <source>Run %1 — reading…</source>
        <translation>运行 %1 — 正在读取…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Run %1&lt;/b&gt; · %2 · started %3 · %4</source>
        <translation>&lt;b&gt;运行 %1&lt;/b&gt; · %2 · 开始于 %3 · %4</translation>
    </message>
    <message>
        <source> · version %1</source>
        <translation> · 版本 %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;Node &lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;br&gt;节点 &lt;b&gt;%1&lt;/b&gt;：%2</translation>
    </message>
    <message>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
    <message>
        <source> · exit code %1</source>
        <translation> · 退出码 %1</translation>
    </message>
    <message>
        <source> · %1 attempts</source>
        <translation> · 尝试 %1 次</translation>
    </message>
    <message>
        <source>&lt;br&gt;Node &lt;b&gt;%1&lt;/b&gt; was not part of this run.</source>
        <translation>&lt;br&gt;节点 &lt;b&gt;%1&lt;/b&gt; 不在本次运行中。</translation>
    </message>
    <message>
        <source>&lt;br&gt;Select a node to see its logs and outputs.</source>
        <translation>&lt;br&gt;选择节点以查看其日志和输出。</translation>
    </message>
    <message>
        <source>Select a node to see its log.</source>
        <translation>选择节点以查看其日志。</translation>
    </message>
    <message>
        <source>No log: the task has not started, or it was cached.</source>
        <translation>无日志：任务尚未开始，或结果来自缓存。</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>atelier::RunsView</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
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
        <source>Search runs…</source>
        <translation>搜索运行…</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>产出文件</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最新值</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>Select several runs to overlay them.</source>
        <translation>选择多个运行可叠加显示。</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>更早</translation>
    </message>
    <message>
        <source>Show the part of the log before this page.</source>
        <translation>显示此页之前的日志内容。</translation>
    </message>
    <message>
        <source>Find in log…</source>
        <translation>在日志中查找…</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>All pipelines and experiments</source>
        <translation>全部流水线和实验</translation>
    </message>
    <message>
        <source>State: %1 · pool %2 · took %3</source>
        <translation>状态：%1 · 资源池 %2 · 耗时 %3</translation>
    </message>
    <message>
        <source>Pipeline version: not committed (snapshot in the run folder)</source>
        <translation>流水线版本：未提交（快照保存在运行文件夹中）</translation>
    </message>
    <message>
        <source>Pipeline version: commit %1</source>
        <translation>流水线版本：提交 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n malformed metric lines were skipped.</source>
        <translation>
            <numerusform>已跳过 %n 个格式错误的指标行。</numerusform>
        </translation>
    </message>
    <message>
        <source>No log yet: the task has not started.</source>
        <translation>暂无日志：任务尚未开始。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Select runs in the list to compare their params and final metrics; the best value of each metric is highlighted.</source>
        <translation>在列表中选择多个运行以对比其参数和最终指标；每个指标的最佳值会高亮显示。</translation>
    </message>
    <message>
        <source>Add to experiment…</source>
        <translation>加入实验…</translation>
    </message>
    <message>
        <source>Add to experiment</source>
        <translation>加入实验</translation>
    </message>
    <message>
        <source>Experiment name:</source>
        <translation>实验名称：</translation>
    </message>
    <message>
        <source>Best: lowest</source>
        <translation>最佳：最低</translation>
    </message>
    <message>
        <source>Best: highest</source>
        <translation>最佳：最高</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Models registered from this run: %1</source>
        <translation>由此运行注册的模型：%1</translation>
    </message>
    <message>
        <source>unknown (not ended when imported)</source>
        <translation>未知（导入时尚未结束）</translation>
    </message>
    <message>
        <source>Sweeps</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Final value</source>
        <translation>最终值</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Reported by run %1, whose outputs a cached task of this run reused.</source>
        <translation>由运行 %1 报告，此运行中的一个已缓存任务复用了其输出。</translation>
    </message>
    <message>
        <source>run %1 (%2)</source>
        <translation>运行 %1（%2）</translation>
    </message>
    <message>
        <source>Cached tasks ran nothing in this run: their outputs and their metrics (in italics) are those of %1.</source>
        <translation>已缓存任务在此运行中未执行任何操作：其输出和指标（斜体）来自 %1。</translation>
    </message>
    <message>
        <source>This task was cached: it ran nothing in this run and reused the outputs of run %1. Its log below is from that run.</source>
        <translation>此任务已缓存：它在此运行中未执行任何操作，复用了运行 %1 的输出。下方日志来自该运行。</translation>
    </message>
    <message>
        <source>This task was cached: it reused the outputs of an earlier run and ran nothing, so it has no log of its own.</source>
        <translation>此任务已缓存：它复用了之前某次运行的输出，未执行任何操作，因此没有自己的日志。</translation>
    </message>
    <message>
        <source>This task was skipped, so it has no log.</source>
        <translation>此任务已跳过，因此没有日志。</translation>
    </message>
    <message>
        <source>No log: %1</source>
        <translation>无日志：%1</translation>
    </message>
    <message>
        <source>%1 (reused from run %2)</source>
        <translation>%1（复用自运行 %2）</translation>
    </message>
    <message>
        <source>Ran in image %1 (%2).</source>
        <translation>在镜像 %1（%2）中运行。</translation>
    </message>
</context>
<context>
    <name>atelier::ScheduleDialog</name>
    <message>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Run this pipeline on a schedule</source>
        <translation>按调度运行此流水线</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>minute hour day month weekday, e.g. 0 2 * * *</source>
        <translation>分 时 日 月 星期，例如 0 2 * * *</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>每小时</translation>
    </message>
    <message>
        <source>Every day at 02:00</source>
        <translation>每天 02:00</translation>
    </message>
    <message>
        <source>Weekdays at 06:30</source>
        <translation>工作日 06:30</translation>
    </message>
    <message>
        <source>Every Sunday at midnight</source>
        <translation>每周日午夜</translation>
    </message>
    <message>
        <source>First of the month</source>
        <translation>每月 1 日</translation>
    </message>
    <message>
        <source>Cron (UTC)</source>
        <translation>Cron (UTC)</translation>
    </message>
    <message>
        <source>Not before</source>
        <translation>不早于</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Catch up: run the slots missed while Atelier was closed</source>
        <translation>补跑：运行 Atelier 关闭期间错过的时段</translation>
    </message>
    <message>
        <source>Start a slot only after the previous one succeeded</source>
        <translation>仅在上一时段成功后才开始下一时段</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source> run folders</source>
        <translation> 个运行文件夹</translation>
    </message>
    <message>
        <source>At most active at once</source>
        <translation>最多同时运行</translation>
    </message>
    <message>
        <source>Keep the newest</source>
        <translation>保留最新的</translation>
    </message>
    <message>
        <source>Next slots</source>
        <translation>接下来的时段</translation>
    </message>
    <message>
        <source>Scheduled runs</source>
        <translation>已调度的运行</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No slot in the next five years.</source>
        <translation>未来五年内没有时段。</translation>
    </message>
    <message>
        <source>Give a cron expression, e.g. "0 2 * * *" for every day at 02:00 UTC.</source>
        <translation>请输入 cron 表达式，例如 "0 2 * * *" 表示每天 UTC 02:00。</translation>
    </message>
    <message>
        <source>No scheduled run of this pipeline yet.</source>
        <translation>此流水线还没有已调度的运行。</translation>
    </message>
</context>
<context>
    <name>atelier::ScheduleRunner</name>
    <message>
        <source>Scheduled run of %1 for %2 started.</source>
        <translation>已启动 %1 的调度运行（调度时间 %2）。</translation>
    </message>
    <message>
        <source>Could not start the scheduled run of %1.</source>
        <translation>无法启动 %1 的调度运行。</translation>
    </message>
</context>
<context>
    <name>atelier::SessionStartDialog</name>
    <message>
        <source>Start a Jupyter session</source>
        <translation>启动 Jupyter 会话</translation>
    </message>
    <message>
        <source>a new name</source>
        <translation>新名称</translation>
    </message>
    <message>
        <source>A stopped session's name starts it again with its working folder.</source>
        <translation>输入已停止会话的名称，将使用其工作文件夹重新启动该会话。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source> CPUs</source>
        <translation> 个 CPU</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source> GPUs</source>
        <translation> 个 GPU</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>Stop the session after this long without kernel or browser activity.</source>
        <translation>内核或浏览器无活动达到此时长后停止会话。</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>空闲超时</translation>
    </message>
    <message>
        <source>none, or path:/a/folder</source>
        <translation>无，或 path:/a/folder</translation>
    </message>
    <message>
        <source>Bound read-only as input%1 beside the working folder home.</source>
        <translation>以只读方式绑定为 input%1，位于工作文件夹 home 旁。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
</context>
<context>
    <name>atelier::SessionSupervisor</name>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>No session named %1.</source>
        <translation>没有名为 %1 的会话。</translation>
    </message>
    <message>
        <source>Session %1 is %2, not pending.</source>
        <translation>会话 %1 的状态为 %2，而非等待中。</translation>
    </message>
    <message>
        <source>The session asks for %1 GPU(s); this machine has %2.</source>
        <translation>该会话需要 %1 个 GPU；本机只有 %2 个。</translation>
    </message>
    <message>
        <source>the server ended before it answered: %1</source>
        <translation>服务器在响应前已结束：%1</translation>
    </message>
    <message>
        <source>the server ended by itself</source>
        <translation>服务器自行结束了</translation>
    </message>
    <message>
        <source>the server ended: %1</source>
        <translation>服务器已结束：%1</translation>
    </message>
    <message>
        <source>stopped by the user</source>
        <translation>已由用户停止</translation>
    </message>
    <message>
        <source>the server did not answer within %1 s</source>
        <translation>服务器未在 %1 秒内响应</translation>
    </message>
    <message>
        <source>stopped after %1 without activity (idle timeout)</source>
        <translation>无活动达 %1 后已停止（空闲超时）</translation>
    </message>
</context>
<context>
    <name>atelier::SessionsView</name>
    <message>
        <source>CPU %</source>
        <translation>CPU 使用率（%）</translation>
    </message>
    <message>
        <source>Memory MB</source>
        <translation>内存（MB）</translation>
    </message>
    <message>
        <source>GPU %</source>
        <translation>GPU 使用率（%）</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>停止中</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Jupyter for one person on a pool, with datasets, models and run outputs bound read-only as input0…input4 beside the working folder home.</source>
        <translation>在资源池上供个人使用的 Jupyter，数据集、模型和运行输出以只读方式绑定为 input0…input4，位于工作文件夹 home 旁。</translation>
    </message>
    <message>
        <source>Start…</source>
        <translation>启动…</translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>运行时长</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲时长</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Stopping %1…</source>
        <translation>正在停止 %1…</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>正在启动 %1…</translation>
    </message>
    <message>
        <source>%1 CPU · %2 MB · %3 GPU</source>
        <translation>%1 个 CPU · %2 MB · %3 个 GPU</translation>
    </message>
    <message>
        <source>a session</source>
        <translation>一个会话</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 is %2: %3</source>
        <translation>%1：%2（%3）</translation>
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
    <name>atelier::SlurmConnector</name>
    <message>
        <source>submitted to %1 as job %2</source>
        <translation>已作为作业 %2 提交到 %1</translation>
    </message>
    <message>
        <source>stopped before Slurm took it</source>
        <translation>在 Slurm 接收之前已停止</translation>
    </message>
    <message>
        <source>Slurm refused the job: %1</source>
        <translation>Slurm 拒绝了该作业：%1</translation>
    </message>
    <message>
        <source>stopped before it was submitted</source>
        <translation>在提交之前已停止</translation>
    </message>
    <message>
        <source>Slurm no longer knows job %1; its end is unknown</source>
        <translation>Slurm 中已找不到作业 %1；其结束状态未知</translation>
    </message>
    <message>
        <source>pending in Slurm (job %1)</source>
        <translation>在 Slurm 中等待（作业 %1）</translation>
    </message>
    <message>
        <source>pending in Slurm (job %1): %2</source>
        <translation>在 Slurm 中等待（作业 %1）：%2</translation>
    </message>
    <message>
        <source>Slurm job %1 %2</source>
        <translation>Slurm 作业 %1：%2</translation>
    </message>
    <message>
        <source>Slurm job %1 %2 on %3</source>
        <translation>Slurm 作业 %1：%2（节点 %3）</translation>
    </message>
    <message>
        <source>Slurm job %1 failed: killed by signal %2</source>
        <translation>Slurm 作业 %1 失败：被信号 %2 终止</translation>
    </message>
    <message>
        <source>Slurm job %1 failed with exit code %2%3</source>
        <translation>Slurm 作业 %1 失败，退出码 %2%3</translation>
    </message>
    <message>
        <source>timed out; Slurm job %1 was cancelled</source>
        <translation>已超时；Slurm 作业 %1 已取消</translation>
    </message>
    <message>
        <source>stopped; Slurm job %1 was cancelled</source>
        <translation>已停止；Slurm 作业 %1 已取消</translation>
    </message>
    <message>
        <source>Slurm job %1 was cancelled outside Atelier%2</source>
        <translation>Slurm 作业 %1 在 Atelier 之外被取消%2</translation>
    </message>
    <message>
        <source>Slurm job %1 reached its time limit</source>
        <translation>Slurm 作业 %1 已达到时间上限</translation>
    </message>
    <message>
        <source>Slurm job %1 ended by a node failure%2</source>
        <translation>Slurm 作业 %1 因节点故障而终止%2</translation>
    </message>
    <message>
        <source>Slurm job %1 ran out of memory; ask for more memory_mb</source>
        <translation>Slurm 作业 %1 内存不足；请增大 memory_mb</translation>
    </message>
    <message>
        <source>Slurm job %1 was preempted</source>
        <translation>Slurm 作业 %1 被抢占</translation>
    </message>
    <message>
        <source>Slurm job %1 is %2</source>
        <translation>Slurm 作业 %1 的状态为 %2</translation>
    </message>
    <message>
        <source>lost: pool %1 has not answered since %2 (%3); the task was never submitted</source>
        <translation>已丢失：资源池 %1 自 %2 起无响应（%3）；该任务从未提交</translation>
    </message>
    <message>
        <source>lost: pool %1 has not answered since %2 (%3); the end of Slurm job %4 is unknown</source>
        <translation>已丢失：资源池 %1 自 %2 起无响应（%3）；Slurm 作业 %4 的结束状态未知</translation>
    </message>
</context>
<context>
    <name>atelier::SlurmPoolDialog</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Staging folder</source>
        <translation>暂存文件夹</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>令牌文件</translation>
    </message>
    <message>
        <source>Add Slurm pool</source>
        <translation>添加 Slurm 资源池</translation>
    </message>
    <message>
        <source>e.g. gpu-cluster</source>
        <translation>例如 gpu-cluster</translation>
    </message>
    <message>
        <source>https://slurm.example.org:6820 or unix:/run/slurmrestd.sock</source>
        <translation>https://slurm.example.org:6820 或 unix:/run/slurmrestd.sock</translation>
    </message>
    <message>
        <source>Token from a file (mode 0600)</source>
        <translation>从文件读取令牌（权限 0600）</translation>
    </message>
    <message>
        <source>Token minted by scontrol token</source>
        <translation>由 scontrol token 签发的令牌</translation>
    </message>
    <message>
        <source>Local (unix socket only)</source>
        <translation>本地（仅限 unix 套接字）</translation>
    </message>
    <message>
        <source>the cluster's default</source>
        <translation>集群默认值</translation>
    </message>
    <message>
        <source>a folder this machine and the cluster both see</source>
        <translation>本机和集群都能访问的文件夹</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>slurmrestd</source>
        <translation>slurmrestd</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>认证方式</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Add and check</source>
        <translation>添加并检查</translation>
    </message>
    <message>
        <source>Give the pool a name.</source>
        <translation>请为资源池指定名称。</translation>
    </message>
    <message>
        <source>Give slurmrestd's address.</source>
        <translation>请填写 slurmrestd 的地址。</translation>
    </message>
    <message>
        <source>Choose the file that holds the token.</source>
        <translation>请选择存放令牌的文件。</translation>
    </message>
    <message>
        <source>Choose the staging folder.</source>
        <translation>请选择暂存文件夹。</translation>
    </message>
    <message>
        <source>The pool is checked once added; its token is read from the file at each use and never stored.</source>
        <translation>资源池添加后会立即检查；其令牌在每次使用时从文件读取，从不保存。</translation>
    </message>
</context>
<context>
    <name>atelier::SweepLauncher</name>
    <message>
        <source>The sweep was not prepared.</source>
        <translation>扫描尚未准备好。</translation>
    </message>
</context>
<context>
    <name>atelier::SweepMarker</name>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Try several values of this parameter in a sweep ('atelier sweep run'); a plain run keeps the value above.</source>
        <translation>在扫描中尝试此参数的多个值（'atelier sweep run'）；普通运行仍使用上面的值。</translation>
    </message>
    <message>
        <source>float(LO,HI), int(LO,HI), choice(A,B)</source>
        <translation>float(LO,HI), int(LO,HI), choice(A,B)</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
</context>
<context>
    <name>atelier::SweepRunner</name>
    <message>
        <source>Stopped; 'atelier sweep resume %1' continues it.</source>
        <translation>已停止；执行 'atelier sweep resume %1' 可继续。</translation>
    </message>
    <message numerus="yes">
        <source>The time limit (%n s) was reached.</source>
        <translation>
            <numerusform>已达到时间限制（%n 秒）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Trial %1 could not start: %2</source>
        <translation>试验 %1 无法启动：%2</translation>
    </message>
    <message>
        <source>pruned at step %1</source>
        <translation>已在第 %1 步剪枝</translation>
    </message>
    <message>
        <source>node %1 logged no finite value of "%2" (run %3 logged: %4)</source>
        <translation>节点 %1 未记录“%2”的有限值（运行 %3 记录了：%4）</translation>
    </message>
    <message>
        <source>node %1 logged no metric "%2" (run %3 logged none)</source>
        <translation>节点 %1 未记录指标“%2”（运行 %3 未记录任何指标）</translation>
    </message>
    <message>
        <source>Trial %1: %2; the objective --objective %3.%4 is never logged, so no more trials are run.</source>
        <translation>试验 %1：%2；目标 --objective %3.%4 从未被记录，因此不再运行更多试验。</translation>
    </message>
    <message>
        <source>run %1 %2</source>
        <translation>运行 %1 %2</translation>
    </message>
</context>
<context>
    <name>atelier::SweepSectionBox</name>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>NODE.METRIC</source>
        <translation>NODE.METRIC</translation>
    </message>
    <message>
        <source>maximize</source>
        <translation>最大化</translation>
    </message>
    <message>
        <source>minimize</source>
        <translation>最小化</translation>
    </message>
    <message>
        <source>default (20)</source>
        <translation>默认（20）</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>试验数</translation>
    </message>
    <message>
        <source>Remove the sweep</source>
        <translation>移除扫描</translation>
    </message>
    <message>
        <source>Write NODE.METRIC, e.g. train.accuracy.</source>
        <translation>请写成 NODE.METRIC，例如 train.accuracy。</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>No parameter is swept. Select a node and tick Sweep under a parameter.</source>
        <translation>尚未扫描任何参数。请选择一个节点，并勾选参数下方的“扫描”。</translation>
    </message>
    <message>
        <source>Run it with: atelier sweep run %1</source>
        <translation>运行方式：atelier sweep run %1</translation>
    </message>
</context>
<context>
    <name>atelier::SweepsPanel</name>
    <message>
        <source>Sweep:</source>
        <translation>扫描：</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Double-click a trial to open its run.</source>
        <translation>双击试验以打开其运行。</translation>
    </message>
    <message>
        <source>Objective per trial</source>
        <translation>各试验的目标值</translation>
    </message>
    <message>
        <source>trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>best so far</source>
        <translation>迄今最佳</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>No sweeps yet. Start one with 'atelier sweep run PIPELINE --param NODE.PARAM=SPEC --objective NODE.METRIC'.</source>
        <translation>尚无扫描。可使用 'atelier sweep run PIPELINE --param NODE.PARAM=SPEC --objective NODE.METRIC' 启动一个。</translation>
    </message>
    <message>
        <source>Reading the study of %1…</source>
        <translation>正在读取 %1 的研究…</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n trials, %2</source>
        <translation>
            <numerusform>%1 — %n 个试验，%2</numerusform>
        </translation>
    </message>
    <message>
        <source>best: trial %1, %2</source>
        <translation>最佳：试验 %1，%2</translation>
    </message>
    <message>
        <source>Parameter importances: %1</source>
        <translation>参数重要性：%1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Open best run</source>
        <translation>打开最佳运行</translation>
    </message>
    <message>
        <source>Show the run of the best trial in the Runs tab.</source>
        <translation>在“运行”标签页中显示最佳试验的运行。</translation>
    </message>
    <message>
        <source>Register best model…</source>
        <translation>注册最佳模型…</translation>
    </message>
    <message>
        <source>Register the model output of the best trial's run in the model registry.</source>
        <translation>将最佳试验所属运行的模型输出注册到模型注册表中。</translation>
    </message>
    <message>
        <source>Register the best model</source>
        <translation>注册最佳模型</translation>
    </message>
    <message>
        <source>Register the model of run %1 as a new version of:</source>
        <translation>将运行 %1 的模型注册为以下模型的新版本：</translation>
    </message>
    <message>
        <source>Registered %1.</source>
        <translation>已注册 %1。</translation>
    </message>
    <message>
        <source>Registering the model of run %1…</source>
        <translation>正在注册运行 %1 的模型…</translation>
    </message>
    <message>
        <source>Best trial of sweep %1</source>
        <translation>扫描 %1 的最佳试验</translation>
    </message>
</context>
<context>
    <name>atelier::TaskTimeline</name>
    <message>
        <source>0 s</source>
        <translation>0 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>cached: outputs of an earlier run reused</source>
        <translation>已缓存：复用了之前某次运行的输出</translation>
    </message>
</context>
<context>
    <name>atelier::TemplateDecorationProxy</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &lt;i&gt;%2&lt;/i&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;In: %4&lt;br&gt;Out: %5&lt;/p&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &lt;i&gt;%2&lt;/i&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;输入：%4&lt;br&gt;输出：%5&lt;/p&gt;</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>atelier::TemplatePalette</name>
    <message>
        <source>Search templates</source>
        <translation>搜索模板</translation>
    </message>
</context>
<context>
    <name>atelier::TextAgreementView</name>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Annotator A</source>
        <translation>标注员 A</translation>
    </message>
    <message>
        <source>Annotator B</source>
        <translation>标注员 B</translation>
    </message>
    <message>
        <source>Items they disagree on</source>
        <translation>存在分歧的条目</translation>
    </message>
    <message>
        <source>Pick an item to adjudicate.</source>
        <translation>选择一个条目进行裁决。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Keep A's</source>
        <translation>保留 A 的</translation>
    </message>
    <message>
        <source>Keep B's</source>
        <translation>保留 B 的</translation>
    </message>
    <message>
        <source>Save resolution</source>
        <translation>保存裁决结果</translation>
    </message>
    <message>
        <source>The checked annotations become the item's; the others are set aside (kept for audit) and the item is marked reviewed.</source>
        <translation>勾选的标注将成为该条目的标注；其余标注将被搁置（保留以供审计），并且该条目被标记为已审核。</translation>
    </message>
    <message>
        <source>Edit in annotator</source>
        <translation>在标注器中编辑</translation>
    </message>
    <message>
        <source>Open the item in the Annotate tab to label it yourself</source>
        <translation>在“标注”标签页中打开该条目，自行标注</translation>
    </message>
    <message numerus="yes">
        <source>Agreement needs two annotators: this dataset has %n.</source>
        <translation>
            <numerusform>一致性比较需要两名标注员：此数据集有 %n 名。</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick two different annotators.</source>
        <translation>请选择两名不同的标注员。</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <source>Cohen's κ</source>
        <translation>Cohen's κ</translation>
    </message>
    <message>
        <source>not compared yet</source>
        <translation>尚未比较</translation>
    </message>
    <message>
        <source>Span F1</source>
        <translation>片段 F1</translation>
    </message>
    <message numerus="yes">
        <source>observed %1 · chance %2 · %n item(s)</source>
        <translation>
            <numerusform>观测 %1 · 随机 %2 · %n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>Span F1 (exact)</source>
        <translation>片段 F1（精确匹配）</translation>
    </message>
    <message>
        <source>P %1 · R %2 · %3 of %4 / %5 spans match</source>
        <translation>P %1 · R %2 · %3 / %4 / %5 个片段匹配</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %2 both annotated %n item(s); they disagree on %3.</source>
        <translation>
            <numerusform>%1 和 %2 共同标注了 %n 个条目；其中 %3 个存在分歧。</numerusform>
        </translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>条目 %1</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>评分 %1</translation>
    </message>
    <message>
        <source>Adjudicate: %1</source>
        <translation>裁决：%1</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>条目 %1</translation>
    </message>
    <message>
        <source>Text B</source>
        <translation>文本 B</translation>
    </message>
    <message>
        <source>Not resolved: %1</source>
        <translation>未裁决：%1</translation>
    </message>
    <message>
        <source>Resolved: the item is marked reviewed.</source>
        <translation>已裁决：该条目已标记为已审核。</translation>
    </message>
</context>
<context>
    <name>atelier::TextAnnotationDocument</name>
    <message>
        <source>The changed annotation was never saved; reopen the item and label it again.</source>
        <translation>更改的标注从未保存；请重新打开该条目并再次标注。</translation>
    </message>
</context>
<context>
    <name>atelier::TextAnnotator</name>
    <message>
        <source>Unlabeled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <source>Labeled</source>
        <translation>已标注</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>条目 %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>全部条目</translation>
    </message>
    <message>
        <source>Order by uncertainty</source>
        <translation>按不确定度排序</translation>
    </message>
    <message>
        <source>Most uncertain first, by the model's pending suggestions (active learning)</source>
        <translation>按模型待处理建议排序，最不确定的在前（主动学习）</translation>
    </message>
    <message>
        <source>Others' spans</source>
        <translation>他人的片段</translation>
    </message>
    <message>
        <source>Train a TF-IDF model on the labeled items and suggest labels for the others (runs in the background)</source>
        <translation>在已标注的条目上训练 TF-IDF 模型，并为其余条目建议标签（在后台运行）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Review comment (optional)</source>
        <translation>审核意见（可选）</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Mark the item reviewed (Ctrl+Enter)</source>
        <translation>将该条目标记为已审核 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Reject item</source>
        <translation>拒绝条目</translation>
    </message>
    <message>
        <source>Send the item back with the comment (Ctrl+Backspace)</source>
        <translation>附上意见退回该条目 (Ctrl+Backspace)</translation>
    </message>
    <message>
        <source>Review:</source>
        <translation>审核：</translation>
    </message>
    <message>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation>撤销%1 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo %1 (Ctrl+Shift+Z)</source>
        <translation>重做%1 (Ctrl+Shift+Z)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>"%1" is an image dataset: open it in the image annotator.</source>
        <translation>“%1”是图像数据集：请在图像标注器中打开。</translation>
    </message>
    <message>
        <source>Label the selection as "%1"</source>
        <translation>将所选内容标记为“%1”</translation>
    </message>
    <message>
        <source>Select text (Shift+arrows), press a key · Tab: next span · Del: delete</source>
        <translation>选择文本 (Shift+方向键)，按标签键 · Tab：下一个片段 · Del：删除</translation>
    </message>
    <message>
        <source>No dataset open</source>
        <translation>未打开数据集</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>No suggestions for this item.</source>
        <translation>此条目没有建议。</translation>
    </message>
    <message>
        <source>score</source>
        <translation>评分</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) · next: %1 by %2</source>
        <translation>
            <numerusform>%n 条建议 · 下一条：%1（来自 %2）</numerusform>
        </translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>评分 %1</translation>
    </message>
    <message>
        <source>This suggestion overlaps "%1", and this dataset does not allow overlapping spans: delete that span first, or reject the suggestion.</source>
        <translation>此建议与“%1”重叠，而此数据集不允许片段重叠：请先删除该片段，或拒绝此建议。</translation>
    </message>
    <message>
        <source>Say why the item is rejected in the review comment, then reject it.</source>
        <translation>请在审核意见中说明拒绝该条目的原因，然后再拒绝。</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>已通过。</translation>
    </message>
    <message>
        <source>Rejected.</source>
        <translation>已拒绝。</translation>
    </message>
    <message>
        <source>uncertainty %1</source>
        <translation>不确定度 %1</translation>
    </message>
    <message>
        <source>No item has a scored suggestion yet: run "%1" first, then order by uncertainty.</source>
        <translation>还没有条目带有评分建议：请先运行“%1”，再按不确定度排序。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Training and predicting…</source>
        <translation>正在训练和预测…</translation>
    </message>
    <message>
        <source>Importing suggestions…</source>
        <translation>正在导入建议…</translation>
    </message>
    <message>
        <source>Suggestions cancelled.</source>
        <translation>已取消建议。</translation>
    </message>
    <message>
        <source>No suggestions: %1</source>
        <translation>没有建议：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 suggested %n label(s) on %2 item(s).</source>
        <translation>
            <numerusform>%1 在 %2 个条目上建议了 %n 个标签。</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed %1's span “%2” from %3 to %4 (Ctrl+Z undoes it).</source>
        <translation>已将 %1 的片段“%2”从 %3 更改为 %4（按 Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <source>Deleted %1's span “%2” (%3) (Ctrl+Z undoes it).</source>
        <translation>已删除 %1 的片段“%2”（%3）（按 Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <source>‹ Datasets</source>
        <translation>‹ 数据集</translation>
    </message>
    <message>
        <source>Back to the list of datasets (Alt+Left, or Esc)</source>
        <translation>返回数据集列表（Alt+Left 或 Esc）</translation>
    </message>
    <message>
        <source>Show the spans other annotators accepted (lighter, dotted underline; hover for the author). Untick to see only yours.</source>
        <translation>显示其他标注员已接受的片段（颜色较浅、点状下划线；悬停可查看作者）。取消勾选则只显示您的片段。</translation>
    </message>
    <message>
        <source>Previous item (A, Page Up)</source>
        <translation>上一个条目（A、Page Up）</translation>
    </message>
    <message>
        <source>Next item (D, Page Down)</source>
        <translation>下一个条目（D、Page Down）</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Accept the suggestion (Enter)</source>
        <translation>接受建议（Enter）</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Reject the suggestion (Del)</source>
        <translation>拒绝建议（Del）</translation>
    </message>
    <message>
        <source>Suggest labels</source>
        <translation>建议标签</translation>
    </message>
    <message>
        <source>Dictionary model: find the span texts already labeled (and a dictionary) in the other items and suggest them (runs in the background)</source>
        <translation>词典模型：在其他条目中查找已标注的片段文本（以及词典中的词条）并给出建议（在后台运行）</translation>
    </message>
    <message>
        <source>TF-IDF model: train it on the labeled items and suggest labels for the others (runs in the background)</source>
        <translation>TF-IDF 模型：在已标注的条目上训练，并为其他条目建议标签（在后台运行）</translation>
    </message>
    <message>
        <source>suggested by %1</source>
        <translation>由 %1 建议</translation>
    </message>
    <message>
        <source>by %1 (a key changes it)</source>
        <translation>由 %1 标注（按键可更改）</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>您的</translation>
    </message>
    <message>
        <source>Selected: &lt;b&gt;%1&lt;/b&gt; “%2” · %3</source>
        <translation>已选择：&lt;b&gt;%1&lt;/b&gt; “%2” · %3</translation>
    </message>
</context>
<context>
    <name>atelier::TextClassificationPanel</name>
    <message>
        <source>Several labels may apply: each key toggles its label.</source>
        <translation>可适用多个标签：每个按键切换对应的标签。</translation>
    </message>
    <message>
        <source>One label per text: a key picks it, replacing the other.</source>
        <translation>每条文本只有一个标签：按键选择标签，并替换原有标签。</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>suggested %1</source>
        <translation>建议 %1</translation>
    </message>
</context>
<context>
    <name>atelier::TextPairView</name>
    <message>
        <source>Text A</source>
        <translation>文本 A</translation>
    </message>
    <message>
        <source>Text B</source>
        <translation>文本 B</translation>
    </message>
    <message>
        <source>Similar   [1 / S]</source>
        <translation>相似   [1 / S]</translation>
    </message>
    <message>
        <source>Not similar   [2 / N]</source>
        <translation>不相似   [2 / N]</translation>
    </message>
    <message>
        <source>Not similar</source>
        <translation>不相似</translation>
    </message>
    <message>
        <source>Same meaning</source>
        <translation>含义相同</translation>
    </message>
    <message>
        <source>Save score   [Enter]</source>
        <translation>保存评分   [Enter]</translation>
    </message>
    <message>
        <source>similar</source>
        <translation>相似</translation>
    </message>
    <message>
        <source>not similar</source>
        <translation>不相似</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>评分 %1</translation>
    </message>
    <message>
        <source>Suggested by %1: %2 — Enter accepts, Del rejects</source>
        <translation>由 %1 建议：%2 — 按 Enter 接受，按 Del 拒绝</translation>
    </message>
</context>
<context>
    <name>atelier::TextSpanEditor</name>
    <message>
        <source>by %1</source>
        <translation>由 %1 标注</translation>
    </message>
    <message>
        <source>suggested by %1</source>
        <translation>由 %1 建议</translation>
    </message>
    <message>
        <source>accepted from %1</source>
        <translation>接受自 %1</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>评分 %1</translation>
    </message>
    <message>
        <source>Select some text first (Shift+arrows, or drag with the mouse).</source>
        <translation>请先选择文本（Shift+方向键，或用鼠标拖动）。</translation>
    </message>
    <message>
        <source>This dataset does not allow overlapping spans: the selection overlaps "%1". Delete that span first.</source>
        <translation>此数据集不允许片段重叠：所选内容与“%1”重叠。请先删除该片段。</translation>
    </message>
    <message>
        <source>Select some text first, or a span (click it or press Tab).</source>
        <translation>请先选择文本或片段（单击片段或按 Tab）。</translation>
    </message>
    <message>
        <source>Label selection as</source>
        <translation>将所选内容标记为</translation>
    </message>
    <message>
        <source>Relabel as</source>
        <translation>重新标记为</translation>
    </message>
    <message>
        <source>Accept suggestion	Enter</source>
        <translation>接受建议	Enter</translation>
    </message>
    <message>
        <source>Reject suggestion	Del</source>
        <translation>拒绝建议	Del</translation>
    </message>
    <message>
        <source>Delete span	Del</source>
        <translation>删除片段	Del</translation>
    </message>
</context>
<context>
    <name>atelier::ThumbnailDelegate</name>
    <message>
        <source>Unlabeled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <source>Labeled</source>
        <translation>已标注</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
</context>
<context>
    <name>atelier::VersionsPanel</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Select one version to compare it with the pipeline as edited, or two to compare them.</source>
        <translation>选择一个版本与当前编辑的流水线比较，或选择两个版本相互比较。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Clear marks</source>
        <translation>清除标记</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Make the selected version the newest again, as a new commit</source>
        <translation>将所选版本作为一次新提交重新设为最新版本</translation>
    </message>
    <message>
        <source>%1

%2 &lt;%3&gt;</source>
        <translation>%1

%2 &lt;%3&gt;</translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation>“%1”（%2）</translation>
    </message>
    <message>
        <source>From %1 to the pipeline as edited</source>
        <translation>从 %1 到当前编辑的流水线</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>从 %1 到 %2</translation>
    </message>
    <message>
        <source>%1: no change.</source>
        <translation>%1：无更改。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n changes.</source>
        <translation>
            <numerusform>%1：%n 处更改。</numerusform>
        </translation>
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
