import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Customer as CustomerModel } from '../entities/customer.entity.ts';
import type { Address as AddressModel } from '../entities/address.entity.ts';
import type { PartnerApiKey as PartnerApiKeyModel } from '../entities/partner-api-key.entity.ts';
import type { CustomersContext } from '../context.ts';
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

/** A shopper's (or staff member's) account. Visible only to that account itself and to staff. */
export type Customer = {
  __typename?: 'Customer';
  /** The customer's address book, oldest first. */
  addresses: MailingAddressConnection;
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The address used by default for shipping, if any. */
  defaultAddress?: Maybe<MailingAddress>;
  /** The name to greet the customer with: first and last name, or the email when no name is known. */
  displayName: Scalars['String']['output'];
  /** The login email, lower-cased. */
  email: Scalars['String']['output'];
  /** Given name, if known. */
  firstName?: Maybe<Scalars['String']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** Family name, if known. */
  lastName?: Maybe<Scalars['String']['output']>;
};


/** A shopper's (or staff member's) account. Visible only to that account itself and to staff. */
export type CustomerAddressesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A bearer token for the `Authorization` header. */
export type CustomerAccessToken = {
  __typename?: 'CustomerAccessToken';
  /** The token (a short-lived JWT). */
  accessToken: Scalars['String']['output'];
  /** When the token stops working; log in again after that. */
  expiresAt: Scalars['DateTime']['output'];
};

/** Login credentials. */
export type CustomerAccessTokenCreateInput = {
  /** The account's email. */
  email: Scalars['String']['input'];
  /** The account's password. */
  password: Scalars['String']['input'];
};

/** Result of `customerAccessTokenCreate`. */
export type CustomerAccessTokenCreatePayload = {
  __typename?: 'CustomerAccessTokenCreatePayload';
  /** The token; null when `userErrors` is not empty. */
  customerAccessToken?: Maybe<CustomerAccessToken>;
  /** `UNIDENTIFIED_CUSTOMER` for any wrong email or password (which of the two is never said); `THROTTLED` (field null) when the email has had too many failed attempts recently: the password was not checked, try again later. */
  userErrors: Array<UserError>;
};

/** Result of `customerAddressCreate`. */
export type CustomerAddressCreatePayload = {
  __typename?: 'CustomerAddressCreatePayload';
  /** The new address; null when `userErrors` is not empty. */
  customerAddress?: Maybe<MailingAddress>;
  /** `UNAUTHENTICATED`, `BLANK`, `INVALID`, `TOO_LONG`, `ADDRESS_LIMIT_REACHED`. */
  userErrors: Array<UserError>;
};

/** Result of `customerAddressDelete`. */
export type CustomerAddressDeletePayload = {
  __typename?: 'CustomerAddressDeletePayload';
  /** The id of the removed address; null when `userErrors` is not empty. */
  deletedCustomerAddressId?: Maybe<Scalars['ID']['output']>;
  /** `UNAUTHENTICATED`, `NOT_FOUND`. */
  userErrors: Array<UserError>;
};

/** Result of `customerAddressUpdate`. */
export type CustomerAddressUpdatePayload = {
  __typename?: 'CustomerAddressUpdatePayload';
  /** The updated address; null when `userErrors` is not empty. */
  customerAddress?: Maybe<MailingAddress>;
  /** `UNAUTHENTICATED`, `NOT_FOUND` (no such address in your address book), `BLANK`, `INVALID`, `TOO_LONG`. */
  userErrors: Array<UserError>;
};

/** A new account's details. */
export type CustomerCreateInput = {
  /** Login email; compared case-insensitively. */
  email: Scalars['String']['input'];
  /** Given name. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Family name. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** At least 8 and at most 256 characters. */
  password: Scalars['String']['input'];
};

/** Result of `customerCreate`. */
export type CustomerCreatePayload = {
  __typename?: 'CustomerCreatePayload';
  /** The new account; null when `userErrors` is not empty. */
  customer?: Maybe<Customer>;
  /** Why the account was not created: `BLANK`, `INVALID`, `TOO_LONG`, `TAKEN`, `PASSWORD_TOO_SHORT`, `PASSWORD_TOO_LONG`. */
  userErrors: Array<UserError>;
};

/** Result of `customerDefaultAddressUpdate`. */
export type CustomerDefaultAddressUpdatePayload = {
  __typename?: 'CustomerDefaultAddressUpdatePayload';
  /** The customer with their new default address; null when `userErrors` is not empty. */
  customer?: Maybe<Customer>;
  /** `UNAUTHENTICATED`, `NOT_FOUND`. */
  userErrors: Array<UserError>;
};

/** Changes to the signed-in customer's name. */
export type CustomerUpdateInput = {
  /** New given name; null or empty clears it. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** New family name; null or empty clears it. */
  lastName?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `customerUpdate`. */
export type CustomerUpdatePayload = {
  __typename?: 'CustomerUpdatePayload';
  /** The updated account; null when `userErrors` is not empty. */
  customer?: Maybe<Customer>;
  /** `UNAUTHENTICATED`, `TOO_LONG`. */
  userErrors: Array<UserError>;
};

/** A postal address in a customer's address book. */
export type MailingAddress = {
  __typename?: 'MailingAddress';
  /** Street address. */
  address1: Scalars['String']['output'];
  /** Apartment, suite or unit. */
  address2?: Maybe<Scalars['String']['output']>;
  /** City or town. */
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code, e.g. `CA`. */
  countryCode: Scalars['String']['output'];
  /** Recipient's given name. */
  firstName?: Maybe<Scalars['String']['output']>;
  /** The address as lines ready to print, ending with the country's English name. */
  formatted: Array<Scalars['String']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** Recipient's family name. */
  lastName?: Maybe<Scalars['String']['output']>;
  /** Phone number for the carrier. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Region code (state, province, prefecture), e.g. `ON`. */
  provinceCode?: Maybe<Scalars['String']['output']>;
  /** Postal or ZIP code. */
  zip?: Maybe<Scalars['String']['output']>;
};


/** A postal address in a customer's address book. */
export type MailingAddressFormattedArgs = {
  withName?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of addresses. */
export type MailingAddressConnection = {
  __typename?: 'MailingAddressConnection';
  /** The addresses on this page, each with its cursor. */
  edges: Array<MailingAddressEdge>;
  /** The addresses on this page. */
  nodes: Array<MailingAddress>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** An address and its position in the list. */
export type MailingAddressEdge = {
  __typename?: 'MailingAddressEdge';
  /** Pass as `after` to continue after this address. */
  cursor: Scalars['String']['output'];
  /** The address. */
  node: MailingAddress;
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

export type Mutation = {
  __typename?: 'Mutation';
  /** Logs in with email and password, returning a bearer token for the `Authorization` header. Staff log in the same way; their role is in the token. After 5 failed attempts for an email within 15 minutes, further attempts for it are refused with `THROTTLED` (whether or not the email has an account) until the oldest of those failures is 15 minutes old; a successful log-in clears the count. */
  customerAccessTokenCreate: CustomerAccessTokenCreatePayload;
  /** Adds an address to the signed-in customer's address book. The first address becomes the default. */
  customerAddressCreate: CustomerAddressCreatePayload;
  /** Removes one of the signed-in customer's addresses. Removing the default address leaves the customer without one. */
  customerAddressDelete: CustomerAddressDeletePayload;
  /** Changes one of the signed-in customer's addresses. Omitted fields are left as they are; null clears an optional one. */
  customerAddressUpdate: CustomerAddressUpdatePayload;
  /** Registers a customer account. Accounts created here are always plain customers, never staff. */
  customerCreate: CustomerCreatePayload;
  /** Makes one of the signed-in customer's addresses their default. */
  customerDefaultAddressUpdate: CustomerDefaultAddressUpdatePayload;
  /** Changes the signed-in customer's name. Omitted fields are left as they are; null or an empty string clears one. */
  customerUpdate: CustomerUpdatePayload;
  /** Creates a partner API key (staff). Its secret is in the payload, once: only a hash of it is kept. Partners send it in `X-API-Key`. */
  partnerApiKeyCreate: PartnerApiKeyCreatePayload;
  /** Revokes a partner API key (staff): the gateway refuses it from then on (within its cache time, 30 s by default). Revoking a revoked key changes nothing. */
  partnerApiKeyRevoke: PartnerApiKeyRevokePayload;
};


export type MutationCustomerAccessTokenCreateArgs = {
  input: CustomerAccessTokenCreateInput;
};


export type MutationCustomerAddressCreateArgs = {
  address: MailingAddressInput;
};


export type MutationCustomerAddressDeleteArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCustomerAddressUpdateArgs = {
  address: MailingAddressInput;
  id: Scalars['ID']['input'];
};


export type MutationCustomerCreateArgs = {
  input: CustomerCreateInput;
};


export type MutationCustomerDefaultAddressUpdateArgs = {
  addressId: Scalars['ID']['input'];
};


export type MutationCustomerUpdateArgs = {
  input: CustomerUpdateInput;
};


export type MutationPartnerApiKeyCreateArgs = {
  input: PartnerApiKeyCreateInput;
};


export type MutationPartnerApiKeyRevokeArgs = {
  id: Scalars['ID']['input'];
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

/** An API key a partner sends in `X-API-Key`. Its secret is never shown again after creation. */
export type PartnerApiKey = {
  __typename?: 'PartnerApiKey';
  /** When the key was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Opaque global id (`gid://commerce/PartnerApiKey/<uuid>`). */
  id: Scalars['ID']['output'];
  /** When the gateway last verified the key (recorded at most once a minute, and the gateway caches keys, so it may lag by a minute or two); null if never used. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whose key it is, e.g. the partner's company and integration. */
  name: Scalars['String']['output'];
  /** When the key was revoked; null while it works. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A page of partner API keys. */
export type PartnerApiKeyConnection = {
  __typename?: 'PartnerApiKeyConnection';
  /** The keys on this page, each with its cursor. */
  edges: Array<PartnerApiKeyEdge>;
  /** The keys on this page. */
  nodes: Array<PartnerApiKey>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A new partner API key's details. */
export type PartnerApiKeyCreateInput = {
  /** Whose key it is (1 to 100 characters, no control characters). */
  name: Scalars['String']['input'];
};

/** Result of `partnerApiKeyCreate`. */
export type PartnerApiKeyCreatePayload = {
  __typename?: 'PartnerApiKeyCreatePayload';
  /** The new key; null when `userErrors` is not empty. */
  apiKey?: Maybe<PartnerApiKey>;
  /** The secret to give the partner (`sgc_` and 43 more characters), shown this once; null when `userErrors` is not empty. */
  secret?: Maybe<Scalars['String']['output']>;
  /** `UNAUTHENTICATED`, `FORBIDDEN` (not staff), `BLANK`, `TOO_LONG`, `INVALID`. */
  userErrors: Array<UserError>;
};

/** A partner API key and its position in the list. */
export type PartnerApiKeyEdge = {
  __typename?: 'PartnerApiKeyEdge';
  /** Pass as `after` to continue after this key. */
  cursor: Scalars['String']['output'];
  /** The key. */
  node: PartnerApiKey;
};

/** Internal: the partner behind a valid API key, as the gateway needs it. */
export type PartnerApiKeyInfo = {
  __typename?: 'PartnerApiKeyInfo';
  /** The key's global id; the partner's identity at the gateway (rate limits, logs). */
  id: Scalars['ID']['output'];
  /** The key's name. */
  name: Scalars['String']['output'];
};

/** Result of `partnerApiKeyRevoke`. */
export type PartnerApiKeyRevokePayload = {
  __typename?: 'PartnerApiKeyRevokePayload';
  /** The key, revoked; null when `userErrors` is not empty. */
  apiKey?: Maybe<PartnerApiKey>;
  /** `UNAUTHENTICATED`, `FORBIDDEN` (not staff), `NOT_FOUND`. */
  userErrors: Array<UserError>;
};

export type Query = {
  __typename?: 'Query';
  /** The signed-in customer (or staff member); null for an anonymous shopper. */
  me?: Maybe<Customer>;
  /** Partner API keys, newest first, revoked ones included (staff). Hidden from partners' schema. */
  partnerApiKeys: PartnerApiKeyConnection;
  /** Internal (the gateway only, never exposed by it): the partner behind an `X-API-Key` secret; null when the secret is unknown or its key was revoked. */
  partnerByApiKey?: Maybe<PartnerApiKeyInfo>;
};


export type QueryPartnerApiKeysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPartnerByApiKeyArgs = {
  secret: Scalars['String']['input'];
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
  Customer: Customer;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Customer: ResolverTypeWrapper<CustomerModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CustomerAccessToken: ResolverTypeWrapper<CustomerAccessToken>;
  CustomerAccessTokenCreateInput: CustomerAccessTokenCreateInput;
  CustomerAccessTokenCreatePayload: ResolverTypeWrapper<CustomerAccessTokenCreatePayload>;
  CustomerAddressCreatePayload: ResolverTypeWrapper<Omit<CustomerAddressCreatePayload, 'customerAddress'> & { customerAddress?: Maybe<ResolversTypes['MailingAddress']> }>;
  CustomerAddressDeletePayload: ResolverTypeWrapper<CustomerAddressDeletePayload>;
  CustomerAddressUpdatePayload: ResolverTypeWrapper<Omit<CustomerAddressUpdatePayload, 'customerAddress'> & { customerAddress?: Maybe<ResolversTypes['MailingAddress']> }>;
  CustomerCreateInput: CustomerCreateInput;
  CustomerCreatePayload: ResolverTypeWrapper<Omit<CustomerCreatePayload, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  CustomerDefaultAddressUpdatePayload: ResolverTypeWrapper<Omit<CustomerDefaultAddressUpdatePayload, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  CustomerUpdateInput: CustomerUpdateInput;
  CustomerUpdatePayload: ResolverTypeWrapper<Omit<CustomerUpdatePayload, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  MailingAddress: ResolverTypeWrapper<AddressModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  MailingAddressConnection: ResolverTypeWrapper<Omit<MailingAddressConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['MailingAddressEdge']>, nodes: Array<ResolversTypes['MailingAddress']> }>;
  MailingAddressEdge: ResolverTypeWrapper<Omit<MailingAddressEdge, 'node'> & { node: ResolversTypes['MailingAddress'] }>;
  MailingAddressInput: MailingAddressInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PartnerApiKey: ResolverTypeWrapper<PartnerApiKeyModel>;
  PartnerApiKeyConnection: ResolverTypeWrapper<Omit<PartnerApiKeyConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['PartnerApiKeyEdge']>, nodes: Array<ResolversTypes['PartnerApiKey']> }>;
  PartnerApiKeyCreateInput: PartnerApiKeyCreateInput;
  PartnerApiKeyCreatePayload: ResolverTypeWrapper<Omit<PartnerApiKeyCreatePayload, 'apiKey'> & { apiKey?: Maybe<ResolversTypes['PartnerApiKey']> }>;
  PartnerApiKeyEdge: ResolverTypeWrapper<Omit<PartnerApiKeyEdge, 'node'> & { node: ResolversTypes['PartnerApiKey'] }>;
  PartnerApiKeyInfo: ResolverTypeWrapper<PartnerApiKeyInfo>;
  PartnerApiKeyRevokePayload: ResolverTypeWrapper<Omit<PartnerApiKeyRevokePayload, 'apiKey'> & { apiKey?: Maybe<ResolversTypes['PartnerApiKey']> }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UserError: ResolverTypeWrapper<UserError>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Customer: CustomerModel;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  CustomerAccessToken: CustomerAccessToken;
  CustomerAccessTokenCreateInput: CustomerAccessTokenCreateInput;
  CustomerAccessTokenCreatePayload: CustomerAccessTokenCreatePayload;
  CustomerAddressCreatePayload: Omit<CustomerAddressCreatePayload, 'customerAddress'> & { customerAddress?: Maybe<ResolversParentTypes['MailingAddress']> };
  CustomerAddressDeletePayload: CustomerAddressDeletePayload;
  CustomerAddressUpdatePayload: Omit<CustomerAddressUpdatePayload, 'customerAddress'> & { customerAddress?: Maybe<ResolversParentTypes['MailingAddress']> };
  CustomerCreateInput: CustomerCreateInput;
  CustomerCreatePayload: Omit<CustomerCreatePayload, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  CustomerDefaultAddressUpdatePayload: Omit<CustomerDefaultAddressUpdatePayload, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  CustomerUpdateInput: CustomerUpdateInput;
  CustomerUpdatePayload: Omit<CustomerUpdatePayload, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  DateTime: Scalars['DateTime']['output'];
  MailingAddress: AddressModel;
  Boolean: Scalars['Boolean']['output'];
  MailingAddressConnection: Omit<MailingAddressConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['MailingAddressEdge']>, nodes: Array<ResolversParentTypes['MailingAddress']> };
  MailingAddressEdge: Omit<MailingAddressEdge, 'node'> & { node: ResolversParentTypes['MailingAddress'] };
  MailingAddressInput: MailingAddressInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  PartnerApiKey: PartnerApiKeyModel;
  PartnerApiKeyConnection: Omit<PartnerApiKeyConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['PartnerApiKeyEdge']>, nodes: Array<ResolversParentTypes['PartnerApiKey']> };
  PartnerApiKeyCreateInput: PartnerApiKeyCreateInput;
  PartnerApiKeyCreatePayload: Omit<PartnerApiKeyCreatePayload, 'apiKey'> & { apiKey?: Maybe<ResolversParentTypes['PartnerApiKey']> };
  PartnerApiKeyEdge: Omit<PartnerApiKeyEdge, 'node'> & { node: ResolversParentTypes['PartnerApiKey'] };
  PartnerApiKeyInfo: PartnerApiKeyInfo;
  PartnerApiKeyRevokePayload: Omit<PartnerApiKeyRevokePayload, 'apiKey'> & { apiKey?: Maybe<ResolversParentTypes['PartnerApiKey']> };
  Query: Record<PropertyKey, never>;
  UserError: UserError;
}>;

export type CustomerResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  addresses?: Resolver<ResolversTypes['MailingAddressConnection'], ParentType, ContextType, Partial<CustomerAddressesArgs>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  defaultAddress?: Resolver<Maybe<ResolversTypes['MailingAddress']>, ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CustomerAccessTokenResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['CustomerAccessToken'] = ResolversParentTypes['CustomerAccessToken']> = ResolversObject<{
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type CustomerAccessTokenCreatePayloadResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['CustomerAccessTokenCreatePayload'] = ResolversParentTypes['CustomerAccessTokenCreatePayload']> = ResolversObject<{
  customerAccessToken?: Resolver<Maybe<ResolversTypes['CustomerAccessToken']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerAddressCreatePayloadResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['CustomerAddressCreatePayload'] = ResolversParentTypes['CustomerAddressCreatePayload']> = ResolversObject<{
  customerAddress?: Resolver<Maybe<ResolversTypes['MailingAddress']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerAddressDeletePayloadResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['CustomerAddressDeletePayload'] = ResolversParentTypes['CustomerAddressDeletePayload']> = ResolversObject<{
  deletedCustomerAddressId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerAddressUpdatePayloadResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['CustomerAddressUpdatePayload'] = ResolversParentTypes['CustomerAddressUpdatePayload']> = ResolversObject<{
  customerAddress?: Resolver<Maybe<ResolversTypes['MailingAddress']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerCreatePayloadResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['CustomerCreatePayload'] = ResolversParentTypes['CustomerCreatePayload']> = ResolversObject<{
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerDefaultAddressUpdatePayloadResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['CustomerDefaultAddressUpdatePayload'] = ResolversParentTypes['CustomerDefaultAddressUpdatePayload']> = ResolversObject<{
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerUpdatePayloadResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['CustomerUpdatePayload'] = ResolversParentTypes['CustomerUpdatePayload']> = ResolversObject<{
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MailingAddressResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['MailingAddress'] = ResolversParentTypes['MailingAddress']> = ResolversObject<{
  address1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  address2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  countryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  formatted?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType, RequireFields<MailingAddressFormattedArgs, 'withName'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provinceCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  zip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MailingAddressConnectionResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['MailingAddressConnection'] = ResolversParentTypes['MailingAddressConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['MailingAddressEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['MailingAddress']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type MailingAddressEdgeResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['MailingAddressEdge'] = ResolversParentTypes['MailingAddressEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['MailingAddress'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  customerAccessTokenCreate?: Resolver<ResolversTypes['CustomerAccessTokenCreatePayload'], ParentType, ContextType, RequireFields<MutationCustomerAccessTokenCreateArgs, 'input'>>;
  customerAddressCreate?: Resolver<ResolversTypes['CustomerAddressCreatePayload'], ParentType, ContextType, RequireFields<MutationCustomerAddressCreateArgs, 'address'>>;
  customerAddressDelete?: Resolver<ResolversTypes['CustomerAddressDeletePayload'], ParentType, ContextType, RequireFields<MutationCustomerAddressDeleteArgs, 'id'>>;
  customerAddressUpdate?: Resolver<ResolversTypes['CustomerAddressUpdatePayload'], ParentType, ContextType, RequireFields<MutationCustomerAddressUpdateArgs, 'address' | 'id'>>;
  customerCreate?: Resolver<ResolversTypes['CustomerCreatePayload'], ParentType, ContextType, RequireFields<MutationCustomerCreateArgs, 'input'>>;
  customerDefaultAddressUpdate?: Resolver<ResolversTypes['CustomerDefaultAddressUpdatePayload'], ParentType, ContextType, RequireFields<MutationCustomerDefaultAddressUpdateArgs, 'addressId'>>;
  customerUpdate?: Resolver<ResolversTypes['CustomerUpdatePayload'], ParentType, ContextType, RequireFields<MutationCustomerUpdateArgs, 'input'>>;
  partnerApiKeyCreate?: Resolver<ResolversTypes['PartnerApiKeyCreatePayload'], ParentType, ContextType, RequireFields<MutationPartnerApiKeyCreateArgs, 'input'>>;
  partnerApiKeyRevoke?: Resolver<ResolversTypes['PartnerApiKeyRevokePayload'], ParentType, ContextType, RequireFields<MutationPartnerApiKeyRevokeArgs, 'id'>>;
}>;

export type PageInfoResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PartnerApiKeyResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['PartnerApiKey'] = ResolversParentTypes['PartnerApiKey']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type PartnerApiKeyConnectionResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['PartnerApiKeyConnection'] = ResolversParentTypes['PartnerApiKeyConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PartnerApiKeyEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['PartnerApiKey']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type PartnerApiKeyCreatePayloadResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['PartnerApiKeyCreatePayload'] = ResolversParentTypes['PartnerApiKeyCreatePayload']> = ResolversObject<{
  apiKey?: Resolver<Maybe<ResolversTypes['PartnerApiKey']>, ParentType, ContextType>;
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type PartnerApiKeyEdgeResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['PartnerApiKeyEdge'] = ResolversParentTypes['PartnerApiKeyEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PartnerApiKey'], ParentType, ContextType>;
}>;

export type PartnerApiKeyInfoResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['PartnerApiKeyInfo'] = ResolversParentTypes['PartnerApiKeyInfo']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PartnerApiKeyRevokePayloadResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['PartnerApiKeyRevokePayload'] = ResolversParentTypes['PartnerApiKeyRevokePayload']> = ResolversObject<{
  apiKey?: Resolver<Maybe<ResolversTypes['PartnerApiKey']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  me?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  partnerApiKeys?: Resolver<ResolversTypes['PartnerApiKeyConnection'], ParentType, ContextType, Partial<QueryPartnerApiKeysArgs>>;
  partnerByApiKey?: Resolver<Maybe<ResolversTypes['PartnerApiKeyInfo']>, ParentType, ContextType, RequireFields<QueryPartnerByApiKeyArgs, 'secret'>>;
}>;

export type UserErrorResolvers<ContextType = CustomersContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = CustomersContext> = ResolversObject<{
  Customer?: CustomerResolvers<ContextType>;
  CustomerAccessToken?: CustomerAccessTokenResolvers<ContextType>;
  CustomerAccessTokenCreatePayload?: CustomerAccessTokenCreatePayloadResolvers<ContextType>;
  CustomerAddressCreatePayload?: CustomerAddressCreatePayloadResolvers<ContextType>;
  CustomerAddressDeletePayload?: CustomerAddressDeletePayloadResolvers<ContextType>;
  CustomerAddressUpdatePayload?: CustomerAddressUpdatePayloadResolvers<ContextType>;
  CustomerCreatePayload?: CustomerCreatePayloadResolvers<ContextType>;
  CustomerDefaultAddressUpdatePayload?: CustomerDefaultAddressUpdatePayloadResolvers<ContextType>;
  CustomerUpdatePayload?: CustomerUpdatePayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  MailingAddress?: MailingAddressResolvers<ContextType>;
  MailingAddressConnection?: MailingAddressConnectionResolvers<ContextType>;
  MailingAddressEdge?: MailingAddressEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PartnerApiKey?: PartnerApiKeyResolvers<ContextType>;
  PartnerApiKeyConnection?: PartnerApiKeyConnectionResolvers<ContextType>;
  PartnerApiKeyCreatePayload?: PartnerApiKeyCreatePayloadResolvers<ContextType>;
  PartnerApiKeyEdge?: PartnerApiKeyEdgeResolvers<ContextType>;
  PartnerApiKeyInfo?: PartnerApiKeyInfoResolvers<ContextType>;
  PartnerApiKeyRevokePayload?: PartnerApiKeyRevokePayloadResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

