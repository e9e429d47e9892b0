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
