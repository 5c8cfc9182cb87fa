import type { Adjacency, RuleContext, TierContext } from './context';

/**
 * Strongly connected components with more than one member (hard-dependency cycles), by an
 * iterative Tarjan over the CSR lists: no recursion, so 2,000-service chains are safe.
 */
export function hardCycles(needs: Adjacency, n: number): number[][] {
  // Almost every topology is acyclic: peeling it in topological order is a few typed-array
  // passes and proves that, so Tarjan only runs when there is a cycle to name.
  if (isAcyclic(needs, n)) return [];
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const callNode: number[] = [];
  const callEdge: number[] = [];
  const cycles: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1 || needs.offsets[root] === needs.offsets[root + 1]) continue;
    callNode.push(root);
    callEdge.push(needs.offsets[root]!);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (callNode.length > 0) {
      const top = callNode.length - 1;
      const node = callNode[top]!;
      const edge = callEdge[top]!;
      if (edge < needs.offsets[node + 1]!) {
        callEdge[top] = edge + 1;
        const next = needs.targets[edge]!;
        if (index[next] === -1) {
          index[next] = low[next] = counter++;
          stack.push(next);
          onStack[next] = 1;
          callNode.push(next);
          callEdge.push(needs.offsets[next]!);
        } else if (onStack[next] === 1 && index[next]! < low[node]!) {
          low[node] = index[next]!;
        }
        continue;
      }
      callNode.pop();
      callEdge.pop();
      if (callNode.length > 0) {
        const parent = callNode[callNode.length - 1]!;
        if (low[node]! < low[parent]!) low[parent] = low[node]!;
      }
      if (low[node] !== index[node]) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.reverse());
    }
  }
  return cycles;
}

/** Kahn's algorithm: true when every node can be removed in dependency order. */
function isAcyclic({ offsets, targets }: Adjacency, n: number): boolean {
  const inDegree = new Int32Array(n);
  for (let e = 0; e < targets.length; e++) inDegree[targets[e]!]!++;
  const queue = new Int32Array(n);
  let tail = 0;
  for (let s = 0; s < n; s++) if (inDegree[s] === 0) queue[tail++] = s;
  for (let head = 0; head < tail; head++) {
    const node = queue[head]!;
    for (let e = offsets[node]!; e < offsets[node + 1]!; e++) if (--inDegree[targets[e]!]! === 0) queue[tail++] = targets[e]!;
  }
  return tail === n;
}

/**
 * Per service of a tier: how many running services fail with it, following hard
 * dependencies backwards (transitively). Computed once per tier and shared by the
 * single-point-of-failure rules.
 */
export function hardReach(context: RuleContext, tier: TierContext): Int32Array {
  const cached = tier.memo.get('hardReach') as Int32Array | undefined;
  if (cached) return cached;
  const n = tier.running.length;
  const reach = new Int32Array(n);
  const seen = new Int32Array(n);
  const queue = new Int32Array(n);
  const { offsets, targets } = context.neededBy;
  let stamp = 0;
  for (let s = 0; s < n; s++) {
    if (tier.running[s] === 0 || offsets[s] === offsets[s + 1]) continue;
    stamp++;
    seen[s] = stamp;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const node = queue[head++]!;
      for (let e = offsets[node]!; e < offsets[node + 1]!; e++) {
        const dependent = targets[e]!;
        if (seen[dependent] === stamp || tier.running[dependent] === 0) continue;
        seen[dependent] = stamp;
        queue[tail++] = dependent;
      }
    }
    reach[s] = tail - 1;
  }
  tier.memo.set('hardReach', reach);
  return reach;
}
