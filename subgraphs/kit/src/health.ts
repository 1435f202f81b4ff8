import { sendJson, type Route } from './http.ts';

/**
 * `/health/live` answers while the process runs; `/health/ready` only while it should get traffic: its
 * dependencies answer and it is not shutting down. Orchestrators restart on the first, route on the second.
 */
export function healthRoutes(options: { ready: () => Promise<void>; isShuttingDown: () => boolean }): Record<string, Route> {
  return {
    '/health/live': (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/health/ready': async (_req, res) => {
      if (options.isShuttingDown()) return sendJson(res, 503, { status: 'shutting-down' });
      try {
        await options.ready();
        sendJson(res, 200, { status: 'ok' });
      } catch {
        sendJson(res, 503, { status: 'unavailable' });
      }
    },
  };
}
