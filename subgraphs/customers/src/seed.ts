import { DomainError, InputErrors, type RequestContext } from '#kit';
import { Address } from './entities/address.entity.ts';
import { Customer } from './entities/customer.entity.ts';
import { registerCustomer } from './services/customer.service.ts';

/** The demo shopper `npm start` can print, for trying the storefront without registering. */
export const DEMO_CUSTOMER_EMAIL = 'demo@example.com';
export const DEMO_CUSTOMER_PASSWORD = 'demo-password-2026';

/**
 * Seeds the staff account (from SEED_STAFF_EMAIL / SEED_STAFF_PASSWORD) and a demo customer with an
 * address. Runs once: when any staff account exists it does nothing. Accounts go through the same
 * validation and hashing as registration, so an unusable staff email or password fails loudly here.
 */
export async function seedCustomers(
  ctx: RequestContext,
  input: { staffEmail: string; staffPassword: string },
): Promise<{ created: boolean }> {
  if ((await ctx.em.count(Customer, { role: 'staff' })) > 0) return { created: false };
  await ctx.transaction(async (tx) => {
    await createStaff(tx, input.staffEmail, input.staffPassword);
    if ((await tx.em.count(Customer, { email: DEMO_CUSTOMER_EMAIL })) > 0) return;
    const demo = await registerCustomer(tx, {
      email: DEMO_CUSTOMER_EMAIL,
      password: DEMO_CUSTOMER_PASSWORD,
      firstName: 'Demo',
      lastName: 'Shopper',
    });
    const address = tx.em.create(Address, {
      id: crypto.randomUUID(),
      customerId: demo.id,
      firstName: 'Demo',
      lastName: 'Shopper',
      address1: '150 Elgin Street',
      address2: 'Suite 800',
      city: 'Ottawa',
      provinceCode: 'ON',
      zip: 'K2P 1L4',
      countryCode: 'CA',
      phone: '+1 613-555-0100',
    });
    // The default address's foreign key needs the address row first.
    await tx.em.flush();
    demo.defaultAddressId = address.id;
  });
  return { created: true };
}

async function createStaff(ctx: RequestContext, email: string, password: string): Promise<void> {
  try {
    await registerCustomer(ctx, { email, password, firstName: 'Store', lastName: 'Staff' }, { role: 'staff' });
  } catch (error) {
    const problems =
      error instanceof InputErrors ? error.errors : error instanceof DomainError ? [error.toUserError()] : null;
    if (!problems) throw error;
    throw new Error(`Cannot create the staff account ${email}: ${problems.map((p) => p.message).join(' ')}`, {
      cause: error,
    });
  }
}
