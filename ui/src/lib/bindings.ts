// Generated from the Rust types by loket-core's bindings.rs. Do not edit.
// Regenerate: LOKET_UPDATE_BINDINGS=1 cargo test -p loket-core bindings

export type ErrorCode = "nik_tidak_valid" | "nomor_kk_tidak_valid" | "nomor_wa_tidak_valid" | "nama_tidak_valid" | "teks_terlalu_panjang" | "kategori_tidak_dikenal" | "status_tidak_dikenal" | "hasil_tidak_dikenal" | "perpindahan_tidak_sah" | "hasil_wajib_diisi" | "permohonan_tidak_ditemukan" | "operator_belum_diisi" | "basis_data_versi_baru" | "basis_data_rusak" | "folder_data_tidak_bisa_dipakai" | "folder_data_di_jaringan" | "server_kantor_tidak_terjangkau" | "akses_kantor_ditolak" | "kantor_belum_disiapkan" | "belum_ada_di_mode_kantor" | "kantor_sudah_berisi_data" | "log_akses_rusak" | "disk_penuh" | "gagal_menyimpan" | "masukan_tidak_valid" | "berkas_kosong" | "berkas_terlalu_besar" | "berkas_tidak_bisa_dibaca" | "bukan_gambar" | "format_tidak_didukung" | "berkas_rusak" | "gambar_terlalu_kecil" | "gambar_terlalu_besar" | "terlalu_banyak_halaman" | "pdf_terkunci" | "isi_pdf_terlalu_besar" | "pdf_terlalu_berat" | "dokumen_tidak_ditemukan" | "jenis_dokumen_tidak_dikenal" | "tidak_bisa_digabung" | "sudah_digabung" | "belum_ada_hasil" | "gagal_membuka_whatsapp" | "belum_masuk" | "pin_salah" | "akun_terkunci_sementara" | "akun_tidak_ditemukan" | "nama_akun_sudah_ada" | "pin_terlalu_lemah" | "khusus_supervisor" | "masa_retensi_tidak_valid" | "cadangan_rusak" | "folder_tujuan_tidak_kosong" | "folder_cadangan_tidak_bisa_dipakai" | "berkas_sedang_dibuka" | "model_ocr_tidak_ada" | "model_ocr_rusak" | "gagal_membaca_foto";

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

export type Role = "operator" | "supervisor";

export type Account = { id: number, name: string, role: Role, created_at: number, disabled: boolean, last_login_at: number | null, };

export type Session = { account_id: number, name: string, role: Role, };

export type AppInfo = { version: string, data_dir: string, schema_version: number, 
/**
 * Who is logged in; `None` shows the login (or first-start) screen.
 */
session: Session | null, 
/**
 * Enabled accounts, for the login screen; empty on first start.
 */
accounts: Array<Account>, 
/**
 * Minutes without input before the screen locks.
 */
idle_lock_minutes: number, };

export type LogFilter = { 
/**
 * Registration number, exact.
 */
reg_no: string | null, 
/**
 * Operator name, exact but case-insensitive.
 */
operator: string | null, 
/**
 * A WIB day (YYYY-MM-DD).
 */
day: string | null, 
/**
 * Only entries older than this id (the next page).
 */
before_id: number | null, limit: number | null, };

export type Village = { 
/**
 * 10-digit Kemendagri code, e.g. 3516012001.
 */
code: string, name: string, district: string, };

export type Step = "registered" | "processed" | "handed_over" | "delivered" | "paid" | "failed" | "returned";

export type DocType = "kk" | "ktp_el" | "kia" | "akta_kelahiran" | "akta_kematian" | "surat_pindah" | "other";

export type NewDelivery = { name: string, phone: string, 
/**
 * 10-digit village code (desa/kelurahan of Kab. Mojokerto).
 */
village_code: string, 
/**
 * Street, house number, RT/RW.
 */
address: string, documents: Array<DocType>, 
/**
 * What "other" is, or any note for the post officer.
 */
note: string, 
/**
 * When the applicant registered online (UTC ms); now when absent.
 */
requested_at: number | null, };

export type MoveDetails = { 
/**
 * Hand-over: the courier (Pos Indonesia, J&T, …) and its tracking number (resi).
 */
courier: string | null, tracking_no: string | null, 
/**
 * Delivery: who received it, as written in the pickup book.
 */
receiver: string | null, 
/**
 * Payment: the COD amount collected, in rupiah.
 */
cod_amount: number | null, 
/**
 * Failure or any other remark.
 */
note: string | null, };

export type Delivery = { id: number, reg_no: string, name: string, phone: string, village: Village, address: string, documents: Array<DocType>, note: string, step: Step, requested_at: number, updated_at: number, operator: string, courier: string | null, tracking_no: string | null, receiver: string | null, cod_amount: number | null, 
/**
 * When the current step was reached.
 */
step_since: number, 
/**
 * The next step, and when it is due (None: nothing more is promised).
 */
next_step: Step | null, due_at: number | null, 
/**
 * True when the next step is overdue now.
 */
late: boolean, };

export type DeliveryEvent = { at: number, operator: string, from_step: Step | null, to_step: Step, detail: string, };

export type DeliveryDetail = { delivery: Delivery, events: Array<DeliveryEvent>, 
/**
 * Whether the registration itself kept its promise.
 */
registration_in_time: boolean, };

export type DeliveryQuery = { 
/**
 * Only those whose next step is overdue.
 */
late_only: boolean, 
/**
 * Paid (finished) ones too.
 */
include_done: boolean, search: string | null, limit: number | null, };

export type Promises = { registered_minutes: number, processed_minutes: number, handed_over_minutes: number, delivered_days: number, paid_days: number, };

export type DeliveryTotals = { 
/**
 * Registered in the range.
 */
registered: number, processed: number, handed_over: number, delivered: number, paid: number, failed: number, 
/**
 * Steps taken (registration included) and how many kept their promise.
 */
steps: number, steps_in_time: number, 
/**
 * Open deliveries of the range whose next step is overdue now.
 */
late_now: number, 
/**
 * COD collected, rupiah.
 */
cod_total: number, };

export type Channel = "whatsapp" | "in_person" | "phone";

export type ComplaintCategory = "slow" | "wrong_data" | "staff" | "fee" | "delivery" | "other";

export type NewComplaint = { name: string, 
/**
 * Optional for a complaint made in person.
 */
phone: string, channel: Channel, 
/**
 * The request (VN-…) or delivery (PK-…) it is about, if any.
 */
about_reg_no: string | null, category: ComplaintCategory, text: string, };

export type Complaint = { id: number, reg_no: string, name: string, phone: string, channel: Channel, about_reg_no: string | null, category: ComplaintCategory, text: string, answer: string, received_at: number, answered_at: number | null, closed_at: number | null, operator: string, 
/**
 * When the answer is (or was) due.
 */
answer_due: number | null, 
/**
 * Unanswered past its due time, or answered after it.
 */
late: boolean, };

export type ComplaintTotals = { received: number, answered: number, answered_in_time: number, closed: number, 
/**
 * Not answered yet and past the promise now.
 */
late_now: number, 
/**
 * Complaints that someone asked for money (the service is free).
 */
fee: number, };

export type ServicesOverview = { 
/**
 * Deliveries not yet paid.
 */
deliveries_open: number, 
/**
 * Of those, the ones whose next step is overdue.
 */
deliveries_late: number, 
/**
 * Complaints not closed.
 */
complaints_open: number, 
/**
 * Not answered yet.
 */
complaints_unanswered: number, 
/**
 * Not answered and past the promise.
 */
complaints_late: number, };

export type LogRow = { id: number, 
/**
 * UTC milliseconds.
 */
at: number, operator: string, action: string, 
/**
 * The action in Indonesian words.
 */
label: string, reg_no: string | null, detail: string, 
/**
 * `app` or `cli`; empty for entries written before schema 8.
 */
origin: string, };

export type BrokenEntry = { id: number, reason: string, };

export type ChainReport = { 
/**
 * Entries read.
 */
entries: number, 
/**
 * True when every entry links to the one before and hashes to its hash.
 */
intact: boolean, 
/**
 * The first entry that does not hold, and why (Indonesian).
 */
first_broken: BrokenEntry | null, 
/**
 * The last entry's id and hash: write them down (or keep the backup's
 * copy) to notice entries cut off the end later.
 */
head_id: number, head_hash: string, };

export type DocKind = "ktp" | "kk" | "other";

export type DocFormat = "jpeg" | "png" | "webp" | "pdf";

export type Document = { id: number, 
/**
 * The request's registration number.
 */
reg_no: string, kind: DocKind, 
/**
 * Lower-case hex SHA-256 of the original bytes (names the stored files).
 */
sha256: string, format: DocFormat, 
/**
 * Upright width of the full picture (after EXIF orientation); for a PDF,
 * its first page at [`PDF_DPI`].
 */
width: number, 
/**
 * Upright height, as `width`.
 */
height: number, 
/**
 * 1 for a picture; the page count of a PDF.
 */
pages: number, 
/**
 * Size of the original file.
 */
bytes: number, 
/**
 * The name it arrived with, for display only (never used as a path).
 */
file_name: string, 
/**
 * Milliseconds since the Unix epoch (UTC).
 */
added_at: number, 
/**
 * The operator who added it.
 */
operator: string, };

export type DocumentView = { doc: Document, 
/**
 * Absolute path of the upright display copy of each page.
 */
display: Array<string>, 
/**
 * Absolute path of the thumbnail of each page.
 */
thumbs: Array<string>, 
/**
 * When the files were deleted under the retention rule (UTC ms); then
 * `display` and `thumbs` are empty.
 */
purged_at: number | null, };

export type DocAddResult = { 
/**
 * The file name as given.
 */
file: string, ok: boolean, document: DocumentView | null, error: LoketError | null, };

export type KtpFields = { provinsi: string, kabupaten: string, nik: string, nama: string, tempat_lahir: string, 
/**
 * `YYYY-MM-DD`.
 */
tanggal_lahir: string, 
/**
 * `L` or `P`, or empty.
 */
jenis_kelamin: string, gol_darah: string, alamat: string, rt_rw: string, kel_desa: string, kecamatan: string, agama: string, status_perkawinan: string, pekerjaan: string, kewarganegaraan: string, berlaku_hingga: string, };

export type KkMember = { nama: string, nik: string, 
/**
 * `L` or `P`, or empty.
 */
jenis_kelamin: string, tempat_lahir: string, 
/**
 * `YYYY-MM-DD`.
 */
tanggal_lahir: string, 
/**
 * Status hubungan dalam keluarga (KEPALA KELUARGA, ISTRI, ANAK, …).
 */
hubungan: string, };

export type KkFields = { no_kk: string, kepala_keluarga: string, alamat: string, rt_rw: string, desa_kelurahan: string, kecamatan: string, kabupaten_kota: string, kode_pos: string, provinsi: string, 
/**
 * `YYYY-MM-DD`.
 */
tanggal_dikeluarkan: string, anggota: Array<KkMember>, };

export type FieldMark = { 
/**
 * true = "sesuai" (matches the photo), false = "tidak sesuai".
 */
ok: boolean, 
/**
 * Required when `ok` is false.
 */
reason: string | null, };

export type RevisionReason = "blurry" | "cut_off" | "wrong_document" | "copy_of_copy";

export type DocRevision = { 
/**
 * `ktp` or `kk`: which document must be sent again.
 */
document: string, reason: RevisionReason, };

export type VerificationForm = { ktp: KtpFields, kk: KkFields, 
/**
 * Keyed by field path: `ktp.nik`, `kk.no_kk`, `kk.anggota.0.nik`, …
 */
marks: { [key in string]: FieldMark }, revisions: Array<DocRevision>, };

export type FieldFindings = { errors: Array<Finding>, warnings: Array<Finding>, };

export type FormCheck = { 
/**
 * Findings keyed by field path (`ktp.nik`, `kk.anggota.2.tanggal_lahir`, …).
 */
fields: { [key in string]: FieldFindings }, 
/**
 * The KTP NIK checked against the printed birth date and sex.
 */
nik: IdCheck | null, kk: IdCheck | null, 
/**
 * Index in `kk.anggota` of the KTP holder, when found.
 */
holder_row: number | null, 
/**
 * Problems across the two documents (also attached to their fields).
 */
problems: Array<Finding>, 
/**
 * Fields with a value but no mark yet.
 */
unmarked: number, 
/**
 * Fields marked "tidak sesuai".
 */
mismatched: number, };

export type SavedVerification = { form: VerificationForm, 
/**
 * 0 when nothing was saved yet.
 */
version: number, at: number | null, operator: string | null, };

export type ResendResult = { request: Request, message: string, };

export type DuplicateMatch = { reg_no: string, name: string, status: Status, received_at: number, 
/**
 * Which numbers are equal: "nik", "kk", "phone", in that order.
 */
matched_on: Array<string>, };

export type CreatedRequest = { duplicates: Array<DuplicateMatch>, id: number, 
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

export type SlaState = "not_started" | "running" | "paused" | "met" | "breached";

export type SlaLevel = "ok" | "warning" | "breached";

export type SlaClock = { state: SlaState, 
/**
 * Office time counted: from the first event, without pauses, up to the
 * first `done` (or `now` while open).
 */
elapsed_ms: number, 
/**
 * Target minus elapsed; negative once breached.
 */
remaining_ms: number, level: SlaLevel, 
/**
 * When the clock stopped (the first `done`), UTC ms.
 */
stopped_at: number | null, 
/**
 * While running inside office hours: the UTC ms until which the clock
 * keeps counting in step with the wall clock (the current interval's
 * close). A screen counts `remaining_ms` down on its own up to then and
 * freezes after; `None` when the clock is not counting right now.
 */
counting_until: number | null, };

export type QueueItem = { sla: SlaClock, id: number, 
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

export type QueuePage = { items: Array<QueueItem>, has_more: boolean, };

export type OfficeProfile = { 
/**
 * "Pemerintah Kabupaten Mojokerto".
 */
government: string, 
/**
 * "Dinas Kependudukan dan Pencatatan Sipil".
 */
agency: string, address: string, 
/**
 * The office telephone, as printed.
 */
phone: string, website: string, 
/**
 * The service the desk runs: "Pelayanan Validasi NIK".
 */
service: string, 
/**
 * The complaints WhatsApp number, as printed (`08113202060`).
 */
complaints_whatsapp: string, };

export type OpenInterval = { open: string, close: string, };

export type OfficeHours = { monday: Array<OpenInterval>, tuesday: Array<OpenInterval>, wednesday: Array<OpenInterval>, thursday: Array<OpenInterval>, friday: Array<OpenInterval>, saturday: Array<OpenInterval>, sunday: Array<OpenInterval>, 
/**
 * Public holidays and cuti bersama: closed all day (`YYYY-MM-DD`, WIB).
 */
holidays: string[], };

export type SlaSettings = { office_hours: OfficeHours, 
/**
 * The promise, in office minutes (default 30; 1–1440).
 */
target_minutes: number, 
/**
 * Amber when this many office minutes or fewer are left (default 10;
 * below the target).
 */
warning_minutes: number, };

export type ReplyTemplate = { 
/**
 * `hasil.updated`, `kirim_ulang.blurry`, …
 */
key: string, label: string, 
/**
 * The text in use.
 */
text: string, default_text: string, 
/**
 * The supervisor replaced the shipped text.
 */
customised: boolean, };

export type Reply = { 
/**
 * The template used (`hasil.updated`, `kirim_ulang.blurry`, …).
 */
key: string, text: string, 
/**
 * `https://wa.me/628…?text=…`: opens the citizen's chat with the text.
 */
wa_url: string, };

export type Placeholder = { name: string, meaning: string, };

export type Preferences = { office: OfficeProfile, sla: SlaSettings, templates: Array<ReplyTemplate>, placeholders: Array<Placeholder>, 
/**
 * POS KETANMU's promised time per step.
 */
pos_promises: Promises, 
/**
 * Minutes of office time to answer a complaint.
 */
complaint_minutes: number, 
/**
 * Days KK/KTP photos are kept after their request closes.
 */
retention_days: number, };

export type Layout = "roll80" | "a5";

export type ReceiptOptions = { 
/**
 * Print the whole NIK instead of `351602******0003`.
 */
full_nik: boolean, layout: Layout, };

export type Receipt = { 
/**
 * "Pemerintah Kabupaten Mojokerto" (may be empty).
 */
government: string, 
/**
 * "Dinas Kependudukan dan Pencatatan Sipil".
 */
agency: string, 
/**
 * The office address (may be empty).
 */
address: string, 
/**
 * "Telp. (0321) 322336 · dispendukcapil.mojokertokab.go.id" (may be empty).
 */
contact: string, 
/**
 * "BUKTI LAYANAN".
 */
title: string, 
/**
 * "Pelayanan Validasi NIK".
 */
service: string, 
/**
 * `VN-251126-0007`, also the QR code's content.
 */
reg_no: string, applicant: string, 
/**
 * Masked unless the full NIK was asked for; "—" when none was given.
 */
nik: string, 
/**
 * Whether `nik` is the full number.
 */
nik_full: boolean, 
/**
 * The WhatsApp number with only its last four digits.
 */
whatsapp: string, 
/**
 * Why the NIK was rejected: "BPJS", "Bank", ...
 */
category: string, 
/**
 * "25-11-2026 09:05 WIB".
 */
received: string, 
/**
 * When the outcome was recorded, or "Belum selesai".
 */
finished: string, 
/**
 * The outcome in words, or where the open request stands.
 */
outcome: string, 
/**
 * The time promise (office time), once finished: "Tepat waktu: 12 menit dari janji 30 menit".
 */
sla: string | null, 
/**
 * Who recorded the outcome (else who registered the request).
 */
operator: string, 
/**
 * "Tidak dipungut biaya".
 */
fee: string, 
/**
 * "Simpan bukti ini. Pengaduan: WhatsApp 08113202060".
 */
footer: string, 
/**
 * "Dicetak 25-11-2026 09:40 WIB oleh Rina".
 */
printed: string, };

export type ReceiptPrint = { svg: string, width_mm: number, height_mm: number, layout: Layout, };

export type ReceiptFormat = "html" | "pdf" | "png";

export type ReceiptFile = { file: string, format: ReceiptFormat, layout: Layout, width_mm: number, height_mm: number, bytes: number, };

export type SlaReport = { 
/**
 * Requests considered.
 */
total: number, 
/**
 * Requests whose clock stopped at an outcome.
 */
finished: number, 
/**
 * Finished within the target.
 */
met: number, 
/**
 * `met / finished`, 0..1 (0 when nothing is finished).
 */
share_met: number, 
/**
 * Median office time to outcome of the finished requests (nearest rank:
 * always a real request's time); `None` when nothing is finished.
 */
median_ms: number | null, 
/**
 * 90th percentile (nearest rank) of the same.
 */
p90_ms: number | null, };

export type RecapOptions = { 
/**
 * Show NIKs in full (personal data: only when needed).
 */
full_nik: boolean, };

export type RecapRow = { reg_no: string, received_at: number, 
/**
 * The first `done` (the outcome, or the merge of a re-send); `None` while open.
 */
finished_at: number | null, 
/**
 * The first `replied`.
 */
replied_at: number | null, name: string, 
/**
 * Masked (`351602******0003`) unless the recap was asked with `full_nik`.
 */
nik: string | null, category: Category, status: Status, outcome: Outcome | null, 
/**
 * Who recorded the outcome; before that, who registered the request.
 */
operator: string, 
/**
 * Office time counted by the SLA clock (to the outcome, or to `now` while open).
 */
sla_elapsed_ms: number, 
/**
 * `Some(true)`: finished within the promise; `Some(false)`: finished
 * late, or still open and already past it; `None`: open and still in
 * time, or a merged re-send (not judged).
 */
sla_met: boolean | null, 
/**
 * The request this one was merged into as a re-send (not counted in totals).
 */
merged_into: string | null, };

export type OutcomeCount = { outcome: Outcome, count: number, };

export type CategoryCount = { category: Category, count: number, };

export type OperatorCount = { operator: string, total: number, finished: number, 
/**
 * Finished within the promise.
 */
met: number, };

export type RecapSummary = { from: string, to: string, generated_at: number, 
/**
 * NIKs are shown in full.
 */
full_nik: boolean, office: OfficeProfile, 
/**
 * The promise the SLA figures are measured against, in office minutes.
 */
target_minutes: number, 
/**
 * Requests received in the range (rows), merged re-sends included.
 */
total: number, 
/**
 * Re-sends merged into another request: listed, not counted below.
 */
merged: number, 
/**
 * Still open as of `generated_at` (counted requests).
 */
open: number, 
/**
 * Every outcome, in the fixed order, zeros included.
 */
by_outcome: Array<OutcomeCount>, 
/**
 * Every category, in the fixed order, zeros included.
 */
by_category: Array<CategoryCount>, 
/**
 * Operators by name.
 */
by_operator: Array<OperatorCount>, 
/**
 * Over the counted requests.
 */
sla: SlaReport, };

export type Recap = { 
/**
 * By time received.
 */
rows: Array<RecapRow>, 
/**
 * POS KETANMU deliveries registered in the range.
 */
deliveries: DeliveryTotals, 
/**
 * Complaints received in the range.
 */
complaints: ComplaintTotals, from: string, to: string, generated_at: number, 
/**
 * NIKs are shown in full.
 */
full_nik: boolean, office: OfficeProfile, 
/**
 * The promise the SLA figures are measured against, in office minutes.
 */
target_minutes: number, 
/**
 * Requests received in the range (rows), merged re-sends included.
 */
total: number, 
/**
 * Re-sends merged into another request: listed, not counted below.
 */
merged: number, 
/**
 * Still open as of `generated_at` (counted requests).
 */
open: number, 
/**
 * Every outcome, in the fixed order, zeros included.
 */
by_outcome: Array<OutcomeCount>, 
/**
 * Every category, in the fixed order, zeros included.
 */
by_category: Array<CategoryCount>, 
/**
 * Operators by name.
 */
by_operator: Array<OperatorCount>, 
/**
 * Over the counted requests.
 */
sla: SlaReport, };

export type RecapFile = { file: string, summary: RecapSummary, };

export type PurgeItem = { document_id: number, 
/**
 * The registration number of the request the document belongs to.
 */
reg_no: string, kind: DocKind, sha256: string, format: DocFormat, pages: number, 
/**
 * Size of the original file.
 */
bytes: number, 
/**
 * When the request closed (its latest move into `done`), UTC ms.
 */
closed_at: number, 
/**
 * When this document's period started: `closed_at`, or later when the
 * document was added or moved onto the closed request afterwards.
 */
clock_from: number, 
/**
 * False when the same bytes are a document of a request still inside
 * its period: the row is purged, the files stay until that one's turn.
 */
deletes_files: boolean, };

export type RetentionReport = { 
/**
 * The period applied.
 */
days: number, now_ms: number, operator: string, 
/**
 * Documents purged by this run.
 */
purged: Array<PurgeItem>, 
/**
 * Contents (distinct SHA-256) whose files were deleted by this run,
 * including those left behind by an interrupted earlier run.
 */
contents_deleted: number, 
/**
 * Files deleted (originals, display copies, thumbnails).
 */
files_deleted: number, 
/**
 * Bytes those files held.
 */
bytes_freed: number, 
/**
 * Contents whose files could not all be deleted (a file held open by
 * another program, a refused permission): retried by the next run.
 */
contents_left: number, 
/**
 * Why, for the first of them.
 */
error: LoketError | null, };

export type BackupReport = { 
/**
 * The backup folder (absolute or as given).
 */
dir: string, 
/**
 * Its name, `loket-cadangan-YYYYMMDD-HHMMSS`.
 */
name: string, created_at: number, app_version: string, schema_version: number, database_bytes: number, database_sha256: string, requests: number, documents: number, 
/**
 * Document files copied (originals, display copies, thumbnails).
 */
files: number, file_bytes: number, 
/**
 * Files the snapshot references that were not in the data folder
 * (deleted by retention meanwhile, or lost before): listed in the
 * manifest, not copied.
 */
missing: Array<string>, 
/**
 * Originals whose bytes no longer match the SHA-256 they are named by:
 * damaged in the data folder (copied as they are; the damage is there).
 */
damaged: Array<string>, };

export type ProblemKind = "manifest_missing" | "manifest_invalid" | "version_newer" | "file_missing" | "size_mismatch" | "hash_mismatch" | "database_damaged";

export type BackupProblem = { 
/**
 * The file, relative to the backup folder (empty for the folder itself).
 */
path: string, kind: ProblemKind, 
/**
 * In Indonesian, for the supervisor.
 */
message: string, };

export type VerifyReport = { dir: string, 
/**
 * No problems.
 */
ok: boolean, created_at: number | null, app_version: string | null, schema_version: number | null, requests: number | null, documents: number | null, 
/**
 * Files hashed, the database included.
 */
files_checked: number, bytes_checked: number, problems: Array<BackupProblem>, };

export type RestoreReport = { 
/**
 * The new data folder.
 */
data_dir: string, 
/**
 * The backup it came from.
 */
backup_dir: string, backup_created_at: number, 
/**
 * The schema of the backup, and of the restored folder after migrating.
 */
backup_schema_version: number, schema_version: number, requests: number, documents: number, 
/**
 * Document files restored.
 */
files: number, bytes: number, };

export type Suggestion = { 
/**
 * The form's field name (`nik`, `nama`, `tanggal_lahir`, …).
 */
field: string, 
/**
 * In the form's own format (dates `YYYY-MM-DD`, sex `L`/`P`).
 */
value: string, 
/**
 * Mean confidence, 0–1.
 */
confidence: number, 
/**
 * Confidence of each character of `value` (numbers: each digit).
 */
chars: Array<number>, 
/**
 * Indexes of characters read as look-alike letters and turned into digits.
 */
fixed: Array<number>, 
/**
 * The NIK/KK check this value fails, if any.
 */
problem: Finding | null, };

export type MemberSuggestion = { 
/**
 * 0-based row of the member table as read.
 */
row: number, fields: Array<Suggestion>, };

export type Reading = { kind: DocKind, fields: Array<Suggestion>, members: Array<MemberSuggestion>, 
/**
 * The text of the KK's QR code, when one was found and decoded.
 */
qr: string | null, 
/**
 * The document's turn on the photo in degrees (counter-clockwise
 * positive), undone before reading.
 */
turn: number, 
/**
 * Text lines read.
 */
lines: number, 
/**
 * Time taken, in milliseconds.
 */
millis: number, };

export const STATUSES: readonly Status[] = ["received", "verifying", "waiting_citizen", "done", "replied"];

export const STATUS_LABELS: Record<Status, string> = {
  "received": "Diterima",
  "verifying": "Diverifikasi",
  "waiting_citizen": "Menunggu pemohon",
  "done": "Selesai",
  "replied": "Sudah dibalas",
};

export const OUTCOMES: readonly Outcome[] = ["updated", "updated_pending_sync", "duplicate_nik", "not_recorded", "data_mismatch", "resend_needed"];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  "updated": "NIK sudah diperbarui",
  "updated_pending_sync": "Diperbarui, lembaga melihatnya setelah 3×24 jam",
  "duplicate_nik": "NIK ganda (dieskalasi)",
  "not_recorded": "Belum rekam KTP-el",
  "data_mismatch": "Data tidak sesuai",
  "resend_needed": "Perlu kirim ulang dokumen",
};

export const CATEGORIES: readonly Category[] = ["bpjs", "bank", "school", "sim", "voter_list", "other"];

export const CATEGORY_LABELS: Record<Category, string> = {
  "bpjs": "BPJS",
  "bank": "Bank",
  "school": "Sekolah",
  "sim": "SIM",
  "voter_list": "Daftar pemilih (DPT)",
  "other": "Lainnya",
};

export const DOC_KINDS: readonly DocKind[] = ["ktp", "kk", "other"];

export const DOC_KIND_LABELS: Record<DocKind, string> = {
  "ktp": "KTP-el",
  "kk": "KK",
  "other": "Lainnya",
};

export const STEPS: readonly Step[] = ["registered", "processed", "handed_over", "delivered", "paid", "failed", "returned"];

export const STEP_LABELS: Record<Step, string> = {
  "registered": "Terdaftar",
  "processed": "Diverifikasi dan diproses",
  "handed_over": "Diserahkan ke petugas pos",
  "delivered": "Diantar ke alamat",
  "paid": "Diterima dan dibayar (COD)",
  "failed": "Gagal diantar",
  "returned": "Kembali ke kantor",
};

export const DOC_TYPES: readonly DocType[] = ["kk", "ktp_el", "kia", "akta_kelahiran", "akta_kematian", "surat_pindah", "other"];

export const DOC_TYPE_LABELS: Record<DocType, string> = {
  "kk": "KK",
  "ktp_el": "KTP-el",
  "kia": "KIA",
  "akta_kelahiran": "Akta kelahiran",
  "akta_kematian": "Akta kematian",
  "surat_pindah": "Surat pindah",
  "other": "Lainnya",
};

export const CHANNELS: readonly Channel[] = ["whatsapp", "in_person", "phone"];

export const CHANNEL_LABELS: Record<Channel, string> = {
  "whatsapp": "WhatsApp",
  "in_person": "Datang langsung",
  "phone": "Telepon",
};

export const COMPLAINT_CATEGORIES: readonly ComplaintCategory[] = ["slow", "wrong_data", "staff", "fee", "delivery", "other"];

export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  "slow": "Layanan lambat",
  "wrong_data": "Data salah",
  "staff": "Sikap petugas",
  "fee": "Dimintai biaya",
  "delivery": "Pengiriman POS KETANMU",
  "other": "Lainnya",
};
