import { DateTimeScalar as DateTime } from '#kit';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Cart } from './cart.ts';
import { Mutation } from './mutation.ts';
import { Order } from './order.ts';
import { Query } from './query.ts';
import { Shipment, ShipmentLine } from './shipment.ts';
import { ShippingOption } from './shipping-option.ts';
import { ShippingRate } from './shipping-rate.ts';
import { ShippingZone } from './shipping-zone.ts';

export const resolvers: Resolvers = { DateTime, Query, Mutation, Cart, Order, Shipment, ShipmentLine, ShippingOption, ShippingZone, ShippingRate };
