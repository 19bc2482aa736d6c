-- 0001_init.sql: the county database of lianfang (SPEC §6).
--
-- Conventions:
--   * Times are UTC text in the fixed-width form 2006-01-02T15:04:05.000000000Z,
--     so text order is time order.
--   * Lists and maps read from a workbook (cells of a row, aliases, column
--     maps, extra columns) are JSON text: nothing a unit wrote is dropped.
--   * A cycle is named so that text order is time order (ISO week 2026-W48).
--   * Rows are only ever added: a submission, once merged, is never edited
--     except for its superseded flag, and `current` says which one counts.

-- units: the county roster (名册), one row per unit, upserted by code.
CREATE TABLE units (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE,      -- 单位代码
    name    TEXT NOT NULL,             -- 单位名称
    type    TEXT NOT NULL DEFAULT '',  -- 单位类型
    aliases TEXT NOT NULL DEFAULT '[]',-- 别名, JSON array of strings
    contact TEXT NOT NULL DEFAULT '',  -- 联系人
    phone   TEXT NOT NULL DEFAULT '',  -- 联系电话
    email   TEXT NOT NULL DEFAULT ''   -- 邮箱
);

-- cycles: one consolidation period (the weekly run).
CREATE TABLE cycles (
    name TEXT PRIMARY KEY
);

-- blobs: the original bytes of every file received, content-addressed by
-- SHA-256 (hex). Kept in the database itself; see doc.go for why.
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size   INTEGER NOT NULL,
    data   BLOB NOT NULL
);

-- submissions: one received file in one cycle, merged once. A byte-identical
-- file in the same cycle is not a new submission (UNIQUE(cycle, sha256)) but
-- a row of `resubmissions` (X03).
CREATE TABLE submissions (
    id               INTEGER PRIMARY KEY,
    cycle            TEXT NOT NULL REFERENCES cycles(name),
    unit_id          INTEGER REFERENCES units(id), -- NULL: unit not identified (S04)
    path             TEXT NOT NULL,   -- relative to the inbox, as given
    file_name        TEXT NOT NULL,   -- last element of path
    sha256           TEXT NOT NULL REFERENCES blobs(sha256),
    size             INTEGER NOT NULL,
    received         TEXT NOT NULL,   -- the file's modification time
    format           TEXT NOT NULL,   -- xlsx / xlsm / xls / '' when unreadable
    template_version TEXT NOT NULL,   -- hidden template marker, '' when absent
    unit_written     TEXT NOT NULL,   -- 填报单位 as written in the workbook
    unit_info        TEXT NOT NULL,   -- importer.UnitInfo as JSON
    problems         TEXT NOT NULL,   -- importer problems as JSON (code, ref, message)
    status           TEXT NOT NULL CHECK (status IN ('已通过', '退回修改', '无法读取')),
    errors           INTEGER NOT NULL, -- finding counts by severity
    warnings         INTEGER NOT NULL,
    infos            INTEGER NOT NULL,
    superseded       INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1)), -- X02: a later file of the unit counts
    UNIQUE (cycle, sha256)
);
CREATE INDEX submissions_unit_cycle ON submissions (unit_id, cycle, received);

-- resubmissions: X03 events, a byte-identical copy of a submission received
-- again in the same cycle under another path. Recorded once per path, so a
-- rerun of the same inbox adds nothing.
CREATE TABLE resubmissions (
    id            INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions(id),
    path          TEXT NOT NULL,
    received      TEXT NOT NULL,
    UNIQUE (submission_id, path)
);

-- current: the submission that counts for a roster unit in a cycle (the
-- latest received; ties broken by path). Earlier ones stay, superseded.
CREATE TABLE current (
    unit_id       INTEGER NOT NULL REFERENCES units(id),
    cycle         TEXT NOT NULL REFERENCES cycles(name),
    submission_id INTEGER NOT NULL UNIQUE REFERENCES submissions(id),
    PRIMARY KEY (unit_id, cycle)
);
CREATE INDEX current_cycle ON current (cycle);

-- sheets: every worksheet of a submission, with where its header is and
-- which column holds which key.
CREATE TABLE sheets (
    submission_id INTEGER NOT NULL REFERENCES submissions(id),
    idx           INTEGER NOT NULL,  -- 0-based position in the workbook
    name          TEXT NOT NULL,
    hidden        INTEGER NOT NULL,
    catalogue     INTEGER NOT NULL,
    header_row    INTEGER NOT NULL,
    columns       TEXT NOT NULL,     -- JSON: key -> column letter
    headers       TEXT NOT NULL,     -- JSON: key -> header as written
    extra         TEXT NOT NULL,     -- JSON: columns not in the template
    data_rows     INTEGER NOT NULL,
    PRIMARY KEY (submission_id, idx)
);

-- sheet_rows: every row of every sheet as read, all cells as text (JSON
-- array, cell j is column j+1), so nothing a unit wrote is lost.
CREATE TABLE sheet_rows (
    id            INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL,
    sheet_idx     INTEGER NOT NULL,
    row           INTEGER NOT NULL,  -- 1-based row number in the sheet
    cells         TEXT NOT NULL,
    UNIQUE (submission_id, sheet_idx, row),
    FOREIGN KEY (submission_id, sheet_idx) REFERENCES sheets(submission_id, idx)
);

-- powers: the parsed catalogue, one row per power, in sheet and row order.
CREATE TABLE powers (
    id            INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions(id),
    ord           INTEGER NOT NULL,  -- 0-based position in the catalogue
    seq           TEXT NOT NULL,
    level         TEXT NOT NULL,
    kind          TEXT NOT NULL,
    name          TEXT NOT NULL,
    name_norm     TEXT NOT NULL,     -- importer.Normalize(name), for the diff
    basis         TEXT NOT NULL,
    dept          TEXT NOT NULL,     -- as written
    depts         TEXT NOT NULL,     -- JSON array, split
    post          TEXT NOT NULL,
    scope         TEXT NOT NULL,
    form          TEXT NOT NULL,     -- as written
    forms         TEXT NOT NULL,     -- JSON array, split
    note          TEXT NOT NULL,
    extra         TEXT NOT NULL,     -- JSON: header -> value of extra columns
    raw           TEXT NOT NULL,     -- JSON: key -> enumerated cell as written
    sheet         TEXT NOT NULL,
    row           INTEGER NOT NULL,  -- the power's first row
    col           TEXT NOT NULL,
    rows          TEXT NOT NULL,     -- JSON array of every row the power spans
    UNIQUE (submission_id, ord)
);

-- risks: the risk points of a power, with their sheet row.
CREATE TABLE risks (
    id        INTEGER PRIMARY KEY,
    power_id  INTEGER NOT NULL REFERENCES powers(id),
    ord       INTEGER NOT NULL,
    source    TEXT NOT NULL,  -- 风险源 (three-column layout)
    point     TEXT NOT NULL,  -- 风险点
    harm      TEXT NOT NULL,  -- 危害性
    statement TEXT NOT NULL,  -- 廉政风险点 (one-column layout)
    grade     TEXT NOT NULL,
    raw_grade TEXT NOT NULL,
    measures  TEXT NOT NULL,
    owner     TEXT NOT NULL,
    sheet     TEXT NOT NULL,
    row       INTEGER NOT NULL,
    col       TEXT NOT NULL,
    item      INTEGER NOT NULL,  -- numbered item within the cell, 0 when not split
    UNIQUE (power_id, ord)
);

-- findings: every checks.Finding of a submission, in the order given.
CREATE TABLE findings (
    id            INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions(id),
    ord           INTEGER NOT NULL,
    file          TEXT NOT NULL,
    unit          TEXT NOT NULL,
    sheet         TEXT NOT NULL,
    row           INTEGER NOT NULL,
    col           TEXT NOT NULL,
    column_name   TEXT NOT NULL,
    rule          TEXT NOT NULL,
    severity      TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
    message       TEXT NOT NULL,
    suggestion    TEXT NOT NULL,
    UNIQUE (submission_id, ord)
);
CREATE INDEX findings_rule ON findings (rule);
