/**
 * The memory settings every service process runs with: the runner's supervisor gives them to each process it
 * starts (scripts/supervisor.ts), docker-compose to each service (scripts/deployment-files.ts).
 *
 * Why (issue 11). Under load (50 connections on the storefront's catalog queries, rounds of 20 s) the
 * gateway grew from 240 MB RSS to 565 MB, products from 170 to 414 and inventory to 390, and kept it. It is
 * not a leak: heap snapshots after the first and the fourth round held the same live objects (gateway 82.2
 * and 82.5 MB, products 47.0 and 47.6, inventory 45.9 and 44.9), and a forced collection brought each heap
 * back to 35-65 MB. It is V8 sizing its heap for a machine with plenty of memory (24 GB here: a 4 GB heap
 * limit), lazily:
 * - the young generation, where each request's short-lived objects go, grows to two 64 MB semi-spaces as
 *   soon as a process allocates quickly, 128 MB committed and kept: the largest part of the growth;
 * - the old generation is allowed to grow to several times what survives before a full collection
 *   (150-230 MB committed for 30-70 MB live);
 * - glibc's malloc gives each thread that allocates (V8's compiler and GC helpers, libuv's pool) an arena
 *   of its own, up to 8 per core, and once large blocks have been freed keeps up to 32 MB of free space in
 *   each rather than hand it back.
 * With the settings below (then with 8 MB semi-spaces), the same load, run back to back with the defaults,
 * left the gateway at 214-219 MB (565 before), products at 162-167 (405), inventory at 173-190 (458), from
 * the first round on, every process starting 20-50 MB smaller. The semi-space's CPU cost is below.
 *
 * The old generation's limit is what sets how eagerly V8 collects it: the growth allowed between full
 * collections goes from 4x under a limit of 2 GB or more down to 1.3x at 256 MB. 512 MB is about 1.4x and
 * still 6 times what a subgraph keeps live, 3 times the gateway with a full response cache (16 MiB by
 * default, RESPONSE_CACHE_MEMORY_MB). A process that really needs more ends with an out-of-memory crash
 * (and is restarted): whoever raises RESPONSE_CACHE_MEMORY_MB far raises --max-old-space-size with it.
 * An operator's NODE_OPTIONS and MALLOC_ variables win over these. These bound what a process takes under load;
 * what a busy spell leaves it holding once it goes quiet (V8's page pool) is given back by
 * subgraphs/kit/src/idle-memory.ts.
 *
 * Node's own TypeScript stripper stays in every process for good: the first .ts module a process loads
 * makes Node load amaro (swc compiled to WebAssembly), a 3.8 MB source string in the heap, about 6.5 MB of
 * WebAssembly memory (`external`) and their compiled code. So each process also imports
 * scripts/ts-cache/hooks.mjs, which serves every .ts module already stripped, from a cache the runner and the
 * image build fill (scripts/ts-cache/build.ts); a module missing from it (edited since) is stripped by Node
 * as before. Each service started alone as the runner starts it, with these settings, idle 6 s after ready,
 * without → with the hook: products 144 → 134 MB RSS, inventory 149 → 137, cart 148 → 137, orders 149 →
 * 140, shipping 148 → 139, customers 143 → 135, gateway 221 → 202 (RssAnon 162 → 147), stripe-local
 * 136 → 131; `external` 11 → 4.7 MB in each; 150-280 ms less CPU to start (about 15%). Importing a
 * module graph alone, after a full collection and without the MALLOC_ settings, it is 20-30 MB (gateway
 * 162 → 139, products 157 → 134, the runner's 107 → 87; `npm start` gives the runner the hook too).
 */

/**
 * V8 flags, first in each process's NODE_OPTIONS (a later flag of the same name wins): semi-spaces of at most
 * 16 MB instead of 64; an old generation limit of 512 MB instead of 4 GB.
 *
 * The semi-space is a trade between the process's CPU and its memory, measured three times with the bench
 * (`npm run bench -- --only listing,memory-supergraph,products-direct --connections 50`, back to back):
 * - 8 MB at first cost dearly under load: with 50 requests in flight, a small young generation fills before
 *   their objects are dead; each scavenge copies them, then promotes them, and the old generation collects
 *   what a larger young one would simply have dropped. 8 MB gave the listing 144 req/s for 9.9 ms of Node
 *   CPU each, 32 MB 204 req/s for 6.9 ms; 64 MB no better than 32.
 * - Then the subgraphs ran operations compiled by graphql-jit (kit/src/compiled-executor.ts) and the gateway
 *   shaped answers from a compiled plan (gateway/src/result-shaping/), allocating far less per request. 16 MB
 *   against 32 then, two runs each: the listing 5.1-5.4 ms of Node CPU against 5.2-5.7 (no difference beyond
 *   the noise), products answering directly at 700 req/s 1.53-1.60 ms against 1.28-1.33 (its allocation rate
 *   is the highest); and 30-40 MB less RSS in each busy subgraph (products 168-203 MB against 198-233,
 *   inventory 182-190 against 213-222). 24 MB sat between. 16 it is: it brings the busy subgraphs under
 *   200 MB for a few percent of CPU.
 * Idle processes never grow their young generation, so they keep their size either way.
 */
export const NODE_MEMORY_OPTIONS: readonly string[] = ['--max-semi-space-size=16', '--max-old-space-size=512'];

/**
 * glibc's malloc (mallopt(3); other C libraries ignore these): two arenas per process instead of up to eight
 * per core; and fixed thresholds of 128 KiB, so a large block (a response's buffer) is mapped and unmapped
 * on its own and free space at the top of a heap goes back to the system. By default glibc raises both
 * thresholds as large blocks are freed, up to 32 MB, after which it keeps them.
 */
export const MALLOC_SETTINGS: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '131072',
};

/** The hook that serves .ts modules from the stripped cache, as a file: URL (no space to break NODE_OPTIONS). */
export const TS_CACHE_HOOKS: string = new URL('./ts-cache/hooks.mjs', import.meta.url).href;

/** What a service's NODE_OPTIONS starts with: the V8 flags, then the hook, found at `hooks` (the image's path in docker-compose). */
export function serviceNodeOptions(hooks: string = TS_CACHE_HOOKS): string[] {
  return [...NODE_MEMORY_OPTIONS, `--import=${hooks}`];
}

/** `env` with the memory settings added: the flags before any NODE_OPTIONS it has, each MALLOC_ variable unless set. */
export function withMemorySettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    NODE_OPTIONS: [...serviceNodeOptions(), env.NODE_OPTIONS?.trim()].filter(Boolean).join(' '),
    ...Object.fromEntries(Object.entries(MALLOC_SETTINGS).map(([name, value]) => [name, env[name] || value])),
  };
}
