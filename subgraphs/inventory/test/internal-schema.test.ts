import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readSchema } from '#kit';
import { inventory } from '../src/subgraph.ts';

describe('the reservation operations', () => {
  it('are left out of the API the gateway serves', () => {
    const result = composeServices([{ name: 'inventory', url: 'http://localhost:4002/graphql', typeDefs: parse(readSchema(inventory)) }]);
    expect(result.errors ?? []).toEqual([]);
    const api = result.schema!.toAPISchema().toGraphQLJSSchema();
    expect(Object.keys(api.getMutationType()!.getFields())).toEqual(['inventoryAdjustQuantity']);
    for (const type of ['StockReservation', 'InventoryReserveInput', 'InventoryReservationUserError', 'InventoryReleaseReason']) {
      expect(api.getType(type), type).toBeUndefined();
    }
    // Sales show in the staff ledger, which is public API.
    expect(api.getType('StockMovementReason')).toBeDefined();
  });
});
