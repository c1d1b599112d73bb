/**
 * `npm start`'s first step: compiles src/ to dist/ (`npm run build`) when dist/ is missing or older
 * than a source file, so a production start runs plain JavaScript and never compiles TypeScript
 * on the way. Plain JavaScript itself, since it runs before any build.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = path.join(root, 'dist', '.build-stamp');

/** Every input of the build: the sources and the compiler settings. */
function inputs() {
  const files = ['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => path.join(root, f));
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts')) files.push(file);
    }
  };
  walk(path.join(root, 'src'));
  return files;
}

/** What the build was made from: each input and its modification time. */
function fingerprint() {
  return inputs()
    .map((f) => `${path.relative(root, f)} ${statSync(f).mtimeMs}`)
    .sort()
    .join('\n');
}

let built = '';
try {
  built = readFileSync(stampFile, 'utf8');
} catch {
  // No build yet.
}
const now = fingerprint();
if (built !== now) {
  process.stderr.write('citebot: building (npm run build)…\n');
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  writeFileSync(stampFile, now);
}
