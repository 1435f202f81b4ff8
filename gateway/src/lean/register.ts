// Imported first by gateway/src/main.ts, so the replacement is in place before @apollo/gateway loads (modules.ts).
import { loadLean } from './modules.ts';

loadLean();
