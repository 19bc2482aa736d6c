// Command lianfang checks and consolidates the 附件1 职权目录表 workbooks
// returned by schools. Run "lianfang help" for the subcommands.
package main
