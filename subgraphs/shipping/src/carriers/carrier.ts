import type { ShippingRateBand } from '../entities/shipping-rate-band.entity.ts';
import type { CarrierCode, ShippingRate } from '../entities/shipping-rate.entity.ts';
import type { Parcel } from '../services/parcel.ts';

/** A rate rule as a carrier prices it: the rate and, for WEIGHT_BANDS, its bands (lightest first). */
export interface RateRule {
  rate: ShippingRate;
  bands: readonly ShippingRateBand[];
}

/** A carrier's price for one of the rules it was given, in minor units of the parcel's currency. */
export interface CarrierRate {
  rateId: string;
  priceMinor: number;
}

/** Where a parcel goes, or comes from, as a label needs it. */
export interface LabelAddress {
  name: string;
  address1: string;
  address2: string | null;
  city: string;
  provinceCode: string | null;
  zip: string | null;
  countryCode: string;
  phone: string | null;
}

/** What buying a label will need: the shipment it is for, the chosen rate and both ends. */
export interface LabelRequest {
  shipmentId: string;
  rateId: string;
  weightGrams: number;
  from: LabelAddress;
  to: LabelAddress;
}

/** A bought label. */
export interface Label {
  trackingNumber: string;
  /** Where to fetch the printable label; null for carriers without one (manual). */
  labelUrl: string | null;
  /** What the carrier charged the shop, in minor units. */
  costMinor: number;
  currencyCode: string;
}

/** One step of a parcel's journey, as the orders' ShipmentStatus names it. */
export interface TrackingEvent {
  status: 'LABEL_CREATED' | 'IN_TRANSIT' | 'OUT_FOR_DELIVERY' | 'DELIVERED' | 'EXCEPTION';
  occurredAt: Date;
  location: string | null;
}

/**
 * Who prices, and later ships, a rate. A rate row names its carrier by `carrier_code`; the quote asks
 * each carrier for the rules that are its own. Built-in carriers price from the rate table alone (no
 * network); a live carrier (an API) would implement the same interface and must time out on its own.
 */
export interface Carrier {
  readonly code: CarrierCode;
  /**
   * Prices `rules` (all this carrier's, all in the parcel's currency) for `parcel`. A rule the parcel
   * cannot take (too heavy, below a free-shipping minimum, a kind this carrier does not price) is left
   * out of the answer, not priced at zero.
   */
  rates(parcel: Parcel, rules: readonly RateRule[]): Promise<CarrierRate[]>;
  /**
   * Not yet implemented by any carrier (shipments come with orders): buys a label for a shipment at the
   * rate chosen at checkout, idempotently per `shipmentId`.
   */
  createLabel?(request: LabelRequest): Promise<Label>;
  /** Not yet implemented by any carrier: the tracking events of a label, oldest first. */
  track?(trackingNumber: string): Promise<TrackingEvent[]>;
}
