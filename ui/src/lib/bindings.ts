// Generated from the Rust types by loket-core's bindings.rs. Do not edit.
// Regenerate: LOKET_UPDATE_BINDINGS=1 cargo test -p loket-core bindings

export type ErrorCode = "nik_tidak_valid" | "nomor_kk_tidak_valid" | "nomor_wa_tidak_valid" | "nama_tidak_valid" | "teks_terlalu_panjang" | "kategori_tidak_dikenal" | "status_tidak_dikenal" | "hasil_tidak_dikenal" | "perpindahan_tidak_sah" | "hasil_wajib_diisi" | "permohonan_tidak_ditemukan" | "operator_belum_diisi" | "basis_data_versi_baru" | "basis_data_rusak" | "folder_data_tidak_bisa_dipakai" | "disk_penuh" | "gagal_menyimpan" | "masukan_tidak_valid";

export type LoketError = { code: ErrorCode, message: string, };

export type Sex = "L" | "P";

export type Finding = { code: string, message: string, };

export type RegionInfo = { 
/**
 * The 6-digit code as written in the number (may be a retired one).
 */
kode: string, provinsi: string | null, kabkota: string | null, kecamatan: string | null, };

export type IdCheck = { valid: boolean, 
/**
 * The 16 digits after normalisation; null when the input has no 16 digits.
 */
normalized: string | null, 
/**
 * NIK: date of birth; KK: the recording date. `YYYY-MM-DD`.
 */
birth_date: string | null, 
/**
 * NIK only.
 */
sex: Sex | null, region: RegionInfo | null, errors: Array<Finding>, warnings: Array<Finding>, };

export type Status = "received" | "verifying" | "waiting_citizen" | "done" | "replied";

export type Outcome = "updated" | "updated_pending_sync" | "duplicate_nik" | "not_recorded" | "data_mismatch" | "resend_needed";

export type Category = "bpjs" | "bank" | "school" | "sim" | "voter_list" | "other";

export type NewRequest = { name: string, phone: string, nik: string | null, kk: string | null, category: Category | null, problem: string | null, };

export type Request = { id: number, 
/**
 * Human-readable, unique, sequential per day: `VN-251126-0007`.
 */
reg_no: string, name: string, 
/**
 * E.164: `+628123456789`.
 */
phone: string, nik: string | null, kk: string | null, category: Category, problem: string, status: Status, outcome: Outcome | null, 
/**
 * Milliseconds since the Unix epoch (UTC); shown in WIB.
 */
received_at: number, updated_at: number, 
/**
 * The operator who registered it.
 */
operator: string, };

export type Event = { at: number, operator: string, from_status: Status | null, to_status: Status, outcome: Outcome | null, note: string, };

export type RequestDetail = { request: Request, events: Array<Event>, nik_check: IdCheck | null, kk_check: IdCheck | null, 
/**
 * The moves the state machine allows from the current status.
 */
next: Array<Status>, };

export type QueueView = "active" | "all";

export type ListQuery = { search: string | null, status: Status | null, view: QueueView, limit: number | null, };

export type RequestPage = { items: Array<Request>, 
/**
 * More rows match than were returned.
 */
has_more: boolean, };

export type AppInfo = { version: string, data_dir: string, operator: string | null, schema_version: number, };
