/** The explorer page's entry point: esbuild bundles it, with its stylesheet (style.css), into app.js and app.css. */
import './workers.ts';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { browser, readConfig } from './browser.ts';
import { Explorer } from './explorer.ts';

const container = browser.document.getElementById('explorer');
if (!container) throw new Error('explorer: the page has no #explorer');
createRoot(container).render(createElement(Explorer, { config: readConfig() }));
