import cluster, { type Worker } from 'node:cluster';
import { fromRoot } from '../lib/server/platform/paths.ts';
import { WORKERS_STOP_BACKSTOP_MS } from '../lib/server/platform/shutdown.ts';

/**
 * WORKERS > 1: this process (the primary) serves nothing itself. It forks `count` app processes
 * (src/cli/serve.ts) that listen on the same port — each accepts its connections from the one
 * listening socket (SCHED_NONE) — and keeps `count` running: a worker that stops is replaced, after a pause that
 * doubles with each stop in the last minute (never a tight loop when every new worker fails at
 * once). SIGTERM or SIGINT stops them all gracefully (each finishes its requests in flight) and then
 * the primary. Each worker does background work as platform/setup.ts says; the database was
 * prepared before (start.ts).
 */
const FIRST_PAUSE_MS = 100;
const LONGEST_PAUSE_MS = 30_000;

export function superviseWorkers(count: number): void {
  // The workers accept from the shared socket themselves. In Node's default round-robin the primary
  // accepts and passes each connection on; one passed to a worker as it is killed stays open in the
  // primary, unanswered, until the client gives up (seen in the workers' storm test: a request hung
  // for five minutes). Here a dying worker takes only the connections it had, and they are reset.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.setupPrimary({ exec: fromRoot('src/cli/serve.ts'), args: [] });
  const running = new Set<Worker>();
  let stopping = false;
  let stops: number[] = [];

  const fork = () => {
    const worker = cluster.fork();
    running.add(worker);
    worker.on('exit', (code, signal) => {
      running.delete(worker);
      if (stopping) {
        if (running.size === 0) {
          console.log('posvet: stopped.');
          process.exit(0);
        }
        return;
      }
      const now = Date.now();
      stops = [...stops.filter((at) => now - at < 60_000), now];
      const pause = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (stops.length - 1));
      console.error(`posvet: worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); a new one in ${pause} ms`);
      setTimeout(() => {
        if (!stopping) fork();
      }, pause);
    });
  };
  for (let i = 0; i < count; i++) fork();
  console.log(`posvet: primary ${process.pid} runs ${count} workers`);

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`posvet: ${signal} received; the workers finish their requests in flight…`);
    if (running.size === 0) process.exit(0);
    for (const worker of running) worker.process.kill('SIGTERM');
    // Each worker gives up on its own after SHUTDOWN_GRACE_MS; this is the backstop.
    setTimeout(() => {
      console.error(`posvet: workers still running after ${WORKERS_STOP_BACKSTOP_MS / 1000} s; stopping anyway.`);
      for (const worker of running) worker.process.kill('SIGKILL');
      process.exit(1);
    }, WORKERS_STOP_BACKSTOP_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
