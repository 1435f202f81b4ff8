import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { VariantRef as VariantRefModel } from '../variant-ref.ts';
import type { Location as LocationModel } from '../entities/location.entity.ts';
import type { StockLevel as StockLevelModel } from '../entities/stock-level.entity.ts';
import type { StockMovement as StockMovementModel } from '../entities/stock-movement.entity.ts';
import type { StockReservation as StockReservationModel } from '../entities/stock-reservation.entity.ts';
import type { InventoryContext } from '../context.ts';
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

/** Who may cache: anyone (a CDN), or only the caller's own client. */
export type CacheControlScope =
  /** Only the caller's own client may keep it. */
  | 'PRIVATE'
  /** Shared caches may keep it. */
  | 'PUBLIC';

/** A shopper's (or staff member's) account. Visible only to that account itself and to staff. */
export type Customer = {
  __typename?: 'Customer';
  /** Opaque global id. */
  id: Scalars['ID']['output'];
};

/** A change to one variant's on-hand stock at one location. */
export type InventoryAdjustQuantityInput = {
  /** Units to add, or to remove when negative; not 0, at most 1,000,000 either way. */
  delta: Scalars['Int']['input'];
  /** The location (a Location global id). */
  locationId: Scalars['ID']['input'];
  /** Free-text explanation for the ledger, up to 500 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Why the stock changes; recorded in the ledger. */
  reason: InventoryAdjustmentReason;
  /** The variant (a ProductVariant global id). */
  variantId: Scalars['ID']['input'];
};

/** The result of `inventoryAdjustQuantity`. */
export type InventoryAdjustQuantityPayload = {
  __typename?: 'InventoryAdjustQuantityPayload';
  /** The stock level after the change; null when it was refused. */
  stockLevel?: Maybe<StockLevel>;
  /**
   * Why the change was refused, if it was. Codes: `FORBIDDEN` (not staff), `INVALID` (malformed id, delta
   * or note), `NOT_FOUND` (unknown variant or location), `INSUFFICIENT_STOCK` (the result would be negative
   * or below what is reserved).
   */
  userErrors: Array<UserError>;
};

/** Why stock was adjusted. */
export type InventoryAdjustmentReason =
  /** A mistake in an earlier count or entry was fixed. */
  | 'CORRECTION'
  /** A physical count found a different quantity. */
  | 'CYCLE_COUNT'
  /** Units were damaged and cannot be sold. */
  | 'DAMAGED'
  /** Goods arrived from a supplier. */
  | 'RECEIVED'
  /** Returned units went back into sellable stock. */
  | 'RETURN_RESTOCK'
  /** Units went missing (theft, loss). */
  | 'SHRINKAGE';

/** Internal: the result of `inventoryCommit`. */
export type InventoryCommitPayload = {
  __typename?: 'InventoryCommitPayload';
  /** The order's sold (COMMITTED) reservations, the same on every call; null when refused. */
  reservations?: Maybe<Array<StockReservation>>;
  /**
   * Why nothing was committed, if so. Codes: `FORBIDDEN`/`UNAUTHENTICATED`, `INVALID` (malformed order id),
   * `NOT_FOUND` (the order never reserved stock), `RESERVATION_RELEASED` (its reservations were released:
   * expired or cancelled; reserve again).
   */
  userErrors: Array<InventoryReservationUserError>;
};

/** Internal: the result of `inventoryRelease`. */
export type InventoryReleasePayload = {
  __typename?: 'InventoryReleasePayload';
  /** The reservations this call released (empty when there was nothing left to release); null when refused. */
  reservations?: Maybe<Array<StockReservation>>;
  /**
   * Why nothing was released, if so. Codes: `FORBIDDEN`/`UNAUTHENTICATED`, `INVALID` (malformed order id),
   * `ALREADY_COMMITTED` (the order's stock was sold; a restock, not a release, brings it back).
   */
  userErrors: Array<InventoryReservationUserError>;
};

/** Internal: why reserved stock was given back. */
export type InventoryReleaseReason =
  /** The order was cancelled. */
  | 'CANCELLED'
  /** The reservation expired unpaid. */
  | 'EXPIRED'
  /** Payment failed or was abandoned. */
  | 'PAYMENT_FAILED';

/** Internal: a `UserError` that can say how much stock there is. */
export type InventoryReservationUserError = {
  __typename?: 'InventoryReservationUserError';
  /** A stable machine-readable code, e.g. `INSUFFICIENT_STOCK`. */
  code: Scalars['String']['output'];
  /** Path to the input field at fault, e.g. `["input", "lines", "0", "quantity"]`; null when no single field is. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** A human-readable explanation. */
  message: Scalars['String']['output'];
  /** For `INSUFFICIENT_STOCK`: units of the line's variant that could be reserved now, over open locations that fulfil online orders. */
  quantityAvailable?: Maybe<Scalars['Int']['output']>;
};

/** Internal: what an order asks inventory to hold. */
export type InventoryReserveInput = {
  /** Seconds until unpaid reservations are released: 60 to 604800 (7 days); 1800 (30 minutes) when omitted. */
  expiresInSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** What to hold: 1 to 250 lines, each variant at most once. */
  lines: Array<InventoryReserveLineInput>;
  /**
   * Take every line from this location only (a Location global id; an open one, of any kind): a sale made in
   * a store. When omitted, lines come from the open locations that fulfil online orders.
   */
  locationId?: InputMaybe<Scalars['ID']['input']>;
  /** The order's global id (`gid://commerce/Order/<uuid>`); the order need not exist yet. Reservations are keyed by it. */
  orderId: Scalars['ID']['input'];
};

/** Internal: one variant and how many units of it to hold. */
export type InventoryReserveLineInput = {
  /** Units to hold: 1 to 1,000,000. */
  quantity: Scalars['Int']['input'];
  /** The variant (a ProductVariant global id). */
  variantId: Scalars['ID']['input'];
};

/** Internal: the result of `inventoryReserve`. */
export type InventoryReservePayload = {
  __typename?: 'InventoryReservePayload';
  /** The order's reservations (new, or those it already held); null when refused. */
  reservations?: Maybe<Array<StockReservation>>;
  /**
   * Why nothing was reserved, if so. Codes: `FORBIDDEN`/`UNAUTHENTICATED` (not the orders service),
   * `INVALID` (malformed order id, line, expiry or location id, or a closed location), `NOT_FOUND` (no such
   * location, on `["input", "locationId"]`), `INSUFFICIENT_STOCK` (one per short line, on
   * `["input", "lines", "<index>", "quantity"]`, with `quantityAvailable`), `ALREADY_RESERVED` (the order
   * already holds reservations for different lines, or at another location).
   */
  userErrors: Array<InventoryReservationUserError>;
};

/** A place that holds stock: a warehouse or a store. */
export type Location = {
  __typename?: 'Location';
  /** Where the location is; null when no address is recorded. */
  address?: Maybe<LocationAddress>;
  /** Whether online orders ship from here, so that its stock counts toward `ProductVariant.quantityAvailable`. */
  fulfillsOnlineOrders: Scalars['Boolean']['output'];
  /** Unique, URL-safe name, e.g. `central-warehouse`. */
  handle: Scalars['String']['output'];
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** Whether the location is open. Closed locations keep their history but take no adjustments. */
  isActive: Scalars['Boolean']['output'];
  /** Whether this is a warehouse or a store. */
  kind: LocationKind;
  /** Display name, e.g. `Central Warehouse`. */
  name: Scalars['String']['output'];
};

/** A location's postal address. */
export type LocationAddress = {
  __typename?: 'LocationAddress';
  /** Street address. */
  address1?: Maybe<Scalars['String']['output']>;
  /** Apartment, suite, unit. */
  address2?: Maybe<Scalars['String']['output']>;
  /** City or town. */
  city?: Maybe<Scalars['String']['output']>;
  /** ISO 3166-1 alpha-2 country code. */
  countryCode?: Maybe<Scalars['String']['output']>;
  /** Region code, e.g. `CA` or `ON`. */
  provinceCode?: Maybe<Scalars['String']['output']>;
  /** Postal code. */
  zip?: Maybe<Scalars['String']['output']>;
};

/** A page of locations. */
export type LocationConnection = {
  __typename?: 'LocationConnection';
  /** The locations on this page, with their cursors. */
  edges: Array<LocationEdge>;
  /** The locations on this page. */
  nodes: Array<Location>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A location and its position in the list. */
export type LocationEdge = {
  __typename?: 'LocationEdge';
  /** Pass as `after` to continue after this location. */
  cursor: Scalars['String']['output'];
  /** The location. */
  node: Location;
};

/** What kind of place a location is. */
export type LocationKind =
  /** A retail store selling in person (POS). */
  | 'STORE'
  /** A warehouse, usually fulfilling online orders. */
  | 'WAREHOUSE';

/** Internal: one location's sellable stock of some variants, as `stockAtLocation` answers it. */
export type LocationStock = {
  __typename?: 'LocationStock';
  /** The location asked about. */
  location: Location;
  /** Per variant asked for, in the order asked: units that can be sold there now (`onHand - reserved`; 0 with no stock there). */
  quantitiesAvailable: Array<Scalars['Int']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Adds `delta` units (negative to remove) to a variant's on-hand stock at one location and records the
   * change in the stock ledger with its reason. Staff only. Refused with `INSUFFICIENT_STOCK` when the
   * result would be negative or below what is reserved; nothing is written then.
   */
  inventoryAdjustQuantity: InventoryAdjustQuantityPayload;
  /**
   * Internal (the orders service only). The order was paid: its RESERVED stock becomes sold (COMMITTED).
   * On-hand and reserved drop together at each location, so `quantityAvailable` does not change, and each
   * sale is a `SALE` movement in the ledger. Idempotent: calling again changes nothing and answers the same.
   */
  inventoryCommit: InventoryCommitPayload;
  /**
   * Internal (the orders service only). The order will not be paid: its RESERVED stock is available again
   * (RELEASED). Idempotent: calling again releases nothing more. Sold (COMMITTED) stock is not released
   * (it comes back by a restock: the `orders.order.cancelled` and `orders.return.received` events):
   * refused with `ALREADY_COMMITTED`, nothing changed.
   */
  inventoryRelease: InventoryReleasePayload;
  /**
   * Internal (the orders service only; never exposed by the gateway). Holds stock for an order awaiting
   * payment, all lines or none: each line is taken from open locations that fulfil online orders, from
   * one location when one can cover it, else split over the fewest (most available first). A line that
   * cannot be covered is refused with `INSUFFICIENT_STOCK` and its `quantityAvailable`, and nothing is
   * reserved for any line. Idempotent per order: while an order holds reservations (RESERVED or COMMITTED),
   * calling again with the same lines returns them unchanged; an order whose reservations were all released
   * may reserve again. Unpaid reservations are released when they expire. With `locationId` (a point-of-sale
   * sale), every line is taken from that one open location only, whether or not it fulfils online orders: a
   * line short there is `INSUFFICIENT_STOCK` with what that location has, whatever other locations hold.
   */
  inventoryReserve: InventoryReservePayload;
};


export type MutationInventoryAdjustQuantityArgs = {
  input: InventoryAdjustQuantityInput;
};


export type MutationInventoryCommitArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationInventoryReleaseArgs = {
  orderId: Scalars['ID']['input'];
  reason: InventoryReleaseReason;
};


export type MutationInventoryReserveArgs = {
  input: InventoryReserveInput;
};

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item of the page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether items precede this page (true whenever `after` was given). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item of the page; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** One purchasable version of a product (a size, a colour…), with its own SKU, price and weight. */
export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** Whether the variant can be bought online now (`quantityAvailable > 0`). Null when stock cannot be read right now, as `quantityAvailable`. */
  availableForSale?: Maybe<Scalars['Boolean']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /**
   * Units that can be sold online: on hand minus reserved, summed over active locations that fulfil online
   * orders. 0 for a variant with no stock. Null, with an error on the field, when stock cannot be read right now
   * (the inventory service is unavailable): the rest of the answer, such as the product and its price, still comes.
   */
  quantityAvailable?: Maybe<Scalars['Int']['output']>;
  /** Stock at each active location, including stores that only sell in person (for POS), ordered by location name. Null when stock cannot be read right now, as `quantityAvailable`. */
  stockLevels?: Maybe<Array<StockLevel>>;
};

export type Query = {
  __typename?: 'Query';
  /** A location by id, active or not; null when there is none. */
  location?: Maybe<Location>;
  /** Active stock locations (warehouses and stores), by name. */
  locations: LocationConnection;
  /**
   * Internal (the cart service only; never exposed by the gateway). What a store's till can sell of each variant
   * at one location now: on hand minus reserved there, whatever other locations hold (a till cart is checked
   * against its store's shelf, not online availability); the levels of all the variants in one statement.
   * Null when there is no such location; any location answers, open or closed, of any kind. A malformed id is
   * a `BAD_USER_INPUT` error; anyone but the cart service gets `FORBIDDEN`/`UNAUTHENTICATED`.
   */
  stockAtLocation?: Maybe<LocationStock>;
  /** The stock ledger of a variant, newest first. Staff only: anyone else gets a FORBIDDEN error. */
  stockMovements: StockMovementConnection;
};


export type QueryLocationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryLocationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeInactive?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryStockAtLocationArgs = {
  locationId: Scalars['ID']['input'];
  variantIds: Array<Scalars['ID']['input']>;
};


export type QueryStockMovementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  locationId?: InputMaybe<Scalars['ID']['input']>;
  variantId: Scalars['ID']['input'];
};

/** How much of one variant one location holds. */
export type StockLevel = {
  __typename?: 'StockLevel';
  /** Units that can still be sold: `onHand - reserved`. */
  available: Scalars['Int']['output'];
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** Where the units are. */
  location: Location;
  /** Units physically at the location. */
  onHand: Scalars['Int']['output'];
  /** Units promised to orders awaiting payment or fulfilment. */
  reserved: Scalars['Int']['output'];
  /** When the quantities last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The variant counted. */
  variant: ProductVariant;
};

/** One change to on-hand stock, as recorded in the append-only ledger. */
export type StockMovement = {
  __typename?: 'StockMovement';
  /** The staff member who made the change; null for changes made by the system. */
  actor?: Maybe<Customer>;
  /** When the change was made. */
  createdAt: Scalars['DateTime']['output'];
  /** Units added (positive) or removed (negative). */
  delta: Scalars['Int']['output'];
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** Where the stock changed. */
  location: Location;
  /** Free-text explanation given with the change. */
  note?: Maybe<Scalars['String']['output']>;
  /** On-hand units at the location right after this change. */
  onHandAfter: Scalars['Int']['output'];
  /** Why the stock changed. */
  reason: StockMovementReason;
  /** The variant whose stock changed. */
  variant: ProductVariant;
};

/** A page of stock movements. */
export type StockMovementConnection = {
  __typename?: 'StockMovementConnection';
  /** The movements on this page, with their cursors. */
  edges: Array<StockMovementEdge>;
  /** The movements on this page. */
  nodes: Array<StockMovement>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A stock movement and its position in the list. */
export type StockMovementEdge = {
  __typename?: 'StockMovementEdge';
  /** Pass as `after` to continue after this movement. */
  cursor: Scalars['String']['output'];
  /** The movement. */
  node: StockMovement;
};

/** Why on-hand stock changed: a staff adjustment's reason, a sale, or sold units coming back for their order. */
export type StockMovementReason =
  /** A paid order was cancelled: its sold units went back on hand where they were sold from (once per order). */
  | 'CANCELLATION'
  /** A mistake in an earlier count or entry was fixed. */
  | 'CORRECTION'
  /** A physical count found a different quantity. */
  | 'CYCLE_COUNT'
  /** Units were damaged and cannot be sold. */
  | 'DAMAGED'
  /** Goods arrived from a supplier. */
  | 'RECEIVED'
  /** Returned goods were received: the units went back on hand where the order's units were sold from (once per return, never more than the order bought). */
  | 'RETURN'
  /** Returned units went back into sellable stock. */
  | 'RETURN_RESTOCK'
  /** Units reserved for an order were sold when it was paid. */
  | 'SALE'
  /** Units went missing (theft, loss). */
  | 'SHRINKAGE';

/** Internal: units of one variant at one location held for one order. */
export type StockReservation = {
  __typename?: 'StockReservation';
  /** When the units were reserved. */
  createdAt: Scalars['DateTime']['output'];
  /** When unpaid units are released, if still RESERVED then. */
  expiresAt: Scalars['DateTime']['output'];
  /** Opaque global id (`gid://commerce/StockReservation/<uuid>`). */
  id: Scalars['ID']['output'];
  /** Where the units are held (a Location global id). */
  locationId: Scalars['ID']['output'];
  /** The order holding the units (an Order global id). */
  orderId: Scalars['ID']['output'];
  /** Units held. */
  quantity: Scalars['Int']['output'];
  /** Why the units were given back; null unless RELEASED. */
  releaseReason?: Maybe<InventoryReleaseReason>;
  /** Held, sold or given back. */
  status: StockReservationStatus;
  /** The variant held (a ProductVariant global id). */
  variantId: Scalars['ID']['output'];
};

/** Internal: where a reservation stands. */
export type StockReservationStatus =
  /** Sold: the order was paid and the units left on-hand stock. */
  | 'COMMITTED'
  /** Given back: available again. */
  | 'RELEASED'
  /** Held for the order: counted in `StockLevel.reserved`, not available to anyone else. */
  | 'RESERVED';

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
  Location: Location;
  ProductVariant: ProductVariant;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Location:
    ( { __typename: 'Location' }
    & GraphQLRecursivePick<FederationTypes['Location'], {"id":true}> );
  ProductVariant:
    ( { __typename: 'ProductVariant' }
    & GraphQLRecursivePick<FederationTypes['ProductVariant'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CacheControlScope: CacheControlScope;
  Customer: ResolverTypeWrapper<Customer>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  InventoryAdjustQuantityInput: InventoryAdjustQuantityInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  InventoryAdjustQuantityPayload: ResolverTypeWrapper<Omit<InventoryAdjustQuantityPayload, 'stockLevel'> & { stockLevel?: Maybe<ResolversTypes['StockLevel']> }>;
  InventoryAdjustmentReason: InventoryAdjustmentReason;
  InventoryCommitPayload: ResolverTypeWrapper<Omit<InventoryCommitPayload, 'reservations'> & { reservations?: Maybe<Array<ResolversTypes['StockReservation']>> }>;
  InventoryReleasePayload: ResolverTypeWrapper<Omit<InventoryReleasePayload, 'reservations'> & { reservations?: Maybe<Array<ResolversTypes['StockReservation']>> }>;
  InventoryReleaseReason: InventoryReleaseReason;
  InventoryReservationUserError: ResolverTypeWrapper<InventoryReservationUserError>;
  InventoryReserveInput: InventoryReserveInput;
  InventoryReserveLineInput: InventoryReserveLineInput;
  InventoryReservePayload: ResolverTypeWrapper<Omit<InventoryReservePayload, 'reservations'> & { reservations?: Maybe<Array<ResolversTypes['StockReservation']>> }>;
  Location: ResolverTypeWrapper<LocationModel>;
  LocationAddress: ResolverTypeWrapper<LocationAddress>;
  LocationConnection: ResolverTypeWrapper<Omit<LocationConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['LocationEdge']>, nodes: Array<ResolversTypes['Location']> }>;
  LocationEdge: ResolverTypeWrapper<Omit<LocationEdge, 'node'> & { node: ResolversTypes['Location'] }>;
  LocationKind: LocationKind;
  LocationStock: ResolverTypeWrapper<Omit<LocationStock, 'location'> & { location: ResolversTypes['Location'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ProductVariant: ResolverTypeWrapper<VariantRefModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  StockLevel: ResolverTypeWrapper<StockLevelModel>;
  StockMovement: ResolverTypeWrapper<StockMovementModel>;
  StockMovementConnection: ResolverTypeWrapper<Omit<StockMovementConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['StockMovementEdge']>, nodes: Array<ResolversTypes['StockMovement']> }>;
  StockMovementEdge: ResolverTypeWrapper<Omit<StockMovementEdge, 'node'> & { node: ResolversTypes['StockMovement'] }>;
  StockMovementReason: StockMovementReason;
  StockReservation: ResolverTypeWrapper<StockReservationModel>;
  StockReservationStatus: StockReservationStatus;
  UserError: ResolverTypeWrapper<UserError>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Customer: Customer;
  ID: Scalars['ID']['output'];
  DateTime: Scalars['DateTime']['output'];
  InventoryAdjustQuantityInput: InventoryAdjustQuantityInput;
  String: Scalars['String']['output'];
  InventoryAdjustQuantityPayload: Omit<InventoryAdjustQuantityPayload, 'stockLevel'> & { stockLevel?: Maybe<ResolversParentTypes['StockLevel']> };
  InventoryCommitPayload: Omit<InventoryCommitPayload, 'reservations'> & { reservations?: Maybe<Array<ResolversParentTypes['StockReservation']>> };
  InventoryReleasePayload: Omit<InventoryReleasePayload, 'reservations'> & { reservations?: Maybe<Array<ResolversParentTypes['StockReservation']>> };
  InventoryReservationUserError: InventoryReservationUserError;
  InventoryReserveInput: InventoryReserveInput;
  InventoryReserveLineInput: InventoryReserveLineInput;
  InventoryReservePayload: Omit<InventoryReservePayload, 'reservations'> & { reservations?: Maybe<Array<ResolversParentTypes['StockReservation']>> };
  Location: LocationModel;
  LocationAddress: LocationAddress;
  LocationConnection: Omit<LocationConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['LocationEdge']>, nodes: Array<ResolversParentTypes['Location']> };
  LocationEdge: Omit<LocationEdge, 'node'> & { node: ResolversParentTypes['Location'] };
  LocationStock: Omit<LocationStock, 'location'> & { location: ResolversParentTypes['Location'] };
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  ProductVariant: VariantRefModel;
  Query: Record<PropertyKey, never>;
  StockLevel: StockLevelModel;
  StockMovement: StockMovementModel;
  StockMovementConnection: Omit<StockMovementConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['StockMovementEdge']>, nodes: Array<ResolversParentTypes['StockMovement']> };
  StockMovementEdge: Omit<StockMovementEdge, 'node'> & { node: ResolversParentTypes['StockMovement'] };
  StockReservation: StockReservationModel;
  UserError: UserError;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = InventoryContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CustomerResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type InventoryAdjustQuantityPayloadResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['InventoryAdjustQuantityPayload'] = ResolversParentTypes['InventoryAdjustQuantityPayload']> = ResolversObject<{
  stockLevel?: Resolver<Maybe<ResolversTypes['StockLevel']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type InventoryCommitPayloadResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['InventoryCommitPayload'] = ResolversParentTypes['InventoryCommitPayload']> = ResolversObject<{
  reservations?: Resolver<Maybe<Array<ResolversTypes['StockReservation']>>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['InventoryReservationUserError']>, ParentType, ContextType>;
}>;

export type InventoryReleasePayloadResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['InventoryReleasePayload'] = ResolversParentTypes['InventoryReleasePayload']> = ResolversObject<{
  reservations?: Resolver<Maybe<Array<ResolversTypes['StockReservation']>>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['InventoryReservationUserError']>, ParentType, ContextType>;
}>;

export type InventoryReservationUserErrorResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['InventoryReservationUserError'] = ResolversParentTypes['InventoryReservationUserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quantityAvailable?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type InventoryReservePayloadResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['InventoryReservePayload'] = ResolversParentTypes['InventoryReservePayload']> = ResolversObject<{
  reservations?: Resolver<Maybe<Array<ResolversTypes['StockReservation']>>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['InventoryReservationUserError']>, ParentType, ContextType>;
}>;

export type LocationResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location'], FederationReferenceType extends FederationReferenceTypes['Location'] = FederationReferenceTypes['Location']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Location']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['LocationAddress']>, ParentType, ContextType>;
  fulfillsOnlineOrders?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isActive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['LocationKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type LocationAddressResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['LocationAddress'] = ResolversParentTypes['LocationAddress']> = ResolversObject<{
  address1?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  address2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  city?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  countryCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provinceCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  zip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type LocationConnectionResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['LocationConnection'] = ResolversParentTypes['LocationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['LocationEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Location']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type LocationEdgeResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['LocationEdge'] = ResolversParentTypes['LocationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Location'], ParentType, ContextType>;
}>;

export type LocationStockResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['LocationStock'] = ResolversParentTypes['LocationStock']> = ResolversObject<{
  location?: Resolver<ResolversTypes['Location'], ParentType, ContextType>;
  quantitiesAvailable?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  inventoryAdjustQuantity?: Resolver<ResolversTypes['InventoryAdjustQuantityPayload'], ParentType, ContextType, RequireFields<MutationInventoryAdjustQuantityArgs, 'input'>>;
  inventoryCommit?: Resolver<ResolversTypes['InventoryCommitPayload'], ParentType, ContextType, RequireFields<MutationInventoryCommitArgs, 'orderId'>>;
  inventoryRelease?: Resolver<ResolversTypes['InventoryReleasePayload'], ParentType, ContextType, RequireFields<MutationInventoryReleaseArgs, 'orderId' | 'reason'>>;
  inventoryReserve?: Resolver<ResolversTypes['InventoryReservePayload'], ParentType, ContextType, RequireFields<MutationInventoryReserveArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ProductVariantResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant'], FederationReferenceType extends FederationReferenceTypes['ProductVariant'] = FederationReferenceTypes['ProductVariant']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProductVariant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  availableForSale?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantityAvailable?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  stockLevels?: Resolver<Maybe<Array<ResolversTypes['StockLevel']>>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  location?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType, RequireFields<QueryLocationArgs, 'id'>>;
  locations?: Resolver<ResolversTypes['LocationConnection'], ParentType, ContextType, RequireFields<QueryLocationsArgs, 'includeInactive'>>;
  stockAtLocation?: Resolver<Maybe<ResolversTypes['LocationStock']>, ParentType, ContextType, RequireFields<QueryStockAtLocationArgs, 'locationId' | 'variantIds'>>;
  stockMovements?: Resolver<ResolversTypes['StockMovementConnection'], ParentType, ContextType, RequireFields<QueryStockMovementsArgs, 'variantId'>>;
}>;

export type StockLevelResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockLevel'] = ResolversParentTypes['StockLevel']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<ResolversTypes['Location'], ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  variant?: Resolver<ResolversTypes['ProductVariant'], ParentType, ContextType>;
}>;

export type StockMovementResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockMovement'] = ResolversParentTypes['StockMovement']> = ResolversObject<{
  actor?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  delta?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<ResolversTypes['Location'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  onHandAfter?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['StockMovementReason'], ParentType, ContextType>;
  variant?: Resolver<ResolversTypes['ProductVariant'], ParentType, ContextType>;
}>;

export type StockMovementConnectionResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockMovementConnection'] = ResolversParentTypes['StockMovementConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['StockMovementEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['StockMovement']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type StockMovementEdgeResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockMovementEdge'] = ResolversParentTypes['StockMovementEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['StockMovement'], ParentType, ContextType>;
}>;

export type StockReservationResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockReservation'] = ResolversParentTypes['StockReservation']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  locationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  releaseReason?: Resolver<Maybe<ResolversTypes['InventoryReleaseReason']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['StockReservationStatus'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = InventoryContext> = ResolversObject<{
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  InventoryAdjustQuantityPayload?: InventoryAdjustQuantityPayloadResolvers<ContextType>;
  InventoryCommitPayload?: InventoryCommitPayloadResolvers<ContextType>;
  InventoryReleasePayload?: InventoryReleasePayloadResolvers<ContextType>;
  InventoryReservationUserError?: InventoryReservationUserErrorResolvers<ContextType>;
  InventoryReservePayload?: InventoryReservePayloadResolvers<ContextType>;
  Location?: LocationResolvers<ContextType>;
  LocationAddress?: LocationAddressResolvers<ContextType>;
  LocationConnection?: LocationConnectionResolvers<ContextType>;
  LocationEdge?: LocationEdgeResolvers<ContextType>;
  LocationStock?: LocationStockResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  StockLevel?: StockLevelResolvers<ContextType>;
  StockMovement?: StockMovementResolvers<ContextType>;
  StockMovementConnection?: StockMovementConnectionResolvers<ContextType>;
  StockMovementEdge?: StockMovementEdgeResolvers<ContextType>;
  StockReservation?: StockReservationResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = InventoryContext> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
