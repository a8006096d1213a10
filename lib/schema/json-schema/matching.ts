/** Maximum bipartite matching (augmenting paths) over the compatible pairs. */
export function maximumMatching(edges: Array<Array<unknown>>): Map<number, number> {
  const matchOfRight = new Map<number, number>();
  const tryMatch = (i: number, seen: Set<number>): boolean => {
    for (let j = 0; j < edges[i].length; j++) {
      if (edges[i][j] === undefined || seen.has(j)) continue;
      seen.add(j);
      const owner = matchOfRight.get(j);
      if (owner === undefined || tryMatch(owner, seen)) {
        matchOfRight.set(j, i);
        return true;
      }
    }
    return false;
  };
  edges.forEach((_, i) => tryMatch(i, new Set()));
  return new Map([...matchOfRight].map(([j, i]) => [i, j]));
}
