//! Replies of the desk's other services: telling a POS KETANMU applicant
//! where their documents are (with the courier and tracking number once
//! handed over), and sending a complaint's answer — from the same
//! supervisor-edited templates and the same `wa.me` link as NIK replies.

use super::templates::{fill, text_for, TemplateKey};
use super::{dinas_name, wa_url, Reply};
use crate::complaints;
use crate::delivery::{self, Step};
use crate::error::{ErrorCode, LoketError, Result};
use crate::office;

fn reply(key: TemplateKey, phone: &str, text: String) -> Reply {
    Reply {
        key: key.id(),
        wa_url: wa_url(phone, &text),
        text,
    }
}

/// The message for a delivery's current step.
pub fn compose_delivery<'c>(
    db: impl Into<crate::db::Db<'c>>,
    reg_no: &str,
    now_ms: i64,
) -> Result<Reply> {
    let conn = db.into();
    let d = delivery::detail(conn, reg_no, now_ms)?.delivery;
    let step = match d.step {
        Step::Delivered | Step::Paid => Step::Paid,
        Step::Returned | Step::Failed => Step::Failed,
        other => other,
    };
    let key = TemplateKey::Delivery(step);
    let office = office::load(conn)?;
    let alamat = format!(
        "{}, Desa/Kel. {}, Kec. {}",
        d.address, d.village.name, d.village.district
    );
    let values = [
        ("nama", d.name.clone()),
        ("no_registrasi", d.reg_no.clone()),
        ("kurir", d.courier.clone().unwrap_or_default()),
        ("resi", d.tracking_no.clone().unwrap_or_default()),
        ("alamat", alamat),
        ("layanan", "POS KETANMU".to_owned()),
        ("dinas", dinas_name(&office)),
        ("pengaduan", office.complaints_whatsapp.clone()),
    ];
    Ok(reply(key, &d.phone, fill(&text_for(conn, key)?, &values)))
}

/// The answer to a complaint, to send to the number it came from.
pub fn compose_complaint<'c>(
    db: impl Into<crate::db::Db<'c>>,
    reg_no: &str,
    now_ms: i64,
) -> Result<Reply> {
    let conn = db.into();
    let c = complaints::get(conn, reg_no, now_ms)?;
    if c.answer.trim().is_empty() {
        return Err(LoketError::new(
            ErrorCode::BelumAdaHasil,
            format!(
                "Pengaduan {} belum dijawab. Tulis jawabannya dulu.",
                c.reg_no
            ),
        ));
    }
    if c.phone.is_empty() {
        return Err(LoketError::new(
            ErrorCode::NomorWaTidakValid,
            format!(
                "Pengaduan {} tidak mencatat nomor WhatsApp pengadu.",
                c.reg_no
            ),
        ));
    }
    let key = TemplateKey::ComplaintAnswer;
    let office = office::load(conn)?;
    let values = [
        ("nama", c.name.clone()),
        ("no_registrasi", c.reg_no.clone()),
        ("jawaban", c.answer.clone()),
        ("dinas", dinas_name(&office)),
        ("pengaduan", office.complaints_whatsapp.clone()),
    ];
    Ok(reply(key, &c.phone, fill(&text_for(conn, key)?, &values)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::complaints::{Channel, ComplaintCategory, NewComplaint};
    use crate::delivery::{DocType, MoveDetails, NewDelivery};

    const T0: i64 = 1_795_579_200_000;

    #[test]
    fn a_handed_over_delivery_tells_the_tracking_number() -> Result<()> {
        let mut conn = crate::db::open_in_memory()?;
        let input = NewDelivery {
            name: "Siti Aminah".into(),
            phone: "081234567890".into(),
            village_code: "3516012001".into(),
            address: "Jl. Raya 12".into(),
            documents: vec![DocType::Kk],
            ..NewDelivery::default()
        };
        let reg = delivery::create(&mut conn, &input, "Rina", T0)?
            .delivery
            .reg_no;
        delivery::move_to(
            &mut conn,
            &reg,
            Step::Processed,
            &MoveDetails::default(),
            "Rina",
            T0,
        )?;
        let handed = MoveDetails {
            courier: Some("J&T".into()),
            tracking_no: Some("JT777".into()),
            ..MoveDetails::default()
        };
        delivery::move_to(&mut conn, &reg, Step::HandedOver, &handed, "Rina", T0)?;
        let r = compose_delivery(&conn, &reg, T0)?;
        assert_eq!(r.key, "pos.handed_over");
        assert!(
            r.text.contains("JT777") && r.text.contains("J&T") && r.text.contains("Kec. Jatirejo"),
            "{}",
            r.text
        );
        assert!(r.wa_url.starts_with("https://wa.me/6281234567890?text="));
        Ok(())
    }

    #[test]
    fn a_complaint_answer_goes_to_its_number() -> Result<()> {
        let mut conn = crate::db::open_in_memory()?;
        let input = NewComplaint {
            name: "Budi".into(),
            phone: "081234567891".into(),
            channel: Channel::Whatsapp,
            about_reg_no: None,
            category: ComplaintCategory::Slow,
            text: "Lama.".into(),
        };
        let reg = complaints::create(&mut conn, &input, "Rina", T0)?.reg_no;
        let early = compose_complaint(&conn, &reg, T0);
        assert_eq!(early.err().map(|e| e.code), Some(ErrorCode::BelumAdaHasil));
        complaints::answer(&mut conn, &reg, "Sudah kami proses.", "Rina", T0)?;
        let r = compose_complaint(&conn, &reg, T0)?;
        assert!(r.text.contains("Sudah kami proses.") && r.text.contains(&reg));
        assert!(r.wa_url.starts_with("https://wa.me/6281234567891?text="));
        Ok(())
    }
}
