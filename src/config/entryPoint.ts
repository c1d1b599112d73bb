import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { projectRoot } from './projectRoot.ts';

/**
 * Whether the module at `moduleUrl` is the script node was started with (`npm start`, `npm run
 * ask`, `npm run register`), rather than imported by a test or another module. Symbolic links in
 * the script's path are resolved, so a linked checkout counts too.
 */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(moduleUrl);
  } catch {
    return false;
  }
}

/**
 * The one `.env` rule of every entry point: `.env` in the project folder (never the current
 * directory) fills in variables the environment does not already set.
 */
export function loadProjectEnv(): void {
  loadDotenv({ quiet: true, path: join(projectRoot, '.env') });
}
