package main

import (
	"fmt"

	"lianfang/merge"
)

// report prints, after the mails, what the send did and what is left for
// the officer: units already mailed this cycle, units without an address
// (with the workbook to deliver by hand) and files of unknown units.
func (j *sendJob) report() {
	w, p := j.stdout, j.plan
	switch {
	case j.opt.DryRun:
		fmt.Fprintf(w, "\n周期 %s:试运行,写出邮件草稿 %d 封", p.cycle, j.sent)
		if j.sent > 0 {
			fmt.Fprintf(w, ",在 %s", filepathJoin(p.dir, mailDir))
		}
		fmt.Fprintln(w, "。没有发送任何邮件,也没有记为已发送。")
	case len(p.items) == 0:
		fmt.Fprintf(w, "周期 %s:没有需要发送的邮件。\n", p.cycle)
	default:
		fmt.Fprintf(w, "\n周期 %s:已发送 %d 封", p.cycle, j.sent)
		if j.failed > 0 {
			fmt.Fprintf(w, ",发送失败 %d 封(原因见上;改正后再次运行 lianfang send 只发未成功的单位)", j.failed)
		}
		fmt.Fprintln(w, "。")
	}
	if len(p.skipped) > 0 {
		fmt.Fprintf(w, "\n本周期已经发送过、这次没有再发的单位 %d 个(要重发请加 --resend,可配合 --only 单位):\n", len(p.skipped))
		for _, it := range p.skipped {
			note := ""
			if it.sent.SubmissionID != it.submission {
				note = ";发送后又收到了新文件"
			}
			fmt.Fprintf(w, "  %s <%s>:%s 已发送%s\n", it.report.Unit, it.sent.Address, it.sent.Time.Format("01-02 15:04"), note)
		}
	}
	if len(p.noAddress) > 0 {
		fmt.Fprintf(w, "\n名册中没有邮箱的单位 %d 个,请另行送达(可在名册中补上邮箱后重新导入):\n", len(p.noAddress))
		for _, it := range p.noAddress {
			where := it.workbook
			if where == "" {
				where = "(没有退回表)"
			}
			fmt.Fprintf(w, "  %s(%s):%s\n", it.report.Unit, it.report.Status, where)
		}
	}
	if len(p.unknown) > 0 {
		fmt.Fprintf(w, "\n名册中找不到单位的文件 %d 个,无法发送,退回表在:\n", len(p.unknown))
		for _, path := range p.unknown {
			fmt.Fprintf(w, "  %s\n", path)
		}
	}
}

// mailState is the 邮件 column of "lianfang status": the latest mail
// attempt of the unit in the cycle.
func mailState(m merge.UnitMails, ok bool) string {
	switch {
	case !ok:
		return "-"
	case m.Last.Result == merge.MailSent:
		return "已发送"
	case m.Sent != nil:
		return "发送失败(此前已发送)"
	}
	return "发送失败"
}
