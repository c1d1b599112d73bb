import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json, found from this file's location rather than the working
 * directory, so `npm start` from anywhere (systemd, Docker, a test runner) finds `knowledge/`.
 */
export const projectRoot: string = fileURLToPath(new URL('../..', import.meta.url));
