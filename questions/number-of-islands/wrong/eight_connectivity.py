# expect: failed
# failing-check: values
# mistake: diagonal neighbours are treated as connected (8-connectivity); islands here are 4-connected, only up, down, left and right join cells
# mistake-zh: 把对角线邻居也当成相连（8 连通）；本题是 4 连通，只有上下左右相邻才算同一个岛屿
NEIGHBOURS = [(di, dj) for di in (-1, 0, 1) for dj in (-1, 0, 1) if (di, dj) != (0, 0)]


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
                for di, dj in NEIGHBOURS:  # includes the four diagonals
                    ni, nj = i + di, j + dj
                    if 0 <= ni < rows and 0 <= nj < cols and grid[ni][nj] == "1" and not seen[ni][nj]:
                        seen[ni][nj] = True
                        stack.append((ni, nj))
    return count
