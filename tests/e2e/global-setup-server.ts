import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../support/server-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
    e2eDatabaseFile: string;
  }
}

/** One built server for all browser tests, on a free port, with its own empty database. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  try {
    const version = execFileSync(chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    console.log(`[e2e] ${version}`);
  } catch {
    throw new Error(`Chromium was not found at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-'));
  const server = await startServer({ DATA_DIR: dataDir, DEMO: '0', NODE_ENV: 'test' });
  project.provide('e2eBaseUrl', server.url);
  project.provide('e2eDatabaseFile', path.join(dataDir, 'rapport.db'));
  return async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
