import type { ServerResponse } from 'node:http';

/**
 * The security headers of every gateway response (GraphQL, health checks, webhooks, 404s), from this one
 * module. JSON answers get a Content-Security-Policy that allows nothing; a page served from the gateway's
 * origin (the explorer) replaces it on its own response with `contentSecurityPolicy(PAGE_CSP, extra)`,
 * after these defaults are set:
 *
 *   res.setHeader('content-security-policy', contentSecurityPolicy(PAGE_CSP, { 'img-src': ['data:'] }));
 */
export type CspDirectives = Readonly<Record<string, readonly string[]>>;

/** For API responses: nothing may load, nothing may frame them. */
export const API_CSP: CspDirectives = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** For a page of the gateway's own (the explorer): its own scripts, styles and API only, no third party. */
export const PAGE_CSP: CspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

/** `base` with `extra`'s sources added to each directive it names (new directives are added), as header text. */
export function contentSecurityPolicy(base: CspDirectives, extra: CspDirectives = {}): string {
  const merged = new Map<string, string[]>(Object.entries(base).map(([name, sources]) => [name, [...sources]]));
  for (const [name, sources] of Object.entries(extra)) {
    const current = (merged.get(name) ?? []).filter((source) => source !== "'none'");
    merged.set(name, [...new Set([...current, ...sources])]);
  }
  return [...merged].map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** HSTS: browsers keep to HTTPS for a year (production only: development runs on plain http://localhost). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

export function securityHeaders(options: { production: boolean }): Readonly<Record<string, string>> {
  return {
    'content-security-policy': contentSecurityPolicy(API_CSP),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    'x-permitted-cross-domain-policies': 'none',
    ...(options.production ? { 'strict-transport-security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}

export function applySecurityHeaders(res: ServerResponse, headers: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
