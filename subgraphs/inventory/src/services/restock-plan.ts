/** One sale of an order (a COMMITTED reservation) with what may still come back of it. */
export interface SoldLevel {
  reservationId: string;
  variantId: string;
  locationId: string;
  /** Units sold there minus units already put back. */
  restockable: number;
  /** Whether the location is open (a closed one counts nowhere; returns go to open ones first). */
  locationActive: boolean;
}

export interface RestockTake {
  reservationId: string;
  quantity: number;
}

export interface RestockPlan {
  takes: RestockTake[];
  /** Variants returned beyond what the order bought of them (less what already came back): the excess is not restocked. */
  shortfalls: { variantId: string; returned: number; restockable: number }[];
}

/**
 * Where returned units go back: to the locations the order's units of that variant were sold from, never
 * more than was sold there minus what already came back. A variant sold from several locations is put
 * back as the reservation rule took it (allocation.ts): open locations first, then the one with the most
 * still restockable, whole when it can take all, else over the fewest; ties by reservation id, so the
 * same return always gives the same answer. What exceeds the restockable is reported, not restocked.
 */
export function planReturn(lines: readonly { variantId: string; quantity: number }[], sold: readonly SoldLevel[]): RestockPlan {
  const returned = new Map<string, number>();
  for (const line of lines) returned.set(line.variantId, (returned.get(line.variantId) ?? 0) + line.quantity);
  const takes: RestockTake[] = [];
  const shortfalls: RestockPlan['shortfalls'] = [];
  for (const [variantId, quantity] of returned) {
    const candidates = sold
      .filter((level) => level.variantId === variantId && level.restockable > 0)
      .sort(
        (a, b) =>
          Number(b.locationActive) - Number(a.locationActive) ||
          b.restockable - a.restockable ||
          (a.reservationId < b.reservationId ? -1 : 1),
      );
    const restockable = candidates.reduce((sum, level) => sum + level.restockable, 0);
    if (restockable < quantity) shortfalls.push({ variantId, returned: quantity, restockable });
    let missing = Math.min(quantity, restockable);
    for (const level of candidates) {
      if (missing === 0) break;
      const quantityHere = Math.min(level.restockable, missing);
      takes.push({ reservationId: level.reservationId, quantity: quantityHere });
      missing -= quantityHere;
    }
  }
  return { takes, shortfalls };
}

/** A cancelled paid order: everything sold that has not come back yet, where it was sold. */
export function planCancellation(sold: readonly SoldLevel[]): RestockPlan {
  return {
    takes: sold.filter((level) => level.restockable > 0).map((level) => ({ reservationId: level.reservationId, quantity: level.restockable })),
    shortfalls: [],
  };
}
