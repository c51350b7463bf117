// The viewer's state: for each document its own page, quarter turns, zoom,
// pan, brightness and contrast (so switching KTP ⇄ KK keeps each one as the
// operator left it), the natural size of each loaded page and the size of
// the viewing box. The operations use the pure geometry of viewer.ts; the
// component only turns DOM events into these calls.

import * as V from './viewer';

export interface DocView {
  page: number;
  /** Quarter turns clockwise (not wrapped; the rotation is this modulo 4). */
  turns: number;
  zoom: number;
  pan: V.Point;
  brightness: number;
  contrast: number;
}

export const initialView = (): DocView => ({
  page: 1,
  turns: 0,
  zoom: 1,
  pan: { x: 0, y: 0 },
  brightness: 100,
  contrast: 100,
});

export const ARROW_STEP = 80;

export class ViewerState {
  /** The document shown (null: none), its page count and the size it claims before its picture loads. */
  docId = $state<number | null>(null);
  pages = $state(1);
  fallback = $state<V.Size>({ w: 1, h: 1 });
  /** The page picture's URL, to look its natural size up. */
  src = $state<string | null>(null);
  box = $state<V.Size>({ w: 0, h: 0 });
  #views = $state<Record<number, DocView>>({});
  #sizes = $state<Record<string, V.Size>>({});

  readonly view = $derived((this.docId !== null && this.#views[this.docId]) || initialView());
  readonly page = $derived(Math.min(this.view.page, this.pages));
  readonly rotation = $derived(((((this.view.turns % 4) + 4) % 4) * 90) as V.Rotation);
  readonly img = $derived((this.src && this.#sizes[this.src]) || this.fallback);
  readonly scale = $derived(V.fitScale(this.img, this.rotation, this.box) * this.view.zoom);
  readonly pan = $derived(V.clampPan(this.view.pan, this.img, this.rotation, this.box, this.view.zoom));
  readonly canPan = $derived.by(() => {
    const s = V.shownSize(this.img, this.rotation, this.box, this.view.zoom);
    return s.w > this.box.w + 1 || s.h > this.box.h + 1;
  });

  /** Shows a document (keeping the view it had). */
  show(docId: number | null, pages: number, fallback: V.Size): void {
    this.docId = docId;
    this.pages = Math.max(1, pages);
    this.fallback = { w: fallback.w || 1, h: fallback.h || 1 };
  }

  /** Records a loaded picture's natural size. */
  loaded(src: string, size: V.Size): void {
    if (size.w > 0 && size.h > 0) this.#sizes[src] = size;
  }

  #update(patch: Partial<DocView>): void {
    if (this.docId === null) return;
    this.#views[this.docId] = { ...this.view, ...patch };
  }

  #clamp(pan: V.Point, zoom = this.view.zoom): V.Point {
    return V.clampPan(pan, this.img, this.rotation, this.box, zoom);
  }

  /** Zooms to `z`, keeping the picture point under `at` (relative to the box centre) in place. */
  zoomTo(z: number, at: V.Point = { x: 0, y: 0 }): void {
    const zoom = V.clampZoom(z);
    this.#update({ zoom, pan: this.#clamp(V.panForZoom(this.pan, this.view.zoom, zoom, at), zoom) });
  }

  zoomIn(): void {
    this.zoomTo(V.stepZoom(this.view.zoom, 1));
  }

  zoomOut(): void {
    this.zoomTo(V.stepZoom(this.view.zoom, -1));
  }

  wheel(deltaY: number, at: V.Point): void {
    this.zoomTo(V.wheelZoom(this.view.zoom, deltaY), at);
  }

  fitPage(): void {
    this.#update({ zoom: 1, pan: { x: 0, y: 0 } });
  }

  fitWidth(): void {
    const zoom = V.fitWidthZoom(this.img, this.rotation, this.box);
    this.#update({ zoom, pan: V.panToTop(this.img, this.rotation, this.box, zoom) });
  }

  rotate(): void {
    this.#update({ turns: this.view.turns + 1, pan: { x: 0, y: 0 } });
  }

  goPage(delta: number): void {
    this.#update({ page: V.stepPage(this.page, delta, this.pages), pan: { x: 0, y: 0 } });
  }

  panTo(pan: V.Point): void {
    this.#update({ pan: this.#clamp(pan) });
  }

  panBy(dx: number, dy: number): void {
    this.panTo({ x: this.pan.x + dx, y: this.pan.y + dy });
  }

  setFilter(brightness: number, contrast: number): void {
    this.#update({ brightness, contrast });
  }
}
