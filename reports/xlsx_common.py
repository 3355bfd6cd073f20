"""Shared pieces of the XLSX lists (OCA report_xlsx): cell formats, the heading
block, the table with its numbered columns "(1) (2) ..." as the official forms
have them. Plain functions; each list is its own report model."""

_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def sheet_name(text):
    """A worksheet name Excel accepts: 31 characters, none of []:*?/\\ (the
    report_xlsx workbook numbers duplicates)."""
    return (text or "").translate(_SHEET_FORBIDDEN).strip()[:31] or "Sheet"


def add_sheet(workbook, name):
    """A worksheet that prints on A4 landscape, one page wide."""
    sheet = workbook.add_worksheet(sheet_name(name))
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    return sheet


def formats(workbook):
    def add(**values):
        return workbook.add_format(values)

    cell = {"border": 1, "valign": "top", "text_wrap": True}
    return {
        "title": add(bold=True, font_size=12),
        "label": add(bold=True),
        "value": add(),
        "note": add(italic=True, font_size=9),
        "head": add(
            bold=True,
            border=1,
            bg_color="#E9E9E9",
            align="center",
            valign="vcenter",
            text_wrap=True,
        ),
        "colnum": add(italic=True, border=1, align="center", bg_color="#F6F6F6"),
        "cell": add(**cell),
        "center": add(**cell, align="center"),
        "number": add(**cell, num_format="0.00"),
        "integer": add(**cell, align="center", num_format="0"),
        "pending": add(**cell, italic=True, font_color="#666666"),
    }


def write_heading(sheet, fmt, title, lines, first_column=1):
    """The title in A1, then "LABEL : value" lines (the value two columns to the
    right, leaving the label room); returns the next free row (one blank row left
    before the table)."""
    sheet.write(0, 0, title, fmt["title"])
    row = 1
    for label, value in lines:
        sheet.write(row, first_column, label, fmt["label"])
        sheet.write(row, first_column + 2, f": {value or '-'}", fmt["value"])
        row += 1
    return row + 1


def _lines(values, widths, chars_per_width=1.2):
    """How many lines the tallest wrapped cell of a row takes (an estimate: text
    runs about 1.2 characters per unit of column width, bold headers 1)."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        if isinstance(value, tuple):
            value = value[0]
        if isinstance(value, str):
            per_line = max(int(width * chars_per_width), 1)
            count = sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))
            lines = max(lines, count)
    return lines


def write_table(sheet, fmt, row, columns, rows):
    """``columns``: (header, width, format key); ``rows``: lists of values (None
    or False leaves the cell empty; a (value, format key) pair overrides the
    column's format). Header, "(1) (2) ..." numbering, data; returns the next row."""
    widths = [width for _header, width, _key in columns]
    header_row = row
    for col, (header, width, _key) in enumerate(columns):
        sheet.set_column(col, col, width)
        sheet.write(row, col, header, fmt["head"])
        sheet.write(row + 1, col, f"({col + 1})", fmt["colnum"])
    sheet.set_row(row, 15 * _lines([c[0] for c in columns], widths, 1))
    sheet.freeze_panes(row + 2, 0)
    row += 2
    for values in rows:
        lines = _lines(values, widths)
        if lines > 1:
            sheet.set_row(row, 15 * lines)
        for col, value in enumerate(values):
            key = columns[col][2]
            if isinstance(value, tuple):
                value, key = value
            if value is None or value is False:
                sheet.write_blank(row, col, None, fmt[key])
            else:
                sheet.write(row, col, value, fmt[key])
        row += 1
    sheet.print_area(0, 0, row - 1, len(columns) - 1)
    sheet.repeat_rows(header_row, header_row + 1)
    return row


def selection_labels(model, field_name):
    """{key: label} of a selection field, in the user's language."""
    return dict(model._fields[field_name]._description_selection(model.env))
