/**
 * Ports for one run: a block of consecutive free loopback ports from a random base, above the usual ones
 * (npm start's 4000s, stripe-local's 12111, other helpers' 5000s and 6000s) and below the kernel's ephemeral
 * range, so a benchmark never collides with a developer's `npm start`, another benchmark, or the source port
 * of one of its own outgoing connections (which a port free at the start can become by the time it is used).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const LOWEST = 20_000;

export async function freePortBlock(size: number, attempts = 30): Promise<number> {
  const [low, high] = allowedRange();
  for (let attempt = 0; attempt < attempts; attempt++) {
    const base = low + Math.floor(Math.random() * Math.max(1, (high - low - size) / size)) * size;
    const free = await Promise.all(Array.from({ length: size }, (_, i) => isFree(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no block of ${size} free ports found`);
}

/** From 20000 up to the kernel's ephemeral range (Linux: 32768–60999 by default), or above it if it starts lower. */
function allowedRange(): [number, number] {
  let ephemeral = [32_768, 60_999];
  try {
    ephemeral = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
  } catch {
    // not Linux: assume its default
  }
  const [first = 32_768, last = 60_999] = ephemeral;
  return first > LOWEST + 1_000 ? [LOWEST, first] : [last + 1, 65_535];
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
