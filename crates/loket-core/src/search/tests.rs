use super::*;
use crate::db::testing::each_engine;
use crate::db::Db;
use crate::model::{Category, NewRequest, Outcome};
use crate::requests::{create_request, move_request};

const NOW: i64 = 1_764_054_000_000;

fn add(conn: Db<'_>, name: &str, phone: &str, nik: &str, at: i64) -> Result<Request> {
    create_request(
        conn,
        &NewRequest {
            name: name.into(),
            phone: phone.into(),
            nik: Some(nik.into()),
            kk: Some("3516032003240061".into()),
            category: Some(Category::Bank),
            problem: None,
        },
        "Rina",
        at,
    )
}

fn regs(page: &RequestPage) -> Vec<&str> {
    page.items.iter().map(|r| r.reg_no.as_str()).collect()
}

fn q(search: &str) -> ListQuery {
    ListQuery {
        search: Some(search.into()),
        view: QueueView::All,
        ..Default::default()
    }
}

#[test]
fn finds_by_each_key() -> Result<()> {
    each_engine(|conn| {
        let a = add(
            conn,
            "Nur Siti Aminah",
            "081234567890",
            "3516024512900003",
            NOW,
        )?;
        let b = add(
            conn,
            "Budi Santoso",
            "085700001111",
            "3578011203850007",
            NOW + 1,
        )?;
        let c = add(
            conn,
            "Siti Rahayu",
            "081399998888",
            "3171014101000001",
            NOW + 2,
        )?;

        assert_eq!(
            regs(&list(conn, &q(&a.reg_no))?),
            vec![a.reg_no.as_str()],
            "by registration number"
        );
        assert_eq!(
            regs(&list(conn, &q("3578 0112 0385 0007"))?),
            vec![b.reg_no.as_str()],
            "by full NIK with spaces"
        );
        assert_eq!(
            regs(&list(conn, &q("357801"))?),
            vec![b.reg_no.as_str()],
            "by NIK prefix"
        );
        assert_eq!(
            list(conn, &q("3516032003240061"))?.items.len(),
            3,
            "by KK: all three share it"
        );
        assert_eq!(
            regs(&list(conn, &q("0857-0000"))?),
            vec![b.reg_no.as_str()],
            "by phone as typed locally"
        );
        assert_eq!(
            regs(&list(conn, &q("+62 813 9999"))?),
            vec![c.reg_no.as_str()],
            "by phone in +62 form"
        );
        assert_eq!(
            regs(&list(conn, &q("siti"))?),
            vec![c.reg_no.as_str(), a.reg_no.as_str()],
            "by a word of the name, newest first"
        );
        assert_eq!(
            regs(&list(conn, &q("ami"))?),
            vec![a.reg_no.as_str()],
            "by the start of a later word"
        );
        assert_eq!(
            regs(&list(conn, &q("siti ra"))?),
            vec![c.reg_no.as_str()],
            "every typed word must match"
        );
        assert!(list(conn, &q("zzz"))?.items.is_empty(), "no match, no rows");
        assert!(
            list(conn, &q("\"*) OR ("))?.items.is_empty(),
            "FTS syntax in a query is harmless"
        );
        Ok(())
    })
}

#[test]
fn active_view_is_open_requests_oldest_first() -> Result<()> {
    each_engine(|conn| {
        let a = add(conn, "A", "081234567890", "3516024512900003", NOW)?;
        let b = add(conn, "B", "081234567891", "3516024512900004", NOW + 10)?;
        let c = add(conn, "C", "081234567892", "3516024512900005", NOW + 20)?;
        move_request(
            conn,
            &b.reg_no,
            Status::Verifying,
            None,
            None,
            "Rina",
            NOW + 30,
        )?;
        move_request(
            conn,
            &b.reg_no,
            Status::Done,
            Some(Outcome::Updated),
            None,
            "Rina",
            NOW + 40,
        )?;
        let active = list(conn, &ListQuery::default())?;
        assert_eq!(
            regs(&active),
            vec![a.reg_no.as_str(), c.reg_no.as_str()],
            "done requests leave the active queue; oldest first"
        );
        let all = list(
            conn,
            &ListQuery {
                view: QueueView::All,
                ..Default::default()
            },
        )?;
        assert_eq!(
            regs(&all),
            vec![c.reg_no.as_str(), b.reg_no.as_str(), a.reg_no.as_str()],
            "all: newest first"
        );
        let done = list(
            conn,
            &ListQuery {
                status: Some(Status::Done),
                ..Default::default()
            },
        )?;
        assert_eq!(regs(&done), vec![b.reg_no.as_str()], "status filter");
        let limited = list(
            conn,
            &ListQuery {
                view: QueueView::All,
                limit: Some(2),
                ..Default::default()
            },
        )?;
        assert!(
            limited.has_more && limited.items.len() == 2,
            "has_more says the page was cut"
        );
        Ok(())
    })
}

#[test]
fn long_words_and_shared_prefixes_match_by_word_start() -> Result<()> {
    each_engine(|conn| {
        let a = add(
            conn,
            "Muhammad Kurniawan",
            "081234567801",
            "3516024512900003",
            NOW,
        )?;
        let b = add(
            conn,
            "Kurnia Sari",
            "081234567802",
            "3516024512900003",
            NOW + 1,
        )?;
        let c = add(
            conn,
            "Siti Nurkurniawati",
            "081234567803",
            "3516024512900003",
            NOW + 2,
        )?;
        assert_eq!(regs(&list(conn, &q("kurnia"))?), [&b.reg_no, &a.reg_no]);
        assert_eq!(
            regs(&list(conn, &q("kurniawa"))?),
            [&a.reg_no],
            "longer than six letters: checked on the whole word start"
        );
        assert_eq!(regs(&list(conn, &q("muh kurniawan"))?), [&a.reg_no]);
        assert!(
            regs(&list(conn, &q("urnia"))?).is_empty(),
            "not a word start"
        );
        assert_eq!(regs(&list(conn, &q("nurk"))?), [&c.reg_no]);
        Ok(())
    })
}
