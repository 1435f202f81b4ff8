/** The cart's own configuration, read once by the definition (src/subgraph.ts). */
export interface CartSettings {
  /** Days a cart may sit unchanged before it expires (`CART_IDLE_DAYS`, 30 by default). */
  idleDays: number;
}

export const DEFAULT_IDLE_DAYS = 30;
const MAX_IDLE_DAYS = 3650;

/** `CART_IDLE_DAYS`: a whole number of days, 1 to 3650; unset or blank means 30. Anything else refuses to start. */
export function readIdleDays(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_IDLE_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > MAX_IDLE_DAYS) {
    throw new Error(`CART_IDLE_DAYS must be a whole number of days from 1 to ${MAX_IDLE_DAYS}; got ${JSON.stringify(raw)}.`);
  }
  return days;
}
