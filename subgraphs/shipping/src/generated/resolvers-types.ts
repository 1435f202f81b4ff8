import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CartRef as CartRefModel } from '../cart-ref.ts';
import type { OrderRef as OrderRefModel } from '../order-ref.ts';
import type { Shipment as ShipmentModel, ShipmentLine as ShipmentLineModel, ShipmentEvent as ShipmentEventModel } from '../shipments.ts';
import type { PricedOption as PricedOptionModel } from '../services/shipping-quote.service.ts';
import type { ShippingZone as ShippingZoneModel } from '../entities/shipping-zone.entity.ts';
import type { ShippingRate as ShippingRateModel } from '../entities/shipping-rate.entity.ts';
import type { MoneyValue as MoneyValueModel } from '#kit';
import type { ShippingContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date and time in UTC, e.g. `2026-11-22T10:15:30.000Z`. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A shopping cart: lines of variants at snapshot prices, discount codes, a destination and a shipping choice, and its totals. Read-only while checked out (its order awaits payment), and for good once it became a paid order (completed). */
export type Cart = {
  __typename?: 'Cart';
  /** Opaque global id; unguessable, so a guest's cart is reachable only by whoever holds it. */
  id: Scalars['ID']['output'];
  /** The destination country, or null without an address. */
  shippingCountryCode?: Maybe<Scalars['String']['output']>;
  /** The cart's currency (ISO 4217). */
  shippingCurrencyCode: Scalars['String']['output'];
  /** The ways this cart can ship to its address, cheapest first; empty without an address or where the shop does not ship. */
  shippingOptions: Array<ShippingOption>;
  /** The destination region code, or null. */
  shippingProvinceCode?: Maybe<Scalars['String']['output']>;
  /** Subtotal after discounts in minor units. */
  shippingSubtotalMinor: Scalars['Int']['output'];
  /** Total weight of the lines in grams. */
  shippingWeightGrams: Scalars['Int']['output'];
};

/** The ISO 4217 currencies the shop can price in. */
export type CurrencyCode =
  /** Australian dollar. */
  | 'AUD'
  /** Brazilian real. */
  | 'BRL'
  /** Canadian dollar. */
  | 'CAD'
  /** Swiss franc. */
  | 'CHF'
  /** Czech koruna. */
  | 'CZK'
  /** Danish krone. */
  | 'DKK'
  /** Euro. */
  | 'EUR'
  /** Pound sterling. */
  | 'GBP'
  /** Hong Kong dollar. */
  | 'HKD'
  /** Indian rupee. */
  | 'INR'
  /** Japanese yen (no minor unit). */
  | 'JPY'
  /** Mexican peso. */
  | 'MXN'
  /** Norwegian krone. */
  | 'NOK'
  /** New Zealand dollar. */
  | 'NZD'
  /** Polish złoty. */
  | 'PLN'
  /** Swedish krona. */
  | 'SEK'
  /** Singapore dollar. */
  | 'SGD'
  /** United States dollar. */
  | 'USD';

/** An amount of money: a decimal string in the currency's own precision, and the currency. */
export type Money = {
  __typename?: 'Money';
  /** Decimal amount, e.g. "19.99" (no float rounding: computed from integer minor units). */
  amount: Scalars['String']['output'];
  /** ISO 4217 currency code. */
  currencyCode: CurrencyCode;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Ships some or all of the unshipped units of a paid order's lines in one parcel (staff). The shipment
   * starts LABEL_CREATED, with that first tracking event. Nothing is written when anything is refused.
   * Codes: `NOT_FOUND` (no such order, on `input.orderId`; no such line in the order, on the line's
   * `orderLineId`), `ORDER_NOT_FULFILLABLE` (the order is not PAID or PARTIALLY_FULFILLED), `ORDER_ON_HOLD`
   * (a risk check holds it), `INVALID_QUANTITY` (below 1, or more than the line has left to ship), `INVALID`
   * (no lines, a line twice, a malformed line id, a blank or too long carrier or tracking number), `TAKEN`
   * (the tracking number belongs to another shipment), `ORDERS_UNAVAILABLE` (the order could not be read).
   */
  shipmentCreate: ShipmentCreatePayload;
  /**
   * Records a tracking event of a shipment, named by its tracking number (staff), as a carrier reports it.
   * The shipment's status becomes the status of its latest event (by `occurredAt`): an older event arriving
   * late joins the timeline without moving the status back. DELIVERED is final; later events are still
   * recorded. Codes: `NOT_FOUND` (no shipment has this tracking number), `INVALID` (a blank or too long
   * tracking number or location, a time in the future).
   */
  shipmentTrackingUpdate: ShipmentTrackingUpdatePayload;
};


export type MutationShipmentCreateArgs = {
  input: ShipmentCreateInput;
};


export type MutationShipmentTrackingUpdateArgs = {
  input: ShipmentTrackingUpdateInput;
};

/** A customer's order: what was bought at what price, and where it stands. */
export type Order = {
  __typename?: 'Order';
  /** Opaque global id (`gid://commerce/Order/<uuid>`). */
  id: Scalars['ID']['output'];
  /** The parcels the order has shipped in, oldest first; empty until it ships. Visible to whoever sees the order. */
  shipments: Array<Shipment>;
};

export type Query = {
  __typename?: 'Query';
  /**
   * The options for a parcel of this weight and value to this destination, cheapest first. Internal: the
   * cart subgraph calls it to price the option a shopper selects; not part of the public API.
   */
  shippingQuote: Array<ShippingOption>;
  /** Every shipping zone with its rates, by name: what the shop ships where, and at what price. */
  shippingZones: Array<ShippingZone>;
};


export type QueryShippingQuoteArgs = {
  input: ShippingQuoteInput;
};

/** A parcel of an order: what is in it, who carries it, and where it is. */
export type Shipment = {
  __typename?: 'Shipment';
  /** Who carries it, e.g. "UPS". */
  carrier: Scalars['String']['output'];
  /** When it was created (its label). */
  createdAt: Scalars['DateTime']['output'];
  /** When it was delivered; null until then. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Its tracking timeline, oldest first (events of the same time in the order they were recorded). */
  events: Array<ShipmentEvent>;
  /** Opaque global id (`gid://commerce/Shipment/<uuid>`). */
  id: Scalars['ID']['output'];
  /** What it carries, in the order the shipment listed them. */
  lines: Array<ShipmentLine>;
  /** Where it is: the status of its latest tracking event, or DELIVERED once delivered. */
  status: ShipmentStatus;
  /** The carrier's tracking number; unique across shipments, whatever the carrier. */
  trackingNumber: Scalars['String']['output'];
};

/** A shipment to create. */
export type ShipmentCreateInput = {
  /** Who carries it (1 to 100 characters), e.g. "UPS". */
  carrier: Scalars['String']['input'];
  /** What goes in the parcel: 1 to 250 lines of the order, each once. */
  lines: Array<ShipmentLineInput>;
  /** The order's global id. */
  orderId: Scalars['ID']['input'];
  /** The carrier's tracking number (1 to 64 characters), not used by any other shipment. */
  trackingNumber: Scalars['String']['input'];
};

/** Result of `shipmentCreate`. */
export type ShipmentCreatePayload = {
  __typename?: 'ShipmentCreatePayload';
  /** The new shipment; null when nothing was created. */
  shipment?: Maybe<Shipment>;
  /** Why nothing was created, if so (codes on `shipmentCreate`). */
  userErrors: Array<UserError>;
};

/** One step of a shipment's journey, as the carrier reported it. */
export type ShipmentEvent = {
  __typename?: 'ShipmentEvent';
  /** Where it happened, e.g. "Memphis, TN"; null when the carrier did not say. */
  location?: Maybe<Scalars['String']['output']>;
  /** When it happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** The shipment's status at this step. */
  status: ShipmentStatus;
};

/** Some units of one order line, in a shipment. */
export type ShipmentLine = {
  __typename?: 'ShipmentLine';
  /** The order line's global id (`gid://commerce/OrderLine/<uuid>`), as in `Order.lines`. */
  orderLineId: Scalars['ID']['output'];
  /** How many of the line's units are in this shipment. */
  quantity: Scalars['Int']['output'];
  /** The line's title as the shopper saw it. */
  title: Scalars['String']['output'];
};

/** Some units of an order line to ship. */
export type ShipmentLineInput = {
  /** The order line's global id, from `Order.lines`. */
  orderLineId: Scalars['ID']['input'];
  /** How many units: at least 1, at most what the line has left to ship. */
  quantity: Scalars['Int']['input'];
};

/** Where a shipment stands. */
export type ShipmentStatus =
  /** It was delivered (final). */
  | 'DELIVERED'
  /** Something went wrong (a failed delivery attempt, damage, a wrong address); later events may move it on. */
  | 'EXCEPTION'
  /** The carrier has the parcel and it is on its way. */
  | 'IN_TRANSIT'
  /** The label exists; the carrier does not have the parcel yet. */
  | 'LABEL_CREATED'
  /** It is with the courier for delivery today. */
  | 'OUT_FOR_DELIVERY';

/** A tracking event of a shipment. */
export type ShipmentTrackingUpdateInput = {
  /** Where it happened (1 to 255 characters), if the carrier said. */
  location?: InputMaybe<Scalars['String']['input']>;
  /** When it happened; now when omitted. Not more than a day in the future. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The status the carrier reports. */
  status: ShipmentStatus;
  /** The shipment's tracking number (any case). */
  trackingNumber: Scalars['String']['input'];
};

/** Result of `shipmentTrackingUpdate`. */
export type ShipmentTrackingUpdatePayload = {
  __typename?: 'ShipmentTrackingUpdatePayload';
  /** The shipment with the event recorded; null when nothing was recorded. */
  shipment?: Maybe<Shipment>;
  /** Why nothing was recorded, if so (codes on `shipmentTrackingUpdate`). */
  userErrors: Array<UserError>;
};

/** A way to ship a cart, priced for it. */
export type ShippingOption = {
  __typename?: 'ShippingOption';
  /** Who carries it, e.g. "USPS" or "Manual". */
  carrier: Scalars['String']['output'];
  /** Business days to delivery, at most; null when unknown. */
  estimatedDays?: Maybe<Scalars['Int']['output']>;
  /** Opaque id of the option; stable while the rate it comes from exists. */
  id: Scalars['ID']['output'];
  /** What it costs for this cart. */
  price: Money;
  /** What the shopper sees, e.g. "Standard". */
  title: Scalars['String']['output'];
};

/** A parcel to price. */
export type ShippingQuoteInput = {
  /** Destination country (ISO 3166-1 alpha-2). */
  countryCode: Scalars['String']['input'];
  /** ISO 4217 currency of the subtotal and of the prices wanted. */
  currencyCode: Scalars['String']['input'];
  /** Destination region code, if any. */
  provinceCode?: InputMaybe<Scalars['String']['input']>;
  /** Subtotal after discounts in minor units. */
  subtotalMinor: Scalars['Int']['input'];
  /** Total weight in grams. */
  weightGrams: Scalars['Int']['input'];
};

/** A rate rule: how one shipping option is priced in a zone. */
export type ShippingRate = {
  __typename?: 'ShippingRate';
  /** Who carries it. */
  carrier: Scalars['String']['output'];
  /** Business days to delivery, at most. */
  estimatedDays?: Maybe<Scalars['Int']['output']>;
  /** Opaque global id; the id of the ShippingOption it prices. */
  id: Scalars['ID']['output'];
  /** How the price is worked out. */
  kind: ShippingRateKind;
  /** The subtotal after discounts from which a FREE_OVER rate is offered (at no charge); null for other kinds. */
  minimumSubtotal?: Maybe<Money>;
  /** A FLAT rate's price; null for other kinds. */
  price?: Maybe<Money>;
  /** What the shopper sees. */
  title: Scalars['String']['output'];
  /** A WEIGHT_BANDS rate's bands, lightest first; empty for other kinds. A parcel heavier than the last band is not offered the rate. */
  weightBands: Array<ShippingWeightBand>;
};

/** How a rate is priced. */
export type ShippingRateKind =
  /** One price whatever the parcel. */
  | 'FLAT'
  /** Free when the subtotal after discounts reaches a threshold; otherwise not offered. */
  | 'FREE_OVER'
  /** A price per weight band. */
  | 'WEIGHT_BANDS';

/** One band of a WEIGHT_BANDS rate: a parcel pays the price of the first band whose limit it does not exceed. */
export type ShippingWeightBand = {
  __typename?: 'ShippingWeightBand';
  /** The heaviest parcel the band takes, in grams (inclusive). */
  maxWeightGrams: Scalars['Int']['output'];
  /** What a parcel in this band pays. */
  price: Money;
};

/** A region the shop ships to, with its rates. */
export type ShippingZone = {
  __typename?: 'ShippingZone';
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** The zone's name, e.g. "United States". */
  name: Scalars['String']['output'];
  /** The rates offered in the zone. */
  rates: Array<ShippingRate>;
  /** The countries (and, where listed, only some of their regions) the zone covers. */
  regions: Array<ShippingZoneRegion>;
};

/** A country, or some regions of it, in a zone. */
export type ShippingZoneRegion = {
  __typename?: 'ShippingZoneRegion';
  /** ISO 3166-1 alpha-2 country code. */
  countryCode: Scalars['String']['output'];
  /** Region codes within the country; empty means the whole country. */
  provinceCodes: Array<Scalars['String']['output']>;
};

/** Why a mutation did not do what was asked. */
export type UserError = {
  __typename?: 'UserError';
  /** A stable machine-readable code, e.g. `TAKEN` or `UNIDENTIFIED_CUSTOMER`. */
  code: Scalars['String']['output'];
  /** Path to the input field at fault, e.g. `["input", "email"]`; null when no single field is. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** A human-readable explanation. */
  message: Scalars['String']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Cart: Cart;
  Order: Order;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Cart:
    ( { __typename: 'Cart' }
    & GraphQLRecursivePick<FederationTypes['Cart'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Cart'], {"shippingWeightGrams":true,"shippingSubtotalMinor":true,"shippingCurrencyCode":true,"shippingCountryCode":true,"shippingProvinceCode":true}> ) );
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Cart: ResolverTypeWrapper<CartRefModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CurrencyCode: CurrencyCode;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Money: ResolverTypeWrapper<MoneyValueModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderRefModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Shipment: ResolverTypeWrapper<ShipmentModel>;
  ShipmentCreateInput: ShipmentCreateInput;
  ShipmentCreatePayload: ResolverTypeWrapper<Omit<ShipmentCreatePayload, 'shipment'> & { shipment?: Maybe<ResolversTypes['Shipment']> }>;
  ShipmentEvent: ResolverTypeWrapper<ShipmentEventModel>;
  ShipmentLine: ResolverTypeWrapper<ShipmentLineModel>;
  ShipmentLineInput: ShipmentLineInput;
  ShipmentStatus: ShipmentStatus;
  ShipmentTrackingUpdateInput: ShipmentTrackingUpdateInput;
  ShipmentTrackingUpdatePayload: ResolverTypeWrapper<Omit<ShipmentTrackingUpdatePayload, 'shipment'> & { shipment?: Maybe<ResolversTypes['Shipment']> }>;
  ShippingOption: ResolverTypeWrapper<PricedOptionModel>;
  ShippingQuoteInput: ShippingQuoteInput;
  ShippingRate: ResolverTypeWrapper<ShippingRateModel>;
  ShippingRateKind: ShippingRateKind;
  ShippingWeightBand: ResolverTypeWrapper<Omit<ShippingWeightBand, 'price'> & { price: ResolversTypes['Money'] }>;
  ShippingZone: ResolverTypeWrapper<ShippingZoneModel>;
  ShippingZoneRegion: ResolverTypeWrapper<ShippingZoneRegion>;
  UserError: ResolverTypeWrapper<UserError>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Cart: CartRefModel;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  Money: MoneyValueModel;
  Mutation: Record<PropertyKey, never>;
  Order: OrderRefModel;
  Query: Record<PropertyKey, never>;
  Shipment: ShipmentModel;
  ShipmentCreateInput: ShipmentCreateInput;
  ShipmentCreatePayload: Omit<ShipmentCreatePayload, 'shipment'> & { shipment?: Maybe<ResolversParentTypes['Shipment']> };
  ShipmentEvent: ShipmentEventModel;
  ShipmentLine: ShipmentLineModel;
  ShipmentLineInput: ShipmentLineInput;
  ShipmentTrackingUpdateInput: ShipmentTrackingUpdateInput;
  ShipmentTrackingUpdatePayload: Omit<ShipmentTrackingUpdatePayload, 'shipment'> & { shipment?: Maybe<ResolversParentTypes['Shipment']> };
  ShippingOption: PricedOptionModel;
  ShippingQuoteInput: ShippingQuoteInput;
  ShippingRate: ShippingRateModel;
  ShippingWeightBand: Omit<ShippingWeightBand, 'price'> & { price: ResolversParentTypes['Money'] };
  ShippingZone: ShippingZoneModel;
  ShippingZoneRegion: ShippingZoneRegion;
  UserError: UserError;
  Boolean: Scalars['Boolean']['output'];
}>;

export type CartResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['Cart'] = ResolversParentTypes['Cart'], FederationReferenceType extends FederationReferenceTypes['Cart'] = FederationReferenceTypes['Cart']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Cart']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  shippingOptions?: Resolver<Array<ResolversTypes['ShippingOption']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MoneyResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  shipmentCreate?: Resolver<ResolversTypes['ShipmentCreatePayload'], ParentType, ContextType, RequireFields<MutationShipmentCreateArgs, 'input'>>;
  shipmentTrackingUpdate?: Resolver<ResolversTypes['ShipmentTrackingUpdatePayload'], ParentType, ContextType, RequireFields<MutationShipmentTrackingUpdateArgs, 'input'>>;
}>;

export type OrderResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  shipments?: Resolver<Array<ResolversTypes['Shipment']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  shippingQuote?: Resolver<Array<ResolversTypes['ShippingOption']>, ParentType, ContextType, RequireFields<QueryShippingQuoteArgs, 'input'>>;
  shippingZones?: Resolver<Array<ResolversTypes['ShippingZone']>, ParentType, ContextType>;
}>;

export type ShipmentResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['Shipment'] = ResolversParentTypes['Shipment']> = ResolversObject<{
  carrier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['ShipmentEvent']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['ShipmentLine']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShipmentStatus'], ParentType, ContextType>;
  trackingNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ShipmentCreatePayloadResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['ShipmentCreatePayload'] = ResolversParentTypes['ShipmentCreatePayload']> = ResolversObject<{
  shipment?: Resolver<Maybe<ResolversTypes['Shipment']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ShipmentEventResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['ShipmentEvent'] = ResolversParentTypes['ShipmentEvent']> = ResolversObject<{
  location?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShipmentStatus'], ParentType, ContextType>;
}>;

export type ShipmentLineResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['ShipmentLine'] = ResolversParentTypes['ShipmentLine']> = ResolversObject<{
  orderLineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ShipmentTrackingUpdatePayloadResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['ShipmentTrackingUpdatePayload'] = ResolversParentTypes['ShipmentTrackingUpdatePayload']> = ResolversObject<{
  shipment?: Resolver<Maybe<ResolversTypes['Shipment']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ShippingOptionResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['ShippingOption'] = ResolversParentTypes['ShippingOption']> = ResolversObject<{
  carrier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  estimatedDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ShippingRateResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['ShippingRate'] = ResolversParentTypes['ShippingRate']> = ResolversObject<{
  carrier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  estimatedDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ShippingRateKind'], ParentType, ContextType>;
  minimumSubtotal?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  price?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weightBands?: Resolver<Array<ResolversTypes['ShippingWeightBand']>, ParentType, ContextType>;
}>;

export type ShippingWeightBandResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['ShippingWeightBand'] = ResolversParentTypes['ShippingWeightBand']> = ResolversObject<{
  maxWeightGrams?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type ShippingZoneResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['ShippingZone'] = ResolversParentTypes['ShippingZone']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rates?: Resolver<Array<ResolversTypes['ShippingRate']>, ParentType, ContextType>;
  regions?: Resolver<Array<ResolversTypes['ShippingZoneRegion']>, ParentType, ContextType>;
}>;

export type ShippingZoneRegionResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['ShippingZoneRegion'] = ResolversParentTypes['ShippingZoneRegion']> = ResolversObject<{
  countryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provinceCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = ShippingContext> = ResolversObject<{
  Cart?: CartResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Shipment?: ShipmentResolvers<ContextType>;
  ShipmentCreatePayload?: ShipmentCreatePayloadResolvers<ContextType>;
  ShipmentEvent?: ShipmentEventResolvers<ContextType>;
  ShipmentLine?: ShipmentLineResolvers<ContextType>;
  ShipmentTrackingUpdatePayload?: ShipmentTrackingUpdatePayloadResolvers<ContextType>;
  ShippingOption?: ShippingOptionResolvers<ContextType>;
  ShippingRate?: ShippingRateResolvers<ContextType>;
  ShippingWeightBand?: ShippingWeightBandResolvers<ContextType>;
  ShippingZone?: ShippingZoneResolvers<ContextType>;
  ShippingZoneRegion?: ShippingZoneRegionResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

