import { describe, expect, it } from 'vitest';
import { allocate, type CandidateLevel } from '../src/services/allocation.ts';

const level = (id: string, variantId: string, available: number): CandidateLevel => ({ id, variantId, locationId: `loc-${id}`, available });

describe('allocate', () => {
  it('takes a line whole from the level with the most available when it can cover it', () => {
    const levels = [level('1', 'a', 3), level('2', 'a', 7)];
    expect(allocate([{ line: 0, variantId: 'a', quantity: 3 }], levels)).toEqual({ takes: [{ line: 0, levelId: '2', quantity: 3 }], shortages: [] });
  });

  it('splits a line over the fewest levels, largest first', () => {
    const levels = [level('1', 'a', 2), level('2', 'a', 5), level('3', 'a', 4)];
    expect(allocate([{ line: 0, variantId: 'a', quantity: 8 }], levels).takes).toEqual([
      { line: 0, levelId: '2', quantity: 5 },
      { line: 0, levelId: '3', quantity: 3 },
    ]);
  });

  it('breaks ties by level id, so the same stock always gives the same answer', () => {
    const levels = [level('b', 'a', 4), level('a', 'a', 4)];
    expect(allocate([{ line: 0, variantId: 'a', quantity: 2 }], levels).takes).toEqual([{ line: 0, levelId: 'a', quantity: 2 }]);
  });

  it('ignores empty and oversold levels', () => {
    const levels = [level('1', 'a', 0), level('2', 'a', -1), level('3', 'a', 1)];
    expect(allocate([{ line: 0, variantId: 'a', quantity: 1 }], levels).takes).toEqual([{ line: 0, levelId: '3', quantity: 1 }]);
  });

  it('takes nothing when any line is short, and reports each short line with what exists', () => {
    const levels = [level('1', 'a', 10), level('2', 'b', 1), level('3', 'b', 1)];
    const lines = [
      { line: 0, variantId: 'a', quantity: 2 },
      { line: 1, variantId: 'b', quantity: 3 },
      { line: 2, variantId: 'c', quantity: 1 },
    ];
    expect(allocate(lines, levels)).toEqual({ takes: [], shortages: [{ line: 1, available: 2 }, { line: 2, available: 0 }] });
  });

  it('serves each line from its own variant', () => {
    const levels = [level('1', 'a', 1), level('2', 'b', 5)];
    const lines = [{ line: 0, variantId: 'b', quantity: 5 }, { line: 1, variantId: 'a', quantity: 1 }];
    expect(allocate(lines, levels).takes).toEqual([
      { line: 0, levelId: '2', quantity: 5 },
      { line: 1, levelId: '1', quantity: 1 },
    ]);
  });
});
