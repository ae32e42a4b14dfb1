/**
 * How long a stopping process (SIGTERM, SIGINT) lets its requests in flight finish before it stops
 * anyway (src/cli/serve.ts): long enough for the open data's export of a whole consultation to a
 * slow reader, and within systemd's `TimeoutStopSec=30` (deploy/systemd/posvet.service), after
 * which systemd kills what is left.
 */
export const SHUTDOWN_GRACE_MS = 25_000;

/** The primary's backstop for workers that have not stopped on their own (src/cli/workers.ts). */
export const WORKERS_STOP_BACKSTOP_MS = SHUTDOWN_GRACE_MS + 2_000;
