// The documents of the open request and the files being added to it. Adds
// are queued and sent one file at a time (the backend decodes on a worker
// thread; one at a time keeps the order of the files and the two cores free),
// so each file gets its own progress line and its own result: a refused file
// shows its coded error while the others are still added. Progress is only
// shown once a batch has taken longer than PROGRESS_AFTER_MS.

import { api, toUiError, type UiError } from './api';
import { baseName, upsertDoc } from './documents';
import type { DocKind, DocumentView } from './bindings';

export const PROGRESS_AFTER_MS = 300;

type Source = { path: string } | { bytes: Uint8Array };

export interface PendingFile {
  key: number;
  name: string;
  working: boolean;
}

export interface AddError {
  key: number;
  name: string;
  code: string;
  message: string;
}

/** Called for every document added; `first` is true for the first one of a batch. */
export type OnAdded = (view: DocumentView, first: boolean) => void;

export class DocumentStore {
  docs = $state<DocumentView[]>([]);
  pending = $state<PendingFile[]>([]);
  errors = $state<AddError[]>([]);
  showProgress = $state(false);
  loaded = $state(false);
  loadError = $state<UiError | null>(null);

  readonly regNo: string;
  #onAdded: OnAdded;
  #sources = new Map<number, Source>();
  #seq = 0;
  #pumping = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(regNo: string, onAdded: OnAdded = () => {}) {
    this.regNo = regNo;
    this.#onAdded = onAdded;
  }

  async load(): Promise<void> {
    try {
      this.docs = await api.docList(this.regNo);
      this.loadError = null;
    } catch (e) {
      this.loadError = toUiError(e);
    }
    this.loaded = true;
  }

  /** Queues dropped or picked files (the backend guesses each kind). */
  addPaths(paths: readonly string[]): void {
    for (const path of paths) this.#enqueue(baseName(path), { path });
  }

  /** Queues a pasted file. */
  addBytes(name: string, bytes: Uint8Array): void {
    this.#enqueue(name, { bytes });
  }

  get busy(): boolean {
    return this.pending.length > 0;
  }

  dismissError(key: number): void {
    this.errors = this.errors.filter((e) => e.key !== key);
  }

  /** Removes a document (a reason is required); rejects with the backend's error. */
  async remove(docId: number, reason: string): Promise<void> {
    this.docs = await api.docRemove(docId, reason);
  }

  async setKind(docId: number, kind: DocKind): Promise<DocumentView> {
    const view = await api.docSetKind(docId, kind);
    this.docs = upsertDoc(this.docs, view);
    return view;
  }

  /** Stops the progress timer (the screen is closing); queued files are still sent. */
  dispose(): void {
    clearTimeout(this.#timer);
  }

  #enqueue(name: string, source: Source): void {
    const key = ++this.#seq;
    this.#sources.set(key, source);
    this.pending = [...this.pending, { key, name, working: false }];
    void this.#pump();
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    this.errors = [];
    let first = true;
    this.#timer = setTimeout(() => (this.showProgress = this.pending.length > 0), PROGRESS_AFTER_MS);
    while (this.pending.length > 0) {
      const item = this.pending[0];
      this.pending[0].working = true;
      const source = this.#sources.get(item.key);
      this.#sources.delete(item.key);
      const result = source ? await this.#send(item.name, source) : null;
      this.pending = this.pending.slice(1);
      if (result && 'doc' in result) {
        this.docs = upsertDoc(this.docs, result);
        this.#onAdded(result, first);
        first = false;
      } else {
        const err = result ?? { code: 'galat_tak_terduga', message: 'Berkas hilang dari antrean.' };
        this.errors = [...this.errors, { key: item.key, name: item.name, code: err.code, message: err.message }];
      }
    }
    clearTimeout(this.#timer);
    this.showProgress = false;
    this.#pumping = false;
  }

  async #send(name: string, source: Source): Promise<DocumentView | UiError> {
    try {
      const r =
        'path' in source
          ? (await api.docAddPaths(this.regNo, [source.path], null))[0]
          : await api.docAddBytes(this.regNo, name, null, source.bytes);
      if (r?.ok && r.document) return r.document;
      if (r?.error) return toUiError(r.error);
      return { code: 'galat_tak_terduga', message: 'Jawaban tidak dikenal dari aplikasi.' };
    } catch (e) {
      return toUiError(e);
    }
  }
}
