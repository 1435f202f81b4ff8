import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Cart as CartModel } from '../entities/cart.entity.ts';
import type { CartLine as CartLineModel } from '../entities/cart-line.entity.ts';
import type { CustomerRef as CustomerRefModel } from '../refs.ts';
import type { MoneyValue as MoneyValueModel } from '../money.ts';
import type { CartContext } from '../context.ts';
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
  /** Who is buying: email, country, and the customer once signed in. */
  buyerIdentity: CartBuyerIdentity;
  /** When the cart became a paid order; from then on it is read-only. Null while it is open. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The cart's amounts, all in the cart's one currency. */
  cost: CartCost;
  /** When the cart was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The discount codes entered, and whether each currently applies. */
  discountCodes: Array<CartDiscountCode>;
  /** Opaque global id; unguessable, so a guest's cart is reachable only by whoever holds it. */
  id: Scalars['ID']['output'];
  /** The lines, in the order they were added. */
  lines: Array<CartLine>;
  /**
   * The store a till cart is rung up at (`CartInput.locationId`); null for an online cart. A till cart's lines
   * and stock warnings are checked against what that store can sell (on hand minus reserved there), not online
   * availability; it is sold with `posCheckoutComplete` at that store, never checked out online, and never
   * becomes a customer's cart.
   */
  location?: Maybe<Location>;
  /** Internal: how many changes were written to the cart; checkout hands the one it priced to `cartCheckoutStart`. */
  revision: Scalars['Int']['output'];
  /** The shipping option chosen with `cartSelectedShippingOptionUpdate`, priced for the cart as it now is; null until one is chosen. */
  selectedShippingOption?: Maybe<ShippingOption>;
  /** Where the cart ships to; null until set. */
  shippingAddress?: Maybe<CartAddress>;
  /** The destination country (ISO 3166-1 alpha-2), or null without an address. */
  shippingCountryCode?: Maybe<Scalars['String']['output']>;
  /** The cart's currency (ISO 4217), for shipping rates. */
  shippingCurrencyCode: Scalars['String']['output'];
  /** The destination region code, or null. */
  shippingProvinceCode?: Maybe<Scalars['String']['output']>;
  /** Subtotal after discounts in minor units, for shipping rates such as free-over-an-amount. */
  shippingSubtotalMinor: Scalars['Int']['output'];
  /** Total weight of the lines in grams, for shipping rates. */
  shippingWeightGrams: Scalars['Int']['output'];
  /** The sum of the lines' quantities. */
  totalQuantity: Scalars['Int']['output'];
  /** When the cart last changed; a cart untouched for 30 days expires. */
  updatedAt: Scalars['DateTime']['output'];
  /** What changed underneath the shopper since lines were added (stock, prices, discounts, shipping); empty when nothing did. */
  warnings: Array<CartWarning>;
};

/** A cart's destination. */
export type CartAddress = {
  __typename?: 'CartAddress';
  /** Street address. */
  address1: Scalars['String']['output'];
  /** Apartment, suite or unit. */
  address2?: Maybe<Scalars['String']['output']>;
  /** City or town. */
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code. */
  countryCode: Scalars['String']['output'];
  /** Recipient's given name. */
  firstName?: Maybe<Scalars['String']['output']>;
  /** Recipient's family name. */
  lastName?: Maybe<Scalars['String']['output']>;
  /** Phone number. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Region code, e.g. `CA`. */
  provinceCode?: Maybe<Scalars['String']['output']>;
  /** Postal or ZIP code. */
  zip?: Maybe<Scalars['String']['output']>;
};

/** Who is buying. */
export type CartBuyerIdentity = {
  __typename?: 'CartBuyerIdentity';
  /** The buyer's country (ISO 3166-1 alpha-2), e.g. for prices and taxes before an address is known. */
  countryCode?: Maybe<Scalars['String']['output']>;
  /** The signed-in customer the cart belongs to; null for a guest cart. */
  customer?: Maybe<Customer>;
  /** Where the order confirmation goes. */
  email?: Maybe<Scalars['String']['output']>;
};

/** Who is buying. */
export type CartBuyerIdentityInput = {
  /** The buyer's country (ISO 3166-1 alpha-2). */
  countryCode?: InputMaybe<Scalars['String']['input']>;
  /** The buyer's email. */
  email?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `cartBuyerIdentityUpdate`. */
export type CartBuyerIdentityUpdatePayload = {
  __typename?: 'CartBuyerIdentityUpdatePayload';
  /** The cart as it now is; null when the cart itself was not found, not yours, being checked out, or completed. */
  cart?: Maybe<Cart>;
  /** Why nothing changed; empty on success. */
  userErrors: Array<UserError>;
};

/** Internal: the result of `cartCheckoutStart` and `cartCheckoutAbandon`. */
export type CartCheckoutPayload = {
  __typename?: 'CartCheckoutPayload';
  /** The cart as it now is; null when refused. */
  cart?: Maybe<Cart>;
  /** Why nothing changed; empty on success. */
  userErrors: Array<UserError>;
};

/** The cart's totals. totalAmount = subtotalAmount − discountAmount + shippingAmount + totalTaxAmount (prices exclude tax). */
export type CartCost = {
  __typename?: 'CartCost';
  /** Everything discounts take off the subtotal. */
  discountAmount: Money;
  /** The selected shipping option's price; zero until one is selected. */
  shippingAmount: Money;
  /** The sum of the lines' totals. */
  subtotalAmount: Money;
  /** What the buyer pays. */
  totalAmount: Money;
  /** Tax on the discounted lines (and on shipping where the destination taxes it). */
  totalTaxAmount: Money;
};

/** Result of `cartCreate`. */
export type CartCreatePayload = {
  __typename?: 'CartCreatePayload';
  /** The cart as it now is; null when the cart itself was not found or not yours. */
  cart?: Maybe<Cart>;
  /** Why nothing changed; empty on success. */
  userErrors: Array<UserError>;
};

/** A discount code entered on a cart. */
export type CartDiscountCode = {
  __typename?: 'CartDiscountCode';
  /** Whether it currently takes anything off (it may be unknown, expired, used up, or below its minimum subtotal). */
  applicable: Scalars['Boolean']['output'];
  /** The code, as stored (upper case). */
  code: Scalars['String']['output'];
};

/** Result of `cartDiscountCodesUpdate`. */
export type CartDiscountCodesUpdatePayload = {
  __typename?: 'CartDiscountCodesUpdatePayload';
  /** The cart as it now is; null when the cart itself was not found, not yours, being checked out, or completed. */
  cart?: Maybe<Cart>;
  /** Why nothing changed; empty on success. */
  userErrors: Array<UserError>;
};

/** What to start a cart with. */
export type CartInput = {
  /** Who is buying. */
  buyerIdentity?: InputMaybe<CartBuyerIdentityInput>;
  /** Discount codes to apply. */
  discountCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Lines to add. */
  lines?: InputMaybe<Array<CartLineInput>>;
  /**
   * Staff only: ring the cart up at this store's till (a Location global id of an open STORE). The cart is then
   * always a new one (never the caller's own open cart), and its lines are checked against that store's stock
   * instead of online availability (`NOT_ENOUGH_STOCK` on the line's `quantity` beyond what the store can sell).
   * Codes on `["input", "locationId"]`: `FORBIDDEN` (not staff), `INVALID` (malformed id, a warehouse, a closed
   * store), `NOT_FOUND` (no such location); nothing is written then.
   */
  locationId?: InputMaybe<Scalars['ID']['input']>;
};

/** One variant in a cart, with the price it was added at. */
export type CartLine = {
  __typename?: 'CartLine';
  /** The line's amounts. */
  cost: CartLineCost;
  /** Opaque global id of the line. */
  id: Scalars['ID']['output'];
  /** The variant bought. */
  merchandise: ProductVariant;
  /** How many units. */
  quantity: Scalars['Int']['output'];
};

/** A line's amounts, before order-level discounts and tax. */
export type CartLineCost = {
  __typename?: 'CartLineCost';
  /** The unit price snapshotted when the line last changed. */
  amountPerQuantity: Money;
  /** `amountPerQuantity` × quantity. */
  totalAmount: Money;
};

/** A variant and a quantity to add. */
export type CartLineInput = {
  /** The variant's global id. */
  merchandiseId: Scalars['ID']['input'];
  /** How many (1 or more); 1 when omitted. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
};

/** A line and its new quantity. */
export type CartLineUpdateInput = {
  /** The line's global id. */
  id: Scalars['ID']['input'];
  /** The new quantity; 0 removes the line. */
  quantity: Scalars['Int']['input'];
};

/** Result of `cartLinesAdd`. */
export type CartLinesAddPayload = {
  __typename?: 'CartLinesAddPayload';
  /** The cart as it now is; null when the cart itself was not found, not yours, being checked out, or completed. */
  cart?: Maybe<Cart>;
  /** Why nothing changed; empty on success. */
  userErrors: Array<UserError>;
};

/** Result of `cartLinesRemove`. */
export type CartLinesRemovePayload = {
  __typename?: 'CartLinesRemovePayload';
  /** The cart as it now is; null when the cart itself was not found, not yours, being checked out, or completed. */
  cart?: Maybe<Cart>;
  /** Why nothing changed; empty on success. */
  userErrors: Array<UserError>;
};

/** Result of `cartLinesUpdate`. */
export type CartLinesUpdatePayload = {
  __typename?: 'CartLinesUpdatePayload';
  /** The cart as it now is; null when the cart itself was not found, not yours, being checked out, or completed. */
  cart?: Maybe<Cart>;
  /** Why nothing changed; empty on success. */
  userErrors: Array<UserError>;
};

/** Result of `cartSelectedShippingOptionUpdate`. */
export type CartSelectedShippingOptionUpdatePayload = {
  __typename?: 'CartSelectedShippingOptionUpdatePayload';
  /** The cart as it now is; null when the cart itself was not found, not yours, being checked out, or completed. */
  cart?: Maybe<Cart>;
  /** Why nothing changed; empty on success. */
  userErrors: Array<UserError>;
};

/** Result of `cartShippingAddressUpdate`. */
export type CartShippingAddressUpdatePayload = {
  __typename?: 'CartShippingAddressUpdatePayload';
  /** The cart as it now is; null when the cart itself was not found, not yours, being checked out, or completed. */
  cart?: Maybe<Cart>;
  /** Why nothing changed; empty on success. */
  userErrors: Array<UserError>;
};

/** Something that changed underneath the shopper, reported rather than silently fixed. */
export type CartWarning = {
  __typename?: 'CartWarning';
  /** A stable code, e.g. `MERCHANDISE_OUT_OF_STOCK`, `MERCHANDISE_NOT_ENOUGH_STOCK`, `MERCHANDISE_PRICE_CHANGED`, `MERCHANDISE_UNAVAILABLE`, `DISCOUNT_CODE_NOT_APPLICABLE`, `SHIPPING_ADDRESS_MISSING`, `SHIPPING_DESTINATION_NOT_SERVED`, `SHIPPING_OPTION_UNAVAILABLE`. */
  code: Scalars['String']['output'];
  /** A human-readable explanation. */
  message: Scalars['String']['output'];
  /** The id of what it is about: a cart line, a discount code, or the cart. */
  target: Scalars['ID']['output'];
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

/** A shopper's (or staff member's) account. Visible only to that account itself and to staff. */
export type Customer = {
  __typename?: 'Customer';
  /** The customer's open cart, if any (a cart checked out, awaiting payment or paid, no longer is); only the customer and staff see it. */
  cart?: Maybe<Cart>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
};

/** A place that holds stock: a warehouse or a store. */
export type Location = {
  __typename?: 'Location';
  /** Opaque global id. */
  id: Scalars['ID']['output'];
};

/** A postal address. `address1`, `city` and `countryCode` are required when creating one. */
export type MailingAddressInput = {
  /** Street address (up to 255 characters). */
  address1?: InputMaybe<Scalars['String']['input']>;
  /** Apartment, suite or unit (up to 255 characters). */
  address2?: InputMaybe<Scalars['String']['input']>;
  /** City or town (up to 255 characters). */
  city?: InputMaybe<Scalars['String']['input']>;
  /** ISO 3166-1 alpha-2 country code, e.g. `CA`. */
  countryCode?: InputMaybe<Scalars['String']['input']>;
  /** Recipient's given name (up to 255 characters). */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Recipient's family name (up to 255 characters). */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Phone number (digits, spaces, `+ ( ) - .`, up to 32 characters). */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Region code, e.g. `ON` (letters, digits and hyphens, up to 32 characters). */
  provinceCode?: InputMaybe<Scalars['String']['input']>;
  /** Postal or ZIP code (up to 20 characters). */
  zip?: InputMaybe<Scalars['String']['input']>;
};

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
  /** Sets who is buying. With a customer's access token, the cart becomes that customer's (merging their open cart into it), unless it is a till cart (`Cart.location`), which stays the store's. */
  cartBuyerIdentityUpdate: CartBuyerIdentityUpdatePayload;
  /**
   * Internal (the orders service only; never exposed by the gateway). The checkout for that order failed before
   * its order was made: the cart opens again (or merges into the customer's newer open cart), as when the order
   * is cancelled unpaid. A cart not checking out for that order is answered as it is. Codes: `NOT_FOUND`,
   * `INVALID`; `FORBIDDEN`/`UNAUTHENTICATED` for anyone but the orders service.
   */
  cartCheckoutAbandon: CartCheckoutPayload;
  /**
   * Internal (the orders service only; never exposed by the gateway). Checkout of the cart began for an order
   * that will await payment: the cart becomes read-only (every cart mutation answers `CART_CHECKING_OUT`), is no
   * longer its customer's open cart (`Customer.cart` is null and `cartCreate` starts a new one) and is still read
   * by id. `orders.order.paid` for that order then completes it; `orders.order.cancelled` for it (unpaid), or
   * `cartCheckoutAbandon`, opens it again (or merges it into the customer's newer open cart). Idempotent per
   * order: the same order again answers the cart as it is. Codes: `NOT_FOUND` (no such cart, or merged, expired,
   * idle), `INVALID` (not an Order id), `CART_CHANGED` (the cart's `revision` is no longer the one given, on
   * `["revision"]`), `CART_CHECKOUT_IN_PROGRESS` (being checked out for another order), `CART_COMPLETED` (paid
   * by another order); `FORBIDDEN`/`UNAUTHENTICATED` for anyone but the orders service.
   */
  cartCheckoutStart: CartCheckoutPayload;
  /**
   * Creates a cart, optionally with lines, a buyer identity and discount codes. Signed-in customers get their own
   * open cart (a new one after checking out). With `input.locationId` (staff only) always a new till cart for that
   * store, checked against the store's stock.
   */
  cartCreate: CartCreatePayload;
  /** Replaces the cart's discount codes (an empty list removes them all). */
  cartDiscountCodesUpdate: CartDiscountCodesUpdatePayload;
  /** Adds lines; a variant already in the cart adds to that line's quantity. */
  cartLinesAdd: CartLinesAddPayload;
  /** Removes lines. */
  cartLinesRemove: CartLinesRemovePayload;
  /** Sets the quantity of existing lines; a quantity of 0 removes the line. */
  cartLinesUpdate: CartLinesUpdatePayload;
  /** Chooses one of the cart's `shippingOptions`. */
  cartSelectedShippingOptionUpdate: CartSelectedShippingOptionUpdatePayload;
  /** Sets the address the cart ships to; shipping options and taxes follow it. */
  cartShippingAddressUpdate: CartShippingAddressUpdatePayload;
};


export type MutationCartBuyerIdentityUpdateArgs = {
  buyerIdentity: CartBuyerIdentityInput;
  cartId: Scalars['ID']['input'];
};


export type MutationCartCheckoutAbandonArgs = {
  cartId: Scalars['ID']['input'];
  orderId: Scalars['ID']['input'];
};


export type MutationCartCheckoutStartArgs = {
  cartId: Scalars['ID']['input'];
  orderId: Scalars['ID']['input'];
  revision: Scalars['Int']['input'];
};


export type MutationCartCreateArgs = {
  input?: InputMaybe<CartInput>;
};


export type MutationCartDiscountCodesUpdateArgs = {
  cartId: Scalars['ID']['input'];
  discountCodes: Array<Scalars['String']['input']>;
};


export type MutationCartLinesAddArgs = {
  cartId: Scalars['ID']['input'];
  lines: Array<CartLineInput>;
};


export type MutationCartLinesRemoveArgs = {
  cartId: Scalars['ID']['input'];
  lineIds: Array<Scalars['ID']['input']>;
};


export type MutationCartLinesUpdateArgs = {
  cartId: Scalars['ID']['input'];
  lines: Array<CartLineUpdateInput>;
};


export type MutationCartSelectedShippingOptionUpdateArgs = {
  cartId: Scalars['ID']['input'];
  shippingOptionId: Scalars['ID']['input'];
};


export type MutationCartShippingAddressUpdateArgs = {
  address: MailingAddressInput;
  cartId: Scalars['ID']['input'];
};

/** One purchasable version of a product (a size, a colour…), with its own SKU, price and weight. */
export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** Opaque global id. */
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * A cart by its id. A guest cart is reached by its unguessable id alone; a customer's cart only by that
   * customer (and staff). Null when there is no such cart, it expired, or it is someone else's. A cart that
   * was checked out answers here too, read-only, but is no longer the customer's `Customer.cart`: while its
   * order awaits payment every cart mutation answers the user error `CART_CHECKING_OUT` (if the payment fails
   * or the order is cancelled unpaid it opens again); once paid it is COMPLETED (`completedAt` is set, and
   * every cart mutation answers `CART_COMPLETED`).
   */
  cart?: Maybe<Cart>;
};


export type QueryCartArgs = {
  id: Scalars['ID']['input'];
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
  Customer: Customer;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Cart:
    ( { __typename: 'Cart' }
    & GraphQLRecursivePick<FederationTypes['Cart'], {"id":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Cart: ResolverTypeWrapper<CartModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CartAddress: ResolverTypeWrapper<CartAddress>;
  CartBuyerIdentity: ResolverTypeWrapper<Omit<CartBuyerIdentity, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  CartBuyerIdentityInput: CartBuyerIdentityInput;
  CartBuyerIdentityUpdatePayload: ResolverTypeWrapper<Omit<CartBuyerIdentityUpdatePayload, 'cart'> & { cart?: Maybe<ResolversTypes['Cart']> }>;
  CartCheckoutPayload: ResolverTypeWrapper<Omit<CartCheckoutPayload, 'cart'> & { cart?: Maybe<ResolversTypes['Cart']> }>;
  CartCost: ResolverTypeWrapper<Omit<CartCost, 'discountAmount' | 'shippingAmount' | 'subtotalAmount' | 'totalAmount' | 'totalTaxAmount'> & { discountAmount: ResolversTypes['Money'], shippingAmount: ResolversTypes['Money'], subtotalAmount: ResolversTypes['Money'], totalAmount: ResolversTypes['Money'], totalTaxAmount: ResolversTypes['Money'] }>;
  CartCreatePayload: ResolverTypeWrapper<Omit<CartCreatePayload, 'cart'> & { cart?: Maybe<ResolversTypes['Cart']> }>;
  CartDiscountCode: ResolverTypeWrapper<CartDiscountCode>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CartDiscountCodesUpdatePayload: ResolverTypeWrapper<Omit<CartDiscountCodesUpdatePayload, 'cart'> & { cart?: Maybe<ResolversTypes['Cart']> }>;
  CartInput: CartInput;
  CartLine: ResolverTypeWrapper<CartLineModel>;
  CartLineCost: ResolverTypeWrapper<Omit<CartLineCost, 'amountPerQuantity' | 'totalAmount'> & { amountPerQuantity: ResolversTypes['Money'], totalAmount: ResolversTypes['Money'] }>;
  CartLineInput: CartLineInput;
  CartLineUpdateInput: CartLineUpdateInput;
  CartLinesAddPayload: ResolverTypeWrapper<Omit<CartLinesAddPayload, 'cart'> & { cart?: Maybe<ResolversTypes['Cart']> }>;
  CartLinesRemovePayload: ResolverTypeWrapper<Omit<CartLinesRemovePayload, 'cart'> & { cart?: Maybe<ResolversTypes['Cart']> }>;
  CartLinesUpdatePayload: ResolverTypeWrapper<Omit<CartLinesUpdatePayload, 'cart'> & { cart?: Maybe<ResolversTypes['Cart']> }>;
  CartSelectedShippingOptionUpdatePayload: ResolverTypeWrapper<Omit<CartSelectedShippingOptionUpdatePayload, 'cart'> & { cart?: Maybe<ResolversTypes['Cart']> }>;
  CartShippingAddressUpdatePayload: ResolverTypeWrapper<Omit<CartShippingAddressUpdatePayload, 'cart'> & { cart?: Maybe<ResolversTypes['Cart']> }>;
  CartWarning: ResolverTypeWrapper<CartWarning>;
  CurrencyCode: CurrencyCode;
  Customer: ResolverTypeWrapper<CustomerRefModel>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Location: ResolverTypeWrapper<Location>;
  MailingAddressInput: MailingAddressInput;
  Money: ResolverTypeWrapper<MoneyValueModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ProductVariant: ResolverTypeWrapper<ProductVariant>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ShippingOption: ResolverTypeWrapper<Omit<ShippingOption, 'price'> & { price: ResolversTypes['Money'] }>;
  UserError: ResolverTypeWrapper<UserError>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Cart: CartModel;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  CartAddress: CartAddress;
  CartBuyerIdentity: Omit<CartBuyerIdentity, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  CartBuyerIdentityInput: CartBuyerIdentityInput;
  CartBuyerIdentityUpdatePayload: Omit<CartBuyerIdentityUpdatePayload, 'cart'> & { cart?: Maybe<ResolversParentTypes['Cart']> };
  CartCheckoutPayload: Omit<CartCheckoutPayload, 'cart'> & { cart?: Maybe<ResolversParentTypes['Cart']> };
  CartCost: Omit<CartCost, 'discountAmount' | 'shippingAmount' | 'subtotalAmount' | 'totalAmount' | 'totalTaxAmount'> & { discountAmount: ResolversParentTypes['Money'], shippingAmount: ResolversParentTypes['Money'], subtotalAmount: ResolversParentTypes['Money'], totalAmount: ResolversParentTypes['Money'], totalTaxAmount: ResolversParentTypes['Money'] };
  CartCreatePayload: Omit<CartCreatePayload, 'cart'> & { cart?: Maybe<ResolversParentTypes['Cart']> };
  CartDiscountCode: CartDiscountCode;
  Boolean: Scalars['Boolean']['output'];
  CartDiscountCodesUpdatePayload: Omit<CartDiscountCodesUpdatePayload, 'cart'> & { cart?: Maybe<ResolversParentTypes['Cart']> };
  CartInput: CartInput;
  CartLine: CartLineModel;
  CartLineCost: Omit<CartLineCost, 'amountPerQuantity' | 'totalAmount'> & { amountPerQuantity: ResolversParentTypes['Money'], totalAmount: ResolversParentTypes['Money'] };
  CartLineInput: CartLineInput;
  CartLineUpdateInput: CartLineUpdateInput;
  CartLinesAddPayload: Omit<CartLinesAddPayload, 'cart'> & { cart?: Maybe<ResolversParentTypes['Cart']> };
  CartLinesRemovePayload: Omit<CartLinesRemovePayload, 'cart'> & { cart?: Maybe<ResolversParentTypes['Cart']> };
  CartLinesUpdatePayload: Omit<CartLinesUpdatePayload, 'cart'> & { cart?: Maybe<ResolversParentTypes['Cart']> };
  CartSelectedShippingOptionUpdatePayload: Omit<CartSelectedShippingOptionUpdatePayload, 'cart'> & { cart?: Maybe<ResolversParentTypes['Cart']> };
  CartShippingAddressUpdatePayload: Omit<CartShippingAddressUpdatePayload, 'cart'> & { cart?: Maybe<ResolversParentTypes['Cart']> };
  CartWarning: CartWarning;
  Customer: CustomerRefModel;
  DateTime: Scalars['DateTime']['output'];
  Location: Location;
  MailingAddressInput: MailingAddressInput;
  Money: MoneyValueModel;
  Mutation: Record<PropertyKey, never>;
  ProductVariant: ProductVariant;
  Query: Record<PropertyKey, never>;
  ShippingOption: Omit<ShippingOption, 'price'> & { price: ResolversParentTypes['Money'] };
  UserError: UserError;
}>;

export type CartResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['Cart'] = ResolversParentTypes['Cart'], FederationReferenceType extends FederationReferenceTypes['Cart'] = FederationReferenceTypes['Cart']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Cart']> | FederationReferenceType, FederationReferenceType, ContextType>;
  buyerIdentity?: Resolver<ResolversTypes['CartBuyerIdentity'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  cost?: Resolver<ResolversTypes['CartCost'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  discountCodes?: Resolver<Array<ResolversTypes['CartDiscountCode']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['CartLine']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  selectedShippingOption?: Resolver<Maybe<ResolversTypes['ShippingOption']>, ParentType, ContextType>;
  shippingAddress?: Resolver<Maybe<ResolversTypes['CartAddress']>, ParentType, ContextType>;
  shippingCountryCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  shippingCurrencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shippingProvinceCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  shippingSubtotalMinor?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shippingWeightGrams?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['CartWarning']>, ParentType, ContextType>;
}>;

export type CartAddressResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['CartAddress'] = ResolversParentTypes['CartAddress']> = ResolversObject<{
  address1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  address2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  countryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provinceCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  zip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CartBuyerIdentityResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['CartBuyerIdentity'] = ResolversParentTypes['CartBuyerIdentity']> = ResolversObject<{
  countryCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CartBuyerIdentityUpdatePayloadResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['CartBuyerIdentityUpdatePayload'] = ResolversParentTypes['CartBuyerIdentityUpdatePayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CartCheckoutPayloadResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['CartCheckoutPayload'] = ResolversParentTypes['CartCheckoutPayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CartCostResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['CartCost'] = ResolversParentTypes['CartCost']> = ResolversObject<{
  discountAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  shippingAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  subtotalAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  totalAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  totalTaxAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type CartCreatePayloadResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['CartCreatePayload'] = ResolversParentTypes['CartCreatePayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CartDiscountCodeResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['CartDiscountCode'] = ResolversParentTypes['CartDiscountCode']> = ResolversObject<{
  applicable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CartDiscountCodesUpdatePayloadResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['CartDiscountCodesUpdatePayload'] = ResolversParentTypes['CartDiscountCodesUpdatePayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CartLineResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['CartLine'] = ResolversParentTypes['CartLine']> = ResolversObject<{
  cost?: Resolver<ResolversTypes['CartLineCost'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  merchandise?: Resolver<ResolversTypes['ProductVariant'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CartLineCostResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['CartLineCost'] = ResolversParentTypes['CartLineCost']> = ResolversObject<{
  amountPerQuantity?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  totalAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type CartLinesAddPayloadResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['CartLinesAddPayload'] = ResolversParentTypes['CartLinesAddPayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CartLinesRemovePayloadResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['CartLinesRemovePayload'] = ResolversParentTypes['CartLinesRemovePayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CartLinesUpdatePayloadResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['CartLinesUpdatePayload'] = ResolversParentTypes['CartLinesUpdatePayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CartSelectedShippingOptionUpdatePayloadResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['CartSelectedShippingOptionUpdatePayload'] = ResolversParentTypes['CartSelectedShippingOptionUpdatePayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CartShippingAddressUpdatePayloadResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['CartShippingAddressUpdatePayload'] = ResolversParentTypes['CartShippingAddressUpdatePayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CartWarningResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['CartWarning'] = ResolversParentTypes['CartWarning']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type LocationResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cartBuyerIdentityUpdate?: Resolver<ResolversTypes['CartBuyerIdentityUpdatePayload'], ParentType, ContextType, RequireFields<MutationCartBuyerIdentityUpdateArgs, 'buyerIdentity' | 'cartId'>>;
  cartCheckoutAbandon?: Resolver<ResolversTypes['CartCheckoutPayload'], ParentType, ContextType, RequireFields<MutationCartCheckoutAbandonArgs, 'cartId' | 'orderId'>>;
  cartCheckoutStart?: Resolver<ResolversTypes['CartCheckoutPayload'], ParentType, ContextType, RequireFields<MutationCartCheckoutStartArgs, 'cartId' | 'orderId' | 'revision'>>;
  cartCreate?: Resolver<ResolversTypes['CartCreatePayload'], ParentType, ContextType, Partial<MutationCartCreateArgs>>;
  cartDiscountCodesUpdate?: Resolver<ResolversTypes['CartDiscountCodesUpdatePayload'], ParentType, ContextType, RequireFields<MutationCartDiscountCodesUpdateArgs, 'cartId' | 'discountCodes'>>;
  cartLinesAdd?: Resolver<ResolversTypes['CartLinesAddPayload'], ParentType, ContextType, RequireFields<MutationCartLinesAddArgs, 'cartId' | 'lines'>>;
  cartLinesRemove?: Resolver<ResolversTypes['CartLinesRemovePayload'], ParentType, ContextType, RequireFields<MutationCartLinesRemoveArgs, 'cartId' | 'lineIds'>>;
  cartLinesUpdate?: Resolver<ResolversTypes['CartLinesUpdatePayload'], ParentType, ContextType, RequireFields<MutationCartLinesUpdateArgs, 'cartId' | 'lines'>>;
  cartSelectedShippingOptionUpdate?: Resolver<ResolversTypes['CartSelectedShippingOptionUpdatePayload'], ParentType, ContextType, RequireFields<MutationCartSelectedShippingOptionUpdateArgs, 'cartId' | 'shippingOptionId'>>;
  cartShippingAddressUpdate?: Resolver<ResolversTypes['CartShippingAddressUpdatePayload'], ParentType, ContextType, RequireFields<MutationCartShippingAddressUpdateArgs, 'address' | 'cartId'>>;
}>;

export type ProductVariantResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType, RequireFields<QueryCartArgs, 'id'>>;
}>;

export type ShippingOptionResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['ShippingOption'] = ResolversParentTypes['ShippingOption']> = ResolversObject<{
  carrier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  estimatedDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = CartContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = CartContext> = ResolversObject<{
  Cart?: CartResolvers<ContextType>;
  CartAddress?: CartAddressResolvers<ContextType>;
  CartBuyerIdentity?: CartBuyerIdentityResolvers<ContextType>;
  CartBuyerIdentityUpdatePayload?: CartBuyerIdentityUpdatePayloadResolvers<ContextType>;
  CartCheckoutPayload?: CartCheckoutPayloadResolvers<ContextType>;
  CartCost?: CartCostResolvers<ContextType>;
  CartCreatePayload?: CartCreatePayloadResolvers<ContextType>;
  CartDiscountCode?: CartDiscountCodeResolvers<ContextType>;
  CartDiscountCodesUpdatePayload?: CartDiscountCodesUpdatePayloadResolvers<ContextType>;
  CartLine?: CartLineResolvers<ContextType>;
  CartLineCost?: CartLineCostResolvers<ContextType>;
  CartLinesAddPayload?: CartLinesAddPayloadResolvers<ContextType>;
  CartLinesRemovePayload?: CartLinesRemovePayloadResolvers<ContextType>;
  CartLinesUpdatePayload?: CartLinesUpdatePayloadResolvers<ContextType>;
  CartSelectedShippingOptionUpdatePayload?: CartSelectedShippingOptionUpdatePayloadResolvers<ContextType>;
  CartShippingAddressUpdatePayload?: CartShippingAddressUpdatePayloadResolvers<ContextType>;
  CartWarning?: CartWarningResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Location?: LocationResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ShippingOption?: ShippingOptionResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

