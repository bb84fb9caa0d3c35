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
        <source>--logical-date takes an ISO 8601 time, not &quot;%1&quot;.</source>
        <translation>--logical-date 需要 ISO 8601 时间，而不是“%1”。</translation>
    </message>
    <message>
        <source>--from and --only cannot be used together.</source>
        <translation>--from 和 --only 不能同时使用。</translation>
    </message>
    <message>
        <source>--set takes NAME=VALUE, not &quot;%1&quot;.</source>
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
        <source>Run %1 %2; &apos;atelier runs show %1&apos; has the details.</source>
        <translation>运行 %1：%2；&apos;atelier runs show %1&apos; 可查看详细信息。</translation>
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
        <source>No saved pipeline is named &quot;%1&quot;.</source>
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
        <source>unknown pipeline action &apos;%1&apos;. Actions: %2</source>
        <translation>未知的 pipeline 操作“%1”。可用操作：%2</translation>
    </message>
    <message>
        <source>&apos;pipeline %1&apos; takes %2 argument(s).</source>
        <translation>&apos;pipeline %1&apos; 需要 %2 个参数。</translation>
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
        <source>Run %1 has no task &quot;%2&quot;.</source>
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
        <source>Only this pipeline&apos;s runs.</source>
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
        <source>unknown runs action &apos;%1&apos;. Actions: %2</source>
        <translation>未知的 runs 操作“%1”。可用操作：%2</translation>
    </message>
    <message>
        <source>&apos;runs %1&apos; takes %2 argument(s).</source>
        <translation>&apos;runs %1&apos; 需要 %2 个参数。</translation>
    </message>
    <message>
        <source>Started %1 for %2 (pid %3)</source>
        <translation>已启动 %1（调度时间 %2，pid %3）</translation>
    </message>
    <message>
        <source>Could not start %1 for %2</source>
        <translation>无法启动 %1（调度时间 %2）</translation>
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
        <source>  runs: %1 imported, %2 already imported, %3 deleted (skipped), %4 left out</source>
        <translation>  运行：已导入 %1 个，%2 个此前已导入，%3 个已删除（已跳过），%4 个未导入</translation>
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
        <source>&apos;runs %1&apos; takes at least %2 argument(s).</source>
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
        <source>Pool %1 is %2: %3; nothing was run.</source>
        <translation>资源池 %1 的状态为 %2：%3；未运行任何内容。</translation>
    </message>
    <message>
        <source>pool %1 is %2</source>
        <translation>资源池 %1 的状态为 %2</translation>
    </message>
    <message>
        <source>pool %1 is %2: %3</source>
        <translation>资源池 %1 的状态为 %2：%3</translation>
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
        <source>unknown pool action &apos;%1&apos;. Actions: %2</source>
        <translation>未知的 pool 操作“%1”。可用操作：%2</translation>
    </message>
    <message>
        <source>&apos;pool %1&apos; takes a pool name.</source>
        <translation>&apos;pool %1&apos; 需要一个资源池名称。</translation>
    </message>
    <message>
        <source>&apos;pool list&apos; takes no argument.</source>
        <translation>&apos;pool list&apos; 不接受参数。</translation>
    </message>
    <message>
        <source>Removed pool %1.</source>
        <translation>已移除资源池 %1。</translation>
    </message>
    <message>
        <source>&apos;pool add-slurm&apos; needs --url URL.</source>
        <translation>&apos;pool add-slurm&apos; 需要 --url URL。</translation>
    </message>
    <message>
        <source>--auth token-file needs --token-file F.</source>
        <translation>--auth token-file 需要 --token-file F。</translation>
    </message>
    <message>
        <source>The staging folder %1 does not exist; create it where the cluster sees it too.</source>
        <translation>暂存文件夹 %1 不存在；请在集群也能访问的位置创建它。</translation>
    </message>
    <message>
        <source>Added pool %1 (initializing; &apos;atelier pool check %1&apos; checks it).</source>
        <translation>已添加资源池 %1（初始化中；&apos;atelier pool check %1&apos; 可对其进行检查）。</translation>
    </message>
    <message>
        <source>Added pool %1.</source>
        <translation>已添加资源池 %1。</translation>
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
    <name>JobRules</name>
    <message>
        <source>The job name is empty; give it a name of 1 to %1 characters.</source>
        <translation>作业名称为空；请为其指定 1 到 %1 个字符的名称。</translation>
    </message>
    <message>
        <source>The job name &quot;%1&quot; has %2 characters; at most %3 are allowed. Shorten it.</source>
        <translation>作业名称“%1”有 %2 个字符，最多允许 %3 个。请缩短名称。</translation>
    </message>
    <message>
        <source>The job name &quot;%1&quot; contains an emoji, which is not supported; use letters, digits and punctuation.</source>
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
        <source>Job %1 asks for a maximum duration of %2 hours; it must be between 1 and 168 hours. Change the node&apos;s timeout.</source>
        <translation>作业 %1 要求的最长运行时间为 %2 小时，但该值必须在 1 到 168 小时之间。请修改节点的超时设置。</translation>
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
        <source>not &quot;timestamp value step&quot;; line skipped</source>
        <translation>格式不是 &quot;timestamp value step&quot;；已跳过该行</translation>
    </message>
    <message>
        <source>the value is NaN, which the catalog cannot hold; line skipped</source>
        <translation>值为 NaN，目录库无法存储；已跳过该行</translation>
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
        <source>run_id %1 does not match the run&apos;s folder; the run was skipped</source>
        <translation>run_id %1 与该运行所在的文件夹不匹配；已跳过该运行</translation>
    </message>
    <message>
        <source>imported while running in MLflow</source>
        <translation>导入时仍在 MLflow 中运行</translation>
    </message>
    <message>
        <source>unknown run status &quot;%1&quot;; the run was skipped</source>
        <translation>未知的运行状态“%1”；已跳过该运行</translation>
    </message>
    <message>
        <source>the run could not be written: %1</source>
        <translation>无法写入该运行：%1</translation>
    </message>
</context>
<context>
    <name>ModelCommands</name>
    <message>
        <source>Usage:
  atelier model register PATH --name N [--run RUN] [--description D] [--tag k=v]…
                         [--dataset NAME@VERSION]… [--alias ALIAS] [--trust-pickle]
  atelier model register --run RUN --name N [--task NODE] [--port PORT]
                         the task&apos;s outputs/PORT folder (default: the last task
                         with a &apos;model&apos; output)
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
                         带有 &apos;model&apos; 输出的任务）
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
        <source>&apos;model register&apos; takes one PATH, got: %1</source>
        <translation>&apos;model register&apos; 只接受一个 PATH，实际收到：%1</translation>
    </message>
    <message>
        <source>&apos;model register&apos; needs --name NAME.</source>
        <translation>&apos;model register&apos; 需要 --name NAME。</translation>
    </message>
    <message>
        <source>&apos;model register&apos; needs a PATH (a file or a folder) or --run RUN.</source>
        <translation>&apos;model register&apos; 需要 PATH（文件或文件夹）或 --run RUN。</translation>
    </message>
    <message>
        <source>--tag takes KEY=VALUE, got &apos;%1&apos;.</source>
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
        <source>No models yet. Register one with &apos;atelier model register&apos;.</source>
        <translation>暂无模型。请使用 &apos;atelier model register&apos; 注册模型。</translation>
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
        <source>&apos;model show&apos; takes NAME, NAME:VERSION or NAME@ALIAS.</source>
        <translation>&apos;model show&apos; 需要 NAME、NAME:VERSION 或 NAME@ALIAS。</translation>
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
        <source>not run (&apos;atelier model validate %1&apos;)</source>
        <translation>未运行（&apos;atelier model validate %1&apos;）</translation>
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
        <source>&apos;model alias NAME ALIAS --remove&apos; takes a name and an alias.</source>
        <translation>&apos;model alias NAME ALIAS --remove&apos; 需要一个名称和一个别名。</translation>
    </message>
    <message>
        <source>Removed alias %1 of %2.</source>
        <translation>已移除 %2 的别名 %1。</translation>
    </message>
    <message>
        <source>&apos;model alias&apos; takes NAME VERSION ALIAS, e.g. &apos;model alias shapes 3 production&apos;.</source>
        <translation>&apos;model alias&apos; 需要 NAME VERSION ALIAS，例如 &apos;model alias shapes 3 production&apos;。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a version number.</source>
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
        <source>&apos;model validate&apos; takes NAME, NAME:VERSION or NAME@ALIAS.</source>
        <translation>&apos;model validate&apos; 需要 NAME、NAME:VERSION 或 NAME@ALIAS。</translation>
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
        <source>&apos;model compare&apos; takes NAME V1 V2.</source>
        <translation>&apos;model compare&apos; 需要 NAME V1 V2。</translation>
    </message>
    <message>
        <source>&apos;model compare&apos; takes two version numbers.</source>
        <translation>&apos;model compare&apos; 需要两个版本号。</translation>
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
        <source>register: the model&apos;s name.</source>
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
        <source>register: accept pickle-based files from outside the workspace (loading them can run any code).</source>
        <translation>register：接受来自工作空间之外的基于 pickle 的文件（加载这些文件可能执行任意代码）。</translation>
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
        <source>unknown action &apos;model %1&apos;.</source>
        <translation>未知操作“model %1”。</translation>
    </message>
    <message>
        <source>&apos;model runs&apos; takes a run id.</source>
        <translation>&apos;model runs&apos; 需要一个运行 ID。</translation>
    </message>
    <message>
        <source>No model versions come from run %1.</source>
        <translation>没有来自运行 %1 的模型版本。</translation>
    </message>
    <message>
        <source>register: keep the newest version when its files are the same.</source>
        <translation>register：文件相同时保留最新版本。</translation>
    </message>
</context>
<context>
    <name>ModelRegistry</name>
    <message>
        <source>Task %1 of run %2 has no output &apos;%3&apos; with files (state: %4).</source>
        <translation>运行 %2 的任务 %1 没有包含文件的输出“%3”（状态：%4）。</translation>
    </message>
    <message>
        <source>Run %1 has no task %2.</source>
        <translation>运行 %1 中没有任务 %2。</translation>
    </message>
    <message>
        <source>No task of run %1 has an output &apos;%2&apos; with files: name the task with --task, or the port with --port.</source>
        <translation>运行 %1 中没有任何任务具有包含文件的输出“%2”：请用 --task 指定任务，或用 --port 指定端口。</translation>
    </message>
    <message>
        <source>No run given to register a model from.</source>
        <translation>未指定要从中注册模型的运行。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a model name: use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, starting with a letter or digit.</source>
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
        <source>There is no model &apos;%1&apos;. &apos;atelier model list&apos; shows the registered ones.</source>
        <translation>没有模型“%1”。&apos;atelier model list&apos; 会列出已注册的模型。</translation>
    </message>
    <message>
        <source>Model &apos;%1&apos; has no version %2.</source>
        <translation>模型“%1”没有版本 %2。</translation>
    </message>
    <message>
        <source>Model &apos;%1&apos; has no versions.</source>
        <translation>模型“%1”没有任何版本。</translation>
    </message>
    <message>
        <source>Model &apos;%1&apos; has no alias &apos;%2&apos;.</source>
        <translation>模型“%1”没有别名“%2”。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a version number: write NAME:VERSION, e.g. %2:1.</source>
        <translation>“%1”不是版本号：请写成 NAME:VERSION，例如 %2:1。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an alias name: start with a letter, then letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (&apos;latest&apos; is reserved).</source>
        <translation>“%1”不是有效的别名：须以字母开头，其后可使用字母、数字、“.”、“_”或“-”（“latest”为保留名称）。</translation>
    </message>
</context>
<context>
    <name>ModelServices</name>
    <message>
        <source>No model version with id %1.</source>
        <translation>没有 ID 为 %1 的模型版本。</translation>
    </message>
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
        <source>The object store has lost %1 (object %2); &apos;atelier info&apos; checks the store.</source>
        <translation>对象存储中丢失了 %1（对象 %2）；&apos;atelier info&apos; 可检查对象存储。</translation>
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
        <source>Cannot prepare the service&apos;s logs in %1: %2</source>
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
        <source>Services run on the local pool for now, not on &apos;%1&apos;.</source>
        <translation>服务目前只能在 local 资源池上运行，不能在“%1”上运行。</translation>
    </message>
    <message>
        <source>Port %1 is out of range.</source>
        <translation>端口 %1 超出范围。</translation>
    </message>
    <message>
        <source>Port %1 on %2 is in use (or the address is not this machine&apos;s); choose another with --port, or leave it out for a free one.</source>
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
        <source>the service&apos;s process (pid %1) has ended</source>
        <translation>服务进程（pid %1）已结束</translation>
    </message>
    <message>
        <source>the service&apos;s process (pid %1) has ended: %2</source>
        <translation>服务进程（pid %1）已结束：%2</translation>
    </message>
    <message>
        <source>No service &apos;%1&apos;; &apos;atelier model services&apos; lists them.</source>
        <translation>没有服务“%1”；&apos;atelier model services&apos; 会列出所有服务。</translation>
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
        <source>must look like &quot;node.port&quot;</source>
        <translation>格式必须为 &quot;node.port&quot;</translation>
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
</context>
<context>
    <name>PipelineStore</name>
    <message>
        <source>The version %1 of %2 is named &quot;%3&quot;; restoring it would save it under another name.</source>
        <translation>%2 的版本 %1 名为“%3”；恢复它会将其保存为另一个名称。</translation>
    </message>
    <message>
        <source>Restore %1 to %2</source>
        <translation>将 %1 恢复到 %2</translation>
    </message>
    <message>
        <source>There is no pipeline file %1 and no saved pipeline named &quot;%1&quot; (saved: %2).</source>
        <translation>没有流水线文件 %1，也没有名为“%1”的已保存流水线（已保存：%2）。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
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
        <source>&quot;%1&quot; is not a valid id (letters, digits, _ and -, not starting with a digit)</source>
        <translation>“%1”不是有效的 ID（只能包含字母、数字、_ 和 -，且不能以数字开头）</translation>
    </message>
    <message>
        <source>the id is used by another node</source>
        <translation>该 ID 已被另一个节点使用</translation>
    </message>
    <message>
        <source>%1 has no parameter &quot;%2&quot; (it has: %3)</source>
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
        <source>links from %1, but there is no node &quot;%2&quot;</source>
        <translation>连线起点为 %1，但不存在节点“%2”</translation>
    </message>
    <message>
        <source>links to %1, but there is no node &quot;%2&quot;</source>
        <translation>连线终点为 %1，但不存在节点“%2”</translation>
    </message>
    <message>
        <source>links %1 to itself</source>
        <translation>将 %1 连到了自身</translation>
    </message>
    <message>
        <source>%1 has no output port &quot;%2&quot;</source>
        <translation>%1 没有输出端口“%2”</translation>
    </message>
    <message>
        <source>%1 has no input port &quot;%2&quot;</source>
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
        <source>the input &quot;%1&quot; (%2) needs a link</source>
        <translation>输入“%1”（%2）需要一条连线</translation>
    </message>
    <message>
        <source>is on a cycle: %1. Remove one of its links.</source>
        <translation>位于环上：%1。请删除其中的一条连线。</translation>
    </message>
    <message>
        <source>is not a resource (use cpus, memory_mb, gpus or nodes)</source>
        <translation>不是资源（请使用 cpus、memory_mb、gpus 或 nodes）</translation>
    </message>
</context>
<context>
    <name>PoolHealth</name>
    <message>
        <source>%1 pools are not supported by this version.</source>
        <translation>此版本不支持 %1 资源池。</translation>
    </message>
    <message>
        <source>Pool %1 has never been checked; run &apos;atelier pool check %1&apos;.</source>
        <translation>资源池 %1 从未检查过；请运行 &apos;atelier pool check %1&apos;。</translation>
    </message>
    <message>
        <source>Pool %1 is a %2 pool; this version runs work on local and Slurm pools.</source>
        <translation>资源池 %1 是 %2 资源池；此版本只能在 local 和 Slurm 资源池上运行作业。</translation>
    </message>
</context>
<context>
    <name>PoolStore</name>
    <message>
        <source>&quot;%1&quot; is not a pool name: use 1–50 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting with a letter or a digit.</source>
        <translation>“%1”不是有效的资源池名称：请使用 1–50 个字母、数字、&apos;-&apos;、&apos;_&apos; 或 &apos;.&apos;，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>There is no pool &quot;%1&quot; (pools: %2); &apos;atelier pool list&apos; shows them.</source>
        <translation>没有名为“%1”的资源池（现有资源池：%2）；&apos;atelier pool list&apos; 会列出所有资源池。</translation>
    </message>
    <message>
        <source>A unix socket URL names an absolute path: unix:/path/to/slurmrestd.sock, not &quot;%1&quot;.</source>
        <translation>unix 套接字 URL 必须指定绝对路径：unix:/path/to/slurmrestd.sock，而不是“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a slurmrestd address: use http(s)://HOST:PORT or unix:/path/to/slurmrestd.sock.</source>
        <translation>“%1”不是有效的 slurmrestd 地址：请使用 http(s)://HOST:PORT 或 unix:/path/to/slurmrestd.sock。</translation>
    </message>
    <message>
        <source>API version &quot;%1&quot; is not supported; use v0.0.36 to v0.0.39.</source>
        <translation>不支持 API 版本“%1”；请使用 v0.0.36 到 v0.0.39。</translation>
    </message>
    <message>
        <source>Unknown authentication &quot;%1&quot;; use local, token-file or scontrol.</source>
        <translation>未知的认证方式“%1”；请使用 local、token-file 或 scontrol。</translation>
    </message>
    <message>
        <source>Local authentication works only on a unix socket; give --token-file for %1.</source>
        <translation>local 认证仅适用于 unix 套接字；请为 %1 指定 --token-file。</translation>
    </message>
    <message>
        <source>The token file must be an absolute path, not &quot;%1&quot;.</source>
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
        <source>A pool named &quot;%1&quot; already exists; choose another name or remove it first.</source>
        <translation>名为“%1”的资源池已存在；请换一个名称，或先将其移除。</translation>
    </message>
    <message>
        <source>Unknown pool state &quot;%1&quot;.</source>
        <translation>未知的资源池状态“%1”。</translation>
    </message>
    <message>
        <source>The local pool is this machine; it cannot be removed.</source>
        <translation>local 资源池即本机，无法移除。</translation>
    </message>
    <message>
        <source>Pool &quot;%1&quot; has %2 running tasks; stop their runs first.</source>
        <translation>资源池“%1”上有 %2 个正在运行的任务；请先停止这些任务所属的运行。</translation>
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
        <source>The staging folder %1 does not exist; create it where the cluster sees it too.</source>
        <translation>暂存文件夹 %1 不存在；请在集群也能访问的位置创建它。</translation>
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
    <name>RunStore</name>
    <message>
        <source>There is no run %1; &apos;atelier runs list&apos; shows the runs.</source>
        <translation>没有运行 %1；&apos;atelier runs list&apos; 会列出所有运行记录。</translation>
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
</context>
<context>
    <name>ScheduleService</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ServingCommands</name>
    <message>
        <source>&apos;model %1&apos; needs a model or a service.</source>
        <translation>&apos;model %1&apos; 需要指定模型或服务。</translation>
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
        <source>--port needs a number from 0 to 65535, not &apos;%1&apos;.</source>
        <translation>--port 需要 0 到 65535 之间的数字，而不是“%1”。</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>已部署</translation>
    </message>
    <message>
        <source>No service or model named &apos;%1&apos; has been deployed; &apos;atelier model services&apos; lists them.</source>
        <translation>没有已部署的名为“%1”的服务或模型；&apos;atelier model services&apos; 会列出所有服务。</translation>
    </message>
    <message>
        <source>Nothing to stop: no service of &apos;%1&apos; is running.</source>
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
        <source>&apos;model predict&apos; needs either --rows JSON or --input CSV --output CSV.</source>
        <translation>&apos;model predict&apos; 需要 --rows JSON，或 --input CSV --output CSV。</translation>
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
        <source>--rows needs a JSON list of rows, e.g. &apos;[{&quot;x&quot;: 1}]&apos;: %1</source>
        <translation>--rows 需要 JSON 格式的行列表，例如 &apos;[{&quot;x&quot;: 1}]&apos;：%1</translation>
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
        <source>predict: a CSV with the model&apos;s feature columns.</source>
        <translation>predict：包含模型特征列的 CSV。</translation>
    </message>
    <message>
        <source>predict: the CSV to write the predictions to.</source>
        <translation>predict：写入预测结果的 CSV。</translation>
    </message>
    <message>
        <source>predict: rows as JSON, e.g. &apos;[{&quot;x&quot;: 1.5}]&apos;.</source>
        <translation>predict：JSON 格式的行，例如 &apos;[{&quot;x&quot;: 1.5}]&apos;。</translation>
    </message>
</context>
<context>
    <name>SlurmClient</name>
    <message>
        <source>The token file %1 does not exist; write a token from &apos;scontrol token&apos; into it (mode 0600).</source>
        <translation>令牌文件 %1 不存在；请将 &apos;scontrol token&apos; 生成的令牌写入该文件（权限 0600）。</translation>
    </message>
    <message>
        <source>The token file %1 is not a file.</source>
        <translation>令牌文件 %1 不是文件。</translation>
    </message>
    <message>
        <source>The token file %1 can be read by others (mode %2); run &apos;chmod 600 %1&apos; and try again.</source>
        <translation>令牌文件 %1 可被其他用户读取（权限 %2）；请运行 &apos;chmod 600 %1&apos; 后重试。</translation>
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
        <source>&apos;scontrol token&apos; failed: %1</source>
        <translation>&apos;scontrol token&apos; 失败：%1</translation>
    </message>
    <message>
        <source>&apos;scontrol token&apos; printed no token.</source>
        <translation>&apos;scontrol token&apos; 未输出任何令牌。</translation>
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
        <source>Partition &quot;%1&quot; does not exist or has no nodes.</source>
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
        <source>unknown template &apos;%1&apos;</source>
        <translation>未知模板“%1”</translation>
    </message>
    <message>
        <source>template %1 has no version %2 (available: %3)</source>
        <translation>模板 %1 没有版本 %2（可用版本：%3）</translation>
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
        <source>&apos;%1&apos; is not a valid name: use letters, digits and &apos;_&apos;, not starting with a digit</source>
        <translation>“%1”不是有效的名称：只能使用字母、数字和“_”，且不能以数字开头</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is declared twice</source>
        <translation>“%1”被声明了两次</translation>
    </message>
    <message>
        <source>unknown port type &apos;%1&apos; (expected one of: %2)</source>
        <translation>未知的端口类型“%1”（应为以下之一：%2）</translation>
    </message>
    <message>
        <source>unknown parameter type &apos;%1&apos; (expected one of: %2)</source>
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
        <source>&apos;%1&apos; is listed twice</source>
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
        <source>&apos;%1&apos; is not a valid id: use lower-case letters, digits and &apos;-&apos;, starting with a letter</source>
        <translation>“%1”不是有效的 ID：只能使用小写字母、数字和“-”，且必须以字母开头</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a version such as 1.0 or 1.2.3</source>
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
        <source>The demo pipeline is missing from this build of Atelier.</source>
        <translation>此版本的 Atelier 缺少演示流水线。</translation>
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
</context>
<context>
    <name>atelier::ContentHash</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
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
        <source>cannot write the output of &apos;%1&apos; to &apos;%2&apos;: %3</source>
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
        <source>cannot run &apos;%1&apos;: the working directory &apos;%2&apos; does not exist</source>
        <translation>无法运行“%1”：工作目录“%2”不存在</translation>
    </message>
    <message>
        <source>cannot run &apos;%1&apos;: not found</source>
        <translation>无法运行“%1”：未找到</translation>
    </message>
    <message>
        <source>cannot run &apos;%1&apos;: %2</source>
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
    <message numerus="yes">
        <source>%n point(s) with a value that is not a number are not shown.</source>
        <translation>
            <numerusform>未显示 %n 个值不是数字的点。</numerusform>
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
        <source>Rows to send to the selected version&apos;s running service, as a JSON list of objects (feature → value):</source>
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
        <source>Write the rows as a JSON list of objects, e.g. [{&quot;f1&quot;: 0.5}].</source>
        <translation>请将行写成 JSON 对象列表，例如 [{&quot;f1&quot;: 0.5}]。</translation>
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
        <source>The pipeline has no node &quot;%1&quot;; nothing was run.</source>
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
        <source>asks for %1 CPUs, %2 MB and %3 GPUs; pool %4 has at most %5 CPUs, %6 MB and %7 GPUs. Lower the node&apos;s resources or choose a larger pool.</source>
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
        <source>Node %1 runs on pool &quot;%2&quot;, which does not exist; nothing was run. &apos;atelier pool list&apos; shows the pools.</source>
        <translation>节点 %1 指定在资源池“%2”上运行，但该资源池不存在；未运行任何内容。&apos;atelier pool list&apos; 会列出所有资源池。</translation>
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
        <source>the cluster&apos;s default</source>
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
        <source>Give slurmrestd&apos;s address.</source>
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
    <name>atelier::TaskTimeline</name>
    <message>
        <source>0 s</source>
        <translation>0 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
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
