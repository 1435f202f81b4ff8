import type { Resolvers } from '../generated/resolvers-types.ts';
import { Cart } from './cart.ts';
import { Query } from './query.ts';
import { ShippingOption } from './shipping-option.ts';
import { ShippingRate } from './shipping-rate.ts';
import { ShippingZone } from './shipping-zone.ts';

export const resolvers: Resolvers = { Query, Cart, ShippingOption, ShippingZone, ShippingRate };
