import { describe, expect, it } from 'vitest';
import { decodeCursor, toConnection } from '#kit/pagination.ts';

const rows = [{ id: 'a', n: 1 }, { id: 'b', n: 2 }, { id: 'c', n: 3 }];

describe('toConnection', () => {
  it('pages rows fetched with limit + 1, cursors holding each row\'s keyset values', () => {
    const connection = toConnection(rows, 2, (row) => [row.n, row.id], true);
    expect(connection.nodes).toEqual(rows.slice(0, 2));
    expect(connection.edges.map((edge) => [edge.node.id, decodeCursor(edge.cursor, 2)])).toEqual([['a', [1, 'a']], ['b', [2, 'b']]]);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: connection.edges[0]!.cursor,
      endCursor: connection.edges[1]!.cursor,
    });
    const last = toConnection(rows, 5, (row) => [row.n, row.id], false);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(decodeCursor(last.pageInfo.endCursor!, 2)).toEqual([3, 'c']);
  });

  it('encodes a cursor only when a field reads it: nodes and the end cursor cost one', () => {
    const encoded: number[] = [];
    const connection = toConnection(rows, 3, (row, index) => (encoded.push(index), [row.n]), false);
    expect(connection.nodes).toHaveLength(3);
    expect(encoded).toEqual([]);
    expect(decodeCursor(connection.pageInfo.endCursor!, 1)).toEqual([3]);
    expect(encoded).toEqual([2]);
    expect(connection.edges).toBe(connection.edges);
    expect(encoded).toEqual([2, 0, 1, 2]);
  });

  it('has no cursors for an empty page', () => {
    const connection = toConnection([], 10, () => [1], false);
    expect(connection.edges).toEqual([]);
    expect(connection.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});
