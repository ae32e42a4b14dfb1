import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WORKERS_STOP_BACKSTOP_MS } from '../../src/lib/server/platform/shutdown.ts';

/*
 * The systemd units of the deployment recipe (deploy/systemd, README "Deployment") name files of
 * the installed portal, /srv/posvet: each must be a file this checkout has after `npm ci`, and the
 * Node they run must be the one the project pins (Node 24), not whatever the system has.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const units = readdirSync(join(root, 'deploy/systemd')).filter((name) => name.endsWith('.service'));

const readUnit = (unit: string) => readFileSync(join(root, 'deploy/systemd', unit), 'utf8');

/** The command lines a unit runs: ExecStart and its kin. */
function commands(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /^Exec\w*=/.test(line))
    .map((line) => line.slice(line.indexOf('=') + 1));
}

describe('the systemd units', () => {
  it('are there, both of them', () => {
    expect(units.sort()).toEqual(['posvet-backup.service', 'posvet.service']);
  });

  it('posvet.service gives a stopping portal longer than the portal gives its requests in flight', () => {
    const unit = readUnit('posvet.service');
    expect(unit).toMatch(/^KillSignal=SIGTERM$/m);
    const seconds = Number(unit.match(/^TimeoutStopSec=(\d+)$/m)?.[1]);
    expect(seconds * 1000).toBeGreaterThan(WORKERS_STOP_BACKSTOP_MS);
  });

  for (const unit of units) {
    it(`${unit}: runs the pinned Node 24 from the portal's own node_modules, on scripts that exist`, () => {
      const text = readUnit(unit);
      const lines = commands(text).filter((line) => line.includes(' src/cli/'));
      expect(lines).toHaveLength(1);
      const [, node, script] = lines[0]!.match(/(\/\S+\/node) (src\/cli\/\S+\.ts)/) ?? [];
      expect(node).toBe('/srv/posvet/node_modules/.bin/node');
      const installed = join(root, node!.replace('/srv/posvet/', ''));
      expect(execFileSync(installed, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
      expect(existsSync(join(root, script!))).toBe(true);
      expect(text).toMatch(/^WorkingDirectory=\/srv\/posvet$/m);
    });
  }
});
