// Unit tests of the command wrappers' own logic: error mapping and the pasted
// bytes' headers. Command and argument names are checked against the Rust side
// by src-tauri/src/contract_tests.rs, not mirrored here.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { api, isFatalCode, isLoketError, toUiError } = await import('./api');

beforeEach(() => {
  invoke.mockReset();
});

describe('isLoketError', () => {
  it('accepts {code, message}', () => {
    expect(isLoketError({ code: 'nik_tidak_valid', message: 'NIK tidak valid.' })).toBe(true);
  });
  it('rejects everything else', () => {
    expect(isLoketError('command not found')).toBe(false);
    expect(isLoketError(null)).toBe(false);
    expect(isLoketError(new Error('x'))).toBe(false);
    expect(isLoketError({ code: 3, message: 'x' })).toBe(false);
    expect(isLoketError({ code: '', message: 'x' })).toBe(false);
    expect(isLoketError({ code: 'x' })).toBe(false);
  });
});

describe('toUiError', () => {
  it('keeps a LoketError', () => {
    expect(toUiError({ code: 'disk_penuh', message: 'Disk penuh.', extra: 1 })).toEqual({
      code: 'disk_penuh',
      message: 'Disk penuh.',
    });
  });
  it('turns anything else into galat_tak_terduga', () => {
    expect(toUiError('boom')).toEqual({ code: 'galat_tak_terduga', message: 'boom' });
    expect(toUiError(new TypeError('x is undefined'))).toEqual({
      code: 'galat_tak_terduga',
      message: 'x is undefined',
    });
  });
});

describe('isFatalCode', () => {
  it('is true only for the data-folder errors', () => {
    expect(isFatalCode('basis_data_versi_baru')).toBe(true);
    expect(isFatalCode('basis_data_rusak')).toBe(true);
    expect(isFatalCode('folder_data_tidak_bisa_dipakai')).toBe(true);
    expect(isFatalCode('disk_penuh')).toBe(false);
    expect(isFatalCode('galat_tak_terduga')).toBe(false);
  });
});

describe('api', () => {
  it('returns what the command returns', async () => {
    invoke.mockResolvedValue('+6281234567890');
    await expect(api.checkPhone('0812-3456-7890')).resolves.toBe('+6281234567890');
  });

  it('rejects with the backend error as it is', async () => {
    invoke.mockRejectedValue({ code: 'nomor_wa_tidak_valid', message: 'Nomor WhatsApp tidak valid.' });
    await expect(api.checkPhone('123')).rejects.toEqual({
      code: 'nomor_wa_tidak_valid',
      message: 'Nomor WhatsApp tidak valid.',
    });
  });

  it('rejects with galat_tak_terduga when the IPC itself fails', async () => {
    invoke.mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'invoke')"));
    await expect(api.appInfo()).rejects.toMatchObject({ code: 'galat_tak_terduga' });
  });
});

describe('pasted documents', () => {
  it('sends pasted bytes as the raw body with the rest in headers', async () => {
    invoke.mockResolvedValue(null);
    const bytes = new Uint8Array([137, 80, 78, 71]);
    await api.docAddBytes('VN-1', 'tempel 1.png', 'ktp', bytes);
    expect(invoke.mock.calls[0]).toEqual([
      'doc_add_bytes',
      bytes,
      { headers: { 'x-reg-no': 'VN-1', 'x-file-name': 'tempel%201.png', 'x-kind': 'ktp' } },
    ]);
  });
});
