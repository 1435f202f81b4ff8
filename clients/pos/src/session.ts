/**
 * What the terminal remembers. The clerk's token lives in sessionStorage: it survives a reload but not
 * the browser closing, and never outlasts its own expiry. The store the terminal stands in lives in
 * localStorage: it is the terminal's, not the clerk's, so it stays across log-ins.
 */

export interface StaffSession {
  token: string;
  expiresAt: string;
}

export interface StoreAddress {
  address1: string | null;
  address2: string | null;
  city: string | null;
  provinceCode: string | null;
  zip: string | null;
  countryCode: string | null;
}

export interface Terminal {
  store: { id: string; name: string; address: StoreAddress | null };
  /** The warehouses, to show their stock next to the store's. */
  warehouses: { id: string; name: string }[];
}

const SESSION_KEY = 'pos.session';
const TERMINAL_KEY = 'pos.terminal';

export function loadSession(): StaffSession | null {
  const session = readJson<StaffSession>(sessionStorage, SESSION_KEY);
  if (!session || Date.parse(session.expiresAt) <= Date.now()) return null;
  return session;
}

export function saveSession(session: StaffSession | null): void {
  writeJson(sessionStorage, SESSION_KEY, session);
}

export function loadTerminal(): Terminal | null {
  return readJson<Terminal>(localStorage, TERMINAL_KEY);
}

export function saveTerminal(terminal: Terminal | null): void {
  writeJson(localStorage, TERMINAL_KEY, terminal);
}

/**
 * The role the token was issued for. Read only to tell a customer at once that the till is for staff;
 * the API checks the signature and the role on every staff operation.
 */
export function roleOf(token: string): string | null {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const role = (JSON.parse(json) as { role?: unknown }).role;
    return typeof role === 'string' ? role : null;
  } catch {
    return null;
  }
}

export function readJson<T>(storage: Storage, key: string): T | null {
  try {
    const text = storage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

export function writeJson(storage: Storage, key: string, value: unknown): void {
  if (value === null || value === undefined) storage.removeItem(key);
  else storage.setItem(key, JSON.stringify(value));
}
