# expect: failed
# failing-check: values
# mistake: only the upper bounds are checked, so index -1 wraps to the last row or column in Python and joins cells on opposite edges; check 0 <= i < rows and 0 <= j < cols
# mistake-zh: 只检查了上界，Python 里下标 -1 会绕到最后一行或最后一列，把对边的格子连在一起；要同时检查 0 <= i < rows 和 0 <= j < cols


def num_islands(grid):
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    seen = [[False] * cols for _ in range(rows)]
    count = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] != "1" or seen[r][c]:
                continue
            count += 1
            seen[r][c] = True
            stack = [(r, c)]
            while stack:
                i, j = stack.pop()
                for ni, nj in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                    if ni < rows and nj < cols and grid[ni][nj] == "1" and not seen[ni][nj]:  # no lower bound
                        seen[ni][nj] = True
                        stack.append((ni, nj))
    return count
