// Unit tests of the documents store: one file at a time, a refused file
// does not stop the others, progress only for slow batches.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocAddResult, DocumentView } from './bindings';
import { docView } from './testViews';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { DocumentStore, PROGRESS_AFTER_MS } = await import('./docs.svelte');

const view = (id: number, name: string): DocumentView => docView(id, { fileName: name, display: false });

const ok = (file: string, id: number): DocAddResult => ({ file, ok: true, document: view(id, file), error: null });
const refused = (file: string, code: string): DocAddResult => ({
  file,
  ok: false,
  document: null,
  error: { code: code as 'berkas_kosong', message: `ditolak: ${code}` },
});

beforeEach(() => {
  vi.useFakeTimers();
  invoke.mockReset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('DocumentStore', () => {
  it('adds files one at a time and keeps going after a refused one', async () => {
    invoke.mockImplementation(async (_cmd: string, args: { paths: string[] }) => {
      const p = args.paths[0];
      if (p.endsWith('bom.png')) return [refused(p, 'gambar_terlalu_besar')];
      return [ok(p, p.length)];
    });
    const added: [number, boolean][] = [];
    const s = new DocumentStore('VN-1', (v, first) => added.push([v.doc.id, first]));
    s.addPaths(['/a/ktp.jpg', '/a/bom.png', 'C:\\x\\kartu-kk.jpg']);
    expect(s.pending.map((p) => p.name)).toEqual(['ktp.jpg', 'bom.png', 'kartu-kk.jpg']);
    await vi.runAllTimersAsync();
    expect(invoke.mock.calls.map((c) => c[1].paths)).toEqual([['/a/ktp.jpg'], ['/a/bom.png'], ['C:\\x\\kartu-kk.jpg']]);
    expect(invoke.mock.calls[0][1]).toEqual({ regNo: 'VN-1', paths: ['/a/ktp.jpg'], kind: null });
    expect(s.docs.map((d) => d.doc.file_name)).toEqual(['/a/ktp.jpg', 'C:\\x\\kartu-kk.jpg']);
    expect(s.errors).toEqual([
      { key: 2, name: 'bom.png', code: 'gambar_terlalu_besar', message: 'ditolak: gambar_terlalu_besar' },
    ]);
    expect(added).toEqual([
      [10, true],
      [17, false],
    ]);
    expect(s.pending).toEqual([]);
  });

  it('turns a rejected call into an error for that file', async () => {
    invoke.mockRejectedValue({ code: 'permohonan_tidak_ditemukan', message: 'Tidak ada.' });
    const s = new DocumentStore('VN-1');
    s.addBytes('tempel.png', new Uint8Array([1, 2]));
    await vi.runAllTimersAsync();
    expect(s.errors.map((e) => e.code)).toEqual(['permohonan_tidak_ditemukan']);
    expect(invoke.mock.calls[0][0]).toBe('doc_add_bytes');
    expect(invoke.mock.calls[0][2]).toEqual({
      headers: { 'x-reg-no': 'VN-1', 'x-file-name': 'tempel.png', 'x-kind': '' },
    });
  });

  it('shows progress only when a batch is slow', async () => {
    let finish: (v: DocAddResult[]) => void = () => {};
    invoke.mockImplementation(() => new Promise((r) => (finish = r)));
    const s = new DocumentStore('VN-1');
    s.addPaths(['/a/big.jpg']);
    await vi.advanceTimersByTimeAsync(PROGRESS_AFTER_MS - 1);
    expect(s.showProgress).toBe(false);
    expect(s.pending[0].working).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.showProgress).toBe(true);
    finish([ok('/a/big.jpg', 1)]);
    await vi.runAllTimersAsync();
    expect(s.showProgress).toBe(false);
    expect(s.docs).toHaveLength(1);
  });

  it('clears the errors of the previous batch when a new one starts', async () => {
    invoke.mockResolvedValueOnce([refused('x', 'bukan_gambar')]).mockResolvedValueOnce([ok('y', 7)]);
    const s = new DocumentStore('VN-1');
    s.addPaths(['x']);
    await vi.runAllTimersAsync();
    expect(s.errors).toHaveLength(1);
    s.addPaths(['y']);
    await vi.runAllTimersAsync();
    expect(s.errors).toHaveLength(0);
  });

  it('encodes the pasted file name for the header', async () => {
    invoke.mockResolvedValue(ok('x', 1));
    const s = new DocumentStore('VN-1');
    s.addBytes('KK budi & ani.png', new Uint8Array([1]));
    await vi.runAllTimersAsync();
    expect(invoke.mock.calls[0][2].headers['x-file-name']).toBe('KK%20budi%20%26%20ani.png');
  });
});
