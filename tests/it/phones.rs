use adresat::import::phone::normalize_phone;

#[test]
fn russian_forms_are_one_number() {
    for raw in [
        "8 912 345-67-89",
        "+7 (912) 345-67-89",
        "79123456789",
        "9123456789",
        "+79123456789",
        "8(912)3456789",
        "8-912-345-67-89",
        " +7 912 345 67 89 ",
        "7.912.345.67.89",
    ] {
        assert_eq!(
            normalize_phone(raw, "RU").as_deref(),
            Ok("+79123456789"),
            "{raw}"
        );
    }
}

#[test]
fn toll_free_and_landlines_keep_their_digits() {
    // phonenumber 0.3.10 turns this into +7005553535 (whisperfish/rust-phonenumber#76).
    assert_eq!(
        normalize_phone("8 800 555 35 35", "RU").as_deref(),
        Ok("+78005553535")
    );
    assert_eq!(
        normalize_phone("8 (495) 123-45-67", "RU").as_deref(),
        Ok("+74951234567")
    );
    assert_eq!(
        normalize_phone("8 (3452) 12-34-56", "RU").as_deref(),
        Ok("+73452123456")
    );
    assert_eq!(
        normalize_phone("+7 727 123 45 67", "RU").as_deref(),
        Ok("+77271234567")
    );
}

#[test]
fn other_countries_go_through_their_rules() {
    assert_eq!(
        normalize_phone("+375 29 123-45-67", "RU").as_deref(),
        Ok("+375291234567")
    );
    assert_eq!(
        normalize_phone("810 375 29 123 45 67", "RU").as_deref(),
        Ok("+375291234567")
    );
    assert_eq!(
        normalize_phone("+49 30 12345678", "RU").as_deref(),
        Ok("+493012345678")
    );
    assert_eq!(
        normalize_phone("029 123 45 67", "BY").as_deref(),
        Ok("+375291234567")
    );
}

#[test]
fn excel_rounded_phone_is_rejected_with_that_reason() {
    for raw in ["7,91235E+10", "7.91235E+10", "8,91234E+10"] {
        assert_eq!(
            normalize_phone(raw, "RU").unwrap_err().id,
            "reject-phone-excel-rounded",
            "{raw}"
        );
    }
}

#[test]
fn garbage_is_not_a_phone() {
    for raw in [
        "",
        "нет",
        "12345",
        "+7 012 345 67 89",
        "8 912 345 67 89 00",
        "8912345678a",
        "++79123456789",
        "7+9123456789",
    ] {
        assert_eq!(
            normalize_phone(raw, "RU").unwrap_err().id,
            "reject-phone-invalid",
            "{raw:?}"
        );
    }
}

/// A CRM export with one column per phone type, several numbers in a cell and Excel's apostrophe
/// before numbers: the number to message is the surest column's, mobile before landline, and the
/// rest stay with the contact as custom fields (DESIGN.md, "Which phone").
#[test]
fn the_number_to_message_is_chosen_among_phone_columns_and_the_rest_kept() {
    use crate::support::{Scratch, reject_ids};
    let mut s = Scratch::new();
    let report = s.contacts(
        "ID;Имя;Рабочий телефон;Мобильный телефон;Домашний телефон;Телефон для рассылок;Факс\n\
         '00101;Анна;8 (495) 123-45-67;'+7 912 000-00-01;;;8 (495) 123-45-00\n\
         '00102;Борис;\"+7 (950) 000-00-00, 8 900 519-40-67\";;;+7 916 000-00-02;\n\
         '00103;Вера;+7 495 000 00 03;;8 (3452) 12-34-56;;\n\
         '00104;Глеб;;\"8 (495) 765-43-21, 8 912 000-00-04\";;;\n\
         '00105;Дина;;7,91235E+10;;;\n",
    );
    assert_eq!(reject_ids(&report), vec![(6, "reject-phone-excel-rounded")]);
    assert_eq!(report.inserted, 4);
    let (anna, _) = s.by_phone("+79120000001");
    assert_eq!(anna.external_id.as_deref(), Some("00101"));
    assert_eq!(anna.custom["Рабочий телефон"], "8 (495) 123-45-67");
    // A fax is no phone to message: a custom field as it was.
    assert_eq!(anna.custom["Факс"], "8 (495) 123-45-00");
    let (boris, _) = s.by_phone("+79160000002");
    assert_eq!(
        boris.custom["Рабочий телефон"],
        "+7 (950) 000-00-00, 8 900 519-40-67"
    );
    assert!(!boris.custom.contains_key("Телефон для рассылок"));
    // Two landlines: the work one, the surer column.
    let (vera, _) = s.by_phone("+74950000003");
    assert_eq!(vera.custom["Домашний телефон"], "8 (3452) 12-34-56");
    // In one cell, the mobile number before the landline written first.
    let (gleb, _) = s.by_phone("+79120000004");
    assert_eq!(gleb.custom["Мобильный телефон"], "8 (495) 765-43-21");

    // The same file again changes nothing.
    let again = s.contacts(
        "ID;Имя;Рабочий телефон;Мобильный телефон;Домашний телефон;Телефон для рассылок;Факс\n\
         '00101;Анна;8 (495) 123-45-67;'+7 912 000-00-01;;;8 (495) 123-45-00\n\
         '00102;Борис;\"+7 (950) 000-00-00, 8 900 519-40-67\";;;+7 916 000-00-02;\n\
         '00103;Вера;+7 495 000 00 03;;8 (3452) 12-34-56;;\n\
         '00104;Глеб;;\"8 (495) 765-43-21, 8 912 000-00-04\";;;\n",
    );
    assert_eq!((again.inserted, again.updated), (0, 0), "{again:?}");
    assert_eq!(again.unchanged, 4);
}

#[test]
fn mobile_numbers_are_told_from_landlines() {
    use adresat::import::phone::is_mobile;
    assert!(is_mobile("+79123456789"));
    assert!(is_mobile("+77011234567"), "Kazakhstan's mobile");
    assert!(!is_mobile("+74951234567"), "Moscow landline");
    assert!(!is_mobile("+77272123456"), "Almaty landline");
    assert!(!is_mobile("+78005553535"), "toll-free");
    assert!(is_mobile("+375291234567"), "Belarus mobile");
    assert!(!is_mobile("+375172345678"), "Minsk landline");
}
