package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"lianfang/merge"
	"lianfang/notify"
	"lianfang/reports"
)

// sendJob is one "lianfang send" in progress.
type sendJob struct {
	opt    sendOptions
	cfg    *notify.Config
	store  *merge.Store
	plan   *sendPlan
	stdout io.Writer
	sent   int      // mails sent, or drafts written
	failed int      // mails that failed or could not be made
	drafts []string // .eml files written by a dry run
}

// errSendInterrupted stops a send between two mails; what was sent is
// recorded.
var errSendInterrupted = errors.New("已中断:已发送的邮件都已记录,再次运行 lianfang send 将继续发送其余单位")

// deliver sends every planned mail, or writes it as a draft in a dry run.
// Each mail sent or failed is recorded at once; a failed mail does not
// stop the others. It returns an error only when the send cannot go on:
// no server, a wrong configuration, the database failing, an interrupt.
func (j *sendJob) deliver(ctx context.Context) error {
	if j.opt.DryRun {
		return j.writeDrafts()
	}
	if len(j.plan.items) == 0 {
		return nil
	}
	password, err := j.cfg.CheckSending(os.Getenv)
	if err != nil {
		return err
	}
	mailer, err := notify.NewMailer(j.cfg.SMTP, password)
	if err != nil {
		return err
	}
	if err := mailer.Connect(ctx); err != nil {
		return err
	}
	defer mailer.Close()
	for _, it := range j.plan.items {
		if ctx.Err() != nil {
			return errSendInterrupted
		}
		m, err := j.compose(it)
		if errors.Is(err, os.ErrNotExist) {
			j.failed++
			fmt.Fprintf(j.stdout, "未发送  %s: 找不到退回表 %s,请先运行 lianfang run\n", it.report.Unit, it.workbook)
			continue
		}
		if err == nil {
			err = mailer.Send(ctx, m)
		}
		if err != nil && ctx.Err() != nil {
			return errSendInterrupted
		}
		if err := j.record(it, m, err); err != nil {
			return err
		}
	}
	return nil
}

// compose makes one unit's mail, with its workbook attached.
func (j *sendJob) compose(it sendItem) (*notify.Mail, error) {
	r := it.report
	if it.findings != nil {
		fs, err := it.findings()
		if err != nil {
			return nil, fmt.Errorf("读取 %s 的问题失败: %w", r.Unit, err)
		}
		r.Findings = fs
	}
	if it.workbook != "" {
		data, err := os.ReadFile(it.workbook)
		if err != nil {
			return nil, err
		}
		r.Attachment = &notify.Attachment{Name: filepath.Base(it.workbook), Data: data}
	}
	return j.cfg.Compose(r, time.Now())
}

// record writes the result of one mail to the database and prints it.
func (j *sendJob) record(it sendItem, m *notify.Mail, sendErr error) error {
	rec := merge.MailRecord{UnitCode: it.report.Code, Cycle: j.plan.cycle, Kind: string(notify.KindReturn),
		SubmissionID: it.submission, Address: it.report.Address, Time: time.Now(), Result: merge.MailSent}
	if it.report.Status == merge.StatusPassed {
		rec.Kind = string(notify.KindReceipt)
	}
	if m != nil {
		rec.Address, rec.MessageID, rec.Subject = strings.Join(m.To, ", "), m.MessageID, m.Subject
		if m.Attachment != nil {
			rec.Attachment = m.Attachment.Name
		}
	}
	if sendErr != nil {
		rec.Result, rec.Error = merge.MailFailed, sendErr.Error()
	}
	// Not the run's context: a mail that went out is recorded even when
	// the send is being interrupted.
	if _, err := j.store.RecordMail(context.Background(), rec); err != nil {
		state := "已发出"
		if sendErr != nil {
			state = "未发出"
		}
		return fmt.Errorf("记录 %s 的邮件失败(邮件%s),已停止发送: %w", it.report.Unit, state, err)
	}
	if sendErr != nil {
		j.failed++
		fmt.Fprintf(j.stdout, "发送失败 %s <%s>: %v\n", it.report.Unit, rec.Address, sendErr)
		return nil
	}
	j.sent++
	fmt.Fprintf(j.stdout, "已发送  %s <%s> %s%s\n", it.report.Unit, rec.Address, m.Subject, attachmentNote(m))
	return nil
}

// writeDrafts writes every planned mail as an .eml file under
// OUT/<cycle>/邮件/ and records nothing. Without --only, .eml files of
// earlier dry runs for other units are removed, so the folder holds
// exactly what a send would send now.
func (j *sendJob) writeDrafts() error {
	dir := filepath.Join(j.plan.dir, mailDir)
	keep := map[string]bool{}
	for _, it := range j.plan.items {
		m, err := j.compose(it)
		if err != nil {
			j.failed++
			if errors.Is(err, os.ErrNotExist) {
				err = fmt.Errorf("找不到退回表 %s,请先运行 lianfang run", it.workbook)
			}
			fmt.Fprintf(j.stdout, "无法写出 %s: %v\n", it.report.Unit, err)
			continue
		}
		name := reports.SafeFileName(it.report.Unit) + ".eml"
		path := filepath.Join(dir, name)
		if err := writeFileAtomic(path, func(w io.Writer) error { return m.WriteEML(w, true) }); err != nil {
			return fmt.Errorf("写邮件草稿失败: %w", err)
		}
		keep[name] = true
		j.sent++
		j.drafts = append(j.drafts, path)
		fmt.Fprintf(j.stdout, "将发送  %s <%s> %s%s\n", it.report.Unit, strings.Join(m.To, ", "), m.Subject, attachmentNote(m))
	}
	if len(j.opt.Only) == 0 {
		old, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
		for _, p := range old {
			if !keep[filepath.Base(p)] {
				os.Remove(p)
			}
		}
	}
	return nil
}

func attachmentNote(m *notify.Mail) string {
	if m.Attachment == nil {
		return ""
	}
	return fmt.Sprintf(",附件 %s(%d KB)", m.Attachment.Name, (len(m.Attachment.Data)+1023)/1024)
}
