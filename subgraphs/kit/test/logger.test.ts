import { describe, expect, it } from 'vitest';
import { chooseLogFormat, createLogger, type LogFormat } from '#kit/logger.ts';

function collector() {
  const lines: string[] = [];
  return { lines, write: (line: string) => void lines.push(line) };
}

describe('log format', () => {
  it('is pretty on a terminal outside production, JSON in production and whenever piped', () => {
    const cases: [{ nodeEnv?: string; isTTY?: boolean }, LogFormat][] = [
      [{ isTTY: true }, 'pretty'],
      [{ nodeEnv: 'development', isTTY: true }, 'pretty'],
      [{ nodeEnv: 'test', isTTY: true }, 'pretty'],
      [{ nodeEnv: 'production', isTTY: true }, 'json'],
      [{ isTTY: false }, 'json'],
      [{}, 'json'],
      [{ nodeEnv: 'development', isTTY: false }, 'json'],
      [{ nodeEnv: 'production', isTTY: false }, 'json'],
    ];
    for (const [input, expected] of cases) expect(chooseLogFormat(input), JSON.stringify(input)).toBe(expected);
  });

  it('follows LOG_FORMAT over everything else, and refuses a value it does not know', () => {
    expect(chooseLogFormat({ logFormat: 'json', isTTY: true })).toBe('json');
    expect(chooseLogFormat({ logFormat: 'pretty', nodeEnv: 'production', isTTY: false })).toBe('pretty');
    expect(chooseLogFormat({ logFormat: ' Pretty ', isTTY: false })).toBe('pretty');
    expect(chooseLogFormat({ logFormat: '', isTTY: true })).toBe('pretty');
    expect(() => chooseLogFormat({ logFormat: 'yaml', isTTY: true })).toThrow(/LOG_FORMAT must be "pretty" or "json"/);
  });
});

describe('createLogger', () => {
  it('writes one JSON object per line with the service, redacting credentials', () => {
    const out = collector();
    const log = createLogger('gateway', { format: 'json', destination: out, level: 'info' });
    log.info({ req: { headers: { authorization: 'Bearer secret', accept: '*/*' } } }, 'request');
    expect(out.lines).toHaveLength(1);
    const line = JSON.parse(out.lines[0]!);
    expect(line).toMatchObject({ service: 'gateway', name: 'gateway', msg: 'request', level: 30, req: { headers: { accept: '*/*' } } });
    expect(line.req.headers).not.toHaveProperty('authorization');
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('writes readable lines through pino-pretty, credentials redacted there too', () => {
    const out = collector();
    const log = createLogger('products', { format: 'pretty', destination: out, level: 'info' });
    log.warn({ requestId: 'r-1', req: { headers: { authorization: 'Bearer secret' } } }, 'slow request');
    const text = out.lines.join('');
    expect(() => JSON.parse(out.lines[0]!)).toThrow();
    // "[12:34:56.789] WARN (products): slow request" then the fields, one per line.
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] .*WARN.* \(products\): .*slow request/);
    expect(text).toContain('requestId: "r-1"');
    expect(text).not.toContain('secret');
    expect(text).not.toMatch(/service:/);
  });
});
