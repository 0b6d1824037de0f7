package dev.cdm.bench.febrl;

/** Disjoint sets over 0..n-1 with path halving and union by size. */
final class UnionFind {

    private final int[] parent;
    private final int[] size;

    UnionFind(int n) {
        parent = new int[n];
        size = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
        }
    }

    /**
     * The clusters that matched pairs ({@code i << 32 | j}, as {@link CandidatePairs} and {@link DukePairs} give
     * them) form over records 0..n-1, as each record's cluster root: the transitive closure {@link PairMetrics}
     * scores, the same for every engine.
     */
    static int[] clusters(int n, long[] pairs) {
        UnionFind sets = new UnionFind(n);
        for (long pair : pairs) {
            sets.union((int) (pair >>> 32), (int) pair);
        }
        return sets.roots();
    }

    int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    void union(int a, int b) {
        int x = find(a);
        int y = find(b);
        if (x == y) {
            return;
        }
        if (size[x] < size[y]) {
            int t = x;
            x = y;
            y = t;
        }
        parent[y] = x;
        size[x] += size[y];
    }

    int[] roots() {
        int[] roots = new int[parent.length];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = find(i);
        }
        return roots;
    }
}
