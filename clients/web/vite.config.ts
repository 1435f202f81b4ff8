import { defineConfig } from 'vite';
import { appConfig } from '../app-kit/vite.ts';

export default defineConfig(appConfig(new URL('.', import.meta.url), '/'));
