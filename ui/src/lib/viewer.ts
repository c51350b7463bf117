// The document viewer's geometry as pure functions: zoom steps and limits,
// "fit page" and "fit width", rotation, panning limits and zooming around the
// mouse pointer. The viewer renders with one CSS transform, so these numbers
// are all it needs; unit-tested without a DOM.
//
// Conventions: `zoom` is relative to "fit page" (1 = the whole page visible).
// `pan` is where the image's centre sits relative to the box's centre, in
// screen pixels. Points are relative to the box's centre too.

export type Rotation = 0 | 90 | 180 | 270;

export interface Size {
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

export const ZOOM_MIN = 0.25;
export const ZOOM_MAX = 10;
/** Factor of one zoom step (button, key). */
export const ZOOM_STEP = 1.25;

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, zoom));
}

/** One step in (`dir` > 0) or out; lands on exactly 1 when it passes "fit page". */
export function stepZoom(zoom: number, dir: 1 | -1): number {
  const next = dir > 0 ? zoom * ZOOM_STEP : zoom / ZOOM_STEP;
  if ((zoom < 1 && next > 1) || (zoom > 1 && next < 1)) return 1;
  return clampZoom(next);
}

/** The zoom after a wheel movement (`deltaY` < 0 zooms in), smooth for touchpads. */
export function wheelZoom(zoom: number, deltaY: number): number {
  const d = Math.max(-200, Math.min(200, deltaY));
  return clampZoom(zoom * Math.exp(-d * 0.002));
}

/** The next quarter turn clockwise. */
export function rotateCw(r: Rotation): Rotation {
  return ((r + 90) % 360) as Rotation;
}

/** The size of the picture once turned by `r`. */
export function rotatedSize(img: Size, r: Rotation): Size {
  return r === 90 || r === 270 ? { w: img.h, h: img.w } : { w: img.w, h: img.h };
}

/** Screen pixels per picture pixel when the whole turned picture fits the box (zoom 1). */
export function fitScale(img: Size, r: Rotation, box: Size): number {
  const t = rotatedSize(img, r);
  if (t.w <= 0 || t.h <= 0 || box.w <= 0 || box.h <= 0) return 1;
  return Math.min(box.w / t.w, box.h / t.h);
}

/** The zoom at which the turned picture is as wide as the box. */
export function fitWidthZoom(img: Size, r: Rotation, box: Size): number {
  const t = rotatedSize(img, r);
  if (t.w <= 0 || box.w <= 0) return 1;
  return clampZoom(box.w / t.w / fitScale(img, r, box));
}

/** The on-screen size of the turned picture at `zoom`. */
export function shownSize(img: Size, r: Rotation, box: Size, zoom: number): Size {
  const t = rotatedSize(img, r);
  const s = fitScale(img, r, box) * zoom;
  return { w: t.w * s, h: t.h * s };
}

/** Keeps the picture over the box: no panning along a side that fits, no gap past an edge. */
export function clampPan(pan: Point, img: Size, r: Rotation, box: Size, zoom: number): Point {
  const s = shownSize(img, r, box, zoom);
  const maxX = Math.max(0, (s.w - box.w) / 2);
  const maxY = Math.max(0, (s.h - box.h) / 2);
  // `+ 0` turns -0 into 0, so an unpanned picture reads as { x: 0, y: 0 }.
  return { x: Math.min(maxX, Math.max(-maxX, pan.x)) + 0, y: Math.min(maxY, Math.max(-maxY, pan.y)) + 0 };
}

/** The pan that keeps the picture point under `at` in place while zooming from `from` to `to`. */
export function panForZoom(pan: Point, from: number, to: number, at: Point): Point {
  const k = to / from;
  return { x: at.x - (at.x - pan.x) * k, y: at.y - (at.y - pan.y) * k };
}

/** The pan that shows the top of the turned picture (after "fit width"). */
export function panToTop(img: Size, r: Rotation, box: Size, zoom: number): Point {
  const s = shownSize(img, r, box, zoom);
  return { x: 0, y: Math.max(0, (s.h - box.h) / 2) };
}

/** The page after moving `delta` pages, within 1..pages. */
export function stepPage(page: number, delta: number, pages: number): number {
  return Math.min(Math.max(1, pages), Math.max(1, page + delta));
}

/** Brightness and contrast slider limits (percent; 100 = unchanged). */
export const FILTER_MIN = 50;
export const FILTER_MAX = 250;

/** The CSS filter for the brightness and contrast sliders. */
export function cssFilter(brightness: number, contrast: number): string {
  if (brightness === 100 && contrast === 100) return 'none';
  return `brightness(${brightness}%) contrast(${contrast}%)`;
}
