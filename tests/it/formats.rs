//! Every way an owner's file can arrive: encodings, separators, .xlsx, and files that are not tables.

use adresat::import::{ImportKind, ImportOptions};
use adresat::store::Consent;

use crate::support::Scratch;

const ROWS: &str = "ФИО;Телефон;Город;Согласие на рассылку;Теги\n\
                    Иванова Мария Петровна;8 912 345-67-89;Новосибирск;да;интерес:обувь, vip\n\
                    Петров Илья;+7 (913) 000-11-22;г. Москва;нет;\n";

fn check_loaded(s: &Scratch) {
    assert_eq!(s.count(), 2);
    let (maria, tags) = s.by_phone("+79123456789");
    assert_eq!(maria.name.as_deref(), Some("Иванова Мария Петровна"));
    assert_eq!(maria.first_name.as_deref(), Some("Мария"));
    assert_eq!(maria.city.as_deref(), Some("Новосибирск"));
    assert_eq!(maria.time_zone, "Asia/Novosibirsk");
    assert_eq!(maria.consent, Consent::Yes);
    assert_eq!(tags, ["vip", "интерес:обувь"]);
    let (ilya, _) = s.by_phone("+79130001122");
    assert_eq!(ilya.first_name.as_deref(), Some("Илья"));
    assert_eq!(ilya.consent, Consent::No);
    assert_eq!(ilya.time_zone, "Europe/Moscow");
}

fn load_bytes(bytes: &[u8], expect_encoding: &str, expect_delimiter: char) {
    let mut s = Scratch::new();
    let path = s.path("file.csv");
    std::fs::write(&path, bytes).unwrap();
    let report = s.import(ImportKind::Contacts, &path);
    assert_eq!(report.format.encoding, expect_encoding);
    assert_eq!(report.format.delimiter, Some(expect_delimiter));
    assert_eq!(
        (report.read, report.inserted, report.rejected),
        (2, 2, 0),
        "{:?}",
        report.rejects
    );
    check_loaded(&s);
}

#[test]
fn utf8_without_bom_semicolon() {
    load_bytes(ROWS.as_bytes(), "UTF-8", ';');
}

#[test]
fn utf8_with_bom_comma() {
    let text = ROWS
        .replace(';', ",")
        .replace("интерес:обувь, vip", "\"интерес:обувь, vip\"");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(text.as_bytes());
    load_bytes(&bytes, "UTF-8", ',');
}

#[test]
fn windows_1251_semicolon_as_russian_excel_saves() {
    let (bytes, _, bad) = encoding_rs::WINDOWS_1251.encode(ROWS);
    assert!(!bad);
    load_bytes(&bytes, "windows-1251", ';');
}

#[test]
fn utf16_tabs_as_excel_unicode_text() {
    let text = ROWS.replace(';', "\t").replace('\n', "\r\n");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    load_bytes(&bytes, "UTF-16LE", '\t');
}

#[test]
fn utf8_tab_separated() {
    load_bytes(ROWS.replace(';', "\t").as_bytes(), "UTF-8", '\t');
}

#[test]
fn xlsx_with_numbers_and_dates() {
    let mut s = Scratch::new();
    let path = s.path("contacts.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let headers = [
        "ФИО",
        "Телефон",
        "Город",
        "Согласие на рассылку",
        "Теги",
        "Дата регистрации",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "Иванова Мария Петровна").unwrap();
    // A phone Excel keeps as a number.
    sheet.write_number(1, 1, 79123456789.0).unwrap();
    sheet.write_string(1, 2, "Новосибирск").unwrap();
    sheet.write_string(1, 3, "да").unwrap();
    sheet.write_string(1, 4, "интерес:обувь, vip").unwrap();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 12, 31)
        .unwrap()
        .and_hms(10, 0, 0)
        .unwrap();
    let format = rust_xlsxwriter::Format::new().set_num_format("dd.mm.yyyy hh:mm");
    sheet
        .write_datetime_with_format(1, 5, &date, &format)
        .unwrap();
    sheet.write_string(2, 0, "Петров Илья").unwrap();
    sheet.write_string(2, 1, "+7 (913) 000-11-22").unwrap();
    sheet.write_string(2, 2, "г. Москва").unwrap();
    sheet.write_number(2, 3, 0.0).unwrap();
    book.save(&path).unwrap();

    let report = s.import(ImportKind::Contacts, &path);
    assert_eq!(report.format.kind, "xlsx");
    assert_eq!(
        (report.read, report.inserted, report.rejected),
        (2, 2, 0),
        "{:?}",
        report.rejects
    );
    check_loaded(&s);
    // The Excel serial date, read in the owner's zone (Moscow, UTC+3).
    assert_eq!(
        s.by_phone("+79123456789").0.created_at,
        "2024-12-31T07:00:00Z"
    );
}

#[test]
fn files_that_are_not_tables_change_nothing() {
    let mut s = Scratch::new();
    s.contacts("Телефон\n89120000001\n");
    let before = s.store.stats().unwrap();
    let cases: [(&str, &[u8]); 5] = [
        ("empty.csv", b""),
        ("blank.csv", b"\n\n  \n"),
        ("picture.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde\0\0\0\x0cIDAT"),
        ("broken.xlsx", b"PK\x03\x04 this is no workbook"),
        // An old binary Excel file that cannot be read says how to save it as .xlsx.
        ("broken.xls", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 this is no workbook"),
    ];
    for (name, bytes) in cases {
        let path = s.path(name);
        std::fs::write(&path, bytes).unwrap();
        let err = s
            .try_import(
                &ImportOptions::new(ImportKind::Contacts, chrono::Utc::now()),
                &path,
            )
            .unwrap_err();
        assert_eq!(err.id(), "error-not-a-table", "{name}: {err}");
        assert!(err.to_string().contains(name), "{err}");
    }
    let missing = s
        .try_import(
            &ImportOptions::new(ImportKind::Contacts, chrono::Utc::now()),
            &s.path("nope.csv"),
        )
        .unwrap_err();
    assert_eq!(missing.id(), "error-io");
    // A table without any column that identifies a person.
    let path = s.file("notes.csv", "Заметка;Дата\nпозвонить;01.01.2025\n");
    let err = s
        .try_import(
            &ImportOptions::new(ImportKind::Contacts, chrono::Utc::now()),
            &path,
        )
        .unwrap_err();
    assert_eq!(err.id(), "error-missing-columns");
    assert!(err.to_string().contains("Заметка"), "{err}");
    assert_eq!(s.store.stats().unwrap(), before);
}

#[test]
fn header_synonyms_in_russian_english_and_bitrix() {
    let mut s = Scratch::new();
    let r = s.contacts(
        "ID клиента;Имя;Фамилия;Моб. телефон;Город;Регион;Источник;utm_source;Дата регистрации;Любимый цвет\n\
         A-1;Мария;Иванова;89123456789;Троицк;Челябинская обл.;Instagram;insta;31.12.2024;синий\n",
    );
    assert_eq!(r.rejected, 0, "{:?}", r.rejects);
    let (c, _) = s.by_external("A-1");
    assert_eq!(c.first_name.as_deref(), Some("Мария"));
    assert_eq!(c.name.as_deref(), Some("Иванова Мария"));
    assert_eq!(c.phone.as_deref(), Some("+79123456789"));
    assert_eq!(c.time_zone, "Asia/Yekaterinburg");
    assert_eq!(c.source.as_deref(), Some("Instagram"));
    assert_eq!(c.utm_source.as_deref(), Some("insta"));
    assert_eq!(c.created_at, "2024-12-30T21:00:00Z");
    assert_eq!(
        c.custom.get("Любимый цвет").map(String::as_str),
        Some("синий")
    );

    let mut s = Scratch::new();
    let r = s.contacts(
        "ID,NAME,LAST_NAME,SECOND_NAME,PHONE_MOBILE,ADDRESS_CITY,UTM_SOURCE,UTM_CAMPAIGN\n\
         17,Пётр,Сидоров,Ильич,+79130000000,Омск,vk,autumn\n",
    );
    assert_eq!(r.rejected, 0, "{:?}", r.rejects);
    let (c, _) = s.by_external("17");
    assert_eq!(c.first_name.as_deref(), Some("Пётр"));
    assert_eq!(c.name.as_deref(), Some("Сидоров Пётр Ильич"));
    assert_eq!(c.time_zone, "Asia/Omsk");
    assert_eq!(c.utm_campaign.as_deref(), Some("autumn"));

    let mut s = Scratch::new();
    let r = s
        .contacts("Name,Phone,City,Consent,Tags\nMaria Ivanova,+79123456789,Kazan,yes,shoes|vip\n");
    assert_eq!(r.rejected, 0, "{:?}", r.rejects);
    let (c, tags) = s.by_phone("+79123456789");
    assert_eq!(c.first_name.as_deref(), Some("Maria"));
    assert_eq!(c.consent, Consent::Yes);
    assert_eq!(tags, ["shoes", "vip"]);
}

#[test]
fn map_overrides_headers() {
    let mut s = Scratch::new();
    let path = s.file(
        "crm.csv",
        "Клиент №;Контакт для связи;Ник\nX1;89123456789;Мария\n",
    );
    let mut options = ImportOptions::new(ImportKind::Contacts, chrono::Utc::now());
    options.map = vec![
        "Клиент №=external_id".parse().unwrap(),
        "контакт для связи=phone".parse().unwrap(),
        "Ник=first_name".parse().unwrap(),
    ];
    let r = s.try_import(&options, &path).unwrap();
    assert_eq!(r.inserted, 1);
    let (c, _) = s.by_external("X1");
    assert_eq!(c.phone.as_deref(), Some("+79123456789"));
    assert_eq!(c.first_name.as_deref(), Some("Мария"));

    options.map = vec!["Нет такого=phone".parse().unwrap()];
    assert_eq!(
        s.try_import(&options, &path).unwrap_err().id(),
        "error-map-column"
    );
    assert_eq!(
        "Ник=shoe_size"
            .parse::<adresat::import::ColumnMap>()
            .unwrap_err()
            .id(),
        "error-map-field"
    );
    assert_eq!(
        "Ник"
            .parse::<adresat::import::ColumnMap>()
            .unwrap_err()
            .id(),
        "error-map-syntax"
    );
}

/// Bitrix24's "Экспорт в Excel": an HTML table in a file named `.xls`, as its contacts list writes
/// it (the header list is Bitrix24's contact fields as its CSV export names them; the HTML shape —
/// a `<meta>` charset, a bordered table, one `<th>` row, entities and `<br>` in cells — as the
/// file Bitrix24 saves). Shuffled, with an unknown column, it imports like the CSV would.
#[test]
fn bitrix24_excel_export_is_an_html_table_and_imports() {
    let mut s = Scratch::new();
    let html = "<html><head><meta http-equiv=\"Content-type\" content=\"text/html;charset=utf-8\" /></head>\n\
        <body><table border=\"1\">\n\
        <tr><th>ID</th><th>Имя</th><th>Фамилия</th><th>Отчество</th><th>Дата рождения</th>\
        <th>Адрес</th><th>Источник</th><th>Экспорт</th><th>Дата создания</th>\
        <th>Рабочий телефон</th><th>Мобильный телефон</th><th>Телефон для рассылок</th>\
        <th>Рабочий e-mail</th><th>Контакт Telegram</th><th>UF_CRM_1700000000</th></tr>\n\
        <tr><td>5012</td><td>Мария</td><td>Иванова</td><td>Петровна</td><td>12.03.1990</td>\
        <td>г. Казань, ул. Баумана, 1</td><td>Сайт</td><td>Y</td><td>30.09.2026 22:37:00</td>\
        <td>+7 (843) 200-00-00</td><td>+7 (950) 000-00-00, 8 900 519-40-67</td><td></td>\
        <td>maria@example.ru</td><td>@maria_iv</td><td>&quot;VIP&quot; &amp; друзья</td></tr>\n\
        <tr><td>5013</td><td>Пётр</td><td>Сидоров</td><td></td><td></td><td></td><td>Звонок</td>\
        <td>N</td><td>01.10.2026 09:00:00</td><td></td><td>8&nbsp;912&nbsp;000-00-13</td>\
        <td>+7 916 000-00-14</td><td></td><td></td><td>строка 1<br>строка 2</td></tr>\n\
        </table></body></html>\n";
    let path = s.path("contact.xls");
    std::fs::write(&path, html).unwrap();
    let report = s.import(adresat::import::ImportKind::Contacts, &path);
    assert_eq!(report.format.kind, "html");
    assert_eq!((report.read, report.inserted, report.rejected), (2, 2, 0));
    let (maria, _) = s.by_system_id("bitrix24", "5012");
    assert_eq!(maria.phone.as_deref(), Some("+79500000000"));
    assert_eq!(maria.first_name.as_deref(), Some("Мария"));
    assert_eq!(maria.source.as_deref(), Some("Сайт"));
    assert_eq!(maria.tg_username.as_deref(), Some("maria_iv"));
    assert_eq!(maria.created_at, "2026-09-30T19:37:00Z");
    assert_eq!(maria.custom["UF_CRM_1700000000"], "\"VIP\" & друзья");
    assert_eq!(maria.custom["Рабочий телефон"], "+7 (843) 200-00-00");
    assert_eq!(maria.custom["Мобильный телефон"], "8 900 519-40-67");
    // The town of the address; the birthday as a date; a work e-mail identifies nobody; Bitrix's
    // «Экспорт» is not consent.
    assert_eq!(maria.city.as_deref(), Some("Казань"));
    assert_eq!(maria.tz_source, adresat::store::TzSource::Address);
    assert_eq!(maria.birthday.as_deref(), Some("1990-03-12"));
    assert_eq!(maria.email, None);
    assert_eq!(maria.custom["Рабочий e-mail"], "maria@example.ru");
    assert_eq!(maria.consent, adresat::store::Consent::Unknown);
    // The number "for mailings" is the one to message; a line break stays one.
    let (petr, _) = s.by_system_id("bitrix24", "5013");
    assert_eq!(petr.phone.as_deref(), Some("+79160000014"));
    assert_eq!(petr.custom["Мобильный телефон"], "8 912 000-00-13");
    assert_eq!(petr.custom["UF_CRM_1700000000"], "строка 1\nстрока 2");
    // The same file again changes nothing.
    let again = s.import(adresat::import::ImportKind::Contacts, &path);
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 2));
}
