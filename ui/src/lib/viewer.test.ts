// Unit tests of the viewer's geometry: zoom limits and steps, fitting,
// rotation, panning limits and zooming around the pointer.
import { describe, expect, it } from 'vitest';
import {
  ZOOM_MAX,
  ZOOM_MIN,
  clampPan,
  clampZoom,
  cssFilter,
  fitScale,
  fitWidthZoom,
  panForZoom,
  panToTop,
  rotateCw,
  rotatedSize,
  stepPage,
  stepZoom,
  wheelZoom,
  type Rotation,
} from './viewer';

const box = { w: 800, h: 600 };
const portrait = { w: 1000, h: 2000 };
const landscape = { w: 2000, h: 1000 };

describe('zoom', () => {
  it('clamps to the limits', () => {
    expect(clampZoom(100)).toBe(ZOOM_MAX);
    expect(clampZoom(0)).toBe(ZOOM_MIN);
    expect(clampZoom(Number.NaN)).toBe(1);
    expect(clampZoom(2)).toBe(2);
  });
  it('steps by 25% and stops on "fit page" when passing it', () => {
    expect(stepZoom(1, 1)).toBe(1.25);
    expect(stepZoom(1.25, -1)).toBe(1);
    expect(stepZoom(0.9, 1)).toBe(1);
    expect(stepZoom(1.1, -1)).toBe(1);
    expect(stepZoom(ZOOM_MAX, 1)).toBe(ZOOM_MAX);
    expect(stepZoom(ZOOM_MIN, -1)).toBe(ZOOM_MIN);
  });
  it('zooms in on wheel up and out on wheel down, within limits', () => {
    expect(wheelZoom(1, -100)).toBeGreaterThan(1);
    expect(wheelZoom(1, 100)).toBeLessThan(1);
    expect(wheelZoom(ZOOM_MAX, -1e6)).toBe(ZOOM_MAX);
    expect(wheelZoom(1, 0)).toBe(1);
  });
});

describe('rotation', () => {
  it('cycles clockwise through the four quarter turns', () => {
    const seen: Rotation[] = [0];
    for (let i = 0; i < 4; i++) seen.push(rotateCw(seen[seen.length - 1]));
    expect(seen).toEqual([0, 90, 180, 270, 0]);
  });
  it('swaps width and height on quarter turns', () => {
    expect(rotatedSize(landscape, 90)).toEqual({ w: 1000, h: 2000 });
    expect(rotatedSize(landscape, 180)).toEqual(landscape);
  });
});

describe('fitting', () => {
  it('fits the whole page by its tighter side', () => {
    expect(fitScale(landscape, 0, box)).toBeCloseTo(0.4); // 800/2000
    expect(fitScale(portrait, 0, box)).toBeCloseTo(0.3); // 600/2000
    expect(fitScale(landscape, 90, box)).toBeCloseTo(0.3); // turned: 1000×2000
  });
  it('fits the width relative to "fit page"', () => {
    expect(fitWidthZoom(portrait, 0, box)).toBeCloseTo(0.8 / 0.3);
    expect(fitWidthZoom(landscape, 0, box)).toBeCloseTo(1);
  });
  it('survives an empty box or picture', () => {
    expect(fitScale({ w: 0, h: 0 }, 0, box)).toBe(1);
    expect(fitScale(portrait, 0, { w: 0, h: 0 })).toBe(1);
    expect(fitWidthZoom(portrait, 0, { w: 0, h: 0 })).toBe(1);
  });
});

describe('panning', () => {
  it('does not pan a picture that fits', () => {
    expect(clampPan({ x: 50, y: -50 }, portrait, 0, box, 1)).toEqual({ x: 0, y: 0 });
  });
  it('stops at the edges of a zoomed picture', () => {
    // portrait at zoom 4: shown 1200×2400 in an 800×600 box
    expect(clampPan({ x: 999, y: -9999 }, portrait, 0, box, 4)).toEqual({ x: 200, y: -900 });
    expect(clampPan({ x: 10, y: 20 }, portrait, 0, box, 4)).toEqual({ x: 10, y: 20 });
  });
  it('keeps the point under the pointer while zooming', () => {
    const at = { x: 100, y: -50 };
    const pan = panForZoom({ x: 0, y: 0 }, 1, 2, at);
    expect(pan).toEqual({ x: -100, y: 50 });
    // the picture point under `at` before (at - pan)/zoom equals after
    expect((at.x - pan.x) / 2).toBe((at.x - 0) / 1);
  });
  it('shows the top of the page after "fit width"', () => {
    const z = fitWidthZoom(portrait, 0, box);
    const pan = panToTop(portrait, 0, box, z);
    expect(pan.x).toBe(0);
    expect(pan.y).toBeCloseTo((1600 - 600) / 2);
  });
});

describe('pages and filters', () => {
  it('stays within the pages', () => {
    expect(stepPage(1, -1, 2)).toBe(1);
    expect(stepPage(1, 1, 2)).toBe(2);
    expect(stepPage(2, 1, 2)).toBe(2);
    expect(stepPage(1, 1, 0)).toBe(1);
  });
  it('leaves the picture alone at 100%', () => {
    expect(cssFilter(100, 100)).toBe('none');
    expect(cssFilter(150, 120)).toBe('brightness(150%) contrast(120%)');
  });
});
