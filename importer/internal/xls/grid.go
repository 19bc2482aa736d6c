package xls

// grid lays the collected cells out as rows, later cells overwriting
// earlier ones at the same position, with trailing empty cells and rows
// trimmed. The budget is charged for every slot of the grid.
func (sr *sheetReader) grid() ([][]string, error) {
	width := make(map[int]int) // row -> number of columns up to its last non-empty cell
	height := 0
	for _, c := range sr.cells {
		if c.text == "" {
			continue
		}
		width[c.row] = max(width[c.row], c.col+1)
		height = max(height, c.row+1)
	}
	slots := 0
	for _, w := range width {
		slots += w
	}
	if err := sr.bud.charge(slots - sr.charged); err != nil {
		return nil, err
	}
	if height == 0 {
		return nil, nil
	}
	rows := make([][]string, height)
	for row, w := range width {
		rows[row] = make([]string, w)
	}
	for _, c := range sr.cells {
		if c.row < height && c.col < len(rows[c.row]) {
			rows[c.row][c.col] = c.text
		}
	}
	for i, r := range rows {
		n := len(r)
		for n > 0 && r[n-1] == "" {
			n--
		}
		if n == 0 {
			rows[i] = nil
		} else {
			rows[i] = r[:n]
		}
	}
	for height > 0 && len(rows[height-1]) == 0 {
		height--
	}
	return rows[:height], nil
}
