//! The closed word lists of KTP-el and KK fields (Permendagri forms), used to
//! snap a value read with a typo to the word it must be.

pub const AGAMA: [&str; 7] = [
    "ISLAM",
    "KRISTEN",
    "KATOLIK",
    "HINDU",
    "BUDDHA",
    "KONGHUCU",
    "KEPERCAYAAN TERHADAP TUHAN YME",
];
pub const STATUS_PERKAWINAN: [&str; 4] = ["BELUM KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI"];
pub const KEWARGANEGARAAN: [&str; 2] = ["WNI", "WNA"];
pub const GOL_DARAH: [&str; 10] = [
    "A",
    "B",
    "AB",
    "O",
    "A+",
    "A-",
    "B+",
    "B-",
    "O+",
    "TIDAK TAHU",
];
pub const HUBUNGAN: [&str; 11] = [
    "KEPALA KELUARGA",
    "SUAMI",
    "ISTRI",
    "ANAK",
    "MENANTU",
    "CUCU",
    "ORANG TUA",
    "MERTUA",
    "FAMILI LAIN",
    "PEMBANTU",
    "LAINNYA",
];

/// `L`/`P` from a printed sex, tolerating typos.
pub fn sex(value: &str) -> Option<&'static str> {
    let letters: String = value
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let l = strsim::levenshtein(&letters, "LAKILAKI");
    let p = strsim::levenshtein(&letters, "PEREMPUAN");
    if l <= 2 && l < p {
        Some("L")
    } else if p <= 2 && p < l {
        Some("P")
    } else {
        None
    }
}

/// The kecamatan and desa/kelurahan names of Kabupaten Mojokerto, upper case.
pub fn kecamatan_names() -> Vec<String> {
    let mut v: Vec<String> = crate::delivery::villages::all()
        .iter()
        .map(|v| v.district.to_uppercase())
        .collect();
    v.dedup();
    v
}

pub fn desa_names() -> Vec<String> {
    crate::delivery::villages::all()
        .iter()
        .map(|v| v.name.to_uppercase())
        .collect()
}
