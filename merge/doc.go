// Package merge owns the county database: migrations, the roster, cycles,
// submissions and their original bytes, every row as read, findings, the
// current submission per unit, history and the county rules (X01–X04).
package merge
