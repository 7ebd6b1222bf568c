"""Why a whole file could not be opened, read, received or written: the store and io raise
their errors with these as ``messages.Message``s, so ``str(exc)`` is the Chinese sentence
(the CLI and the logs say it so) and ``exc.args[0]`` keeps template and arguments; they
are marked here, in the domain, for Qt's lupdate, and a window in another language says
them in its own (``ui/audit_text.error_text``). File names, paths and what SQLite or the
system said inside them are data."""

from __future__ import annotations

from desktop.domain.messages import QT_TRANSLATE_NOOP

# opening a working file (store/opening)
NOT_A_FILE = QT_TRANSLATE_NOOP("audit", "“{path}”不是一个文件。")
NOT_SQLITE = QT_TRANSLATE_NOOP(
    "audit", "“{name}”不是绩效目标申报的数据文件（不是 SQLite 数据库）。"
)
NO_DATA_FILE = QT_TRANSLATE_NOOP("audit", "找不到数据文件“{path}”。")
MISSING_READ_ONLY = QT_TRANSLATE_NOOP("audit", "数据文件“{path}”不存在，无法以只读方式打开。")
NO_FOLDER = QT_TRANSLATE_NOOP(
    "audit", "文件夹“{folder}”不存在（是否 U 盘已拔出，或网络盘未连接？）。"
)
EMPTY_READ_ONLY = QT_TRANSLATE_NOOP("audit", "“{name}”是空文件且只读，无法作为数据库使用。")
EMPTY_DB_READ_ONLY = QT_TRANSLATE_NOOP("audit", "“{name}”是空数据库且只读，无法初始化。")
OLD_READ_ONLY = QT_TRANSLATE_NOOP(
    "audit",
    "“{name}”来自本程序的旧版本，需要升级后才能使用，但文件是只读的。请先复制到可写的位置再打开。",
)
DAMAGED_UNREADABLE = QT_TRANSLATE_NOOP("audit", "“{name}”已损坏，无法读取（{detail}）。")
BAD_VERSION = QT_TRANSLATE_NOOP("audit", "“{name}”的数据格式版本无效（{version}）。")
FOREIGN_OBJECTS = QT_TRANSLATE_NOOP(
    "audit", "“{name}”中有本程序从不创建的内容（{listing}），为安全起见拒绝打开。"
)
MISSING_OBJECTS = QT_TRANSLATE_NOOP("audit", "“{name}”缺少数据表或索引：{listing}。")
DAMAGED = QT_TRANSLATE_NOOP("audit", "“{name}”已损坏（{detail}）。")
DAMAGED_CHECK = QT_TRANSLATE_NOOP("audit", "“{name}”已损坏：{detail}")
OTHER_PROGRAM = QT_TRANSLATE_NOOP("audit", "“{name}”不是绩效目标申报的数据文件（它属于其他程序）。")
NEWER = QT_TRANSLATE_NOOP(
    "audit",
    "“{name}”由更新版本的绩效目标申报创建（数据格式第 {version} 版），"
    "本程序只支持到第 {latest} 版。{hint}",
)
NEWER_HINT_VERSION = QT_TRANSLATE_NOOP("audit", "请使用 {needed} 或更新版本的程序。")
NEWER_HINT = QT_TRANSLATE_NOOP("audit", "请先升级本程序。")

# what SQLite said, for the clerk (store/errors)
LOCKED = QT_TRANSLATE_NOOP(
    "audit", "“{name}”正被其他程序占用，请稍后重试，或关闭正在使用它的程序。"
)
DISK_FULL = QT_TRANSLATE_NOOP("audit", "磁盘空间不足，无法写入“{name}”，刚才的修改没有保存。")
READ_ONLY_FILE = QT_TRANSLATE_NOOP("audit", "“{name}”不能写入（只读），刚才的修改没有保存。")
HELD = QT_TRANSLATE_NOOP(
    "audit",
    "“{name}”暂时无法读写：可能正被杀毒软件、同步盘（WPS、OneDrive）或备份"
    "程序占用。请稍后重试，或关闭正在使用它的程序。",
)
GONE = QT_TRANSLATE_NOOP("audit", "无法读写“{name}”：U 盘是否已拔出，或文件所在位置是否可用？")
FAILED = QT_TRANSLATE_NOOP("audit", "“{name}”出错：{detail}")

# reading a received .db file (store/exchange, store/review_check)
NO_FILE = QT_TRANSLATE_NOOP("audit", "找不到文件“{path}”。")
CANNOT_READ = QT_TRANSLATE_NOOP("audit", "无法读取“{name}”：{detail}")
TOO_BIG_DB = QT_TRANSLATE_NOOP(
    "audit", "“{name}”太大（{size} MB，上限 {limit} MB），不像绩效目标申报的数据文件。"
)
SIDE_TOO_BIG = QT_TRANSLATE_NOOP(
    "audit",
    "“{side}”（“{name}”旁边的临时文件）太大（{size} MB，上限 {limit} MB），"
    "为安全起见拒绝读取。请在原电脑上用本程序重新导出。",
)
CANNOT_COPY = QT_TRANSLATE_NOOP("audit", "无法复制“{name}”：{detail}")
BAD_ENCODING_FILE = QT_TRANSLATE_NOOP("audit", "“{name}”已损坏（文字编码无效）。")
CANNOT_OPEN = QT_TRANSLATE_NOOP("audit", "无法打开“{name}”：{detail}")
CANNOT_UPGRADE = QT_TRANSLATE_NOOP("audit", "“{name}”无法升级到当前格式（{detail}）。")
OTHER_COLUMNS = QT_TRANSLATE_NOOP("audit", "“{name}”的数据表结构与本程序的不一致，可能已损坏。")
TOO_MANY_PROJECTS = QT_TRANSLATE_NOOP(
    "audit", "“{name}”中的项目太多（{count:,} 个，上限 {limit:,} 个）。"
)
TOO_MANY_RECORDS = QT_TRANSLATE_NOOP(
    "audit", "“{name}”中的{label}太多（{count} 条，上限 {limit} 条）。"
)
REFUSED_ROWS = QT_TRANSLATE_NOOP("audit", "“{name}”{problem}，为安全起见拒绝读取。")
DATA_UNREADABLE = QT_TRANSLATE_NOOP("audit", "“{name}”的数据无法读取（{detail}）。")
TOO_MANY_INDICATOR_ROWS = QT_TRANSLATE_NOOP("audit", "指标行太多（{total:,} 行，上限 {limit:,}）")

# writing a .db file for another machine (store/exchange)
EXPORT_DISK_FULL = QT_TRANSLATE_NOOP("audit", "磁盘空间不足，无法写入“{name}”，未做任何修改。")
EXPORT_SIDE_LEFT = QT_TRANSLATE_NOOP("audit", "导出时留下了 {side} 文件，已放弃导出。")
EXPORT_CHECK = QT_TRANSLATE_NOOP("audit", "导出的文件“{name}”校验失败：项目数不符。")

# a file that is not a regular file (store/safefile): what it is
NOT_REGULAR = QT_TRANSLATE_NOOP("audit", "“{name}”不是普通文件（是{kind}），未读取。")
KIND_FOLDER = QT_TRANSLATE_NOOP("audit", "文件夹")
KIND_PIPE = QT_TRANSLATE_NOOP("audit", "命名管道")
KIND_DEVICE = QT_TRANSLATE_NOOP("audit", "设备")
KIND_SOCKET = QT_TRANSLATE_NOOP("audit", "套接字")
KIND_SPECIAL = QT_TRANSLATE_NOOP("audit", "特殊文件")

# a file another program holds open (store/safefile)
IN_USE = QT_TRANSLATE_NOOP(
    "audit",
    "“{name}”正被其他程序使用，无法写入。请关闭正在使用该文件的程序"
    "（如 Excel、WPS、PDF 阅读器）后重试。",
)

# over a limit (domain/limits)
REFUSAL = QT_TRANSLATE_NOOP("audit", "“{name}”{what}（上限 {limit}），为安全起见未读取。")
SIZE_IS = QT_TRANSLATE_NOOP("audit", "{what}（{size}）")
MEGABYTES = QT_TRANSLATE_NOOP("audit", "{n} MB")
BYTES = QT_TRANSLATE_NOOP("audit", "{n:,} 字节")
TOO_BIG = QT_TRANSLATE_NOOP("audit", "太大")
TOO_BIG_FOR_FORM = QT_TRANSLATE_NOOP("audit", "太大，不像申报表文件")
INFLATED_TOO_BIG = QT_TRANSLATE_NOOP("audit", "压缩的数据解压后太大")
PDF_DATA_INFLATED = QT_TRANSLATE_NOOP("audit", "中的项目数据解压后太大")
JSON_VALUE_NOT_ALLOWED = QT_TRANSLATE_NOOP(
    "audit", "“{name}”中不允许的数值 {text}，为安全起见未读取。"
)
JSON_TOO_DEEP = QT_TRANSLATE_NOOP("audit", "“{name}”嵌套太深，为安全起见未读取。")
JSON_DEEPER_THAN = QT_TRANSLATE_NOOP(
    "audit", "“{name}”嵌套太深（上限 {limit} 层），为安全起见未读取。"
)

# a workbook over a limit (io/xlsx_read)
XLSX_CELLS = QT_TRANSLATE_NOOP(
    "audit", "“{name}”的单元格太多（上限 {limit:,} 个），为安全起见未读取。"
)
XLSX_SHEET_ROWS = QT_TRANSLATE_NOOP(
    "audit", "“{name}”的工作表“{sheet}”行数太多（上限 {limit:,} 行），为安全起见未读取。"
)
XLSX_SHARED_STRINGS = QT_TRANSLATE_NOOP(
    "audit", "“{name}”的共享字符串太多（上限 {limit:,} 个），为安全起见未读取。"
)
XLSX_STYLES = QT_TRANSLATE_NOOP(
    "audit", "“{name}”的单元格样式太多（上限 {limit:,} 个），为安全起见未读取。"
)
XLSX_SHEETS = QT_TRANSLATE_NOOP(
    "audit", "“{name}”的工作表太多（上限 {limit:,} 个），为安全起见未读取。"
)
XLSX_PARTS = QT_TRANSLATE_NOOP(
    "audit", "“{name}”的部件太多（上限 {limit:,} 个），为安全起见未读取。"
)
XLSX_SHEET_INFLATED = QT_TRANSLATE_NOOP(
    "audit", "“{name}”中有一个工作表解压后太大（上限 {limit} MB），为安全起见未读取。"
)
XLSX_INFLATED = QT_TRANSLATE_NOOP(
    "audit", "“{name}”解压后太大（上限 {limit} MB），为安全起见未读取。"
)

# a PDF over a limit (io/pdf_format)
PDF_OBJECTS = QT_TRANSLATE_NOOP(
    "audit", "“{name}”的对象太多（{count:,} 个）（上限 {limit:,} 个），为安全起见未读取。"
)
PDF_PAGES_COUNTED = QT_TRANSLATE_NOOP(
    "audit", "“{name}”页数太多（{count:,} 页）（上限 {limit:,} 页），为安全起见未读取。"
)
PDF_PAGES = QT_TRANSLATE_NOOP("audit", "“{name}”页数太多（上限 {limit:,} 页），为安全起见未读取。")
PDF_TABLE_PAGES = QT_TRANSLATE_NOOP(
    "audit", "“{name}”有 {count:,} 页，表格太多（上限 {limit:,} 页），为安全起见未读取。"
)
PDF_PAGE_CHARS = QT_TRANSLATE_NOOP(
    "audit", "“{name}”第 {n} 页的文字太多（上限 {limit:,} 个），为安全起见未读取。"
)
PDF_RESOLVES = QT_TRANSLATE_NOOP(
    "audit", "“{name}”中的引用太多或绕成了圈（上限 {limit:,}），为安全起见未读取。"
)
PDF_TOKENS = QT_TRANSLATE_NOOP(
    "audit", "“{name}”的页面内容太多（上限 {limit:,}），为安全起见未读取。"
)
PDF_CHARS = QT_TRANSLATE_NOOP("audit", "“{name}”中的文字太多（上限 {limit:,}），为安全起见未读取。")
PDF_PATHS = QT_TRANSLATE_NOOP("audit", "“{name}”中的线条太多（上限 {limit:,}），为安全起见未读取。")
PDF_INFLATED = QT_TRANSLATE_NOOP(
    "audit", "“{name}”：PDF 中压缩的内容解压后太大，为安全起见未读取。"
)
PDF_STREAM_INFLATED = QT_TRANSLATE_NOOP(
    "audit", "“{name}”：PDF 中一段压缩的内容解压后太大，为安全起见未读取。"
)

# importing a form file (io)
IMPORT_NAMED = QT_TRANSLATE_NOOP("audit", "“{name}”：{problem}")
IMPORT_TOO_BIG = QT_TRANSLATE_NOOP("audit", "“{name}”太大（{size} MB），不像申报表文件")
IMPORT_NO_FILE = QT_TRANSLATE_NOOP("audit", "找不到文件“{path}”")
IMPORT_FOLDER = QT_TRANSLATE_NOOP("audit", "“{path}”是文件夹，不是文件")
IMPORT_NOT_TEXT = QT_TRANSLATE_NOOP("audit", "“{name}”不是文本文件（无法识别其编码）")
IMPORT_UNKNOWN_TYPE = QT_TRANSLATE_NOOP("audit", "不支持的文件类型“{suffix}”（支持 {known}）")
IMPORT_TOO_COMPLEX = QT_TRANSLATE_NOOP("audit", "“{name}”过于复杂，为安全起见未读取。")
NOT_JSON = QT_TRANSLATE_NOOP("audit", "不是有效的 JSON 文件（{detail}）")
NOT_OUR_JSON = QT_TRANSLATE_NOOP(
    "audit", '不是绩效目标申报的 JSON 文件（缺少 "format": "jixiao-projects"）'
)
JSON_NO_VERSION = QT_TRANSLATE_NOOP("audit", 'JSON 文件缺少有效的版本号（"version"）')
JSON_NEWER = QT_TRANSLATE_NOOP(
    "audit", "JSON 文件是第 {version} 版格式，本程序只支持第 {latest} 版，请升级程序"
)
JSON_NO_PROJECTS = QT_TRANSLATE_NOOP("audit", 'JSON 文件中没有项目列表（"projects"）')
JSON_TOO_MANY = QT_TRANSLATE_NOOP(
    "audit",
    "“{name}”中的项目太多（{count:,} 个，上限 {limit:,} 个），为安全起见未读取。"
    "请改用 .db 文件交换。",
)
JSON_CONTAINERS = QT_TRANSLATE_NOOP(
    "audit",
    "“{name}”中的对象和数组太多（{count:,} 个，上限 {limit:,} 个），为安全起见未读取。",
)
NOT_WORKBOOK = QT_TRANSLATE_NOOP("audit", "“{name}”不是可以读取的 Excel 工作簿（{detail}）")
DAMAGED_FORM_FILE = QT_TRANSLATE_NOOP("audit", "“{name}”已损坏，无法读取（{detail}）")
NO_FORM_IN = QT_TRANSLATE_NOOP("audit", "“{name}”中没有找到财政项目支出绩效目标申报表")
NO_FORM = QT_TRANSLATE_NOOP("audit", "文件中没有找到财政项目支出绩效目标申报表")
NOT_PDF = QT_TRANSLATE_NOOP("audit", "“{name}”不是可以读取的 PDF 文件（{detail}）")
CANNOT_READ_AS = QT_TRANSLATE_NOOP("audit", "“{name}”无法读取（{detail}）")

# printing (printing/fonts)
NO_PRINT_FONT = QT_TRANSLATE_NOOP(
    "audit", "没有可用于打印的中文字体（resources/fonts 中的字体文件缺失）"
)

# what the working file refuses to do (store/repository)
OPENED_READ_ONLY = QT_TRANSLATE_NOOP("audit", "“{name}”以只读方式打开，不能修改。")
NO_PROJECT = QT_TRANSLATE_NOOP("audit", "找不到项目 {id}。")
PROJECT_EXISTS = QT_TRANSLATE_NOOP("audit", "项目 {id} 已存在，未导入任何项目。")
PURGED_ELSEWHERE = QT_TRANSLATE_NOOP("audit", "项目“{name}”已在别处被彻底删除，无法保存。")
CHANGED_ELSEWHERE = QT_TRANSLATE_NOOP(
    "audit",
    "项目“{name}”已在别处被修改（第 {stored} 版，这里是第 {mine} 版），"
    "为避免覆盖，本次保存未执行。",
)
TRASH_ONLY = QT_TRANSLATE_NOOP("audit", "只能彻底删除回收站中的项目。")
NOT_SAVED = QT_TRANSLATE_NOOP("audit", "项目“{name}”未保存：{problem}。")
NEEDS_REPAIR = QT_TRANSLATE_NOOP("audit", "项目“{name}”的数据有误（{problem}），需要修复。")

# projects moved out of the way (store/quarantine)
NOT_NEEDING_REPAIR = QT_TRANSLATE_NOOP(
    "audit", "项目“{name}”的数据可以正常读取，不需要移出；未移出任何项目。"
)
QUARANTINE_CHANGED = QT_TRANSLATE_NOOP(
    "audit", "移出时文件被其他程序修改了，未移出任何项目。请再试一次。"
)
QUARANTINE_GONE = QT_TRANSLATE_NOOP("audit", "移出的数据已不在文件中，无法放回。")
QUARANTINE_TAKEN = QT_TRANSLATE_NOOP(
    "audit", "文件中已经有项目“{name}”（例如合并时带回的），移出的数据没有放回。"
)
CANNOT_WRITE_MOVED = QT_TRANSLATE_NOOP("audit", "无法写入“{name}”：{detail}未移出任何项目。")

# backups (store/backups) and a merge (store/merge)
NO_BACKUP = QT_TRANSLATE_NOOP("audit", "“{name}”{problem}，没有备份（以前的备份都保留着）。")
BACKUP_COPY_DAMAGED = QT_TRANSLATE_NOOP("audit", "已损坏（{detail}）")
BACKUP_COPY_ROWS = QT_TRANSLATE_NOOP("audit", "中有 {count} 个项目的数据有误")
CANNOT_BACK_UP = QT_TRANSLATE_NOOP("audit", "无法创建备份：{detail}")
CANNOT_READ_BACKUP = QT_TRANSLATE_NOOP("audit", "无法读取备份“{name}”：{detail}")
BACKUP_DAMAGED = QT_TRANSLATE_NOOP("audit", "备份“{name}”已损坏，未恢复。")
CANNOT_RESTORE = QT_TRANSLATE_NOOP("audit", "无法恢复备份：{detail}")
MERGE_ALONE = QT_TRANSLATE_NOOP("audit", "合并必须单独进行（另一个写入尚未结束）。")
