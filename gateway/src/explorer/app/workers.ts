/**
 * Monaco's web workers, from the gateway's own origin (bundled beside the page, never a CDN). Imported
 * first by main.ts, so it is in place before any editor starts.
 */
import { browser, readConfig } from './browser.ts';

const { workers } = readConfig();

browser.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const url = workers[label] ?? workers.editor;
    if (!url) throw new Error(`explorer: no worker for ${label}`);
    return new browser.Worker(url, { name: label });
  },
};
