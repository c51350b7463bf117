// Unit tests of the documents helpers: labels, names, sizes, list edits and F6.
import { describe, expect, it } from 'vitest';
import {
  REVISION_REASONS,
  baseName,
  formatBytes,
  isPastable,
  pagesLabel,
  pastedName,
  preferredDoc,
  revisionLabel,
  switchTarget,
  upsertDoc,
} from './documents';
import type { DocKind, DocumentView } from './bindings';

const view = (id: number, kind: DocKind, file_name = `f${id}.jpg`): DocumentView => ({
  doc: {
    id,
    reg_no: 'VN-251126-0001',
    kind,
    sha256: 'ab',
    format: 'jpeg',
    width: 100,
    height: 100,
    pages: 1,
    bytes: 1,
    file_name,
    added_at: 0,
    operator: 'Rina',
  },
  display: [`/d/${id}.jpg`],
  thumbs: [`/t/${id}.jpg`],
  purged_at: null,
});

describe('labels', () => {
  it('name every revision reason in Indonesian', () => {
    expect(REVISION_REASONS.map(revisionLabel)).toEqual([
      'Buram atau gelap',
      'Terpotong',
      'Salah dokumen',
      'Fotokopi dari fotokopi',
    ]);
    expect(pagesLabel(2)).toBe('2 halaman');
  });
  it('format sizes with a decimal comma', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1,3 MB');
  });
});

describe('file names', () => {
  it('take the last part of Windows and POSIX paths', () => {
    expect(baseName('C:\\Users\\op\\Downloads\\KTP siti.jpg')).toBe('KTP siti.jpg');
    expect(baseName('/home/op/kk.pdf')).toBe('kk.pdf');
    expect(baseName('kk.pdf')).toBe('kk.pdf');
  });
  it('name pasted pictures by the WIB time', () => {
    const at = Date.parse('2026-11-25T03:04:05Z'); // 10:04:05 WIB
    expect(pastedName('image.png', 'image/png', at)).toBe('tempel-25-11-2026-100405.png');
    expect(pastedName('', 'image/jpeg', at, 1)).toBe('tempel-25-11-2026-100405-2.jpg');
    expect(pastedName('KK budi.jpg', 'image/jpeg', at)).toBe('KK budi.jpg');
  });
  it('take pictures and PDFs from the clipboard, nothing else', () => {
    expect(isPastable('image/png')).toBe(true);
    expect(isPastable('application/pdf')).toBe(true);
    expect(isPastable('text/plain')).toBe(false);
  });
});

describe('lists', () => {
  it('replace the same document and append a new one', () => {
    const list = [view(1, 'ktp'), view(2, 'kk')];
    expect(upsertDoc(list, view(2, 'other')).map((d) => d.doc.kind)).toEqual(['ktp', 'other']);
    expect(upsertDoc(list, view(3, 'kk')).map((d) => d.doc.id)).toEqual([1, 2, 3]);
  });
  it('show the KTP first, else the KK, else the first', () => {
    expect(preferredDoc([view(1, 'other'), view(2, 'kk'), view(3, 'ktp')])?.doc.id).toBe(3);
    expect(preferredDoc([view(1, 'other'), view(2, 'kk')])?.doc.id).toBe(2);
    expect(preferredDoc([view(1, 'other')])?.doc.id).toBe(1);
    expect(preferredDoc([])).toBeNull();
  });
});

describe('F6', () => {
  const docs = [view(1, 'ktp'), view(2, 'kk'), view(3, 'kk'), view(4, 'other')];
  it('goes from KTP to the newest KK, and back', () => {
    expect(switchTarget(docs, docs[0], {})?.doc.id).toBe(3);
    expect(switchTarget(docs, docs[2], {})?.doc.id).toBe(1);
  });
  it('prefers the one last looked at', () => {
    expect(switchTarget(docs, docs[0], { kk: 2 })?.doc.id).toBe(2);
    expect(switchTarget(docs, docs[0], { kk: 99 })?.doc.id).toBe(3);
  });
  it('goes from "Lainnya" or nothing to the KTP, else the KK', () => {
    expect(switchTarget(docs, docs[3], {})?.doc.id).toBe(1);
    expect(switchTarget(docs, null, {})?.doc.id).toBe(1);
    expect(switchTarget([view(2, 'kk'), view(4, 'other')], view(4, 'other'), {})?.doc.id).toBe(2);
  });
  it('stays when there is nothing of the other kind', () => {
    expect(switchTarget([view(1, 'ktp')], view(1, 'ktp'), {})).toBeNull();
  });
});
