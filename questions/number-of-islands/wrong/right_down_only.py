# expect: failed
# failing-check: values
# mistake: the flood fill only moves right and down, so an island that turns up or left is counted several times; explore all four directions
# mistake-zh: 洪水填充只往右和往下走，向上或向左拐的岛屿会被数成好几个；四个方向都要搜索


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
                for ni, nj in ((i + 1, j), (i, j + 1)):  # forgot up and left
                    if ni < rows and nj < cols and grid[ni][nj] == "1" and not seen[ni][nj]:
                        seen[ni][nj] = True
                        stack.append((ni, nj))
    return count
