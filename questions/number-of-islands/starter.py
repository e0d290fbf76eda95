def num_islands(grid: list[list[str]]) -> int:
    """Count 4-connected groups of "1" cells in a grid of "1"/"0" strings (grid may be [])."""
    # TODO: scan the cells; flood-fill (DFS/BFS) each unvisited "1" and count the fills.
    raise NotImplementedError
