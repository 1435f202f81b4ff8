import { destinationKey, type RateTable } from '../loaders.ts';

/**
 * The zone that serves a destination, or null when none does. A zone listing the destination's own
 * region beats one listing its whole country (Hawaii in its own zone, the rest of the US in another);
 * a region no zone lists falls back to its country's zone. The database allows each destination in
 * one zone only, so the answer never depends on row order.
 */
export function matchZone(table: Pick<RateTable, 'zoneByDestination'>, countryCode: string, provinceCode: string | null): string | null {
  if (provinceCode !== null) {
    const regional = table.zoneByDestination.get(destinationKey(countryCode, provinceCode));
    if (regional) return regional;
  }
  return table.zoneByDestination.get(destinationKey(countryCode, null)) ?? null;
}
