// The photo readings of the open request: the first KTP-el and the first KK
// among its documents are read by the backend's OCR in the background as
// soon as they are there (and again when the operator changes which photo
// is the KTP or KK). The form shows the suggestions beside its fields; the
// operator accepts them one by one — nothing here touches the form.

import { api, toUiError, type UiError } from './api';
import type { DocumentView, Reading, Suggestion } from './bindings';
import { suggestionAt } from './suggest';

export type ReadSection = 'ktp' | 'kk';

export interface PhotoReading {
  status: 'none' | 'reading' | 'done' | 'error';
  docId: number | null;
  reading: Reading | null;
  error: UiError | null;
  /** When reading started (ms since page load), for the elapsed time shown. */
  started: number;
}

const none = (): PhotoReading => ({ status: 'none', docId: null, reading: null, error: null, started: 0 });

export class PhotoReadings {
  ktp = $state<PhotoReading>(none());
  kk = $state<PhotoReading>(none());

  /** Reads the first KTP and KK of `docs` when they are new. */
  follow(docs: DocumentView[]): void {
    for (const section of ['ktp', 'kk'] as const) {
      const doc = docs.find((d) => d.doc.kind === section && d.purged_at === null && d.display.length > 0);
      if (!doc) {
        if (this[section].docId !== null) this[section] = none();
        continue;
      }
      if (doc.doc.id !== this[section].docId) void this.read(section, doc.doc.id);
    }
  }

  async read(section: ReadSection, docId: number): Promise<void> {
    this[section] = { status: 'reading', docId, reading: null, error: null, started: performance.now() };
    try {
      const reading = await api.ocrRead(docId, 1);
      if (this[section].docId === docId) this[section] = { ...this[section], status: 'done', reading };
    } catch (e) {
      if (this[section].docId === docId) this[section] = { ...this[section], status: 'error', error: toUiError(e) };
    }
  }

  /** The suggestion for a form path, once its photo is read. */
  at(path: string): Suggestion | null {
    return suggestionAt(this.ktp.reading, this.kk.reading, path);
  }
}
