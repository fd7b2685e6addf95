import { describe, expect, it } from 'vitest';
import { CAUSAL_EDGES, causalNode, nodeWords, paramNode } from '../../src/model/causal-graph';

describe('the causal graph', () => {
  it('names only nodes that exist, with a sign and a reason on every link', () => {
    for (const e of CAUSAL_EDGES) {
      expect(causalNode(e.from), e.from).toBeDefined();
      expect(causalNode(e.to), e.to).toBeDefined();
      expect([1, -1]).toContain(e.sign);
      expect(e.why.length).toBeGreaterThan(5);
    }
  });

  it('has no link into a parameter: levers are causes only', () => {
    expect(CAUSAL_EDGES.filter((e) => e.to.startsWith('p.'))).toEqual([]);
  });

  it('reads a lever’s move in its own words, else from its label', () => {
    expect(nodeWords(paramNode('payPerHour'), -1)).toBe('pay down');
    expect(nodeWords(paramNode('surgeEnabled'), 1)).toBe('surge switched on');
    expect(nodeWords(paramNode('safePace'), 1)).toBe('safe pace up');
  });

  it('reads a metric’s and a mechanism’s move in words', () => {
    expect(nodeWords('m.fillRate', -1)).toBe('lower fill');
    expect(nodeWords('m.costPerPackage', 1)).toBe('higher cost per package');
    expect(nodeWords('claims', 1)).toBe('more claims');
  });

  it('knows no node by an id that names nothing', () => {
    expect(causalNode('p.noSuchLever')).toBeUndefined();
    expect(causalNode('m.noSuchMetric')).toBeUndefined();
    expect(causalNode('noSuchMechanism')).toBeUndefined();
    expect(nodeWords('noSuchMechanism', 1)).toBe('noSuchMechanism');
  });
});
