# expect: failed
# failing-check: values
# mistake: the cells are compared with the integer 1, but they are the strings `"1"` and `"0"`, so no land is ever found; compare with `"1"`
# mistake-zh: 用整数 1 去比较格子，但格子是字符串 `"1"` 和 `"0"`，所以一块陆地也找不到；应当和 `"1"` 比较


def num_islands(grid):
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    count = 0

    def sink(i, j):
        if 0 <= i < rows and 0 <= j < cols and grid[i][j] == 1:  # "1" != 1
            grid[i][j] = 0
            sink(i + 1, j)
            sink(i - 1, j)
            sink(i, j + 1)
            sink(i, j - 1)

    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == 1:
                count += 1
                sink(r, c)
    return count
