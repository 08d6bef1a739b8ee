import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './errors.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** dist/web, whether we run compiled (dist/src/server/plugins) or from source (src/server/plugins). */
export function findWebRoot(): string | null {
  const candidates = [path.resolve(here, '../../../web'), path.resolve(here, '../../../dist/web')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? null;
}

/**
 * Serves the built React app: hashed assets cached for a year, every other non-API path
 * answered with index.html so the client-side router can take it. Unknown /api paths get JSON.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string | null): Promise<void> {
  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      index: false,
      // One route per built file: any other path (including `/`) falls through to the app's index.html below.
      wildcard: false,
      setHeaders(reply, filePath) {
        // Hashed file names change with every build, so they may be kept; index.html must be revalidated.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable');
        else if (filePath.endsWith('index.html')) reply.header('cache-control', 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api');
    if (!wantsPage) return sendError(reply, request, 'NOT_FOUND', `No API route ${request.method} ${request.url.split('?')[0]}.`);
    if (!webRoot) return sendError(reply, request, 'UNAVAILABLE', 'The web app has not been built. Run `npm run build`.');
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  });
}
