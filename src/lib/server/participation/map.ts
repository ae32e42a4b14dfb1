import { readFileSync } from 'node:fs';
import { fromRoot } from '../platform/paths.ts';

/**
 * The geometry of the participation map: D96/TM (EPSG:3794) — the GURS centroids' system — drawn
 * into an SVG viewBox with north up and one scale for both axes, and Slovenia's outline (WGS84 in
 * db/seed/slovenia-outline.json, source in db/seed/README.md) projected into it.
 */

// GRS80 ellipsoid; D96/TM: transverse Mercator on 15° E, scale 0.9999, false easting 500 km,
// false northing −5000 km. ETRS89 (D96) and WGS84 differ by well under a metre here.
const A = 6_378_137;
const F = 1 / 298.257222101;
const E2 = F * (2 - F);
const EP2 = E2 / (1 - E2);
const K0 = 0.9999;
const LON0 = (15 * Math.PI) / 180;

function meridianArc(phi: number): number {
  const e4 = E2 * E2;
  const e6 = e4 * E2;
  return (
    A *
    ((1 - E2 / 4 - (3 * e4) / 64 - (5 * e6) / 256) * phi -
      ((3 * E2) / 8 + (3 * e4) / 32 + (45 * e6) / 1024) * Math.sin(2 * phi) +
      ((15 * e4) / 256 + (45 * e6) / 1024) * Math.sin(4 * phi) -
      ((35 * e6) / 3072) * Math.sin(6 * phi))
  );
}

/** WGS84 longitude/latitude (degrees) → D96/TM easting/northing (metres), Snyder's series (mm-exact within Slovenia). */
export function d96(lon: number, lat: number): [number, number] {
  const phi = (lat * Math.PI) / 180;
  const sin = Math.sin(phi);
  const cos = Math.cos(phi);
  const n = A / Math.sqrt(1 - E2 * sin * sin);
  const t = Math.tan(phi) ** 2;
  const c = EP2 * cos * cos;
  const a = ((lon * Math.PI) / 180 - LON0) * cos;
  const x = K0 * n * (a + ((1 - t + c) * a ** 3) / 6 + ((5 - 18 * t + t * t + 72 * c - 58 * EP2) * a ** 5) / 120);
  const y =
    K0 *
    (meridianArc(phi) + n * Math.tan(phi) * ((a * a) / 2 + ((5 - t + 9 * c + 4 * c * c) * a ** 4) / 24 + ((61 - 58 * t + t * t + 600 * c - 330 * EP2) * a ** 6) / 720));
  return [500_000 + x, -5_000_000 + y];
}

/** The D96/TM box the map shows: Slovenia with a margin (the outline spans E 374–617 km, N 31–193 km). */
export const EXTENT = { minE: 368_000, maxE: 624_000, minN: 26_000, maxN: 198_000 } as const;
/** SVG units per kilometre. */
const SCALE = 3.2;
export const VIEW = { width: ((EXTENT.maxE - EXTENT.minE) / 1000) * SCALE, height: ((EXTENT.maxN - EXTENT.minN) / 1000) * SCALE };

/** A D96/TM point in the SVG's coordinates (y grows downwards, so north is up). */
export function toView(e: number, n: number): { x: number; y: number } {
  return { x: ((e - EXTENT.minE) / 1000) * SCALE, y: ((EXTENT.maxN - n) / 1000) * SCALE };
}

let outlinePath: string | undefined;

/** Slovenia's border as an SVG path in view coordinates (read once). */
export function outline(path = fromRoot('db/seed/slovenia-outline.json')): string {
  if (outlinePath !== undefined) return outlinePath;
  const points = JSON.parse(readFileSync(path, 'utf8')) as Array<[number, number]>;
  const view = points.map(([lon, lat]) => toView(...d96(lon, lat)));
  outlinePath = `M${view.map((p) => `${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join('L')}Z`;
  return outlinePath;
}

/** The outline's points in D96/TM, for tests. */
export function outlineD96(path = fromRoot('db/seed/slovenia-outline.json')): Array<[number, number]> {
  return (JSON.parse(readFileSync(path, 'utf8')) as Array<[number, number]>).map(([lon, lat]) => d96(lon, lat));
}

/** Marks' radii: area proportional to the number of comments, the largest count at MAX_RADIUS. */
export const MIN_RADIUS = 2.6;
export const MAX_RADIUS = 15;

export function markRadius(comments: number, largest: number): number {
  if (comments <= 0) return MIN_RADIUS;
  return Math.max(MIN_RADIUS, MAX_RADIUS * Math.sqrt(comments / Math.max(largest, 1)));
}

/** Up to three round counts for the legend (the largest, about a quarter of it, and 1), distinct and descending. */
export function legendCounts(largest: number): number[] {
  if (largest <= 0) return [];
  const round = (n: number) => {
    if (n < 10) return Math.max(1, Math.round(n));
    const step = 10 ** Math.floor(Math.log10(n)) / 2;
    return Math.max(step, Math.round(n / step) * step);
  };
  return [...new Set([largest, round(largest / 4), 1])].filter((n) => n <= largest).sort((a, b) => b - a);
}
