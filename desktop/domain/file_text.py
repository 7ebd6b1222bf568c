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
