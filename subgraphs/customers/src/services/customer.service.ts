import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { assertNoInputErrors, DomainError, issueAccessToken, optionalText, userError, type RequestContext, type UserError, type Viewer } from '#kit';
import { Customer, type CustomerRole } from '../entities/customer.entity.ts';
import { emailErrors, normaliseEmail } from './input-rules.ts';
import { beginLoginAttempt, loginSucceeded, throttleKeyOf } from './login-throttle.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, hashPassword, verifyAgainstDummy, verifyPassword } from './password.ts';

export interface NewCustomer {
  email: string;
  password: string;
  firstName?: string | null;
  lastName?: string | null;
}

export interface Credentials {
  email: string;
  password: string;
}

export interface NameChange {
  firstName?: string | null;
  lastName?: string | null;
}

const INPUT = 'input';

function passwordErrors(password: string, field: string[]): UserError[] {
  if (password === '') return [userError('BLANK', 'Password can’t be blank.', field)];
  if (password.length < PASSWORD_MIN_LENGTH) {
    return [userError('PASSWORD_TOO_SHORT', `Password is too short (at least ${PASSWORD_MIN_LENGTH} characters).`, field)];
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return [userError('PASSWORD_TOO_LONG', `Password is too long (at most ${PASSWORD_MAX_LENGTH} characters).`, field)];
  }
  return [];
}

function taken(): DomainError {
  return new DomainError('TAKEN', 'Email has already been taken.', [INPUT, 'email']);
}

/**
 * Registers an account. The public mutation always creates plain customers; only the seed passes
 * `role: 'staff'`, so nobody can sign themselves up as staff.
 */
export async function registerCustomer(
  ctx: RequestContext,
  input: NewCustomer,
  options: { role?: CustomerRole } = {},
): Promise<Customer> {
  const email = normaliseEmail(input.email);
  const errors = [...emailErrors(email, [INPUT, 'email']), ...passwordErrors(input.password, [INPUT, 'password'])];
  const firstName = optionalText(input.firstName, [INPUT, 'firstName'], errors, 'First name');
  const lastName = optionalText(input.lastName, [INPUT, 'lastName'], errors, 'Last name');
  assertNoInputErrors(errors);

  const { em } = ctx;
  // Checked before hashing so a taken email costs no scrypt; the unique constraint settles races.
  if ((await em.count(Customer, { email })) > 0) throw taken();
  const customer = em.create(Customer, {
    id: crypto.randomUUID(),
    email,
    firstName,
    lastName,
    passwordHash: await hashPassword(input.password),
    role: options.role ?? 'customer',
  });
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      em.clear();
      throw taken();
    }
    throw error;
  }
  return customer;
}

function unidentified(): DomainError {
  return new DomainError('UNIDENTIFIED_CUSTOMER', 'Unidentified customer: the email or password is wrong.');
}

/**
 * Logs in. Every failure is the same UNIDENTIFIED_CUSTOMER, and an unknown email costs the same scrypt
 * work as a wrong password, so neither the answer nor its timing tells which emails have accounts.
 * Too many recent failures for the email answer THROTTLED instead, unknown emails alike (login-throttle.ts).
 */
export async function createAccessToken(ctx: RequestContext, input: Credentials): Promise<{ accessToken: string; expiresAt: Date }> {
  const { em } = ctx;
  const email = normaliseEmail(input.email);
  // Rejected before any lookup: the answer cannot depend on whether the account exists.
  if (emailErrors(email, []).length > 0 || input.password === '' || input.password.length > PASSWORD_MAX_LENGTH) {
    throw unidentified();
  }
  // Counted as a failure from here on (and refused when over the limit) unless the password proves right.
  // Malformed input above is not counted: it never reaches a password check, so it guesses nothing.
  const attempt = await beginLoginAttempt(em, email, throttleKeyOf(ctx.keys));
  const customer = await em.findOne(Customer, { email });
  const valid = customer
    ? await verifyPassword(input.password, customer.passwordHash)
    : await verifyAgainstDummy(input.password);
  if (!customer || !valid) throw unidentified();
  await loginSucceeded(em, attempt);
  return issueAccessToken({ customerId: customer.id, role: customer.role }, ctx.keys);
}

/** The signed-in viewer's account id; anonymous viewers get UNAUTHENTICATED. */
export function requireSignedIn(viewer: Viewer): string {
  if (viewer.role === 'anonymous' || !viewer.customerId) {
    throw new DomainError('UNAUTHENTICATED', 'You must be signed in to do this.');
  }
  return viewer.customerId;
}

/** The viewer's own account; a token for a deleted account is as good as none. */
export async function requireCustomer(ctx: RequestContext): Promise<Customer> {
  const customer = await ctx.em.findOne(Customer, { id: requireSignedIn(ctx.viewer) });
  if (!customer) throw new DomainError('UNAUTHENTICATED', 'You must be signed in to do this.');
  return customer;
}

export async function updateCustomer(ctx: RequestContext, input: NameChange): Promise<Customer> {
  const customer = await requireCustomer(ctx);
  const errors: UserError[] = [];
  const firstName = optionalText(input.firstName, [INPUT, 'firstName'], errors, 'First name');
  const lastName = optionalText(input.lastName, [INPUT, 'lastName'], errors, 'Last name');
  assertNoInputErrors(errors);
  // Omitted means unchanged; null or blank clears.
  if (input.firstName !== undefined) customer.firstName = firstName;
  if (input.lastName !== undefined) customer.lastName = lastName;
  await ctx.em.flush();
  return customer;
}
