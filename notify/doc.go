// Package notify sends the units their 退回 workbooks by mail: it reads
// the configuration file lianfang.toml, composes each unit's mail from the
// configured templates, writes it as an .eml file or sends it through an
// SMTP server.
//
// # Configuration
//
// Load reads lianfang.toml (TOML, parsed with github.com/BurntSushi/toml):
// the database, output and word-list paths, the mail server, the sender,
// the resubmission deadline and the two mail templates. Example is the
// commented file that "lianfang init" writes; its values are the defaults
// (Default), so the example and the defaults never drift apart. The
// password is never in the file: [smtp] password_env names the environment
// variable that holds it, and a key that looks like a password is refused.
// Every problem is a *ConfigError with the file, line and key.
//
// # Composing
//
// A Report is what one unit is told: its status, findings and 退回
// workbook. Config.Compose fills the 退回 template (status 退回修改 or
// 无法读取) or the 通过 receipt template with the placeholders listed in
// Placeholders: {单位}, {周期}, {结论}, {期限}, {问题统计} (CategoryCounts:
// errors, warnings and notes per rule category) and {常见问题}
// (CommonProblems: the three rules found most often, by their Chinese
// titles and suggestions), among others. Each mail gets its own Message-ID
// in the sender's domain.
//
// # MIME
//
// Messages are built with github.com/wneessen/go-mail: UTF-8, base64 body,
// RFC 2047 subject and names. The attachment has the MIME type of an .xlsx
// workbook, and its Chinese file name is written both as RFC 2047 encoded
// words in name= and filename= (read by Outlook, Foxmail and most web
// mail) and as the RFC 2231 filename* parameter (preferred by clients that
// follow the standards). Mail.WriteEML writes the message as an .eml file;
// a draft carries X-Unsent: 1 so Outlook opens it ready to send.
//
// # Sending
//
// A Mailer sends over one connection to the server (ssl, starttls or
// none), opened on the first mail and opened anew after a failure, so a
// refused recipient never stops the rest. Recording what was sent is the
// caller's (merge.Store.RecordMail).
package notify
