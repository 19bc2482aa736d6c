-- 0002_mail.sql: the mails `lianfang send` sent to the units, or tried to.
--
-- One row per attempt, never updated: a unit's rows in a cycle are its
-- mail history. A row with result 'sent' keeps the next `send` from
-- mailing the unit again in that cycle (unless --resend); `status` shows
-- the latest attempt (已发送 / 发送失败). A dry run records nothing.
CREATE TABLE mails (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES units(id),
    cycle         TEXT NOT NULL REFERENCES cycles(name),
    kind          TEXT NOT NULL CHECK (kind IN ('退回', '回执')), -- 退回 mail or 通过 receipt
    submission_id INTEGER REFERENCES submissions(id), -- the submission the mail is about
    address       TEXT NOT NULL,           -- the roster's address at the time
    message_id    TEXT NOT NULL,           -- Message-ID, without angle brackets
    subject       TEXT NOT NULL,
    attachment    TEXT NOT NULL DEFAULT '', -- file name of the attached workbook, '' for none
    sent          TEXT NOT NULL,           -- time of the attempt
    result        TEXT NOT NULL CHECK (result IN ('sent', 'failed')),
    error         TEXT NOT NULL DEFAULT '', -- why it failed, as the server said
    CHECK ((result = 'sent') = (error = ''))
);
CREATE INDEX mails_cycle_unit ON mails (cycle, unit_id, sent);
