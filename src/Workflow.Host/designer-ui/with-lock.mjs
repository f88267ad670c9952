// Runs a command while holding a lock directory next to this file, so that parallel builds (several test
// projects building Workflow.Host at once) never run `npm ci` or the bundle twice at the same time.
// Usage: node with-lock.mjs <command> [args...]
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const lock = path.join(here, '.build.lock');
const deadline = Date.now() + 10 * 60 * 1000;
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

for (;;) {
  try {
    mkdirSync(lock);
    break;
  } catch (e) {
    if (e.code !== 'EEXIST') throw e;
    // A lock older than 10 minutes was left by a killed build.
    try { if (Date.now() - statSync(lock).mtimeMs > 10 * 60 * 1000) rmSync(lock, { recursive: true, force: true }); } catch { /* gone */ }
    if (Date.now() > deadline) { console.error('designer: chờ khóa build quá lâu (' + lock + ').'); process.exit(1); }
    sleep(250);
  }
}

let status = 1;
try {
  const [command, ...args] = process.argv.slice(2);
  const result = spawnSync(command, args, { cwd: here, stdio: 'inherit', shell: process.platform === 'win32' });
  status = result.status ?? 1;
  if (result.error) console.error(result.error.message);
} finally {
  rmSync(lock, { recursive: true, force: true });
}
process.exit(status);
