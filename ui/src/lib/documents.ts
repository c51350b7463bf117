// Pure helpers of the documents area: kind and revision labels, names of
// dropped and pasted files, sizes, the list edits after an add, and which
// document F6 switches to. No DOM; unit-tested.

import { wibStamp } from './dates';
import { DOC_KIND_LABELS } from './bindings';
import type { DocKind, DocumentView, RevisionReason } from './bindings';

export const kindLabel = (k: DocKind): string => DOC_KIND_LABELS[k];

export const REVISION_REASONS: readonly RevisionReason[] = ['blurry', 'cut_off', 'wrong_document', 'copy_of_copy'];

const REASON_LABEL: Record<RevisionReason, string> = {
  blurry: 'Buram atau gelap',
  cut_off: 'Terpotong',
  wrong_document: 'Salah dokumen',
  copy_of_copy: 'Fotokopi dari fotokopi',
};

export const revisionLabel = (r: RevisionReason): string => REASON_LABEL[r];

/** The last part of a Windows or POSIX path. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

const MIME_EXT: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/** True for clipboard items Loket may take: pictures and PDFs. */
export const isPastable = (mime: string): boolean => mime.startsWith('image/') || mime === 'application/pdf';

/**
 * The name a pasted file is stored under: its own name when it has a real
 * one, else `tempel-dd-mm-yyyy-HHMMSS[-n].ext` (WIB). Clipboards name every
 * screenshot `image.png`, which tells the operator nothing.
 */
export function pastedName(ownName: string, mime: string, nowMs: number, index = 0): string {
  if (ownName && !/^image\.\w+$/i.test(ownName)) return ownName;
  const ext = MIME_EXT[mime] ?? (mime.startsWith('image/') ? mime.slice(6).replace(/[^a-z0-9]/gi, '') : 'bin');
  return `tempel-${wibStamp(nowMs)}${index > 0 ? `-${index + 1}` : ''}.${ext || 'png'}`;
}

/** `850 KB`, `1,2 MB` (Indonesian decimal comma). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/** `1 halaman`, `2 halaman`. */
export const pagesLabel = (pages: number): string => `${pages} halaman`;

/** The list after an add or a kind change: replaces the same document, else appends. */
export function upsertDoc(docs: readonly DocumentView[], view: DocumentView): DocumentView[] {
  const i = docs.findIndex((d) => d.doc.id === view.doc.id);
  if (i < 0) return [...docs, view];
  const out = [...docs];
  out[i] = view;
  return out;
}

/** The document to show first: the first KTP, else the first KK, else the first. */
export function preferredDoc(docs: readonly DocumentView[]): DocumentView | null {
  return docs.find((d) => d.doc.kind === 'ktp') ?? docs.find((d) => d.doc.kind === 'kk') ?? docs[0] ?? null;
}

/**
 * The document F6 switches to: from a KTP to a KK and from anything else to
 * a KTP (or, from "Lainnya", a KK when there is no KTP), preferring the
 * one last looked at, else the newest of that kind. Null when there is none.
 */
export function switchTarget(
  docs: readonly DocumentView[],
  current: DocumentView | null,
  lastSeen: Partial<Record<DocKind, number>>,
): DocumentView | null {
  const kinds: DocKind[] = current?.doc.kind === 'ktp' ? ['kk'] : current?.doc.kind === 'kk' ? ['ktp'] : ['ktp', 'kk'];
  for (const want of kinds) {
    const ofKind = docs.filter((d) => d.doc.kind === want);
    const pick = ofKind.find((d) => d.doc.id === lastSeen[want]) ?? ofKind[ofKind.length - 1];
    if (pick) return pick;
  }
  return null;
}
