<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="97"/>
        <source>答复审核意见</source>
        <translation>Answer Review Opinion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="100"/>
        <source>{0}
{1} {2}：{3}</source>
        <translation>{0}
{1} {2}: {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="103"/>
        <source>已修改(&amp;F)</source>
        <translation>&amp;Fixed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="104"/>
        <source>已说明(&amp;E)</source>
        <translation>&amp;Explained</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="111"/>
        <source>已说明时必填：为什么不改，或改成了什么</source>
        <translation>Required for “explained”: why it stays, or what it became</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/ui/paths.py" line="95"/>
        <source>绩效目标申报</source>
        <translation>Performance Targets</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <location filename="../../desktop/ui/window_audit.py" line="41"/>
        <source>显示审核面板(&amp;K)</source>
        <translation>Show chec&amp;k panel</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="32"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="33"/>
        <source>项目资金</source>
        <translation>Funds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="34"/>
        <source>绩效目标</source>
        <translation>Goals</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="35"/>
        <source>绩效指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="64"/>
        <source>审核</source>
        <extracomment>the parts of the annual request, placed under it (年度资金申请总额 › 上年结转资金)</extracomment>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="66"/>
        <source>当前项目(&amp;J)</source>
        <translation>Current pro&amp;ject</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="67"/>
        <source>全部项目(&amp;Q)</source>
        <translation>A&amp;ll projects</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="80"/>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="80"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="80"/>
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="80"/>
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="112"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="113"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="114"/>
        <source>审核意见</source>
        <translation>Review opinions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="123"/>
        <source>{0}（意见代码 {1}）</source>
        <translation>{0} (opinion code {1})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="127"/>
        <location filename="../../desktop/ui/audit_panel.py" line="168"/>
        <source>（未命名）</source>
        <translation>(unnamed)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/audit_panel.py" line="150"/>
        <source>错误 %n 条，</source>
        <translation>
            <numerusform>%n error, </numerusform>
            <numerusform>%n errors, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/audit_panel.py" line="150"/>
        <source>警告 %n 条</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/audit_panel.py" line="159"/>
        <source>审核意见 %n 条</source>
        <translation>
            <numerusform>%n review opinion</numerusform>
            <numerusform>%n review opinions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="155"/>
        <source>✓ 通过审核</source>
        <translation>✓ Passes the check</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="180"/>
        <source>原文第 {0} 行</source>
        <translation>Source line {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/audit_panel.py" line="182"/>
        <source>：{0}</source>
        <translation>: {0}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="105"/>
        <source>恢复备份</source>
        <translation>Restore Backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="109"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="109"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="109"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="117"/>
        <source>每日备份</source>
        <translation>daily</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="118"/>
        <source>合并前</source>
        <translation>before merge</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="119"/>
        <source>升级前</source>
        <translation>before upgrade</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="120"/>
        <source>恢复前</source>
        <translation>before restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="121"/>
        <source>手动</source>
        <translation>manual</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="134"/>
        <source>恢复(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="143"/>
        <source>程序在每天第一次打开、合并和升级之前自动备份（保留最近 7 天和之前 4 周各一份）。恢复前会先备份当前的数据。</source>
        <translation>The program backs up automatically on the first opening of each day and before every merge and upgrade (one copy for each of the last 7 days and of the 4 weeks before). The current data is backed up before a restore.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="147"/>
        <source>还没有备份。</source>
        <translation>There are no backups yet.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="448"/>
        <source>载入示例申报表</source>
        <translation>Load sample forms</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="388"/>
        <source>修改项目名称</source>
        <translation>Change project name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="399"/>
        <source>修改年度</source>
        <translation>Change year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="408"/>
        <source>修改项目性质</source>
        <translation>Change project nature</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="409"/>
        <source>修改项目类别</source>
        <translation>Change project category</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="410"/>
        <source>修改主管部门</source>
        <translation>Change supervising department</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="411"/>
        <source>修改实施单位</source>
        <translation>Change implementing unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="432"/>
        <source>修改计划日期</source>
        <translation>Change planned dates</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="140"/>
        <source>修改项目资金总额</source>
        <translation>Change total project funds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="141"/>
        <source>修改财政资金</source>
        <translation>Change fiscal funds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="142"/>
        <source>修改其他资金</source>
        <translation>Change other funds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="143"/>
        <source>修改年度资金申请总额</source>
        <translation>Change total annual funds requested</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="144"/>
        <source>修改当年财政拨款</source>
        <translation>Change this year&apos;s appropriation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="145"/>
        <source>修改上年结转资金</source>
        <translation>Change funds carried over</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="146"/>
        <source>修改其他资金（年度）</source>
        <translation>Change other funds (annual)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="485"/>
        <source>修改项目总目标</source>
        <translation>Change overall goal</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="486"/>
        <source>修改年度总体目标</source>
        <translation>Change annual goal</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="395"/>
        <source>修改二级指标</source>
        <translation>Change second-level indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="406"/>
        <source>修改指标名称</source>
        <translation>Change indicator name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="412"/>
        <source>修改指标值</source>
        <translation>Change indicator value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="445"/>
        <source>添加指标</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="459"/>
        <source>添加二级指标</source>
        <translation>Add second-level indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="517"/>
        <source>删除指标</source>
        <translation>Delete indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="539"/>
        <source>移动指标</source>
        <translation>Move indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="550"/>
        <source>移动二级指标</source>
        <translation>Move second-level indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="566"/>
        <source>标记为已复核</source>
        <translation>Mark as reviewed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="641"/>
        <source>拖动指标</source>
        <translation>Drag indicators</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="179"/>
        <source>“{0}”已存在。请换一个文件名，或用“打开”打开它。</source>
        <extracomment>the background checks of a database finished: which opening, the problem found or &quot;&quot; the scan for rows that cannot be read finished: which opening, ``{id: problem}``</extracomment>
        <translation>“{0}” already exists. Choose another name, or open it with “Open”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="192"/>
        <location filename="../../desktop/ui/app.py" line="224"/>
        <source>无法打开数据文件：
{0}</source>
        <translation>Cannot open the data file:
{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="227"/>
        <source>可以从程序自动保存的备份恢复（当前文件会先另存）。</source>
        <translation>You can restore a backup the program made automatically (the current file is kept aside first).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="237"/>
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="278"/>
        <source>无法恢复备份：{0}</source>
        <translation>Cannot restore the backup: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="339"/>
        <source>{0}

为避免进一步损坏，文件改为只读打开：可以查看、打印和导出，不能修改。请用“文件 › 恢复备份…”恢复最近的备份。</source>
        <translation>{0}

To keep it from further damage the file is now open read-only: you can view, print and export, not change. Use File › Restore Backup… to restore the latest backup.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="428"/>
        <source>数据库还是空的。要载入上海市普陀区司法局公开的 13 份 2024 年度申报表作为示例吗？
示例按公开发布的原样载入，原表本身的问题（如金额不相加、指标缺项）也保留着，列表的“审核”一栏标为“原表”。
（以后可以删除。）</source>
        <translation>The database is empty. Load the 13 forms for 2024 published by the Putuo District Justice Bureau, Shanghai, as examples?
They are loaded exactly as published, with the published forms&apos; own problems (amounts that do not add up, missing indicators); the list&apos;s Check column marks them “as published”.
(You can delete them later.)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="452"/>
        <source>已载入 13 份示例：它们是公开发布的原表，原表本身的错误和警告照原样保留（“审核”一栏标为“原表”），不是程序出错。</source>
        <translation>13 examples loaded: they are the forms as published; the errors and warnings of the published forms are kept as they were (marked “as published” in the Check column), not caused by this program.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="526"/>
        <source>程序遇到意外错误，已保存的内容不受影响。
{0}
详细信息已写入：{1}</source>
        <extracomment>meta key: the sample forms as loaded (id → revision), so the list can say that their problems are the published forms&apos; own while they are unchanged</extracomment>
        <translation>Something unexpected went wrong; what was saved is not affected.
{0}
Details were written to: {1}</translation>
    </message>
</context>
<context>
    <name>CopyFromProject</name>
    <message>
        <location filename="../../desktop/ui/indicator_paste.py" line="230"/>
        <source>从其他项目复制指标</source>
        <translation>Copy indicators from another project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_paste.py" line="238"/>
        <source>来源项目(&amp;S)：</source>
        <translation>&amp;Source project:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_paste.py" line="241"/>
        <source>要复制的指标(&amp;I)（空格勾选/取消）：</source>
        <translation>&amp;Indicators to copy (Space ticks/unticks):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_paste.py" line="251"/>
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="348"/>
        <source>未填写</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="350"/>
        <source>可输入 2025-01-01、2025/1/1、2025.1.1、20250101 或 2025年1月1日；Delete 清空</source>
        <translation>Type 2025-01-01, 2025/1/1, 2025.1.1 or 20250101 (the Chinese year-month-day form works too); Delete clears</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="355"/>
        <source>选择日期（Alt+↓）</source>
        <translation>Pick a date (Alt+↓)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="398"/>
        <source>{0}年{1}月{2}日</source>
        <translation>{1}/{2}/{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="435"/>
        <source>{0}；未保存</source>
        <translation>{0}; not saved</translation>
    </message>
</context>
<context>
    <name>ExportScope</name>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="488"/>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="503"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange_dialogs.py" line="489"/>
        <source>没有选中任何项目。要导出全部 %n 个项目吗？</source>
        <translation>
            <numerusform>No project is selected. Export the only project?</numerusform>
            <numerusform>No project is selected. Export all %n projects?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange_dialogs.py" line="504"/>
        <source>只导出选中的 %n 个项目吗？

选“是”导出选中的 %n 个项目，选“否”导出全部 {0} 个项目。</source>
        <translation>
            <numerusform>Export only the selected project?

Choose Yes for the selected project, No for all {0} projects.</numerusform>
            <numerusform>Export only the %n selected projects?

Choose Yes for the %n selected projects, No for all {0} projects.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <location filename="../../desktop/domain/model.py" line="29"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/model.py" line="30"/>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/model.py" line="31"/>
        <source>项目性质</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/model.py" line="32"/>
        <source>项目类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/model.py" line="33"/>
        <source>主管部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/model.py" line="34"/>
        <source>实施单位</source>
        <translation>Implementing unit</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/model.py" line="35"/>
        <source>计划开始日期</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/model.py" line="36"/>
        <source>计划完成日期</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/model.py" line="37"/>
        <source>项目总目标</source>
        <translation>Overall goal</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/model.py" line="38"/>
        <source>年度总体目标</source>
        <translation>Annual goal</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/model.py" line="39"/>
        <source>项目资金总额</source>
        <translation>Total project funds</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/model.py" line="40"/>
        <source>其中：财政资金</source>
        <translation>of which fiscal funds</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/model.py" line="41"/>
        <source>其他资金</source>
        <translation>Other funds</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/model.py" line="42"/>
        <source>年度资金申请总额</source>
        <translation>Annual funds requested</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/model.py" line="43"/>
        <source>其中：当年财政拨款</source>
        <translation>of which this year&apos;s appropriation</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/model.py" line="44"/>
        <source>上年结转资金</source>
        <translation>Carried over from last year</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/model.py" line="45"/>
        <source>其他资金（年度）</source>
        <translation>Other funds (annual)</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="48"/>
        <source>绩效目标申报数据 (*.db);;所有文件 (*)</source>
        <translation>Performance target data (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="53"/>
        <source>新建数据库</source>
        <translation>New Database</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="64"/>
        <source>打开数据库</source>
        <translation>Open Database</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="76"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="82"/>
        <source>另存副本</source>
        <translation>Save a Copy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="90"/>
        <source>副本不能保存到正在使用的文件。</source>
        <translation>The copy cannot be saved over the file in use.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="96"/>
        <source>无法保存副本：{0}</source>
        <translation>Cannot save the copy: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="99"/>
        <source>已保存副本：{0}</source>
        <translation>Copy saved: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="115"/>
        <source>导入申报表</source>
        <translation>Import Forms</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="117"/>
        <source>申报表 ({0});;所有文件 (*)</source>
        <translation>Forms ({0});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="136"/>
        <location filename="../../desktop/ui/window_files.py" line="147"/>
        <location filename="../../desktop/ui/window_files.py" line="251"/>
        <source>无法导入：{0}</source>
        <translation>Cannot import: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="155"/>
        <source>已取消导入，没有保存任何内容</source>
        <translation>Import cancelled; nothing was saved</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_files.py" line="157"/>
        <source>导入 %n 个项目</source>
        <translation>
            <numerusform>Import %n project</numerusform>
            <numerusform>Import %n projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_files.py" line="177"/>
        <source>导出选中的 %n 个项目</source>
        <translation>
            <numerusform>Export the selected project</numerusform>
            <numerusform>Export the %n selected projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_files.py" line="239"/>
        <source>已导出 %n 个项目到 {0}</source>
        <translation>
            <numerusform>Exported %n project to {0}</numerusform>
            <numerusform>Exported %n projects to {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_files.py" line="302"/>
        <source>新的审核记录（状态、意见、答复）%n 条。</source>
        <translation>
            <numerusform> %n new review record (status, opinion, answer).</numerusform>
            <numerusform> %n new review records (status, opinions, answers).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="177"/>
        <source>导出全部项目</source>
        <translation>Export All Projects</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="180"/>
        <source>数据文件，可在其他电脑上合并 (*.db)</source>
        <translation>Data file, to merge on another computer (*.db)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="181"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="182"/>
        <source>JSON 文件 (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="203"/>
        <source>不能导出到正在使用的数据文件本身。</source>
        <translation>Cannot export onto the data file in use.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="235"/>
        <source>无法导出：{0}</source>
        <translation>Cannot export: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="274"/>
        <source>合并失败，数据未改变：{0}</source>
        <translation>The merge failed; nothing was changed: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="283"/>
        <source>合并之前的修改不能撤销（合并已写入文件；被替换的版本在“历史版本”中）</source>
        <translation>Changes made before the merge cannot be undone (the merge is written to the file; replaced versions are in History)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="298"/>
        <source>已合并：新增 {0} 个，替换 {1} 个，另存副本 {2} 个，移入回收站 {3} 个。被替换的版本可在“项目 › 历史版本”中恢复。</source>
        <translation>Merged: {0} added, {1} replaced, {2} kept as copies, {3} moved to the trash. Replaced versions can be restored from “Project › History”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="356"/>
        <source>恢复历史版本</source>
        <translation>Restore earlier version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="382"/>
        <source>另一个程序修改了这个文件，已显示最新内容。</source>
        <translation>Another program changed this file; the latest content is shown.</translation>
    </message>
</context>
<context>
    <name>FlagReviewDialog</name>
    <message>
        <location filename="../../desktop/ui/flag_review.py" line="36"/>
        <source>确认需复核的字段</source>
        <translation>Confirm fields to review</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flag_review.py" line="40"/>
        <source>下列字段在导入时无法读到或由其他数据推算。核对原表后，勾选值正确的字段，它们将不再标为需复核（可撤销）。值不对的字段请直接改写。</source>
        <translation>These fields could not be read on import or were worked out from other data. After checking the source form, tick the fields whose value is right: they will no longer be marked for review (undoable). Rewrite any field that is wrong.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flag_review.py" line="49"/>
        <source>{0}：{1}  — {2}</source>
        <translation>{0}: {1}  — {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flag_review.py" line="59"/>
        <source>确认勾选的字段(&amp;C)</source>
        <translation>&amp;Confirm ticked fields</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flag_review.py" line="75"/>
        <source>{0} 元</source>
        <translation>{0} yuan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flag_review.py" line="78"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/flag_review.py" line="91"/>
        <source>这个项目没有标为需复核的字段。</source>
        <translation>This project has no fields marked for review.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/flag_review.py" line="100"/>
        <source>确认 %n 个需复核的字段</source>
        <translation>
            <numerusform>confirm %n field to review</numerusform>
            <numerusform>confirm %n fields to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FundsPage</name>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="55"/>
        <source>项目资金总额(&amp;T)</source>
        <translation>&amp;Total project funds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="56"/>
        <source>其中：财政资金(&amp;C)</source>
        <translation>of which: fis&amp;cal funds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="57"/>
        <source>其他资金(&amp;O)</source>
        <translation>&amp;Other funds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="58"/>
        <source>年度资金申请总额(&amp;N)</source>
        <translation>Total an&amp;nual request</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="59"/>
        <source>其中：当年财政拨款(&amp;B)</source>
        <translation>of which: this &amp;year&apos;s appropriation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="60"/>
        <source>上年结转资金(&amp;R)</source>
        <translation>Ca&amp;rried over from last year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="61"/>
        <source>其他资金(&amp;W)</source>
        <translation>Other fun&amp;ds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="88"/>
        <source>按分项填入总额(&amp;G)</source>
        <translation>Fill the total fro&amp;m the parts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="89"/>
        <source>按分项填入年度总额(&amp;M)</source>
        <translation>Fill the &amp;annual total from the parts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="91"/>
        <source>财政资金＋其他资金</source>
        <translation>Fiscal + other funds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="92"/>
        <source>当年财政拨款＋上年结转资金＋其他资金</source>
        <translation>Appropriation + carry-over + other funds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="95"/>
        <source>{0}：</source>
        <translation>{0}:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="100"/>
        <source>金额单位：元。可输入 5100000、5,100,000.00、510万 或 510万元。</source>
        <translation>Amounts in yuan. Type 5100000 or 5,100,000.00; 510 followed by the Chinese ten-thousand sign means 5,100,000.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/funds_page.py" line="129"/>
        <source>  ≠ 总额 {0}</source>
        <translation>  ≠ total {0}</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="29"/>
        <source>使用说明</source>
        <translation>User Guide</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="38"/>
        <source>找不到使用说明文件：{0}</source>
        <translation>The user guide was not found: {0}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="51"/>
        <source>历史版本</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="56"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="56"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="56"/>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="56"/>
        <source>项目资金总额</source>
        <translation>Total project funds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="76"/>
        <source>恢复此版本(&amp;R)</source>
        <translation>&amp;Restore This Version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="82"/>
        <source>合并时被替换或未采用的版本保存在这里。恢复会替换当前内容（可以撤销）。</source>
        <translation>Versions replaced or declined in merges are kept here. Restoring one replaces the current content (and can be undone).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/version_dialogs.py" line="84"/>
        <source>这个项目没有历史版本。</source>
        <translation>This project has no earlier versions.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="48"/>
        <source>导入预览 — {0}</source>
        <translation>Import preview — {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="56"/>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="57"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="58"/>
        <source>实施单位</source>
        <translation>Implementing unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="59"/>
        <source>项目资金总额</source>
        <translation>Total project funds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="60"/>
        <source>年度资金申请总额</source>
        <translation>Annual funds requested</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="61"/>
        <source>指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="62"/>
        <source>需复核</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="63"/>
        <source>资金来源</source>
        <translation>Amounts read in</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="85"/>
        <source>导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="96"/>
        <source>没有要导入的新项目（文件中的项目都已存在）。</source>
        <translation>No new projects to import (every project in the file is already there).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/import_preview.py" line="101"/>
        <source>从“{0}”读取 %n 个项目，</source>
        <translation>
            <numerusform>Read %n project from “{0}”; </numerusform>
            <numerusform>Read %n projects from “{0}”; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/import_preview.py" line="103"/>
        <source>将新增 %n 个。</source>
        <translation>
            <numerusform>%n will be added. </numerusform>
            <numerusform>%n will be added. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/import_preview.py" line="106"/>
        <source>%n 个项目有需复核的字段或指标（红色底色）。</source>
        <translation>
            <numerusform>%n project has fields or indicators to review (red background). </numerusform>
            <numerusform>%n projects have fields or indicators to review (red background). </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/import_preview.py" line="109"/>
        <source>%n 个项目的资金全部为 0 或没有找到。</source>
        <translation>
            <numerusform>The funds of %n project are all zero or missing. </numerusform>
            <numerusform>The funds of %n projects are all zero or missing. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/import_preview.py" line="155"/>
        <source>字段 %n 个</source>
        <translation>
            <numerusform>%n field</numerusform>
            <numerusform>%n fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/import_preview.py" line="157"/>
        <source>指标 %n 条</source>
        <translation>
            <numerusform>%n indicator</numerusform>
            <numerusform>%n indicators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/import_preview.py" line="180"/>
        <source>绩效指标：%n 条，</source>
        <translation>
            <numerusform>Indicators: %n, </numerusform>
            <numerusform>Indicators: %n, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/import_preview.py" line="181"/>
        <source>其中需复核 %n 条</source>
        <translation>
            <numerusform>%n to review</numerusform>
            <numerusform>%n to review</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="110"/>
        <source>请核对后再导入。</source>
        <translation>Please check before importing.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="116"/>
        <source>需复核：{0}</source>
        <translation>To review: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="123"/>
        <source>{0} 元</source>
        <translation>{0} yuan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="125"/>
        <source>（按万元读取：{0}）</source>
        <translation> (read in 10,000 yuan: {0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="127"/>
        <source>（推算）</source>
        <translation> (worked out)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="129"/>
        <source>（未找到）</source>
        <translation> (not found)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="135"/>
        <source>（无名称）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="143"/>
        <location filename="../../desktop/ui/import_preview.py" line="145"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="158"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="158"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="162"/>
        <source>万元</source>
        <translation>10,000 yuan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="162"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="162"/>
        <source>推算</source>
        <translation>worked out</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="185"/>
        <source>{0}/{1}/{2}：{3}</source>
        <translation>{0}/{1}/{2}: {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="189"/>
        <source>  〔{0}〕</source>
        <translation>  [{0}]</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="196"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="197"/>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_preview.py" line="199"/>
        <source>  — 需复核：{0}</source>
        <translation>  — to review: {0}</translation>
    </message>
</context>
<context>
    <name>IndicatorPage</name>
    <message>
        <location filename="../../desktop/ui/indicator_page.py" line="136"/>
        <source>添加指标(&amp;A)</source>
        <extracomment>the page&apos;s parts, built on first use (``IndicatorPage.build``)</extracomment>
        <translation>&amp;Add indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_page.py" line="138"/>
        <source>添加二级指标(&amp;G)…</source>
        <translation>Add &amp;group…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_page.py" line="141"/>
        <source>删除指标(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_page.py" line="143"/>
        <source>上移(&amp;U)</source>
        <translation>&amp;Up</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_page.py" line="144"/>
        <source>下移(&amp;N)</source>
        <translation>Dow&amp;n</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_page.py" line="146"/>
        <source>标记为已复核(&amp;R)</source>
        <translation>&amp;Reviewed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_page.py" line="149"/>
        <source>复制行(&amp;C)</source>
        <translation>&amp;Copy rows</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_page.py" line="152"/>
        <source>粘贴行(&amp;T)</source>
        <translation>Pas&amp;te rows</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_page.py" line="154"/>
        <source>复制选中的指标，可粘贴到 Excel/WPS 或其他项目</source>
        <translation>Copy the selected indicators, to paste into Excel/WPS or another project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_page.py" line="156"/>
        <source>粘贴从 Excel/WPS 复制的指标（一级、二级、三级、指标值列，或三级、指标值）</source>
        <translation>Paste indicators copied from Excel/WPS (level 1, level 2, level 3, value columns, or level 3, value)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/indicator_page.py" line="207"/>
        <source>有 %n 条指标在导入时无法确定，已用底色标出（鼠标停留可看原文）。核对修改后选中它们，按“标记为已复核”。</source>
        <translation>
            <numerusform>%n indicator could not be read with certainty when imported; it is highlighted (hover to see the source text). Check and correct it, select it and press “Reviewed”.</numerusform>
            <numerusform>%n indicators could not be read with certainty when imported; they are highlighted (hover to see the source text). Check and correct them, select them and press “Reviewed”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/indicator_page.py" line="444"/>
        <source>已复制 %n 条指标，可粘贴到 Excel/WPS 或其他项目</source>
        <translation>
            <numerusform>Copied %n indicator; paste it into Excel/WPS or another project</numerusform>
            <numerusform>Copied %n indicators; paste them into Excel/WPS or another project</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/indicator_page.py" line="483"/>
        <source>粘贴 %n 条指标</source>
        <translation>
            <numerusform>Paste %n indicator</numerusform>
            <numerusform>Paste %n indicators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/indicator_page.py" line="500"/>
        <source>从其他项目复制 %n 条指标</source>
        <translation>
            <numerusform>Copy %n indicator from another project</numerusform>
            <numerusform>Copy %n indicators from another project</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_page.py" line="466"/>
        <source>粘贴指标</source>
        <translation>Paste indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_page.py" line="469"/>
        <source>剪贴板里没有可粘贴的指标。请在 Excel/WPS 中选中“一级、二级、三级、指标值”四列（或“三级、指标值”两列）复制后再粘贴。</source>
        <translation>The clipboard holds no indicators. In Excel/WPS select the four columns level 1, level 2, level 3, value (or the two columns level 3, value), copy, then paste.</translation>
    </message>
</context>
<context>
    <name>IndicatorTreeModel</name>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="45"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="47"/>
        <source>文字：{0}</source>
        <translation>text: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="51"/>
        <source>运算符 {0}</source>
        <translation>operator {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="54"/>
        <source>数值 {0}</source>
        <translation>number {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="60"/>
        <source>单位 {0}</source>
        <translation>unit {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="263"/>
        <source>指标（一级 › 二级 › 三级）</source>
        <translation>Indicator (level 1 › level 2 › level 3)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="263"/>
        <source>今年要达到的值</source>
        <translation>Target for this year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="266"/>
        <source>申报表“绩效指标”栏：一级指标、二级指标下逐条填写的三级指标名称</source>
        <translation>The form&apos;s &quot;performance indicators&quot; column: level-3 indicator names under their level-1 and level-2 groups</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="268"/>
        <source>申报表上的“年度(/项目)指标值”：本年度（或整个项目期）要达到的目标，照表上写法输入，如 ≥95%、10个、≤510万元、提升</source>
        <translation>The form&apos;s “annual (/project) indicator value”: the target for this year (or the whole project), typed as the form writes it, e.g. ≥95%, 10 with its unit, or a word</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="315"/>
        <source>（未分类）</source>
        <translation>(unclassified)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="327"/>
        <source>这个一级指标不在本年度的指标体系中</source>
        <translation>This level-1 indicator is not in this year&apos;s indicator system</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="334"/>
        <source>（无二级指标）</source>
        <translation>(no level-2 indicator)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="338"/>
        <source>二级指标“{0}”不属于一级指标“{1}”</source>
        <translation>Level-2 indicator “{0}” does not belong to level-1 indicator “{1}”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="343"/>
        <source>（请填写指标名称）</source>
        <translation>(enter the indicator name)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="358"/>
        <location filename="../../desktop/ui/indicator_model.py" line="370"/>
        <location filename="../../desktop/ui/indicator_model.py" line="376"/>
        <source>原表：{0}</source>
        <translation>On the source form: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="364"/>
        <source>需复核：{0}</source>
        <translation>Needs review: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="367"/>
        <source>第 {0} 行</source>
        <translation> (line {0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="368"/>
        <source>原文{0}：{1}</source>
        <translation>Source{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="373"/>
        <source>读作：{0}</source>
        <translation>Read as: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_model.py" line="650"/>
        <source>拖动二级指标</source>
        <translation>Drag level-2 indicator</translation>
    </message>
</context>
<context>
    <name>KeyboardRoute</name>
    <message>
        <location filename="../../desktop/ui/window_keys.py" line="50"/>
        <source>基本信息(&amp;1)</source>
        <translation>Basic information (&amp;1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_keys.py" line="51"/>
        <source>项目资金(&amp;2)</source>
        <translation>Funds (&amp;2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_keys.py" line="52"/>
        <source>绩效目标(&amp;3)</source>
        <translation>Goals (&amp;3)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_keys.py" line="53"/>
        <source>绩效指标(&amp;4)</source>
        <translation>Indicators (&amp;4)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_keys.py" line="57"/>
        <source>下一个窗格(&amp;N)</source>
        <translation>&amp;Next pane</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_keys.py" line="59"/>
        <source>上一个窗格(&amp;P)</source>
        <translation>&amp;Previous pane</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_keys.py" line="61"/>
        <source>项目列表(&amp;L)</source>
        <translation>Project &amp;list</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_keys.py" line="246"/>
        <source>“{0}”：{1}</source>
        <extracomment>the keys a text field keeps for itself even when an action has them too</extracomment>
        <translation>“{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_keys.py" line="248"/>
        <source>以下输入无效，没有保存：
{0}
关闭后这些输入会丢失。仍要关闭吗？</source>
        <translation>These entries are not valid and were not saved:
{0}
They will be lost when the window closes. Close anyway?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_keys.py" line="250"/>
        <source>以下输入无效，没有保存（仍以红色留在原处）：
{0}
仍要继续吗？</source>
        <translation>These entries are not valid and were not saved (they stay, red, where they are):
{0}
Go on anyway?</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <location filename="../../desktop/ui/library_dialog.py" line="30"/>
        <source>常用指标库</source>
        <translation>Indicator Library</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_dialog.py" line="39"/>
        <source>新的三级指标名称</source>
        <translation>New level-3 indicator name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_dialog.py" line="40"/>
        <source>添加(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_dialog.py" line="41"/>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_dialog.py" line="48"/>
        <source>二级指标(&amp;L)：</source>
        <translation>&amp;Level-2 indicator:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_dialog.py" line="57"/>
        <source>填写三级指标名称时会提示这些名称；修改保存在这个数据文件中。</source>
        <translation>These names are offered while you type a level-3 indicator; changes are kept in this data file.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="179"/>
        <source>为避免进一步损坏，文件以只读方式打开：可以查看、打印和导出，不能修改。</source>
        <extracomment>ask the application to open another database (path) ask the application to create a new database (path) the language setting changed; the application rebuilds the window the clerk asked to restore a backup of this database</extracomment>
        <translation>To avoid further damage the file is open read-only: you can view, print and export, but not change it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="181"/>
        <location filename="../../desktop/ui/main_window.py" line="217"/>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="207"/>
        <source>等</source>
        <translation>and others</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="250"/>
        <source>此文件以只读方式打开（文件或所在文件夹不可写），不能修改。如需修改，请用“文件 › 另存副本…”保存到可写的位置后打开副本。</source>
        <translation>This file is open read-only (the file or its folder cannot be written) and cannot be changed. To make changes, use “File › Save a Copy…” to a writable place and open the copy.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="243"/>
        <source>在左侧选择一个项目，或按 Ctrl+N 新建项目。</source>
        <translation>Select a project on the left, or press Ctrl+N to create one.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="207"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="213"/>
        <source>%n 个项目的数据有误，需要修复：{0}。其余项目可以正常使用。</source>
        <translation>
            <numerusform>%n project holds data that cannot be read and needs repair: {0}. The other projects work normally.</numerusform>
            <numerusform>%n projects hold data that cannot be read and need repair: {0}. The other projects work normally.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="300"/>
        <source>新建数据库(&amp;N)…</source>
        <translation>&amp;New Database…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="303"/>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="309"/>
        <source>另存副本(&amp;A)…</source>
        <translation>Save a Cop&amp;y…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="312"/>
        <source>从文件导入(&amp;I)…</source>
        <translation>&amp;Import from File…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="318"/>
        <source>导出到文件(&amp;E)…</source>
        <translation>&amp;Export to File…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="324"/>
        <source>恢复备份(&amp;B)…</source>
        <translation>Restore &amp;Backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="326"/>
        <source>历史版本(&amp;H)…</source>
        <translation>&amp;History…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="328"/>
        <source>常用指标库(&amp;L)…</source>
        <translation>Indicator Li&amp;brary…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="331"/>
        <source>年度汇总(&amp;S)…</source>
        <translation>Year &amp;Summary…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="334"/>
        <source>复制到下一年度(&amp;Y)</source>
        <translation>Copy to Next &amp;Year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="337"/>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="342"/>
        <source>导出 PDF(&amp;D)…</source>
        <translation>Export P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="345"/>
        <source>核对纸质件(&amp;K)…</source>
        <translation>Chec&amp;k a Paper Copy…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="347"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="365"/>
        <source>查找项目(&amp;F)</source>
        <translation>&amp;Find Project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="367"/>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="372"/>
        <source>新建项目(&amp;N)</source>
        <translation>&amp;New Project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="378"/>
        <source>复制项目(&amp;C)</source>
        <translation>&amp;Duplicate Project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="384"/>
        <source>删除项目(&amp;D)</source>
        <translation>De&amp;lete Project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="386"/>
        <source>回收站(&amp;T)…</source>
        <translation>&amp;Trash…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="353"/>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="219"/>
        <source>移出损坏的项目…</source>
        <translation>Move out damaged projects…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="236"/>
        <source>这个项目不能显示：{0}

可以从备份恢复（上方横幅或“文件 → 恢复备份”）；没有备份时，可以把它移出列表（“项目 → 移出损坏的项目”，数据原样留在文件中）。其余项目可以正常使用。</source>
        <translation>This project cannot be shown: {0}

It can be restored from a backup (the banner above, or File → Restore Backup); if there is no backup, it can be moved out of the list (Project → Move Out Damaged Projects; its data stays in the file as it is). The other projects work as usual.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="356"/>
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="388"/>
        <source>移出损坏的项目(&amp;M)…</source>
        <translation>&amp;Move Out Damaged Projects…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="392"/>
        <source>下一个项目(&amp;X)</source>
        <translation>Ne&amp;xt Project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="395"/>
        <source>上一个项目(&amp;V)</source>
        <translation>Pre&amp;vious Project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="398"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="401"/>
        <source>从其他项目复制指标(&amp;I)…</source>
        <translation>Copy &amp;indicators from another project…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="404"/>
        <source>确认需复核的字段(&amp;F)…</source>
        <translation>Confirm &amp;flagged fields…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="411"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="413"/>
        <source>使用说明(&amp;G)</source>
        <translation>User &amp;Guide</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="418"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="420"/>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent Files</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="429"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="432"/>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="440"/>
        <source>项目(&amp;P)</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="448"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="452"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="504"/>
        <source> [只读]</source>
        <translation> [read-only]</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="557"/>
        <source>已保存 {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="559"/>
        <source>每次修改都立即写入文件，不需要另外保存</source>
        <translation>Every change is written to the file at once; there is nothing else to save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="568"/>
        <source>文件正被其他程序占用，修改尚未写入；程序会自动重试。</source>
        <translation>The file is in use by another program; the change is not written yet and will be retried automatically.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="573"/>
        <source>所有修改都已保存（每次修改都立即写入文件，无需另外保存）。</source>
        <translation>All changes are saved (every change is written to the file at once).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="588"/>
        <source>未写入（文件被占用）</source>
        <translation>Not written (file in use)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="591"/>
        <source>“{0}”正被其他程序占用：刚才的修改还没有写入文件，程序每隔几秒自动重试。请关闭占用它的程序；在写入之前请不要关闭本程序。</source>
        <translation>“{0}” is in use by another program: your last change is not written to the file yet; the program retries every few seconds. Please close the program that holds it, and do not close this one until the change is written.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="596"/>
        <source>文件已可写入，修改已保存。</source>
        <translation>The file is free again; your changes are saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="644"/>
        <source>关于 {0}</source>
        <translation>About {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="646"/>
        <source>&lt;h3&gt;{0} {1}&lt;/h3&gt;&lt;p&gt;填写、审核、打印和交换财政项目支出绩效目标申报表的离线程序。&lt;/p&gt;&lt;p&gt;数据文件：{2}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{0} {1}&lt;/h3&gt;&lt;p&gt;An offline program to fill in, check, print and exchange fiscal project expenditure performance-target declaration forms.&lt;/p&gt;&lt;p&gt;Data file: {2}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="681"/>
        <source>“{0}”仍被其他程序占用，最近的修改还没有写入文件，关闭后会丢失。仍要关闭吗？</source>
        <translation>“{0}” is still in use by another program and your latest changes are not written to it yet; closing now loses them. Close anyway?</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="75"/>
        <source>合并预览：{0}</source>
        <translation>Merge Preview: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="90"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="92"/>
        <source>文件中没有项目</source>
        <translation>no projects in the file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="96"/>
        <source>“{0}”中的项目：{1}。请检查每一项的处理方式，默认的处理不会丢失任何内容；被替换的版本会保存在历史版本中，合并前会自动备份。</source>
        <translation>Projects in “{0}”: {1}. Check what happens to each; the defaults lose nothing. Replaced versions are kept in the history, and the database is backed up before the merge.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="109"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="110"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="111"/>
        <source>实施单位</source>
        <translation>Implementing unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="112"/>
        <source>项目资金总额</source>
        <translation>Total project funds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="113"/>
        <source>情况</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="114"/>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="156"/>
        <source>处理</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="138"/>
        <source>（未命名）</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="164"/>
        <source>双方都修改过的内容：逐项选择（选择后按“合并双方的修改”处理）</source>
        <translation>Changed on both sides: pick per item (a pick means “combine both sides’ changes”)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="172"/>
        <source>选择一行，这里显示对方的版本与我的版本有哪些不同。</source>
        <translation>Select a row to see how their version differs from mine.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="185"/>
        <source>不同之处(&amp;D)（〔+…〕加上的文字，〔−…〕删去的文字）：</source>
        <translation>&amp;Differences ([+…] text added, [−…] text removed):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="194"/>
        <source>以下内容有错误，不会导入：</source>
        <translation>These have errors and will not be imported:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="197"/>
        <source>合并(&amp;M)</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="224"/>
        <source>本机也新建了同名项目（同一年度），可以合为一个或两份都保留：</source>
        <translation>This computer also created a project of that name (same year); merge them into one or keep both:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="230"/>
        <source>这个文件记录的本机修改次数比本机自己记录的多：版本记录被改动过（或本机的数据文件是从较早的备份恢复的）。为安全起见，它不会替换本机的版本，只另存为一个新项目供核对。</source>
        <translation>This file records more changes made on this computer than this computer itself recorded: its version record was altered (or this computer’s data file was restored from an older backup). To be safe it does not replace this computer’s version; it is only kept as a new project for review.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="241"/>
        <source>两份都保留后，列表中会有两个同名（同一年度）的项目；审核会提示“可能重复”，直到删除或改名其中一个。</source>
        <translation>Keeping both leaves two projects of the same name and year in the list; the check warns “possible duplicate” until one of them is deleted or renamed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="251"/>
        <source>对方已彻底删除这个项目。</source>
        <translation>The other computer deleted this project for good.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="253"/>
        <source>本机已彻底删除这个项目。</source>
        <translation>This computer deleted this project for good.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="255"/>
        <source>本机没有这个项目。</source>
        <translation>This computer does not have this project.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="257"/>
        <source>内容完全相同。</source>
        <translation>The content is identical.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="301"/>
        <source>我的</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="302"/>
        <source>对方的</source>
        <translation>Theirs</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange_dialogs.py" line="342"/>
        <source>按当前选择，合并后有 %n 个项目会有同名（同一年度）的两份：{0}。</source>
        <translation>
            <numerusform>With these choices, %n project will be there twice under the same name and year: {0}.</numerusform>
            <numerusform>With these choices, %n projects will be there twice under the same name and year: {0}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="343"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="351"/>
        <source>新项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="352"/>
        <source>完全相同</source>
        <translation>identical</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="353"/>
        <source>对方的较新</source>
        <translation>theirs is newer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="354"/>
        <source>我的较新</source>
        <translation>mine is newer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="355"/>
        <source>双方都修改过</source>
        <translation>changed on both sides</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="356"/>
        <source>我已删除</source>
        <translation>deleted here</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="357"/>
        <source>我已删除，对方又修改过</source>
        <translation>deleted here, changed there</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="358"/>
        <source>对方已删除</source>
        <translation>deleted there</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="359"/>
        <source>对方已删除，我又修改过</source>
        <translation>deleted there, changed here</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="360"/>
        <source>双方都新建了同名项目</source>
        <translation>Both created a project of that name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="361"/>
        <source>版本记录可疑</source>
        <translation>suspicious version record</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="374"/>
        <source>导入</source>
        <translation>import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="374"/>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="376"/>
        <source>不导入</source>
        <translation>do not import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="376"/>
        <source>另存为新项目供核对</source>
        <translation>keep as a new project for review</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="378"/>
        <source>移入回收站</source>
        <translation>move to trash</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="380"/>
        <source>恢复对方的</source>
        <translation>bring theirs back</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="380"/>
        <source>保持删除</source>
        <translation>keep deleted</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="383"/>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="390"/>
        <source>两份都保留</source>
        <translation>keep both</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="384"/>
        <source>合为一个，用我的</source>
        <translation>Merge into one, keep mine</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="385"/>
        <source>合为一个，用对方的</source>
        <translation>Merge into one, take theirs</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="388"/>
        <source>保留我的</source>
        <translation>keep mine</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="389"/>
        <source>采用对方的</source>
        <translation>take theirs</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="391"/>
        <source>合并双方的修改</source>
        <translation>combine both sides’ changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="413"/>
        <source>指标 {0}</source>
        <translation>Indicator {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="416"/>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="476"/>
        <source>预览显示期间，其他程序修改了其中的项目，下面是重新比较的结果。</source>
        <translation>Another program changed some of these projects while the preview was open; this is the new comparison.</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="160"/>
        <source>＝{0}万元</source>
        <translation>= {0} × 10,000 yuan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="174"/>
        <source>“{0}”是接在原金额 {1} 后面输入的，不是一个完整的金额；请全选后重新输入</source>
        <translation>“{0}” was typed after the amount {1} already there and is not one whole amount; select all and type it again</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="182"/>
        <source>金额无效：{0}。可写 5100000、5,100,000.00 或 510万</source>
        <translation>Invalid amount: {0}. Type 5100000 or 5,100,000.00 (or 510 with the Chinese ten-thousand sign)</translation>
    </message>
</context>
<context>
    <name>OpinionDialog</name>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="72"/>
        <source>添加审核意见</source>
        <translation>Add Review Opinion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="77"/>
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="79"/>
        <source>位置：</source>
        <translation>Where:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="80"/>
        <source>原因(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="81"/>
        <source>意见(&amp;T)：</source>
        <translation>&amp;Text:</translation>
    </message>
</context>
<context>
    <name>PaperCheckDialog</name>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="40"/>
        <source>核对纸质件</source>
        <translation>Check a Paper Copy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="43"/>
        <source>输入纸质件页脚的校验码（如 K7RM-4XQ2-H9TW），或用扫描枪扫描页脚的二维码，按回车核对。可以一页接一页地扫描，下面列出每一页的结果和缺少的页。</source>
        <translation>Type the check code from the footer of a printed page (such as K7RM-4XQ2-H9TW), or scan the footer&apos;s QR code with a barcode scanner, and press Enter. Pages can be scanned one after another; each page&apos;s answer and the missing pages are listed below.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="49"/>
        <source>校验码或二维码</source>
        <translation>Check code or QR code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="60"/>
        <source>校验码(&amp;C)：</source>
        <translation>&amp;Check code:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="66"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="66"/>
        <source>页</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="66"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="73"/>
        <source>清空(&amp;L)</source>
        <translation>C&amp;lear</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="113"/>
        <source>{0}（{1}年度）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="113"/>
        <source>（未命名项目）</source>
        <translation>(unnamed project)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="119"/>
        <source>（该项目在回收站中）</source>
        <translation> (the project is in the trash)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="121"/>
        <source>与当前数据一致</source>
        <translation>matches the current data</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="123"/>
        <source>项目已从本文件中彻底删除</source>
        <translation>the project was deleted from this file for good</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="125"/>
        <source>项目不在本文件中</source>
        <translation>the project is not in this file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="127"/>
        <source>这是第 {0} 版，当前是第 {1} 版</source>
        <translation>this is version {0}, the current one is version {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="131"/>
        <source>这是较早的版本，当前是第 {0} 版</source>
        <translation>this is an earlier version, the current one is version {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="133"/>
        <source>（打印的版本未保存在本文件中，无法列出改动）</source>
        <translation> (the printed version is not kept in this file, so the changes cannot be listed)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="135"/>
        <source>，内容相同</source>
        <translation>, with the same content</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="137"/>
        <source>，有 {0} 处改动</source>
        <translation>, {0} change(s)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="145"/>
        <source>校验码有误：含有校验码不用的字符 {0}</source>
        <translation>Wrong check code: it has characters check codes do not use: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="148"/>
        <source>（校验码中没有 0、1、O、I、L）</source>
        <translation> (check codes have no 0, 1, O, I, L)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/paper_check.py" line="150"/>
        <source>校验码有误：应为 {0} 个字符，输入的是 %n 个</source>
        <translation>
            <numerusform>Wrong check code: it has {0} characters, %n was typed</numerusform>
            <numerusform>Wrong check code: it has {0} characters, %n were typed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/paper_check.py" line="212"/>
        <source>，共 %n 页，齐全</source>
        <translation>
            <numerusform>, the only page</numerusform>
            <numerusform>, all %n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="152"/>
        <source>请输入纸质件上的校验码</source>
        <translation>Type the check code printed on the paper</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="153"/>
        <source>校验码有误：校验位不符，请逐个字符核对（可能输错或颠倒了字符）</source>
        <translation>Wrong check code: the check character does not match; compare it character by character (a character mistyped or two swapped)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="154"/>
        <source>校验码有误（不是本程序打印的校验码）</source>
        <translation>Wrong check code (not one this program prints)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="155"/>
        <source>校验码有误（页码不对）</source>
        <translation>Wrong check code (the page number is impossible)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="156"/>
        <source>二维码的内容不完整或不是本程序打印的，请重新扫描</source>
        <translation>The QR code&apos;s text is incomplete or not printed by this program; scan it again</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="157"/>
        <source>二维码中的校验码有误，请重新扫描</source>
        <translation>The check code in the QR code is wrong; scan it again</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="158"/>
        <source>二维码中的页码与校验码不符，请重新扫描</source>
        <translation>The page in the QR code does not match its check code; scan it again</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="159"/>
        <source>二维码中的打印时间有误，请重新扫描</source>
        <translation>The print time in the QR code is wrong; scan it again</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="160"/>
        <source>二维码中的内容与校验码不符，请重新扫描</source>
        <translation>The QR code&apos;s content does not match its check code; scan it again</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="168"/>
        <source>第 {0} 页 共 {1} 页</source>
        <translation>, page {0} of {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="170"/>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="179"/>
        <source>（未知）</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="180"/>
        <source>第 {0}/{1} 页</source>
        <translation>page {0}/{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="182"/>
        <source>（重复）</source>
        <translation>(again) </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="197"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="204"/>
        <source>第 {0} 版</source>
        <translation> revision {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="208"/>
        <source>{0}{1}：有第 {2} 页</source>
        <translation>{0}{1}: pages {2} present</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/paper_check.py" line="210"/>
        <source>，缺第 {0} 页</source>
        <translation>, pages {0} missing</translation>
    </message>
</context>
<context>
    <name>PastePreview</name>
    <message>
        <location filename="../../desktop/ui/indicator_paste.py" line="168"/>
        <source>一级指标</source>
        <translation>Level 1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_paste.py" line="169"/>
        <source>二级指标</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_paste.py" line="170"/>
        <source>三级指标</source>
        <translation>Level 3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_paste.py" line="171"/>
        <source>指标值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_paste.py" line="172"/>
        <source>读作</source>
        <translation>Read as</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_paste.py" line="194"/>
        <source>粘贴指标</source>
        <translation>Paste indicators</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/indicator_paste.py" line="199"/>
        <source>将添加 %n 条指标（可一步撤销）。按 Enter 添加，Esc 取消。</source>
        <translation>
            <numerusform>%n indicator will be added (undone in one step). Enter adds it, Esc cancels.</numerusform>
            <numerusform>%n indicators will be added (undone in one step). Enter adds them, Esc cancels.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_paste.py" line="215"/>
        <source>添加(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../desktop/ui/window_print.py" line="61"/>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_print.py" line="63"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_print.py" line="75"/>
        <source>已导出 %n 个项目到 {0}</source>
        <translation>
            <numerusform>Exported %n project to {0}</numerusform>
            <numerusform>Exported %n projects to {0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_print.py" line="91"/>
        <source>打印的版本未能记入数据文件（核对纸质件时将无法列出改动）：{0}</source>
        <translation>The printed versions could not be recorded in the data file (checking a paper copy will not be able to list the changes): {0}</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="259"/>
        <source>这台电脑没有安装打印机，无法打印。
可以先导出 PDF，再在有打印机的电脑上打印（按“实际大小”打印）。</source>
        <translation>No printer is installed on this computer.
You can export a PDF and print it on a computer with a printer (at “Actual size”).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="266"/>
        <location filename="../../desktop/ui/print_dialog.py" line="312"/>
        <source>导出 PDF(&amp;E)…</source>
        <translation>&amp;Export PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="292"/>
        <source>打印预览</source>
        <translation>Print Preview</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/print_dialog.py" line="82"/>
        <source>%n 个项目有审核错误，将带“草稿”水印打印。仍要继续吗？</source>
        <translation>
            <numerusform>%n project has check errors and will print with a “draft” mark. Continue?</numerusform>
            <numerusform>%n projects have check errors and will print with a “draft” mark. Continue?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/print_dialog.py" line="340"/>
        <source>选中的 %n 个项目</source>
        <translation>
            <numerusform>The selected project</numerusform>
            <numerusform>The %n selected projects</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="341"/>
        <source>全部项目</source>
        <translation>All projects</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="344"/>
        <source>签字栏(&amp;S)</source>
        <translation>&amp;Sign-off block</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="346"/>
        <source>供签字盖章的纸质件打印签字栏；公开的版本不打印</source>
        <translation>Print the sign-off block for the signed and stamped paper copy; leave it off for a publication copy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="348"/>
        <source>填报人</source>
        <translation>Filled in by</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="350"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="351"/>
        <source>校验码(&amp;Q)</source>
        <translation>Check &amp;codes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="355"/>
        <source>每页页脚印校验码和二维码，可用“文件 › 核对纸质件”核对纸质件与数据是否一致；不得有其他内容的表可以不印</source>
        <translation>Print a check code and a QR code in each page&apos;s footer, so that File › Check a Paper Copy can tell whether a paper copy matches the data; leave them off for forms that must carry nothing else</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="362"/>
        <source>填报人：</source>
        <translation>Filled in by:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="364"/>
        <source>联系电话：</source>
        <translation>Phone:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/print_dialog.py" line="406"/>
        <source>%n 个项目，</source>
        <translation>
            <numerusform>%n project, </numerusform>
            <numerusform>%n projects, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/print_dialog.py" line="406"/>
        <source>共 %n 页</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/print_dialog.py" line="408"/>
        <source>；%n 个项目有审核错误，带“草稿”水印</source>
        <translation>
            <numerusform>; %n project has check errors and prints with a “draft” mark</numerusform>
            <numerusform>; %n projects have check errors and print with a “draft” mark</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/print_dialog.py" line="439"/>
        <source>已发送 %n 页到打印机（实际大小）</source>
        <translation>
            <numerusform>Sent %n page to the printer (actual size)</numerusform>
            <numerusform>Sent %n pages to the printer (actual size)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/print_dialog.py" line="443"/>
        <source>已发送 %n 页到打印机；打印机的边距放不下整页表格，已缩小到 {0:.1f}%</source>
        <translation>
            <numerusform>Sent %n page to the printer; the printer&apos;s margins could not take the whole form, shrunk to {0:.1f}%</numerusform>
            <numerusform>Sent %n pages to the printer; the printer&apos;s margins could not take the whole form, shrunk to {0:.1f}%</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="309"/>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="123"/>
        <source>无法保存 PDF：{0}</source>
        <translation>Cannot save the PDF: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="130"/>
        <source>字体中没有这些字符，已印为 □：{0}</source>
        <translation>These characters are not in the fonts and print as □: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="410"/>
        <source>；字体中没有这些字符，已印为 □：{0}</source>
        <translation>; these characters are not in the fonts and print as □: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="425"/>
        <source>财政项目支出绩效目标申报表</source>
        <translation>Performance target declaration forms</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="435"/>
        <source>打印机“{0}”无法打印。</source>
        <translation>The printer &quot;{0}&quot; cannot print.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="453"/>
        <source>申报表</source>
        <translation>Forms</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="456"/>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="458"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_dialog.py" line="474"/>
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="78"/>
        <source>新项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="80"/>
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="95"/>
        <source>（副本）</source>
        <translation> (copy)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="104"/>
        <source>复制项目</source>
        <translation>Duplicate project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="104"/>
        <source>复制 {0} 个项目</source>
        <translation>Duplicate {0} projects</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="112"/>
        <source>删除项目</source>
        <translation>Delete project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="112"/>
        <source>删除 {0} 个项目</source>
        <translation>Delete {0} projects</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="118"/>
        <source>已移到回收站；可按 Ctrl+Z 撤销，或在“项目 › 回收站”中恢复。</source>
        <translation>Moved to the trash; press Ctrl+Z to undo, or restore it from “Project › Trash”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="135"/>
        <source>“{0}”以只读方式打开，不能移出损坏的项目。</source>
        <translation>“{0}” is open read-only: damaged projects cannot be moved out.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="140"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="140"/>
        <source>等</source>
        <translation> and others</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="143"/>
        <source>{0}-移出的项目-{1}.db</source>
        <translation>{0}-moved-out-{1}.db</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="147"/>
        <source>移出损坏的项目</source>
        <translation>Move Out Damaged Projects</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_projects.py" line="148"/>
        <source>把 %n 个数据有误的项目移出列表：{0}？</source>
        <translation>
            <numerusform>Move %n project with wrong data out of the list: {0}?</numerusform>
            <numerusform>Move %n projects with wrong data out of the list: {0}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_projects.py" line="167"/>
        <source>移出 %n 个损坏的项目</source>
        <translation>
            <numerusform>Move out %n damaged project</numerusform>
            <numerusform>Move out %n damaged projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_projects.py" line="172"/>
        <source>已移出 %n 个项目，数据原样保存在文件中；可按 Ctrl+Z 放回。</source>
        <translation>
            <numerusform>Moved %n project out; its data is kept in the file as it was. Ctrl+Z puts it back.</numerusform>
            <numerusform>Moved %n projects out; their data is kept in the file as it was. Ctrl+Z puts them back.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="151"/>
        <source>不会删除任何数据：这些项目的全部数据（项目、指标、历史版本、审核记录）原样保存在本文件中单独的一处，不再出现在列表、导出和合并中，此后每日备份可以照常进行。

可以用“编辑 › 撤销”（Ctrl+Z）放回。另存的副本在数据文件旁：{0}</source>
        <translation>No data is deleted: everything these projects hold (the project, indicators, earlier versions, review records) is kept as it is in a separate part of this file, no longer in the list, exports or merges, and the daily backup works again.

Edit › Undo (Ctrl+Z) puts them back. The copy is saved beside the data file: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="157"/>
        <source>同时另存一份副本，交给技术支持(&amp;S)</source>
        <translation>Also save a copy to give to &amp;support</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="160"/>
        <source>移出(&amp;M)</source>
        <translation>&amp;Move out</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="174"/>
        <source>副本：{0}</source>
        <translation> Copy: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_projects.py" line="203"/>
        <source>复制 %n 个项目到下一年度</source>
        <translation>
            <numerusform>Copy %n project to the next year</numerusform>
            <numerusform>Copy %n projects to the next year</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="206"/>
        <source>已复制到下一年度；指标已标为待核对，请逐条核对本年度的指标值。</source>
        <translation>Copied to the next year; the indicators are marked to be checked — confirm each value for the new year.</translation>
    </message>
</context>
<context>
    <name>ProjectEditor</name>
    <message>
        <location filename="../../desktop/ui/editor.py" line="72"/>
        <source>基本信息</source>
        <extracomment>a short note for the window&apos;s status bar</extracomment>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="73"/>
        <source>项目资金</source>
        <translation>Funds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="74"/>
        <source>绩效目标</source>
        <translation>Goals</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="75"/>
        <source>绩效指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="255"/>
        <source>“{0}”中有未保存的输入“{1}”（无效），回到该项目时仍在原处</source>
        <translation>&quot;{0}&quot; has an unsaved (invalid) entry &quot;{1}&quot;; it is still there when you return to that project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="283"/>
        <source>必填，如：法律援助费</source>
        <translation>Required, e.g. Legal aid costs</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="297"/>
        <source>项目名称(&amp;N)</source>
        <translation>Project &amp;name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="299"/>
        <source>年度(&amp;Y)</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="301"/>
        <source>项目性质(&amp;X)</source>
        <translation>Project natu&amp;re</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="302"/>
        <source>项目类别(&amp;L)</source>
        <translation>Project cate&amp;gory</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="303"/>
        <source>主管部门(&amp;D)</source>
        <translation>Supervising &amp;department</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="304"/>
        <source>实施单位(&amp;U)</source>
        <translation>Implementing &amp;unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="305"/>
        <source>计划开始日期(&amp;S)</source>
        <translation>Planned &amp;start date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="306"/>
        <source>计划完成日期(&amp;W)</source>
        <translation>Planned end da&amp;te</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="383"/>
        <source>项目名称不能为空；已保存的名称保持不变。</source>
        <translation>The project name cannot be empty; the saved name is kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="423"/>
        <source>计划完成日期不能早于计划开始日期；未保存</source>
        <translation>The planned end date cannot be before the start date; not saved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="445"/>
        <source>项目总目标(&amp;O)</source>
        <translation>&amp;Overall project goal</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="446"/>
        <source>年度总体目标(&amp;A)</source>
        <translation>&amp;Annual goal</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="450"/>
        <source>Enter 到下一栏，Ctrl+Enter 换行</source>
        <translation>Enter goes to the next field, Ctrl+Enter starts a new line</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="461"/>
        <source>打印时这一栏的表头：按原表的写法（项目总目标 / 项目总体目标）</source>
        <translation>The column&apos;s header on the printout, as the form writes it (“overall project goal” or “project overall goal”)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="465"/>
        <source>表头：</source>
        <translation>Header:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="478"/>
        <location filename="../../desktop/ui/editor.py" line="510"/>
        <source>{0} 字</source>
        <translation>{0} characters</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor.py" line="496"/>
        <source>修改目标表头</source>
        <translation>Change goal header</translation>
    </message>
</context>
<context>
    <name>ProjectNavigation</name>
    <message>
        <location filename="../../desktop/ui/window_list.py" line="71"/>
        <source>搜索项目名称、实施单位、指标…</source>
        <extracomment>a file with more than ``READ_WHOLE`` projects (read whole in ≈ 30 ms) shows the window with the first ``FIRST_SCREEN`` rows of the list, and reads the rest in steps of ``LIST_STEP`` rows of the file once the window is up</extracomment>
        <translation>Search project names, units, indicators…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_list.py" line="74"/>
        <source>按年度筛选</source>
        <translation>Filter by year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_list.py" line="76"/>
        <source>按审核结果筛选</source>
        <translation>Filter by check result</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_list.py" line="78"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_list.py" line="79"/>
        <source>有错误</source>
        <translation>With errors</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_list.py" line="80"/>
        <source>有警告</source>
        <translation>With warnings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_list.py" line="81"/>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_list.py" line="86"/>
        <source>按报送、审核的状态筛选</source>
        <translation>Filter by submission and review status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_list.py" line="87"/>
        <source>全部状态</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_list.py" line="92"/>
        <source>按实施单位筛选（审核单位汇总多个单位的申报表时）</source>
        <translation>Filter by implementing unit (when a reviewer collects the forms of several units)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_list.py" line="217"/>
        <location filename="../../desktop/ui/window_list.py" line="222"/>
        <source>共 %n 个项目</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_list.py" line="224"/>
        <source>显示 {0} / %n 个项目</source>
        <translation>
            <numerusform>Showing {0} of %n project</numerusform>
            <numerusform>Showing {0} of %n projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_list.py" line="228"/>
        <source>（另有 %n 个项目需要修复，未计入）</source>
        <translation>
            <numerusform> (%n more project needs repair and is not counted)</numerusform>
            <numerusform> (%n more projects need repair and are not counted)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_list.py" line="226"/>
        <source>，项目资金合计 {0} 元</source>
        <translation>, total funds {0} yuan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_list.py" line="327"/>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_list.py" line="329"/>
        <source>{0} 年度</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_list.py" line="341"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
</context>
<context>
    <name>ProjectTableModel</name>
    <message>
        <location filename="../../desktop/ui/project_list.py" line="168"/>
        <source>项目名称</source>
        <extracomment>a change to this many rows at once is followed in one pass (``_source_changed``, ``_source_inserted``) the sample forms as published were set (the list sizes its 审核 column for the mark)</extracomment>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_list.py" line="169"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_list.py" line="170"/>
        <source>实施单位</source>
        <translation>Implementing unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_list.py" line="171"/>
        <source>项目资金总额</source>
        <translation>Total project funds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_list.py" line="172"/>
        <source>审核</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_list.py" line="173"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_list.py" line="187"/>
        <source>（未命名）</source>
        <translation>(unnamed)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/project_list.py" line="196"/>
        <source>错误 %n</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/project_list.py" line="198"/>
        <source>警告 %n</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/project_list.py" line="237"/>
        <source>{0} · %n 条指标</source>
        <translation>
            <numerusform>{0} · %n indicator</numerusform>
            <numerusform>{0} · %n indicators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/project_list.py" line="269"/>
        <source>{0} · 意见 %n</source>
        <translation>
            <numerusform>{0} · %n opinion</numerusform>
            <numerusform>{0} · %n opinions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_list.py" line="200"/>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_list.py" line="202"/>
        <source> · 原表</source>
        <translation> · as published</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_list.py" line="233"/>
        <source>示例：公开发布的原表，这些错误和警告是原表本身的问题，照原样载入，不是程序出错。修改后此标记消失。</source>
        <translation>Example: a form as published. These errors and warnings are the published form&apos;s own problems, loaded as they were — not caused by this program. The mark goes once you edit the form.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_list.py" line="245"/>
        <source>需要修复</source>
        <translation>Needs repair</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="391"/>
        <source>导入报告</source>
        <translation>Import Report</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_files.py" line="398"/>
        <source>从“{0}”读取 %n 个项目，</source>
        <translation>
            <numerusform>Read %n project from “{0}”; </numerusform>
            <numerusform>Read %n projects from “{0}”; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_files.py" line="400"/>
        <source>新增 %n 个。</source>
        <translation>
            <numerusform>added %n.</numerusform>
            <numerusform>added %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_files.py" line="402"/>
        <source>%n 个已存在相同内容，未重复导入。</source>
        <translation>
            <numerusform> %n was already present with the same content and was not imported again.</numerusform>
            <numerusform> %n were already present with the same content and were not imported again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_files.py" line="405"/>
        <source>%n 处需要人工复核（下面标为[需复核]的行；字段和指标已在项目中标出）。</source>
        <translation>
            <numerusform>%n item needs a person&apos;s review (the line marked [需复核] below; the fields and indicators are marked in the projects). </numerusform>
            <numerusform>%n items need a person&apos;s review (the lines marked [需复核] below; the fields and indicators are marked in the projects). </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_files.py" line="408"/>
        <source>%n 个项目的资金全部为 0 或没有找到。</source>
        <translation>
            <numerusform>The funds of %n project are all zero or missing. </numerusform>
            <numerusform>The funds of %n projects are all zero or missing. </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_files.py" line="414"/>
        <source>没有需要注意的问题。</source>
        <translation>Nothing needs attention.</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="80"/>
        <source>添加审核意见(&amp;O)…</source>
        <translation>Add review &amp;opinion…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="81"/>
        <source>退回修改(&amp;R)…</source>
        <translation>&amp;Return for changes…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="82"/>
        <source>审核通过(&amp;A)</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="83"/>
        <source>确认意见已处理(&amp;C)</source>
        <translation>&amp;Confirm opinion handled</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="84"/>
        <source>报送(&amp;S)</source>
        <translation>&amp;Submit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="85"/>
        <source>答复审核意见(&amp;W)…</source>
        <translation>Ans&amp;wer review opinion…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="86"/>
        <source>申请调整(&amp;J)…</source>
        <translation>Ask for ad&amp;justment…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="87"/>
        <source>打印审核意见(&amp;P)…</source>
        <translation>&amp;Print review opinions…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="88"/>
        <source>导出给报送单位(&amp;E)…</source>
        <translation>&amp;Export for a submitting unit…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="89"/>
        <source>审核流程(&amp;V)</source>
        <translation>Re&amp;view</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="148"/>
        <source>状态：{0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="150"/>
        <source>（{0} {1}）</source>
        <translation> ({0} {1})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="159"/>
        <source>审核通过以来的修改：
{0}</source>
        <translation>Changes since approval:
{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="161"/>
        <source>这个文件中没有审核通过的版本，无法比较。</source>
        <translation>This file does not hold the approved version; nothing to compare with.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="205"/>
        <source>这是报送来的项目，审核单位不能修改；按 F9 在当前位置添加审核意见。</source>
        <translation>This form was submitted to you: a reviewer does not edit it. Press F9 to add a review opinion here.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="213"/>
        <source>“{0}”已审核通过。审核通过的目标一般不再修改；确需修改的，请说明调整的原因。审核通过的版本保留在历史版本中，调整后需要重新报送。</source>
        <translation>“{0}” is approved. Approved targets are normally not changed; if a change is needed, give the reason for the adjustment. The approved version is kept in the history; after the adjustment the form is submitted again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="216"/>
        <location filename="../../desktop/ui/window_review.py" line="229"/>
        <location filename="../../desktop/ui/window_review.py" line="240"/>
        <source>申请调整</source>
        <translation>Ask for Adjustment</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="224"/>
        <source>没有申请调整，修改未保存。</source>
        <translation>No adjustment asked for: the change was not saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="231"/>
        <source>已申请调整，可以修改了。</source>
        <translation>Adjustment asked for: the form can be changed now.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="240"/>
        <source>只有审核通过的项目需要申请调整。</source>
        <translation>Only approved forms need an adjustment.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="280"/>
        <source>整个项目</source>
        <translation>The whole project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="294"/>
        <source>添加审核意见</source>
        <translation>Add Review Opinion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="297"/>
        <source>已添加意见：{0} {1}</source>
        <translation>Opinion added: {0} {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_review.py" line="153"/>
        <source> · 未处理意见 %n 条</source>
        <translation>
            <numerusform> · %n open opinion</numerusform>
            <numerusform> · %n open opinions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_review.py" line="158"/>
        <source> · 审核通过以来修改 %n 处</source>
        <translation>
            <numerusform> · %n change since approval</numerusform>
            <numerusform> · %n changes since approval</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_review.py" line="312"/>
        <source>{0}：%n 个项目</source>
        <translation>
            <numerusform>{0}: %n project</numerusform>
            <numerusform>{0}: %n projects</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="318"/>
        <location filename="../../desktop/ui/window_review.py" line="322"/>
        <source>退回修改</source>
        <translation>Return for changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="319"/>
        <source>退回选中的项目。已提出的未处理意见会随文件交回；也可以在这里写明退回的原因：</source>
        <translation>Return the selected projects. Open opinions go back with the file; you may also write the reason for the return here:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="327"/>
        <location filename="../../desktop/ui/window_review.py" line="331"/>
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="328"/>
        <source>把选中的项目标为审核通过？审核通过的版本保留在历史版本中。</source>
        <translation>Mark the selected projects approved? The approved version is kept in the history.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="340"/>
        <source>确认意见</source>
        <translation>Confirm Opinion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="351"/>
        <source>报送调整</source>
        <translation>Submit Adjustment</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="352"/>
        <source>“{0}”审核通过以来的修改：
{1}

报送这些调整？</source>
        <translation>Changes to “{0}” since approval:
{1}

Submit these adjustments?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="353"/>
        <source>（没有修改）</source>
        <translation>(no changes)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="358"/>
        <source>报送</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="361"/>
        <source>已报送；请用“文件 › 导出到文件…”导出 .db 文件交给审核单位。</source>
        <translation>Submitted. Use File › Export to File… to write a .db file for the reviewer.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="371"/>
        <source>当前项目没有需要处理的审核意见。</source>
        <translation>The current project has no review opinion to handle.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="389"/>
        <source>{0} — {1} {2}：{3}（{4}）</source>
        <translation>{0} — {1} {2}: {3} ({4})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="399"/>
        <source>审核意见</source>
        <translation>Review opinions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="399"/>
        <source>选择一条意见：</source>
        <translation>Choose an opinion:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="415"/>
        <source>答复审核意见</source>
        <translation>Answer Review Opinion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="429"/>
        <location filename="../../desktop/ui/window_review.py" line="433"/>
        <location filename="../../desktop/ui/window_review.py" line="437"/>
        <location filename="../../desktop/ui/window_review.py" line="443"/>
        <location filename="../../desktop/ui/window_review.py" line="464"/>
        <source>导出给报送单位</source>
        <translation>Export for a Submitting Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="433"/>
        <source>还没有单位报送过项目。</source>
        <translation>No unit has submitted a form yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="437"/>
        <source>报送单位：</source>
        <translation>Submitting unit:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="445"/>
        <source>数据文件 (*.db)</source>
        <translation>Data files (*.db)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_review.py" line="467"/>
        <source>已导出“{0}”的 %n 个项目（含状态和审核意见）到 {1}</source>
        <translation>
            <numerusform>Exported %n project of “{0}” (with status and review opinions) to {1}</numerusform>
            <numerusform>Exported %n projects of “{0}” (with status and review opinions) to {1}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="479"/>
        <location filename="../../desktop/ui/window_review.py" line="498"/>
        <source>打印审核意见</source>
        <translation>Print Review Opinions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="481"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_review.py" line="501"/>
        <source>已保存到“{0}”</source>
        <translation>Saved to “{0}”</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../desktop/ui/session.py" line="108"/>
        <source>项目“{0}”已被其他程序修改，为避免覆盖，本次修改未保存。已重新载入。</source>
        <extracomment>a project&apos;s content changed (edit, undo, redo); carries the saved project projects appeared in the list (new, duplicated, restored, imported); ids projects left the list (trashed, purged, creation undone); ids a write was refused because another program changed the project; message ask the window to show this project (undo/redo of a change to it) an edit waits because another program holds the file (True), or was written (False) review records (status, opinions, answers) changed for these project ids ([]: any) projects needing repair were moved out of the way (True) or put back (False): keys</extracomment>
        <translation>The project “{0}” was changed by another program; to avoid overwriting it, this change was not saved. It has been loaded again.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="31"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="37"/>
        <source>界面语言(&amp;L)：</source>
        <translation>Interface &amp;language:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="49"/>
        <source>打印时每页印校验码和二维码(&amp;Q)</source>
        <translation>Print a check code and &amp;QR code on every page</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="51"/>
        <source>用于核对纸质件与数据是否一致；不得有其他内容的表可以不印</source>
        <translation>To check a paper copy against the data; leave them off for forms that must carry nothing else</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="57"/>
        <source>审核流程（保存在这个数据文件中）</source>
        <translation>Review (kept in this data file)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="60"/>
        <source>报送、审核时署名的单位</source>
        <translation>The unit named when submitting and reviewing</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="62"/>
        <source>填报单位</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="63"/>
        <source>审核单位</source>
        <translation>Reviewing unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="66"/>
        <source>本机单位(&amp;U)：</source>
        <translation>This &amp;unit:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="67"/>
        <source>本机角色(&amp;R)：</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="68"/>
        <source>经办人(&amp;P)：</source>
        <translation>&amp;Person:</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="39"/>
        <source>年度汇总</source>
        <translation>Year Summary</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="42"/>
        <source>{0} 年度</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="48"/>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="49"/>
        <source>项目性质</source>
        <translation>Project nature</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="50"/>
        <source>项目类别</source>
        <translation>Project category</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="51"/>
        <source>实施单位</source>
        <translation>Implementing unit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="52"/>
        <source>项目资金总额</source>
        <translation>Total project funds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="53"/>
        <source>年度资金申请总额</source>
        <translation>Total annual request</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="59"/>
        <source>年度(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="67"/>
        <source>导出 PDF(&amp;D)…</source>
        <translation>Export P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="70"/>
        <source>导出 Excel(&amp;X)…</source>
        <translation>Export E&amp;xcel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="73"/>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="108"/>
        <source>按项目类别小计</source>
        <translation>Subtotals by category</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="109"/>
        <source>按实施单位小计</source>
        <translation>Subtotals by implementing unit</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/summary_dialog.py" line="115"/>
        <source>{0}（%n 个项目）</source>
        <translation>
            <numerusform>{0} (%n project)</numerusform>
            <numerusform>{0} (%n projects)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/summary_dialog.py" line="129"/>
        <source>合计（%n 个项目）</source>
        <translation>
            <numerusform>Total (%n project)</numerusform>
            <numerusform>Total (%n projects)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="165"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="165"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="168"/>
        <source>导出汇总</source>
        <translation>Export Summary</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="169"/>
        <source>{0}年度项目汇总.{1}</source>
        <translation>{0} summary.{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/summary_dialog.py" line="186"/>
        <source>无法导出：{0}</source>
        <translation>Cannot export: {0}</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="221"/>
        <source>回收站</source>
        <translation>Trash</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="230"/>
        <source>恢复(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="233"/>
        <source>彻底删除(&amp;D)</source>
        <translation>&amp;Delete for Good</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="239"/>
        <source>删除的项目保存在这里，可以恢复。</source>
        <translation>Deleted projects are kept here and can be restored.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="258"/>
        <source>恢复项目</source>
        <translation>Restore projects</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_projects.py" line="267"/>
        <source>彻底删除</source>
        <translation>Delete for Good</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_projects.py" line="268"/>
        <source>彻底删除 %n 个项目？此操作不能撤销。</source>
        <translation>
            <numerusform>Delete %n project for good? This cannot be undone.</numerusform>
            <numerusform>Delete %n projects for good? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ValueLineEdit</name>
    <message>
        <location filename="../../desktop/ui/tree_editors.py" line="30"/>
        <source>如 ≥95%、10个、提升</source>
        <translation>e.g. ≥95%, 10 with its unit, or a word</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tree_editors.py" line="43"/>
        <source>读作：{0}</source>
        <translation>Read as: {0}</translation>
    </message>
</context>
<context>
    <name>YearEdit</name>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="283"/>
        <source>“{0}”不是年度：请写 {1}–{2} 之间的四位数字；未保存</source>
        <translation>“{0}” is not a year: write four digits between {1} and {2}; not saved</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <location filename="../../desktop/domain/audit.py" line="48"/>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="49"/>
        <source>项目性质</source>
        <translation>Project nature</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="50"/>
        <source>项目类别</source>
        <translation>Project category</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="51"/>
        <source>主管部门</source>
        <translation>Supervising department</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="52"/>
        <source>实施单位</source>
        <translation>Implementing unit</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="53"/>
        <source>计划开始日期</source>
        <translation>Planned start date</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="54"/>
        <source>计划完成日期</source>
        <translation>Planned end date</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="55"/>
        <source>项目总目标</source>
        <translation>Overall project goal</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="56"/>
        <source>年度总体目标</source>
        <translation>Annual overall goal</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="57"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="58"/>
        <source>项目资金总额</source>
        <translation>Total project funds</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="59"/>
        <source>财政资金</source>
        <translation>fiscal funds</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="60"/>
        <source>其他资金</source>
        <translation>other funds</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="61"/>
        <source>年度资金申请总额</source>
        <translation>Total annual funds requested</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="62"/>
        <source>当年财政拨款</source>
        <translation>this year&apos;s appropriation</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="63"/>
        <source>上年结转资金</source>
        <translation>funds carried over from last year</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="64"/>
        <source>其他资金（年度）</source>
        <translation>other funds (annual)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="65"/>
        <location filename="../../desktop/domain/row_text.py" line="150"/>
        <source>绩效指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="66"/>
        <location filename="../../desktop/domain/diff.py" line="28"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="67"/>
        <location filename="../../desktop/domain/review.py" line="335"/>
        <source>（未命名）</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="155"/>
        <source>可能重复：{year}年度还有一个同名的项目“{name}”（例如合并时两份都保留）。请删除或改名其中一个。</source>
        <translation>Possible duplicate: {year} has another project named “{name}” (both kept in a merge, say). Delete or rename one of them.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="250"/>
        <source>{label}未填写（需复核：{reason}）</source>
        <translation>{label} is not filled in (to be reviewed: {reason})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="255"/>
        <source>{label}未填写</source>
        <translation>{label} is not filled in</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="268"/>
        <source>项目资金总额 {total} 元应等于财政资金与其他资金之和 {parts} 元</source>
        <translation>Total project funds {total} yuan should equal fiscal plus other funds, {parts} yuan</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="285"/>
        <source>年度资金申请总额 {total} 元应等于当年财政拨款、上年结转资金与其他资金之和 {parts} 元</source>
        <translation>Total annual funds requested {total} yuan should equal this year&apos;s appropriation plus funds carried over plus other funds, {parts} yuan</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="301"/>
        <source>年度资金申请总额不能大于项目资金总额</source>
        <translation>Total annual funds requested cannot exceed total project funds</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="311"/>
        <source>{label}不能是负数</source>
        <translation>{label} cannot be negative</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="320"/>
        <source>经常性项目的年度资金申请总额通常等于项目资金总额</source>
        <translation>For a recurring project the annual funds requested usually equal the total project funds</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="335"/>
        <source>阶段性项目的实施期在同一年内，请确认项目性质（一年内完成的通常是一次性项目）</source>
        <translation>A phased project that starts and ends in the same year: check the project nature (a project done within a year is usually a one-off project)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="351"/>
        <source>计划完成日期早于计划开始日期</source>
        <translation>The planned end date is before the planned start date</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="366"/>
        <source>计划实施期（{start}至{end}）不包含申报年度 {year} 年</source>
        <translation>The planned period ({start} to {end}) does not include the form&apos;s year {year}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="383"/>
        <source>项目总目标与年度总体目标完全相同，年度目标应写明本年度要完成的部分</source>
        <translation>The overall project goal and the annual overall goal are identical; the annual goal should say what is to be done this year</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="399"/>
        <source>{label}有 {n} 个字，超过 {limit} 字，打印时表格会跨页，难以阅读</source>
        <translation>{label} has {n} characters, more than {limit}: the printed table will run over pages and be hard to read</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="426"/>
        <source>缺少{name}：每个项目至少要有一条{name}</source>
        <translation>No {name}: every project needs at least one</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="441"/>
        <source>没有成本指标：按现行指标体系，每个项目都应设置成本指标</source>
        <translation>No 成本指标: under the current indicator system every project should have one</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="454"/>
        <source>指标“{name}”是定量指标，指标值“{value}”却是文字，请填写数值和计量单位</source>
        <translation>Indicator “{name}” is quantitative but its value “{value}” is text: write a number and a unit</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="470"/>
        <source>指标“{name}”的指标值“{value}”还是模板中的占位符，请填写具体的数值</source>
        <translation>The value “{value}” of indicator “{name}” is still the template&apos;s placeholder: write the actual value</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="488"/>
        <source>“{level1}”不是{year}年度指标体系中的一级指标</source>
        <translation>“{level1}” is not a first-level indicator of the {year} indicator system</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="498"/>
        <source>二级指标“{level2}”不属于一级指标“{level1}”（可选：{options}）</source>
        <translation>Second-level indicator “{level2}” does not belong to first-level indicator “{level1}” (choose from: {options})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="516"/>
        <source>三级指标名称未填写</source>
        <translation>The third-level indicator has no name</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="526"/>
        <location filename="../../desktop/domain/report_text.py" line="51"/>
        <source>指标“{name}”没有指标值</source>
        <translation>Indicator “{name}” has no value</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="538"/>
        <source>指标“{name}”的百分比“{value}”不在 0–100 之间</source>
        <translation>The percentage “{value}” of indicator “{name}” is not between 0 and 100</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="551"/>
        <source>指标“{name}”的指标值“{value}”有运算符但没有数值</source>
        <translation>The value “{value}” of indicator “{name}” has an operator but no number</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="564"/>
        <source>指标“{name}”的指标值“{value}”没有运算符（=、≥、≤ 等）</source>
        <translation>The value “{value}” of indicator “{name}” has no operator (=, ≥, ≤ …)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="583"/>
        <source>三级指标“{name}”重复出现</source>
        <translation>Third-level indicator “{name}” appears more than once</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="599"/>
        <source>导入时无法确定的指标“{name}”需要复核：{note}</source>
        <translation>Indicator “{name}” could not be read for certain when imported and needs review: {note}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="620"/>
        <source>{label}需复核：{reason}</source>
        <translation>{label} needs review: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/audit.py" line="636"/>
        <source>产出指标中没有可量化的指标（带数值的指标值），建议至少设一条</source>
        <translation>No indicator under 产出指标 is quantified (a value with a number); set at least one</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="43"/>
        <source>{label}：{change}</source>
        <translation>{label}: {change}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="55"/>
        <source>〔+{text}〕</source>
        <translation>[+{text}]</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="57"/>
        <source>〔−{text}〕</source>
        <translation>[−{text}]</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="124"/>
        <source>{label}：{old} → {new}（{delta}）</source>
        <translation>{label}: {old} → {new} ({delta})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="135"/>
        <location filename="../../desktop/domain/review.py" line="448"/>
        <source>（未命名指标）</source>
        <translation>(unnamed indicator)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="149"/>
        <source>新增指标：{name}</source>
        <translation>Indicator added: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="151"/>
        <source>删除指标：{name}</source>
        <translation>Indicator removed: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="163"/>
        <source>指标 {name} 改名</source>
        <translation>Indicator {name} renamed</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="170"/>
        <source>指标 {name}</source>
        <translation>Indicator {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="177"/>
        <source>指标 {name}：复核标记或备注不同</source>
        <translation>Indicator {name}: review marks or notes differ</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="184"/>
        <source>{label}：需复核标记不同</source>
        <translation>{label}: review marks differ</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="189"/>
        <location filename="../../desktop/domain/row_text.py" line="140"/>
        <source>指标体系</source>
        <translation>Indicator framework</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="190"/>
        <location filename="../../desktop/domain/row_text.py" line="141"/>
        <source>日期写法</source>
        <translation>Date style</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="191"/>
        <location filename="../../desktop/domain/row_text.py" line="142"/>
        <source>目标表头</source>
        <translation>Goal column header</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="192"/>
        <source>金额的写法</source>
        <translation>How the amounts are written</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="193"/>
        <source>指标的需复核标记</source>
        <translation>Review marks of the indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="194"/>
        <source>回收站</source>
        <translation>Trash</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="195"/>
        <source>指标的顺序</source>
        <translation>Order of the indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="143"/>
        <source>新增指标：{name} {value}</source>
        <translation>Indicator added: {name} {value}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="145"/>
        <source>删除指标：{name} {value}</source>
        <translation>Indicator removed: {name} {value}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="232"/>
        <location filename="../../desktop/domain/diff.py" line="253"/>
        <source>{label}不同</source>
        <translation>{label} differ(s)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/diff.py" line="255"/>
        <source>其他内容不同（复核标记、备注等）</source>
        <translation>Other content differs (review marks, notes etc.)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="11"/>
        <source>双方都修改了 {count} 处（请逐项选择，或两份都保留）：</source>
        <translation>Changed on both sides: {count} (pick mine or theirs for each, or keep both copies):</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="12"/>
        <source>我的：{value}</source>
        <translation>Mine: {value}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="13"/>
        <source>对方的：{value}</source>
        <translation>Theirs: {value}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="14"/>
        <source>原来的：{value}</source>
        <translation>Original: {value}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="15"/>
        <source>我的（与原来的相比）</source>
        <translation>Mine (compared with the original)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="16"/>
        <source>对方的（与原来的相比）</source>
        <translation>Theirs (compared with the original)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="17"/>
        <source>（已删除）</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="18"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="19"/>
        <source>（历史中没有记录）</source>
        <translation>(not recorded in the history)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="20"/>
        <source>新增指标</source>
        <translation>Indicator added</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="21"/>
        <source>删除指标</source>
        <translation>Indicator removed</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="24"/>
        <source>对方修改的（合并后采用）：</source>
        <translation>Changed there (taken in the merge):</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="25"/>
        <source>我修改的（合并后保留）：</source>
        <translation>Changed here (kept in the merge):</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="27"/>
        <source>我已把这个项目移入回收站（合并后在回收站中，可以恢复）</source>
        <translation>This computer moved the project to the trash (after the merge it is in the trash and can be restored)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="28"/>
        <source>对方已把这个项目移入回收站（合并后在回收站中，可以恢复）</source>
        <translation>The other computer moved the project to the trash (after the merge it is in the trash and can be restored)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="31"/>
        <source>我已把这个项目从回收站恢复</source>
        <translation>This computer restored the project from the trash</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="32"/>
        <source>对方已把这个项目从回收站恢复</source>
        <translation>The other computer restored the project from the trash</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="36"/>
        <source>“{name}”的版本记录可疑：它记录本机修改过 {theirs} 次，本机只记录了 {recorded} 次。已另存为副本供核对，不会覆盖本机的版本。</source>
        <translation>The version record of “{name}” is suspicious: it says this computer changed the project {theirs} times, but this computer recorded only {recorded}. It is saved as a copy for checking and does not replace this computer’s version.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="41"/>
        <source>“{name}”的删除记录可疑（本机的修改次数被改高），已忽略。</source>
        <translation>The deletion record of “{name}” is suspicious (this computer’s count of changes was raised) and is ignored.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="12"/>
        <source>“{label}”未导入：{problem}</source>
        <translation>“{label}” not imported: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="13"/>
        <source>第 {n} 个项目</source>
        <translation>project {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="14"/>
        <source>编号 {id} 在文件中重复</source>
        <translation>its id {id} appears twice in the file</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="15"/>
        <source>{bad} 条{label}无效，未导入（例如：{first}）</source>
        <translation>Invalid {label} not imported: {bad} (for example: {first})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="16"/>
        <source>状态记录</source>
        <translation>status records</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="17"/>
        <source>审核意见</source>
        <translation>review opinions</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="18"/>
        <source>意见处理记录</source>
        <translation>records of answers to opinions</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="19"/>
        <source>“{label}”的修改时间在未来（{stamp}），已导入，请核对电脑日期</source>
        <translation>“{label}” was changed in the future ({stamp}); imported, please check the computer&apos;s date</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="22"/>
        <source>一条删除记录无效，已忽略：{problem}</source>
        <translation>a deletion record is invalid and was ignored: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="23"/>
        <source>查重键（name_key）已损坏</source>
        <translation>the duplicate-check key (name_key) is damaged</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="24"/>
        <source>{n} 条意见处理记录找不到所属的意见，未导入</source>
        <translation>Records of answers that belong to no opinion in the file, not imported: {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="27"/>
        <source>“{name}”太长（{length} 字）</source>
        <translation>“{name}” is too long ({length} characters)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="28"/>
        <source>“{name}”不是有效的编号</source>
        <translation>“{name}” is not a valid id</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="29"/>
        <source>“{name}”不是时间</source>
        <translation>“{name}” is not a time</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="30"/>
        <source>状态无效</source>
        <translation>the status is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="31"/>
        <source>内容校验值无效</source>
        <translation>the content checksum is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="32"/>
        <source>意见位置的类别无效</source>
        <translation>the kind of the opinion&apos;s place is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="33"/>
        <source>没有名为“{target}”的字段</source>
        <translation>there is no field named “{target}”</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="34"/>
        <source>针对整个项目的意见不应有位置</source>
        <translation>an opinion on the whole project should have no place</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="35"/>
        <source>意见状态无效</source>
        <translation>the opinion&apos;s state is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="38"/>
        <source>“{name}”不是文字</source>
        <translation>“{name}” is not text</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="39"/>
        <source>“{name}”的文字编码无效</source>
        <translation>the text of “{name}” is not validly encoded</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="40"/>
        <source>{label}太长</source>
        <translation>the {label} is too long</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="42"/>
        <source>版本记录</source>
        <translation>version record</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="43"/>
        <source>需复核字段记录</source>
        <translation>record of fields to review</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="44"/>
        <source>字段版本记录</source>
        <translation>record of field versions</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="45"/>
        <source>金额写法记录</source>
        <translation>record of amounts as written</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="46"/>
        <source>金额“{name}”无效</source>
        <translation>the amount “{name}” is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="47"/>
        <source>年度不是整数</source>
        <translation>the year is not a whole number</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="49"/>
        <source>指标数值</source>
        <translation>indicator number</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="50"/>
        <source>指标运算符</source>
        <translation>indicator operator</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="51"/>
        <source>指标复核标记无效</source>
        <translation>an indicator&apos;s review mark is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="52"/>
        <source>指标行号无效</source>
        <translation>an indicator&apos;s line number is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="55"/>
        <source>编号无效</source>
        <translation>the id is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="56"/>
        <source>年度无效</source>
        <translation>the year is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="57"/>
        <source>“{name}”不是文字或太长</source>
        <translation>“{name}” is not text or is too long</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="58"/>
        <source>金额无效</source>
        <translation>an amount is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="59"/>
        <source>“{name}”不是有效的 JSON</source>
        <translation>“{name}” is not valid JSON</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="60"/>
        <source>“{name}”无效</source>
        <translation>“{name}” is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="61"/>
        <source>“{name}”不是有效的日期</source>
        <translation>“{name}” is not a valid date</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="48"/>
        <location filename="../../desktop/domain/row_text.py" line="62"/>
        <source>修改次数无效</source>
        <translation>the number of changes is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="63"/>
        <source>内容指纹（content_hash）无效</source>
        <translation>the content fingerprint (content_hash) is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="64"/>
        <source>文字编码无效（不是 UTF-8）</source>
        <translation>text is not validly encoded (not UTF-8)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="65"/>
        <source>有指标的数值、运算符或复核标记无效</source>
        <translation>an indicator&apos;s number, operator or review mark is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="66"/>
        <source>指标太多（{count:,} 条，上限 {limit:,}）</source>
        <translation>too many indicators ({count:,}, at most {limit:,})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="67"/>
        <source>指标的文字太多（{chars:,} 个字符）</source>
        <translation>the indicators hold too much text ({chars:,} characters)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="68"/>
        <source>有指标的内容不是文字或太长</source>
        <translation>an indicator&apos;s content is not text or is too long</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="69"/>
        <source>有指标的文字编码无效（不是 UTF-8）</source>
        <translation>an indicator&apos;s text is not validly encoded (not UTF-8)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="72"/>
        <source>第 {n} 条指标的</source>
        <translation>indicator {n}: </translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="73"/>
        <source>{where}缺少“{name}”</source>
        <translation>{where}“{name}” is missing</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="74"/>
        <source>{where}“{name}”应为文字</source>
        <translation>{where}“{name}” should be text</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="75"/>
        <source>{where}“{name}”太长（{length:,} 个字符，上限 {limit:,}）</source>
        <translation>{where}“{name}” is too long ({length:,} characters, at most {limit:,})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="78"/>
        <source>“{name}”应为整数</source>
        <translation>“{name}” should be a whole number</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="79"/>
        <source>金额“{name}”应写成文字，如 &quot;5100000.00&quot;</source>
        <translation>the amount “{name}” should be written as text, like &quot;5100000.00&quot;</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="80"/>
        <source>金额“{name}”：{problem}</source>
        <translation>the amount “{name}”: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="81"/>
        <source>{where}运算符“{op}”无效，应为 = ≥ ≤ &gt; &lt; 之一</source>
        <translation>{where}the operator “{op}” is invalid; it should be one of = ≥ ≤ &gt; &lt;</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="82"/>
        <source>{where}有运算符但没有数值</source>
        <translation>{where}an operator but no number</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="83"/>
        <source>{where}数值应写成文字，如 &quot;85.00&quot;</source>
        <translation>{where}the number should be written as text, like &quot;85.00&quot;</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="84"/>
        <source>{where}数值“{value}…”太长</source>
        <translation>{where}the number “{value}…” is too long</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="85"/>
        <source>{where}数值“{value}”无效</source>
        <translation>{where}the number “{value}” is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="86"/>
        <source>{where}数值“{value}”超出范围（绝对值应小于 10^16，最多 20 位小数）</source>
        <translation>{where}the number “{value}” is out of range (it must be smaller than 10^16, with at most 20 decimals)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="89"/>
        <source>{where}有单位但没有数值</source>
        <translation>{where}a unit but no number</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="91"/>
        <source>年度 {year} 无效</source>
        <translation>the year {year} is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="92"/>
        <source>指标太多（超过 {limit} 条）</source>
        <translation>too many indicators (more than {limit})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="93"/>
        <source>“{name}”应写成 YYYY-MM-DD</source>
        <translation>“{name}” should be written YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="94"/>
        <source>{where}“{name}”应为 true 或 false</source>
        <translation>{where}“{name}” should be true or false</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="95"/>
        <source>{where}“{name}”应为整数</source>
        <translation>{where}“{name}” should be a whole number</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="98"/>
        <source>第 {n} 条指标不是对象</source>
        <translation>indicator {n} is not an object</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="100"/>
        <source>项目不是对象</source>
        <translation>the project is not an object</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="101"/>
        <source>“{name}”应为对象</source>
        <translation>“{name}” should be an object</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="102"/>
        <source>“{name}”应为列表</source>
        <translation>“{name}” should be a list</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="103"/>
        <source>指标体系“{profile}”未知</source>
        <translation>the indicator set “{profile}” is unknown</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="104"/>
        <source>日期格式“{style}”未知</source>
        <translation>the date style “{style}” is unknown</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="106"/>
        <source>文字太多（共 {total:,} 个字符，上限 {limit:,}）</source>
        <translation>too much text ({total:,} characters, at most {limit:,})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="178"/>
        <location filename="../../desktop/domain/row_text.py" line="107"/>
        <source>“{name}”：{problem}</source>
        <translation>“{name}”: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="90"/>
        <source>编号不是有效的 UUID：{id}</source>
        <translation>the id is not a valid UUID: {id}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="96"/>
        <source>{where}指标编号无效</source>
        <translation>{where}the indicator id is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="97"/>
        <source>{where}指标编号不是有效的 UUID</source>
        <translation>{where}the indicator id is not a valid UUID</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="99"/>
        <source>有两条指标的编号相同</source>
        <translation>two indicators have the same id</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="105"/>
        <source>目标表头太长（超过 {limit} 个字符）</source>
        <translation>the goal column header is too long (more than {limit} characters)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="108"/>
        <source>字段版本记录应为 {{字段: [编号, 次数]}} 对象</source>
        <translation>the record of field versions should be an object {{field: [id, count]}}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="109"/>
        <source>字段版本记录中的字段名无效</source>
        <translation>a field name in the record of field versions is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="110"/>
        <source>字段版本记录中的记录应为 [编号, 次数]</source>
        <translation>an entry of the record of field versions should be [id, count]</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="111"/>
        <source>字段版本记录中的次数超出了版本记录</source>
        <translation>a count in the record of field versions exceeds the version record</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="112"/>
        <source>需复核字段记录应为 {{字段: 原因}} 对象</source>
        <translation>the record of fields to review should be an object {{field: reason}}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="113"/>
        <source>需复核字段记录中的字段“{key}”未知</source>
        <translation>the field “{key}” in the record of fields to review is unknown</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="114"/>
        <source>需复核字段记录中的原因应为文字</source>
        <translation>a reason in the record of fields to review should be text</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="115"/>
        <source>版本记录应为 {{编号: 次数}} 对象</source>
        <translation>the version record should be an object {{id: count}}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="116"/>
        <source>版本记录中的编号无效</source>
        <translation>an id in the version record is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="117"/>
        <source>版本记录中的次数应为非负整数</source>
        <translation>a count in the version record should be a whole number, not negative</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="118"/>
        <source>修改次数应为非负整数</source>
        <translation>the number of changes should be a whole number, not negative</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="119"/>
        <source>删除时间应为时间文字或 null</source>
        <translation>the deletion time should be a time as text, or null</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="120"/>
        <source>金额写法记录应为 {{金额字段: 文字}} 对象</source>
        <translation>the record of amounts as written should be an object {{amount field: text}}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="121"/>
        <source>金额写法记录中的记录无效</source>
        <translation>an entry of the record of amounts as written is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="122"/>
        <source>金额写法记录中“{text}”与金额不符</source>
        <translation>“{text}” in the record of amounts as written does not match the amount</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="125"/>
        <source>删除记录的编号无效</source>
        <translation>the id of a deletion record is invalid</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="126"/>
        <source>删除记录的版本记录</source>
        <translation>deletion record&apos;s version record</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="127"/>
        <source>删除记录无效：{problem}</source>
        <translation>a deletion record is invalid: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="128"/>
        <source>历史版本</source>
        <translation>kept version</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="129"/>
        <source>历史版本无效：{problem}</source>
        <translation>a kept version is invalid: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="134"/>
        <source>编号</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="135"/>
        <source>项目编号</source>
        <translation>Project id</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="136"/>
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="137"/>
        <source>修改时间</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="138"/>
        <source>删除时间</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="139"/>
        <source>修改次数</source>
        <translation>Number of changes</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="438"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="19"/>
        <source>表中没有找到{label}</source>
        <translation>The form has no {label}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="20"/>
        <source>表头没有年度，按{how}推断为 {year} 年</source>
        <translation>The form&apos;s heading has no year; {year} was worked out from the {how}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="21"/>
        <source>“{period}”只写到年，日期按年初/年末填入</source>
        <translation>“{period}” gives only years; the dates are the start and end of those years</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="22"/>
        <source>实施期限“{period}”只写到月，日期按月初/月末填入</source>
        <translation>The period “{period}” gives only months; the dates are the first and last days of those months</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="23"/>
        <source>“{text}”无法识别为日期</source>
        <translation>“{text}” cannot be read as a date</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="24"/>
        <source>表中没有总额，由分项金额合计得出</source>
        <translation>The form has no total; it is the sum of the parts</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="25"/>
        <source>表中没有此项，由总额减去其他分项得出</source>
        <translation>Not in the form; worked out as the total less the other parts</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="28"/>
        <source>表中没有此项；项目资金总额与年度资金相同，按另一方的构成推算</source>
        <translation>Not in the form; the project total equals the annual request, so it is made up like the other side</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="31"/>
        <source>同一行还有“{extra}”，未并入，请核对</source>
        <translation>The same line also has “{extra}”, not taken in; please check</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="33"/>
        <source>金额“{text}”无法识别</source>
        <translation>The amount “{text}” cannot be read</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="439"/>
        <location filename="../../desktop/domain/row_text.py" line="148"/>
        <source>项目资金</source>
        <translation>Funds</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="26"/>
        <source>表中只有年度资金，按年度资金填入</source>
        <translation>The form gives only the annual amounts; filled in from them</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="27"/>
        <source>表中只有项目资金，按项目资金填入</source>
        <translation>The form gives only the project&apos;s amounts; filled in from them</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="36"/>
        <source>单元格中有空格分开的两段文字，可能是两行合并</source>
        <translation>A cell holds two pieces of text apart by spaces; two lines may have been joined</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="37"/>
        <source>指标名称可能被截断</source>
        <translation>The indicator&apos;s name may be cut off</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="38"/>
        <source>缺少一级指标</source>
        <translation>No level-1 indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="39"/>
        <source>缺少二级指标</source>
        <translation>No level-2 indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="40"/>
        <source>一级指标“{name}”不在指标体系中，按原名称导入</source>
        <translation>The level-1 indicator “{name}” is not in the indicator system; imported under its own name</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="41"/>
        <source>二级指标“{name}”不在指标体系中，按原名称导入</source>
        <translation>The level-2 indicator “{name}” is not in the indicator system; imported under its own name</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="42"/>
        <source>原表没有一级指标，已按指标体系推断为“{level1}”，复核确认后打印</source>
        <translation>The form has no level-1 indicator; “{level1}” was worked out from the indicator system and is printed once confirmed</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="45"/>
        <source>二级指标“{level2}”不属于一级指标“{level1}”</source>
        <translation>The level-2 indicator “{level2}” does not belong under the level-1 indicator “{level1}”</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="46"/>
        <source>一级、二级指标不在同一列位置</source>
        <translation>The level-1 and level-2 indicators are not in their columns</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="47"/>
        <source>指标写在了一级或二级指标的位置上，无法确定它属于哪个分组</source>
        <translation>The indicator is written where a level-1 or level-2 indicator goes; its group cannot be told</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="50"/>
        <source>单元格位置错乱</source>
        <translation>The cells are out of place</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="51"/>
        <source>指标方向“{direction}”无法识别</source>
        <translation>The direction “{direction}” cannot be read</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="52"/>
        <source>只在中长期指标中出现，请确认本年度的指标值</source>
        <translation>Only among the long-term indicators; please confirm this year&apos;s value</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="53"/>
        <source>从{year}年度复制，请核对本年度的指标值</source>
        <translation>Copied from {year}; please check this year&apos;s value</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="56"/>
        <source>中长期指标</source>
        <translation>Long-term indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="57"/>
        <source>中长期指标值：{value}</source>
        <translation>Long-term value: {value}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="58"/>
        <source>原分组：{level1}/{level2}</source>
        <translation>Grouped on the form as: {level1}/{level2}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="59"/>
        <source>指标方向：{direction}</source>
        <translation>Direction: {direction}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="62"/>
        <source>；</source>
        <extracomment>what joins the reasons of one indicator</extracomment>
        <translation>. </translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="329"/>
        <source>“{name}”当前为{status}，不能报送。</source>
        <extracomment>why a review step is refused, said in the window&apos;s language (``ReviewError``, and the store&apos;s ``ReviewRefused``); the Chinese text is ``str(exc)``, as the CLI prints it</extracomment>
        <translation>“{name}” is at “{status}”; it cannot be submitted.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="330"/>
        <source>“{name}”当前为{status}，不能退回修改。</source>
        <translation>“{name}” is at “{status}”; it cannot be returned for changes.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="331"/>
        <source>“{name}”当前为{status}，不能审核通过。</source>
        <translation>“{name}” is at “{status}”; it cannot be approved.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="332"/>
        <source>“{name}”当前为{status}，不能申请调整。</source>
        <translation>“{name}” is at “{status}”; an adjustment cannot be asked for.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="334"/>
        <source>“{name}”当前为{status}，不能改为“{to}”。</source>
        <translation>“{name}” is at “{status}”; it cannot move to “{to}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="336"/>
        <source>申请调整需要说明原因。</source>
        <translation>Asking for an adjustment needs a reason.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="337"/>
        <source>没有代码为 {code} 的审核意见（可选：1–{last}）。</source>
        <translation>There is no opinion with code {code} (choose 1–{last}).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="338"/>
        <source>意见只能针对一个字段或一条指标。</source>
        <translation>An opinion is on one field or one indicator only.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="339"/>
        <source>没有名为“{field}”的字段。</source>
        <translation>There is no field named “{field}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="340"/>
        <source>无效的意见状态：{state}</source>
        <translation>Not a state of an opinion: {state}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="341"/>
        <source>“已说明”需要写明说明的内容。</source>
        <translation>“Explained” needs the explanation written.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="342"/>
        <source>无效的角色：{role}</source>
        <translation>Not a role: {role}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="343"/>
        <source>请先设置本机单位（设置 › 本机单位，或命令行 --unit）。</source>
        <translation>Set this unit first (Settings › This unit, or --unit on the command line).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="346"/>
        <source>只有审核单位可以退回修改或审核通过（设置 › 本机角色）。</source>
        <translation>Only a reviewing unit can return or approve forms (Settings › Role).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="349"/>
        <source>“{name}”没有未处理的审核意见：退回前请先提出意见，或写明退回原因。</source>
        <translation>“{name}” has no open opinion: write an opinion or the reason for returning it first.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="352"/>
        <source>只有审核单位可以提出审核意见（设置 › 本机角色）。</source>
        <translation>Only a reviewing unit can write opinions (Settings › Role).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="355"/>
        <source>“{name}”没有第 {n} 条指标。</source>
        <translation>“{name}” has no indicator No. {n}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="356"/>
        <source>只有审核单位可以确认意见。</source>
        <translation>Only a reviewing unit can confirm opinions.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="357"/>
        <source>没有编号为“{id}”的审核意见。</source>
        <translation>There is no opinion with the id “{id}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="358"/>
        <source>这个项目已审核通过。修改前请先申请调整（说明原因）。</source>
        <translation>This project is approved. Ask for an adjustment (with the reason) before changing it.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="440"/>
        <location filename="../../desktop/domain/row_text.py" line="149"/>
        <source>绩效目标</source>
        <translation>Goals</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="443"/>
        <source>{tab}/{label}</source>
        <extracomment>places, said in the window&apos;s language (the Chinese text is what is stored and printed)</extracomment>
        <translation>{tab}/{label}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="444"/>
        <source>绩效指标/第{n}条（{path}）</source>
        <translation>Indicators/No. {n} ({path})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="445"/>
        <source>绩效指标/{label}</source>
        <translation>Indicators/{label}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="446"/>
        <source>绩效指标/{label}（已删除）</source>
        <translation>Indicators/{label} (deleted)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="447"/>
        <source>整个项目</source>
        <translation>The whole project</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="450"/>
        <source>{code} {reason}</source>
        <extracomment>an open opinion as a 审核 finding: its code and reason, the reviewer&apos;s text, the unit</extracomment>
        <translation>{code} {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="451"/>
        <source>{code} {reason}：{text}</source>
        <translation>{code} {reason}: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/review.py" line="452"/>
        <source>{opinion}（{unit}）</source>
        <translation>{opinion} ({unit})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="153"/>
        <source>指标编号</source>
        <translation>Indicator id</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="154"/>
        <source>一级指标</source>
        <translation>Level 1</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="155"/>
        <source>二级指标</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="156"/>
        <source>三级指标</source>
        <translation>Level 3</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="157"/>
        <source>计量单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="158"/>
        <source>指标值的文字</source>
        <translation>Value text</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="159"/>
        <location filename="../../desktop/domain/row_text.py" line="160"/>
        <source>指标值的原写法</source>
        <translation>Value as written</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="161"/>
        <source>指标值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="162"/>
        <source>复核说明</source>
        <translation>Review note</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="163"/>
        <source>原文</source>
        <translation>Source text</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="164"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="165"/>
        <source>复核标记</source>
        <translation>Review mark</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="166"/>
        <source>原文行号</source>
        <translation>Source line</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="172"/>
        <source>记录编号</source>
        <translation>Record id</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="174"/>
        <source>意见编号</source>
        <translation>Opinion id</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="175"/>
        <source>序号</source>
        <translation>Sequence number</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="176"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="177"/>
        <source>经办人</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="178"/>
        <source>记录时间</source>
        <translation>Time recorded</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="179"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="180"/>
        <source>内容校验值</source>
        <translation>Content checksum</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="181"/>
        <source>意见位置</source>
        <translation>Opinion&apos;s place</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="182"/>
        <source>意见位置的名称</source>
        <translation>Name of the opinion&apos;s place</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="183"/>
        <source>意见代码</source>
        <translation>Opinion code</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="184"/>
        <source>意见内容</source>
        <translation>Opinion text</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="185"/>
        <source>处理说明</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/row_text.py" line="41"/>
        <source>{label}无效（不是有效的 JSON）</source>
        <translation>the {label} is invalid (not valid JSON)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="13"/>
        <source>“{path}”不是一个文件。</source>
        <translation>“{path}” is not a file.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="14"/>
        <source>“{name}”不是绩效目标申报的数据文件（不是 SQLite 数据库）。</source>
        <translation>“{name}” is not a Performance Targets data file (not an SQLite database).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="17"/>
        <source>找不到数据文件“{path}”。</source>
        <translation>The data file “{path}” cannot be found.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="18"/>
        <source>数据文件“{path}”不存在，无法以只读方式打开。</source>
        <translation>The data file “{path}” does not exist and cannot be opened read-only.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="19"/>
        <source>文件夹“{folder}”不存在（是否 U 盘已拔出，或网络盘未连接？）。</source>
        <translation>The folder “{folder}” does not exist (was the USB stick removed, or is the network drive not connected?).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="22"/>
        <source>“{name}”是空文件且只读，无法作为数据库使用。</source>
        <translation>“{name}” is an empty file and read-only; it cannot be used as a database.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="23"/>
        <source>“{name}”是空数据库且只读，无法初始化。</source>
        <translation>“{name}” is an empty database and read-only; it cannot be set up.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="24"/>
        <source>“{name}”来自本程序的旧版本，需要升级后才能使用，但文件是只读的。请先复制到可写的位置再打开。</source>
        <translation>“{name}” comes from an older version of this program and must be upgraded before use, but the file is read-only. Copy it to a place that can be written first, then open it.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="28"/>
        <source>“{name}”已损坏，无法读取（{detail}）。</source>
        <translation>“{name}” is damaged and cannot be read ({detail}).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="29"/>
        <source>“{name}”的数据格式版本无效（{version}）。</source>
        <translation>The data format version of “{name}” is invalid ({version}).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="30"/>
        <source>“{name}”中有本程序从不创建的内容（{listing}），为安全起见拒绝打开。</source>
        <translation>“{name}” holds things this program never creates ({listing}); for safety it was not opened.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="33"/>
        <source>“{name}”缺少数据表或索引：{listing}。</source>
        <translation>“{name}” lacks tables or indexes: {listing}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="34"/>
        <source>“{name}”已损坏（{detail}）。</source>
        <translation>“{name}” is damaged ({detail}).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="35"/>
        <source>“{name}”已损坏：{detail}</source>
        <translation>“{name}” is damaged: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="36"/>
        <source>“{name}”不是绩效目标申报的数据文件（它属于其他程序）。</source>
        <translation>“{name}” is not a Performance Targets data file (it belongs to another program).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="37"/>
        <source>“{name}”由更新版本的绩效目标申报创建（数据格式第 {version} 版），本程序只支持到第 {latest} 版。{hint}</source>
        <translation>“{name}” was made by a newer version of Performance Targets (data format version {version}); this program supports up to version {latest}. {hint}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="42"/>
        <source>请使用 {needed} 或更新版本的程序。</source>
        <translation>Use version {needed} of the program or newer.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="43"/>
        <source>请先升级本程序。</source>
        <translation>Upgrade this program first.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="46"/>
        <source>“{name}”正被其他程序占用，请稍后重试，或关闭正在使用它的程序。</source>
        <translation>“{name}” is in use by another program. Try again shortly, or close the program using it.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="49"/>
        <source>磁盘空间不足，无法写入“{name}”，刚才的修改没有保存。</source>
        <translation>The disk is full: “{name}” cannot be written; the last change was not saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="50"/>
        <source>“{name}”不能写入（只读），刚才的修改没有保存。</source>
        <translation>“{name}” cannot be written (read-only); the last change was not saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="51"/>
        <source>“{name}”暂时无法读写：可能正被杀毒软件、同步盘（WPS、OneDrive）或备份程序占用。请稍后重试，或关闭正在使用它的程序。</source>
        <translation>“{name}” cannot be read or written just now: an antivirus, a sync folder (WPS, OneDrive) or a backup program may be holding it. Try again shortly, or close the program using it.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="56"/>
        <source>无法读写“{name}”：U 盘是否已拔出，或文件所在位置是否可用？</source>
        <translation>Cannot read or write “{name}”: was the USB stick removed, or is the file&apos;s location unavailable?</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="57"/>
        <source>“{name}”出错：{detail}</source>
        <translation>Error in “{name}”: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="60"/>
        <source>找不到文件“{path}”。</source>
        <translation>The file “{path}” cannot be found.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="61"/>
        <source>无法读取“{name}”：{detail}</source>
        <translation>Cannot read “{name}”: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="62"/>
        <source>“{name}”太大（{size} MB，上限 {limit} MB），不像绩效目标申报的数据文件。</source>
        <translation>“{name}” is too big ({size} MB, at most {limit} MB) to be a Performance Targets data file.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="65"/>
        <source>“{side}”（“{name}”旁边的临时文件）太大（{size} MB，上限 {limit} MB），为安全起见拒绝读取。请在原电脑上用本程序重新导出。</source>
        <translation>“{side}” (the temporary file beside “{name}”) is too big ({size} MB, at most {limit} MB); for safety it was not read. Export the file again with this program on the computer it came from.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="70"/>
        <source>无法复制“{name}”：{detail}</source>
        <translation>Cannot copy “{name}”: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="71"/>
        <source>“{name}”已损坏（文字编码无效）。</source>
        <translation>“{name}” is damaged (text is not validly encoded).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="72"/>
        <source>无法打开“{name}”：{detail}</source>
        <translation>Cannot open “{name}”: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="73"/>
        <source>“{name}”无法升级到当前格式（{detail}）。</source>
        <translation>“{name}” cannot be upgraded to the current format ({detail}).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="74"/>
        <source>“{name}”的数据表结构与本程序的不一致，可能已损坏。</source>
        <translation>The tables of “{name}” differ from this program&apos;s; the file may be damaged.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="75"/>
        <source>“{name}”中的项目太多（{count:,} 个，上限 {limit:,} 个）。</source>
        <translation>“{name}” holds too many projects ({count:,}, at most {limit:,}).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="78"/>
        <source>“{name}”中的{label}太多（{count} 条，上限 {limit} 条）。</source>
        <translation>“{name}” holds too many {label} ({count}, at most {limit}).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="81"/>
        <source>“{name}”{problem}，为安全起见拒绝读取。</source>
        <translation>“{name}”: {problem}; for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="82"/>
        <source>“{name}”的数据无法读取（{detail}）。</source>
        <translation>The data of “{name}” cannot be read ({detail}).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="83"/>
        <source>指标行太多（{total:,} 行，上限 {limit:,}）</source>
        <translation>too many indicator rows ({total:,}, at most {limit:,})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="86"/>
        <source>磁盘空间不足，无法写入“{name}”，未做任何修改。</source>
        <translation>The disk is full: “{name}” cannot be written; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="87"/>
        <source>导出时留下了 {side} 文件，已放弃导出。</source>
        <translation>The export left a {side} file behind; the export was abandoned.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="88"/>
        <source>导出的文件“{name}”校验失败：项目数不符。</source>
        <translation>The exported file “{name}” failed its check: the number of projects does not match.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="91"/>
        <source>“{name}”不是普通文件（是{kind}），未读取。</source>
        <translation>“{name}” is not a regular file (it is a {kind}); it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="92"/>
        <source>文件夹</source>
        <translation>folder</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="93"/>
        <source>命名管道</source>
        <translation>named pipe</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="94"/>
        <source>设备</source>
        <translation>device</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="95"/>
        <source>套接字</source>
        <translation>socket</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="96"/>
        <source>特殊文件</source>
        <translation>special file</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="99"/>
        <source>“{name}”正被其他程序使用，无法写入。请关闭正在使用该文件的程序（如 Excel、WPS、PDF 阅读器）后重试。</source>
        <translation>“{name}” is in use by another program and cannot be written. Close the program using the file (such as Excel, WPS or a PDF reader) and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="106"/>
        <source>“{name}”{what}（上限 {limit}），为安全起见未读取。</source>
        <translation>“{name}” {what}, at most {limit}; for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="107"/>
        <source>{what}（{size}）</source>
        <translation>{what} ({size})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="108"/>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="109"/>
        <source>{n:,} 字节</source>
        <translation>{n:,} bytes</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="110"/>
        <source>太大</source>
        <translation>is too big</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="111"/>
        <source>太大，不像申报表文件</source>
        <translation>is too big to be a form file</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="112"/>
        <source>压缩的数据解压后太大</source>
        <translation>has compressed data too big when unpacked</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="113"/>
        <source>中的项目数据解压后太大</source>
        <translation>has project data too big when unpacked</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="114"/>
        <source>“{name}”中不允许的数值 {text}，为安全起见未读取。</source>
        <translation>“{name}” holds a value that is not allowed ({text}); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="117"/>
        <source>“{name}”嵌套太深，为安全起见未读取。</source>
        <translation>“{name}” is nested too deep; for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="118"/>
        <source>“{name}”嵌套太深（上限 {limit} 层），为安全起见未读取。</source>
        <translation>“{name}” is nested too deep (at most {limit} levels); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="123"/>
        <source>“{name}”的单元格太多（上限 {limit:,} 个），为安全起见未读取。</source>
        <translation>“{name}” has too many cells (at most {limit:,}); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="126"/>
        <source>“{name}”的工作表“{sheet}”行数太多（上限 {limit:,} 行），为安全起见未读取。</source>
        <translation>The sheet “{sheet}” of “{name}” has too many rows (at most {limit:,}); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="129"/>
        <source>“{name}”的共享字符串太多（上限 {limit:,} 个），为安全起见未读取。</source>
        <translation>“{name}” has too many shared strings (at most {limit:,}); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="132"/>
        <source>“{name}”的单元格样式太多（上限 {limit:,} 个），为安全起见未读取。</source>
        <translation>“{name}” has too many cell styles (at most {limit:,}); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="135"/>
        <source>“{name}”的工作表太多（上限 {limit:,} 个），为安全起见未读取。</source>
        <translation>“{name}” has too many sheets (at most {limit:,}); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="138"/>
        <source>“{name}”的部件太多（上限 {limit:,} 个），为安全起见未读取。</source>
        <translation>“{name}” has too many parts (at most {limit:,}); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="141"/>
        <source>“{name}”中有一个工作表解压后太大（上限 {limit} MB），为安全起见未读取。</source>
        <translation>“{name}” has a sheet too big when unpacked (at most {limit} MB); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="144"/>
        <source>“{name}”解压后太大（上限 {limit} MB），为安全起见未读取。</source>
        <translation>“{name}” is too big when unpacked (at most {limit} MB); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="149"/>
        <source>“{name}”的对象太多（{count:,} 个）（上限 {limit:,} 个），为安全起见未读取。</source>
        <translation>“{name}” has too many objects ({count:,}, at most {limit:,}); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="152"/>
        <source>“{name}”页数太多（{count:,} 页）（上限 {limit:,} 页），为安全起见未读取。</source>
        <translation>“{name}” has too many pages ({count:,}, at most {limit:,}); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="155"/>
        <source>“{name}”页数太多（上限 {limit:,} 页），为安全起见未读取。</source>
        <translation>“{name}” has too many pages (at most {limit:,}); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="156"/>
        <source>“{name}”有 {count:,} 页，表格太多（上限 {limit:,} 页），为安全起见未读取。</source>
        <translation>“{name}” has {count:,} pages, too many to read as tables (at most {limit:,}); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="159"/>
        <source>“{name}”第 {n} 页的文字太多（上限 {limit:,} 个），为安全起见未读取。</source>
        <translation>Page {n} of “{name}” has too much text (at most {limit:,} characters); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="162"/>
        <source>“{name}”中的引用太多或绕成了圈（上限 {limit:,}），为安全起见未读取。</source>
        <translation>“{name}” has too many references, or references in a loop (at most {limit:,}); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="165"/>
        <source>“{name}”的页面内容太多（上限 {limit:,}），为安全起见未读取。</source>
        <translation>“{name}” has too much page content (at most {limit:,} operations); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="168"/>
        <source>“{name}”中的文字太多（上限 {limit:,}），为安全起见未读取。</source>
        <translation>“{name}” has too much text (at most {limit:,} characters); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="169"/>
        <source>“{name}”中的线条太多（上限 {limit:,}），为安全起见未读取。</source>
        <translation>“{name}” has too many lines (at most {limit:,}); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="170"/>
        <source>“{name}”：PDF 中压缩的内容解压后太大，为安全起见未读取。</source>
        <translation>“{name}”: the compressed content of the PDF is too big when unpacked; for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="173"/>
        <source>“{name}”：PDF 中一段压缩的内容解压后太大，为安全起见未读取。</source>
        <translation>“{name}”: a compressed part of the PDF is too big when unpacked; for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="179"/>
        <source>“{name}”太大（{size} MB），不像申报表文件</source>
        <translation>“{name}” is too big ({size} MB) to be a form file</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="180"/>
        <source>找不到文件“{path}”</source>
        <translation>The file “{path}” cannot be found</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="181"/>
        <source>“{path}”是文件夹，不是文件</source>
        <translation>“{path}” is a folder, not a file</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="182"/>
        <source>“{name}”不是文本文件（无法识别其编码）</source>
        <translation>“{name}” is not a text file (its encoding cannot be recognised)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="183"/>
        <source>不支持的文件类型“{suffix}”（支持 {known}）</source>
        <translation>The file type “{suffix}” is not supported (supported: {known})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="184"/>
        <source>“{name}”过于复杂，为安全起见未读取。</source>
        <translation>“{name}” is too complex; for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="185"/>
        <source>不是有效的 JSON 文件（{detail}）</source>
        <translation>not a valid JSON file ({detail})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="186"/>
        <source>不是绩效目标申报的 JSON 文件（缺少 &quot;format&quot;: &quot;jixiao-projects&quot;）</source>
        <translation>not a Performance Targets JSON file (&quot;format&quot;: &quot;jixiao-projects&quot; is missing)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="189"/>
        <source>JSON 文件缺少有效的版本号（&quot;version&quot;）</source>
        <translation>the JSON file lacks a valid version number (&quot;version&quot;)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="190"/>
        <source>JSON 文件是第 {version} 版格式，本程序只支持第 {latest} 版，请升级程序</source>
        <translation>the JSON file is in format version {version}; this program supports only version {latest}. Upgrade the program</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="193"/>
        <source>JSON 文件中没有项目列表（&quot;projects&quot;）</source>
        <translation>the JSON file has no list of projects (&quot;projects&quot;)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="194"/>
        <source>“{name}”中的项目太多（{count:,} 个，上限 {limit:,} 个），为安全起见未读取。请改用 .db 文件交换。</source>
        <translation>“{name}” holds too many projects ({count:,}, at most {limit:,}); for safety it was not read. Exchange a .db file instead.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="199"/>
        <source>“{name}”中的对象和数组太多（{count:,} 个，上限 {limit:,} 个），为安全起见未读取。</source>
        <translation>“{name}” holds too many objects and arrays ({count:,}, at most {limit:,}); for safety it was not read.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="203"/>
        <source>“{name}”不是可以读取的 Excel 工作簿（{detail}）</source>
        <translation>“{name}” is not an Excel workbook that can be read ({detail})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="204"/>
        <source>“{name}”已损坏，无法读取（{detail}）</source>
        <translation>“{name}” is damaged and cannot be read ({detail})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="205"/>
        <source>“{name}”中没有找到财政项目支出绩效目标申报表</source>
        <translation>No performance target form for project spending was found in “{name}”</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="206"/>
        <source>文件中没有找到财政项目支出绩效目标申报表</source>
        <translation>No performance target form for project spending was found in the file</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="207"/>
        <source>“{name}”不是可以读取的 PDF 文件（{detail}）</source>
        <translation>“{name}” is not a PDF file that can be read ({detail})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="208"/>
        <source>“{name}”无法读取（{detail}）</source>
        <translation>“{name}” cannot be read ({detail})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="211"/>
        <source>没有可用于打印的中文字体（resources/fonts 中的字体文件缺失）</source>
        <translation>No font for printing Chinese is available (the font files in resources/fonts are missing)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="216"/>
        <source>“{name}”以只读方式打开，不能修改。</source>
        <translation>“{name}” is open read-only and cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="217"/>
        <source>找不到项目 {id}。</source>
        <translation>The project {id} cannot be found.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="218"/>
        <source>项目 {id} 已存在，未导入任何项目。</source>
        <translation>The project {id} already exists; no project was imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="219"/>
        <source>项目“{name}”已在别处被彻底删除，无法保存。</source>
        <translation>The project “{name}” was deleted for good elsewhere and cannot be saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="220"/>
        <source>项目“{name}”已在别处被修改（第 {stored} 版，这里是第 {mine} 版），为避免覆盖，本次保存未执行。</source>
        <translation>The project “{name}” was changed elsewhere (version {stored}, here version {mine}); to avoid overwriting it, this save was not made.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="225"/>
        <source>只能彻底删除回收站中的项目。</source>
        <translation>Only projects in the trash can be deleted for good.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="226"/>
        <source>项目“{name}”未保存：{problem}。</source>
        <translation>The project “{name}” was not saved: {problem}.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="227"/>
        <source>项目“{name}”的数据有误（{problem}），需要修复。</source>
        <translation>The data of the project “{name}” is wrong ({problem}); it needs repair.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="230"/>
        <source>项目“{name}”的数据可以正常读取，不需要移出；未移出任何项目。</source>
        <translation>The data of project “{name}” can be read; it need not be moved out. No project was moved.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="233"/>
        <source>移出时文件被其他程序修改了，未移出任何项目。请再试一次。</source>
        <translation>Another program changed the file during the move; no project was moved. Please try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="236"/>
        <source>移出的数据已不在文件中，无法放回。</source>
        <translation>The moved data is no longer in the file and cannot be put back.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="237"/>
        <source>文件中已经有项目“{name}”（例如合并时带回的），移出的数据没有放回。</source>
        <translation>The file already holds project “{name}” (a merge may have brought it back); the moved data was not put back.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="240"/>
        <source>无法写入“{name}”：{detail}未移出任何项目。</source>
        <translation>Cannot write “{name}”: {detail} No project was moved.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="243"/>
        <source>“{name}”{problem}，没有备份（以前的备份都保留着）。</source>
        <translation>“{name}”: {problem}; no backup was made (the earlier backups are all kept).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="244"/>
        <source>已损坏（{detail}）</source>
        <translation>damaged ({detail})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="245"/>
        <source>中有 {count} 个项目的数据有误</source>
        <translation>the data are wrong in {count} of its projects</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="246"/>
        <source>无法创建备份：{detail}</source>
        <translation>Cannot make a backup: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="247"/>
        <source>无法读取备份“{name}”：{detail}</source>
        <translation>Cannot read the backup “{name}”: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="248"/>
        <source>备份“{name}”已损坏，未恢复。</source>
        <translation>The backup “{name}” is damaged; it was not restored.</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="249"/>
        <source>无法恢复备份：{detail}</source>
        <translation>Cannot restore the backup: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/file_text.py" line="250"/>
        <source>合并必须单独进行（另一个写入尚未结束）。</source>
        <translation>A merge must run on its own (another write has not finished yet).</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/messages.py" line="62"/>
        <source>、</source>
        <extracomment>where its translation is (Qt&apos;s context) what separates the items of a list inside a sentence (“trigger t、view v”)</extracomment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="13"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="14"/>
        <source>需复核</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="15"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="16"/>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="17"/>
        <source>第{n}行</source>
        <translation>line {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="19"/>
        <source>[{severity}] {where}：{message}</source>
        <translation>[{severity}] {where}: {message}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="23"/>
        <source>未导入：{problem}</source>
        <translation>not imported: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="24"/>
        <source>数据库中已有内容完全相同的项目，未重复导入</source>
        <translation>a project with exactly the same content is already in the database; not imported again</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="25"/>
        <source>数据库中已有同一编号但内容不同的项目，已作为新项目导入（两份都保留）</source>
        <translation>a project with the same id but different content is already in the database; imported as a new project (both are kept)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="28"/>
        <source>第 {n} 个项目未导入：{problem}</source>
        <translation>project {n} not imported: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="29"/>
        <source>第 {n} 个项目未导入：id {id} 在文件中重复</source>
        <translation>project {n} not imported: id {id} appears twice in the file</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="30"/>
        <source>工作表“{sheet}”在导出后被修改过，按表格中的内容导入</source>
        <translation>the sheet “{sheet}” was changed after it was exported; imported as the sheet reads</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="33"/>
        <source>这一段不是完整的申报表（没有项目名称、金额和绩效指标），已跳过</source>
        <translation>this part is not a complete form (no project name, amounts or indicators); skipped</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="36"/>
        <source>没有找到项目名称</source>
        <translation>no project name found</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="37"/>
        <source>没有找到绩效指标</source>
        <translation>no performance indicators found</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="38"/>
        <source>没有找到项目绩效目标</source>
        <translation>no project performance goals found</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="42"/>
        <source>无法识别的单元格“{cell}”，已忽略</source>
        <translation>the cell “{cell}” was not recognised; ignored</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="43"/>
        <source>“{label}”的值后面的“{rest}”不属于它，已忽略</source>
        <translation>“{rest}” after the value of “{label}” does not belong to it; ignored</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="44"/>
        <source>“{label}”后的单元格“{extra}”不属于它，已忽略</source>
        <translation>the cell “{extra}” after “{label}” does not belong to it; ignored</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="45"/>
        <source>“{label}”出现了两次，保留第一次的值</source>
        <translation>“{label}” appears twice; the first value is kept</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/flag_text.py" line="32"/>
        <location filename="../../desktop/domain/report_text.py" line="46"/>
        <source>“{label}”没有金额</source>
        <translation>“{label}” has no amount</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="47"/>
        <source>“{label}”的金额无法识别（{problem}），按 0 导入</source>
        <translation>the amount of “{label}” could not be read ({problem}); imported as 0</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="48"/>
        <source>绩效目标一行中有两个以上的文字单元格，已按列位置归入总目标和年度目标</source>
        <translation>a row of the performance goals has more than two text cells; they were put into the overall and the annual goal by their column</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="52"/>
        <source>二级指标“{name}”缺少一级指标，已按指标体系归入“{parent}”</source>
        <translation>the level-2 indicator “{name}” has no level 1; placed under “{parent}” by the indicator system</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="55"/>
        <source>没有找到{label}</source>
        <translation>no {label} found</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="57"/>
        <source>{label}：{reason}</source>
        <extracomment>a field or an indicator the importer marked 需复核, and why (``flag_text``)</extracomment>
        <translation>{label}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="58"/>
        <source>{level1}/{level2}/{name}：{reason}</source>
        <translation>{level1}/{level2}/{name}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="59"/>
        <source>（无名称）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="60"/>
        <source>{label}无法识别：{problem}</source>
        <translation>{label} could not be read: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="61"/>
        <source>{label}“{value}”不在标准列表中，按原样导入</source>
        <translation>{label} “{value}” is not in the standard list; imported as it is</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="62"/>
        <source>没有找到年度，按{how}推断为 {year} 年（已标记需复核）</source>
        <translation>no year found; {year} was inferred from the {how} (marked for review)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="63"/>
        <source>实施期限</source>
        <translation>implementation period</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="64"/>
        <source>计划日期</source>
        <translation>planned dates</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="65"/>
        <source>文件名</source>
        <translation>file name</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/report_text.py" line="66"/>
        <source>当前年份</source>
        <translation>current year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_paste.py" line="88"/>
        <source>第 {n} 行没有三级指标名称，未添加</source>
        <translation>Row {n} has no level-3 indicator name; not added</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_paste.py" line="89"/>
        <source>第 {n} 行“{name}”不知道属于哪个一级/二级指标：请先选中一个二级指标，或在复制的表格中带上一级、二级指标两列</source>
        <translation>Row {n} “{name}”: which level-1/level-2 indicator it belongs to is unknown; select a level-2 indicator first, or copy the level-1 and level-2 columns with the table</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_paste.py" line="94"/>
        <source>第 {n} 行：二级指标“{level2}”不属于一级指标“{level1}”（照原样添加，请核对）</source>
        <translation>Row {n}: the level-2 indicator “{level2}” does not belong under the level-1 indicator “{level1}” (added as it is; please check)</translation>
    </message>
</context>
<context>
    <name>domain</name>
    <message>
        <location filename="../../desktop/domain/dates.py" line="37"/>
        <source>日期为空</source>
        <translation>The date is empty</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/dates.py" line="39"/>
        <source>日期太长</source>
        <translation>The date is too long</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/dates.py" line="53"/>
        <source>“{text}”不是日期（可写成 2025-01-01、2025/1/1、2025.1.1、20250101 或 2025年1月1日）</source>
        <translation>“{text}” is not a date (write 2025-01-01, 2025/1/1, 2025.1.1 or 20250101)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/dates.py" line="73"/>
        <source>“{text}”不是有效的日期</source>
        <translation>“{text}” is not a valid date</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/money.py" line="37"/>
        <source>金额必须是文字</source>
        <extracomment>the largest amount read (999,999,999,999,999.99 元): a field for amounts shows it whole</extracomment>
        <translation>An amount must be text</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/money.py" line="39"/>
        <source>金额太长</source>
        <translation>The amount is too long</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/money.py" line="50"/>
        <source>“万”前面缺少数字</source>
        <translation>A number is missing before the ten-thousand sign</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/money.py" line="52"/>
        <source>金额为空</source>
        <translation>The amount is empty</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/money.py" line="57"/>
        <source>金额“{text}”的千位分隔符位置不对</source>
        <translation>The thousands separators of “{text}” are in the wrong places</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/money.py" line="65"/>
        <source>“{text}”不是金额，只能包含数字、小数点和千位分隔符</source>
        <translation>“{text}” is not an amount: only digits, a decimal point and thousands separators</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/money.py" line="73"/>
        <source>“{text}”不是金额</source>
        <translation>“{text}” is not an amount</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/money.py" line="78"/>
        <source>金额“{text}”太大</source>
        <translation>The amount “{text}” is too large</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/money.py" line="89"/>
        <source>金额“{yuan}”最多只能有两位小数（精确到分）</source>
        <translation>The amount “{yuan}” can have at most two decimals (to the fen)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/money.py" line="101"/>
        <source>金额“{text}”不能是负数</source>
        <translation>The amount “{text}” cannot be negative</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="48"/>
        <source>收到的版本（来自“{source}”）</source>
        <translation>Version received (from “{source}”)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="49"/>
        <source>合并时未采用（来自“{source}”，本机已删除）</source>
        <translation>Not taken in a merge (from “{source}”; deleted on this computer)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="50"/>
        <source>对方已彻底删除（来自“{source}”）</source>
        <translation>Deleted for good on the other computer (from “{source}”)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="51"/>
        <source>对方已删除（来自“{source}”），移入回收站前的版本</source>
        <translation>Deleted on the other computer (from “{source}”): the version before it went to the trash</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="52"/>
        <source>合并前的本机版本（被“{source}”中的版本替换）</source>
        <translation>This computer’s version before a merge (replaced by the version in “{source}”)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="53"/>
        <source>合并时未采用（来自“{source}”）</source>
        <translation>Not taken in a merge (from “{source}”)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="54"/>
        <source>合并前的本机版本（与“{source}”中的版本合并）</source>
        <translation>This computer’s version before a merge (combined with the version in “{source}”)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="55"/>
        <source>合并时对方的版本（来自“{source}”，已与本机版本合并）</source>
        <translation>The other computer’s version in a merge (from “{source}”, combined with this computer’s)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="58"/>
        <source>合并前的本机版本（与“{source}”中的同名项目合为一个）</source>
        <translation>This computer’s version before a merge (made one with the project of the same name in “{source}”)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="59"/>
        <source>合并时未采用（来自“{source}”的同名项目）</source>
        <translation>Not taken in a merge (the project of the same name in “{source}”)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="60"/>
        <source>共同的基准版本</source>
        <translation>Common base version</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="61"/>
        <source>审核通过的版本（随审核结果带来）</source>
        <translation>Approved version (came with the review results)</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="62"/>
        <source>审核通过的版本（{unit}）</source>
        <translation>Approved version ({unit})</translation>
    </message>
    <message>
        <location filename="../../desktop/domain/merge_text.py" line="63"/>
        <source>恢复历史版本前</source>
        <translation>Before restoring an earlier version</translation>
    </message>
</context>
<context>
    <name>reasons</name>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="28"/>
        <source>指标不够完整</source>
        <translation>Indicators incomplete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="29"/>
        <source>指标不够细化、量化</source>
        <translation>Indicators not detailed or quantified enough</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="30"/>
        <source>指标与项目的相关性不够</source>
        <translation>Indicators not relevant enough to the project</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="31"/>
        <source>指标与指标值不匹配</source>
        <translation>Indicator and value do not match</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="32"/>
        <source>建议拆分指标</source>
        <translation>Split the indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="33"/>
        <source>一级指标类型错误</source>
        <translation>Wrong level-1 indicator type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="34"/>
        <source>二级指标类型错误</source>
        <translation>Wrong level-2 indicator type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="35"/>
        <source>建议增加明确效益指标</source>
        <translation>Add a clear benefit indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="36"/>
        <source>建议增加明确产出指标</source>
        <translation>Add a clear output indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="37"/>
        <source>建议增加满意度指标</source>
        <translation>Add a satisfaction indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="38"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <location filename="../../desktop/ui/project_list.py" line="278"/>
        <source>编制中</source>
        <translation>Drafting</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_list.py" line="279"/>
        <source>已报送</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_list.py" line="280"/>
        <source>退回修改</source>
        <translation>Return for changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_list.py" line="281"/>
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/project_list.py" line="282"/>
        <source>调整中</source>
        <translation>Adjusting</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="50"/>
        <source>未处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="51"/>
        <source>已修改</source>
        <translation>Fixed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="52"/>
        <source>已说明</source>
        <translation>Explained</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_dialogs.py" line="53"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
</context>
</TS>
