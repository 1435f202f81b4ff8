import type { CarrierCode } from '../entities/shipping-rate.entity.ts';
import type { Carrier } from './carrier.ts';
import { manualCarrier } from './manual.carrier.ts';
import { tableCarrier } from './table.carrier.ts';

/** Every carrier by the code rate rows name it by; a new CarrierCode fails to compile until it has one. */
export const CARRIERS: Readonly<Record<CarrierCode, Carrier>> = {
  manual: manualCarrier,
  table: tableCarrier,
};

export type { Carrier, CarrierRate, RateRule } from './carrier.ts';
