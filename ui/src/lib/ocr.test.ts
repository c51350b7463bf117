// Unit tests of the photo readings: the first KTP and KK are read once each,
// a purged photo is not read, a stale answer (the kind changed meanwhile)
// is dropped, and a failure is kept with its code.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocKind, DocumentView, Reading } from './bindings';
import { docView } from './testViews';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { PhotoReadings } = await import('./ocr.svelte');

const view = (id: number, kind: DocKind, purged = false): DocumentView => docView(id, { kind, purged });

const reading = (kind: 'ktp' | 'kk', nik: string): Reading => ({
  kind,
  fields: [{ field: kind === 'ktp' ? 'nik' : 'no_kk', value: nik, confidence: 0.9, chars: [], fixed: [], problem: null }],
  members: [],
  qr: null,
  turn: 0,
  lines: 3,
  millis: 1000,
});

const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => invoke.mockReset());

describe('PhotoReadings', () => {
  it('reads the first KTP and the first KK once each', async () => {
    invoke.mockImplementation((_cmd: string, args?: { docId: number }) =>
      Promise.resolve(args?.docId === 1 ? reading('ktp', '3516131007850058') : reading('kk', '3516022102240214')),
    );
    const r = new PhotoReadings();
    const docs = [view(1, 'ktp'), view(2, 'kk'), view(3, 'ktp')];
    r.follow(docs);
    expect(r.ktp.status).toBe('reading');
    await flush();
    expect(r.ktp.status).toBe('done');
    expect(r.at('ktp.nik')?.value).toBe('3516131007850058');
    expect(r.at('kk.no_kk')?.value).toBe('3516022102240214');
    r.follow(docs);
    const reads = invoke.mock.calls.filter((c) => c[0] === 'ocr_read');
    expect(reads.map((c) => c[1])).toEqual([
      { docId: 1, page: 1 },
      { docId: 2, page: 1 },
    ]);
  });

  it('does not read a purged photo and forgets a reading whose photo is gone', async () => {
    invoke.mockResolvedValue(reading('ktp', '3516131007850058'));
    const r = new PhotoReadings();
    r.follow([view(1, 'ktp', true)]);
    expect(invoke).not.toHaveBeenCalled();
    r.follow([view(4, 'ktp')]);
    await flush();
    expect(r.ktp.status).toBe('done');
    r.follow([]);
    expect(r.ktp.status).toBe('none');
    expect(r.at('ktp.nik')).toBeNull();
  });

  it('drops an answer for a photo that is no longer the KTP, keeps a failure', async () => {
    let answer: (v: Reading) => void = () => {};
    invoke.mockImplementationOnce(() => new Promise<Reading>((res) => (answer = res)));
    invoke.mockRejectedValueOnce({ code: 'model_ocr_tidak_ada', message: 'Model pembaca foto tidak terpasang.' });
    const r = new PhotoReadings();
    r.follow([view(1, 'ktp')]);
    r.follow([view(5, 'ktp')]);
    answer(reading('ktp', '1111111111111111'));
    await flush();
    expect(r.ktp.docId).toBe(5);
    expect(r.ktp.status).toBe('error');
    expect(r.ktp.error?.code).toBe('model_ocr_tidak_ada');
    expect(r.at('ktp.nik')).toBeNull();
  });
});
