// Unit tests of the viewer state: each document keeps its own view, the
// operations clamp, fit width shows the top, pages stay in range.
import { describe, expect, it } from 'vitest';
import { ViewerState } from './viewerState.svelte';

function viewer(): ViewerState {
  const v = new ViewerState();
  v.box = { w: 800, h: 600 };
  v.show(1, 2, { w: 1000, h: 2000 });
  return v;
}

describe('ViewerState', () => {
  it('starts at "fit page", upright, page 1', () => {
    const v = viewer();
    expect([v.view.zoom, v.rotation, v.page, v.canPan]).toEqual([1, 0, 1, false]);
    expect(v.scale).toBeCloseTo(0.3);
  });

  it('keeps each document as the operator left it', () => {
    const v = viewer();
    v.zoomIn();
    v.rotate();
    v.show(2, 1, { w: 2000, h: 1000 });
    expect([v.view.zoom, v.rotation]).toEqual([1, 0]);
    v.show(1, 2, { w: 1000, h: 2000 });
    expect([v.view.zoom, v.rotation]).toEqual([1.25, 90]);
  });

  it('cycles the rotation through four quarter turns', () => {
    const v = viewer();
    const seen = [];
    for (let i = 0; i < 5; i++) {
      v.rotate();
      seen.push(v.rotation);
    }
    expect(seen).toEqual([90, 180, 270, 0, 90]);
    expect(v.view.turns).toBe(5);
  });

  it('uses the loaded picture size over the claimed one', () => {
    const v = viewer();
    v.src = 'a.jpg';
    v.loaded('a.jpg', { w: 2000, h: 1000 });
    expect(v.img).toEqual({ w: 2000, h: 1000 });
    v.loaded('b.jpg', { w: 0, h: 0 });
    v.src = 'b.jpg';
    expect(v.img).toEqual({ w: 1000, h: 2000 });
  });

  it('fits the width showing the top of the page', () => {
    const v = viewer();
    v.fitWidth();
    expect(v.view.zoom).toBeCloseTo(0.8 / 0.3);
    expect(v.pan.y).toBeCloseTo(500);
    expect(v.canPan).toBe(true);
    v.fitPage();
    expect([v.view.zoom, v.pan.x, v.pan.y]).toEqual([1, 0, 0]);
  });

  it('pans only within the picture', () => {
    const v = viewer();
    v.panBy(100, 100);
    expect(v.pan).toEqual({ x: 0, y: 0 });
    v.zoomTo(4);
    v.panBy(-10_000, 0);
    expect(v.pan.x).toBe(-200);
  });

  it('zooms with the wheel around the pointer, within limits', () => {
    const v = viewer();
    v.wheel(-100, { x: 100, y: 0 });
    expect(v.view.zoom).toBeGreaterThan(1);
    for (let i = 0; i < 100; i++) v.wheel(-200, { x: 0, y: 0 });
    expect(v.view.zoom).toBe(10);
  });

  it('stays within the pages', () => {
    const v = viewer();
    v.goPage(1);
    v.goPage(1);
    expect(v.page).toBe(2);
    v.goPage(-5);
    expect(v.page).toBe(1);
  });

  it('does nothing without a document', () => {
    const v = new ViewerState();
    v.zoomIn();
    v.rotate();
    v.setFilter(150, 120);
    expect([v.view.zoom, v.rotation, v.view.brightness]).toEqual([1, 0, 100]);
  });
});
