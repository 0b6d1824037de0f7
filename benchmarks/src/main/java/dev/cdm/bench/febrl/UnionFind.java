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
