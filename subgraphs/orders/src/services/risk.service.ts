import { BlockList, isIP } from 'node:net';
import type { RequestContext } from '#kit';

export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH';
export type RiskRecommendation = 'ACCEPT' | 'INVESTIGATE' | 'CANCEL';

/**
 * The rules, in one place. Velocity counts orders placed in the last hour (the one being placed
 * included); amounts are minor units of the order's currency. A HIGH rule, or two MEDIUM ones, make the
 * order HIGH, which holds it until staff approve it.
 */
export const RISK_RULES = {
  perCustomerPerHour: { medium: 3, high: 6 },
  perEmailPerHour: { medium: 3, high: 6 },
  perIpPerHour: { medium: 5, high: 10 },
  amountMinor: { medium: 200_000, high: 1_000_000 },
} as const;

export interface RiskFinding {
  level: Exclude<RiskLevel, 'LOW'>;
  reason: string;
}

export interface RiskAssessment {
  level: RiskLevel;
  recommendation: RiskRecommendation;
  reasons: string[];
}

/** Combines findings: pure, so the policy is tested on its own. */
export function assess(findings: readonly RiskFinding[]): RiskAssessment {
  const highs = findings.filter((finding) => finding.level === 'HIGH').length;
  const mediums = findings.length - highs;
  const level: RiskLevel = highs > 0 || mediums >= 2 ? 'HIGH' : mediums === 1 ? 'MEDIUM' : 'LOW';
  const recommendation: RiskRecommendation = level === 'HIGH' ? 'CANCEL' : level === 'MEDIUM' ? 'INVESTIGATE' : 'ACCEPT';
  return { level, recommendation, reasons: findings.map((finding) => finding.reason) };
}

function threshold(count: number, limits: { medium: number; high: number }, what: string): RiskFinding | null {
  if (count >= limits.high) return { level: 'HIGH', reason: `${count} orders ${what} in the last hour` };
  if (count >= limits.medium) return { level: 'MEDIUM', reason: `${count} orders ${what} in the last hour` };
  return null;
}

/**
 * The checkout-time findings for an order already inserted in `tx` (so it counts itself): velocity per
 * customer, email and IP over online orders (a sale at a store's till was made face to face, and is
 * never assessed itself), and the amount. One statement.
 */
export async function checkoutFindings(tx: RequestContext<unknown>, orderId: string): Promise<RiskFinding[]> {
  const [row] = await tx.em.execute<{ total_minor: number; by_customer: number; by_email: number; by_ip: number }[]>(
    `select o.total_minor,
            (select count(*)::int from customer_order c where o.customer_id is not null and c.customer_id = o.customer_id and c.channel = 'ONLINE'
               and c.created_at > now() - interval '1 hour') as by_customer,
            (select count(*)::int from customer_order c where o.email is not null and lower(c.email) = lower(o.email) and c.channel = 'ONLINE'
               and c.created_at > now() - interval '1 hour') as by_email,
            (select count(*)::int from customer_order c where o.client_ip is not null and c.client_ip = o.client_ip and c.channel = 'ONLINE'
               and c.created_at > now() - interval '1 hour') as by_ip
       from customer_order o where o.id = ?`,
    [orderId],
  );
  if (!row) throw new Error(`order ${orderId} not found for its risk assessment`);
  const findings = [
    threshold(row.by_customer, RISK_RULES.perCustomerPerHour, 'by this customer'),
    threshold(row.by_email, RISK_RULES.perEmailPerHour, 'with this email'),
    threshold(row.by_ip, RISK_RULES.perIpPerHour, 'from this IP address'),
  ].filter((finding): finding is RiskFinding => finding !== null);
  if (row.total_minor >= RISK_RULES.amountMinor.high) findings.push({ level: 'HIGH', reason: 'Order total above the hold threshold' });
  else if (row.total_minor >= RISK_RULES.amountMinor.medium) findings.push({ level: 'MEDIUM', reason: 'Order total above the review threshold' });
  return findings;
}

/**
 * Stores the findings' assessment (replacing any earlier one; the findings kept with their levels) and
 * holds a HIGH order. Never releases a hold by itself: only staff do (orderRiskApprove).
 */
export async function recordRisk(tx: RequestContext<unknown>, orderId: string, findings: readonly RiskFinding[]): Promise<RiskAssessment> {
  const assessment = assess(findings);
  await tx.em.execute(
    `insert into order_risk (order_id, level, recommendation, reasons) values (?, ?, ?, ?::jsonb)
     on conflict (order_id) do update set level = excluded.level, recommendation = excluded.recommendation,
       reasons = excluded.reasons, assessed_at = now()`,
    [orderId, assessment.level, assessment.recommendation, JSON.stringify(findings)],
  );
  if (assessment.level === 'HIGH') await tx.em.execute('update customer_order set held = true where id = ?', [orderId]);
  return assessment;
}

/** The payment-time finding: the billing country (the card's, when no address was given) against the shipping country. */
export function countryFinding(billingCountry: string | null, shippingCountry: string | null): RiskFinding | null {
  if (!billingCountry || !shippingCountry || billingCountry.toUpperCase() === shippingCountry.toUpperCase()) return null;
  return { level: 'MEDIUM', reason: `Billing country ${billingCountry.toUpperCase()}, shipping to ${shippingCountry.toUpperCase()}` };
}

/** The order's stored findings, to combine with a new one at payment. */
export async function storedFindings(tx: RequestContext<unknown>, orderId: string): Promise<RiskFinding[]> {
  const [row] = await tx.em.execute<{ reasons: RiskFinding[] }[]>('select reasons from order_risk where order_id = ?', [orderId]);
  return row?.reasons ?? [];
}

const PRIVATE = new BlockList();
for (const [network, prefix] of [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['127.0.0.0', 8], ['100.64.0.0', 10], ['169.254.0.0', 16]] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) PRIVATE.addSubnet(network, prefix, 'ipv6');

/**
 * The address the IP rule may count: a public one. A private or loopback address is a proxy's or the
 * machine's own (every order would share it), so it says nothing about the buyer.
 */
export function riskIp(address: string | null | undefined): string | null {
  if (!address) return null;
  const family = isIP(address);
  if (family === 0) return null;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6') ? null : address;
}
