// Package importer reads returned 附件1 职权目录表 workbooks (.xlsx, .xlsm and
// legacy .xls) into a typed catalogue with the position of every cell. It
// owns the column schema shared with the template writer and the one text
// normaliser used for every comparison.
package importer
