import { describe, expect, it } from 'vitest';
import { MAX_RADIUS, VIEW, d96, legendCounts, markRadius, outlineD96, toView } from '../../src/lib/server/participation/map.ts';
import { readMunicipalityStatistics } from '../../src/lib/server/participation/statistics.ts';

const municipalities = readMunicipalityStatistics();
const centroid = (code: string) => municipalities.find((m) => m.code === code)!;

/** Inside the polygon, or how far outside it (metres). */
function outside(polygon: Array<[number, number]>, [x, y]: [number, number]): number {
  let inside = false;
  let nearest = Infinity;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [x1, y1] = polygon[i]!;
    const [x2, y2] = polygon[j]!;
    if (y1 > y !== y2 > y && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) inside = !inside;
    const dx = x2 - x1;
    const dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy || 1)));
    nearest = Math.min(nearest, Math.hypot(x1 + t * dx - x, y1 + t * dy - y));
  }
  return inside ? 0 : nearest;
}

describe('the map projection', () => {
  it('D96/TM: the central meridian 15° E at the equator is the false origin; a degree east is about 77 km at 46° N', () => {
    const [e, n] = d96(15, 0);
    expect(e).toBeCloseTo(500_000, 3);
    expect(n).toBeCloseTo(-5_000_000, 3);
    const [e1] = d96(14, 46);
    const [e2] = d96(15, 46);
    expect(e2 - e1).toBeGreaterThan(77_000);
    expect(e2 - e1).toBeLessThan(78_000);
  });

  it("puts Ljubljana's centroid a little west of the middle and south of it, Maribor to its north-east, Piran in the south-west", () => {
    const ljubljana = toView(centroid('61').centroidE, centroid('61').centroidN);
    expect(ljubljana.x / VIEW.width).toBeGreaterThan(0.3);
    expect(ljubljana.x / VIEW.width).toBeLessThan(0.42);
    expect(ljubljana.y / VIEW.height).toBeGreaterThan(0.5);
    expect(ljubljana.y / VIEW.height).toBeLessThan(0.62);
    const maribor = toView(centroid('70').centroidE, centroid('70').centroidN);
    expect(maribor.x).toBeGreaterThan(ljubljana.x);
    expect(maribor.y).toBeLessThan(ljubljana.y);
    const piran = toView(centroid('90').centroidE, centroid('90').centroidN);
    expect(piran.x).toBeLessThan(ljubljana.x);
    expect(piran.y).toBeGreaterThan(ljubljana.y);
  });

  it('every mark, at its largest, lies inside the viewBox', () => {
    expect(municipalities).toHaveLength(212);
    for (const m of municipalities) {
      const { x, y } = toView(m.centroidE, m.centroidN);
      expect(x - MAX_RADIUS, m.code).toBeGreaterThanOrEqual(0);
      expect(y - MAX_RADIUS, m.code).toBeGreaterThanOrEqual(0);
      expect(x + MAX_RADIUS, m.code).toBeLessThanOrEqual(VIEW.width);
      expect(y + MAX_RADIUS, m.code).toBeLessThanOrEqual(VIEW.height);
    }
  });

  it("the projected outline (Natural Earth, WGS84) holds GURS's centroids: all inside or within half a kilometre of the generalised border", () => {
    const polygon = outlineD96();
    expect(polygon.length).toBeGreaterThan(200);
    expect(polygon.length).toBeLessThan(400);
    const distances = municipalities.map((m) => outside(polygon, [m.centroidE, m.centroidN]));
    expect(Math.max(...distances)).toBeLessThan(500);
    expect(distances.filter((d) => d === 0).length).toBeGreaterThanOrEqual(205);
  });
});

describe('the marks', () => {
  it('have areas proportional to the comments: four times the comments, twice the radius', () => {
    expect(markRadius(40, 40)).toBe(MAX_RADIUS);
    expect(markRadius(10, 40)).toBeCloseTo(MAX_RADIUS / 2, 6);
    expect(markRadius(0, 40)).toBeGreaterThan(0);
  });

  it('the legend shows the largest count, about a quarter of it and 1', () => {
    expect(legendCounts(0)).toEqual([]);
    expect(legendCounts(1)).toEqual([1]);
    expect(legendCounts(7)).toEqual([7, 2, 1]);
    expect(legendCounts(43)).toEqual([43, 10, 1]);
  });
});
