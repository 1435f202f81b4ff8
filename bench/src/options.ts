/**
 * `npm run bench -- [flags]`: what a run measures and for how long. Pure, so a test pins the parsing.
 */
export interface BenchOptions {
  /** Catalog size: products, each with 3 variants (`--products N`, 10,000; `--quick`: 300). */
  products: number;
  /** Measured seconds per round (`--duration S`, 20; `--quick`: 3). */
  duration: number;
  /** Unmeasured seconds before each round (`--warmup S`, 5; `--quick`: 1). */
  warmup: number;
  /** Concurrent connections, one round each (`--connections 10,50`). */
  connections: number[];
  /** Only the scenarios whose name contains one of these (`--only listing,cart`); all by default. */
  only: string[];
  /** Run bench/src/faults.ts after the rounds (`--faults`). */
  faults: boolean;
  /** `--quick`: a tiny catalog and short rounds, to iterate on the harness or smoke-test it. */
  quick: boolean;
}

export const USAGE = `usage: npm run bench -- [--quick] [--products N] [--duration S] [--warmup S] [--connections 10,50] [--only a,b] [--faults [--soak-minutes M]]`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = {
    products: quick ? 300 : 10_000,
    duration: quick ? 3 : 20,
    warmup: quick ? 1 : 5,
    connections: [10, 50],
    only: [],
    faults: false,
    quick,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
      return next;
    };
    switch (flag) {
      case '--quick':
        break;
      case '--faults':
        options.faults = true;
        break;
      case '--soak-minutes':
        // Read by faults.ts (its soak's length); checked here so that a bad value fails before the run.
        wholeNumber(flag, value(), 0, 24 * 60);
        break;
      case '--products':
        options.products = wholeNumber(flag, value(), 1, 1_000_000);
        break;
      case '--duration':
        options.duration = wholeNumber(flag, value(), 1, 3600);
        break;
      case '--warmup':
        options.warmup = wholeNumber(flag, value(), 0, 600);
        break;
      case '--connections':
        options.connections = value().split(',').map((part) => wholeNumber(flag, part.trim(), 1, 1000));
        break;
      case '--only':
        options.only = value().split(',').map((part) => part.trim()).filter(Boolean);
        break;
      default:
        throw new Error(`unknown flag ${flag}\n${USAGE}`);
    }
  }
  return options;
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${flag} must be a whole number from ${min} to ${max}, not "${text}"`);
  return value;
}
