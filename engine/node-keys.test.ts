import { describe, expect, it } from 'vitest';
import { compareIds } from './ids.ts';
import { NodeKeys } from './node-keys.ts';
import { StreamNode } from './stream-node.ts';

const node = (ms: number, seq = 0) => new StreamNode({ ms, seq }, ['f'], 4);

/** The answer by definition: the last node whose master is <= ms-seq. */
function expected(nodes: readonly StreamNode[], ms: number, seq: number): number {
  let k = -1;
  nodes.forEach((n, i) => {
    if (compareIds(n.master, { ms, seq }) <= 0) k = i;
  });
  return k;
}

function checkAll(keys: NodeKeys, nodes: readonly StreamNode[]): void {
  for (let ms = 0; ms <= 120; ms += 5) {
    for (const seq of [0, 1, 7]) expect(keys.find(nodes, ms, seq), `${ms}-${seq}`).toBe(expected(nodes, ms, seq));
  }
}

describe('NodeKeys', () => {
  it('finds the node for an ID as nodes are pushed and dropped from the head and the middle', () => {
    const keys = new NodeKeys();
    const nodes: StreamNode[] = [];
    checkAll(keys, nodes);
    for (let ms = 10; ms <= 100; ms += 10) {
      nodes.push(node(ms, 1));
      keys.pushed(nodes);
      checkAll(keys, nodes);
    }
    nodes.shift();
    keys.removed(0, nodes);
    checkAll(keys, nodes);
    nodes.splice(3, 1);
    keys.removed(3, nodes);
    checkAll(keys, nodes);
  });

  it('notices changes it was not told about', () => {
    const keys = new NodeKeys();
    let nodes = [node(10), node(20), node(30)];
    checkAll(keys, nodes);
    // Same length, other masters (a snapshot restore replaces the whole array).
    nodes = [node(40), node(50), node(60)];
    checkAll(keys, nodes);
    // A removal and a push without telling: same length again.
    nodes.splice(1, 1);
    nodes.push(node(70));
    checkAll(keys, nodes);
  });

  it('leaves IDs beyond safe integers to the caller', () => {
    const keys = new NodeKeys();
    const nodes = [node(10), new StreamNode({ ms: 2n ** 60n, seq: 0 }, ['f'], 4)];
    expect(keys.find(nodes, 5, 0)).toBe(-2);
  });
});
