// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import svelte from '@astrojs/svelte';

/**
 * Under `astro dev` nobody runs the start script: prepare the database (migrations, directory, demo
 * data) before the dev server answers, as `npm start` does before it listens.
 */
const prepareDevDatabase = {
  name: 'posvet-dev-database',
  hooks: {
    /** @param {{ server: import('vite').ViteDevServer }} options */
    'astro:server:setup': async ({ server }) => {
      const { prepareDevDatabase } = await server.ssrLoadModule('/src/lib/server/platform/setup.ts');
      await prepareDevDatabase();
    },
  },
};

// Nothing here reads the environment: configuration is read at run time (src/lib/server/platform/config.ts).
export default defineConfig({
  output: 'server',
  // Middleware mode: src/cli/start.ts runs the HTTP server, serves the static files from memory and
  // hands every other request to Astro.
  adapter: node({ mode: 'middleware' }),
  integrations: [svelte(), prepareDevDatabase],
  // For `astro dev`; the production server takes HOST and PORT from the environment (config.ts).
  server: { host: '127.0.0.1', port: 4321 },
  security: {
    // Cross-site form posts are refused with 403 by our middleware, against PUBLIC_URL's origin
    // (Astro's own check compares with the Host header, which is wrong behind a TLS proxy).
    checkOrigin: false,
    // Astro hashes every script and style it emits; nothing inline from elsewhere runs.
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
      ],
    },
  },
  // Chapters are rendered by our own marked-based renderer; Astro's Shiki would need inline styles.
  markdown: { syntaxHighlight: false },
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
