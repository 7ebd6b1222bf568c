"""Names vulture cannot see used (``vulture desktop tests bench .ci/vulture_whitelist.py``).

Each is used by something outside our code's own calls: Qt calls overridden methods
(models, delegates, proxies, undo commands), the 审核 rules register through ``@rule``,
openpyxl, reportlab and sqlite3 read the attributes we set, pytest uses fixtures by name.
A name not listed here that vulture reports is dead: remove it.
"""

# 审核 rules, registered into audit.RULES by the @rule decorator
_required
_funds_total
_funds_annual
_annual_within_total
_negative
_recurring
_phased
_date_order
_cover_year
_identical_goals
_long_goals
_level1_present
_taxonomy
_indicator_name
_indicator_value
_percent
_operator_without_number
_number_without_operator
_duplicates
_needs_review
_flagged_fields
TERMS  # audit: the form's words marked for the translation tools (QT_TRANSLATE_NOOP)
_cost_present
_quantitative_name
_placeholders
_output_quantitative

# openpyxl cell and sheet settings (read when the workbook is written)
_.border
_.fp  # zipfile.ZipFile: dropped so a failed write closes nothing twice (xlsx_format)
_.alignment
_.fitToHeight
_.fitToPage
_.horizontalCentered
_.print_title_rows

# reportlab internals set for the canvas and document (printing/render.py, fonts.py)
_.makeToUnicodeCMap
_.useA85
_._shadingUsed
_.SaveToFile
_.__class__

# sqlite3: the authorizer's signature, connection settings
arg2
dbname
_.text_factory
_.row_factory

# Qt virtual methods
paintEvent
sortColumn
sortOrder
hasChildren
_.mergeWith
_.supportedDropActions
_.supportedDragActions
_.mimeTypes
_.createEditor
_.updateEditorGeometry

# pytest: fixtures requested by name, module marks
qapp
mapped_drive
rare_fonts
pytestmark
pytest_plugins  # a test module asking for pytester

# reportlab's QR encoder, given an empty data cache (printing/qr.py)
_.dataCache

# public API not called yet: checkcode (in __all__), the review records (domain/review.py)
footer_text
